/*
 * tools/sst/model_diff.c — the documented differences between the 80286 in
 * real mode and the 386 (and 486) in real mode that show in the 80286 suite. Each
 * rule looks only at the test's instruction and initial state, never at
 * what x86lab does with it, so a rule cannot hide a bug in the model.
 */
#include "model_diff.h"

#include <string.h>

#include "inspect.h"

const char *const sst_diff_names[SST_DIFF_COUNT] = {
	[SST_DIFF_NONE] = "none",
	[SST_DIFF_LENGTH] =
	        "instruction longer than 10 bytes: exception 13 on the 286, "
	        "allowed up to 15 bytes on the 386 (80286 PRM, interrupt 13; SDM Vol. 2, "
	        "\"Instruction Format\")",
	[SST_DIFF_STACK_FAULT] = "real-mode overrun at offset FFFF in the stack segment: "
	                         "exception 13 on the 286, #SS (12) on the 386 (SDM Vol. 2, "
	                         "\"Real-Address Mode Exceptions\" of each instruction)",
	[SST_DIFF_STRING_FAULT] = "string instruction overrunning offset FFFF: the 286 wraps, "
	                          "moves SI/DI, then raises exception 13 (captured); the 386 "
	                          "faults before the access (SDM Vol. 2, MOVS/LODS/STOS/...)",
	[SST_DIFF_FLAGS_12_14] = "POPF/IRET of FLAGS bits 12-14 in real mode: the 286 keeps them "
	                         "0, the 386 loads IOPL and NT (SDM Vol. 3, \"IA-32 Architecture "
	                         "Compatibility\", EFLAGS; Intel AP-485 processor identification)",
	[SST_DIFF_FS_GS] = "MOV Sreg with reg 4 or 5: #UD on the 286, FS and GS on the 386 "
	                   "(SDM Vol. 2, MOV)",
	[SST_DIFF_ESC_OPERAND] = "ESC with a memory operand at offset FFFF and no coprocessor: "
	                         "the 286 reads the operand and raises exception 13; x86lab's "
	                         "386 does not touch it (not documented by Intel)",
};

static uint16_t reg(const struct moo_state *s, int r)
{
	return s->regs[r];
}

/* The initial byte at 'addr', or -1 when the test does not give it. */
static int init_byte(const struct moo_test *t, uint32_t addr)
{
	for (uint32_t i = 0; i < t->init.nram; i++)
		if (t->init.ram[i].addr == addr)
			return t->init.ram[i].val;
	return -1;
}

/* FLAGS as POPF (depth 0) or IRET (depth 4) would pop it. */
static int popped_flags(const struct moo_test *t, uint16_t depth)
{
	uint32_t ss = (uint32_t)reg(&t->init, MOO_SS) << 4;
	uint16_t sp = reg(&t->init, MOO_SP);
	int lo = init_byte(t, ss + (uint16_t)(sp + depth));
	int hi = init_byte(t, ss + (uint16_t)(sp + depth + 1));

	return lo < 0 || hi < 0 ? -1 : lo | hi << 8;
}

/* Instructions whose own stack accesses (not a ModRM operand) use SS:
 * PUSH/POP of segment registers, PUSHA/POPA, PUSH imm, POP r/m, far and
 * near CALL, PUSHF/POPF, RET, ENTER/LEAVE, INT, IRET; PUSH/POP reg and the
 * FF group's CALL and PUSH are tested apart. */
static const uint8_t stack_opcodes[] = { 0x06, 0x07, 0x0e, 0x16, 0x17, 0x1e, 0x1f, 0x60, 0x61,
	                                 0x68, 0x6a, 0x8f, 0x9a, 0x9c, 0x9d, 0xc2, 0xc3, 0xc8,
	                                 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf, 0xe8 };

static bool uses_stack(uint8_t op, uint8_t modrm_reg)
{
	if (op >= 0x50 && op <= 0x5f)
		return true;
	if (op == 0xff)
		return modrm_reg == 2 || modrm_reg == 3 || modrm_reg == 6;
	return memchr(stack_opcodes, op, sizeof stack_opcodes) != NULL;
}

static enum sst_diff diff_286_on_386(const struct moo_test *t)
{
	struct cpu_insn_info in;
	uint8_t op;
	bool overrun = t->has_excp && t->excp_vector == 13;

	cpu_inspect_bytes(CPU_386, false, t->bytes, t->nbytes, reg(&t->init, MOO_IP), &in);
	op = in.bytes[in.prefix_len];
	if (in.len > 10)
		return SST_DIFF_LENGTH;
	if ((op == 0x8c || op == 0x8e) && (in.reg == 4 || in.reg == 5))
		return SST_DIFF_FS_GS;
	if (op == 0x9d || op == 0xcf) {
		int f = popped_flags(t, op == 0x9d ? 0 : 4);
		if (f < 0 || (f & 0x7000))
			return SST_DIFF_FLAGS_12_14;
	}
	if (!overrun)
		return SST_DIFF_NONE;
	if (in.is_string)
		return SST_DIFF_STRING_FAULT;
	if (op >= 0xd8 && op <= 0xdf)
		return SST_DIFF_ESC_OPERAND;
	if ((in.has_modrm && in.mod != 3 && in.seg == SEG_SS) || uses_stack(op, in.reg))
		return SST_DIFF_STACK_FAULT;
	return SST_DIFF_NONE;
}

enum sst_diff sst_model_difference(enum cpu_model suite_model, enum cpu_model model,
                                   const struct moo_test *t)
{
	if (suite_model == CPU_286 && (model == CPU_386 || model == CPU_486))
		return diff_286_on_386(t);
	return SST_DIFF_NONE;
}
