/*
 * cpu/tlb.h — the translation lookaside buffer: linear page to physical
 * frame with the rights the page-table walk found, so that a hit costs an
 * index and one compare. Part of struct cpu; read by the monitor's 'tlb'.
 *
 * Direct-mapped on the linear page number rather than the 386's 32-entry
 * 4-way set: a hit needs no way search and no replacement bookkeeping, and
 * software may not rely on which translations a TLB keeps (SDM Vol. 3,
 * 4.10.2), only on their being dropped by a CR3 load or INVLPG, which holds
 * for any organisation. 256 entries cover 1 MiB, a DOS extender's working set.
 */
#ifndef X86LAB_TLB_H
#define X86LAB_TLB_H

#include <stdint.h>

#define TLB_ENTRIES 256 /* a power of two */
#define TLB_EMPTY   1u  /* a tag no page-aligned address can match */

/* The kinds of access a translation may allow, one bit each in 'allow'.
 * A supervisor write checks the page's R/W only with CR0.WP (486). */
enum tlb_access {
	TLB_SUP_READ,
	TLB_SUP_WRITE,
	TLB_USER_READ,
	TLB_USER_WRITE,
	TLB_SUP_WRITE_WP,
	TLB_ACCESS_COUNT
};

/* The rights of a page: the PDE's and the PTE's U/S and R/W ANDed (386
 * manual 5.2.4.3), and whether the PTE's dirty bit is known to be set. */
enum { PAGE_USER = 1, PAGE_WRITABLE = 2, PAGE_DIRTY = 4 };

struct tlb_entry {
	uint32_t tag;   /* linear address of the page, or TLB_EMPTY */
	uint32_t frame; /* physical address of the page frame */
	uint8_t rights; /* PAGE_* */
	uint8_t allow;  /* bit per enum tlb_access: a hit needs no walk */
};

struct tlb {
	struct tlb_entry entry[TLB_ENTRIES];
};

static inline struct tlb_entry *tlb_slot(struct tlb *t, uint32_t lin)
{
	return &t->entry[(lin >> 12) & (TLB_ENTRIES - 1)];
}

static inline void tlb_flush(struct tlb *t)
{
	for (int i = 0; i < TLB_ENTRIES; i++)
		t->entry[i].tag = TLB_EMPTY;
}

/* INVLPG: drop the translation of the page holding 'lin', if cached. */
static inline void tlb_flush_page(struct tlb *t, uint32_t lin)
{
	struct tlb_entry *e = tlb_slot(t, lin);

	if (e->tag == (lin & ~0xfffu))
		e->tag = TLB_EMPTY;
}

#endif
