/*
 * dev/debugcon.c — the report ports for guest programs: the debug console at
 * 0xE9 (bytes to a host sink) and the exit port at 0xF4 (status to the board).
 * Both are byte-wide; the bus splits wider accesses.
 */
#include "debugcon.h"

/* Reading 0xE9 returns 0xE9, as Bochs' port_e9_hack does, so a guest can
 * tell the console is there before printing to it. */
static uint32_t debugcon_read(void *dev, uint16_t port, int size)
{
	(void)dev;
	(void)port;
	(void)size;
	return DEBUGCON_PORT;
}

static void debugcon_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct debugcon *d = dev;

	(void)port;
	(void)size;
	d->bytes++;
	if (d->sink)
		d->sink(d->sink_ctx, (uint8_t)val);
}

static const struct port_ops debugcon_ops = { debugcon_read, debugcon_write };

int debugcon_init(struct debugcon *d, struct bus *b, void (*sink)(void *, uint8_t), void *ctx)
{
	*d = (struct debugcon){ .sink = sink, .sink_ctx = ctx };
	return bus_map(b, DEBUGCON_PORT, 1, "debugcon", &debugcon_ops, d, IO_8);
}

/* The exit port is write-only: a read returns 0xFF, what a port with no
 * device behind it returns, and has no effect. */
static uint32_t exitport_read(void *dev, uint16_t port, int size)
{
	(void)dev;
	(void)port;
	(void)size;
	return 0xFF;
}

static void exitport_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct exitport *e = dev;

	(void)port;
	(void)size;
	if (e->on_exit)
		e->on_exit(e->ctx, (int)(val & 0xFF));
}

static const struct port_ops exitport_ops = { exitport_read, exitport_write };

int exitport_init(struct exitport *e, struct bus *b, void (*on_exit)(void *, int), void *ctx)
{
	*e = (struct exitport){ .on_exit = on_exit, .ctx = ctx };
	return bus_map(b, EXIT_PORT, 1, "exit", &exitport_ops, e, IO_8);
}
