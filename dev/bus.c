/*
 * dev/bus.c — the port-I/O bus: claims of named port ranges, O(1) dispatch
 * through a per-port owner table, and splitting of accesses wider than a
 * device accepts. Unclaimed ports read as all ones and drop writes.
 */
#include <assert.h>
#include <string.h>

#include "bus.h"

#define PORT_SPACE 0x10000u

static uint32_t all_ones(int size)
{
	return size >= 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1;
}

void bus_init(struct bus *b)
{
	memset(b, 0, sizeof(*b));
}

static bool ports_free(const struct bus *b, uint16_t first, uint32_t count)
{
	for (uint32_t i = 0; i < count; i++)
		if (b->owner[first + i])
			return false;
	return true;
}

/* Widths a device does not list are split by the bus, so IO_8 is the useful
 * default; bits outside IO_8|IO_16|IO_32 mean nothing and are dropped. */
int bus_map(struct bus *b, uint16_t first, uint32_t count, const char *name,
            const struct port_ops *ops, void *dev, unsigned sizes)
{
	if (!ops || count == 0 || count > PORT_SPACE - first || b->nranges >= BUS_MAX_RANGES ||
	    !ports_free(b, first, count))
		return -1;
	sizes &= IO_8 | IO_16 | IO_32;
	struct bus_range *r = &b->range[b->nranges++];
	*r = (struct bus_range){ .first = first,
		                 .count = count,
		                 .name = name,
		                 .ops = ops,
		                 .dev = dev,
		                 .sizes = sizes ? sizes : IO_8 };
	memset(&b->owner[first], b->nranges, count);
	return 0;
}

const struct bus_range *bus_owner(const struct bus *b, uint16_t port)
{
	uint8_t idx = b->owner[port];

	return idx ? &b->range[idx - 1] : NULL;
}

/* A range takes an access whole when it accepts the width (a byte cannot be
 * split further, so it always goes through) and the access ends inside it;
 * otherwise each half goes to whoever owns it. */
static bool takes_whole(const struct bus_range *r, uint16_t port, int size)
{
	return (size == 1 || (r->sizes & (unsigned)size)) &&
	       (uint32_t)(port - r->first) + (uint32_t)size <= r->count;
}

/* An access that finds no owner at 'port' is one unclaimed access when no
 * port it spans is claimed; otherwise it is split so the owners get theirs. */
static bool span_unclaimed(const struct bus *b, uint16_t port, int size)
{
	for (int i = 1; i < size; i++)
		if (b->owner[(uint16_t)(port + i)])
			return false;
	return true;
}

static uint32_t range_read(struct bus_range *r, uint16_t port, int size)
{
	r->reads++;
	if (!r->ops->read)
		return all_ones(size);
	return r->ops->read(r->dev, (uint16_t)(port - r->first), size) & all_ones(size);
}

static void range_write(struct bus_range *r, uint16_t port, uint32_t val, int size)
{
	r->writes++;
	if (r->ops->write)
		r->ops->write(r->dev, (uint16_t)(port - r->first), val & all_ones(size), size);
}

/* A split access goes out as its low half at 'port', then its high half at
 * 'port + size/2' (wrapping at 0xFFFF like the port number). */
uint32_t bus_in(struct bus *b, uint16_t port, int size)
{
	assert(size == 1 || size == 2 || size == 4);
	uint8_t idx = b->owner[port];

	if (idx) {
		struct bus_range *r = &b->range[idx - 1];
		if (takes_whole(r, port, size))
			return range_read(r, port, size);
	} else if (span_unclaimed(b, port, size)) {
		b->unclaimed_reads++;
		return all_ones(size);
	}
	int half = size / 2;
	uint32_t lo = bus_in(b, port, half);
	uint32_t hi = bus_in(b, (uint16_t)(port + half), half);
	return lo | hi << (8 * half);
}

void bus_out(struct bus *b, uint16_t port, uint32_t val, int size)
{
	assert(size == 1 || size == 2 || size == 4);
	uint8_t idx = b->owner[port];

	if (idx) {
		struct bus_range *r = &b->range[idx - 1];
		if (takes_whole(r, port, size)) {
			range_write(r, port, val, size);
			return;
		}
	} else if (span_unclaimed(b, port, size)) {
		b->unclaimed_writes++;
		return;
	}
	int half = size / 2;
	bus_out(b, port, val & all_ones(half), half);
	bus_out(b, (uint16_t)(port + half), val >> (8 * half), half);
}
