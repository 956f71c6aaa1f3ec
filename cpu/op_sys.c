/*
 * cpu/op_sys.c — system instructions usable in real mode: LGDT/LIDT,
 * SGDT/SIDT, SMSW/LMSW, CLTS, MOV to/from CR (DR: cpu/debugreg.c), the switch between
 * real and protected mode through CR0.PE, and the 486's INVLPG and CPUID. In
 * real mode IDTR also moves the interrupt vector table. CPL 0 is checked by
 * exec.c (the PRIV rows). SDM Vol. 2 per instruction; 286 manual for the
 * 286's 24-bit descriptor-table bases.
 */
#include <stddef.h>

#include "access.h"
#include "debug.h"
#include "operand.h"
#include "paging.h"
#include "ops.h"
#include "prot.h"

static struct dtr *table_of(struct cpu *c, const struct insn *in)
{
	return in->op->sub == DT_IDT ? &c->idtr : &c->gdtr;
}

/* With a 16-bit operand only 24 bits of the base are loaded (the 286's width). */
void op_lgdt(struct cpu *c, const struct insn *in)
{
	uint32_t ea = operand_ea(c, in);
	uint16_t limit = (uint16_t)cpu_read(c, in->seg, ea, 2);
	uint32_t base = cpu_read(c, in->seg, ea + 2, 4);

	if (in->osize == 2)
		base &= 0x00ffffff;
	*table_of(c, in) = (struct dtr){ base, limit };
}

/* The 286 stores FFh in the sixth byte, the 386 with a 16-bit operand 00h
 * (SDM: SGDT, "IA-32 architecture compatibility"). */
void op_sgdt(struct cpu *c, const struct insn *in)
{
	const struct dtr *t = table_of(c, in);
	uint32_t ea = operand_ea(c, in);
	uint32_t base = t->base;

	if (in->osize == 2)
		base = (base & 0x00ffffff) | (c->model == CPU_286 ? 0xff000000u : 0);
	cpu_check(c, in->seg, ea, 6);
	cpu_write(c, in->seg, ea, t->limit, 2);
	cpu_write(c, in->seg, ea + 2, base, 4);
}

/* SMSW: the 286 has no CR0 beyond the MSW; its unused bits read as ones. */
void op_smsw(struct cpu *c, const struct insn *in)
{
	uint32_t msw = c->cr0 & 0xffff;

	if (in->mod == 3 && in->osize == 4)
		msw = c->cr0;
	operand_write(c, in, 0, msw);
}

/* Every CR0 write: only the model's bits change; paging needs protection
 * (#GP(0), SDM: MOV CR); a change of PE changes which checks the descriptor
 * caches apply, and one of PE or PG flushes the TLB. */
/* CR0 without the PG-needs-PE check: the caller made it. */
static void cr0_load(struct cpu *c, uint32_t v)
{
	uint32_t old = c->cr0;

	c->cr0 = (old & ~c->traits->cr0_rw) | (v & c->traits->cr0_rw);
	if ((old ^ c->cr0) & CR0_PE)
		seg_mode_changed(c);
	paging_cr0_loaded(c, old);
}

static void cr0_write(struct cpu *c, uint32_t v)
{
	if ((v & CR0_PG) && !(v & CR0_PE))
		cpu_fault(c, EXC_GP, 0);
	cr0_load(c, v);
}

bool cpu_set_control_reg(struct cpu *c, int n, uint32_t v)
{
	switch (n) {
	case 0:
		if ((v & CR0_PG) && !(v & CR0_PE))
			return false;
		cr0_load(c, v);
		return true;
	case 2:
		c->cr2 = v;
		return true;
	case 3:
		c->cr3 = v;
		paging_cr3_loaded(c);
		return true;
	default:
		return false;
	}
}

/* LMSW can set PE but never clear it, and touches only PE MP EM TS. */
void op_lmsw(struct cpu *c, const struct insn *in)
{
	uint32_t v = operand_read(c, in, 0) & 0xf;

	cr0_write(c, (c->cr0 & ~0xeu) | (v & 0xe) | ((c->cr0 | v) & CR0_PE));
}

void op_clts(struct cpu *c, const struct insn *in)
{
	(void)in;
	c->cr0 &= ~(uint32_t)CR0_TS;
}

/* CR2 holds what is written; a CR3 load flushes the TLB (paging.c). */
void op_mov_cr(struct cpu *c, const struct insn *in)
{
	uint32_t *cr[8] = { &c->cr0, NULL, &c->cr2, &c->cr3 };

	if (in->reg > 3 || !cr[in->reg])
		cpu_fault_noerr(c, EXC_UD);
	if (!in->op->sub)
		c->reg[in->rm] = *cr[in->reg];
	else if (in->reg == 0)
		cr0_write(c, c->reg[in->rm]);
	else if (in->reg == 3) {
		c->cr3 = c->reg[in->rm];
		paging_cr3_loaded(c);
	} else
		c->cr2 = c->reg[in->rm];
}

/* INVLPG m: the page holding the operand's linear address leaves the TLB.
 * Nothing is read: the operand only names the page. */
void op_invlpg(struct cpu *c, const struct insn *in)
{
	tlb_flush_page(&c->tlb, c->seg[in->seg].base + operand_ea(c, in));
}

/* CPUID (SDM Vol. 2: CPUID). Leaf 0: the highest leaf and the vendor;
 * leaf 1: the signature and no features (no FPU is emulated). A leaf past
 * the highest returns the highest, as Intel documents. */
void op_cpuid(struct cpu *c, const struct insn *in)
{
	(void)in;
	if (c->reg[REG_AX] == 0) {
		c->reg[REG_AX] = 1;
		c->reg[REG_BX] = 0x756e6547; /* "Genu" */
		c->reg[REG_DX] = 0x49656e69; /* "ineI" */
		c->reg[REG_CX] = 0x6c65746e; /* "ntel" */
		return;
	}
	c->reg[REG_AX] = c->traits->cpuid_signature;
	c->reg[REG_BX] = c->reg[REG_CX] = c->reg[REG_DX] = 0;
}
