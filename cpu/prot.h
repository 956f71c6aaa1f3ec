/*
 * cpu/prot.h — the protected-mode machinery shared by the instructions:
 * descriptor-table reads with their faults, descriptor caches, stacks from
 * the TSS, far transfers, task switches and protected-mode interrupts.
 * SDM Vol. 3, chapters 3, 5, 6 and 7. Internal to cpu/.
 */
#ifndef X86LAB_PROT_H
#define X86LAB_PROT_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"
#include "desc.h"

static inline bool cpu_prot(const struct cpu *c)
{
	return (c->cr0 & CR0_PE) != 0;
}

static inline bool cpu_v86(const struct cpu *c)
{
	return (c->cr0 & CR0_PE) && (c->eflags & FLAG_VM);
}

static inline int cpu_iopl(const struct cpu *c)
{
	return (int)(c->eflags & FLAG_IOPL) >> 12;
}

static inline bool sel_null(uint16_t sel)
{
	return (sel & 0xfffc) == 0;
}

/* The 286 knows only the 16-bit system types (80286 Programmer's Reference,
 * chapter 6): on it the 32-bit ones (type bit 3 set) are reserved, which the
 * checks treat as type 0. */
static inline void desc_model_types(const struct cpu *c, struct desc *d)
{
	if (c->model == CPU_286 && d->system && (d->type & 8))
		d->type = 0;
}

/* Raise 'vector' with the selector error code of 'sel' (index and TI, with
 * the EXT bit of the event being delivered; SDM Vol. 3, 6.13). */
_Noreturn void sel_fault(struct cpu *c, int vector, uint16_t sel);

/* Linear address of the descriptor 'sel' names, after checking it against
 * the GDT or LDT limit (else 'vector' with the selector's error code). */
uint32_t desc_addr(struct cpu *c, uint16_t sel, int vector);
/* Read and decode that descriptor; 'vector' as for desc_addr. */
void desc_load(struct cpu *c, uint16_t sel, struct desc *d, int vector);
/* Set bit 'bit' of the descriptor's type (accessed = 0, busy = 1): the CPU
 * writes these back itself. 'on' false clears it. */
void desc_set_type_bit(struct cpu *c, uint16_t sel, int bit, bool on);

/* Fill a descriptor cache from a checked descriptor. */
void seg_cache_fill(struct segcache *s, uint16_t sel, const struct desc *d);
/* The cache of a null selector: every access through it faults. */
void seg_cache_null(struct segcache *s, uint16_t sel);
/* Virtual-8086 load: base = sel * 16, 64 KiB limit, writable data at DPL 3. */
void seg_load_v86(struct cpu *c, int seg, uint16_t sel);
/* Load CS with a code descriptor already checked, at privilege 'cpl'. */
void seg_load_cs(struct cpu *c, uint16_t sel, const struct desc *d, int cpl);
/* Check 'sel' as a stack segment for privilege 'cpl' (fault vectors: 'gp'
 * for type and privilege, #SS for not present), and describe it in 'd'. */
void seg_check_ss(struct cpu *c, uint16_t sel, int cpl, struct desc *d, int gp);
/* A frame of 'bytes' must fit below 'esp' in the stack segment 's' (a copy
 * of the cache, checked before the stack is switched), else #SS(fault_sel). */
void stack_room_check(struct cpu *c, const struct segcache *s, uint32_t esp, uint32_t bytes,
                      uint16_t fault_sel);
/* After a return to an outer level: DS, ES, FS and GS that the new level may
 * not use are nulled (SDM Vol. 3, 5.8.6). */
void seg_null_inaccessible(struct cpu *c);
/* Recompute the checks of every cache after CR0.PE changes: real mode does
 * not check types (SDM Vol. 3, 20.1). */
void seg_mode_changed(struct cpu *c);

/* A code-segment target of a far transfer, checked (SDM Vol. 3, 5.8). */
void far_jump_prot(struct cpu *c, uint16_t sel, uint32_t off, int osize);
void far_call_prot(struct cpu *c, uint16_t sel, uint32_t off, int osize);
void far_return_prot(struct cpu *c, int osize, uint32_t release);
/* RET and IRET to CS:EIP once 'frame' bytes (EIP, CS and, for IRET, FLAGS of
 * 'size' bytes each) are read: to the same level, or to an outer one whose
 * ESP and SS follow the frame and 'release' bytes of parameters. */
void far_return_to(struct cpu *c, uint16_t cs, uint32_t eip, int size, uint32_t frame,
                   uint32_t release);

/* The stack for privilege 'dpl' from the current TSS (SDM Vol. 3, 7.2.1). */
void tss_stack(struct cpu *c, int dpl, uint16_t *ss, uint32_t *esp);

enum task_reason { TASK_JMP, TASK_CALL, TASK_IRET, TASK_INT };
/* Switch to the task whose TSS descriptor 'sel' / 'd' names (already checked
 * for type and presence by the caller; SDM Vol. 3, 7.3). */
void task_switch(struct cpu *c, uint16_t sel, const struct desc *d, enum task_reason why);
/* JMP or CALL to a TSS or task gate descriptor 'd' named by 'sel'. */
void task_gate_transfer(struct cpu *c, uint16_t sel, const struct desc *d, enum task_reason why);

/* Keep what a stack switch is about to change, for exec.c to restore if
 * a fault interrupts it (c->undo); undo_done() once the switch is complete. */
static inline void undo_save(struct cpu *c)
{
	c->undo.valid = true;
	c->undo.esp = c->reg[REG_SP];
	c->undo.eflags = c->eflags;
	for (int s = 0; s < SEG_COUNT; s++)
		c->undo.seg[s] = c->seg[s];
}

static inline void undo_done(struct cpu *c)
{
	c->undo.valid = false;
}

/* Protected-mode interrupt delivery and IRET (SDM Vol. 3, 6.12; IRET). */
void intr_deliver_prot(struct cpu *c, int vector, bool software, bool has_error, uint32_t error);
void intr_return_prot(struct cpu *c, int size);

/* The TSS I/O permission bitmap for 'size' ports from 'port' (#GP(0) if
 * any is denied), when CPL > IOPL or in virtual-8086 mode (SDM Vol. 1, 19.5). */
void io_permission(struct cpu *c, uint16_t port, int size);

#endif
