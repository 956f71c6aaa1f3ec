/*
 * cpu/icache.h — decoded instructions kept by physical address, so a loop
 * is decoded once and run many times. An entry stays valid while its page's
 * generation (mem/mem.h, page_gen) is unchanged: any write to the page, by
 * the guest, a loader or a debugger, retires it. With paging on, CS:EIP
 * reaches it through the TLB, so a remapped page, once flushed, finds other
 * entries. Internal to cpu/.
 */
#ifndef X86LAB_ICACHE_H
#define X86LAB_ICACHE_H

#include "insn.h"

#define ICACHE_ENTRIES 2048 /* a power of two */

struct icache_entry {
	uint32_t phys; /* physical address of the first byte */
	uint32_t gen;  /* page_gen of its page when decoded */
	uint8_t mode;  /* decoding mode (CS.D, PE); 0 = empty */
	struct insn in;
};

struct icache {
	struct icache_entry entry[ICACHE_ENTRIES];
};

/* The decoded instruction at CS:EIP, or NULL when it must be decoded. */
const struct insn *icache_lookup(struct cpu *c);
/* Keep 'in', just decoded at CS:EIP, when it can be kept safely. */
void icache_store(struct cpu *c, const struct insn *in);

#endif
