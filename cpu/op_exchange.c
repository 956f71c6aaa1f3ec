/*
 * cpu/op_exchange.c — the 486's exchange instructions, built for
 * multiprocessor locking: XADD, CMPXCHG, and BSWAP for byte order.
 * SDM Vol. 2: XADD, CMPXCHG, BSWAP.
 */
#include "access.h"
#include "alu.h"
#include "flags.h"
#include "operand.h"
#include "ops.h"

/* TEMP = SRC + DEST; SRC = DEST; DEST = TEMP: with one register as both
 * operands the sum wins, so the destination is written last. */
void op_xadd(struct cpu *c, const struct insn *in)
{
	struct loc dst = operand_locate(c, in, 0, ACC_RMW);
	uint32_t old = loc_read(c, &dst);
	uint32_t f;
	uint32_t sum = alu_arith(ALU_ADD, old, operand_read(c, in, 1), in->osize, 0, &f);

	operand_write(c, in, 1, old);
	loc_write(c, &dst, sum);
	flags_set(c, ARITH_FLAGS, f);
}

/* The flags are those of CMP accumulator, destination. The destination is
 * written in both cases (with its own value when they differ), as the chip
 * does to keep the locked cycle a read-modify-write. */
void op_cmpxchg(struct cpu *c, const struct insn *in)
{
	struct loc dst = operand_locate(c, in, 0, ACC_RMW);
	uint32_t old = loc_read(c, &dst);
	uint32_t acc = reg_get(c, REG_AX, in->osize);
	uint32_t f;

	alu_arith(ALU_CMP, acc, old, in->osize, 0, &f);
	if (f & FLAG_ZF) {
		loc_write(c, &dst, operand_read(c, in, 1));
	} else {
		loc_write(c, &dst, old);
		reg_put(c, REG_AX, old, in->osize);
	}
	flags_set(c, ARITH_FLAGS, f);
}

/* With a 16-bit operand the SDM leaves the result undefined; the chips
 * clear the low word, which is what is done here. */
void op_bswap(struct cpu *c, const struct insn *in)
{
	uint32_t v = c->reg[in->reg];

	if (in->osize == 2)
		reg_put(c, in->reg, 0, 2);
	else
		c->reg[in->reg] = __builtin_bswap32(v);
}
