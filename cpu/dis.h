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

#endif
