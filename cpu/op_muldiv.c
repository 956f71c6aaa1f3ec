/*
 * cpu/op_muldiv.c — MUL, IMUL (one, two and three operands), DIV, IDIV.
 * The accumulator pair is AX, DX:AX or EDX:EAX by operand size. Division
 * faults (#DE) on a zero divisor or a quotient that does not fit.
 * SDM Vol. 2: MUL, IMUL, DIV, IDIV; 8086 quirks as captured by SingleStepTests.
 */
#include "access.h"
#include "flags.h"
#include "operand.h"
#include "ops.h"

static int64_t sext(uint32_t v, int size)
{
	int bits = size * 8;

	return bits == 32 ? (int64_t)(int32_t)v
	                  : (int64_t)((int32_t)(v << (32 - bits)) >> (32 - bits));
}

/* The accumulator of double width: AX for bytes, DX:AX, EDX:EAX. */
static uint64_t acc_get(const struct cpu *c, int size)
{
	if (size == 1)
		return c->reg[REG_AX] & 0xffff;
	if (size == 2)
		return (c->reg[REG_DX] & 0xffff) << 16 | (c->reg[REG_AX] & 0xffff);
	return (uint64_t)c->reg[REG_DX] << 32 | c->reg[REG_AX];
}

static void acc_put(struct cpu *c, int size, uint32_t lo, uint32_t hi)
{
	if (size == 1) {
		reg_put(c, REG_AX, (hi & 0xff) << 8 | (lo & 0xff), 2);
		return;
	}
	reg_put(c, REG_AX, lo, size);
	reg_put(c, REG_DX, hi, size);
}

/* The 8086 microcode keeps a sign flag that a REP prefix also sets, so REP
 * before IMUL or IDIV negates the result (SingleStepTests 8086 README). */
static bool negates(const struct cpu *c, const struct insn *in)
{
	return c->traits->rep_negates && in->rep != 0;
}

/* Multiplication flags: CF = OF = the upper half carries information. The
 * undefined SF, ZF and PF are those of the value given ('hi' for one-operand
 * MUL, where the chips take them from the upper half), AF a model constant. */
static void mul_flags(struct cpu *c, uint32_t v, bool overflow, int size)
{
	uint32_t f = flags_szp(v, size) | (overflow ? FLAG_CF | FLAG_OF : 0);

	if (c->traits->mul_af)
		f |= FLAG_AF;
	flags_set(c, ARITH_FLAGS, f);
}

void op_mul(struct cpu *c, const struct insn *in)
{
	int size = in->osize;
	uint32_t mask = size_mask(size);
	uint64_t p = (uint64_t)(reg_get(c, REG_AX, size)) * operand_read(c, in, 0);
	uint32_t lo, hi;

	if (negates(c, in))
		p = (uint64_t)0 - p;
	lo = (uint32_t)p & mask;
	hi = (uint32_t)(p >> (size * 8)) & mask;
	acc_put(c, size, lo, hi);
	mul_flags(c, hi, hi != 0, size);
}

void op_imul(struct cpu *c, const struct insn *in)
{
	int size = in->osize;
	uint32_t mask = size_mask(size);
	int64_t p = sext(reg_get(c, REG_AX, size), size) * sext(operand_read(c, in, 0), size);
	uint32_t lo, hi;

	if (negates(c, in))
		p = -p;
	lo = (uint32_t)p & mask;
	hi = (uint32_t)((uint64_t)p >> (size * 8)) & mask;
	acc_put(c, size, lo, hi);
	mul_flags(c, hi, p != sext(lo, size), size);
}

/* IMUL r, r/m[, imm]: the product is truncated to the destination. */
void op_imul_rm(struct cpu *c, const struct insn *in)
{
	int size = in->osize;
	bool three = in->opnd[2] != NONE;
	int64_t a = sext(operand_read(c, in, three ? 1 : 0), size);
	int64_t b = sext(operand_read(c, in, three ? 2 : 1) & size_mask(size), size);
	int64_t p = a * b;
	uint32_t lo = (uint32_t)p & size_mask(size);
	uint32_t hi = (uint32_t)((uint64_t)p >> (size * 8)) & size_mask(size);

	operand_write(c, in, 0, lo);
	mul_flags(c, hi, p != sext(lo, size), size);
}

void op_div(struct cpu *c, const struct insn *in)
{
	int size = in->osize;
	uint64_t divisor = operand_read(c, in, 0);
	uint64_t dividend = acc_get(c, size);
	uint64_t q;

	if (divisor == 0)
		cpu_fault_noerr(c, EXC_DE);
	q = dividend / divisor;
	if (q > size_mask(size))
		cpu_fault_noerr(c, EXC_DE);
	acc_put(c, size, (uint32_t)q, (uint32_t)(dividend % divisor));
}

void op_idiv(struct cpu *c, const struct insn *in)
{
	int size = in->osize;
	int64_t divisor = sext(operand_read(c, in, 0), size);
	int64_t dividend = (int64_t)acc_get(c, size);
	int64_t limit = (int64_t)1 << (size * 8 - 1);
	int64_t q, r;

	if (size < 4)
		dividend = sext((uint32_t)dividend, size * 2);
	if (divisor == 0)
		cpu_fault_noerr(c, EXC_DE);
	/* INT64_MIN / -1 cannot happen: the dividend has at most 64 bits of which
	 * a quotient this large is rejected below; compute in a safe way anyway. */
	if (dividend == INT64_MIN && divisor == -1)
		cpu_fault_noerr(c, EXC_DE);
	q = dividend / divisor;
	r = dividend % divisor;
	if (negates(c, in))
		q = -q;
	if (q >= limit || q < -limit || (q == -limit && c->traits->idiv_min_faults))
		cpu_fault_noerr(c, EXC_DE);
	acc_put(c, size, (uint32_t)q, (uint32_t)r);
}
