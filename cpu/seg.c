/*
 * cpu/seg.c — segment register loads. In real mode the descriptor cache keeps
 * its limit and attributes and only the base changes (which is what makes
 * "unreal mode" possible on the 386). SDM Vol. 3, 3.4 and 20.1.
 */
#include "seg.h"

void cpu_load_real_seg(struct cpu *c, int seg, uint16_t sel)
{
	c->seg[seg].sel = sel;
	c->seg[seg].base = (uint32_t)sel << 4;
}

void seg_load(struct cpu *c, int seg, uint16_t sel)
{
	cpu_load_real_seg(c, seg, sel);
	if (seg == SEG_SS)
		c->inhibit_intr = true;
}
