/*
 * cpu/paging.h — the 386 paging unit as the access path uses it: linear to
 * physical through the TLB, a page-table walk on a miss, #PF on a violation.
 * 32-bit two-level paging with 4 KiB pages (SDM Vol. 3 chapter 4; 80386
 * Programmer's Reference chapter 5). Internal to cpu/.
 */
#ifndef X86LAB_PAGING_H
#define X86LAB_PAGING_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

/* The access kind the TLB checks: who (system accesses to descriptor tables
 * and the TSS are supervisor accesses at any CPL) and whether it writes. */
static inline unsigned paging_access(const struct cpu *c, bool write, bool system)
{
	if (!system && cpu_cpl(c) == 3)
		return write ? TLB_USER_WRITE : TLB_USER_READ;
	if (!write)
		return TLB_SUP_READ;
	return (c->cr0 & CR0_WP) ? TLB_SUP_WRITE_WP : TLB_SUP_WRITE;
}

/* Walk the tables for 'lin', set the accessed and dirty bits, fill the TLB;
 * raises #PF (CR2 = lin) when the page is absent or the access not allowed. */
uint32_t paging_miss(struct cpu *c, uint32_t lin, unsigned access);

/* The physical address of 'lin' for an access of kind 'access'. */
static inline uint32_t paging_translate(struct cpu *c, uint32_t lin, unsigned access)
{
	const struct tlb_entry *e = tlb_slot(&c->tlb, lin);

	if (e->tag == (lin & ~0xfffu) && (e->allow >> access & 1))
		return e->frame | (lin & 0xfff);
	return paging_miss(c, lin, access);
}

/* Reads and writes with CR0.PG set. An access that crosses a page boundary
 * translates both pages before it touches memory, so a fault on the second
 * leaves the first unwritten. */
uint32_t paging_read(struct cpu *c, uint32_t lin, int size, bool system);
void paging_write(struct cpu *c, uint32_t lin, uint32_t val, int size, bool system);
/* Translate every page of [lin, lin+size) for a write without writing. */
void paging_probe_write(struct cpu *c, uint32_t lin, int size);

/* CR0 and CR3 loads: what the TLB must forget (SDM Vol. 3, 4.10.4.1). */
void paging_cr0_loaded(struct cpu *c, uint32_t old_cr0);
void paging_cr3_loaded(struct cpu *c);

#endif
