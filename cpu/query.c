/*
 * cpu/query.c — questions front ends ask about the instruction at CS:IP,
 * answered from the opcode table without executing anything or touching
 * devices (memory is read with mem_peek).
 */
#include "access.h"
#include "insn.h"
#include "ops.h"

struct peek_ctx {
	const struct cpu *c;
	uint32_t eip;
};

static uint8_t peek_code(void *ctx, uint32_t pos)
{
	const struct peek_ctx *p = ctx;
	uint32_t off = p->eip + pos;
	uint8_t b = 0xff;

	if (!p->c->seg[SEG_CS].big)
		off &= 0xffff;
	mem_peek(p->c->mem, (p->c->seg[SEG_CS].base + off) & p->c->mem->addr_mask, &b, 1);
	return b;
}

/* Shifts and rotates: the count decides which flags are undefined. */
static uint32_t shift_undefined(const struct cpu *c, const struct insn *in)
{
	unsigned count;

	switch (in->opnd[1]) {
	case ONE:
		count = 1;
		break;
	case CL:
		count = reg8(c, REG_CX);
		break;
	default:
		count = in->imm;
		break;
	}
	count &= c->traits->shift_mask;
	if (count == 0)
		return 0;
	if (count == 1)
		return in->op->undef & ~(uint32_t)FLAG_OF;
	return in->op->undef;
}

uint32_t cpu_undefined_flags(struct cpu *c)
{
	struct peek_ctx p = { c, c->eip };
	struct decode_env env = { c->traits, c->seg[SEG_CS].big, (c->cr0 & CR0_PE) != 0, peek_code,
		                  &p };
	struct insn in;

	if (decode(&env, &in) != DECODE_OK)
		return 0;
	if (in.op->exec == op_shift)
		return shift_undefined(c, &in);
	return in.op->undef;
}
