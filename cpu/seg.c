/*
 * cpu/seg.c — segment register loads and the descriptor caches. In real mode
 * a load changes only the selector and the base, so the cache keeps its
 * limit and attributes (which is what makes "unreal mode" possible on the
 * 386); virtual-8086 loads set the whole cache; protected-mode loads check
 * the descriptor first. SDM Vol. 3, 3.4, 5.5-5.7, 20.1 and 20.2.
 */
#include "seg.h"

#include "access.h"
#include "prot.h"

void cpu_load_real_seg(struct cpu *c, int seg, uint16_t sel)
{
	c->seg[seg].sel = sel;
	c->seg[seg].base = (uint32_t)sel << 4;
	c->seg[seg].checks &= (uint8_t)~SEGCHK_NULL;
}

static uint8_t checks_of(const struct desc *d)
{
	if (desc_is_code(d))
		return SEGCHK_NOWRITE | ((d->type & DESC_READABLE) ? 0 : SEGCHK_NOREAD);
	return ((d->type & DESC_WRITABLE) ? 0 : SEGCHK_NOWRITE) |
	       ((d->type & DESC_EXPAND_DOWN) ? SEGCHK_DOWN : 0);
}

void seg_cache_fill(struct segcache *s, uint16_t sel, const struct desc *d)
{
	*s = (struct segcache){ .sel = sel,
		                .base = d->base,
		                .limit = d->limit,
		                .attr = d->system ? d->attr : d->attr | DESC_ACCESSED,
		                .big = (d->attr & ATTR_DB) != 0,
		                .checks = d->system ? 0 : checks_of(d) };
}

void seg_cache_null(struct segcache *s, uint16_t sel)
{
	*s = (struct segcache){ .sel = sel, .checks = SEGCHK_NULL };
}

void seg_load_v86(struct cpu *c, int seg, uint16_t sel)
{
	c->seg[seg] = (struct segcache){
		.sel = sel, .base = (uint32_t)sel << 4, .limit = 0xffff, .attr = 0xf3
	};
}

void seg_load_cs(struct cpu *c, uint16_t sel, const struct desc *d, int cpl)
{
	uint16_t cs = (uint16_t)((sel & 0xfffc) | cpl);

	if (!(d->type & DESC_ACCESSED))
		desc_set_type_bit(c, sel, 0, true);
	seg_cache_fill(&c->seg[SEG_CS], cs, d);
}

void seg_check_ss(struct cpu *c, uint16_t sel, int cpl, struct desc *d, int gp)
{
	if (sel_null(sel))
		cpu_fault(c, gp, c->err_ext);
	desc_load(c, sel, d, gp);
	if ((sel & 3) != cpl || !desc_is_data(d) || !(d->type & DESC_WRITABLE) || d->dpl != cpl)
		sel_fault(c, gp, sel);
	if (!d->present)
		sel_fault(c, EXC_SS, sel);
}

/* MOV, POP and LxS to DS, ES, FS, GS (SDM: MOV, "protected mode exceptions"). */
static void load_data_seg(struct cpu *c, int seg, uint16_t sel)
{
	int cpl = cpu_cpl(c), rpl = sel & 3;
	struct desc d;

	if (sel_null(sel)) {
		seg_cache_null(&c->seg[seg], sel);
		return;
	}
	desc_load(c, sel, &d, EXC_GP);
	if (!desc_is_data(&d) && !(desc_is_code(&d) && (d.type & DESC_READABLE)))
		sel_fault(c, EXC_GP, sel);
	if ((desc_is_data(&d) || !(d.type & DESC_CONFORMING)) && (rpl > d.dpl || cpl > d.dpl))
		sel_fault(c, EXC_GP, sel);
	if (!d.present)
		sel_fault(c, EXC_NP, sel);
	if (!(d.type & DESC_ACCESSED))
		desc_set_type_bit(c, sel, 0, true);
	seg_cache_fill(&c->seg[seg], sel, &d);
}

static void load_stack_seg(struct cpu *c, uint16_t sel)
{
	struct desc d;

	seg_check_ss(c, sel, cpu_cpl(c), &d, EXC_GP);
	if (!(d.type & DESC_ACCESSED))
		desc_set_type_bit(c, sel, 0, true);
	seg_cache_fill(&c->seg[SEG_SS], sel, &d);
}

void seg_load(struct cpu *c, int seg, uint16_t sel)
{
	if (!cpu_prot(c))
		cpu_load_real_seg(c, seg, sel);
	else if (c->eflags & FLAG_VM)
		seg_load_v86(c, seg, sel);
	else if (seg == SEG_SS)
		load_stack_seg(c, sel);
	else
		load_data_seg(c, seg, sel);
	if (seg == SEG_SS)
		c->inhibit_intr = true;
}

void seg_null_inaccessible(struct cpu *c)
{
	static const int data_segs[] = { SEG_ES, SEG_DS, SEG_FS, SEG_GS };
	int cpl = cpu_cpl(c);

	for (unsigned i = 0; i < sizeof data_segs / sizeof data_segs[0]; i++) {
		struct segcache *s = &c->seg[data_segs[i]];
		int dpl = (s->attr & ATTR_DPL) >> 5;
		bool conforming_code =
		        (s->attr & (DESC_CODE | DESC_CONFORMING)) == (DESC_CODE | DESC_CONFORMING);

		if (!(s->checks & SEGCHK_NULL) && !conforming_code && dpl < cpl)
			seg_cache_null(s, 0);
	}
}

void seg_mode_changed(struct cpu *c)
{
	for (int s = 0; s < SEG_COUNT; s++)
		c->seg[s].checks &= cpu_prot(c) ? 0xff : SEGCHK_DOWN;
}

void stack_room_check(struct cpu *c, const struct segcache *s, uint32_t esp, uint32_t bytes,
                      uint16_t fault_sel)
{
	uint32_t mask = s->big ? 0xffffffffu : 0xffffu;
	uint32_t low = (esp - bytes) & mask;
	bool ok;

	if (s->checks & SEGCHK_DOWN)
		ok = low > s->limit && ((esp - 1) & mask) >= low;
	else
		ok = ((esp - 1) & mask) <= s->limit && ((esp - 1) & mask) >= low;
	if (!ok)
		sel_fault(c, EXC_SS, fault_sel);
}
