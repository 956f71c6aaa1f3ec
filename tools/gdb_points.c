/*
 * tools/gdb_points.c — gdb's Z/z breakpoints and watchpoints as entries of
 * the CPU's debug state (cpu/debug.h): nothing is written into guest
 * memory, so software and hardware breakpoints behave the same.
 */
#include <string.h>

#include "gdb_target.h"

void gdb_points_clear(struct gdb_points *p)
{
	memset(p, 0, sizeof *p);
}

static uint8_t watch_kind(enum gdb_ztype type)
{
	switch (type) {
	case GDB_Z_WRITE:
		return WATCH_WRITE;
	case GDB_Z_READ:
		return WATCH_READ;
	default:
		return WATCH_RW;
	}
}

static int find_break(const struct gdb_points *p, enum gdb_ztype type, uint32_t addr)
{
	for (int i = 0; i < p->dbg.nbreaks; i++)
		if (p->dbg.breaks[i].lin == addr && p->break_type[i] == type)
			return i;
	return -1;
}

static int find_watch(const struct gdb_points *p, enum gdb_ztype type, uint32_t addr, uint32_t len)
{
	for (int i = 0; i < p->dbg.nwatches; i++) {
		const struct cpu_watch *w = &p->dbg.watches[i];
		if (w->lin == addr && w->len == len && p->watch_type[i] == type)
			return i;
	}
	return -1;
}

static int insert_break(struct gdb_points *p, enum gdb_ztype type, uint32_t addr)
{
	struct cpu_debug *d = &p->dbg;

	if (find_break(p, type, addr) >= 0)
		return 0;
	if (d->nbreaks == CPU_MAX_BREAKS)
		return -1;
	d->breaks[d->nbreaks] = (struct cpu_break){ .lin = addr, .enabled = true };
	p->break_type[d->nbreaks++] = (uint8_t)type;
	return 0;
}

/* A watched range must not wrap around the top of the address space, where
 * the CPU's overlap test would miss it. */
static int insert_watch(struct gdb_points *p, enum gdb_ztype type, uint32_t addr, uint32_t len)
{
	struct cpu_debug *d = &p->dbg;

	if (len == 0 || (uint64_t)addr + len > (uint64_t)UINT32_MAX + 1)
		return -1;
	if (find_watch(p, type, addr, len) >= 0)
		return 0;
	if (d->nwatches == CPU_MAX_WATCHES)
		return -1;
	d->watches[d->nwatches] = (struct cpu_watch){
		.lin = addr, .len = len, .kind = watch_kind(type), .enabled = true
	};
	p->watch_type[d->nwatches++] = (uint8_t)type;
	return 0;
}

int gdb_points_insert(struct gdb_points *p, enum gdb_ztype type, uint32_t addr, uint32_t len)
{
	if (type == GDB_Z_SW || type == GDB_Z_HW)
		return insert_break(p, type, addr);
	if (type < GDB_Z_COUNT)
		return insert_watch(p, type, addr, len);
	return -1;
}

/* The last entry moves into the hole: the CPU reports indexes only for the
 * stop being handled, so order does not matter between stops. */
int gdb_points_remove(struct gdb_points *p, enum gdb_ztype type, uint32_t addr, uint32_t len)
{
	struct cpu_debug *d = &p->dbg;
	int i;

	if (type == GDB_Z_SW || type == GDB_Z_HW) {
		i = find_break(p, type, addr);
		if (i >= 0) {
			d->breaks[i] = d->breaks[--d->nbreaks];
			p->break_type[i] = p->break_type[d->nbreaks];
		}
		return 0;
	}
	if (type >= GDB_Z_COUNT)
		return -1;
	i = find_watch(p, type, addr, len);
	if (i >= 0) {
		d->watches[i] = d->watches[--d->nwatches];
		p->watch_type[i] = p->watch_type[d->nwatches];
	}
	return 0;
}

bool gdb_points_break_at(const struct gdb_points *p, uint32_t lin)
{
	for (int i = 0; i < p->dbg.nbreaks; i++)
		if (p->dbg.breaks[i].enabled && p->dbg.breaks[i].lin == lin)
			return true;
	return false;
}
