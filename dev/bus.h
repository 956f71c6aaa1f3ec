/*
 * dev/bus.h — the port-I/O bus: devices claim named port ranges, the CPU's
 * IN/OUT land here. Unclaimed ports read as all ones and ignore writes.
 * Included by dev/ devices, the board (dev/machine.c), tools and tests.
 */
#ifndef X86LAB_BUS_H
#define X86LAB_BUS_H

#include <stdbool.h>
#include <stdint.h>

enum { IO_8 = 1, IO_16 = 2, IO_32 = 4 }; /* access widths a device accepts */

#define BUS_MAX_RANGES 64

/* 'port' is relative to the first port of the range; 'size' is 1, 2 or 4. */
struct port_ops {
	uint32_t (*read)(void *dev, uint16_t port, int size);
	void (*write)(void *dev, uint16_t port, uint32_t val, int size);
};

struct bus_range {
	uint16_t first;
	uint32_t count;
	const char *name;
	const struct port_ops *ops;
	void *dev;
	unsigned sizes;
	uint64_t reads, writes; /* accesses as the device saw them (after splitting) */
};

struct bus {
	uint8_t owner[65536]; /* per port: index into 'range' plus one; 0 = unclaimed */
	struct bus_range range[BUS_MAX_RANGES];
	int nranges;
	uint64_t unclaimed_reads, unclaimed_writes;
};

void bus_init(struct bus *b);

/* Claim ports [first, first+count) for 'dev'. 'sizes' is a mask of
 * IO_8|IO_16|IO_32 (0 means IO_8); wider accesses are split by the bus.
 * Returns 0, or -1 on overlap with an earlier claim, an empty or too long
 * range, or a full table. */
int bus_map(struct bus *b, uint16_t first, uint32_t count, const char *name,
            const struct port_ops *ops, void *dev, unsigned sizes);

uint32_t bus_in(struct bus *b, uint16_t port, int size);
void bus_out(struct bus *b, uint16_t port, uint32_t val, int size);

/* The range that owns 'port', or NULL. */
const struct bus_range *bus_owner(const struct bus *b, uint16_t port);

#endif
