/*
 * dev/ata.c — the primary ATA channel: the task file, IDENTIFY DEVICE, PIO
 * READ/WRITE SECTORS and MULTIPLE, CHS and LBA28 addressing, IRQ14 and
 * software reset. Commands complete at once, so BSY shows only during SRST.
 */
#include "ata.h"

#include <stdio.h>
#include <string.h>

enum { ST_ERR = 0x01, ST_DRQ = 0x08, ST_DSC = 0x10, ST_DRDY = 0x40, ST_BSY = 0x80 };
enum { ERR_ABRT = 0x04, ERR_IDNF = 0x10, ERR_UNC = 0x40 };
enum { CTL_NIEN = 0x02, CTL_SRST = 0x04 };
enum { SEL_DRV = 0x10, SEL_LBA = 0x40, SEL_OBSOLETE = 0xA0 };
enum {
	CMD_RECALIBRATE = 0x10, /* 0x10-0x1F */
	CMD_READ = 0x20,
	CMD_READ_NR = 0x21,
	CMD_WRITE = 0x30,
	CMD_WRITE_NR = 0x31,
	CMD_SEEK = 0x70, /* 0x70-0x7F */
	CMD_INIT_PARAMS = 0x91,
	CMD_READ_MULTIPLE = 0xC4,
	CMD_WRITE_MULTIPLE = 0xC5,
	CMD_SET_MULTIPLE = 0xC6,
	CMD_IDENTIFY = 0xEC,
};

#define ST_IDLE      (ST_DRDY | ST_DSC)
#define LBA28_MAX    0x0FFFFFFFu
#define DEFAULT_HEAD 16
#define DEFAULT_SPT  63
#define MAX_CYLS     16383 /* IDENTIFY word 1's limit: larger disks need LBA */

static struct ata_drive *selected(struct ata *a)
{
	return &a->drive[(a->select & SEL_DRV) ? 1 : 0];
}

static void update_irq(struct ata *a)
{
	bool level = a->intrq && !(a->control & CTL_NIEN);

	if (level != a->irq_level) {
		a->irq_level = level;
		irq_set(&a->irq14, level);
	}
}

static void raise_intrq(struct ata *a)
{
	a->intrq = true;
	update_irq(a);
}

static void finish(struct ata *a)
{
	a->status = ST_IDLE;
	a->len = a->pos = 0;
	raise_intrq(a);
}

static void fail(struct ata *a, uint8_t error)
{
	a->error = error;
	a->status = ST_IDLE | ST_ERR;
	a->len = a->pos = a->remaining = 0;
	raise_intrq(a);
}

static void set_geometry(struct ata_drive *d, uint8_t heads, uint8_t spt, uint32_t max_cyls)
{
	uint64_t cyls = d->blk.sectors / ((uint64_t)heads * spt);

	/* A disk smaller than one cylinder still reports one, so CHS works. */
	d->cyls = (uint16_t)(cyls < 1 ? 1 : cyls > max_cyls ? max_cyls : cyls);
	d->heads = heads;
	d->spt = spt;
}

/* The address in the task file, or -1 when it names no sector (IDNF). */
static int task_file_lba(struct ata *a, const struct ata_drive *d, uint64_t *lba)
{
	uint32_t cyl = a->lba_mid | (uint32_t)a->lba_hi << 8, head = a->select & 0x0F;

	if (a->select & SEL_LBA) {
		*lba = (uint64_t)head << 24 | (uint64_t)cyl << 8 | a->lba_lo;
		return 0;
	}
	if (a->lba_lo == 0 || a->lba_lo > d->spt || head >= d->heads || cyl >= d->cyls)
		return -1;
	*lba = ((uint64_t)cyl * d->heads + head) * d->spt + a->lba_lo - 1;
	return 0;
}

/* After each block, as ATA-2 documents: the address registers name the last
 * sector transferred (in the form the command used) and the sector count
 * the sectors still to go, so a guest can see how far a failed transfer got. */
static void task_file_advance(struct ata *a, const struct ata_drive *d, uint32_t n)
{
	uint64_t last = a->lba + n - 1;
	uint32_t cyl;

	if (a->select & SEL_LBA) {
		a->lba_lo = (uint8_t)last;
		cyl = (uint32_t)(last >> 8);
		a->select = (uint8_t)((a->select & 0xF0) | ((last >> 24) & 0x0F));
	} else {
		uint64_t track = last / d->spt;
		a->lba_lo = (uint8_t)(last % d->spt + 1);
		cyl = (uint32_t)(track / d->heads);
		a->select = (uint8_t)((a->select & 0xF0) | (track % d->heads));
	}
	a->lba_mid = (uint8_t)cyl;
	a->lba_hi = (uint8_t)(cyl >> 8);
	a->count = (uint8_t)(a->remaining - n); /* 256 sectors wrap to 0, as they were asked */
}

static bool is_multiple(uint8_t cmd)
{
	return cmd == CMD_READ_MULTIPLE || cmd == CMD_WRITE_MULTIPLE;
}

static uint32_t block_sectors(struct ata *a)
{
	uint32_t n = is_multiple(a->cmd) ? selected(a)->multiple : 1;

	return n < a->remaining ? n : a->remaining;
}

/* Data for the guest: the next block of a read is in 'buf'. */
static void load_block(struct ata *a)
{
	struct ata_drive *d = selected(a);
	uint32_t n = block_sectors(a);

	if (d->blk.read(d->blk.ctx, a->lba, a->buf, n) < 0) {
		fail(a, ERR_UNC);
		return;
	}
	a->len = n * BLOCK_SECTOR_SIZE;
	a->pos = 0;
	a->status = ST_IDLE | ST_DRQ;
	raise_intrq(a);
}

/* The first block of a write is asked for without an interrupt (ATA PIO
 * data-out protocol); the following ones interrupt. */
static void want_block(struct ata *a, bool interrupt)
{
	a->len = block_sectors(a) * BLOCK_SECTOR_SIZE;
	a->pos = 0;
	a->status = ST_IDLE | ST_DRQ;
	if (interrupt)
		raise_intrq(a);
}

static void start_transfer(struct ata *a, bool writing)
{
	struct ata_drive *d = selected(a);
	uint32_t n = a->count ? a->count : 256;
	uint64_t lba;

	if (is_multiple(a->cmd) && !d->multiple) {
		fail(a, ERR_ABRT);
		return;
	}
	if (task_file_lba(a, d, &lba) < 0 || lba + n > d->blk.sectors) {
		fail(a, ERR_IDNF);
		return;
	}
	a->lba = lba;
	a->remaining = n;
	a->writing = writing;
	if (writing)
		want_block(a, false);
	else
		load_block(a);
}

/* The guest has taken the whole block in 'buf'. */
static void read_block_done(struct ata *a)
{
	uint32_t n = a->len / BLOCK_SECTOR_SIZE;

	if (a->cmd == CMD_IDENTIFY) {
		a->status = ST_IDLE;
		a->len = a->pos = 0;
		return;
	}
	task_file_advance(a, selected(a), n);
	a->lba += n;
	a->remaining -= n;
	if (a->remaining) {
		load_block(a);
	} else {
		a->status = ST_IDLE;
		a->len = a->pos = 0;
	}
}

/* The guest has filled the block in 'buf': store it. */
static void write_block_done(struct ata *a)
{
	struct ata_drive *d = selected(a);
	uint32_t n = a->len / BLOCK_SECTOR_SIZE;

	if (d->blk.write(d->blk.ctx, a->lba, a->buf, n) < 0) {
		fail(a, ERR_ABRT);
		return;
	}
	task_file_advance(a, d, n);
	a->lba += n;
	a->remaining -= n;
	if (a->remaining)
		want_block(a, true);
	else
		finish(a);
}

/* ATA strings: two characters a word, the first in the high byte, padded
 * with spaces. */
static void put_string(uint16_t *w, int words, const char *s)
{
	size_t len = strlen(s);

	for (int i = 0; i < words * 2; i++) {
		uint8_t c = (size_t)i < len ? (uint8_t)s[i] : ' ';

		w[i / 2] = (i & 1) ? (uint16_t)(w[i / 2] | c) : (uint16_t)(c << 8);
	}
}

static void put_word_pair(uint16_t *w, uint32_t v)
{
	w[0] = (uint16_t)v;
	w[1] = (uint16_t)(v >> 16);
}

static void identify(struct ata *a)
{
	struct ata_drive *d = selected(a);
	uint16_t w[256] = { 0 };
	char serial[21];

	snprintf(serial, sizeof serial, "X86LAB-HD%d", d == &a->drive[1]);
	w[0] = 0x0040; /* fixed disk */
	w[1] = d->default_cyls;
	w[3] = DEFAULT_HEAD;
	w[6] = DEFAULT_SPT;
	put_string(&w[10], 10, serial);
	put_string(&w[23], 4, "1.0");
	put_string(&w[27], 20, "x86lab disk");
	w[47] = 0x8000 | ATA_MAX_MULTIPLE;
	w[49] = 0x0200; /* LBA supported */
	w[51] = 0x0200; /* PIO mode 2 timing */
	w[53] = 0x0001; /* words 54-58 are valid */
	w[54] = d->cyls;
	w[55] = d->heads;
	w[56] = d->spt;
	put_word_pair(&w[57], (uint32_t)d->cyls * d->heads * d->spt);
	w[59] = d->multiple ? (uint16_t)(0x0100 | d->multiple) : 0;
	put_word_pair(&w[60], d->blk.sectors > LBA28_MAX ? LBA28_MAX : (uint32_t)d->blk.sectors);
	w[80] = 0x001E; /* ATA-1 to ATA-4 */
	for (int i = 0; i < 256; i++) {
		a->buf[2 * i] = (uint8_t)w[i];
		a->buf[2 * i + 1] = (uint8_t)(w[i] >> 8);
	}
	a->len = BLOCK_SECTOR_SIZE;
	a->pos = 0;
	a->remaining = 0;
	a->status = ST_IDLE | ST_DRQ;
	raise_intrq(a);
}

static void set_multiple(struct ata *a)
{
	uint8_t n = a->count;

	/* 0 turns multiple mode off; otherwise a power of two we can buffer. */
	if (n > ATA_MAX_MULTIPLE || (n & (n - 1))) {
		fail(a, ERR_ABRT);
		return;
	}
	selected(a)->multiple = n;
	finish(a);
}

static void init_params(struct ata *a)
{
	struct ata_drive *d = selected(a);

	if (a->count == 0) {
		fail(a, ERR_ABRT);
		return;
	}
	set_geometry(d, (uint8_t)((a->select & 0x0F) + 1), a->count, 65535);
	finish(a);
}

static void seek(struct ata *a)
{
	uint64_t lba;

	if (task_file_lba(a, selected(a), &lba) < 0 || lba >= selected(a)->blk.sectors)
		fail(a, ERR_IDNF);
	else
		finish(a);
}

static void command(struct ata *a, uint8_t cmd)
{
	/* Only the selected drive answers; with no such drive, nobody does. */
	if ((a->control & CTL_SRST) || !selected(a)->present)
		return;
	a->intrq = false;
	update_irq(a);
	a->error = 0;
	a->cmd = cmd;
	a->len = a->pos = a->remaining = 0;
	if ((cmd & 0xF0) == CMD_RECALIBRATE) {
		finish(a);
		return;
	}
	if ((cmd & 0xF0) == CMD_SEEK) {
		seek(a);
		return;
	}
	switch (cmd) {
	case CMD_IDENTIFY:
		identify(a);
		break;
	case CMD_READ:
	case CMD_READ_NR:
	case CMD_READ_MULTIPLE:
		start_transfer(a, false);
		break;
	case CMD_WRITE:
	case CMD_WRITE_NR:
	case CMD_WRITE_MULTIPLE:
		start_transfer(a, true);
		break;
	case CMD_SET_MULTIPLE:
		set_multiple(a);
		break;
	case CMD_INIT_PARAMS:
		init_params(a);
		break;
	default:
		fail(a, ERR_ABRT);
		break;
	}
}

static bool transferring(const struct ata *a, bool writing)
{
	return (a->status & ST_DRQ) && a->writing == writing && a->pos < a->len;
}

/* A byte access to the data port moves a whole word, as the 16-bit bus does. */
static uint32_t data_read(struct ata *a, int size)
{
	uint16_t v;

	if (!transferring(a, false))
		return size == 1 ? 0xFF : 0xFFFF;
	v = (uint16_t)(a->buf[a->pos] | a->buf[a->pos + 1] << 8);
	a->pos += 2;
	if (a->pos == a->len)
		read_block_done(a);
	return size == 1 ? (v & 0xFF) : v;
}

static void data_write(struct ata *a, uint32_t val)
{
	if (!transferring(a, true))
		return;
	a->buf[a->pos] = (uint8_t)val;
	a->buf[a->pos + 1] = (uint8_t)(val >> 8);
	a->pos += 2;
	if (a->pos == a->len)
		write_block_done(a);
}

/* An absent drive drives nothing onto the status lines: it reads 0, which
 * BIOSes take as "no device" (see ata.h). */
static uint8_t status_value(struct ata *a)
{
	if (a->control & CTL_SRST)
		return ST_BSY;
	return selected(a)->present ? a->status : 0;
}

static uint32_t ata_read(void *dev, uint16_t port, int size)
{
	struct ata *a = dev;
	uint8_t st;

	switch (port) {
	case 0:
		return data_read(a, size);
	case 1:
		return a->error;
	case 2:
		return a->count;
	case 3:
		return a->lba_lo;
	case 4:
		return a->lba_mid;
	case 5:
		return a->lba_hi;
	case 6:
		return a->select | SEL_OBSOLETE;
	default:
		/* Reading the status acknowledges the interrupt. */
		st = status_value(a);
		if (selected(a)->present) {
			a->intrq = false;
			update_irq(a);
		}
		return st;
	}
}

static void ata_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct ata *a = dev;
	uint8_t v = (uint8_t)val;

	(void)size;
	switch (port) {
	case 0:
		data_write(a, val);
		break;
	case 1:
		a->features = v;
		break;
	case 2:
		a->count = v;
		break;
	case 3:
		a->lba_lo = v;
		break;
	case 4:
		a->lba_mid = v;
		break;
	case 5:
		a->lba_hi = v;
		break;
	case 6:
		a->select = v & ~SEL_OBSOLETE;
		break;
	default:
		command(a, v);
		break;
	}
}

/* After SRST: diagnostic code 01 (no error) and the ATA signature, drive 0
 * selected, nothing pending. */
static void reset_done(struct ata *a)
{
	a->error = 0x01;
	a->count = 1;
	a->lba_lo = 1;
	a->lba_mid = a->lba_hi = 0;
	a->select = 0;
	a->status = ST_IDLE;
	a->len = a->pos = a->remaining = 0;
}

static uint32_t ctl_read(void *dev, uint16_t port, int size)
{
	(void)port;
	(void)size;
	return status_value(dev); /* alternate status: no acknowledge */
}

static void ctl_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct ata *a = dev;
	uint8_t old = a->control;

	(void)port;
	(void)size;
	a->control = (uint8_t)val;
	if ((a->control & CTL_SRST) && !(old & CTL_SRST)) {
		a->intrq = false;
		a->len = a->pos = a->remaining = 0;
	} else if (!(a->control & CTL_SRST) && (old & CTL_SRST)) {
		reset_done(a);
	}
	update_irq(a);
}

static const struct port_ops ata_ops = { ata_read, ata_write };
static const struct port_ops ctl_ops = { ctl_read, ctl_write };

static void attach(struct ata_drive *d, const struct block_dev *blk)
{
	if (!blk)
		return;
	d->present = true;
	d->blk = *blk;
	set_geometry(d, DEFAULT_HEAD, DEFAULT_SPT, MAX_CYLS);
	d->default_cyls = d->cyls;
}

int ata_init(struct ata *a, struct bus *b, struct irq_line irq14, const struct block_dev *master,
             const struct block_dev *slave)
{
	memset(a, 0, sizeof *a);
	a->irq14 = irq14;
	attach(&a->drive[0], master);
	attach(&a->drive[1], slave);
	reset_done(a);
	if (!master && !slave)
		return 0;
	if (bus_map(b, 0x1F0, 8, "ata0", &ata_ops, a, IO_8 | IO_16) < 0 ||
	    bus_map(b, 0x3F6, 1, "ata0 ctl", &ctl_ops, a, IO_8) < 0)
		return -1;
	return 0;
}
