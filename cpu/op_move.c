/*
 * cpu/op_move.c — data movement and flag instructions: MOV (all forms, with
 * segment registers), LEA, LES/LDS/LSS/LFS/LGS, XCHG, XLAT, MOVZX/MOVSX,
 * CBW/CWD, LAHF/SAHF, SALC, CLC…STD, SETcc, NOP. SDM Vol. 2 per instruction.
 */
#include "access.h"
#include "flags.h"
#include "operand.h"
#include "ops.h"
#include "prot.h"
#include "seg.h"

void op_mov(struct cpu *c, const struct insn *in)
{
	operand_write(c, in, 0, operand_read(c, in, 1));
}

/* MOV to and from segment registers (8C, 8E). The 8086 decodes only two bits
 * of the register field; later chips raise #UD for registers they lack, and
 * for MOV CS, which would be a jump without a target. */
static int sreg_of(struct cpu *c, const struct insn *in, bool load)
{
	int n = in->reg;

	if (c->traits->sreg_2bit)
		return n & 3;
	if (n >= (c->traits->isa >= ISA_386 ? SEG_GS + 1 : SEG_DS + 1) || (load && n == SEG_CS))
		cpu_fault_noerr(c, EXC_UD);
	return n;
}

void op_mov_sreg(struct cpu *c, const struct insn *in)
{
	if (in->opnd[0] == Sw) {
		int s = sreg_of(c, in, true);
		uint16_t sel =
		        (uint16_t)(in->mod == 3 ? c->reg[in->rm]
		                                : cpu_read(c, in->seg, operand_ea(c, in), 2));
		seg_load(c, s, sel);
		return;
	}
	uint16_t sel = c->seg[sreg_of(c, in, false)].sel;
	if (in->mod == 3)
		reg_put(c, in->rm, sel, in->osize == 4 ? 4 : 2); /* 32-bit: zero-extended */
	else
		cpu_write(c, in->seg, operand_ea(c, in), sel, 2);
}

void op_lea(struct cpu *c, const struct insn *in)
{
	reg_put(c, in->reg, operand_ea(c, in), in->osize);
}

/* LES LDS LSS LFS LGS: offset then selector from memory. The selector's
 * offset is not wrapped here, so the 286 faults where the 8086 wraps. */
void op_lseg(struct cpu *c, const struct insn *in)
{
	uint32_t ea = operand_ea(c, in);
	uint32_t off = cpu_read(c, in->seg, ea, in->osize);
	uint16_t sel = (uint16_t)cpu_read(c, in->seg, ea + in->osize, 2);

	seg_load(c, in->op->sub, sel);
	reg_put(c, in->reg, off, in->osize);
}

void op_xchg(struct cpu *c, const struct insn *in)
{
	struct loc a = operand_locate(c, in, 0, ACC_RMW);
	struct loc b = operand_locate(c, in, 1, ACC_RMW);
	uint32_t va = loc_read(c, &a), vb = loc_read(c, &b);

	loc_write(c, &a, vb);
	loc_write(c, &b, va);
}

void op_xlat(struct cpu *c, const struct insn *in)
{
	uint32_t off = c->reg[REG_BX] + reg8(c, REG_AX);

	if (in->asize == 2)
		off &= 0xffff;
	reg8_set(c, REG_AX, (uint8_t)cpu_read(c, in->seg, off, 1));
}

void op_movzx(struct cpu *c, const struct insn *in)
{
	reg_put(c, in->reg, operand_read(c, in, 1), in->osize);
}

void op_movsx(struct cpu *c, const struct insn *in)
{
	uint32_t v = operand_read(c, in, 1);

	v = in->opnd[1] == Eb ? (uint32_t)(int32_t)(int8_t)v : (uint32_t)(int32_t)(int16_t)v;
	reg_put(c, in->reg, v, in->osize);
}

/* CBW / CWDE: sign-extend the lower half of the accumulator into all of it. */
void op_cbw(struct cpu *c, const struct insn *in)
{
	if (in->osize == 2)
		reg_put(c, REG_AX, (uint32_t)(int32_t)(int8_t)c->reg[REG_AX], 2);
	else
		c->reg[REG_AX] = (uint32_t)(int32_t)(int16_t)c->reg[REG_AX];
}

/* CWD / CDQ: fill DX/EDX with the accumulator's sign. */
void op_cwd(struct cpu *c, const struct insn *in)
{
	uint32_t sign = (reg_get(c, REG_AX, in->osize) >> (in->osize * 8 - 1)) & 1;

	reg_put(c, REG_DX, sign ? 0xffffffffu : 0, in->osize);
}

void op_lahf(struct cpu *c, const struct insn *in)
{
	(void)in;
	reg8_set(c, REG_AX + 4, (uint8_t)flags_get(c));
}

void op_sahf(struct cpu *c, const struct insn *in)
{
	(void)in;
	flags_set(c, FLAG_SF | FLAG_ZF | FLAG_AF | FLAG_PF | FLAG_CF, reg8(c, REG_AX + 4));
}

/* SALC (D6, undocumented): AL = CF ? FF : 00. */
void op_salc(struct cpu *c, const struct insn *in)
{
	(void)in;
	reg8_set(c, REG_AX, flag(c, FLAG_CF) ? 0xff : 0);
}

/* CLI and STI need CPL <= IOPL in protected mode (in virtual-8086 mode,
 * where CPL is 3, IOPL 3), else #GP(0) (SDM: CLI, STI). */
static void check_iopl(struct cpu *c)
{
	if (cpu_prot(c) && cpu_cpl(c) > cpu_iopl(c))
		cpu_fault(c, EXC_GP, 0);
}

void op_flagop(struct cpu *c, const struct insn *in)
{
	if (in->op->sub == FL_CLI || in->op->sub == FL_STI)
		check_iopl(c);
	switch (in->op->sub) {
	case FL_CMC:
		flag_put(c, FLAG_CF, !flag(c, FLAG_CF));
		break;
	case FL_CLC:
	case FL_STC:
		flag_put(c, FLAG_CF, in->op->sub == FL_STC);
		break;
	case FL_CLI:
		flag_put(c, FLAG_IF, false);
		break;
	case FL_STI:
		/* STI enables interrupts after the next instruction (SDM: STI). */
		if (!flag(c, FLAG_IF))
			c->inhibit_intr = true;
		flag_put(c, FLAG_IF, true);
		break;
	default:
		flag_put(c, FLAG_DF, in->op->sub == FL_STD);
		break;
	}
}

void op_setcc(struct cpu *c, const struct insn *in)
{
	operand_write(c, in, 0, flags_cond(c, in->op->sub) ? 1 : 0);
}

void op_nop(struct cpu *c, const struct insn *in)
{
	(void)c;
	(void)in;
}
