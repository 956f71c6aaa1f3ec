/*
 * cpu/pagewalk.c — the page-table walk as a debugger sees it: the same two
 * levels as cpu/paging.c, read with mem_peek, so that looking changes
 * nothing (no accessed or dirty bits, no TLB entry, no fault).
 */
#include "pagewalk.h"

static uint32_t peek32(const struct mem *m, uint32_t phys)
{
	uint8_t b[4] = { 0xff, 0xff, 0xff, 0xff };

	mem_peek(m, phys, b, 4);
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

bool cpu_page_walk(const struct cpu *c, uint32_t lin, struct page_walk *w)
{
	*w = (struct page_walk){ .lin = lin };
	w->pde_addr = ((c->cr3 & PTE_FRAME) | (lin >> 22) << 2) & c->mem->addr_mask;
	w->pde = peek32(c->mem, w->pde_addr);
	w->pde_present = w->pde & PTE_P;
	if (!w->pde_present)
		return false;
	w->pte_addr = ((w->pde & PTE_FRAME) | ((lin >> 12) & 0x3ff) << 2) & c->mem->addr_mask;
	w->pte = peek32(c->mem, w->pte_addr);
	w->pte_present = w->pte & PTE_P;
	if (!w->pte_present)
		return false;
	w->phys = ((w->pte & PTE_FRAME) | (lin & 0xfff)) & c->mem->addr_mask;
	return true;
}

int cpu_page_fault_code(const struct cpu *c, const struct page_walk *w, bool write, bool user)
{
	int error = (write ? PF_WRITE : 0) | (user ? PF_USER : 0);
	uint32_t both = w->pde & w->pte;

	if (!w->pde_present || !w->pte_present)
		return error;
	if (user && !(both & PTE_US))
		return error | PF_PRESENT;
	if (write && (user || (c->cr0 & CR0_WP)) && !(both & PTE_RW))
		return error | PF_PRESENT;
	return -1;
}
