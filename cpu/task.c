/*
 * cpu/task.c — the TSS: inner-level stacks for gates, and task switches by
 * JMP, CALL, INT and IRET with the busy bit, NT and the back link, LDTR and
 * CR3 loaded from the new TSS. 32-bit (386) and 16-bit (286) TSS layouts.
 * SDM Vol. 3, 7.2-7.4 (Figures 7-2 and 7-11 give the layouts).
 */
#include "access.h"
#include "debugreg.h"
#include "flags.h"
#include "paging.h"
#include "prot.h"

/* Where the fields are in a 32-bit and a 16-bit TSS. */
struct tss_layout {
	uint32_t min_limit;                    /* the smallest limit the CPU accepts */
	int size;                              /* bytes per register slot */
	uint32_t stack0, stack_step, stack_ss; /* ESP0; next level; SS after its ESP */
	uint32_t cr3;                          /* 0: no CR3 (16-bit) */
	uint32_t eip, eflags, regs, segs, seg_step, ldt;
	int nsegs; /* ES CS SS DS (FS GS on the 386) */
};

static const struct tss_layout tss32 = {
	0x67, 4, 4, 8, 4, 0x1c, 0x20, 0x24, 0x28, 0x48, 4, 0x60, 6
};
static const struct tss_layout tss16 = { 0x2b, 2, 2, 4, 2, 0, 0x0e, 0x10, 0x12, 0x22, 2, 0x2a, 4 };

static const struct tss_layout *layout_of_type(int type)
{
	return (type & 8) ? &tss32 : &tss16;
}

void tss_stack(struct cpu *c, int dpl, uint16_t *ss, uint32_t *esp)
{
	const struct tss_layout *l = layout_of_type(c->tr.attr & ATTR_TYPE);
	uint32_t at = l->stack0 + (uint32_t)dpl * l->stack_step;

	if (at + l->stack_ss + 1 > c->tr.limit)
		sel_fault(c, EXC_TS, c->tr.sel);
	*esp = cpu_lin_read(c, c->tr.base + at, l->size, true);
	*ss = (uint16_t)cpu_lin_read(c, c->tr.base + at + l->stack_ss, 2, true);
}

/* The segment registers as the new TSS names them: checked in the new task,
 * #TS for a bad selector (SDM Vol. 3, 7.3 step 13 and Table 7-1). */
static void load_task_segment(struct cpu *c, int seg, uint16_t sel)
{
	int cpl = c->seg[SEG_CS].sel & 3;
	struct desc d;

	if (seg == SEG_CS) {
		if (sel_null(sel))
			cpu_fault(c, EXC_TS, c->err_ext);
		desc_load(c, sel, &d, EXC_TS);
		if (!desc_is_code(&d))
			sel_fault(c, EXC_TS, sel);
		if ((d.type & DESC_CONFORMING) ? d.dpl > (sel & 3) : d.dpl != (sel & 3))
			sel_fault(c, EXC_TS, sel);
		if (!d.present)
			sel_fault(c, EXC_NP, sel);
		seg_load_cs(c, sel, &d, sel & 3);
		return;
	}
	if (seg == SEG_SS) {
		seg_check_ss(c, sel, cpl, &d, EXC_TS);
	} else {
		if (sel_null(sel)) {
			seg_cache_null(&c->seg[seg], sel);
			return;
		}
		desc_load(c, sel, &d, EXC_TS);
		if (!desc_is_data(&d) && !(desc_is_code(&d) && (d.type & DESC_READABLE)))
			sel_fault(c, EXC_TS, sel);
		if ((desc_is_data(&d) || !(d.type & DESC_CONFORMING)) &&
		    ((sel & 3) > d.dpl || cpl > d.dpl))
			sel_fault(c, EXC_TS, sel);
		if (!d.present)
			sel_fault(c, EXC_NP, sel);
	}
	if (!(d.type & DESC_ACCESSED))
		desc_set_type_bit(c, sel, 0, true);
	seg_cache_fill(&c->seg[seg], sel, &d);
}

static void load_task_ldt(struct cpu *c, uint16_t sel)
{
	struct desc d;

	if (sel_null(sel)) {
		c->ldtr = (struct segcache){ .sel = sel };
		return;
	}
	if (sel & 4)
		sel_fault(c, EXC_TS, sel);
	desc_load(c, sel, &d, EXC_TS);
	if (!d.system || d.type != DESC_LDT)
		sel_fault(c, EXC_TS, sel);
	if (!d.present)
		sel_fault(c, EXC_TS, sel);
	seg_cache_fill(&c->ldtr, sel, &d);
}

static void save_state(struct cpu *c, const struct tss_layout *l, uint32_t base, uint32_t eflags)
{
	cpu_lin_write(c, base + l->eip, c->eip, l->size, true);
	cpu_lin_write(c, base + l->eflags, eflags, l->size, true);
	for (int r = 0; r < 8; r++)
		cpu_lin_write(c, base + l->regs + (uint32_t)(r * l->size), c->reg[r], l->size,
		              true);
	for (int s = 0; s < l->nsegs; s++)
		cpu_lin_write(c, base + l->segs + (uint32_t)s * l->seg_step, c->seg[s].sel, 2,
		              true);
}

void task_switch(struct cpu *c, uint16_t sel, const struct desc *d, enum task_reason why)
{
	const struct tss_layout *old = layout_of_type(c->tr.attr & ATTR_TYPE);
	const struct tss_layout *nl = layout_of_type(d->type);
	uint32_t nb = d->base, eflags, regs[8];
	uint16_t segs[SEG_COUNT] = { 0 }, ldt, old_tr = c->tr.sel;

	if (d->limit < nl->min_limit)
		sel_fault(c, EXC_TS, sel);
	if (sel_null(c->tr.sel) || c->tr.attr == 0)
		sel_fault(c, EXC_TS, c->tr.sel); /* no current task to save */
	/* Read the new task's state before anything is written. */
	uint32_t eip = cpu_lin_read(c, nb + nl->eip, nl->size, true);
	eflags = cpu_lin_read(c, nb + nl->eflags, nl->size, true);
	for (int r = 0; r < 8; r++)
		regs[r] = cpu_lin_read(c, nb + nl->regs + (uint32_t)(r * nl->size), nl->size, true);
	for (int s = 0; s < nl->nsegs; s++)
		segs[s] = (uint16_t)cpu_lin_read(c, nb + nl->segs + (uint32_t)s * nl->seg_step, 2,
		                                 true);
	ldt = (uint16_t)cpu_lin_read(c, nb + nl->ldt, 2, true);
	uint32_t cr3 = nl->cr3 ? cpu_lin_read(c, nb + nl->cr3, 4, true) : c->cr3;
	/* The T (debug trap) bit of a 32-bit TSS (SDM Vol. 3, 7.2.1, 17.3.1.5). */
	bool trap = nl->cr3 && (cpu_lin_read(c, nb + TSS32_T, 2, true) & 1);

	/* The old task: busy cleared unless it is nested under the new one,
	 * NT cleared in its image when returning from it. */
	uint32_t old_flags = flags_get(c);
	if (why == TASK_IRET)
		old_flags &= ~(uint32_t)FLAG_NT;
	if (why == TASK_JMP || why == TASK_IRET)
		desc_set_type_bit(c, c->tr.sel, 1, false);
	save_state(c, old, c->tr.base, old->size == 2 ? old_flags & 0xffff : old_flags);

	if (why == TASK_CALL || why == TASK_INT) {
		cpu_lin_write(c, nb, old_tr, 2, true);
		eflags |= FLAG_NT;
	}
	if (why != TASK_IRET)
		desc_set_type_bit(c, sel, 1, true);
	c->tr = (struct segcache){ 0 };
	seg_cache_fill(&c->tr, sel, d);
	c->tr.attr |= 2; /* busy */
	c->cr0 |= CR0_TS;
	if (nl->cr3) { /* a CR3 load: the TLB is flushed (SDM Vol. 3, 4.10.4.1) */
		c->cr3 = cr3;
		paging_cr3_loaded(c);
	}

	/* The new task's registers; then its segments, checked in its context. */
	if (nl->size == 2)
		eflags = (flags_get(c) & 0xffff0000u & ~(uint32_t)FLAG_VM) | (eflags & 0xffff);
	c->eflags = (eflags & (0x37fd5u | (c->traits->flags_real_rw & 0xffff0000u))) |
	            c->traits->flags_fixed1; /* and AC, ID on the 486 */
	c->eip = nl->size == 2 ? eip & 0xffff : eip;
	for (int r = 0; r < 8; r++)
		c->reg[r] =
		        nl->size == 2 ? (c->reg[r] & 0xffff0000u) | (regs[r] & 0xffff) : regs[r];
	/* A 16-bit TSS has no FS and GS: they stay as they are. */
	for (int s = 0; s < nl->nsegs; s++) {
		c->seg[s].sel = segs[s];
		c->seg[s].checks = SEGCHK_NULL; /* unusable until loaded below */
	}
	load_task_ldt(c, ldt);
	if (c->eflags & FLAG_VM) {
		for (int s = 0; s < SEG_COUNT; s++)
			seg_load_v86(c, s, segs[s]);
	} else {
		load_task_segment(c, SEG_CS, segs[SEG_CS]);
		load_task_segment(c, SEG_SS, segs[SEG_SS]);
		for (int s = 0; s < nl->nsegs; s++)
			if (s != SEG_CS && s != SEG_SS)
				load_task_segment(c, s, segs[s]);
		if (c->eip > c->seg[SEG_CS].limit)
			cpu_fault(c, EXC_GP, 0);
	}
	/* #DB with DR6.BT before the new task's first instruction. */
	if (trap && c->traits->debug_regs)
		c->dr_armed |= DR_ARMED_TASK;
}

void task_gate_transfer(struct cpu *c, uint16_t sel, const struct desc *d, enum task_reason why)
{
	int cpl = cpu_cpl(c);
	uint16_t tss_sel = sel;
	struct desc tss = *d;

	/* An INT's gate was checked against CPL by intr_deliver_prot. */
	if (why != TASK_INT && (d->dpl < cpl || d->dpl < (sel & 3)))
		sel_fault(c, EXC_GP, sel);
	if (!d->present)
		sel_fault(c, EXC_NP, sel);
	if (d->type == DESC_TASK_GATE) {
		tss_sel = d->gate_sel;
		if (tss_sel & 4)
			sel_fault(c, EXC_GP, tss_sel);
		desc_load(c, tss_sel, &tss, EXC_GP);
		if (!desc_is_tss(&tss))
			sel_fault(c, EXC_GP, tss_sel);
		if (!tss.present)
			sel_fault(c, EXC_NP, tss_sel);
	}
	if (!desc_is_tss(&tss) || (tss.type & 2))
		sel_fault(c, EXC_GP, tss_sel); /* busy: a task cannot nest inside itself */
	task_switch(c, tss_sel, &tss, why);
}
