/*
 * cpu/op_arith.c — ADD OR ADC SBB AND SUB XOR CMP TEST, INC DEC NOT NEG in
 * all their encodings. Locate the destination, call alu.c, write back.
 * SDM Vol. 2: ADD … XOR, INC, DEC, NOT, NEG.
 */
#include "access.h"
#include "alu.h"
#include "flags.h"
#include "operand.h"
#include "ops.h"

/* The destination is located before anything else so that a write fault
 * happens before any change; CMP and TEST only read it. */
void op_alu(struct cpu *c, const struct insn *in)
{
	bool wb = !(in->op->attr & NOWB);
	struct loc dst = operand_locate(c, in, 0, wb ? ACC_RMW : ACC_READ);
	uint32_t a = loc_read(c, &dst);
	uint32_t b = operand_read(c, in, 1) & size_mask(in->osize);
	uint32_t f;
	uint32_t r = alu_arith(in->op->sub, a, b, in->osize, flags_get(c), &f);

	if (wb)
		loc_write(c, &dst, r);
	flags_set(c, ARITH_FLAGS, f);
}

/* INC and DEC leave CF alone. */
void op_incdec(struct cpu *c, const struct insn *in)
{
	struct loc dst = operand_locate(c, in, 0, ACC_RMW);
	uint32_t f;
	uint32_t r =
	        alu_arith(in->op->sub ? ALU_SUB : ALU_ADD, loc_read(c, &dst), 1, in->osize, 0, &f);

	loc_write(c, &dst, r);
	flags_set(c, ARITH_FLAGS & ~FLAG_CF, f);
}

void op_not(struct cpu *c, const struct insn *in)
{
	struct loc dst = operand_locate(c, in, 0, ACC_RMW);

	loc_write(c, &dst, ~loc_read(c, &dst) & size_mask(in->osize));
}

/* NEG is 0 - x: CF is set unless the operand was zero. */
void op_neg(struct cpu *c, const struct insn *in)
{
	struct loc dst = operand_locate(c, in, 0, ACC_RMW);
	uint32_t f;
	uint32_t r = alu_arith(ALU_SUB, 0, loc_read(c, &dst), in->osize, 0, &f);

	loc_write(c, &dst, r);
	flags_set(c, ARITH_FLAGS, f);
}
