/*
 * cpu/op_bit.c — BT BTS BTR BTC and BSF BSR (386). A register bit offset
 * with a memory operand reaches beyond the operand: the address moves by
 * whole operands, signed (SDM Vol. 2: BT, "bit base and offset").
 */
#include "access.h"
#include "flags.h"
#include "operand.h"
#include "ops.h"

void op_bt(struct cpu *c, const struct insn *in)
{
	int size = in->osize, bits = size * 8;
	bool imm = in->opnd[1] == Ib;
	uint32_t bitoff = operand_read(c, in, 1);
	struct loc l = operand_locate(c, in, 0, in->op->sub == BT_BT ? ACC_READ : ACC_RMW);
	uint32_t v, bit;

	if (l.mem && !imm) {
		int32_t s = size == 2 ? (int16_t)bitoff : (int32_t)bitoff;
		int32_t step = s >= 0 ? s / bits : -((-(s + 1)) / bits) - 1;
		l.off += (uint32_t)(step * size);
		if (in->asize == 2)
			l.off &= 0xffff;
		if (in->op->sub != BT_BT)
			cpu_check(c, l.seg, l.off, size);
	}
	bit = 1u << (bitoff & (uint32_t)(bits - 1));
	v = loc_read(c, &l);
	flag_put(c, FLAG_CF, v & bit);
	switch (in->op->sub) {
	case BT_BTS:
		loc_write(c, &l, v | bit);
		break;
	case BT_BTR:
		loc_write(c, &l, v & ~bit);
		break;
	case BT_BTC:
		loc_write(c, &l, v ^ bit);
		break;
	default:
		break;
	}
}

/* BSF/BSR: ZF set and the destination unchanged when the source is zero. */
static void bit_scan(struct cpu *c, const struct insn *in, bool forward)
{
	uint32_t v = operand_read(c, in, 1) & size_mask(in->osize);

	flag_put(c, FLAG_ZF, v == 0);
	if (v == 0)
		return;
	reg_put(c, in->reg, forward ? (uint32_t)__builtin_ctz(v) : 31u - (uint32_t)__builtin_clz(v),
	        in->osize);
}

void op_bsf(struct cpu *c, const struct insn *in)
{
	bit_scan(c, in, true);
}

void op_bsr(struct cpu *c, const struct insn *in)
{
	bit_scan(c, in, false);
}
