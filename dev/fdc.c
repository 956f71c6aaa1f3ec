/*
 * dev/fdc.c — the 82077AA floppy controller: DOR/MSR/DSR/DIR/CCR, the command,
 * execution and result phases, seeks, sector transfers over DMA channel 2 and
 * IRQ6. Commands complete at once: the drive has no mechanical delays.
 */
#include "fdc.h"

#include <string.h>

enum { DOR_SELECT = 0x03, DOR_NRESET = 0x04, DOR_DMA_IRQ = 0x08 };
enum { MSR_RQM = 0x80, MSR_DIO = 0x40, MSR_BUSY = 0x10 };
enum { DSR_RESET = 0x80 };
enum { DIR_CHANGED = 0x80 };
enum { ST0_ABNORMAL = 0x40, ST0_INVALID = 0x80, ST0_SEEK_END = 0x20, ST0_NOT_READY = 0x08 };
enum { ST0_RESET_POLL = 0xC0 }; /* "ready line changed", as after a reset */
enum { ST1_END_OF_CYL = 0x80, ST1_DATA_ERROR = 0x20, ST1_NO_DATA = 0x04, ST1_NOT_WRITABLE = 0x02 };
enum { ST1_OVERRUN = 0x10, ST1_MISSING_AM = 0x01 };
enum { ST2_WRONG_CYL = 0x10 };
enum { ST3_WP = 0x40, ST3_READY = 0x20, ST3_TRACK0 = 0x10, ST3_TWO_SIDED = 0x08 };
enum { SENSE_WAITING = 0x100 };
enum { CMD_MT = 0x80 };

enum {
	CMD_SPECIFY = 0x03,
	CMD_SENSE_DRIVE = 0x04,
	CMD_WRITE_DATA = 0x05,
	CMD_READ_DATA = 0x06,
	CMD_RECALIBRATE = 0x07,
	CMD_SENSE_INTERRUPT = 0x08,
	CMD_READ_ID = 0x0A,
	CMD_FORMAT_TRACK = 0x0D,
	CMD_SEEK = 0x0F,
	CMD_VERSION = 0x10,
	CMD_CONFIGURE = 0x13,
};

#define VERSION_82077AA  0x90
#define SECTOR_SIZE_CODE 2 /* N = 2: 512-byte sectors, the only size images hold */

static const struct fdc_geometry geometries[] = {
	{ 40, 2, 9, 1, "360K" },   { 80, 2, 9, 3, "720K" },   { 80, 2, 15, 2, "1.2M" },
	{ 80, 2, 18, 4, "1.44M" }, { 80, 2, 36, 5, "2.88M" },
};

const struct fdc_geometry *fdc_geometry_for(uint64_t sectors)
{
	for (size_t i = 0; i < sizeof geometries / sizeof geometries[0]; i++) {
		const struct fdc_geometry *g = &geometries[i];

		if (sectors == (uint64_t)g->cyls * g->heads * g->spt)
			return g;
	}
	return NULL;
}

/* The byte count of each command, its opcode's low five bits as the index
 * (MT, MFM and SK live in the top three); 0: invalid. */
static int command_length(uint8_t opcode)
{
	switch (opcode & 0x1F) {
	case CMD_SPECIFY:
	case CMD_SEEK:
		return 3;
	case CMD_SENSE_DRIVE:
	case CMD_RECALIBRATE:
	case CMD_READ_ID:
		return 2;
	case CMD_WRITE_DATA:
	case CMD_READ_DATA:
		return 9;
	case CMD_SENSE_INTERRUPT:
	case CMD_VERSION:
		return 1;
	case CMD_FORMAT_TRACK:
		return 6;
	case CMD_CONFIGURE:
		return 4;
	default:
		return 0;
	}
}

static void update_irq(struct fdc *f)
{
	bool level = f->irq_pending && (f->dor & DOR_DMA_IRQ);

	if (level != f->irq_level) {
		f->irq_level = level;
		irq_set(&f->irq6, level);
	}
}

static void set_interrupt(struct fdc *f, bool on)
{
	f->irq_pending = on;
	update_irq(f);
}

static void reset(struct fdc *f)
{
	f->cmd_pos = f->cmd_len = f->res_pos = f->res_len = 0;
	f->dsr = 0x02;
	/* A reset reports "ready changed" for all four drive slots. */
	for (int i = 0; i < 4; i++) {
		f->sense_st0[i] = SENSE_WAITING | ST0_RESET_POLL | (uint16_t)i;
		f->sense_pcn[i] = i < 2 ? f->drive[i].pcn : 0;
	}
	set_interrupt(f, false);
}

/* The end of a reset: the controller interrupts. */
static void leave_reset(struct fdc *f)
{
	set_interrupt(f, true);
}

static void result(struct fdc *f, const uint8_t *bytes, int n)
{
	memcpy(f->res, bytes, (size_t)n);
	f->res_len = n;
	f->res_pos = 0;
}

/* The seven-byte result of a data command; raises the interrupt. */
static void result7(struct fdc *f, uint8_t st0, uint8_t st1, uint8_t st2, uint8_t c, uint8_t h,
                    uint8_t r)
{
	const uint8_t bytes[7] = { st0, st1, st2, c, h, r, SECTOR_SIZE_CODE };

	result(f, bytes, 7);
	set_interrupt(f, true);
}

static void seek_done(struct fdc *f, int unit, uint8_t cyl)
{
	struct fdc_drive *d = &f->drive[unit & 1];
	uint8_t st0 = ST0_SEEK_END | (uint8_t)unit;

	if (unit < 2 && d->present) {
		/* The head steps only to a different track; a step with a disk in
		 * the drive clears the change line. */
		if (d->geo && cyl >= d->geo->cyls)
			cyl = (uint8_t)(d->geo->cyls - 1);
		if (cyl != d->pcn)
			d->disk_changed = false;
		d->pcn = cyl;
	} else {
		st0 |= ST0_ABNORMAL | ST0_NOT_READY;
	}
	f->sense_st0[unit] = SENSE_WAITING | st0;
	f->sense_pcn[unit] = unit < 2 ? d->pcn : 0;
	set_interrupt(f, true);
}

static void sense_interrupt(struct fdc *f)
{
	for (int i = 0; i < 4; i++) {
		if (f->sense_st0[i] & SENSE_WAITING) {
			const uint8_t bytes[2] = { (uint8_t)f->sense_st0[i], f->sense_pcn[i] };

			f->sense_st0[i] = 0;
			result(f, bytes, 2);
			set_interrupt(f, false);
			return;
		}
	}
	/* Nothing to report: the 82077AA answers as for an invalid command. */
	result(f, (const uint8_t[]){ ST0_INVALID }, 1);
}

static void sense_drive(struct fdc *f)
{
	int unit = f->cmd[1] & 3, head = (f->cmd[1] >> 2) & 1;
	struct fdc_drive *d = &f->drive[unit & 1];
	uint8_t st3 = (uint8_t)(unit | head << 2) | ST3_TWO_SIDED | ST3_READY;

	if (unit >= 2 || !d->present) {
		st3 &= (uint8_t)~ST3_READY;
	} else {
		st3 |= d->write_protected ? ST3_WP : 0;
		st3 |= d->pcn == 0 ? ST3_TRACK0 : 0;
	}
	result(f, &st3, 1);
}

/* READ DATA and WRITE DATA from cmd[2..4] (C, H, R) up to EOT (cmd[6]),
 * one sector per DMA block, until the DMA channel reaches terminal count. */
static void transfer(struct fdc *f, bool writing)
{
	int unit = f->cmd[1] & 3;
	struct fdc_drive *d = &f->drive[unit & 1];
	bool multi_track = f->cmd[0] & CMD_MT;
	uint8_t c = f->cmd[2], h = f->cmd[3], r = f->cmd[4], eot = f->cmd[6];
	uint8_t st0 = (uint8_t)(unit | (f->cmd[1] & 4));

	if (unit >= 2 || !d->present) {
		result7(f, st0 | ST0_ABNORMAL | ST0_NOT_READY, 0, 0, c, h, r);
		return;
	}
	if (writing && d->write_protected) {
		result7(f, st0 | ST0_ABNORMAL, ST1_NOT_WRITABLE, 0, c, h, r);
		return;
	}
	if (h != (f->cmd[1] >> 2 & 1)) { /* the sector IDs on head 1 say H=1 */
		result7(f, st0 | ST0_ABNORMAL, ST1_NO_DATA, 0, c, h, r);
		return;
	}
	for (;;) {
		uint64_t lba;
		int moved;

		if (c != d->pcn) {
			result7(f, st0 | ST0_ABNORMAL, ST1_NO_DATA, ST2_WRONG_CYL, c, h, r);
			return;
		}
		if (f->cmd[5] != SECTOR_SIZE_CODE || r == 0 || r > d->geo->spt ||
		    h >= d->geo->heads) {
			result7(f, st0 | ST0_ABNORMAL, ST1_NO_DATA, 0, c, h, r);
			return;
		}
		lba = ((uint64_t)c * d->geo->heads + h) * d->geo->spt + (uint64_t)(r - 1);
		if (!writing && d->blk.read(d->blk.ctx, lba, f->buf, 1)) {
			result7(f, st0 | ST0_ABNORMAL, ST1_DATA_ERROR, 0, c, h, r);
			return;
		}
		moved = dma_transfer(f->dma, FDC_DMA_CHANNEL, f->buf, BLOCK_SECTOR_SIZE, !writing);
		if (moved < BLOCK_SECTOR_SIZE && !dma_terminal_count(f->dma, FDC_DMA_CHANNEL)) {
			/* A masked channel: the controller would wait forever for
			 * DACK; report an overrun-like failure rather than hang. */
			result7(f, st0 | ST0_ABNORMAL, ST1_OVERRUN, 0, c, h, r);
			return;
		}
		if (writing && d->blk.write(d->blk.ctx, lba, f->buf, 1)) {
			result7(f, st0 | ST0_ABNORMAL, ST1_DATA_ERROR, 0, c, h, r);
			return;
		}
		/* The next sector: past EOT the other side (MT) or the end. */
		bool end_of_track = r == eot;

		if (!end_of_track) {
			r++;
		} else if (multi_track && h == 0) {
			h = 1;
			r = 1;
			st0 |= 4;
			end_of_track = false;
		} else {
			r = 1;
			h = multi_track ? 0 : h;
			c++;
		}
		if (dma_terminal_count(f->dma, FDC_DMA_CHANNEL)) {
			result7(f, st0, 0, 0, c, h, r);
			return;
		}
		if (end_of_track) {
			result7(f, st0 | ST0_ABNORMAL, ST1_END_OF_CYL, 0, c, h, r);
			return;
		}
	}
}

/* FORMAT TRACK: the DMA channel supplies C, H, R, N for each of SC sectors
 * (cmd[3]); each sector is filled with the filler byte (cmd[5]). */
static void format_track(struct fdc *f)
{
	int unit = f->cmd[1] & 3, head = (f->cmd[1] >> 2) & 1;
	struct fdc_drive *d = &f->drive[unit & 1];
	uint8_t st0 = (uint8_t)(unit | head << 2), id[4] = { 0 };

	if (unit >= 2 || !d->present) {
		result7(f, st0 | ST0_ABNORMAL | ST0_NOT_READY, 0, 0, 0, 0, 0);
		return;
	}
	if (d->write_protected) {
		result7(f, st0 | ST0_ABNORMAL, ST1_NOT_WRITABLE, 0, 0, 0, 0);
		return;
	}
	memset(f->buf, f->cmd[5], sizeof f->buf);
	for (int i = 0; i < f->cmd[3]; i++) {
		uint64_t lba;

		if (dma_transfer(f->dma, FDC_DMA_CHANNEL, id, 4, false) < 4)
			break;
		/* An image holds only the standard layout: the IDs must match it. */
		if (id[0] != d->pcn || id[1] != head || id[2] == 0 || id[2] > d->geo->spt ||
		    id[3] != SECTOR_SIZE_CODE || f->cmd[2] != SECTOR_SIZE_CODE) {
			result7(f, st0 | ST0_ABNORMAL, ST1_NO_DATA, 0, id[0], id[1], id[2]);
			return;
		}
		lba = ((uint64_t)id[0] * d->geo->heads + id[1]) * d->geo->spt +
		      (uint64_t)(id[2] - 1);
		if (d->blk.write(d->blk.ctx, lba, f->buf, 1)) {
			result7(f, st0 | ST0_ABNORMAL, ST1_DATA_ERROR, 0, id[0], id[1], id[2]);
			return;
		}
	}
	result7(f, st0, 0, 0, id[0], id[1], id[2]);
}

static void read_id(struct fdc *f)
{
	int unit = f->cmd[1] & 3, head = (f->cmd[1] >> 2) & 1;
	struct fdc_drive *d = &f->drive[unit & 1];
	uint8_t st0 = (uint8_t)(unit | head << 2);

	if (unit >= 2 || !d->present)
		result7(f, st0 | ST0_ABNORMAL | ST0_NOT_READY, ST1_MISSING_AM, 0, 0, 0, 0);
	else /* sector 1 is the one under the head: the index hole just passed */
		result7(f, st0, 0, 0, d->pcn, (uint8_t)head, 1);
}

static void execute(struct fdc *f)
{
	int unit = f->cmd[1] & 3;

	switch (f->cmd[0] & 0x1F) {
	case CMD_SPECIFY:
		f->specify[0] = f->cmd[1];
		f->specify[1] = f->cmd[2];
		break;
	case CMD_SENSE_DRIVE:
		sense_drive(f);
		break;
	case CMD_WRITE_DATA:
		transfer(f, true);
		break;
	case CMD_READ_DATA:
		transfer(f, false);
		break;
	case CMD_RECALIBRATE:
		seek_done(f, unit, 0);
		break;
	case CMD_SENSE_INTERRUPT:
		sense_interrupt(f);
		break;
	case CMD_READ_ID:
		read_id(f);
		break;
	case CMD_FORMAT_TRACK:
		format_track(f);
		break;
	case CMD_SEEK:
		seek_done(f, unit, f->cmd[2]);
		break;
	case CMD_VERSION:
		result(f, (const uint8_t[]){ VERSION_82077AA }, 1);
		break;
	case CMD_CONFIGURE: /* FIFO and implied-seek settings: no effect here */
		break;
	}
	f->cmd_pos = f->cmd_len = 0;
}

static void write_fifo(struct fdc *f, uint8_t val)
{
	if (!(f->dor & DOR_NRESET) || f->res_pos < f->res_len)
		return; /* in reset, or a result is waiting to be read */
	if (f->cmd_len == 0) {
		f->cmd_len = command_length(val);
		if (f->cmd_len == 0) {
			result(f, (const uint8_t[]){ ST0_INVALID }, 1);
			return;
		}
	}
	f->cmd[f->cmd_pos++] = val;
	if (f->cmd_pos == f->cmd_len)
		execute(f);
}

static uint8_t read_fifo(struct fdc *f)
{
	uint8_t val;

	if (f->res_pos >= f->res_len)
		return 0xFF;
	/* Reading a data command's result acknowledges its interrupt; a
	 * seek's waits for SENSE INTERRUPT STATUS. */
	if (f->res_pos == 0 && f->res_len == 7)
		set_interrupt(f, false);
	val = f->res[f->res_pos++];
	if (f->res_pos == f->res_len)
		f->res_pos = f->res_len = 0;
	return val;
}

static uint8_t main_status(const struct fdc *f)
{
	if (!(f->dor & DOR_NRESET))
		return 0;
	if (f->res_pos < f->res_len)
		return MSR_RQM | MSR_DIO | MSR_BUSY;
	return MSR_RQM | (f->cmd_pos ? MSR_BUSY : 0);
}

static void write_dor(struct fdc *f, uint8_t val)
{
	bool was_reset = !(f->dor & DOR_NRESET);

	f->dor = val;
	if (!(val & DOR_NRESET))
		reset(f);
	else if (was_reset)
		leave_reset(f);
	update_irq(f);
}

static uint32_t fdc_read(void *dev, uint16_t port, int size)
{
	struct fdc *f = dev;
	int sel = f->dor & DOR_SELECT;
	bool changed = sel >= 2 || !f->drive[sel & 1].present || f->drive[sel & 1].disk_changed;

	(void)size;
	switch (port) {
	case 2:
		return f->dor;
	case 4:
		return main_status(f);
	case 5:
		return read_fifo(f);
	case 7: /* DIR: only bit 7 is driven (an empty drive reads changed) */
		return changed ? DIR_CHANGED : 0x00;
	default:
		return 0xFF;
	}
}

static void fdc_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct fdc *f = dev;

	(void)size;
	switch (port) {
	case 2:
		write_dor(f, (uint8_t)val);
		break;
	case 4:
		f->dsr = (uint8_t)val & 0x7F;
		if (val & DSR_RESET) { /* a self-clearing reset pulse */
			reset(f);
			leave_reset(f);
		}
		break;
	case 5:
		write_fifo(f, (uint8_t)val);
		break;
	case 7:
		f->ccr = (uint8_t)val & 3;
		f->dsr = (uint8_t)((f->dsr & ~3) | f->ccr);
		break;
	}
}

/* 0x3F7 is a range of its own: DIR when read, CCR when written. */
static uint32_t dir_read(void *dev, uint16_t port, int size)
{
	(void)port;
	return fdc_read(dev, 7, size);
}

static void dir_write(void *dev, uint16_t port, uint32_t val, int size)
{
	(void)port;
	fdc_write(dev, 7, val, size);
}

static int add_drive(struct fdc_drive *d, const struct block_dev *blk)
{
	if (!blk)
		return 0;
	d->geo = fdc_geometry_for(blk->sectors);
	if (!d->geo)
		return -1;
	d->present = true;
	d->blk = *blk;
	d->write_protected = blk->write == NULL;
	d->disk_changed = true; /* the disk was just inserted */
	return 0;
}

int fdc_init(struct fdc *f, struct bus *bus, struct irq_line irq6, struct dma *dma,
             const struct block_dev *a, const struct block_dev *b)
{
	static const struct port_ops ops = { fdc_read, fdc_write };
	static const struct port_ops dir_ops = { dir_read, dir_write };

	memset(f, 0, sizeof *f);
	f->irq6 = irq6;
	f->dma = dma;
	if (add_drive(&f->drive[0], a) || add_drive(&f->drive[1], b))
		return -1;
	reset(f);
	/* 0x3F6 between them is the IDE channel's. */
	if (bus_map(bus, 0x3F0, 6, "fdc", &ops, f, IO_8) ||
	    bus_map(bus, 0x3F7, 1, "fdc-dir", &dir_ops, f, IO_8))
		return -1;
	return 0;
}

uint8_t fdc_floppy_types(const struct block_dev *a, const struct block_dev *b)
{
	const struct fdc_geometry *ga = a ? fdc_geometry_for(a->sectors) : NULL;
	const struct fdc_geometry *gb = b ? fdc_geometry_for(b->sectors) : NULL;

	return (uint8_t)((ga ? ga->cmos_type << 4 : 0) | (gb ? gb->cmos_type : 0));
}
