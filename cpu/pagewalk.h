/*
 * cpu/pagewalk.h — a page-table walk without side effects, for debuggers:
 * no accessed or dirty bits, no TLB fill, no fault. cpu_linear_to_phys and
 * the monitor's 'pagewalk' are built on it. Included by tools/ and tests.
 */
#ifndef X86LAB_PAGEWALK_H
#define X86LAB_PAGEWALK_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

/* Page-directory and page-table entry bits (SDM Vol. 3, Table 4-5, 4-6). */
enum {
	PTE_P = 1u << 0,
	PTE_RW = 1u << 1,
	PTE_US = 1u << 2,
	PTE_PWT = 1u << 3, /* 486 */
	PTE_PCD = 1u << 4, /* 486 */
	PTE_A = 1u << 5,
	PTE_D = 1u << 6,
	PTE_FRAME = 0xfffff000u,
};

/* #PF error code bits (SDM Vol. 3, 4.7). */
enum { PF_PRESENT = 1, PF_WRITE = 2, PF_USER = 4 };

struct page_walk {
	uint32_t lin;
	uint32_t pde_addr, pde; /* physical address of the PDE and its value */
	uint32_t pte_addr, pte; /* valid when the PDE is present */
	bool pde_present, pte_present;
	uint32_t phys; /* valid when both are present */
};

/* Walk the tables of CR3 for 'lin'. Returns true when both levels are present. */
bool cpu_page_walk(const struct cpu *c, uint32_t lin, struct page_walk *w);

/* The #PF error code an access would raise through 'w' (write or read, CPL 3
 * or supervisor, with CR0.WP as it is now), or -1 when it would succeed. */
int cpu_page_fault_code(const struct cpu *c, const struct page_walk *w, bool write, bool user);

#endif
