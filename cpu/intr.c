/*
 * cpu/intr.c — how the CPU enters and leaves interrupt handlers. Real mode:
 * FLAGS, CS and IP are pushed, IF and TF cleared, CS:IP read from the vector
 * table at IDTR.base (0 after reset; LIDT moves it on the 286 and later).
 * Protected and virtual-8086 mode go through the IDT (cpu/intr_prot.c).
 * SDM Vol. 3, 20.1.4; 8086 manual, "interrupts".
 */
#include "intr.h"

#include "access.h"
#include "debug_hooks.h"
#include "flags.h"
#include "prot.h"
#include "seg.h"

/* The exceptions that push an error code in protected mode (SDM Vol. 3,
 * Table 6-1): #DF, #TS, #NP, #SS, #GP, #PF and #AC. */
static bool pushes_error(int vector)
{
	return vector == EXC_DF || (vector >= EXC_TS && vector <= EXC_PF) || vector == 17;
}

void intr_deliver(struct cpu *c, int vector, enum cpu_intr_source source, bool has_error,
                  uint32_t error)
{
	uint16_t from_cs = c->seg[SEG_CS].sel;
	uint32_t from_eip = c->insn_eip;
	uint32_t entry = (uint32_t)vector * 4;
	uint16_t ip, cs;

	if (cpu_prot(c)) {
		uint8_t ext = c->err_ext;

		c->err_ext = source == INTR_SOFTWARE ? 0 : 1;
		intr_deliver_prot(c, vector, source == INTR_SOFTWARE,
		                  source == INTR_EXCEPTION && has_error && pushes_error(vector),
		                  error);
		c->err_ext = ext;
		if (c->debug)
			debug_caught(c, vector, source, from_cs, from_eip);
		return;
	}
	/* Real mode pushes no error code. */
	if (c->traits->has_ud && entry + 3 > c->idtr.limit)
		cpu_fault(c, EXC_GP, entry + 2);
	ip = (uint16_t)cpu_lin_read(c, c->idtr.base + entry, 2, true);
	cs = (uint16_t)cpu_lin_read(c, c->idtr.base + entry + 2, 2, true);
	stack_push(c, flags_get(c) & 0xffff, 2);
	stack_push(c, c->seg[SEG_CS].sel, 2);
	stack_push(c, c->eip & 0xffff, 2);
	flags_set(c, FLAG_IF | FLAG_TF, 0);
	cpu_load_real_seg(c, SEG_CS, cs);
	c->eip = ip;
	if (c->debug)
		debug_caught(c, vector, source, from_cs, from_eip);
}

void intr_return(struct cpu *c, int size)
{
	uint32_t mask = size == 4 ? 0xffffffffu : 0xffffu;
	uint32_t ip, cs, flags;

	if (cpu_prot(c)) {
		intr_return_prot(c, size);
		return;
	}
	/* Read all three before changing anything, so a stack fault restarts cleanly. */
	ip = stack_peek(c, 0, size);
	cs = stack_peek(c, (uint32_t)size, size);
	flags = stack_peek(c, 2u * (uint32_t)size, size);
	stack_release(c, 3u * (uint32_t)size);
	cpu_load_real_seg(c, SEG_CS, (uint16_t)cs);
	c->eip = ip & mask;
	flags_load(c, flags, size);
	/* IRETD loads RF, so that a breakpoint handler can return to the
	 * instruction it stopped (SDM Vol. 3, 17.3.1.1); POPF cannot. */
	if (size == 4 && c->traits->debug_regs)
		flag_put(c, FLAG_RF, flags & FLAG_RF);
}
