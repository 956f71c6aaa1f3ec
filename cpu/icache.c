/*
 * cpu/icache.c — the decoded-instruction cache. Direct-mapped on the
 * physical address; only instructions that lie in one page of plain RAM or
 * ROM and do not wrap around the 64 KiB segment are kept, so that a hit
 * needs no fetch and no re-check beyond the code segment limit.
 */
#include <stddef.h>

#include "icache.h"

static uint8_t decode_mode(const struct cpu *c)
{
	return (uint8_t)(1 + (c->seg[SEG_CS].big ? 1 : 0) + ((c->cr0 & CR0_PE) ? 2 : 0));
}

static uint32_t code_phys(const struct cpu *c)
{
	return (c->seg[SEG_CS].base + c->eip) & c->mem->addr_mask;
}

const struct insn *icache_lookup(struct cpu *c)
{
	uint32_t phys = code_phys(c), pg = phys >> MEM_PAGE_SHIFT;
	const struct icache_entry *e;

	if (!c->icache || pg >= c->mem->fast_pages)
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
	uint32_t phys = code_phys(c), pg = phys >> MEM_PAGE_SHIFT;
	struct icache_entry *e;

	if (!c->icache || pg >= c->mem->fast_pages || !c->mem->page_rd[pg])
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
