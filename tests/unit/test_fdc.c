/*
 * tests/unit/test_fdc.c — the floppy controller through its ports as a guest
 * drives it, with DMA channel 2 into real guest memory; on test-made images
 * in memory and, for the copy-on-write overlay, on a file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "disk_image.h"
#include "fdc.h"

enum { DOR = 0x3F2, MSR = 0x3F4, DSR = 0x3F4, FIFO = 0x3F5, DIR = 0x3F7, CCR = 0x3F7 };
enum { SECTORS_144 = 2880 };

struct memdisk {
	uint8_t *data;
};

struct rig {
	struct bus bus;
	struct mem mem;
	struct dma dma;
	struct fdc fdc;
	struct memdisk disk;
	struct block_dev blk;
	int irq_level, irq_rises;
};

/* Every byte of sector 'lba' says where it is: the LBA, then a count. */
static uint8_t pattern(uint32_t lba, int i)
{
	if (i < 2)
		return (uint8_t)(lba >> (8 * i));
	return (uint8_t)(lba + (uint32_t)i);
}

static int mem_read_sectors(void *ctx, uint64_t lba, uint8_t *buf, uint32_t count)
{
	memcpy(buf, ((struct memdisk *)ctx)->data + lba * 512, (size_t)count * 512);
	return 0;
}

static int mem_write_sectors(void *ctx, uint64_t lba, const uint8_t *buf, uint32_t count)
{
	memcpy(((struct memdisk *)ctx)->data + lba * 512, buf, (size_t)count * 512);
	return 0;
}

static void irq_set_level(void *ctx, int line, int level)
{
	struct rig *r = ctx;

	assert_int_equal(line, 6);
	r->irq_rises += level && !r->irq_level;
	r->irq_level = level;
}

static uint8_t inb(struct rig *r, uint16_t port)
{
	return (uint8_t)bus_in(&r->bus, port, 1);
}

static void outb(struct rig *r, uint16_t port, uint8_t v)
{
	bus_out(&r->bus, port, v, 1);
}

static struct rig *alloc_rig(void)
{
	struct rig *r = calloc(1, sizeof *r);

	assert_non_null(r);
	return r;
}

/* Drive A: holds 'a'; B: is empty. */
static void init_rig(struct rig *r, const struct block_dev *a)
{
	struct irq_line irq = { irq_set_level, r, 6 };

	bus_init(&r->bus);
	assert_int_equal(mem_init(&r->mem, 1u << 20, 24), 0);
	assert_int_equal(dma_init(&r->dma, &r->bus, &r->mem), 0);
	assert_int_equal(fdc_init(&r->fdc, &r->bus, irq, &r->dma, a, NULL), 0);
}

/* A rig with drive A: holding a patterned image of 'sectors' in memory;
 * 'protect': no write call, as a write-protected disk. */
static struct rig *make_rig(uint32_t sectors, bool protect)
{
	struct rig *r = alloc_rig();

	r->disk.data = malloc((size_t)sectors * 512);
	assert_non_null(r->disk.data);
	for (uint32_t s = 0; s < sectors; s++)
		for (int i = 0; i < 512; i++)
			r->disk.data[s * 512 + (uint32_t)i] = pattern(s, i);
	r->blk = (struct block_dev){ sectors, mem_read_sectors, protect ? NULL : mem_write_sectors,
		                     &r->disk };
	init_rig(r, &r->blk);
	return r;
}

static void free_rig(struct rig *r)
{
	mem_free(&r->mem);
	free(r->disk.data);
	free(r);
}

static void command(struct rig *r, const uint8_t *bytes, int n)
{
	for (int i = 0; i < n; i++) {
		assert_int_equal(inb(r, MSR) & 0xC0, 0x80); /* ready for a byte in */
		outb(r, FIFO, bytes[i]);
	}
}

static void results(struct rig *r, uint8_t *bytes, int n)
{
	for (int i = 0; i < n; i++) {
		assert_int_equal(inb(r, MSR) & 0xC0, 0xC0); /* a byte to read */
		bytes[i] = inb(r, FIFO);
	}
	assert_int_equal(inb(r, MSR) & 0xC0, 0x80); /* and no more */
}

static void sense_interrupt(struct rig *r, uint8_t *st0, uint8_t *pcn)
{
	uint8_t res[2];

	command(r, (const uint8_t[]){ 0x08 }, 1);
	results(r, res, 2);
	*st0 = res[0];
	*pcn = res[1];
}

/* Reset through the DOR and take the four polling interrupts, as a BIOS. */
static void reset_controller(struct rig *r)
{
	uint8_t st0, pcn;

	outb(r, DOR, 0x00);
	assert_int_equal(inb(r, MSR), 0x00);
	outb(r, DOR, 0x1C); /* out of reset, DMA/IRQ on, drive A: motor */
	assert_int_equal(r->irq_level, 1);
	for (int i = 0; i < 4; i++) {
		sense_interrupt(r, &st0, &pcn);
		assert_int_equal(st0, 0xC0 | i);
		assert_int_equal(pcn, 0);
	}
	assert_int_equal(r->irq_level, 0);
	outb(r, CCR, 0x00);                                   /* 500 kbit/s */
	command(r, (const uint8_t[]){ 0x03, 0xDF, 0x02 }, 3); /* SPECIFY */
}

static void seek(struct rig *r, uint8_t cyl)
{
	uint8_t st0, pcn;
	int rises = r->irq_rises;

	command(r, (const uint8_t[]){ 0x0F, 0x00, cyl }, 3);
	assert_int_equal(r->irq_rises, rises + 1);
	sense_interrupt(r, &st0, &pcn);
	assert_int_equal(st0, 0x20);
	assert_int_equal(pcn, cyl);
	assert_int_equal(r->irq_level, 0);
}

/* DMA channel 2 for 'bytes' to or from 'phys' ('mode' 0x46 read, 0x4A write). */
static void program_dma(struct rig *r, uint8_t mode, uint32_t phys, uint16_t bytes)
{
	outb(r, 0x0A, 0x06);
	outb(r, 0x0C, 0);
	outb(r, 0x0B, mode);
	outb(r, 0x04, (uint8_t)phys);
	outb(r, 0x04, (uint8_t)(phys >> 8));
	outb(r, 0x81, (uint8_t)(phys >> 16));
	outb(r, 0x05, (uint8_t)(bytes - 1));
	outb(r, 0x05, (uint8_t)((bytes - 1) >> 8));
	outb(r, 0x0A, 0x02);
}

static void test_reset_and_version(void **state)
{
	struct rig *r = make_rig(SECTORS_144, false);
	uint8_t res[1];

	(void)state;
	reset_controller(r);
	command(r, (const uint8_t[]){ 0x10 }, 1);
	results(r, res, 1);
	assert_int_equal(res[0], 0x90);
	/* Nothing left to sense: the invalid-command answer. */
	command(r, (const uint8_t[]){ 0x08 }, 1);
	results(r, res, 1);
	assert_int_equal(res[0], 0x80);
	/* An opcode the 82077AA does not know. */
	command(r, (const uint8_t[]){ 0x1F }, 1);
	results(r, res, 1);
	assert_int_equal(res[0], 0x80);
	free_rig(r);
}

static void test_recalibrate_and_seek(void **state)
{
	struct rig *r = make_rig(SECTORS_144, false);
	uint8_t st0, pcn, st3;

	(void)state;
	reset_controller(r);
	command(r, (const uint8_t[]){ 0x07, 0x00 }, 2);
	assert_int_equal(r->irq_level, 1);
	sense_interrupt(r, &st0, &pcn);
	assert_int_equal(st0, 0x20);
	assert_int_equal(pcn, 0);
	command(r, (const uint8_t[]){ 0x04, 0x00 }, 2); /* SENSE DRIVE STATUS */
	results(r, &st3, 1);
	assert_int_equal(st3, 0x38); /* ready, track 0, two-sided, writable */
	seek(r, 40);
	command(r, (const uint8_t[]){ 0x04, 0x04 }, 2);
	results(r, &st3, 1);
	assert_int_equal(st3, 0x2C); /* head 1, not on track 0 */
	/* Drive B: is empty: the seek ends abnormally, not ready. */
	command(r, (const uint8_t[]){ 0x0F, 0x01, 5 }, 3);
	sense_interrupt(r, &st0, &pcn);
	assert_int_equal(st0, 0x20 | 0x40 | 0x08 | 0x01);
	free_rig(r);
}

static void test_read_data_dma(void **state)
{
	struct rig *r = make_rig(SECTORS_144, false);
	uint8_t res[7], got[1024];

	(void)state;
	reset_controller(r);
	seek(r, 2);
	/* C=2 H=1 R=17 of a 1.44M disk, two sectors: LBA 2*36+18+16 = 106. */
	program_dma(r, 0x46, 0x12300, 1024);
	command(r, (const uint8_t[]){ 0xE6, 0x04, 2, 1, 17, 2, 18, 0x1B, 0xFF }, 9);
	assert_int_equal(r->irq_level, 1);
	results(r, res, 7);
	assert_int_equal(r->irq_level, 0);
	assert_int_equal(res[0], 0x04); /* normal termination, head 1 */
	assert_int_equal(res[1], 0);
	assert_int_equal(res[2], 0);
	/* The next sector after EOT on head 1: cylinder 3, head 0, sector 1. */
	assert_int_equal(res[3], 3);
	assert_int_equal(res[4], 0);
	assert_int_equal(res[5], 1);
	assert_int_equal(res[6], 2);
	mem_peek(&r->mem, 0x12300, got, sizeof got);
	for (int i = 0; i < 512; i++) {
		assert_int_equal(got[i], pattern(106, i));
		assert_int_equal(got[512 + i], pattern(107, i));
	}
	assert_int_equal(mem_read(&r->mem, 0x12300 + 1024, 1), 0);
	free_rig(r);
}

static void test_read_multi_track(void **state)
{
	struct rig *r = make_rig(SECTORS_144, false);
	uint8_t res[7], got[512];

	(void)state;
	reset_controller(r);
	/* From the last sector of head 0 into head 1 with MT set. */
	program_dma(r, 0x46, 0x8000, 1024);
	command(r, (const uint8_t[]){ 0xE6, 0x00, 0, 0, 18, 2, 18, 0x1B, 0xFF }, 9);
	results(r, res, 7);
	assert_int_equal(res[0], 0x04);
	assert_int_equal(res[3], 0);
	assert_int_equal(res[4], 1);
	assert_int_equal(res[5], 2);
	mem_peek(&r->mem, 0x8200, got, sizeof got);
	assert_int_equal(got[0], 18); /* LBA 18: head 1, sector 1 */
	/* Without MT the track ends at EOT: end of cylinder. */
	program_dma(r, 0x46, 0x8000, 1024);
	command(r, (const uint8_t[]){ 0x66, 0x00, 0, 0, 18, 2, 18, 0x1B, 0xFF }, 9);
	results(r, res, 7);
	assert_int_equal(res[0], 0x40);
	assert_int_equal(res[1], 0x80);
	/* A cylinder the head is not on. */
	program_dma(r, 0x46, 0x8000, 512);
	command(r, (const uint8_t[]){ 0x66, 0x00, 5, 0, 1, 2, 18, 0x1B, 0xFF }, 9);
	results(r, res, 7);
	assert_int_equal(res[0], 0x40);
	assert_int_equal(res[1], 0x04);
	assert_int_equal(res[2], 0x10);
	/* H in the command must be the head selected in its second byte. */
	program_dma(r, 0x46, 0x8000, 512);
	command(r, (const uint8_t[]){ 0x66, 0x00, 0, 1, 1, 2, 18, 0x1B, 0xFF }, 9);
	results(r, res, 7);
	assert_int_equal(res[0], 0x40);
	assert_int_equal(res[1], 0x04);
	free_rig(r);
}

/* The MSR through a command's phases, and IRQ6 gated by DOR bit 3. */
static void test_msr_and_irq_gate(void **state)
{
	struct rig *r = make_rig(SECTORS_144, false);
	uint8_t st0, pcn;

	(void)state;
	reset_controller(r);
	assert_int_equal(inb(r, MSR), 0x80);
	outb(r, FIFO, 0x0F); /* SEEK: two parameter bytes to come */
	assert_int_equal(inb(r, MSR), 0x90);
	outb(r, FIFO, 0x00);
	outb(r, DOR, 0x14); /* interrupts off at the DOR */
	outb(r, FIFO, 3);
	assert_int_equal(r->irq_level, 0);
	outb(r, DOR, 0x1C); /* the pending interrupt shows once enabled */
	assert_int_equal(r->irq_level, 1);
	sense_interrupt(r, &st0, &pcn);
	assert_int_equal(st0, 0x20);
	assert_int_equal(pcn, 3);
	assert_int_equal(r->irq_level, 0);
	free_rig(r);
}

static void test_write_data_and_protect(void **state)
{
	struct rig *r = make_rig(SECTORS_144, false), *ro;
	uint8_t res[7], sector[512];

	(void)state;
	reset_controller(r);
	seek(r, 1);
	for (int i = 0; i < 512; i++)
		sector[i] = (uint8_t)(0xA5 ^ i);
	mem_poke(&r->mem, 0x4000, sector, 512);
	program_dma(r, 0x4A, 0x4000, 512);
	command(r, (const uint8_t[]){ 0xC5, 0x00, 1, 0, 3, 2, 18, 0x1B, 0xFF }, 9);
	results(r, res, 7);
	assert_int_equal(res[0], 0x00);
	assert_int_equal(res[5], 4);
	assert_memory_equal(r->disk.data + (36 + 2) * 512, sector, 512);
	assert_int_equal(r->disk.data[(36 + 3) * 512], 39); /* the next one untouched */
	free_rig(r);

	ro = make_rig(SECTORS_144, true);
	reset_controller(ro);
	program_dma(ro, 0x4A, 0x4000, 512);
	command(ro, (const uint8_t[]){ 0xC5, 0x00, 0, 0, 1, 2, 18, 0x1B, 0xFF }, 9);
	results(ro, res, 7);
	assert_int_equal(res[0], 0x40);
	assert_int_equal(res[1], 0x02);
	command(ro, (const uint8_t[]){ 0x04, 0x00 }, 2);
	results(ro, res, 1);
	assert_int_equal(res[0] & 0x40, 0x40);
	free_rig(ro);
}

static void test_read_id_and_format(void **state)
{
	struct rig *r = make_rig(SECTORS_144, false);
	uint8_t res[7], ids[18 * 4];

	(void)state;
	reset_controller(r);
	seek(r, 7);
	command(r, (const uint8_t[]){ 0x4A, 0x04 }, 2);
	assert_int_equal(r->irq_level, 1);
	results(r, res, 7);
	assert_int_equal(res[0], 0x04);
	assert_int_equal(res[3], 7);
	assert_int_equal(res[4], 1);
	assert_int_equal(res[5], 1);
	assert_int_equal(res[6], 2);
	/* FORMAT TRACK cylinder 7 head 1 with filler 0xF6. */
	for (int s = 0; s < 18; s++) {
		ids[s * 4] = 7;
		ids[s * 4 + 1] = 1;
		ids[s * 4 + 2] = (uint8_t)(s + 1);
		ids[s * 4 + 3] = 2;
	}
	mem_poke(&r->mem, 0x5000, ids, sizeof ids);
	program_dma(r, 0x4A, 0x5000, sizeof ids);
	command(r, (const uint8_t[]){ 0x4D, 0x04, 2, 18, 0x54, 0xF6 }, 6);
	results(r, res, 7);
	assert_int_equal(res[0], 0x04);
	for (int s = 0; s < 18; s++)
		assert_int_equal(r->disk.data[((7 * 2 + 1) * 18 + s) * 512 + 100], 0xF6);
	assert_int_equal(r->disk.data[((7 * 2 + 2) * 18) * 512 + 2], pattern(7 * 36 + 36, 2));
	free_rig(r);
}

static void test_geometry(void **state)
{
	static const struct {
		uint32_t sectors;
		uint8_t cyls, spt, cmos;
	} sizes[] = { { 720, 40, 9, 1 },
		      { 1440, 80, 9, 3 },
		      { 2400, 80, 15, 2 },
		      { 2880, 80, 18, 4 },
		      { 5760, 80, 36, 5 } };
	struct block_dev odd = { 2881, mem_read_sectors, NULL, NULL };
	struct bus bus;
	struct fdc fdc;
	struct dma dma;

	(void)state;
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		const struct fdc_geometry *g = fdc_geometry_for(sizes[i].sectors);
		struct block_dev blk = { sizes[i].sectors, mem_read_sectors, NULL, NULL };

		assert_non_null(g);
		assert_int_equal(g->cyls, sizes[i].cyls);
		assert_int_equal(g->heads, 2);
		assert_int_equal(g->spt, sizes[i].spt);
		assert_int_equal(fdc_floppy_types(&blk, NULL), sizes[i].cmos << 4);
		assert_int_equal(fdc_floppy_types(NULL, &blk), sizes[i].cmos);
	}
	assert_null(fdc_geometry_for(2881));
	assert_null(fdc_geometry_for(0));
	bus_init(&bus);
	assert_int_equal(fdc_init(&fdc, &bus, (struct irq_line){ 0 }, &dma, &odd, NULL), -1);
	/* A 360K disk's last sector: C=39 H=1 R=9. */
	{
		struct rig *r = make_rig(720, false);
		uint8_t res[7];

		reset_controller(r);
		seek(r, 39);
		program_dma(r, 0x46, 0x6000, 512);
		command(r, (const uint8_t[]){ 0x46, 0x04, 39, 1, 9, 2, 9, 0x2A, 0xFF }, 9);
		results(r, res, 7);
		assert_int_equal(res[0], 0x04);
		assert_int_equal(mem_read(&r->mem, 0x6000, 2), 719);
		/* Sector 10 does not exist on a 9-sector track. */
		program_dma(r, 0x46, 0x6000, 512);
		command(r, (const uint8_t[]){ 0x46, 0x04, 39, 1, 10, 2, 10, 0x2A, 0xFF }, 9);
		results(r, res, 7);
		assert_int_equal(res[0], 0x44);
		assert_int_equal(res[1], 0x04);
		free_rig(r);
	}
}

static void test_media_change(void **state)
{
	struct rig *r = make_rig(SECTORS_144, false);

	(void)state;
	reset_controller(r);
	assert_int_equal(inb(r, DIR) & 0x80, 0x80); /* just inserted */
	seek(r, 0);                                 /* no step: still set */
	assert_int_equal(inb(r, DIR) & 0x80, 0x80);
	seek(r, 1);
	assert_int_equal(inb(r, DIR) & 0x80, 0x00);
	outb(r, DOR, 0x1D); /* select B:, which is empty */
	assert_int_equal(inb(r, DIR) & 0x80, 0x80);
	/* DSR's software reset gives the polling interrupts again. */
	outb(r, DSR, 0x80);
	assert_int_equal(r->irq_level, 1);
	free_rig(r);
}

/* WRITE DATA on a read-only disk_image lands in the overlay: the guest reads
 * it back, the file keeps its bytes. */
static void test_overlay_round_trip(void **state)
{
	char path[] = "/tmp/x86lab-test-fdc-XXXXXX", err[200];
	int fd = mkstemp(path);
	uint8_t *data = calloc(SECTORS_144, 512), sector[512], got[512], res[7];
	struct disk_image *img;
	struct block_dev blk;
	struct rig *r;
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	assert_non_null(data);
	for (uint32_t s = 0; s < SECTORS_144; s++)
		for (int i = 0; i < 512; i++)
			data[s * 512 + (uint32_t)i] = pattern(s, i);
	assert_int_equal(write(fd, data, (size_t)SECTORS_144 * 512), SECTORS_144 * 512);
	close(fd);
	img = disk_image_open(path, false, err, sizeof err);
	assert_non_null(img);
	blk = disk_image_block(img);
	r = alloc_rig();
	init_rig(r, &blk);
	reset_controller(r);
	memset(sector, 0x5A, sizeof sector);
	mem_poke(&r->mem, 0x7000, sector, 512);
	program_dma(r, 0x4A, 0x7000, 512);
	command(r, (const uint8_t[]){ 0xC5, 0x00, 0, 0, 5, 2, 18, 0x1B, 0xFF }, 9);
	results(r, res, 7);
	assert_int_equal(res[0], 0x00);
	assert_int_equal(disk_image_overlay_sectors(img), 1);
	program_dma(r, 0x46, 0x9000, 512);
	command(r, (const uint8_t[]){ 0xC6, 0x00, 0, 0, 5, 2, 18, 0x1B, 0xFF }, 9);
	results(r, res, 7);
	assert_int_equal(res[0], 0x00);
	mem_peek(&r->mem, 0x9000, got, 512);
	assert_memory_equal(got, sector, 512);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 4 * 512, SEEK_SET), 0);
	assert_int_equal(fread(got, 1, 512, f), 512);
	fclose(f);
	assert_memory_equal(got, data + 4 * 512, 512);
	free_rig(r);
	disk_image_close(img);
	unlink(path);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reset_and_version),
		cmocka_unit_test(test_recalibrate_and_seek),
		cmocka_unit_test(test_read_data_dma),
		cmocka_unit_test(test_read_multi_track),
		cmocka_unit_test(test_msr_and_irq_gate),
		cmocka_unit_test(test_write_data_and_protect),
		cmocka_unit_test(test_read_id_and_format),
		cmocka_unit_test(test_geometry),
		cmocka_unit_test(test_media_change),
		cmocka_unit_test(test_overlay_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
