/*
 * cpu/op_ctrl.c — control transfer: Jcc, JMP, CALL, RET (near and far),
 * LOOP/JCXZ, INT/INT3/INTO/IRET, BOUND, HLT, WAIT and ESC (no coprocessor).
 * Real-mode far transfers load CS as selector * 16; protected-mode ones go
 * through cpu/far.c. SDM Vol. 2 per instruction.
 */
#include "access.h"
#include "flags.h"
#include "intr.h"
#include "operand.h"
#include "ops.h"
#include "prot.h"
#include "seg.h"

static uint32_t ip_of_size(uint32_t target, int osize)
{
	return osize == 4 ? target : target & 0xffff;
}

/* The target of a near transfer: relative to the next instruction (Jb, Jz)
 * or absolute from a register or memory (Ev). */
static uint32_t near_target(struct cpu *c, const struct insn *in)
{
	int k = in->opnd[0];

	if (k == Jb || k == Jz)
		return ip_of_size(c->eip + in->imm, in->osize);
	return ip_of_size(operand_read(c, in, 0), in->osize);
}

/* The selector:offset of a far transfer: in the instruction (Ap) or in memory (Mp). */
static void far_target(struct cpu *c, const struct insn *in, uint16_t *sel, uint32_t *off)
{
	if (in->opnd[0] == Ap) {
		*off = in->imm;
		*sel = (uint16_t)in->imm2;
		return;
	}
	uint32_t ea = operand_ea(c, in);
	*off = cpu_read(c, in->seg, ea, in->osize);
	*sel = (uint16_t)cpu_read(c, in->seg, ea + in->osize, 2);
}

/* Virtual-8086 mode loads CS as real mode does, with the whole cache. */
static void far_jump(struct cpu *c, uint16_t sel, uint32_t off, int osize)
{
	if (c->eflags & FLAG_VM)
		seg_load_v86(c, SEG_CS, sel);
	else
		cpu_load_real_seg(c, SEG_CS, sel);
	c->eip = ip_of_size(off, osize);
}

void op_jcc(struct cpu *c, const struct insn *in)
{
	if (flags_cond(c, in->op->sub))
		c->eip = near_target(c, in);
}

void op_jmp(struct cpu *c, const struct insn *in)
{
	c->eip = near_target(c, in);
}

void op_jmp_far(struct cpu *c, const struct insn *in)
{
	uint16_t sel;
	uint32_t off;

	far_target(c, in, &sel, &off);
	if (cpu_prot(c) && !(c->eflags & FLAG_VM))
		far_jump_prot(c, sel, off, in->osize);
	else
		far_jump(c, sel, off, in->osize);
}

void op_call(struct cpu *c, const struct insn *in)
{
	uint32_t target = near_target(c, in);

	stack_push(c, c->eip, in->osize);
	c->eip = target;
}

void op_call_far(struct cpu *c, const struct insn *in)
{
	uint16_t sel;
	uint32_t off;

	far_target(c, in, &sel, &off);
	if (cpu_prot(c) && !(c->eflags & FLAG_VM)) {
		far_call_prot(c, sel, off, in->osize);
		return;
	}
	stack_push(c, c->seg[SEG_CS].sel, in->osize);
	stack_push(c, c->eip, in->osize);
	far_jump(c, sel, off, in->osize);
}

void op_ret(struct cpu *c, const struct insn *in)
{
	uint32_t ip = stack_pop(c, in->osize);

	if (in->opnd[0] == Iw)
		stack_release(c, in->imm);
	c->eip = ip_of_size(ip, in->osize);
}

void op_retf(struct cpu *c, const struct insn *in)
{
	if (cpu_prot(c) && !(c->eflags & FLAG_VM)) {
		far_return_prot(c, in->osize, in->opnd[0] == Iw ? in->imm : 0);
		return;
	}
	uint32_t ip = stack_pop(c, in->osize);
	uint16_t cs = (uint16_t)stack_pop(c, in->osize);

	if (in->opnd[0] == Iw)
		stack_release(c, in->imm);
	far_jump(c, cs, ip, in->osize);
}

/* LOOP/LOOPE/LOOPNE decrement CX (ECX with a 32-bit address size) without
 * touching flags; JCXZ only tests it. */
void op_loop(struct cpu *c, const struct insn *in)
{
	uint32_t mask = in->asize == 2 ? 0xffffu : 0xffffffffu;
	uint32_t count = c->reg[REG_CX] & mask;
	bool take;

	if (in->op->sub == LP_JCXZ) {
		take = count == 0;
	} else {
		count = (count - 1) & mask;
		c->reg[REG_CX] = (c->reg[REG_CX] & ~mask) | count;
		take = count != 0;
		if (in->op->sub == LP_LOOPE)
			take = take && flag(c, FLAG_ZF);
		else if (in->op->sub == LP_LOOPNE)
			take = take && !flag(c, FLAG_ZF);
	}
	if (take)
		c->eip = near_target(c, in);
}

/* In virtual-8086 mode INT n is IOPL-sensitive (SDM Vol. 3, 20.2.7);
 * INT3 and INTO are not. */
void op_int(struct cpu *c, const struct insn *in)
{
	if (cpu_v86(c) && cpu_iopl(c) < 3)
		cpu_fault(c, EXC_GP, 0);
	intr_deliver(c, (uint8_t)in->imm, INTR_SOFTWARE, false, 0);
}

void op_int3(struct cpu *c, const struct insn *in)
{
	(void)in;
	intr_deliver(c, EXC_BP, INTR_SOFTWARE, false, 0);
}

/* INT1 (F1, ICEBP on the 386): the debug exception as a trap. */
void op_int1(struct cpu *c, const struct insn *in)
{
	(void)in;
	intr_deliver(c, EXC_DB, INTR_SOFTWARE, false, 0);
}

void op_into(struct cpu *c, const struct insn *in)
{
	(void)in;
	if (flag(c, FLAG_OF))
		intr_deliver(c, EXC_OF, INTR_SOFTWARE, false, 0);
}

void op_iret(struct cpu *c, const struct insn *in)
{
	if (cpu_v86(c) && cpu_iopl(c) < 3)
		cpu_fault(c, EXC_GP, 0);
	intr_return(c, in->osize);
}

/* BOUND r, m: #BR (a fault) unless lower <= r <= upper, signed. */
void op_bound(struct cpu *c, const struct insn *in)
{
	int size = in->osize;
	uint32_t ea = operand_ea(c, in);
	int32_t lower, upper, v;

	if (size == 2) {
		lower = (int16_t)cpu_read(c, in->seg, ea, 2);
		upper = (int16_t)cpu_read(c, in->seg, ea + 2, 2);
		v = (int16_t)c->reg[in->reg];
	} else {
		lower = (int32_t)cpu_read(c, in->seg, ea, 4);
		upper = (int32_t)cpu_read(c, in->seg, ea + 4, 4);
		v = (int32_t)c->reg[in->reg];
	}
	if (v < lower || v > upper)
		cpu_fault_noerr(c, EXC_BR);
}

void op_hlt(struct cpu *c, const struct insn *in)
{
	(void)in;
	c->halted = true;
}

/* WAIT with no coprocessor: #NM only when the OS asked for it (MP and TS;
 * SDM Vol. 3, Table 2-2, checked by tests/guest/cpu286_nm.asm). */
void op_wait(struct cpu *c, const struct insn *in)
{
	(void)in;
	if ((c->cr0 & (CR0_MP | CR0_TS)) == (CR0_MP | CR0_TS))
		cpu_fault_noerr(c, EXC_NM);
}

/* ESC (D8-DF) with no coprocessor: the CPU forms the address and goes on,
 * unless CR0.EM or CR0.TS ask for #NM so that software can emulate it. The
 * 286 reads the first word of a memory operand (so it can overrun). */
void op_esc(struct cpu *c, const struct insn *in)
{
	if (c->cr0 & (CR0_EM | CR0_TS))
		cpu_fault_noerr(c, EXC_NM);
	if (c->traits->esc_reads && in->mod != 3)
		cpu_read(c, in->seg, operand_ea(c, in), 2);
}

/* A byte the 8086 decodes to something undocumented that no test captured:
 * it is run as a no-op of its decoded length. */
void op_undefined(struct cpu *c, const struct insn *in)
{
	(void)c;
	(void)in;
}
