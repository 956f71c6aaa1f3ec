/*
 * cpu/intr_prot.c — interrupts and exceptions in protected and
 * virtual-8086 mode: the IDT gate, the privilege and stack switch (with the
 * virtual-8086 frame), task gates, and IRET back to the same level, an outer
 * level, virtual-8086 mode or the previous task. SDM Vol. 3, 6.10-6.14 and
 * 20.3; Vol. 2: INT n, IRET.
 */
#include "access.h"
#include "flags.h"
#include "prot.h"

/* Faults in the IDT entry itself: the error code names the entry
 * (index, IDT bit set; SDM Vol. 3, 6.13). */
static _Noreturn void idt_fault(struct cpu *c, int vector_fault, int vector)
{
	cpu_fault(c, vector_fault, (uint32_t)vector * 8 + 2 + c->err_ext);
}

/* A new stack at privilege 'dpl' from the TSS, checked: the faults are #TS
 * with the SS selector (SDM Vol. 3, 6.12.1). */
static void inner_stack(struct cpu *c, int dpl, struct segcache *ss, uint32_t *esp)
{
	uint16_t sel;
	struct desc d;

	tss_stack(c, dpl, &sel, esp);
	if (sel_null(sel))
		cpu_fault(c, EXC_TS, c->err_ext);
	if ((sel & 3) != dpl)
		sel_fault(c, EXC_TS, sel);
	desc_load(c, sel, &d, EXC_TS);
	if (!desc_is_data(&d) || !(d.type & DESC_WRITABLE) || d.dpl != dpl)
		sel_fault(c, EXC_TS, sel);
	if (!d.present)
		sel_fault(c, EXC_SS, sel);
	if (!(d.type & DESC_ACCESSED))
		desc_set_type_bit(c, sel, 0, true);
	seg_cache_fill(ss, sel, &d);
	if (!ss->big)
		*esp &= 0xffff;
}

/* The IDT holds task, interrupt and trap gates (16- and 32-bit) only. */
static bool idt_gate(const struct desc *d)
{
	return d->system && (d->type == DESC_TASK_GATE || d->type == DESC_INTR_GATE16 ||
	                     d->type == DESC_TRAP_GATE16 || d->type == DESC_INTR_GATE32 ||
	                     d->type == DESC_TRAP_GATE32);
}

static void push_error(struct cpu *c, bool has_error, uint32_t error, int size)
{
	if (has_error)
		stack_push(c, error, size);
}

void intr_deliver_prot(struct cpu *c, int vector, bool software, bool has_error, uint32_t error)
{
	uint32_t entry = (uint32_t)vector * 8;
	int cpl = cpu_cpl(c);
	bool v86 = (c->eflags & FLAG_VM) != 0;
	struct desc gate, target;

	if (entry + 7 > c->idtr.limit)
		idt_fault(c, EXC_GP, vector);
	desc_decode(cpu_lin_read(c, c->idtr.base + entry, 4, true),
	            cpu_lin_read(c, c->idtr.base + entry + 4, 4, true), c->model, &gate);
	desc_model_types(c, &gate);
	if (!idt_gate(&gate))
		idt_fault(c, EXC_GP, vector);
	if (software && gate.dpl < cpl)
		idt_fault(c, EXC_GP, vector);
	if (!gate.present)
		idt_fault(c, EXC_NP, vector);
	if (gate.type == DESC_TASK_GATE) {
		task_gate_transfer(c, (uint16_t)(vector * 8 + 2), &gate, TASK_INT);
		push_error(c, has_error, error, (c->tr.attr & 8) ? 4 : 2);
		return;
	}

	int size = (gate.type & 8) ? 4 : 2;
	uint32_t old_flags = flags_get(c) | (c->fault_rf ? FLAG_RF : 0);
	uint32_t old_esp = c->reg[REG_SP], eip = c->eip;
	uint16_t old_ss = c->seg[SEG_SS].sel, old_cs = c->seg[SEG_CS].sel;

	if (sel_null(gate.gate_sel))
		cpu_fault(c, EXC_GP, c->err_ext);
	desc_load(c, gate.gate_sel, &target, EXC_GP);
	if (!desc_is_code(&target) || target.dpl > cpl)
		sel_fault(c, EXC_GP, gate.gate_sel);
	if (!target.present)
		sel_fault(c, EXC_NP, gate.gate_sel);
	uint32_t off = size == 4 ? gate.gate_off : gate.gate_off & 0xffff;
	if (off > target.limit)
		cpu_fault(c, EXC_GP, c->err_ext);

	if (!(target.type & DESC_CONFORMING) && target.dpl < cpl) {
		struct segcache ss;
		uint32_t esp;

		if (v86 && target.dpl != 0)
			sel_fault(c, EXC_GP, gate.gate_sel);
		inner_stack(c, target.dpl, &ss, &esp);
		stack_room_check(c, &ss, esp,
		                 (uint32_t)size * (5u + (v86 ? 4u : 0u) + (has_error ? 1u : 0u)),
		                 ss.sel);
		undo_save(c);
		c->seg[SEG_SS] = ss;
		c->reg[REG_SP] = esp;
		if (v86) {
			stack_push(c, c->seg[SEG_GS].sel, size);
			stack_push(c, c->seg[SEG_FS].sel, size);
			stack_push(c, c->seg[SEG_DS].sel, size);
			stack_push(c, c->seg[SEG_ES].sel, size);
		}
		stack_push(c, old_ss, size);
		stack_push(c, old_esp, size);
		cpl = target.dpl;
	} else if (v86) {
		sel_fault(c, EXC_GP, gate.gate_sel); /* V86 handlers must run at ring 0 */
	}
	stack_push(c, size == 2 ? old_flags & 0xffff : old_flags, size);
	stack_push(c, old_cs, size);
	stack_push(c, eip, size);
	push_error(c, has_error, error, size);
	if (v86) {
		seg_cache_null(&c->seg[SEG_GS], 0);
		seg_cache_null(&c->seg[SEG_FS], 0);
		seg_cache_null(&c->seg[SEG_DS], 0);
		seg_cache_null(&c->seg[SEG_ES], 0);
	}
	flags_set(c, FLAG_TF | FLAG_NT | FLAG_RF | FLAG_VM, 0);
	if ((gate.type & 7) == 6)
		flags_set(c, FLAG_IF, 0);
	seg_load_cs(c, gate.gate_sel, &target, cpl);
	c->eip = off;
	undo_done(c);
}

/* IRET with NT set: back to the task in the current TSS's back link, which
 * must be a busy TSS (SDM Vol. 3, 7.3). */
static void return_to_task(struct cpu *c)
{
	uint16_t link = (uint16_t)cpu_lin_read(c, c->tr.base, 2, true);
	struct desc d;

	if (link & 4)
		sel_fault(c, EXC_TS, link);
	desc_load(c, link, &d, EXC_TS);
	if (!desc_is_tss(&d) || !(d.type & 2))
		sel_fault(c, EXC_TS, link);
	if (!d.present)
		sel_fault(c, EXC_NP, link);
	task_switch(c, link, &d, TASK_IRET);
}

/* IRET from ring 0 to virtual-8086 mode: EIP CS EFLAGS ESP SS ES DS FS GS,
 * all dwords (SDM: IRET, "return to virtual-8086 mode"). */
static void return_to_v86(struct cpu *c, uint32_t eip, uint16_t cs, uint32_t flags)
{
	uint32_t esp = stack_peek(c, 12, 4);
	uint16_t sel[6];

	sel[SEG_SS] = (uint16_t)stack_peek(c, 16, 4);
	sel[SEG_ES] = (uint16_t)stack_peek(c, 20, 4);
	sel[SEG_DS] = (uint16_t)stack_peek(c, 24, 4);
	sel[SEG_FS] = (uint16_t)stack_peek(c, 28, 4);
	sel[SEG_GS] = (uint16_t)stack_peek(c, 32, 4);
	sel[SEG_CS] = cs;
	c->eflags = (flags & (0x37fd5u | (c->traits->flags_real_rw & 0xffff0000u))) |
	            c->traits->flags_fixed1; /* and AC, ID on the 486 */
	for (int s = 0; s < SEG_COUNT; s++)
		seg_load_v86(c, s, sel[s]);
	c->reg[REG_SP] = esp;
	c->eip = eip & 0xffff;
}

void intr_return_prot(struct cpu *c, int size)
{
	uint32_t mask = size == 4 ? 0xffffffffu : 0xffffu;

	if (c->eflags & FLAG_VM) {
		/* Virtual-8086 mode with IOPL 3 (op_iret checked it): a real-mode
		 * IRET that cannot change IOPL (SDM Vol. 3, 20.2.7). */
		uint32_t ip = stack_peek(c, 0, size), cs = stack_peek(c, (uint32_t)size, size);
		uint32_t flags = stack_peek(c, 2u * (uint32_t)size, size);
		uint32_t rw = c->traits->flags_real_rw & ~(uint32_t)FLAG_IOPL & mask;

		stack_release(c, 3u * (uint32_t)size);
		seg_load_v86(c, SEG_CS, (uint16_t)cs);
		c->eip = ip & 0xffff;
		c->eflags = (c->eflags & ~rw) | (flags & rw);
		return;
	}
	if (c->eflags & FLAG_NT) {
		return_to_task(c);
		return;
	}
	uint32_t eip = stack_peek(c, 0, size);
	uint16_t cs = (uint16_t)stack_peek(c, (uint32_t)size, size);
	uint32_t flags = stack_peek(c, 2u * (uint32_t)size, size);

	if (size == 4 && (flags & FLAG_VM) && cpu_cpl(c) == 0) {
		return_to_v86(c, eip, cs, flags);
		return;
	}
	uint32_t rw = flags_writable(c, size);
	if (cpu_cpl(c) == 0 && size == 4)
		rw |= FLAG_RF;
	far_return_to(c, cs, eip, size, 3u * (uint32_t)size, 0);
	c->eflags = (c->eflags & ~rw) | (flags & rw) | c->traits->flags_fixed1;
}
