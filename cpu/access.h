/*
 * cpu/access.h — how instructions reach memory: segment:offset checked against
 * the descriptor cache, then the linear address to mem/. Also the stack, the
 * instruction fetch, and cpu_fault(), the one way out of an instruction when
 * the guest does something the architecture forbids. Internal to cpu/.
 */
#ifndef X86LAB_ACCESS_H
#define X86LAB_ACCESS_H

#include <stdint.h>

#include "cpu.h"

/* Raise exception 'vector' for the current instruction and unwind to cpu_run.
 * 'error' is pushed where the architecture pushes an error code. */
_Noreturn void cpu_fault(struct cpu *c, int vector, uint32_t error);
_Noreturn void cpu_fault_noerr(struct cpu *c, int vector);

/* Stop before the current instruction because it needs something x86lab
 * does not emulate yet ('why' says what); cpu_run returns
 * CPU_STOP_UNSUPPORTED and the instruction can be retried once it is. */
_Noreturn void cpu_unsupported(struct cpu *c, const char *why);

/* Linear-address accesses: every segment-relative access ends here, and the
 * CPU's own accesses to the GDT, LDT, IDT and TSS start here. 'system' marks
 * those (paging checks them as supervisor accesses whatever the CPL). Paging
 * and the A20 gate apply; a translation fault raises #PF. */
uint32_t cpu_lin_read(struct cpu *c, uint32_t lin, int size, bool system);
void cpu_lin_write(struct cpu *c, uint32_t lin, uint32_t val, int size, bool system);

/* Reads and writes of 'size' bytes at seg:off, with the segment checks of the
 * current mode. A fault leaves the machine as it was before the access. */
uint32_t cpu_read(struct cpu *c, int seg, uint32_t off, int size);
void cpu_write(struct cpu *c, int seg, uint32_t off, uint32_t val, int size);
/* The same for string instructions: on the 286 an access at offset FFFF
 * wraps and its overrun fault waits in c->overrun_read / c->overrun_write
 * until overrun_raise() (model trait 'string_late_fault'). */
uint32_t cpu_read_string(struct cpu *c, int seg, uint32_t off, int size);
void cpu_write_string(struct cpu *c, int seg, uint32_t off, uint32_t val, int size);
/* Raise #GP(0) if '*pending' is set (and clear it): checked after every
 * instruction, so the test is inline and the fault out of line. */
_Noreturn void overrun_fault(struct cpu *c, bool *pending);

static inline void overrun_raise(struct cpu *c, bool *pending)
{
	if (__builtin_expect(*pending, 0))
		overrun_fault(c, pending);
}
/* Check that seg:off..off+size-1 may be accessed, without accessing it, so
 * that a read-modify-write or a multi-part write faults before changing anything. */
void cpu_check(struct cpu *c, int seg, uint32_t off, int size);

/* Code fetch at CS:EIP-relative offset 'off'. */
uint8_t cpu_fetch8(struct cpu *c, uint32_t off);

/* The stack: SS:SP or SS:ESP by SS.B; 'size' 2 or 4. */
uint32_t stack_mask(const struct cpu *c);
void stack_push(struct cpu *c, uint32_t val, int size);
uint32_t stack_pop(struct cpu *c, int size);
/* Read the stack 'depth' bytes above the top without popping. */
uint32_t stack_peek(struct cpu *c, uint32_t depth, int size);
/* Add 'n' bytes to SP/ESP (RET imm, LEAVE). */
void stack_release(struct cpu *c, uint32_t n);

/* 8-bit register 'n' in ModRM order: AL CL DL BL AH CH DH BH. */
static inline uint8_t reg8(const struct cpu *c, int n)
{
	return (uint8_t)(c->reg[n & 3] >> ((n & 4) ? 8 : 0));
}

static inline void reg8_set(struct cpu *c, int n, uint8_t v)
{
	int shift = (n & 4) ? 8 : 0;
	c->reg[n & 3] = (c->reg[n & 3] & ~(0xffu << shift)) | (uint32_t)v << shift;
}

/* Register 'n' as an operand of 'size' bytes. Writing 16 bits keeps the upper half. */
static inline uint32_t reg_get(const struct cpu *c, int n, int size)
{
	if (size == 1)
		return reg8(c, n);
	return size == 2 ? c->reg[n] & 0xffff : c->reg[n];
}

static inline void reg_put(struct cpu *c, int n, uint32_t v, int size)
{
	if (size == 1)
		reg8_set(c, n, (uint8_t)v);
	else if (size == 2)
		c->reg[n] = (c->reg[n] & 0xffff0000u) | (v & 0xffff);
	else
		c->reg[n] = v;
}

/* CX or ECX (by address size) minus one, as REP and LOOP count. */
static inline void count_down(struct cpu *c, int asize)
{
	uint32_t mask = asize == 2 ? 0xffffu : 0xffffffffu;

	c->reg[REG_CX] = (c->reg[REG_CX] & ~mask) | ((c->reg[REG_CX] - 1) & mask);
}

static inline uint32_t size_mask(int size)
{
	return size == 4 ? 0xffffffffu : (1u << (size * 8)) - 1;
}

#endif
