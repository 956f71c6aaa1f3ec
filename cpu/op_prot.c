/*
 * cpu/op_prot.c — the protected-mode-only instructions of groups 6 and 0F
 * 02/03 and ARPL: SLDT, STR, LLDT, LTR, VERR, VERW, LAR, LSL. They #UD in
 * real and virtual-8086 mode (the PROT rows). SDM Vol. 2 per instruction.
 */
#include "access.h"
#include "flags.h"
#include "operand.h"
#include "ops.h"
#include "prot.h"

/* SLDT and STR: a register operand of 32 bits gets the selector
 * zero-extended (SDM: SLDT, STR). */
static void store_selector(struct cpu *c, const struct insn *in, uint16_t sel)
{
	if (in->mod == 3)
		reg_put(c, in->rm, sel, in->osize == 4 ? 4 : 2);
	else
		cpu_write(c, in->seg, operand_ea(c, in), sel, 2);
}

void op_sldt(struct cpu *c, const struct insn *in)
{
	store_selector(c, in, c->ldtr.sel);
}

void op_str(struct cpu *c, const struct insn *in)
{
	store_selector(c, in, c->tr.sel);
}

/* LLDT: null makes the LDT unusable; else a present LDT descriptor in the GDT. */
void op_lldt(struct cpu *c, const struct insn *in)
{
	uint16_t sel = (uint16_t)operand_read(c, in, 0);
	struct desc d;

	if (sel_null(sel)) {
		c->ldtr = (struct segcache){ .sel = sel };
		return;
	}
	if (sel & 4)
		sel_fault(c, EXC_GP, sel);
	desc_load(c, sel, &d, EXC_GP);
	if (!d.system || d.type != DESC_LDT)
		sel_fault(c, EXC_GP, sel);
	if (!d.present)
		sel_fault(c, EXC_NP, sel);
	seg_cache_fill(&c->ldtr, sel, &d);
}

/* LTR: an available TSS in the GDT, which becomes busy. */
void op_ltr(struct cpu *c, const struct insn *in)
{
	uint16_t sel = (uint16_t)operand_read(c, in, 0);
	struct desc d;

	if (sel_null(sel))
		cpu_fault(c, EXC_GP, 0);
	if (sel & 4)
		sel_fault(c, EXC_GP, sel);
	desc_load(c, sel, &d, EXC_GP);
	if (!desc_is_tss(&d) || (d.type & 2))
		sel_fault(c, EXC_GP, sel);
	if (!d.present)
		sel_fault(c, EXC_NP, sel);
	desc_set_type_bit(c, sel, 1, true);
	seg_cache_fill(&c->tr, sel, &d);
	c->tr.attr |= 2;
}

/* The descriptor a LAR, LSL, VERR or VERW selector names, if it is inside
 * its table (these instructions report with ZF instead of faulting). */
static bool peek_desc(struct cpu *c, uint16_t sel, struct desc *d)
{
	uint32_t base = (sel & 4) ? c->ldtr.base : c->gdtr.base;
	uint32_t limit = (sel & 4) ? c->ldtr.limit : c->gdtr.limit;
	uint32_t idx = sel & 0xfff8u;

	if (sel_null(sel) || ((sel & 4) && sel_null(c->ldtr.sel)) || idx + 7 > limit)
		return false;
	desc_decode(cpu_lin_read(c, base + idx, 4, true), cpu_lin_read(c, base + idx + 4, 4, true),
	            c->model, d);
	desc_model_types(c, d);
	return true;
}

/* Visible at CPL and RPL: conforming code always, the rest when DPL is
 * not below either. */
static bool visible(const struct cpu *c, uint16_t sel, const struct desc *d)
{
	if (desc_is_code(d) && (d->type & DESC_CONFORMING))
		return true;
	return d->dpl >= cpu_cpl(c) && d->dpl >= (sel & 3);
}

/* LAR accepts every segment and the system types of SDM Table "LAR":
 * TSSs, LDT, call and task gates; LSL only those with a limit. */
static bool lar_type_ok(const struct desc *d, bool limit_only)
{
	if (!d->system)
		return true;
	switch (d->type) {
	case DESC_TSS16_AVAIL:
	case DESC_LDT:
	case DESC_TSS16_BUSY:
	case DESC_TSS32_AVAIL:
	case DESC_TSS32_BUSY:
		return true;
	case DESC_CALL_GATE16:
	case DESC_TASK_GATE:
	case DESC_CALL_GATE32:
		return !limit_only;
	default:
		return false;
	}
}

/* LAR's 32-bit result is the descriptor's high dword masked by 00FxFF00h,
 * the limit bits x undefined: they read as 0 here. */
static void lar_lsl(struct cpu *c, const struct insn *in, bool limit_only)
{
	uint16_t sel = (uint16_t)operand_read(c, in, 1);
	struct desc d;
	bool ok = peek_desc(c, sel, &d) && lar_type_ok(&d, limit_only) && visible(c, sel, &d);

	flag_put(c, FLAG_ZF, ok);
	if (!ok)
		return;
	if (limit_only)
		reg_put(c, in->reg, d.limit, in->osize);
	else
		reg_put(c, in->reg, d.hi & (in->osize == 4 ? 0x00f0ff00u : 0xff00u), in->osize);
}

void op_lar(struct cpu *c, const struct insn *in)
{
	lar_lsl(c, in, false);
}

void op_lsl(struct cpu *c, const struct insn *in)
{
	lar_lsl(c, in, true);
}

/* VERR: readable (data, or readable code); VERW: writable data. */
static void verify(struct cpu *c, const struct insn *in, bool write)
{
	uint16_t sel = (uint16_t)operand_read(c, in, 0);
	struct desc d;
	bool ok = peek_desc(c, sel, &d) && !d.system && visible(c, sel, &d);

	if (ok && write)
		ok = desc_is_data(&d) && (d.type & DESC_WRITABLE);
	else if (ok)
		ok = desc_is_data(&d) || (d.type & DESC_READABLE);
	flag_put(c, FLAG_ZF, ok);
}

void op_verr(struct cpu *c, const struct insn *in)
{
	verify(c, in, false);
}

void op_verw(struct cpu *c, const struct insn *in)
{
	verify(c, in, true);
}

/* ARPL: raise the destination selector's RPL to the source's. */
void op_arpl(struct cpu *c, const struct insn *in)
{
	struct loc dst = operand_locate(c, in, 0, ACC_RMW);
	uint16_t d = (uint16_t)loc_read(c, &dst);
	uint16_t s = (uint16_t)reg_get(c, in->reg, 2);
	bool raise = (d & 3) < (s & 3);

	if (raise)
		loc_write(c, &dst, (d & 0xfffcu) | (s & 3));
	flag_put(c, FLAG_ZF, raise);
}
