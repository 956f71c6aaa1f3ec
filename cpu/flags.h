/*
 * cpu/flags.h — the one gate to FLAGS/EFLAGS: every read and write of the
 * register goes through these functions, so the representation (eager today)
 * can change in one place. Internal to cpu/.
 */
#ifndef X86LAB_FLAGS_H
#define X86LAB_FLAGS_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

/* Condition codes in opcode order (Jcc/SETcc low nibble). ORDER: SDM App. B. */
enum {
	CC_O,
	CC_NO,
	CC_B,
	CC_NB,
	CC_Z,
	CC_NZ,
	CC_BE,
	CC_A,
	CC_S,
	CC_NS,
	CC_P,
	CC_NP,
	CC_L,
	CC_NL,
	CC_LE,
	CC_G
};

static inline uint32_t flags_get(const struct cpu *c)
{
	return c->eflags;
}

static inline bool flag(const struct cpu *c, uint32_t f)
{
	return (c->eflags & f) != 0;
}

/* Replace the bits in 'mask' by those of 'value'. Callers only pass masks of
 * bits that the instruction is allowed to change. */
static inline void flags_set(struct cpu *c, uint32_t mask, uint32_t value)
{
	c->eflags = (c->eflags & ~mask) | (value & mask);
}

static inline void flag_put(struct cpu *c, uint32_t f, bool on)
{
	flags_set(c, f, on ? f : 0);
}

/* SF, ZF and PF of a result of 'size' bytes (PF looks at the low byte only). */
static inline uint32_t flags_szp(uint32_t r, int size)
{
	uint32_t sign = 1u << (size * 8 - 1);
	uint32_t mask = sign | (sign - 1);
	uint32_t f = 0;

	if (r & sign)
		f |= FLAG_SF;
	if ((r & mask) == 0)
		f |= FLAG_ZF;
	if (!__builtin_parity(r & 0xff))
		f |= FLAG_PF;
	return f;
}

bool flags_cond(const struct cpu *c, int cc);
/* Load FLAGS as POPF, IRET and SAHF-like writers do: only the bits this model
 * lets software change in the current mode, for an operand of 'size' bytes. */
void flags_load(struct cpu *c, uint32_t value, int size);
/* The FLAGS bits POPF and IRET may change at the current privilege: IOPL
 * only at CPL 0, IF only at CPL <= IOPL, NT (protected mode). */
uint32_t flags_writable(const struct cpu *c, int size);

#endif
