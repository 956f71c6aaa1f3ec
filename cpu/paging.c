/*
 * cpu/paging.c — the paging unit behind cpu_lin_read/cpu_lin_write: the
 * page-table walk on a TLB miss, the accessed and dirty bits it writes back,
 * the protection check and #PF. SDM Vol. 3, 4.3 (32-bit paging), 4.6
 * (access rights), 4.7 (#PF error code), 4.8 (accessed and dirty flags);
 * 80386 Programmer's Reference 5.2 and 6.4.
 */
#include "paging.h"

#include "access.h"
#include "pagewalk.h"

static bool is_write(unsigned access)
{
	return access == TLB_SUP_WRITE || access == TLB_USER_WRITE || access == TLB_SUP_WRITE_WP;
}

/* The accesses a page with these rights allows without another walk. A
 * write to a page not yet dirty must walk, to set D in the PTE. */
static uint8_t allowed(uint8_t rights)
{
	bool user = rights & PAGE_USER, writable = rights & PAGE_WRITABLE;
	bool dirty = rights & PAGE_DIRTY;
	uint8_t a = 1u << TLB_SUP_READ;

	if (dirty)
		a |= 1u << TLB_SUP_WRITE;
	if (user)
		a |= 1u << TLB_USER_READ;
	if (user && writable && dirty)
		a |= 1u << TLB_USER_WRITE;
	if (writable && dirty)
		a |= 1u << TLB_SUP_WRITE_WP;
	return a;
}

static bool permitted(uint8_t rights, unsigned access)
{
	return allowed(rights | PAGE_DIRTY) >> access & 1;
}

_Noreturn static void page_fault(struct cpu *c, uint32_t lin, unsigned access, bool present)
{
	uint32_t error = (present ? PF_PRESENT : 0) | (is_write(access) ? PF_WRITE : 0) |
	                 (access == TLB_USER_READ || access == TLB_USER_WRITE ? PF_USER : 0);

	c->cr2 = lin;
	cpu_fault(c, EXC_PF, error);
}

uint32_t paging_miss(struct cpu *c, uint32_t lin, unsigned access)
{
	struct tlb_entry *e = tlb_slot(&c->tlb, lin);
	uint32_t page = lin & ~0xfffu;
	uint32_t pde_addr, pde, pte_addr, pte, updated;
	uint8_t rights;

	/* A cached translation's rights stand until the entry is flushed, as
	 * on the chip; only the first write to a clean page walks again. */
	if (e->tag == page && !permitted(e->rights, access))
		page_fault(c, lin, access, true);
	pde_addr = (c->cr3 & PTE_FRAME) | (lin >> 22) << 2;
	pde = mem_read(c->mem, pde_addr, 4);
	if (!(pde & PTE_P))
		page_fault(c, lin, access, false);
	pte_addr = (pde & PTE_FRAME) | ((lin >> 12) & 0x3ff) << 2;
	pte = mem_read(c->mem, pte_addr, 4);
	if (!(pte & PTE_P))
		page_fault(c, lin, access, false);
	rights = (uint8_t)(((pde & pte & PTE_US) ? PAGE_USER : 0) |
	                   ((pde & pte & PTE_RW) ? PAGE_WRITABLE : 0));
	if (!permitted(rights, access))
		page_fault(c, lin, access, true);
	/* A in both entries once the translation is used; D in the PTE on a
	 * write. Written only when they change, as the chip's locked cycles. */
	if (!(pde & PTE_A))
		mem_write(c->mem, pde_addr, pde | PTE_A, 4);
	updated = pte | PTE_A | (is_write(access) ? PTE_D : 0);
	if (updated != pte)
		mem_write(c->mem, pte_addr, updated, 4);
	if (updated & PTE_D)
		rights |= PAGE_DIRTY;
	*e = (struct tlb_entry){
		.tag = page, .frame = pte & PTE_FRAME, .rights = rights, .allow = allowed(rights)
	};
	return e->frame | (lin & 0xfff);
}

/* Bytes of an access at 'lin' that lie in its first page. */
static uint32_t in_first_page(uint32_t lin)
{
	return MEM_PAGE_SIZE - (lin & MEM_PAGE_MASK);
}

uint32_t paging_read(struct cpu *c, uint32_t lin, int size, bool system)
{
	unsigned access = paging_access(c, false, system);
	uint32_t first = in_first_page(lin), lo, hi, v = 0;

	if ((uint32_t)size <= first)
		return mem_read(c->mem, paging_translate(c, lin, access), size);
	lo = paging_translate(c, lin, access);
	hi = paging_translate(c, lin + first, access);
	for (uint32_t i = 0; i < (uint32_t)size; i++)
		v |= mem_read(c->mem, i < first ? lo + i : hi + (i - first), 1) << (8 * i);
	return v;
}

void paging_write(struct cpu *c, uint32_t lin, uint32_t val, int size, bool system)
{
	unsigned access = paging_access(c, true, system);
	uint32_t first = in_first_page(lin), lo, hi;

	if ((uint32_t)size <= first) {
		mem_write(c->mem, paging_translate(c, lin, access), val, size);
		return;
	}
	lo = paging_translate(c, lin, access);
	hi = paging_translate(c, lin + first, access);
	for (uint32_t i = 0; i < (uint32_t)size; i++)
		mem_write(c->mem, i < first ? lo + i : hi + (i - first), val >> (8 * i), 1);
}

void paging_probe_write(struct cpu *c, uint32_t lin, int size)
{
	unsigned access = paging_access(c, true, false);

	paging_translate(c, lin, access);
	if ((uint32_t)size > in_first_page(lin))
		paging_translate(c, lin + in_first_page(lin), access);
}

/* A CR3 load flushes every translation; so does turning paging on or off,
 * since the entries describe tables that were not in use. CR0.WP needs no
 * flush: the TLB keeps a separate right for supervisor writes under WP. */
void paging_cr0_loaded(struct cpu *c, uint32_t old_cr0)
{
	if ((old_cr0 ^ c->cr0) & (CR0_PG | CR0_PE))
		tlb_flush(&c->tlb);
}

void paging_cr3_loaded(struct cpu *c)
{
	tlb_flush(&c->tlb);
}
