/*
 * cpu/debug_hooks.h — the places where the CPU reports to an attached
 * debugger (cpu/debug.h): before an instruction, after a memory or port
 * access, after entering an interrupt handler. Each is called only when
 * c->debug is set. Internal to cpu/.
 */
#ifndef X86LAB_DEBUG_HOOKS_H
#define X86LAB_DEBUG_HOOKS_H

#include "debug.h"

/* Before the instruction at CS:EIP: true when the CPU must stop there
 * (a breakpoint, or an event of the previous instruction still pending). */
bool debug_before_insn(struct cpu *c);
/* After an access of 'size' bytes at linear 'lin'. 'old' is the memory's
 * value before a write (the value read, for a read). */
void debug_memory(struct cpu *c, uint32_t lin, int size, bool write, uint32_t old, uint32_t val);
/* Whether an access to [lin, lin+size) could match a watchpoint of 'kind'
 * (so a write knows to keep the old value). */
bool debug_watches(const struct cpu *c, uint32_t lin, int size, int kind);
void debug_port(struct cpu *c, uint16_t port, int size, bool write, uint32_t val);
void debug_caught(struct cpu *c, int vector, enum cpu_intr_source source, uint16_t cs,
                  uint32_t eip);

#endif
