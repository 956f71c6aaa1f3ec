/*
 * cpu/op_stack.c — PUSH, POP, PUSHA, POPA, PUSHF, POPF, ENTER, LEAVE. Stack
 * width comes from SS.B, operand size from the decoded instruction. A fault
 * part-way restores SP (exec.c), as the SDM requires of faulting instructions.
 * SDM Vol. 2: PUSH, POP, ENTER; Vol. 1 6.2.
 */
#include "access.h"
#include "flags.h"
#include "operand.h"
#include "ops.h"
#include "prot.h"
#include "seg.h"

/* PUSH reg/mem/imm/sreg. On the 8086 'push sp' stores SP after the
 * decrement; later CPUs store the value it had before. */
void op_push(struct cpu *c, const struct insn *in)
{
	uint32_t v = operand_read(c, in, 0);

	if (c->traits->push_sp_after && operand_is_reg(in, 0) &&
	    (in->opnd[0] == Zv ? in->reg : in->rm) == REG_SP)
		v -= 2;
	stack_push(c, v, in->osize);
}

/* POP computes a memory destination's address with SP already incremented
 * (SDM: POP), so the pop happens first. */
void op_pop(struct cpu *c, const struct insn *in)
{
	uint32_t v = stack_pop(c, in->osize);

	operand_write(c, in, 0, v);
}

void op_pusha(struct cpu *c, const struct insn *in)
{
	uint32_t sp = c->reg[REG_SP];

	for (int r = REG_AX; r <= REG_DI; r++)
		stack_push(c, r == REG_SP ? sp : c->reg[r], in->osize);
}

/* POPA discards the saved SP. */
void op_popa(struct cpu *c, const struct insn *in)
{
	for (int r = REG_DI; r >= REG_AX; r--) {
		uint32_t v = stack_pop(c, in->osize);
		if (r != REG_SP)
			reg_put(c, r, v, in->osize);
	}
}

/* The pushed image never has VM or RF set (SDM: PUSHF). In virtual-8086
 * mode PUSHF and POPF need IOPL 3 (SDM Vol. 3, 20.2.7). */
void op_pushf(struct cpu *c, const struct insn *in)
{
	if (cpu_v86(c) && cpu_iopl(c) < 3)
		cpu_fault(c, EXC_GP, 0);
	stack_push(c, flags_get(c) & ~(FLAG_VM | FLAG_RF), in->osize);
}

/* In protected mode POPF changes IOPL only at CPL 0 and IF only at
 * CPL <= IOPL, silently (SDM: POPF). */
void op_popf(struct cpu *c, const struct insn *in)
{
	uint32_t rw, v;

	if (!cpu_prot(c)) {
		flags_load(c, stack_pop(c, in->osize), in->osize);
		return;
	}
	if (cpu_v86(c) && cpu_iopl(c) < 3)
		cpu_fault(c, EXC_GP, 0);
	rw = flags_writable(c, in->osize);
	v = stack_pop(c, in->osize);
	c->eflags = (c->eflags & ~rw) | (v & rw);
}

/* ENTER size, level: push BP, copy 'level'-1 frame pointers of the enclosing
 * procedures, push the new frame pointer, then reserve 'size' bytes. */
void op_enter(struct cpu *c, const struct insn *in)
{
	uint32_t mask = stack_mask(c);
	unsigned level = in->imm2 & 0x1f;
	int size = in->osize;
	uint32_t frame, bp;

	stack_push(c, c->reg[REG_BP], size);
	frame = c->reg[REG_SP] & mask;
	bp = c->reg[REG_BP];
	if (level > 0) {
		for (unsigned i = 1; i < level; i++) {
			bp = (bp & ~mask) | ((bp - (uint32_t)size) & mask);
			stack_push(c, cpu_read(c, SEG_SS, bp & mask, size), size);
		}
		stack_push(c, frame, size);
	}
	reg_put(c, REG_BP, frame, size);
	c->reg[REG_SP] = (c->reg[REG_SP] & ~mask) | ((c->reg[REG_SP] - (in->imm & 0xffff)) & mask);
}

/* LEAVE reads the saved BP before it moves SP, so a fault changes nothing. */
void op_leave(struct cpu *c, const struct insn *in)
{
	uint32_t mask = stack_mask(c);
	uint32_t bp = cpu_read(c, SEG_SS, c->reg[REG_BP] & mask, in->osize);

	c->reg[REG_SP] = (c->reg[REG_SP] & ~mask) | ((c->reg[REG_BP] + (uint32_t)in->osize) & mask);
	reg_put(c, REG_BP, bp, in->osize);
}
