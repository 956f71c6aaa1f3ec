/*
 * tools/monitor/explain.h — the text of the monitor's `explain` command: an
 * instruction taken apart byte by byte with its addresses worked out, and
 * what one step changed.
 */
#ifndef X86LAB_MON_EXPLAIN_H
#define X86LAB_MON_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cpu.h"
#include "inspect.h"

/* The registers before a step, to compare with after it. */
struct regsnap {
	uint32_t reg[8];
	uint32_t eip;
	uint32_t eflags;
	uint16_t sel[SEG_COUNT];
	uint32_t base[SEG_COUNT];
	uint32_t cr0;
};

void regsnap_take(struct regsnap *s, const struct cpu *c);

/* Explain the instruction at CS:IP, decoded into 'info' (cpu_inspect):
 *  - its bytes as prefixes, opcode, ModRM (mod, reg, rm and what each
 *    selects), SIB (scale, index, base), displacement and immediates;
 *  - what it does (info->what);
 *  - for a memory operand: the effective address step by step with the
 *    register values ("bx + si + 4 = 0x1000 + 0x0020 + 0x0004 = 0x1024",
 *    saying so when 16-bit addressing wraps), the segment (default or
 *    overridden, and why BP/SP addresses default to SS), then
 *    "DS:1024 = 0x1000*16 + 0x1024 = 0x11024 linear -> physical 0x11024"
 *    with the A20 or address-line wrap when it applies, and the value there;
 *    string operands, jump targets and interrupt vectors likewise;
 *  - the flags it reads (with their values now), writes and leaves undefined.
 * Plain text aligned in columns; ANSI colour only when 'color'. */
void explain_print(FILE *out, struct cpu *c, const struct cpu_insn_info *info, bool color);

/* What changed since 'before': registers (old -> new), flags by name
 * ("CF 0 -> 1"), CS:IP, and the 'mem_len' bytes at linear 'mem_lin' whose
 * old contents are 'mem_old' (mem_len 0: no memory was written). */
void explain_changes(FILE *out, const struct regsnap *before, const struct cpu *c, uint32_t mem_lin,
                     const uint8_t *mem_old, size_t mem_len, bool color);

#endif
