/*
 * tools/disk_image.h — a host file as a hard disk (dev/block.h): read-only
 * with an in-memory copy-on-write overlay, or read-write with --rw.
 */
#ifndef X86LAB_DISK_IMAGE_H
#define X86LAB_DISK_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "block.h"

struct disk_image;

/* Open 'path'. Its size must be a non-zero multiple of 512 bytes. Without
 * 'writable' the file is opened read-only and never changes: writes stay in
 * memory until disk_image_close. Returns NULL with a reason in 'err'. */
struct disk_image *disk_image_open(const char *path, bool writable, char *err, size_t errlen);
/* An image of 'len' bytes at 'data' (a multiple of 512, kept by the caller
 * while the image is open), read-only with the overlay. NULL if 'len' is
 * no such size or memory is short. */
struct disk_image *disk_image_from_memory(const uint8_t *data, size_t len);
struct block_dev disk_image_block(struct disk_image *img);
/* Sectors the overlay holds (0 with 'writable'). */
size_t disk_image_overlay_sectors(const struct disk_image *img);
void disk_image_close(struct disk_image *img);

#endif
