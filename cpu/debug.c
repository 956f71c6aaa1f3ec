/*
 * cpu/debug.c — breakpoints, watchpoints, iowatches and catches (vectors,
 * mode changes) for an attached debugger. The CPU calls in here only when
 * c->debug is set; a debugger that sets nothing costs one pointer test per
 * instruction.
 */
#include <stddef.h>

#include "access.h"
#include "debug_hooks.h"
#include "pagewalk.h"

void cpu_attach_debug(struct cpu *c, struct cpu_debug *d)
{
	c->debug = d;
}

uint32_t cpu_linear(const struct cpu *c, int seg, uint32_t off)
{
	return c->seg[seg].base + off;
}

/* The tables as they are now, not the TLB: a debugger sees what a walk would. */
bool cpu_linear_to_phys(const struct cpu *c, uint32_t lin, uint32_t *phys)
{
	struct page_walk w;

	if (!(c->cr0 & CR0_PG)) {
		*phys = lin & c->mem->addr_mask;
		return true;
	}
	if (!cpu_page_walk(c, lin, &w))
		return false;
	*phys = w.phys;
	return true;
}

static void note_origin(struct cpu *c, struct cpu_debug_event *e)
{
	e->cs = c->seg[SEG_CS].sel;
	e->eip = c->insn_eip;
}

bool debug_before_insn(struct cpu *c)
{
	struct cpu_debug *d = c->debug;
	uint32_t lin = c->seg[SEG_CS].base + c->eip;
	bool skip = d->skip_break_once;

	if (d->pending) {
		d->pending = false;
		return true;
	}
	d->skip_break_once = false;
	if (d->catch_mode && cpu_exec_mode(c) != d->last_mode) {
		d->event = (struct cpu_debug_event){ .kind = DEBUG_MODE,
			                             .mode_from = d->last_mode,
			                             .mode_to = cpu_exec_mode(c),
			                             .lin = lin };
		d->event.cs = c->seg[SEG_CS].sel;
		d->event.eip = c->eip;
		d->last_mode = d->event.mode_to;
		return true;
	}
	for (int i = 0; i < d->nbreaks && !skip; i++) {
		if (!d->breaks[i].enabled || d->breaks[i].lin != lin)
			continue;
		d->event = (struct cpu_debug_event){ .kind = DEBUG_BREAK, .index = i, .lin = lin };
		d->event.cs = c->seg[SEG_CS].sel;
		d->event.eip = c->eip;
		return true;
	}
	if (d->before_insn)
		d->before_insn(d->ctx, c);
	return false;
}

static bool overlaps(uint32_t a, uint32_t alen, uint32_t b, uint32_t blen)
{
	return a < b + blen && b < a + alen;
}

static int find_watch(const struct cpu_debug *d, uint32_t lin, int size, int kind)
{
	for (int i = 0; i < d->nwatches; i++) {
		const struct cpu_watch *w = &d->watches[i];
		if (w->enabled && (w->kind & kind) && overlaps(lin, (uint32_t)size, w->lin, w->len))
			return i;
	}
	return -1;
}

bool debug_watches(const struct cpu *c, uint32_t lin, int size, int kind)
{
	return c->debug->nwatches && find_watch(c->debug, lin, size, kind) >= 0;
}

/* The first watchpoint that fires in an instruction is the one reported. */
void debug_memory(struct cpu *c, uint32_t lin, int size, bool write, uint32_t old, uint32_t val)
{
	struct cpu_debug *d = c->debug;
	int i;

	if (!d->nwatches || d->pending)
		return;
	i = find_watch(d, lin, size, write ? WATCH_WRITE : WATCH_READ);
	if (i < 0)
		return;
	d->event = (struct cpu_debug_event){ .kind = DEBUG_WATCH,
		                             .index = i,
		                             .lin = lin,
		                             .size = size,
		                             .write = write,
		                             .old_value = old,
		                             .new_value = val };
	note_origin(c, &d->event);
	d->pending = true;
}

void debug_port(struct cpu *c, uint16_t port, int size, bool write, uint32_t val)
{
	struct cpu_debug *d = c->debug;

	if (!d->niowatches || d->pending)
		return;
	for (int i = 0; i < d->niowatches; i++) {
		const struct cpu_iowatch *w = &d->iowatches[i];
		if (!w->enabled || !(w->kind & (write ? WATCH_WRITE : WATCH_READ)) ||
		    port + size - 1 < w->first || port > w->last)
			continue;
		d->event = (struct cpu_debug_event){ .kind = DEBUG_IOWATCH,
			                             .index = i,
			                             .size = size,
			                             .write = write,
			                             .port = port,
			                             .value = val };
		note_origin(c, &d->event);
		d->pending = true;
		return;
	}
}

void debug_caught(struct cpu *c, int vector, enum cpu_intr_source source, uint16_t cs, uint32_t eip)
{
	struct cpu_debug *d = c->debug;

	if (d->pending || !(d->catch_vectors[vector >> 5] >> (vector & 31) & 1))
		return;
	d->event = (struct cpu_debug_event){
		.kind = DEBUG_CATCH, .vector = vector, .source = source, .cs = cs, .eip = eip
	};
	d->pending = true;
}
