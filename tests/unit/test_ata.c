/*
 * tests/unit/test_ata.c — the ATA channel through bus_in/bus_out as a guest
 * drives it, on in-memory disks; and tools/disk_image.c's overlay on a file.
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

#include "ata.h"
#include "disk_image.h"

enum {
	DATA = 0x1F0,
	ERROR = 0x1F1,
	COUNT = 0x1F2,
	LBA_LO = 0x1F3,
	LBA_MID = 0x1F4,
	LBA_HI = 0x1F5,
	SELECT = 0x1F6,
	STATUS = 0x1F7,
	ALT = 0x3F6
};
enum { ST_ERR = 0x01, ST_DRQ = 0x08, ST_IDLE = 0x50, ST_BSY = 0x80 };
enum { ERR_ABRT = 0x04, ERR_IDNF = 0x10 };

#define DISK_SECTORS (16 * 63 * 20) /* 20 cylinders, about 10 MB */

struct memdisk {
	uint8_t *data;
	uint64_t sectors;
};

struct rig {
	struct bus bus;
	struct ata ata;
	struct memdisk disk;
	struct block_dev blk;
	int irq_level, irq_rises;
};

static int mem_read(void *ctx, uint64_t lba, uint8_t *buf, uint32_t count)
{
	struct memdisk *d = ctx;

	memcpy(buf, d->data + lba * 512, (size_t)count * 512);
	return 0;
}

static int mem_write(void *ctx, uint64_t lba, const uint8_t *buf, uint32_t count)
{
	struct memdisk *d = ctx;

	memcpy(d->data + lba * 512, buf, (size_t)count * 512);
	return 0;
}

static void irq_set_level(void *ctx, int line, int level)
{
	struct rig *r = ctx;

	assert_int_equal(line, 14);
	r->irq_rises += level && !r->irq_level;
	r->irq_level = level;
}

static struct rig *make_rig(bool master, bool slave)
{
	struct rig *r = calloc(1, sizeof *r);
	struct irq_line irq = { irq_set_level, NULL, 14 };

	assert_non_null(r);
	irq.ctx = r;
	r->disk.sectors = DISK_SECTORS;
	r->disk.data = calloc(DISK_SECTORS, 512);
	assert_non_null(r->disk.data);
	r->blk = (struct block_dev){ DISK_SECTORS, mem_read, mem_write, &r->disk };
	bus_init(&r->bus);
	assert_int_equal(
	        ata_init(&r->ata, &r->bus, irq, master ? &r->blk : NULL, slave ? &r->blk : NULL),
	        0);
	return r;
}

static void free_rig(struct rig *r)
{
	free(r->disk.data);
	free(r);
}

static uint8_t inb(struct rig *r, uint16_t port)
{
	return (uint8_t)bus_in(&r->bus, port, 1);
}

static void outb(struct rig *r, uint16_t port, uint8_t v)
{
	bus_out(&r->bus, port, v, 1);
}

static void lba_command(struct rig *r, uint8_t cmd, uint32_t lba, uint8_t count)
{
	outb(r, SELECT, (uint8_t)(0xE0 | (lba >> 24)));
	outb(r, COUNT, count);
	outb(r, LBA_LO, (uint8_t)lba);
	outb(r, LBA_MID, (uint8_t)(lba >> 8));
	outb(r, LBA_HI, (uint8_t)(lba >> 16));
	outb(r, STATUS, cmd);
}

static void read_words(struct rig *r, uint8_t *buf, int bytes)
{
	for (int i = 0; i < bytes; i += 2) {
		uint16_t w = (uint16_t)bus_in(&r->bus, DATA, 2);

		buf[i] = (uint8_t)w;
		buf[i + 1] = (uint8_t)(w >> 8);
	}
}

static void write_words(struct rig *r, const uint8_t *buf, int bytes)
{
	for (int i = 0; i < bytes; i += 2)
		bus_out(&r->bus, DATA, (uint32_t)(buf[i] | buf[i + 1] << 8), 2);
}

static void test_identify(void **state)
{
	struct rig *r = make_rig(true, false);
	uint8_t id[512];
	char model[41];

	(void)state;
	outb(r, SELECT, 0xA0);
	outb(r, STATUS, 0xEC);
	assert_int_equal(inb(r, STATUS), ST_IDLE | ST_DRQ);
	read_words(r, id, 512);
	assert_int_equal(inb(r, STATUS), ST_IDLE);
#define W(n) (id[2 * (n)] | id[2 * (n) + 1] << 8)
	assert_int_equal(W(0), 0x0040);
	assert_int_equal(W(1), 20);
	assert_int_equal(W(3), 16);
	assert_int_equal(W(6), 63);
	assert_int_equal(W(60) | W(61) << 16, DISK_SECTORS);
	assert_int_equal(W(47) & 0xFF, ATA_MAX_MULTIPLE);
	assert_true(W(49) & 0x0200);
	for (int i = 0; i < 20; i++) {
		model[2 * i] = (char)id[2 * (27 + i) + 1];
		model[2 * i + 1] = (char)id[2 * (27 + i)];
	}
	model[40] = 0;
	assert_string_equal(model, "x86lab disk                             ");
#undef W
	free_rig(r);
}

static void fill(uint8_t *buf, int bytes, uint8_t seed)
{
	for (int i = 0; i < bytes; i++)
		buf[i] = (uint8_t)(seed + i * 7);
}

static void test_lba_write_read(void **state)
{
	struct rig *r = make_rig(true, false);
	uint8_t out[1024], in[1024];

	(void)state;
	fill(out, sizeof out, 3);
	lba_command(r, 0x30, 5, 2);
	assert_int_equal(inb(r, STATUS), ST_IDLE | ST_DRQ);
	write_words(r, out, sizeof out);
	assert_int_equal(inb(r, STATUS), ST_IDLE);
	assert_memory_equal(r->disk.data + 5 * 512, out, sizeof out);
	lba_command(r, 0x20, 5, 2);
	read_words(r, in, sizeof in);
	assert_memory_equal(in, out, sizeof out);
	assert_int_equal(inb(r, STATUS), ST_IDLE);
	free_rig(r);
}

static void test_chs_write_read(void **state)
{
	struct rig *r = make_rig(true, false);
	uint8_t out[512], in[512];
	const uint32_t lba = (1 * 16 + 2) * 63 + 3 - 1; /* cylinder 1, head 2, sector 3 */

	(void)state;
	fill(out, sizeof out, 9);
	outb(r, SELECT, 0xA2);
	outb(r, COUNT, 1);
	outb(r, LBA_LO, 3);
	outb(r, LBA_MID, 1);
	outb(r, LBA_HI, 0);
	outb(r, STATUS, 0x30);
	write_words(r, out, sizeof out);
	assert_memory_equal(r->disk.data + lba * 512, out, sizeof out);
	/* The task file names the last sector transferred, in CHS (ATA-2). */
	assert_int_equal(inb(r, LBA_LO), 3);
	assert_int_equal(inb(r, LBA_MID), 1);
	assert_int_equal(inb(r, SELECT) & 0x0F, 2);
	assert_int_equal(inb(r, COUNT), 0);
	/* Two sectors from C1 H2 S63 end on the next head: C1 H3 S1. */
	outb(r, COUNT, 2);
	outb(r, LBA_LO, 63);
	outb(r, STATUS, 0x20);
	read_words(r, in, sizeof in);
	assert_int_equal(inb(r, COUNT), 1);
	assert_int_equal(inb(r, LBA_LO), 63);
	read_words(r, in, sizeof in);
	assert_int_equal(inb(r, LBA_LO), 1);
	assert_int_equal(inb(r, LBA_MID), 1);
	assert_int_equal(inb(r, SELECT) & 0x0F, 3);
	assert_int_equal(inb(r, COUNT), 0);
	lba_command(r, 0x20, lba, 1);
	read_words(r, in, sizeof in);
	assert_memory_equal(in, out, sizeof out);
	/* Sector 0 does not exist in CHS. */
	outb(r, SELECT, 0xA0);
	outb(r, LBA_LO, 0);
	outb(r, STATUS, 0x20);
	assert_int_equal(inb(r, STATUS), ST_IDLE | ST_ERR);
	assert_int_equal(inb(r, ERROR), ERR_IDNF);
	free_rig(r);
}

static void test_read_multiple(void **state)
{
	struct rig *r = make_rig(true, false);
	uint8_t in[8 * 512];

	(void)state;
	fill(r->disk.data + 100 * 512, 8 * 512, 1);
	lba_command(r, 0xC4, 100, 8); /* multiple mode not set yet */
	assert_int_equal(inb(r, STATUS), ST_IDLE | ST_ERR);
	assert_int_equal(inb(r, ERROR), ERR_ABRT);
	outb(r, COUNT, 4);
	outb(r, STATUS, 0xC6);
	assert_int_equal(inb(r, STATUS), ST_IDLE);
	r->irq_rises = 0;
	lba_command(r, 0xC4, 100, 8);
	for (int block = 0; block < 2; block++) {
		assert_int_equal(inb(r, STATUS), ST_IDLE | ST_DRQ);
		read_words(r, in + block * 2048, 2048);
		/* after each block: the last sector read and the sectors left */
		assert_int_equal(inb(r, LBA_LO), 100 + 4 * block + 3);
		assert_int_equal(inb(r, COUNT), 4 - 4 * block);
	}
	assert_int_equal(inb(r, STATUS), ST_IDLE);
	assert_int_equal(r->irq_rises, 2); /* one per block of four sectors */
	assert_memory_equal(in, r->disk.data + 100 * 512, sizeof in);
	outb(r, COUNT, 3); /* not a power of two */
	outb(r, STATUS, 0xC6);
	assert_int_equal(inb(r, STATUS), ST_IDLE | ST_ERR);
	free_rig(r);
}

static void test_errors(void **state)
{
	struct rig *r = make_rig(true, false);

	(void)state;
	lba_command(r, 0x20, DISK_SECTORS - 1, 2);
	assert_int_equal(inb(r, STATUS), ST_IDLE | ST_ERR);
	assert_int_equal(inb(r, ERROR), ERR_IDNF);
	lba_command(r, 0x20, DISK_SECTORS - 1, 1); /* the last sector is fine */
	assert_int_equal(inb(r, STATUS), ST_IDLE | ST_DRQ);
	outb(r, STATUS, 0xEE); /* not a command we know */
	assert_int_equal(inb(r, STATUS), ST_IDLE | ST_ERR);
	assert_int_equal(inb(r, ERROR), ERR_ABRT);
	outb(r, STATUS, 0x10); /* recalibrate */
	assert_int_equal(inb(r, STATUS), ST_IDLE);
	assert_int_equal(inb(r, ERROR), 0);
	free_rig(r);
}

static void test_irq_and_nien(void **state)
{
	struct rig *r = make_rig(true, false);

	(void)state;
	outb(r, SELECT, 0xA0);
	outb(r, STATUS, 0x10);
	assert_int_equal(r->irq_level, 1);
	assert_int_equal(inb(r, ALT), ST_IDLE); /* the alternate status does not acknowledge */
	assert_int_equal(r->irq_level, 1);
	inb(r, STATUS);
	assert_int_equal(r->irq_level, 0);
	outb(r, ALT, 0x02); /* nIEN */
	outb(r, STATUS, 0x10);
	assert_int_equal(r->irq_level, 0);
	outb(r, ALT, 0x00); /* the request was pending: enabling shows it */
	assert_int_equal(r->irq_level, 1);
	inb(r, STATUS);
	assert_int_equal(r->irq_level, 0);
	/* A write asks for its first sector without an interrupt, then interrupts. */
	r->irq_rises = 0;
	lba_command(r, 0x30, 0, 1);
	assert_int_equal(r->irq_rises, 0);
	write_words(r, r->disk.data, 512);
	assert_int_equal(r->irq_rises, 1);
	free_rig(r);
}

static void test_srst_signature(void **state)
{
	struct rig *r = make_rig(true, true);

	(void)state;
	lba_command(r, 0x20, 7, 3);
	outb(r, SELECT, 0xB0);
	outb(r, ALT, 0x04);
	assert_int_equal(inb(r, ALT), ST_BSY);
	outb(r, ALT, 0x00);
	assert_int_equal(inb(r, STATUS), ST_IDLE);
	assert_int_equal(inb(r, ERROR), 0x01);
	assert_int_equal(inb(r, COUNT), 1);
	assert_int_equal(inb(r, LBA_LO), 1);
	assert_int_equal(inb(r, LBA_MID), 0);
	assert_int_equal(inb(r, LBA_HI), 0);
	assert_int_equal(inb(r, SELECT), 0xA0); /* drive 0 selected */
	assert_int_equal(r->irq_level, 0);
	free_rig(r);
}

static void test_no_slave(void **state)
{
	struct rig *r = make_rig(true, false);

	(void)state;
	outb(r, SELECT, 0xB0);
	assert_int_equal(inb(r, STATUS), 0);
	assert_int_equal(inb(r, ALT), 0);
	outb(r, STATUS, 0xEC); /* nobody answers */
	assert_int_equal(inb(r, STATUS), 0);
	assert_int_equal(r->irq_level, 0);
	outb(r, SELECT, 0xA0);
	assert_int_equal(inb(r, STATUS), ST_IDLE);
	free_rig(r);

	r = make_rig(false, false); /* an empty channel floats */
	assert_int_equal(inb(r, STATUS), 0xFF);
	free_rig(r);
}

static void test_slave_only_identify(void **state)
{
	struct rig *r = make_rig(false, true);
	uint8_t id[512];

	(void)state;
	outb(r, SELECT, 0xB0);
	outb(r, STATUS, 0xEC);
	assert_int_equal(inb(r, STATUS), ST_IDLE | ST_DRQ);
	read_words(r, id, 512);
	assert_int_equal(id[120] | id[121] << 8, DISK_SECTORS & 0xFFFF);
	free_rig(r);
}

static char *temp_image(size_t bytes, uint8_t seed)
{
	char *path = strdup("/tmp/x86lab-test-ata-XXXXXX");
	int fd = mkstemp(path);
	uint8_t *data = malloc(bytes);

	assert_true(fd >= 0);
	fill(data, (int)bytes, seed);
	assert_int_equal(write(fd, data, bytes), (ssize_t)bytes);
	close(fd);
	free(data);
	return path;
}

static void file_bytes(const char *path, uint8_t *buf, size_t n)
{
	FILE *f = fopen(path, "rb");

	assert_non_null(f);
	assert_int_equal(fread(buf, 1, n, f), n);
	fclose(f);
}

static void test_disk_image_overlay(void **state)
{
	char *path = temp_image(8 * 512, 5), err[256];
	uint8_t before[8 * 512], after[8 * 512], sector[512], back[512];
	struct disk_image *img = disk_image_open(path, false, err, sizeof err);
	struct block_dev blk;

	(void)state;
	assert_non_null(img);
	blk = disk_image_block(img);
	assert_int_equal(blk.sectors, 8);
	file_bytes(path, before, sizeof before);
	memset(sector, 0xAB, sizeof sector);
	for (int i = 0; i < 100; i++) /* the overlay grows, and rewrites replace */
		assert_int_equal(blk.write(blk.ctx, 2, sector, 1), 0);
	assert_int_equal(blk.read(blk.ctx, 2, back, 1), 0);
	assert_memory_equal(back, sector, sizeof back);
	assert_int_equal(blk.read(blk.ctx, 3, back, 1), 0);
	assert_memory_equal(back, before + 3 * 512, sizeof back);
	assert_int_equal(disk_image_overlay_sectors(img), 1);
	assert_int_equal(blk.read(blk.ctx, 7, back, 2), -1); /* past the end */
	file_bytes(path, after, sizeof after);
	assert_memory_equal(after, before, sizeof after);
	disk_image_close(img);
	file_bytes(path, after, sizeof after);
	assert_memory_equal(after, before, sizeof after);

	img = disk_image_open(path, true, err, sizeof err); /* --rw writes through */
	assert_non_null(img);
	blk = disk_image_block(img);
	assert_int_equal(blk.write(blk.ctx, 2, sector, 1), 0);
	disk_image_close(img);
	file_bytes(path, after, sizeof after);
	assert_memory_equal(after + 2 * 512, sector, sizeof sector);
	unlink(path);
	free(path);
}

static void test_disk_image_bad(void **state)
{
	char *path = temp_image(1000, 1), err[256];

	(void)state;
	assert_null(disk_image_open(path, false, err, sizeof err));
	assert_non_null(strstr(err, "multiple of 512"));
	unlink(path);
	assert_null(disk_image_open(path, false, err, sizeof err));
	assert_non_null(strstr(err, "cannot open"));
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identify),
		cmocka_unit_test(test_lba_write_read),
		cmocka_unit_test(test_chs_write_read),
		cmocka_unit_test(test_read_multiple),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_irq_and_nien),
		cmocka_unit_test(test_srst_signature),
		cmocka_unit_test(test_no_slave),
		cmocka_unit_test(test_slave_only_identify),
		cmocka_unit_test(test_disk_image_overlay),
		cmocka_unit_test(test_disk_image_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
