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
void rig_poke16(struct rig *r, uint32_t phys, uint16_t v);

#endif
