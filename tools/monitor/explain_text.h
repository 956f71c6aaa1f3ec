/*
 * tools/monitor/explain_text.h — what the parts of the `explain` text share:
 * the colour style, the label column, register, segment and flag names.
 * Internal to explain*.c.
 */
#ifndef X86LAB_MON_EXPLAIN_TEXT_H
#define X86LAB_MON_EXPLAIN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cpu.h"
#include "inspect.h"

/* ANSI attributes, or none: every piece of output goes through one of these. */
struct style {
	const char *label, *value, *dim, *off;
};
extern const struct style explain_plain, explain_ansi;

#define LABEL_WIDTH 13
#define BYTES_WIDTH 12 /* the column of hex bytes in the encoding lines */

extern const char *const explain_seg_upper[SEG_COUNT];
extern const char *const explain_seg_lower[SEG_COUNT];

/* FLAGS bits by name, in the order debuggers show them (OF DF IF TF SF ZF AF PF CF). */
struct explain_flag {
	const char *name;
	uint32_t mask;
};
extern const struct explain_flag explain_flags[];
extern const size_t explain_nflags;

const char *reg_name(int size, int r);
/* One output line: an indented label column, then the formatted text. */
void line(FILE *out, const struct style *st, const char *label, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
const char *bits(char *buf, unsigned v, int n);
void hex_bytes(char *buf, size_t size, const uint8_t *b, int n);
uint32_t little_endian(const uint8_t *b, int n);
/* The opcode as the table indexes it: 0x000-0x0FF, or 0x100 + the byte after 0F. */
unsigned opcode_of(const struct cpu_insn_info *in);
/* Opcodes whose ModRM.reg picks the operation (SDM Table A-6 groups, ESC). */
bool reg_is_extension(unsigned op);
bool is_cmps_or_scas(const struct cpu_insn_info *in);
/* The displacement as the signed number it is. */
int32_t signed_disp(const struct cpu_insn_info *in);

/* The header line (CS:IP, bytes, text) and the encoding, field by field. */
void explain_header(FILE *out, const struct style *st, const struct cpu *c,
                    const struct cpu_insn_info *in);
void explain_encoding(FILE *out, const struct style *st, const struct cpu_insn_info *in);
/* In protected mode: the descriptors, limits and privilege checks the
 * instruction involves, and what they decide (explain_protection.c). */
void explain_protection(FILE *out, const struct style *st, struct cpu *c,
                        const struct cpu_insn_info *in);
/* In protected and virtual-8086 mode: what IOPL (and the I/O permission
 * bitmap) decide for I/O, CLI, STI, and V86's sensitive instructions
 * (explain_iopl.c). */
void explain_iopl(FILE *out, const struct style *st, const struct cpu *c,
                  const struct cpu_insn_info *in);

#endif
