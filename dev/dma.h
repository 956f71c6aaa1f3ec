/*
 * dev/dma.h — the PC/AT's two 8237A DMA controllers (channels 0-3 byte-wide at
 * 0x00-0x0F, channels 4-7 word-wide at 0xC0-0xDF) and their page registers.
 */
#ifndef X86LAB_DMA_H
#define X86LAB_DMA_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"
#include "mem.h"

/* Mode register fields (port 0x0B / 0xD6). */
enum {
	DMA_MODE_VERIFY = 0x00,
	DMA_MODE_WRITE = 0x04, /* device to memory */
	DMA_MODE_READ = 0x08,  /* memory to device */
	DMA_MODE_TYPE = 0x0C,
	DMA_MODE_AUTOINIT = 0x10,
	DMA_MODE_DECREMENT = 0x20,
};

struct dma_channel {
	uint16_t base_addr, base_count; /* reloaded by auto-init */
	uint16_t addr, count;           /* current; 'count' is units left minus one */
	uint8_t mode;
	uint8_t page; /* bits 16-23 of the address (bit 16 unused on 4-7) */
	bool masked;
	bool tc_reached; /* the last dma_transfer ended on terminal count */
};

struct dma_ctrl {
	struct dma_channel ch[4];
	bool flip_flop; /* false: the next address/count byte is the low one */
	uint8_t status; /* bits 0-3: terminal count reached, cleared on read */
	uint8_t command, temp;
};

struct dma {
	struct mem *mem;
	struct dma_ctrl ctrl[2];  /* [0]: channels 0-3, [1]: channels 4-7 */
	uint8_t page_scratch[16]; /* ports 0x80-0x8F that select no channel */
};

/* Maps 0x00-0x0F, 0xC0-0xDF and 0x81-0x8F (0x80 is the POST port). All
 * channels start masked, as after a master clear. Returns 0 or -1. */
int dma_init(struct dma *d, struct bus *b, struct mem *mem);

/* A device moves up to 'len' bytes on 'channel' (0-7); the channel's mode
 * decides what happens: WRITE copies 'buf' to guest memory, READ fills 'buf'
 * from it, VERIFY only counts. 'to_memory' is the device's direction; when
 * the mode disagrees nothing is copied but the transfer still counts (a
 * guest programmed it wrong; a real 8237 would move garbage). Stops at
 * terminal count, which sets the status bit and, without auto-init, the
 * mask. Returns the bytes counted: 0 when the channel is masked. */
int dma_transfer(struct dma *d, int channel, uint8_t *buf, int len, bool to_memory);

/* True when the last dma_transfer on 'channel' ended on terminal count
 * (the TC input a device such as the floppy controller sees). */
bool dma_terminal_count(const struct dma *d, int channel);

#endif
