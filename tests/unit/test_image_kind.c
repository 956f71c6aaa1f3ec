/*
 * tests/unit/test_image_kind.c — tools/image_kind.c: floppy images by their
 * size (the five PC formats), hard-disk images by an MBR (the 55h AAh
 * signature at byte 510, boot indicators 00h/80h), and the reasons given
 * for everything else; and tools/disk_image.c's images in memory, which
 * keep the guest's writes out of the bytes they were made from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "disk_image.h"
#include "image_kind.h"

/* A temporary file of 'size' zero bytes with 'patch' (len bytes) at 'at'. */
static void make_file(char *path, size_t size, size_t at, const void *patch, size_t len)
{
	int fd;
	FILE *f;
	uint8_t *buf = calloc(1, size ? size : 1);

	strcpy(path, "/tmp/x86lab-image-kind-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	assert_non_null(buf);
	if (len)
		memcpy(buf + at, patch, len);
	assert_int_equal(fwrite(buf, 1, size, f), size);
	fclose(f);
	free(buf);
}

static void test_floppy_sizes(void **state)
{
	static const size_t sizes[] = { 368640, 737280, 1228800, 1474560, 2949120 };
	char path[64], err[512];
	enum image_kind kind;

	(void)state;
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		make_file(path, sizes[i], 0, NULL, 0);
		kind = IMAGE_HARD_DISK;
		assert_int_equal(image_kind(path, &kind, err, sizeof err), 0);
		assert_int_equal(kind, IMAGE_FLOPPY);
		unlink(path);
	}
}

static void test_mbr(void **state)
{
	static const uint8_t sig[2] = { 0x55, 0xAA };
	char path[64], err[512];
	enum image_kind kind = IMAGE_FLOPPY;
	const uint8_t active = 0x80, bad = 0x12;

	(void)state;
	make_file(path, 1 << 20, 510, sig, 2);
	assert_int_equal(image_kind(path, &kind, err, sizeof err), 0);
	assert_int_equal(kind, IMAGE_HARD_DISK);
	unlink(path);

	/* An active partition entry is fine; a boot indicator of 12h is no MBR. */
	make_file(path, 1 << 20, 510, sig, 2);
	{
		FILE *f = fopen(path, "r+b");
		assert_non_null(f);
		fseek(f, 446 + 16, SEEK_SET);
		fwrite(&active, 1, 1, f);
		fseek(f, 446 + 48, SEEK_SET);
		fwrite(&bad, 1, 1, f);
		fclose(f);
	}
	assert_int_equal(image_kind(path, &kind, err, sizeof err), -1);
	assert_non_null(strstr(err, "neither a floppy image"));
	unlink(path);

	/* No signature. */
	make_file(path, 1 << 20, 0, NULL, 0);
	assert_int_equal(image_kind(path, &kind, err, sizeof err), -1);
	assert_non_null(strstr(err, "no MBR"));
	unlink(path);
}

static void test_bad_files(void **state)
{
	char path[64], err[512];
	enum image_kind kind;

	(void)state;
	make_file(path, 100, 0, NULL, 0);
	assert_int_equal(image_kind(path, &kind, err, sizeof err), -1);
	assert_non_null(strstr(err, "too small"));
	unlink(path);
	make_file(path, 1000, 0, NULL, 0);
	assert_int_equal(image_kind(path, &kind, err, sizeof err), -1);
	assert_non_null(strstr(err, "512-byte sectors"));
	unlink(path);
	assert_int_equal(image_kind(path, &kind, err, sizeof err), -1);
	assert_non_null(strstr(err, "cannot open"));
	assert_int_equal(image_kind("/tmp", &kind, err, sizeof err), -1);
	assert_non_null(strstr(err, "not a regular file"));
}

static void test_memory_image(void **state)
{
	uint8_t data[1024], buf[512], sector[512];
	struct disk_image *img;
	struct block_dev blk;

	(void)state;
	for (size_t i = 0; i < sizeof data; i++)
		data[i] = (uint8_t)(i * 7);
	assert_null(disk_image_from_memory(data, 0));
	assert_null(disk_image_from_memory(data, 700));
	img = disk_image_from_memory(data, sizeof data);
	assert_non_null(img);
	blk = disk_image_block(img);
	assert_int_equal(blk.sectors, 2);
	assert_int_equal(blk.read(blk.ctx, 1, buf, 1), 0);
	assert_memory_equal(buf, data + 512, 512);
	/* A write is seen by later reads, but the bytes behind the image stay. */
	memset(sector, 0xA5, sizeof sector);
	assert_int_equal(blk.write(blk.ctx, 1, sector, 1), 0);
	assert_int_equal(blk.read(blk.ctx, 1, buf, 1), 0);
	assert_memory_equal(buf, sector, 512);
	assert_int_equal(data[512], 0);
	assert_int_equal(data[513], 7);
	assert_int_equal(blk.read(blk.ctx, 2, buf, 1), -1);
	disk_image_close(img);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_floppy_sizes),
		cmocka_unit_test(test_mbr),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_memory_image),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
