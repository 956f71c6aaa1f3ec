/*
 * tools/image_kind.c — telling floppy images from hard-disk images for
 * 'x86lab run IMAGE' (image_kind.h).
 */
#include "image_kind.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "block.h"
#include "fdc.h"

#define MBR_PARTITIONS     446 /* offset of the four 16-byte entries */
#define MBR_SIGNATURE      510
#define BOOT_INDICATOR_ON  0x80
#define BOOT_INDICATOR_OFF 0x00

static int read_first_sector(const char *path, uint8_t *sector, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f) {
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	n = fread(sector, 1, BLOCK_SECTOR_SIZE, f);
	fclose(f);
	if (n != BLOCK_SECTOR_SIZE) {
		snprintf(err, errlen, "cannot read the first sector of %s", path);
		return -1;
	}
	return 0;
}

static bool valid_mbr(const uint8_t *sector)
{
	if (sector[MBR_SIGNATURE] != 0x55 || sector[MBR_SIGNATURE + 1] != 0xAA)
		return false;
	for (int i = 0; i < 4; i++) {
		uint8_t boot = sector[MBR_PARTITIONS + 16 * i];

		if (boot != BOOT_INDICATOR_ON && boot != BOOT_INDICATOR_OFF)
			return false;
	}
	return true;
}

int image_kind(const char *path, enum image_kind *kind, char *err, size_t errlen)
{
	uint8_t sector[BLOCK_SECTOR_SIZE];
	struct stat st;

	if (stat(path, &st) < 0) {
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s is not a regular file", path);
		return -1;
	}
	if (st.st_size % BLOCK_SECTOR_SIZE == 0 &&
	    fdc_geometry_for((uint64_t)st.st_size / BLOCK_SECTOR_SIZE)) {
		*kind = IMAGE_FLOPPY;
		return 0;
	}
	if (st.st_size < BLOCK_SECTOR_SIZE) {
		snprintf(err, errlen,
		         "%s is too small for a disk image (%lld bytes; a disk has at least one "
		         "512-byte sector)",
		         path, (long long)st.st_size);
		return -1;
	}
	if (st.st_size % BLOCK_SECTOR_SIZE) {
		snprintf(err, errlen,
		         "%s is not a disk image: %lld bytes is not a whole number of 512-byte "
		         "sectors",
		         path, (long long)st.st_size);
		return -1;
	}
	if (read_first_sector(path, sector, err, errlen) < 0)
		return -1;
	if (!valid_mbr(sector)) {
		snprintf(err, errlen,
		         "%s is neither a floppy image (360K, 720K, 1.2M, 1.44M or 2.88M) nor a "
		         "hard-disk image (its first sector has no MBR: the boot signature 55 AA "
		         "at byte 510 and partition entries marked 00h or 80h); use --fda or "
		         "--hda to attach it anyway",
		         path);
		return -1;
	}
	*kind = IMAGE_HARD_DISK;
	return 0;
}
