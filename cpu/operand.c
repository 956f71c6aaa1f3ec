/*
 * cpu/operand.c — generic operand access from a decoded instruction: the
 * effective address, registers by kind, immediates, and located operands
 * that a read-modify-write can write back without faulting halfway.
 */
#include "operand.h"

#include "access.h"
#include "seg.h"

uint32_t operand_ea(const struct cpu *c, const struct insn *in)
{
	return effective_offset(c, in->base, in->index, in->scale, in->disp, in->asize);
}

static bool is_immediate(int k)
{
	return k == Ib || k == sIb || k == Iw || k == Iz || k == Iv || k == Ix || k == Jb ||
	       k == Jz;
}

/* The first immediate operand reads 'imm', a second one (ENTER) 'imm2'. */
static uint32_t immediate(const struct insn *in, int i)
{
	for (int k = 0; k < i; k++)
		if (is_immediate(in->opnd[k]))
			return in->imm2;
	return in->imm;
}

struct loc operand_locate(struct cpu *c, const struct insn *in, int i, enum access acc)
{
	struct loc l = { .size = in->loc[i].size, .reg = in->loc[i].reg };

	if (in->loc[i].where == LOC_MEM || in->loc[i].where == LOC_MOFFS) {
		l.mem = true;
		l.seg = in->seg;
		l.off = in->loc[i].where == LOC_MOFFS ? in->disp : operand_ea(c, in);
		if (acc != ACC_READ)
			cpu_check(c, l.seg, l.off, l.size);
	}
	return l;
}

uint32_t loc_read(struct cpu *c, const struct loc *l)
{
	if (l->mem)
		return cpu_read(c, l->seg, l->off, l->size);
	return reg_get(c, l->reg, l->size);
}

void loc_write(struct cpu *c, const struct loc *l, uint32_t v)
{
	if (l->mem)
		cpu_write(c, l->seg, l->off, v, l->size);
	else
		reg_put(c, l->reg, v, l->size);
}

uint32_t operand_read(struct cpu *c, const struct insn *in, int i)
{
	int k = in->opnd[i];

	switch (in->loc[i].where) {
	case LOC_REG:
		return reg_get(c, in->loc[i].reg, in->loc[i].size);
	case LOC_SREG:
		return c->seg[in->loc[i].reg].sel;
	case LOC_OTHER:
		return k == ONE ? 1 : immediate(in, i);
	default: {
		struct loc l = operand_locate(c, in, i, ACC_READ);
		return loc_read(c, &l);
	}
	}
}

void operand_write(struct cpu *c, const struct insn *in, int i, uint32_t v)
{
	if (in->loc[i].where == LOC_SREG) {
		seg_load(c, in->loc[i].reg, (uint16_t)v);
	} else {
		struct loc l = operand_locate(c, in, i, ACC_WRITE);
		loc_write(c, &l, v);
	}
}

bool operand_is_reg(const struct insn *in, int i)
{
	int k = in->opnd[i];

	if (k == Eb || k == Ew || k == Ev)
		return in->mod == 3;
	return k == Gb || k == Gw || k == Gv || k == Zb || k == Zv || k == AL || k == eAX ||
	       k == CL || k == DX;
}
