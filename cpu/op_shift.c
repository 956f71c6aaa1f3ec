/*
 * cpu/op_shift.c — the group 2 shifts and rotates (by 1, CL and imm8) and the
 * 386's double shifts SHLD/SHRD. The count is masked as the model masks it;
 * a count of zero changes nothing, flags included. SDM Vol. 2: SAL/SAR/SHL/SHR,
 * RCL/RCR/ROL/ROR, SHLD, SHRD.
 */
#include "access.h"
#include "alu.h"
#include "flags.h"
#include "operand.h"
#include "ops.h"

void op_shift(struct cpu *c, const struct insn *in)
{
	struct loc dst = operand_locate(c, in, 0, ACC_RMW);
	unsigned count = operand_read(c, in, 1) & c->traits->shift_mask;
	uint32_t a = loc_read(c, &dst);
	uint32_t f, written, r;

	if (count == 0)
		return;
	r = alu_shift(c->traits, in->op->sub, a, count, in->osize, flags_get(c), &f, &written);
	loc_write(c, &dst, r);
	flags_set(c, written, f);
}

/* SHLD/SHRD shift 'dst', filling from 'src'. Counts above the operand width
 * are undefined for 16-bit operands; they shift through the 32-bit pair here. */
static void double_shift(struct cpu *c, const struct insn *in, bool left)
{
	struct loc dst = operand_locate(c, in, 0, ACC_RMW);
	unsigned n = operand_read(c, in, 2) & 0x1f;
	int bits = in->osize * 8;
	uint64_t a = loc_read(c, &dst), b = operand_read(c, in, 1) & size_mask(in->osize);
	uint32_t r, cf, f;

	if (n == 0)
		return;
	if (left) {
		uint64_t w = (a << bits | b) << n;
		r = (uint32_t)(w >> bits) & size_mask(in->osize);
		cf = (uint32_t)((a << bits | b) >> (2 * bits - (int)n)) & 1;
	} else {
		uint64_t w = (b << bits | a) >> n;
		r = (uint32_t)w & size_mask(in->osize);
		cf = (uint32_t)(a >> (n - 1)) & 1;
	}
	f = flags_szp(r, in->osize) | (cf ? FLAG_CF : 0);
	if (((r ^ (uint32_t)a) >> (bits - 1)) & 1)
		f |= FLAG_OF;
	loc_write(c, &dst, r);
	flags_set(c, ARITH_FLAGS, f);
}

void op_shld(struct cpu *c, const struct insn *in)
{
	double_shift(c, in, true);
}

void op_shrd(struct cpu *c, const struct insn *in)
{
	double_shift(c, in, false);
}
