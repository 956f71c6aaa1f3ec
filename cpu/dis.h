/*
 * cpu/dis.h — the disassembler: a decoded instruction as NASM-syntax text,
 * spelled as ndisasm spells it, from the same opcode table the executor
 * runs. Internal to cpu/; front ends use cpu/inspect.h.
 */
#ifndef X86LAB_DIS_H
#define X86LAB_DIS_H

#include <stddef.h>

#include "insn.h"

/* Write the text of 'in' into 'buf'. 'addr' is the offset of its first
 * byte (relative targets are shown absolute); 'code32' the mode's default
 * sizes (which prefixes ndisasm shows depends on them). */
void dis_format(const struct insn *in, uint32_t addr, bool code32, char *buf, size_t len);

/* The coprocessor instruction of an ESC opcode (D8-DF) by name, with its
 * memory operand written by 'address' (dis.c's bracket syntax). False for
 * encodings no coprocessor defines: the caller shows them as ESC. */
bool dis_x87(const struct insn *in, char *buf, size_t len,
             void (*address)(char *, size_t, const struct insn *));

#endif
