/*
 * cpu/far.c — protected-mode far JMP, CALL and RET: code-segment targets
 * with their privilege checks, call gates (with the stack switch and the
 * parameter copy of a call to an inner level), task gates and TSSs handed
 * to cpu/task.c, and returns to the same or an outer level. Every check is
 * made before anything changes, so a fault leaves the caller's state.
 * SDM Vol. 3, 5.8 and Vol. 2: JMP, CALL, RET.
 */
#include "access.h"
#include "prot.h"

static uint32_t off_of_size(uint32_t off, int size)
{
	return size == 4 ? off : off & 0xffff;
}

/* A code segment reached directly or through a gate: present, and 'off'
 * inside it (SDM Vol. 3, 5.8.1 and 5.8.2 for the privilege rules, which the
 * callers apply). */
static void check_code_target(struct cpu *c, uint16_t sel, const struct desc *d, uint32_t off)
{
	if (!d->present)
		sel_fault(c, EXC_NP, sel);
	if (off > d->limit)
		cpu_fault(c, EXC_GP, 0);
}

/* The direct case: a conforming segment runs at the caller's CPL if its DPL
 * is not above it; a nonconforming one needs RPL <= CPL and DPL = CPL. */
static void check_direct_code(struct cpu *c, uint16_t sel, const struct desc *d, uint32_t off)
{
	int cpl = cpu_cpl(c);

	if (d->type & DESC_CONFORMING) {
		if (d->dpl > cpl)
			sel_fault(c, EXC_GP, sel);
	} else if ((sel & 3) > cpl || d->dpl != cpl) {
		sel_fault(c, EXC_GP, sel);
	}
	check_code_target(c, sel, d, off);
}

/* A call gate's own checks, then its target code segment's: DPL not above
 * CPL (a JMP also needs DPL = CPL for nonconforming code). */
static void gate_target(struct cpu *c, uint16_t sel, const struct desc *gate, bool jump,
                        struct desc *target)
{
	int cpl = cpu_cpl(c);
	uint32_t off = gate->gate_off;

	if (gate->dpl < cpl || gate->dpl < (sel & 3))
		sel_fault(c, EXC_GP, sel);
	if (!gate->present)
		sel_fault(c, EXC_NP, sel);
	if (sel_null(gate->gate_sel))
		cpu_fault(c, EXC_GP, 0);
	desc_load(c, gate->gate_sel, target, EXC_GP);
	if (!desc_is_code(target) || target->dpl > cpl)
		sel_fault(c, EXC_GP, gate->gate_sel);
	if (jump && !(target->type & DESC_CONFORMING) && target->dpl != cpl)
		sel_fault(c, EXC_GP, gate->gate_sel);
	if (!(gate->type & 8))
		off &= 0xffff;
	check_code_target(c, gate->gate_sel, target, off);
}

/* Read the descriptor a far transfer names: null is #GP(0). */
static void far_desc(struct cpu *c, uint16_t sel, struct desc *d)
{
	if (sel_null(sel))
		cpu_fault(c, EXC_GP, 0);
	desc_load(c, sel, d, EXC_GP);
}

void far_jump_prot(struct cpu *c, uint16_t sel, uint32_t off, int osize)
{
	struct desc d, target;

	far_desc(c, sel, &d);
	if (desc_is_code(&d)) {
		off = off_of_size(off, osize);
		check_direct_code(c, sel, &d, off);
		seg_load_cs(c, sel, &d, cpu_cpl(c));
		c->eip = off;
	} else if (d.system && (d.type == DESC_CALL_GATE16 || d.type == DESC_CALL_GATE32)) {
		gate_target(c, sel, &d, true, &target);
		seg_load_cs(c, d.gate_sel, &target, cpu_cpl(c));
		c->eip = off_of_size(d.gate_off, (d.type & 8) ? 4 : 2);
	} else if (d.system && (d.type == DESC_TASK_GATE || desc_is_tss(&d))) {
		task_gate_transfer(c, sel, &d, TASK_JMP);
	} else {
		sel_fault(c, EXC_GP, sel);
	}
}

/* CALL through a gate to a more privileged nonconforming segment: the new
 * stack comes from the TSS, and the gate's parameter count of words or
 * dwords is copied from the caller's stack (SDM Vol. 3, 5.8.5). */
static void call_inner(struct cpu *c, const struct desc *gate, const struct desc *target)
{
	int size = (gate->type & 8) ? 4 : 2, dpl = target->dpl;
	unsigned params = gate->gate_params;
	uint32_t params_buf[32];
	uint32_t old_esp = c->reg[REG_SP], new_esp;
	uint16_t old_ss = c->seg[SEG_SS].sel, old_cs = c->seg[SEG_CS].sel, new_ss;
	uint32_t old_eip = c->eip;
	struct segcache ss_cache;
	struct desc ssd;

	tss_stack(c, dpl, &new_ss, &new_esp);
	if (sel_null(new_ss))
		cpu_fault(c, EXC_TS, c->err_ext);
	if ((new_ss & 3) != dpl)
		sel_fault(c, EXC_TS, new_ss);
	desc_load(c, new_ss, &ssd, EXC_TS);
	if (!desc_is_data(&ssd) || !(ssd.type & DESC_WRITABLE) || ssd.dpl != dpl)
		sel_fault(c, EXC_TS, new_ss);
	if (!ssd.present)
		sel_fault(c, EXC_SS, new_ss);
	seg_cache_fill(&ss_cache, new_ss, &ssd);
	if (!ss_cache.big)
		new_esp &= 0xffff;
	stack_room_check(c, &ss_cache, new_esp, (uint32_t)size * (4 + params), new_ss);
	for (unsigned i = 0; i < params; i++)
		params_buf[i] = stack_peek(c, (uint32_t)(i * (unsigned)size), size);
	/* Everything is checked: switch. */
	if (!(ssd.type & DESC_ACCESSED))
		desc_set_type_bit(c, new_ss, 0, true);
	undo_save(c);
	c->seg[SEG_SS] = ss_cache;
	c->reg[REG_SP] = new_esp;
	stack_push(c, old_ss, size);
	stack_push(c, old_esp, size);
	for (unsigned i = params; i-- > 0;)
		stack_push(c, params_buf[i], size);
	stack_push(c, old_cs, size);
	stack_push(c, old_eip, size);
	seg_load_cs(c, gate->gate_sel, target, dpl);
	c->eip = off_of_size(gate->gate_off, size);
	undo_done(c);
}

void far_call_prot(struct cpu *c, uint16_t sel, uint32_t off, int osize)
{
	struct desc d, target;
	int cpl = cpu_cpl(c);

	far_desc(c, sel, &d);
	if (desc_is_code(&d)) {
		off = off_of_size(off, osize);
		check_direct_code(c, sel, &d, off);
		cpu_check(c, SEG_SS, (c->reg[REG_SP] - 2u * (uint32_t)osize) & stack_mask(c),
		          2 * osize);
		stack_push(c, c->seg[SEG_CS].sel, osize);
		stack_push(c, c->eip, osize);
		seg_load_cs(c, sel, &d, cpl);
		c->eip = off;
	} else if (d.system && (d.type == DESC_CALL_GATE16 || d.type == DESC_CALL_GATE32)) {
		int size = (d.type & 8) ? 4 : 2;

		gate_target(c, sel, &d, false, &target);
		if (!(target.type & DESC_CONFORMING) && target.dpl < cpl) {
			call_inner(c, &d, &target);
			return;
		}
		cpu_check(c, SEG_SS, (c->reg[REG_SP] - 2u * (uint32_t)size) & stack_mask(c),
		          2 * size);
		stack_push(c, c->seg[SEG_CS].sel, size);
		stack_push(c, c->eip, size);
		seg_load_cs(c, d.gate_sel, &target, cpl);
		c->eip = off_of_size(d.gate_off, size);
	} else if (d.system && (d.type == DESC_TASK_GATE || desc_is_tss(&d))) {
		task_gate_transfer(c, sel, &d, TASK_CALL);
	} else {
		sel_fault(c, EXC_GP, sel);
	}
}

/* The code segment a RET or IRET returns to, at privilege RPL of 'cs'
 * (SDM: RET, "protected mode"): never inward. */
static void check_return_cs(struct cpu *c, uint16_t cs, struct desc *d)
{
	int rpl = cs & 3;

	if (sel_null(cs))
		cpu_fault(c, EXC_GP, 0);
	desc_load(c, cs, d, EXC_GP);
	if (!desc_is_code(d) || rpl < cpu_cpl(c))
		sel_fault(c, EXC_GP, cs);
	if ((d->type & DESC_CONFORMING) ? d->dpl > rpl : d->dpl != rpl)
		sel_fault(c, EXC_GP, cs);
	if (!d->present)
		sel_fault(c, EXC_NP, cs);
}

/* RET far and IRET share this: 'frame' bytes of CS:EIP (and FLAGS) sit on
 * the stack; to an outer level ESP and SS follow them after 'release'
 * bytes of parameters. */
void far_return_to(struct cpu *c, uint16_t cs, uint32_t eip, int size, uint32_t frame,
                   uint32_t release)
{
	int rpl = cs & 3;
	struct desc d, ssd;

	check_return_cs(c, cs, &d);
	eip = off_of_size(eip, size);
	if (rpl == cpu_cpl(c)) {
		if (eip > d.limit)
			cpu_fault(c, EXC_GP, 0);
		stack_release(c, frame + release);
		seg_load_cs(c, cs, &d, rpl);
		c->eip = eip;
		return;
	}
	uint32_t new_esp = stack_peek(c, frame + release, size);
	uint16_t new_ss = (uint16_t)stack_peek(c, frame + release + (uint32_t)size, size);

	seg_check_ss(c, new_ss, rpl, &ssd, EXC_GP);
	if (eip > d.limit)
		cpu_fault(c, EXC_GP, 0);
	if (!(ssd.type & DESC_ACCESSED))
		desc_set_type_bit(c, new_ss, 0, true);
	seg_load_cs(c, cs, &d, rpl);
	c->eip = eip;
	seg_cache_fill(&c->seg[SEG_SS], new_ss, &ssd);
	if (!c->seg[SEG_SS].big)
		new_esp = (c->reg[REG_SP] & 0xffff0000u) | (new_esp & 0xffff);
	c->reg[REG_SP] = new_esp;
	stack_release(c, release);
	seg_null_inaccessible(c);
}

void far_return_prot(struct cpu *c, int osize, uint32_t release)
{
	uint32_t eip = stack_peek(c, 0, osize);
	uint16_t cs = (uint16_t)stack_peek(c, (uint32_t)osize, osize);

	far_return_to(c, cs, eip, osize, 2u * (uint32_t)osize, release);
}
