/*
 * tests/support/rig.h — a small machine for CPU unit tests: 2 MiB of RAM, a
 * CPU of a chosen model, ports that record writes, and an interrupt line the
 * test drives. Code is placed at 1000:0100 unless the test says otherwise.
 */
#ifndef X86LAB_RIG_H
#define X86LAB_RIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu.h"
#include "mem.h"

#define RIG_CS 0x1000
#define RIG_IP 0x0100

struct rig {
	struct mem mem;
	struct cpu cpu;
	int vector; /* what interrupt acknowledge returns */
	int acks;   /* interrupt acknowledges seen */
	uint16_t out_port[64];
	uint32_t out_val[64];
	int nout;
	int raise_after_out; /* raise INTR once this many OUTs happened (0: never) */
};

/* Allocate a rig (the returned pointer is the cmocka state). */
struct rig *rig_new(enum cpu_model model);
void rig_free(struct rig *r);
/* Put 'len' bytes at CS:IP = 1000:0100 and set the usual registers:
 * DS=ES=SS=1000, SP=FFFE. */
void rig_load(struct rig *r, const void *code, size_t len);
/* Write a real-mode interrupt vector. */
void rig_set_vector(struct rig *r, int vector, uint16_t seg, uint16_t off);
uint8_t rig_peek8(struct rig *r, uint32_t phys);
uint16_t rig_peek16(struct rig *r, uint32_t phys);
uint32_t rig_peek32(struct rig *r, uint32_t phys);
void rig_poke16(struct rig *r, uint32_t phys, uint16_t v);
void rig_poke32(struct rig *r, uint32_t phys, uint32_t v);

/* Enough protected mode to deliver exception 'vector' from any CPL: a GDT
 * at 30000h with a ring-0 code segment (08, base 10000h, 16-bit), a ring-0
 * stack (10, base 20000h) and a 386 TSS (18) whose SS0:ESP0 is 10:FFF0; an
 * IDT at 32000h with an interrupt gate for 'vector' to 08:RIG_HANDLER,
 * where a HLT waits. The caller sets CR0.PE. (SDM Vol. 3, 3.4.5, 6.11, 7.2.) */
/* Run 'code' (placed at RIG_CS:RIG_IP) for one instruction and return the
 * vector of the first exception it raised, or -1 for none. Without an IDT
 * that would deliver it the CPU shuts down; it is then put back (CS as it
 * was, not shut down) so that the next call runs at the same CPL. The
 * exception comes from c->fault_chain. */
int rig_run_one(struct rig *r, const uint8_t *code, size_t len);

#define RIG_HANDLER 0x0200
#define RIG_STACK0  0x20000u /* the ring-0 stack segment's base; ESP0 = FFF0 */
void rig_ring0_handler(struct rig *r, int vector);

#endif
