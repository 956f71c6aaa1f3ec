/*
 * cpu/icache.c — the decoded-instruction cache. Direct-mapped on the
 * physical address; only instructions that lie in one page of plain RAM or
 * ROM and do not wrap around the 64 KiB segment are kept, so that a hit
 * needs no fetch and no re-check beyond the code segment limit.
 */
#include <stddef.h>

#include "icache.h"
#include "paging.h"

static uint8_t decode_mode(const struct cpu *c)
{
	return (uint8_t)(1 + (c->seg[SEG_CS].big ? 1 : 0) + ((c->cr0 & CR0_PE) ? 2 : 0));
}

/* With paging, CS:EIP's physical address comes from the TLB only: a miss
 * means a decode, whose fetch walks the tables and checks the rights. Keyed
 * by the physical address, an entry stays right when a mapping changes: the
 * new translation, after the flush, leads to another address. */
static bool code_phys(struct cpu *c, uint32_t *phys)
{
	uint32_t lin = c->seg[SEG_CS].base + c->eip;

	if (c->cr0 & CR0_PG) {
		const struct tlb_entry *t = tlb_slot(&c->tlb, lin);
		if (t->tag != (lin & ~0xfffu) || !(t->allow >> paging_access(c, false, false) & 1))
			return false;
		lin = t->frame | (lin & 0xfff);
	}
	*phys = lin & c->mem->addr_mask;
	return true;
}

const struct insn *icache_lookup(struct cpu *c)
{
	uint32_t phys, pg;
	const struct icache_entry *e;

	if (!c->icache || !code_phys(c, &phys))
		return NULL;
	pg = phys >> MEM_PAGE_SHIFT;
	if (pg >= c->mem->fast_pages)
		return NULL;
	e = &c->icache->entry[phys & (ICACHE_ENTRIES - 1)];
	if (e->phys != phys || e->mode != decode_mode(c) || e->gen != c->mem->page_gen[pg])
		return NULL;
	if (c->eip + e->in.len - 1 > c->seg[SEG_CS].limit)
		return NULL;
	return &e->in;
}

void icache_store(struct cpu *c, const struct insn *in)
{
	uint32_t phys, pg;
	struct icache_entry *e;

	if (!c->icache || !code_phys(c, &phys))
		return;
	pg = phys >> MEM_PAGE_SHIFT;
	if (pg >= c->mem->fast_pages || !c->mem->page_rd[pg])
		return;
	if ((phys & MEM_PAGE_MASK) + in->len > MEM_PAGE_SIZE)
		return;
	if (!c->seg[SEG_CS].big && c->eip + in->len > 0x10000)
		return;
	e = &c->icache->entry[phys & (ICACHE_ENTRIES - 1)];
	e->phys = phys;
	e->mode = decode_mode(c);
	e->gen = c->mem->page_gen[pg];
	e->in = *in;
	c->mem->page_code[pg] |= mem_code_lines(phys & MEM_PAGE_MASK, in->len);
}
