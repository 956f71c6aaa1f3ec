/*
 * cpu/access.c — the one path from an instruction to memory: segment checks
 * on seg:off, the linear address, then mem/. This is where the VM mediates
 * every guest access; watchpoints, paging (cpu/paging.c) and statistics
 * hang here.
 * SDM Vol. 3 chapter 3 (segmentation); 8086 and 286 manuals for real mode.
 */
#include "access.h"

#include "debug_hooks.h"
#include "debugreg.h"
#include "paging.h"

_Noreturn void cpu_fault(struct cpu *c, int vector, uint32_t error)
{
	c->fault_vector = vector;
	c->fault_error = error;
	c->fault_has_error = true;
	longjmp(c->fault_jmp, 1);
}

_Noreturn void cpu_fault_noerr(struct cpu *c, int vector)
{
	c->fault_vector = vector;
	c->fault_error = 0;
	c->fault_has_error = false;
	longjmp(c->fault_jmp, 1);
}

_Noreturn void cpu_unsupported(struct cpu *c, const char *why)
{
	c->unsupported = why;
	c->stop_requested = true;
	c->fault_vector = -1;
	longjmp(c->fault_jmp, 1);
}

/* 486 alignment check (SDM Vol. 3, 6.15, interrupt 17): a misaligned data
 * access at CPL 3 with CR0.AM and EFLAGS.AC set (only the 486 can set AC).
 * The CPU's own accesses are not checked. It ranks below #PF (SDM Vol. 3,
 * Table 6-2), so it comes after the translation. */
static void alignment_check(struct cpu *c, uint32_t lin, int size, bool system)
{
	if (!system && (c->cr0 & CR0_AM) && (c->eflags & FLAG_AC) && (lin & (uint32_t)(size - 1)) &&
	    cpu_cpl(c) == 3)
		cpu_fault(c, EXC_AC, 0);
}

/* Both pages of an access that crosses a page boundary, translated before
 * anything is read or written: a fault on the second leaves the first alone. */
static void translate_both(struct cpu *c, uint32_t lin, bool write, bool system)
{
	unsigned access = paging_access(c, write, system);

	paging_translate(c, lin, access);
	paging_translate(c, (lin | MEM_PAGE_MASK) + 1, access);
}

static bool crosses_page(uint32_t lin, int size)
{
	return (lin & MEM_PAGE_MASK) > MEM_PAGE_SIZE - (uint32_t)size;
}

/* CR0.PG or CR0.AM set: paging (paging.h: a TLB hit does not walk) and the
 * alignment check. Out of line, so that the common case below is one test
 * of CR0 inlined into every segment-relative access. */
static __attribute__((noinline)) uint32_t lin_read_slow(struct cpu *c, uint32_t lin, int size,
                                                        bool system)
{
	uint32_t phys = lin;

	if (c->cr0 & CR0_PG) {
		if (crosses_page(lin, size)) {
			translate_both(c, lin, false, system);
			alignment_check(c, lin, size, system);
			return paging_read(c, lin, size, system);
		}
		phys = paging_translate(c, lin, paging_access(c, false, system));
	}
	alignment_check(c, lin, size, system);
	return mem_read(c->mem, phys, size);
}

static __attribute__((noinline)) void lin_write_slow(struct cpu *c, uint32_t lin, uint32_t val,
                                                     int size, bool system)
{
	uint32_t phys = lin;

	if (c->cr0 & CR0_PG) {
		if (crosses_page(lin, size)) {
			translate_both(c, lin, true, system);
			alignment_check(c, lin, size, system);
			paging_write(c, lin, val, size, system);
			return;
		}
		phys = paging_translate(c, lin, paging_access(c, true, system));
	}
	alignment_check(c, lin, size, system);
	mem_write(c->mem, phys, val, size);
}

static inline uint32_t lin_read(struct cpu *c, uint32_t lin, int size, bool system)
{
	if (__builtin_expect(!(c->cr0 & (CR0_PG | CR0_AM)), 1))
		return mem_read(c->mem, lin, size);
	return lin_read_slow(c, lin, size, system);
}

static inline void lin_write(struct cpu *c, uint32_t lin, uint32_t val, int size, bool system)
{
	if (__builtin_expect(!(c->cr0 & (CR0_PG | CR0_AM)), 1))
		mem_write(c->mem, lin, val, size);
	else
		lin_write_slow(c, lin, val, size, system);
}

uint32_t cpu_lin_read(struct cpu *c, uint32_t lin, int size, bool system)
{
	return lin_read(c, lin, size, system);
}

void cpu_lin_write(struct cpu *c, uint32_t lin, uint32_t val, int size, bool system)
{
	lin_write(c, lin, val, size, system);
}

enum seg_access { SEG_READ, SEG_WRITE, SEG_FETCH };

/* The fault for an access outside what the segment allows: #SS(0) for the
 * stack segment, #GP(0) for the others (SDM Vol. 3, 5.3 and 6.15). Real-mode
 * offsets past the limit: the 8086 wraps inside the 64 KiB segment (handled
 * by the callers); the 286 raises interrupt 13 for any segment. */
static _Noreturn void segment_fault(struct cpu *c, int seg)
{
	int vector = EXC_GP;

	if (seg == SEG_SS)
		vector = (c->cr0 & CR0_PE) ? EXC_SS : c->traits->real_ss_fault;
	cpu_fault(c, vector, 0);
}

/* Protected-mode rights and expand-down limits (SDM Vol. 3, 5.3 and 5.4):
 * a null selector, a read of execute-only code, a write to code or read-only
 * data; an expand-down segment holds the offsets above its limit up to
 * FFFF or FFFFFFFF (by its B bit). */
static void checked_access(struct cpu *c, int seg, uint32_t off, int size, enum seg_access acc)
{
	const struct segcache *s = &c->seg[seg];
	uint32_t last = off + (uint32_t)(size - 1);

	if (s->checks & SEGCHK_NULL)
		cpu_fault(c, EXC_GP, 0);
	if ((acc == SEG_READ && (s->checks & SEGCHK_NOREAD)) ||
	    (acc == SEG_WRITE && (s->checks & SEGCHK_NOWRITE)))
		segment_fault(c, seg);
	if (s->checks & SEGCHK_DOWN) {
		uint32_t top = s->big ? 0xffffffffu : 0xffffu;
		if (off <= s->limit || last > top || last < off)
			segment_fault(c, seg);
		return;
	}
	if (off > s->limit || (uint32_t)(size - 1) > s->limit - off)
		segment_fault(c, seg);
}

static inline void limit_check(struct cpu *c, int seg, uint32_t off, int size, enum seg_access acc)
{
	uint32_t limit = c->seg[seg].limit;

	if (__builtin_expect(c->seg[seg].checks != 0, 0)) {
		checked_access(c, seg, off, size, acc);
		return;
	}
	if (off > limit || (uint32_t)(size - 1) > limit - off)
		segment_fault(c, seg);
}

static bool wraps(bool wrap, uint32_t off, int size)
{
	return wrap && (off & 0xffff) + (uint32_t)size > 0x10000;
}

void cpu_check(struct cpu *c, int seg, uint32_t off, int size)
{
	if (!c->traits->seg_wrap)
		limit_check(c, seg, off, size, SEG_WRITE);
	if (c->cr0 & CR0_PG)
		paging_probe_write(c, c->seg[seg].base + off, size);
}

/* 'wrap': offsets wrap at 64 KiB instead of being checked against the limit. */
static uint32_t read_at(struct cpu *c, int seg, uint32_t off, int size, bool wrap,
                        enum seg_access acc)
{
	uint32_t base = c->seg[seg].base;
	uint32_t v = 0;

	if (wraps(wrap, off, size)) {
		for (int i = 0; i < size; i++)
			v |= lin_read(c, base + ((off + (uint32_t)i) & 0xffff), 1, false)
			     << (8 * i);
	} else {
		if (wrap)
			off &= 0xffff;
		else
			limit_check(c, seg, off, size, acc);
		v = lin_read(c, base + off, size, false);
	}
	if (c->dr_armed & DR_ARMED_DATA)
		debugreg_access(c, base + (off & (wrap ? 0xffff : 0xffffffffu)), size, false);
	if (c->debug)
		debug_memory(c, base + (off & (wrap ? 0xffff : 0xffffffffu)), size, false, v, v);
	return v;
}

/* The bytes of a write as they are before it, for a watchpoint's report. */
static uint32_t old_value(struct cpu *c, uint32_t lin, int size)
{
	uint32_t phys, v = 0;

	for (int i = 0; i < size; i++) {
		uint8_t b = 0xff;
		if (cpu_linear_to_phys(c, lin + (uint32_t)i, &phys))
			mem_peek(c->mem, phys, &b, 1);
		v |= (uint32_t)b << (8 * i);
	}
	return v;
}

static void write_at(struct cpu *c, int seg, uint32_t off, uint32_t val, int size, bool wrap)
{
	uint32_t base = c->seg[seg].base;
	uint32_t lin = base + (off & (wrap ? 0xffff : 0xffffffffu));
	bool watched = c->debug && debug_watches(c, lin, size, WATCH_WRITE);
	uint32_t old = watched ? old_value(c, lin, size) : 0;

	if (wraps(wrap, off, size)) {
		for (int i = 0; i < size; i++)
			lin_write(c, base + ((off + (uint32_t)i) & 0xffff), val >> (8 * i), 1,
			          false);
	} else {
		if (wrap)
			off &= 0xffff;
		else
			limit_check(c, seg, off, size, SEG_WRITE);
		lin_write(c, base + off, val, size, false);
	}
	if (c->dr_armed & DR_ARMED_DATA)
		debugreg_access(c, lin, size, true);
	if (watched)
		debug_memory(c, lin, size, true, old, val & size_mask(size));
}

uint32_t cpu_read(struct cpu *c, int seg, uint32_t off, int size)
{
	return read_at(c, seg, off, size, c->traits->seg_wrap, SEG_READ);
}

void cpu_write(struct cpu *c, int seg, uint32_t off, uint32_t val, int size)
{
	write_at(c, seg, off, val, size, c->traits->seg_wrap);
}

/* The 286 lets a string access at offset FFFF wrap and raises the segment
 * overrun later: a read's once the index register has moved, a write's at
 * the next step of the instruction (captured by SingleStepTests). */
static bool late_overrun(struct cpu *c, uint32_t off, int size, bool *pending)
{
	if (!c->traits->string_late_fault || (c->cr0 & CR0_PE) || !wraps(true, off, size))
		return false;
	*pending = true;
	return true;
}

uint32_t cpu_read_string(struct cpu *c, int seg, uint32_t off, int size)
{
	bool wrap = c->traits->seg_wrap || late_overrun(c, off, size, &c->overrun_read);

	return read_at(c, seg, off, size, wrap, SEG_READ);
}

void cpu_write_string(struct cpu *c, int seg, uint32_t off, uint32_t val, int size)
{
	bool wrap = c->traits->seg_wrap || late_overrun(c, off, size, &c->overrun_write);

	write_at(c, seg, off, val, size, wrap);
}

_Noreturn void overrun_fault(struct cpu *c, bool *pending)
{
	*pending = false;
	cpu_fault(c, EXC_GP, 0);
}

uint8_t cpu_fetch8(struct cpu *c, uint32_t off)
{
	if (!c->seg[SEG_CS].big)
		off &= 0xffff;
	return (uint8_t)read_at(c, SEG_CS, off, 1, c->traits->seg_wrap, SEG_FETCH);
}

uint32_t stack_mask(const struct cpu *c)
{
	return c->seg[SEG_SS].big ? 0xffffffffu : 0xffffu;
}

void stack_push(struct cpu *c, uint32_t val, int size)
{
	uint32_t mask = stack_mask(c);
	uint32_t sp = (c->reg[REG_SP] - (uint32_t)size) & mask;

	cpu_write(c, SEG_SS, sp, val, size);
	c->reg[REG_SP] = (c->reg[REG_SP] & ~mask) | sp;
}

uint32_t stack_pop(struct cpu *c, int size)
{
	uint32_t mask = stack_mask(c);
	uint32_t sp = c->reg[REG_SP] & mask;
	uint32_t v = cpu_read(c, SEG_SS, sp, size);

	c->reg[REG_SP] = (c->reg[REG_SP] & ~mask) | ((sp + (uint32_t)size) & mask);
	return v;
}

uint32_t stack_peek(struct cpu *c, uint32_t depth, int size)
{
	uint32_t mask = stack_mask(c);

	return cpu_read(c, SEG_SS, (c->reg[REG_SP] + depth) & mask, size);
}

void stack_release(struct cpu *c, uint32_t n)
{
	uint32_t mask = stack_mask(c);

	c->reg[REG_SP] = (c->reg[REG_SP] & ~mask) | ((c->reg[REG_SP] + n) & mask);
}
