/*
 * cpu/inspect.h — instructions as data for front ends: decode without
 * executing (no side effects, memory read with mem_peek), the NASM-syntax
 * text, the fields of the encoding, and what the opcode table says about
 * them (what it does, which flags it reads, writes and leaves undefined).
 * Included by tools/ and tests.
 */
#ifndef X86LAB_INSPECT_H
#define X86LAB_INSPECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu.h"

enum cpu_insn_status { INSN_OK, INSN_UD, INSN_TOO_LONG };

/* Operand kinds of an instruction, as the monitor needs to explain them. */
enum cpu_operand_class {
	OPERAND_NONE,
	OPERAND_REG,    /* general register 'reg', 'size' bytes */
	OPERAND_SREG,   /* segment register 'reg' */
	OPERAND_MEM,    /* memory at the effective address (ModRM or moffs) */
	OPERAND_IMM,    /* immediate 'value' */
	OPERAND_REL,    /* relative jump target 'value' (already absolute) */
	OPERAND_FAR,    /* far pointer 'sel':'value' */
	OPERAND_STRING, /* the string operand DS:eSI or ES:eDI ('reg' = REG_SI or REG_DI) */
	OPERAND_OTHER,  /* a control or debug register, a constant 1 */
};

struct cpu_operand {
	enum cpu_operand_class cls;
	uint8_t size; /* bytes */
	uint8_t reg;
	uint16_t sel;
	uint32_t value;
};

struct cpu_insn_info {
	enum cpu_insn_status status;
	uint8_t len;
	uint8_t bytes[16];
	/* The encoding, field by field: prefixes, opcode (1 or 2 bytes), ModRM,
	 * SIB, displacement, immediate(s), in this order. */
	uint8_t prefix_len, opcode_len, disp_len, imm_len, imm2_len;
	bool has_modrm, has_sib;
	uint8_t modrm, sib;
	uint8_t mod, reg, rm; /* ModRM fields */
	int8_t base, index;   /* REG_* of the effective address, or -1 */
	uint8_t scale;        /* log2 */
	uint32_t disp;        /* sign-extended */
	uint8_t osize, asize; /* operand and address size in bytes */
	int seg;              /* segment of the memory operand (SEG_*) */
	bool seg_override;
	int rep; /* 0, 0xF3 (REP/REPE) or 0xF2 (REPNE) */
	bool lock;
	struct cpu_operand operand[3]; /* destination first */
	const char *mnemonic;
	const char *what; /* one sentence: what the instruction does */
	uint32_t flags_read, flags_written, flags_undefined;
	bool is_call;   /* CALL: 'next' steps over it */
	bool is_int;    /* INT n, INT3, INTO */
	bool is_jump;   /* changes CS:IP (jumps, calls, returns, interrupts) */
	bool is_string; /* a string instruction (REP applies) */
	char text[96];  /* NASM syntax, as ndisasm prints it */
};

/* Decode the instruction at seg:off as the CPU would now (its model, CS.D
 * and mode), reading memory without side effects. Always fills 'out'. */
enum cpu_insn_status cpu_inspect(struct cpu *c, uint16_t cs_sel, uint32_t cs_base, uint32_t off,
                                 struct cpu_insn_info *out);
/* Decode bytes from a buffer ('addr' is the address of the first byte, for
 * relative targets); 16- or 32-bit code of the given model, every
 * instruction it has in any mode (a file has no mode). */
enum cpu_insn_status cpu_inspect_bytes(enum cpu_model model, bool code32, const uint8_t *bytes,
                                       size_t n, uint32_t addr, struct cpu_insn_info *out);
/* The effective address (offset) of the memory operand with the current registers. */
uint32_t cpu_insn_ea(const struct cpu *c, const struct cpu_insn_info *in);

/* The mnemonics of the opcode table, for completion and statistics: the
 * i-th distinct one, or NULL past the end. */
const char *cpu_mnemonic(int i);

#endif
