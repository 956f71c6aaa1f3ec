/*
 * dev/fdc.h — an 82077AA-compatible floppy disk controller at 0x3F0-0x3F7 with
 * two drives (A: and B:), IRQ6 and DMA channel 2; images from dev/block.h.
 */
#ifndef X86LAB_FDC_H
#define X86LAB_FDC_H

#include <stdbool.h>
#include <stdint.h>

#include "block.h"
#include "bus.h"
#include "dma.h"
#include "irq.h"

#define FDC_DMA_CHANNEL 2

struct fdc_geometry {
	uint8_t cyls, heads, spt;
	uint8_t cmos_type; /* the CMOS drive type (register 0x10 nibble) */
	const char *name;
};

/* The geometry of a floppy image of 'sectors' 512-byte sectors: 360K, 720K,
 * 1.2M, 1.44M or 2.88M. NULL for any other size. */
const struct fdc_geometry *fdc_geometry_for(uint64_t sectors);

struct fdc_drive {
	bool present;
	struct block_dev blk; /* copied at init */
	const struct fdc_geometry *geo;
	bool write_protected; /* the block_dev has no write call */
	uint8_t pcn;          /* present cylinder number: where the head is */
	bool disk_changed;    /* DIR bit 7: set at insertion, cleared by a step */
};

struct fdc {
	struct irq_line irq6;
	struct dma *dma;
	struct fdc_drive drive[2];
	uint8_t dor, dsr, ccr;
	bool irq_pending; /* the controller's INT output, before DOR's gate */
	bool irq_level;   /* IRQ6 as last passed to irq6 */

	/* The command being collected, then the result being read back. */
	uint8_t cmd[9];
	int cmd_len, cmd_pos;
	uint8_t res[7];
	int res_len, res_pos;

	/* SENSE INTERRUPT STATUS answers: per drive slot, ST0 (bit 8 set: an
	 * interrupt is waiting to be sensed) and the cylinder. */
	uint16_t sense_st0[4];
	uint8_t sense_pcn[4];

	uint8_t specify[2]; /* SPECIFY's step rate and head times: no delays use them */
	uint8_t buf[BLOCK_SECTOR_SIZE];
};

/* Maps 0x3F0-0x3F5 and 0x3F7 (0x3F6 belongs to the IDE channel). 'a' and
 * 'b' may be NULL (no disk in that drive); their sizes must satisfy
 * fdc_geometry_for. Returns 0, or -1 for a bad image size or a port clash. */
int fdc_init(struct fdc *f, struct bus *bus, struct irq_line irq6, struct dma *dma,
             const struct block_dev *a, const struct block_dev *b);

/* The CMOS floppy-type byte (register 0x10) for these drives: A: in the high
 * nibble, B: in the low; 0 for no drive or an unsupported size. */
uint8_t fdc_floppy_types(const struct block_dev *a, const struct block_dev *b);

#endif
