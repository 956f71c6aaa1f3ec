/*
 * tools/disk_image.c — disk image files behind dev/block.h. Read-only images
 * keep the guest's writes in a sparse overlay (a hash of written sectors),
 * so the file is never modified unless it was opened writable. An image can
 * also be bytes in memory (the built-in demo disk), read-only the same way.
 */
#include "disk_image.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct overlay_sector {
	uint64_t lba;
	uint8_t *data; /* NULL: an empty slot */
};

struct disk_image {
	int fd;             /* -1 for an image in memory */
	const uint8_t *mem; /* the image in memory, or NULL */
	bool writable;
	uint64_t sectors;
	struct overlay_sector *slot; /* open addressing, a power of two long */
	size_t nslots, used;
};

static size_t slot_of(const struct disk_image *img, uint64_t lba)
{
	uint64_t h = lba * 0x9E3779B97F4A7C15ull; /* Fibonacci hashing spreads runs */
	size_t i = (size_t)(h >> 32) & (img->nslots - 1);

	while (img->slot[i].data && img->slot[i].lba != lba)
		i = (i + 1) & (img->nslots - 1);
	return i;
}

static const uint8_t *overlay_find(const struct disk_image *img, uint64_t lba)
{
	return img->nslots ? img->slot[slot_of(img, lba)].data : NULL;
}

static int overlay_grow(struct disk_image *img)
{
	size_t old_n = img->nslots, n = old_n ? old_n * 2 : 64;
	struct overlay_sector *old = img->slot;

	img->slot = calloc(n, sizeof *img->slot);
	if (!img->slot) {
		img->slot = old;
		return -1;
	}
	img->nslots = n;
	for (size_t i = 0; i < old_n; i++)
		if (old[i].data)
			img->slot[slot_of(img, old[i].lba)] = old[i];
	free(old);
	return 0;
}

static int overlay_store(struct disk_image *img, uint64_t lba, const uint8_t *data)
{
	size_t i;

	if ((img->used + 1) * 2 > img->nslots && overlay_grow(img) < 0)
		return -1;
	i = slot_of(img, lba);
	if (!img->slot[i].data) {
		img->slot[i].data = malloc(BLOCK_SECTOR_SIZE);
		if (!img->slot[i].data)
			return -1;
		img->slot[i].lba = lba;
		img->used++;
	}
	memcpy(img->slot[i].data, data, BLOCK_SECTOR_SIZE);
	return 0;
}

static int file_read(struct disk_image *img, uint64_t lba, uint8_t *buf)
{
	if (img->mem) {
		memcpy(buf, img->mem + lba * BLOCK_SECTOR_SIZE, BLOCK_SECTOR_SIZE);
		return 0;
	}
	return pread(img->fd, buf, BLOCK_SECTOR_SIZE, (off_t)(lba * BLOCK_SECTOR_SIZE)) ==
	                       BLOCK_SECTOR_SIZE
	               ? 0
	               : -1;
}

static int file_write(struct disk_image *img, uint64_t lba, const uint8_t *buf)
{
	return pwrite(img->fd, buf, BLOCK_SECTOR_SIZE, (off_t)(lba * BLOCK_SECTOR_SIZE)) ==
	                       BLOCK_SECTOR_SIZE
	               ? 0
	               : -1;
}

static int image_read(void *ctx, uint64_t lba, uint8_t *buf, uint32_t count)
{
	struct disk_image *img = ctx;

	if (lba > img->sectors || count > img->sectors - lba)
		return -1;
	for (uint32_t i = 0; i < count; i++, buf += BLOCK_SECTOR_SIZE) {
		const uint8_t *o = overlay_find(img, lba + i);

		if (o)
			memcpy(buf, o, BLOCK_SECTOR_SIZE);
		else if (file_read(img, lba + i, buf) < 0)
			return -1;
	}
	return 0;
}

static int image_write(void *ctx, uint64_t lba, const uint8_t *buf, uint32_t count)
{
	struct disk_image *img = ctx;

	if (lba > img->sectors || count > img->sectors - lba)
		return -1;
	for (uint32_t i = 0; i < count; i++, buf += BLOCK_SECTOR_SIZE) {
		int r = img->writable ? file_write(img, lba + i, buf)
		                      : overlay_store(img, lba + i, buf);

		if (r < 0)
			return -1;
	}
	return 0;
}

struct disk_image *disk_image_open(const char *path, bool writable, char *err, size_t errlen)
{
	struct disk_image *img;
	struct stat st;
	int fd = open(path, writable ? O_RDWR : O_RDONLY);

	if (fd < 0) {
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size == 0 ||
	    st.st_size % BLOCK_SECTOR_SIZE) {
		snprintf(err, errlen,
		         "%s is not a disk image: its size must be a multiple of 512 bytes", path);
		close(fd);
		return NULL;
	}
	img = calloc(1, sizeof *img);
	if (!img) {
		snprintf(err, errlen, "out of memory");
		close(fd);
		return NULL;
	}
	img->fd = fd;
	img->writable = writable;
	img->sectors = (uint64_t)st.st_size / BLOCK_SECTOR_SIZE;
	return img;
}

struct disk_image *disk_image_from_memory(const uint8_t *data, size_t len)
{
	struct disk_image *img;

	if (len == 0 || len % BLOCK_SECTOR_SIZE)
		return NULL;
	img = calloc(1, sizeof *img);
	if (!img)
		return NULL;
	img->fd = -1;
	img->mem = data;
	img->sectors = len / BLOCK_SECTOR_SIZE;
	return img;
}

struct block_dev disk_image_block(struct disk_image *img)
{
	return (struct block_dev){ img->sectors, image_read, image_write, img };
}

size_t disk_image_overlay_sectors(const struct disk_image *img)
{
	return img->used;
}

void disk_image_close(struct disk_image *img)
{
	if (!img)
		return;
	for (size_t i = 0; i < img->nslots; i++)
		free(img->slot[i].data);
	free(img->slot);
	if (img->fd >= 0)
		close(img->fd);
	free(img);
}
