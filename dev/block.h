/*
 * dev/block.h — a disk as a device sees it: a number of 512-byte sectors and
 * two calls. The host file (or memory) behind it lives outside dev/.
 */
#ifndef X86LAB_BLOCK_H
#define X86LAB_BLOCK_H

#include <stdint.h>

#define BLOCK_SECTOR_SIZE 512

struct block_dev {
	uint64_t sectors; /* 512-byte sectors */
	/* 0, or -1 when the host could not do it. The device checks the range. */
	int (*read)(void *ctx, uint64_t lba, uint8_t *buf, uint32_t count);
	int (*write)(void *ctx, uint64_t lba, const uint8_t *buf, uint32_t count);
	void *ctx;
};

#endif
