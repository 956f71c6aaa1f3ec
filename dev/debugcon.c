/*
 * dev/debugcon.c — the byte-wide report ports for guest programs: debug console
 * 0xE9 (to a host sink), exit port 0xF4 (status to the board), POST codes (0x80).
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

static uint32_t postport_read(void *dev, uint16_t port, int size)
{
	const struct postport *p = dev;

	(void)port;
	(void)size;
	return p->last;
}

static void postport_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct postport *p = dev;

	(void)port;
	(void)size;
	p->last = (uint8_t)val;
	p->count++;
	if (p->sink)
		p->sink(p->ctx, p->last);
}

static const struct port_ops postport_ops = { postport_read, postport_write };

int postport_init(struct postport *p, struct bus *b, uint16_t port, void (*sink)(void *, uint8_t),
                  void *ctx)
{
	*p = (struct postport){ .sink = sink, .ctx = ctx };
	return bus_map(b, port, 1, "post", &postport_ops, p, IO_8);
}

int postport_add_port(struct postport *p, struct bus *b, uint16_t port)
{
	return bus_map(b, port, 1, "post", &postport_ops, p, IO_8);
}
