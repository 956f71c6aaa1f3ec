/*
 * cpu/optab.c — the instruction set, once, as data: SDM Vol. 2 Appendix A
 * (one-byte map, two-byte 0F map, ModRM.reg groups), the 8086 aliases that
 * later chips turned into #UD, and the flags each instruction writes.
 *
 * Columns: mnemonic, handler, operands (dest first), sub-op, attributes, ISA
 * level, flags written, flags undefined. 0x000-0x0FF one-byte map,
 * 0x100-0x1FF the 0F map. Groups first.
 */
#include <stddef.h>

#include "flags.h"
#include "ops.h"

#define OSZAPC ARITH_FLAGS
#define OSZAP  (FLAG_OF | FLAG_SF | FLAG_ZF | FLAG_AF | FLAG_PF)
#define OSZP   (FLAG_OF | FLAG_SF | FLAG_ZF | FLAG_PF)
#define SZAP   (FLAG_SF | FLAG_ZF | FLAG_AF | FLAG_PF)
#define SZAPC  (FLAG_SF | FLAG_ZF | FLAG_AF | FLAG_PF | FLAG_CF)
#define OSAPC  (FLAG_OF | FLAG_SF | FLAG_AF | FLAG_PF | FLAG_CF)
#define OSAP   (FLAG_OF | FLAG_SF | FLAG_AF | FLAG_PF)
#define OAC    (FLAG_OF | FLAG_AF | FLAG_CF)
#define OA     (FLAG_OF | FLAG_AF)
#define OC     (FLAG_OF | FLAG_CF)
#define ALLF   0xffffu /* POPF, IRET: every flag may change */

/* Group 1 (80-83): ModRM.reg picks the operation. ORDER: SDM Table A-6. */
static const struct opdesc grp1[8] = {
	{ "add", op_alu, { NONE }, ALU_ADD, LOCKOK, ISA_86, OSZAPC },
	{ "or", op_alu, { NONE }, ALU_OR, LOCKOK, ISA_86, OSZAPC, FLAG_AF },
	{ "adc", op_alu, { NONE }, ALU_ADC, LOCKOK, ISA_86, OSZAPC },
	{ "sbb", op_alu, { NONE }, ALU_SBB, LOCKOK, ISA_86, OSZAPC },
	{ "and", op_alu, { NONE }, ALU_AND, LOCKOK, ISA_86, OSZAPC, FLAG_AF },
	{ "sub", op_alu, { NONE }, ALU_SUB, LOCKOK, ISA_86, OSZAPC },
	{ "xor", op_alu, { NONE }, ALU_XOR, LOCKOK, ISA_86, OSZAPC, FLAG_AF },
	{ "cmp", op_alu, { NONE }, ALU_CMP, NOWB, ISA_86, OSZAPC },
};

/* Group 1A (8F): only /0 exists; the 8086 ignores the reg field. */
static const struct opdesc grp1a[8] = {
	[0] = { "pop", op_pop, { NONE }, 0, 0, ISA_86 },
	[1] = { .alias = &grp1a[0] },
	[2] = { .alias = &grp1a[0] },
	[3] = { .alias = &grp1a[0] },
	[4] = { .alias = &grp1a[0] },
	[5] = { .alias = &grp1a[0] },
	[6] = { .alias = &grp1a[0] },
	[7] = { .alias = &grp1a[0] },
};

/* Group 2 (C0 C1 D0-D3): shifts and rotates. /6 is SETMO(C) on the 8086 and
 * SHL from the 186 on; op_shift reads the model. OF is undefined for counts
 * other than 1 and AF whenever the count is not 0 (the harness refines this). */
static const struct opdesc grp2[8] = {
	{ "rol", op_shift, { NONE }, SH_ROL, 0, ISA_86, OC, FLAG_OF },
	{ "ror", op_shift, { NONE }, SH_ROR, 0, ISA_86, OC, FLAG_OF },
	{ "rcl", op_shift, { NONE }, SH_RCL, 0, ISA_86, OC, FLAG_OF },
	{ "rcr", op_shift, { NONE }, SH_RCR, 0, ISA_86, OC, FLAG_OF },
	{ "shl", op_shift, { NONE }, SH_SHL, 0, ISA_86, OSZAPC, OA },
	{ "shr", op_shift, { NONE }, SH_SHR, 0, ISA_86, OSZAPC, OA },
	{ "sal", op_shift, { NONE }, SH_SAL6, 0, ISA_86, OSZAPC, OA },
	{ "sar", op_shift, { NONE }, SH_SAR, 0, ISA_86, OSZAPC, OA },
};

/* Group 3 (F6 F7). /1 is an undocumented TEST on the 8086 and the 286. */
static const struct opdesc grp3[8] = {
	{ "test", op_alu, { NONE, Ix }, ALU_TEST, NOWB, ISA_86, OSZAPC, FLAG_AF },
	{ "test", op_alu, { NONE, Ix }, ALU_TEST, NOWB, ISA_86, OSZAPC, FLAG_AF },
	{ "not", op_not, { NONE }, 0, LOCKOK, ISA_86 },
	{ "neg", op_neg, { NONE }, 0, LOCKOK, ISA_86, OSZAPC },
	{ "mul", op_mul, { NONE }, 0, 0, ISA_86, OSZAPC, SZAP },
	{ "imul", op_imul, { NONE }, 0, 0, ISA_86, OSZAPC, SZAP },
	{ "div", op_div, { NONE }, 0, 0, ISA_86, OSZAPC, OSZAPC },
	{ "idiv", op_idiv, { NONE }, 0, 0, ISA_86, OSZAPC, OSZAPC },
};

/* Group 4 (FE): INC/DEC r/m8; /2-/7 do not exist (the 8086 does something
 * undocumented there that the suites do not capture). */
static const struct opdesc grp4[8] = {
	{ "inc", op_incdec, { NONE }, 0, LOCKOK, ISA_86, OSZAP },
	{ "dec", op_incdec, { NONE }, 1, LOCKOK, ISA_86, OSZAP },
};

/* Group 5 (FF). /7 runs as PUSH on the 8086. */
static const struct opdesc grp5[8] = {
	{ "inc", op_incdec, { Ev }, 0, LOCKOK, ISA_86, OSZAP },
	{ "dec", op_incdec, { Ev }, 1, LOCKOK, ISA_86, OSZAP },
	{ "call", op_call, { Ev }, 0, JUMP, ISA_86 },
	{ "call far", op_call_far, { Mp }, 0, JUMP | MEMONLY, ISA_86 },
	{ "jmp", op_jmp, { Ev }, 0, JUMP, ISA_86 },
	{ "jmp far", op_jmp_far, { Mp }, 0, JUMP | MEMONLY, ISA_86 },
	{ "push", op_push, { Ev }, 0, 0, ISA_86 },
	{ .alias = &grp5[6] },
};

/* Group 11 (C6 C7): only /0 exists; the 8086 ignores the reg field. */
static const struct opdesc grp11[8] = {
	[0] = { "mov", op_mov, { NONE, Ix }, 0, 0, ISA_86 },
	[1] = { .alias = &grp11[0] },
	[2] = { .alias = &grp11[0] },
	[3] = { .alias = &grp11[0] },
	[4] = { .alias = &grp11[0] },
	[5] = { .alias = &grp11[0] },
	[6] = { .alias = &grp11[0] },
	[7] = { .alias = &grp11[0] },
};

/* Group 6 (0F 00): protected-mode descriptor instructions. */
static const struct opdesc grp6[8] = {
	{ "sldt", NULL, { Ew }, 0, PROT, ISA_286 },
	{ "str", NULL, { Ew }, 0, PROT, ISA_286 },
	{ "lldt", NULL, { Ew }, 0, PROT | PRIV, ISA_286 },
	{ "ltr", NULL, { Ew }, 0, PROT | PRIV, ISA_286 },
	{ "verr", NULL, { Ew }, 0, PROT, ISA_286, FLAG_ZF },
	{ "verw", NULL, { Ew }, 0, PROT, ISA_286, FLAG_ZF },
};

/* Group 7 (0F 01): descriptor-table registers and the machine status word. */
static const struct opdesc grp7[8] = {
	{ "sgdt", op_sgdt, { Ms }, DT_GDT, MEMONLY, ISA_286 },
	{ "sidt", op_sgdt, { Ms }, DT_IDT, MEMONLY, ISA_286 },
	{ "lgdt", op_lgdt, { Ms }, DT_GDT, MEMONLY | PRIV, ISA_286 },
	{ "lidt", op_lgdt, { Ms }, DT_IDT, MEMONLY | PRIV, ISA_286 },
	{ "smsw", op_smsw, { Ew }, 0, 0, ISA_286 },
	[6] = { "lmsw", op_lmsw, { Ew }, 0, PRIV, ISA_286 },
};

/* Group 8 (0F BA): bit tests with an immediate bit number. */
static const struct opdesc grp8[8] = {
	[4] = { "bt", op_bt, { NONE, Ib }, BT_BT, NOWB, ISA_386, OSZAPC, OSAP | FLAG_ZF },
	[5] = { "bts", op_bt, { NONE, Ib }, BT_BTS, LOCKOK, ISA_386, OSZAPC, OSAP | FLAG_ZF },
	[6] = { "btr", op_bt, { NONE, Ib }, BT_BTR, LOCKOK, ISA_386, OSZAPC, OSAP | FLAG_ZF },
	[7] = { "btc", op_bt, { NONE, Ib }, BT_BTC, LOCKOK, ISA_386, OSZAPC, OSAP | FLAG_ZF },
};

/* The eight ALU rows of 00-3F share one shape: Eb,Gb Ev,Gv Gb,Eb Gv,Ev AL,Ib eAX,Iz. */
#define ALU_ROWS(base, nm, sub, attr, undef)                                                         \
	[base + 0] = { nm, op_alu, { Eb, Gb }, sub, MODRM | (attr), ISA_86, OSZAPC, undef },         \
	        [base + 1] = { nm, op_alu, { Ev, Gv }, sub, MODRM | (attr), ISA_86, OSZAPC, undef }, \
	        [base + 2] = { nm,     op_alu, { Gb, Eb }, sub, MODRM | ((attr)&NOWB),               \
		               ISA_86, OSZAPC, undef },                                              \
	        [base + 3] = { nm,     op_alu, { Gv, Ev }, sub, MODRM | ((attr)&NOWB),               \
		               ISA_86, OSZAPC, undef },                                              \
	        [base + 4] = { nm, op_alu, { AL, Ib }, sub, (attr)&NOWB, ISA_86, OSZAPC, undef },    \
	        [base + 5] = { nm, op_alu, { eAX, Iz }, sub, (attr)&NOWB, ISA_86, OSZAPC, undef }

#define JCC_ROW(op, nm, cc, size) [op] = { nm, op_jcc, { size }, cc, JUMP, ISA_86 }

const struct opdesc optab[0x200] = {
	ALU_ROWS(0x00, "add", ALU_ADD, LOCKOK, 0),
	[0x06] = { "push", op_push, { rES }, 0, 0, ISA_86 },
	[0x07] = { "pop", op_pop, { rES }, 0, 0, ISA_86 },
	ALU_ROWS(0x08, "or", ALU_OR, LOCKOK, FLAG_AF),
	[0x0e] = { "push", op_push, { rCS }, 0, 0, ISA_86 },
	/* On the 8086, 0F is POP CS; from the 286 on, decode() reads the 0F map instead. */
	[0x0f] = { "pop", op_pop, { rCS }, 0, JUMP, ISA_86 },
	ALU_ROWS(0x10, "adc", ALU_ADC, LOCKOK, 0),
	[0x16] = { "push", op_push, { rSS }, 0, 0, ISA_86 },
	[0x17] = { "pop", op_pop, { rSS }, 0, 0, ISA_86 },
	ALU_ROWS(0x18, "sbb", ALU_SBB, LOCKOK, 0),
	[0x1e] = { "push", op_push, { rDS }, 0, 0, ISA_86 },
	[0x1f] = { "pop", op_pop, { rDS }, 0, 0, ISA_86 },
	ALU_ROWS(0x20, "and", ALU_AND, LOCKOK, FLAG_AF),
	[0x26] = { "es", NULL, { NONE }, PFX_SEG_ES, PREFIX, ISA_86 },
	[0x27] = { "daa", op_daa, { NONE }, 0, 0, ISA_86, OSZAPC, FLAG_OF },
	ALU_ROWS(0x28, "sub", ALU_SUB, LOCKOK, 0),
	[0x2e] = { "cs", NULL, { NONE }, PFX_SEG_CS, PREFIX, ISA_86 },
	[0x2f] = { "das", op_das, { NONE }, 0, 0, ISA_86, OSZAPC, FLAG_OF },
	ALU_ROWS(0x30, "xor", ALU_XOR, LOCKOK, FLAG_AF),
	[0x36] = { "ss", NULL, { NONE }, PFX_SEG_SS, PREFIX, ISA_86 },
	[0x37] = { "aaa", op_aaa, { NONE }, 0, 0, ISA_86, OSZAPC, OSZP },
	ALU_ROWS(0x38, "cmp", ALU_CMP, NOWB, 0),
	[0x3e] = { "ds", NULL, { NONE }, PFX_SEG_DS, PREFIX, ISA_86 },
	[0x3f] = { "aas", op_aas, { NONE }, 0, 0, ISA_86, OSZAPC, OSZP },

	[0x40] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP },
	[0x41] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP },
	[0x42] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP },
	[0x43] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP },
	[0x44] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP },
	[0x45] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP },
	[0x46] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP },
	[0x47] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP },
	[0x48] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP },
	[0x49] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP },
	[0x4a] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP },
	[0x4b] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP },
	[0x4c] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP },
	[0x4d] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP },
	[0x4e] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP },
	[0x4f] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP },
	[0x50] = { "push", op_push, { Zv }, 0, 0, ISA_86 },
	[0x51] = { "push", op_push, { Zv }, 0, 0, ISA_86 },
	[0x52] = { "push", op_push, { Zv }, 0, 0, ISA_86 },
	[0x53] = { "push", op_push, { Zv }, 0, 0, ISA_86 },
	[0x54] = { "push", op_push, { Zv }, 0, 0, ISA_86 },
	[0x55] = { "push", op_push, { Zv }, 0, 0, ISA_86 },
	[0x56] = { "push", op_push, { Zv }, 0, 0, ISA_86 },
	[0x57] = { "push", op_push, { Zv }, 0, 0, ISA_86 },
	[0x58] = { "pop", op_pop, { Zv }, 0, 0, ISA_86 },
	[0x59] = { "pop", op_pop, { Zv }, 0, 0, ISA_86 },
	[0x5a] = { "pop", op_pop, { Zv }, 0, 0, ISA_86 },
	[0x5b] = { "pop", op_pop, { Zv }, 0, 0, ISA_86 },
	[0x5c] = { "pop", op_pop, { Zv }, 0, 0, ISA_86 },
	[0x5d] = { "pop", op_pop, { Zv }, 0, 0, ISA_86 },
	[0x5e] = { "pop", op_pop, { Zv }, 0, 0, ISA_86 },
	[0x5f] = { "pop", op_pop, { Zv }, 0, 0, ISA_86 },

	/* 60-6F: 186/286/386 additions; the 8086 decodes them as 70-7F. */
	[0x60] = { "pusha", op_pusha, { NONE }, 0, 0, ISA_186, .alias = &optab[0x70] },
	[0x61] = { "popa", op_popa, { NONE }, 0, 0, ISA_186, .alias = &optab[0x71] },
	[0x62] = { "bound",
	           op_bound,
	           { Gv, Ma },
	           0,
	           MODRM | MEMONLY,
	           ISA_186,
	           .alias = &optab[0x72] },
	[0x63] = { "arpl",
	           NULL,
	           { Ew, Gw },
	           0,
	           MODRM | PROT,
	           ISA_286,
	           FLAG_ZF,
	           .alias = &optab[0x73] },
	[0x64] = { "fs", NULL, { NONE }, PFX_SEG_FS, PREFIX, ISA_386, .alias = &optab[0x74] },
	[0x65] = { "gs", NULL, { NONE }, PFX_SEG_GS, PREFIX, ISA_386, .alias = &optab[0x75] },
	[0x66] = { "o32", NULL, { NONE }, PFX_OSIZE, PREFIX, ISA_386, .alias = &optab[0x76] },
	[0x67] = { "a32", NULL, { NONE }, PFX_ASIZE, PREFIX, ISA_386, .alias = &optab[0x77] },
	[0x68] = { "push", op_push, { Iz }, 0, 0, ISA_186, .alias = &optab[0x78] },
	[0x69] = { "imul",
	           op_imul_rm,
	           { Gv, Ev, Iz },
	           0,
	           MODRM,
	           ISA_186,
	           OSZAPC,
	           SZAP,
	           .alias = &optab[0x79] },
	[0x6a] = { "push", op_push, { sIb }, 0, 0, ISA_186, .alias = &optab[0x7a] },
	[0x6b] = { "imul",
	           op_imul_rm,
	           { Gv, Ev, sIb },
	           0,
	           MODRM,
	           ISA_186,
	           OSZAPC,
	           SZAP,
	           .alias = &optab[0x7b] },
	[0x6c] = { "insb", op_ins, { Yb, DX }, 0, STRING, ISA_186, .alias = &optab[0x7c] },
	[0x6d] = { "insw",
	           op_ins,
	           { Yv, DX },
	           0,
	           STRING,
	           ISA_186,
	           .alias = &optab[0x7d],
	           .name32 = "insd" },
	[0x6e] = { "outsb", op_outs, { DX, Xb }, 0, STRING, ISA_186, .alias = &optab[0x7e] },
	[0x6f] = { "outsw",
	           op_outs,
	           { DX, Xv },
	           0,
	           STRING,
	           ISA_186,
	           .alias = &optab[0x7f],
	           .name32 = "outsd" },

	JCC_ROW(0x70, "jo", CC_O, Jb),
	JCC_ROW(0x71, "jno", CC_NO, Jb),
	JCC_ROW(0x72, "jc", CC_B, Jb),
	JCC_ROW(0x73, "jnc", CC_NB, Jb),
	JCC_ROW(0x74, "jz", CC_Z, Jb),
	JCC_ROW(0x75, "jnz", CC_NZ, Jb),
	JCC_ROW(0x76, "jna", CC_BE, Jb),
	JCC_ROW(0x77, "ja", CC_A, Jb),
	JCC_ROW(0x78, "js", CC_S, Jb),
	JCC_ROW(0x79, "jns", CC_NS, Jb),
	JCC_ROW(0x7a, "jpe", CC_P, Jb),
	JCC_ROW(0x7b, "jpo", CC_NP, Jb),
	JCC_ROW(0x7c, "jl", CC_L, Jb),
	JCC_ROW(0x7d, "jnl", CC_NL, Jb),
	JCC_ROW(0x7e, "jng", CC_LE, Jb),
	JCC_ROW(0x7f, "jg", CC_G, Jb),

	[0x80] = { .group = grp1, .opnd = { Eb, Ib }, .attr = MODRM },
	[0x81] = { .group = grp1, .opnd = { Ev, Iz }, .attr = MODRM },
	[0x82] = { .group = grp1, .opnd = { Eb, Ib }, .attr = MODRM }, /* same as 80 */
	[0x83] = { .group = grp1, .opnd = { Ev, sIb }, .attr = MODRM },
	[0x84] = { "test", op_alu, { Eb, Gb }, ALU_TEST, MODRM | NOWB, ISA_86, OSZAPC, FLAG_AF },
	[0x85] = { "test", op_alu, { Ev, Gv }, ALU_TEST, MODRM | NOWB, ISA_86, OSZAPC, FLAG_AF },
	[0x86] = { "xchg", op_xchg, { Eb, Gb }, 0, MODRM | LOCKOK, ISA_86 },
	[0x87] = { "xchg", op_xchg, { Ev, Gv }, 0, MODRM | LOCKOK, ISA_86 },
	[0x88] = { "mov", op_mov, { Eb, Gb }, 0, MODRM, ISA_86 },
	[0x89] = { "mov", op_mov, { Ev, Gv }, 0, MODRM, ISA_86 },
	[0x8a] = { "mov", op_mov, { Gb, Eb }, 0, MODRM, ISA_86 },
	[0x8b] = { "mov", op_mov, { Gv, Ev }, 0, MODRM, ISA_86 },
	[0x8c] = { "mov", op_mov_sreg, { Ew, Sw }, 0, MODRM, ISA_86 },
	[0x8d] = { "lea", op_lea, { Gv, M }, 0, MODRM | MEMONLY, ISA_86 },
	[0x8e] = { "mov", op_mov_sreg, { Sw, Ew }, 0, MODRM, ISA_86 },
	[0x8f] = { .group = grp1a, .opnd = { Ev }, .attr = MODRM },

	[0x90] = { "nop", op_nop, { NONE }, 0, 0, ISA_86 },
	[0x91] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86 },
	[0x92] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86 },
	[0x93] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86 },
	[0x94] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86 },
	[0x95] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86 },
	[0x96] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86 },
	[0x97] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86 },
	[0x98] = { "cbw", op_cbw, { NONE }, 0, 0, ISA_86, .name32 = "cwde" },
	[0x99] = { "cwd", op_cwd, { NONE }, 0, 0, ISA_86, .name32 = "cdq" },
	[0x9a] = { "call far", op_call_far, { Ap }, 0, JUMP, ISA_86 },
	[0x9b] = { "wait", op_wait, { NONE }, 0, 0, ISA_86 },
	[0x9c] = { "pushf", op_pushf, { NONE }, 0, 0, ISA_86 },
	[0x9d] = { "popf", op_popf, { NONE }, 0, 0, ISA_86, ALLF },
	[0x9e] = { "sahf", op_sahf, { NONE }, 0, 0, ISA_86, SZAPC },
	[0x9f] = { "lahf", op_lahf, { NONE }, 0, 0, ISA_86 },

	[0xa0] = { "mov", op_mov, { AL, Ob }, 0, 0, ISA_86 },
	[0xa1] = { "mov", op_mov, { eAX, Ov }, 0, 0, ISA_86 },
	[0xa2] = { "mov", op_mov, { Ob, AL }, 0, 0, ISA_86 },
	[0xa3] = { "mov", op_mov, { Ov, eAX }, 0, 0, ISA_86 },
	[0xa4] = { "movsb", op_movs, { Yb, Xb }, 0, STRING, ISA_86 },
	[0xa5] = { "movsw", op_movs, { Yv, Xv }, 0, STRING, ISA_86, .name32 = "movsd" },
	[0xa6] = { "cmpsb", op_cmps, { Xb, Yb }, 0, STRING | REPZ, ISA_86, OSZAPC },
	[0xa7] = { "cmpsw",
	           op_cmps,
	           { Xv, Yv },
	           0,
	           STRING | REPZ,
	           ISA_86,
	           OSZAPC,
	           .name32 = "cmpsd" },
	[0xa8] = { "test", op_alu, { AL, Ib }, ALU_TEST, NOWB, ISA_86, OSZAPC, FLAG_AF },
	[0xa9] = { "test", op_alu, { eAX, Iz }, ALU_TEST, NOWB, ISA_86, OSZAPC, FLAG_AF },
	[0xaa] = { "stosb", op_stos, { Yb, AL }, 0, STRING, ISA_86 },
	[0xab] = { "stosw", op_stos, { Yv, eAX }, 0, STRING, ISA_86, .name32 = "stosd" },
	[0xac] = { "lodsb", op_lods, { AL, Xb }, 0, STRING, ISA_86 },
	[0xad] = { "lodsw", op_lods, { eAX, Xv }, 0, STRING, ISA_86, .name32 = "lodsd" },
	[0xae] = { "scasb", op_scas, { AL, Yb }, 0, STRING | REPZ, ISA_86, OSZAPC },
	[0xaf] = { "scasw",
	           op_scas,
	           { eAX, Yv },
	           0,
	           STRING | REPZ,
	           ISA_86,
	           OSZAPC,
	           .name32 = "scasd" },

	[0xb0] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86 },
	[0xb1] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86 },
	[0xb2] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86 },
	[0xb3] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86 },
	[0xb4] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86 },
	[0xb5] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86 },
	[0xb6] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86 },
	[0xb7] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86 },
	[0xb8] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86 },
	[0xb9] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86 },
	[0xba] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86 },
	[0xbb] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86 },
	[0xbc] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86 },
	[0xbd] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86 },
	[0xbe] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86 },
	[0xbf] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86 },

	/* C0/C1 and C8/C9 are 186 additions; the 8086 decodes them as C2/C3 and CA/CB. */
	[0xc0] = { .group = grp2,
	           .opnd = { Eb, Ib },
	           .attr = MODRM,
	           .isa = ISA_186,
	           .alias = &optab[0xc2] },
	[0xc1] = { .group = grp2,
	           .opnd = { Ev, Ib },
	           .attr = MODRM,
	           .isa = ISA_186,
	           .alias = &optab[0xc3] },
	[0xc2] = { "ret", op_ret, { Iw }, 0, JUMP, ISA_86 },
	[0xc3] = { "ret", op_ret, { NONE }, 0, JUMP, ISA_86 },
	[0xc4] = { "les", op_lseg, { Gv, Mp }, SEG_ES, MODRM | MEMONLY, ISA_86 },
	[0xc5] = { "lds", op_lseg, { Gv, Mp }, SEG_DS, MODRM | MEMONLY, ISA_86 },
	[0xc6] = { .group = grp11, .opnd = { Eb }, .attr = MODRM },
	[0xc7] = { .group = grp11, .opnd = { Ev }, .attr = MODRM },
	[0xc8] = { "enter", op_enter, { Iw, Ib }, 0, 0, ISA_186, .alias = &optab[0xca] },
	[0xc9] = { "leave", op_leave, { NONE }, 0, 0, ISA_186, .alias = &optab[0xcb] },
	[0xca] = { "retf", op_retf, { Iw }, 0, JUMP, ISA_86 },
	[0xcb] = { "retf", op_retf, { NONE }, 0, JUMP, ISA_86 },
	[0xcc] = { "int3", op_int3, { NONE }, 0, JUMP, ISA_86, FLAG_IF | FLAG_TF },
	[0xcd] = { "int", op_int, { Ib }, 0, JUMP, ISA_86, FLAG_IF | FLAG_TF },
	[0xce] = { "into", op_into, { NONE }, 0, JUMP, ISA_86, FLAG_IF | FLAG_TF },
	[0xcf] = { "iret", op_iret, { NONE }, 0, JUMP, ISA_86, ALLF },

	[0xd0] = { .group = grp2, .opnd = { Eb, ONE }, .attr = MODRM },
	[0xd1] = { .group = grp2, .opnd = { Ev, ONE }, .attr = MODRM },
	[0xd2] = { .group = grp2, .opnd = { Eb, CL }, .attr = MODRM },
	[0xd3] = { .group = grp2, .opnd = { Ev, CL }, .attr = MODRM },
	[0xd4] = { "aam", op_aam, { Ib }, 0, 0, ISA_86, OSZAPC, OAC },
	[0xd5] = { "aad", op_aad, { Ib }, 0, 0, ISA_86, OSZAPC, OAC },
	[0xd6] = { "salc", op_salc, { NONE }, 0, 0, ISA_86 },
	[0xd7] = { "xlatb", op_xlat, { NONE }, 0, 0, ISA_86 },
	/* ESC: the coprocessor's opcodes. With no FPU the CPU only forms the address. */
	[0xd8] = { "esc", op_esc, { Ev }, 0, MODRM, ISA_86 },
	[0xd9] = { "esc", op_esc, { Ev }, 1, MODRM, ISA_86 },
	[0xda] = { "esc", op_esc, { Ev }, 2, MODRM, ISA_86 },
	[0xdb] = { "esc", op_esc, { Ev }, 3, MODRM, ISA_86 },
	[0xdc] = { "esc", op_esc, { Ev }, 4, MODRM, ISA_86 },
	[0xdd] = { "esc", op_esc, { Ev }, 5, MODRM, ISA_86 },
	[0xde] = { "esc", op_esc, { Ev }, 6, MODRM, ISA_86 },
	[0xdf] = { "esc", op_esc, { Ev }, 7, MODRM, ISA_86 },

	[0xe0] = { "loopne", op_loop, { Jb }, LP_LOOPNE, JUMP, ISA_86 },
	[0xe1] = { "loope", op_loop, { Jb }, LP_LOOPE, JUMP, ISA_86 },
	[0xe2] = { "loop", op_loop, { Jb }, LP_LOOP, JUMP, ISA_86 },
	[0xe3] = { "jcxz", op_loop, { Jb }, LP_JCXZ, JUMP, ISA_86 },
	[0xe4] = { "in", op_in, { AL, Ib }, 0, 0, ISA_86 },
	[0xe5] = { "in", op_in, { eAX, Ib }, 0, 0, ISA_86 },
	[0xe6] = { "out", op_out, { Ib, AL }, 0, 0, ISA_86 },
	[0xe7] = { "out", op_out, { Ib, eAX }, 0, 0, ISA_86 },
	[0xe8] = { "call", op_call, { Jz }, 0, JUMP, ISA_86 },
	[0xe9] = { "jmp", op_jmp, { Jz }, 0, JUMP, ISA_86 },
	[0xea] = { "jmp far", op_jmp_far, { Ap }, 0, JUMP, ISA_86 },
	[0xeb] = { "jmp", op_jmp, { Jb }, 0, JUMP, ISA_86 },
	[0xec] = { "in", op_in, { AL, DX }, 0, 0, ISA_86 },
	[0xed] = { "in", op_in, { eAX, DX }, 0, 0, ISA_86 },
	[0xee] = { "out", op_out, { DX, AL }, 0, 0, ISA_86 },
	[0xef] = { "out", op_out, { DX, eAX }, 0, 0, ISA_86 },

	[0xf0] = { "lock", NULL, { NONE }, PFX_LOCK, PREFIX, ISA_86 },
	[0xf1] = { "lock", NULL, { NONE }, PFX_LOCK, PREFIX, ISA_86 }, /* undocumented alias */
	[0xf2] = { "repne", NULL, { NONE }, PFX_REPNE, PREFIX, ISA_86 },
	[0xf3] = { "rep", NULL, { NONE }, PFX_REP, PREFIX, ISA_86 },
	[0xf4] = { "hlt", op_hlt, { NONE }, 0, PRIV, ISA_86 },
	[0xf5] = { "cmc", op_flagop, { NONE }, FL_CMC, 0, ISA_86, FLAG_CF },
	[0xf6] = { .group = grp3, .opnd = { Eb }, .attr = MODRM },
	[0xf7] = { .group = grp3, .opnd = { Ev }, .attr = MODRM },
	[0xf8] = { "clc", op_flagop, { NONE }, FL_CLC, 0, ISA_86, FLAG_CF },
	[0xf9] = { "stc", op_flagop, { NONE }, FL_STC, 0, ISA_86, FLAG_CF },
	[0xfa] = { "cli", op_flagop, { NONE }, FL_CLI, 0, ISA_86, FLAG_IF },
	[0xfb] = { "sti", op_flagop, { NONE }, FL_STI, 0, ISA_86, FLAG_IF },
	[0xfc] = { "cld", op_flagop, { NONE }, FL_CLD, 0, ISA_86, FLAG_DF },
	[0xfd] = { "std", op_flagop, { NONE }, FL_STD, 0, ISA_86, FLAG_DF },
	[0xfe] = { .group = grp4, .opnd = { Eb }, .attr = MODRM },
	[0xff] = { .group = grp5, .opnd = { Ev }, .attr = MODRM },

	/* The 0F map: 286 system instructions, then the 386 additions. */
	[0x100] = { .group = grp6, .opnd = { Ew }, .attr = MODRM, .isa = ISA_286 },
	[0x101] = { .group = grp7, .opnd = { NONE }, .attr = MODRM, .isa = ISA_286 },
	[0x102] = { "lar", NULL, { Gv, Ew }, 0, MODRM | PROT, ISA_286, FLAG_ZF },
	[0x103] = { "lsl", NULL, { Gv, Ew }, 0, MODRM | PROT, ISA_286, FLAG_ZF },
	[0x106] = { "clts", op_clts, { NONE }, 0, PRIV, ISA_286 },
	[0x120] = { "mov", op_mov_cr, { Rd, Cd }, 0, MODRM | PRIV, ISA_386 },
	[0x121] = { "mov", op_mov_dr, { Rd, Dd }, 0, MODRM | PRIV, ISA_386 },
	[0x122] = { "mov", op_mov_cr, { Cd, Rd }, 1, MODRM | PRIV, ISA_386 },
	[0x123] = { "mov", op_mov_dr, { Dd, Rd }, 1, MODRM | PRIV, ISA_386 },
	[0x180] = { "jo", op_jcc, { Jz }, CC_O, JUMP, ISA_386 },
	[0x181] = { "jno", op_jcc, { Jz }, CC_NO, JUMP, ISA_386 },
	[0x182] = { "jc", op_jcc, { Jz }, CC_B, JUMP, ISA_386 },
	[0x183] = { "jnc", op_jcc, { Jz }, CC_NB, JUMP, ISA_386 },
	[0x184] = { "jz", op_jcc, { Jz }, CC_Z, JUMP, ISA_386 },
	[0x185] = { "jnz", op_jcc, { Jz }, CC_NZ, JUMP, ISA_386 },
	[0x186] = { "jna", op_jcc, { Jz }, CC_BE, JUMP, ISA_386 },
	[0x187] = { "ja", op_jcc, { Jz }, CC_A, JUMP, ISA_386 },
	[0x188] = { "js", op_jcc, { Jz }, CC_S, JUMP, ISA_386 },
	[0x189] = { "jns", op_jcc, { Jz }, CC_NS, JUMP, ISA_386 },
	[0x18a] = { "jpe", op_jcc, { Jz }, CC_P, JUMP, ISA_386 },
	[0x18b] = { "jpo", op_jcc, { Jz }, CC_NP, JUMP, ISA_386 },
	[0x18c] = { "jl", op_jcc, { Jz }, CC_L, JUMP, ISA_386 },
	[0x18d] = { "jnl", op_jcc, { Jz }, CC_NL, JUMP, ISA_386 },
	[0x18e] = { "jng", op_jcc, { Jz }, CC_LE, JUMP, ISA_386 },
	[0x18f] = { "jg", op_jcc, { Jz }, CC_G, JUMP, ISA_386 },
	[0x190] = { "seto", op_setcc, { Eb }, CC_O, MODRM, ISA_386 },
	[0x191] = { "setno", op_setcc, { Eb }, CC_NO, MODRM, ISA_386 },
	[0x192] = { "setc", op_setcc, { Eb }, CC_B, MODRM, ISA_386 },
	[0x193] = { "setnc", op_setcc, { Eb }, CC_NB, MODRM, ISA_386 },
	[0x194] = { "setz", op_setcc, { Eb }, CC_Z, MODRM, ISA_386 },
	[0x195] = { "setnz", op_setcc, { Eb }, CC_NZ, MODRM, ISA_386 },
	[0x196] = { "setna", op_setcc, { Eb }, CC_BE, MODRM, ISA_386 },
	[0x197] = { "seta", op_setcc, { Eb }, CC_A, MODRM, ISA_386 },
	[0x198] = { "sets", op_setcc, { Eb }, CC_S, MODRM, ISA_386 },
	[0x199] = { "setns", op_setcc, { Eb }, CC_NS, MODRM, ISA_386 },
	[0x19a] = { "setpe", op_setcc, { Eb }, CC_P, MODRM, ISA_386 },
	[0x19b] = { "setpo", op_setcc, { Eb }, CC_NP, MODRM, ISA_386 },
	[0x19c] = { "setl", op_setcc, { Eb }, CC_L, MODRM, ISA_386 },
	[0x19d] = { "setnl", op_setcc, { Eb }, CC_NL, MODRM, ISA_386 },
	[0x19e] = { "setng", op_setcc, { Eb }, CC_LE, MODRM, ISA_386 },
	[0x19f] = { "setg", op_setcc, { Eb }, CC_G, MODRM, ISA_386 },
	[0x1a0] = { "push", op_push, { rFS }, 0, 0, ISA_386 },
	[0x1a1] = { "pop", op_pop, { rFS }, 0, 0, ISA_386 },
	[0x1a3] = { "bt", op_bt, { Ev, Gv }, BT_BT, MODRM | NOWB, ISA_386, OSZAPC, OSAP | FLAG_ZF },
	[0x1a4] = { "shld", op_shld, { Ev, Gv, Ib }, 0, MODRM, ISA_386, OSZAPC, OA },
	[0x1a5] = { "shld", op_shld, { Ev, Gv, CL }, 0, MODRM, ISA_386, OSZAPC, OA },
	[0x1a8] = { "push", op_push, { rGS }, 0, 0, ISA_386 },
	[0x1a9] = { "pop", op_pop, { rGS }, 0, 0, ISA_386 },
	[0x1ab] = { "bts",
	            op_bt,
	            { Ev, Gv },
	            BT_BTS,
	            MODRM | LOCKOK,
	            ISA_386,
	            OSZAPC,
	            OSAP | FLAG_ZF },
	[0x1ac] = { "shrd", op_shrd, { Ev, Gv, Ib }, 0, MODRM, ISA_386, OSZAPC, OA },
	[0x1ad] = { "shrd", op_shrd, { Ev, Gv, CL }, 0, MODRM, ISA_386, OSZAPC, OA },
	[0x1af] = { "imul", op_imul_rm, { Gv, Ev }, 0, MODRM, ISA_386, OSZAPC, SZAP },
	[0x1b2] = { "lss", op_lseg, { Gv, Mp }, SEG_SS, MODRM | MEMONLY, ISA_386 },
	[0x1b3] = { "btr",
	            op_bt,
	            { Ev, Gv },
	            BT_BTR,
	            MODRM | LOCKOK,
	            ISA_386,
	            OSZAPC,
	            OSAP | FLAG_ZF },
	[0x1b4] = { "lfs", op_lseg, { Gv, Mp }, SEG_FS, MODRM | MEMONLY, ISA_386 },
	[0x1b5] = { "lgs", op_lseg, { Gv, Mp }, SEG_GS, MODRM | MEMONLY, ISA_386 },
	[0x1b6] = { "movzx", op_movzx, { Gv, Eb }, 0, MODRM, ISA_386 },
	[0x1b7] = { "movzx", op_movzx, { Gv, Ew }, 0, MODRM, ISA_386 },
	[0x1ba] = { .group = grp8, .opnd = { Ev, Ib }, .attr = MODRM, .isa = ISA_386 },
	[0x1bb] = { "btc",
	            op_bt,
	            { Ev, Gv },
	            BT_BTC,
	            MODRM | LOCKOK,
	            ISA_386,
	            OSZAPC,
	            OSAP | FLAG_ZF },
	[0x1bc] = { "bsf", op_bsf, { Gv, Ev }, 0, MODRM, ISA_386, OSZAPC, OSAPC },
	[0x1bd] = { "bsr", op_bsr, { Gv, Ev }, 0, MODRM, ISA_386, OSZAPC, OSAPC },
	[0x1be] = { "movsx", op_movsx, { Gv, Eb }, 0, MODRM, ISA_386 },
	[0x1bf] = { "movsx", op_movsx, { Gv, Ew }, 0, MODRM, ISA_386 },
};

/* What a CPU without #UD (the 8086) runs for a byte that has no row at all. */
static const struct opdesc undefined_row = { "(undefined)", op_undefined, { NONE }, 0, 0, ISA_86 };

const struct opdesc *optab_resolve(const struct opdesc *row, const struct cpu_traits *t, bool prot)
{
	bool present =
	        (row->name || row->group) && row->isa <= t->isa && (prot || !(row->attr & PROT));

	if (present)
		return row;
	if (t->has_ud)
		return NULL;
	if (row->alias)
		return row->alias;
	return &undefined_row;
}
