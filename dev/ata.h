/*
 * dev/ata.h — the primary ATA/IDE channel (ports 0x1F0-0x1F7, 0x3F6) with up
 * to two hard disks, PIO transfers only (ATA-4 command set subset).
 */
#ifndef X86LAB_ATA_H
#define X86LAB_ATA_H

#include <stdbool.h>
#include <stdint.h>

#include "block.h"
#include "bus.h"
#include "irq.h"

#define ATA_MAX_MULTIPLE 16 /* sectors per block for READ/WRITE MULTIPLE */

struct ata_drive {
	bool present;
	struct block_dev blk; /* copied at init */
	uint16_t cyls;        /* the current CHS translation (IDENTIFY words 54-56) */
	uint8_t heads, spt;
	uint16_t default_cyls; /* the default translation (words 1, 3, 6) */
	uint8_t multiple;      /* SET MULTIPLE MODE's block size; 0: disabled */
};

struct ata {
	struct irq_line irq14;
	struct ata_drive drive[2];

	/* The task file. Both drives latch register writes, as on a real cable. */
	uint8_t error, features, count, lba_lo, lba_mid, lba_hi, select;
	uint8_t status; /* of the drive that ran the last command */
	uint8_t control;
	bool intrq;     /* the selected drive's interrupt request, before nIEN */
	bool irq_level; /* IRQ14 as last passed to irq14 */

	/* The PIO transfer in progress: 'buf' holds one block (a sector, a
	 * multiple-mode block, or IDENTIFY's 256 words). */
	uint8_t cmd;
	bool writing;
	uint64_t lba;       /* the next sector to load or store */
	uint32_t remaining; /* sectors of the command not yet in or out of 'buf' */
	uint32_t pos, len;  /* bytes of 'buf' transferred, and in this block */
	uint8_t buf[ATA_MAX_MULTIPLE * BLOCK_SECTOR_SIZE];
};

/* Selecting a drive that is not there: status and alternate status read 0
 * and commands are ignored; the other registers read the shared task file.
 * Maps 0x1F0-0x1F7 and 0x3F6 when at least one drive is given ('master' or
 * 'slave' NULL: no such drive; both NULL: nothing is mapped and the ports
 * float to 0xFF, which is how a BIOS sees an empty channel). The block_devs
 * are copied. Returns 0 or -1. */
int ata_init(struct ata *a, struct bus *b, struct irq_line irq14, const struct block_dev *master,
             const struct block_dev *slave);

#endif
