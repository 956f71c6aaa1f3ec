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
/* clang-format off */
static const struct opdesc grp1[8] = {
	{ "add", op_alu, { NONE }, ALU_ADD, LOCKOK, ISA_86, OSZAPC, .what = "Adds the source to the destination and sets the arithmetic flags from the result." },
	{ "or", op_alu, { NONE }, ALU_OR, LOCKOK, ISA_86, OSZAPC, FLAG_AF, .what = "Sets each destination bit that is set in the source (bitwise OR), clears CF and OF, and sets SF, ZF and PF from the result." },
	{ "adc", op_alu, { NONE }, ALU_ADC, LOCKOK, ISA_86, OSZAPC, .what = "Adds the source and CF to the destination, so that sums wider than a register can be built piece by piece, and sets the arithmetic flags from the result." },
	{ "sbb", op_alu, { NONE }, ALU_SBB, LOCKOK, ISA_86, OSZAPC, .what = "Subtracts the source and CF from the destination, so that differences wider than a register can be built piece by piece, and sets the arithmetic flags from the result." },
	{ "and", op_alu, { NONE }, ALU_AND, LOCKOK, ISA_86, OSZAPC, FLAG_AF, .what = "Keeps only the destination bits that are also set in the source (bitwise AND), clears CF and OF, and sets SF, ZF and PF from the result." },
	{ "sub", op_alu, { NONE }, ALU_SUB, LOCKOK, ISA_86, OSZAPC, .what = "Subtracts the source from the destination and sets the arithmetic flags from the result." },
	{ "xor", op_alu, { NONE }, ALU_XOR, LOCKOK, ISA_86, OSZAPC, FLAG_AF, .what = "Inverts each destination bit that is set in the source (bitwise exclusive OR), clears CF and OF, and sets SF, ZF and PF from the result." },
	{ "cmp", op_alu, { NONE }, ALU_CMP, NOWB, ISA_86, OSZAPC, .what = "Subtracts the source from the destination only to set the arithmetic flags, leaving both operands unchanged, so that a conditional jump can test the result." },
};
/* clang-format on */

/* Group 1A (8F): only /0 exists; the 8086 ignores the reg field. */
/* clang-format off */
static const struct opdesc grp1a[8] = {
	[0] = { "pop", op_pop, { NONE }, 0, 0, ISA_86, .what = "Loads the operand from the top of the stack (SS:SP), then increments SP by the operand size." },
	[1] = { .alias = &grp1a[0] },
	[2] = { .alias = &grp1a[0] },
	[3] = { .alias = &grp1a[0] },
	[4] = { .alias = &grp1a[0] },
	[5] = { .alias = &grp1a[0] },
	[6] = { .alias = &grp1a[0] },
	[7] = { .alias = &grp1a[0] },
};
/* clang-format on */

/* Group 2 (C0 C1 D0-D3): shifts and rotates. /6 is SETMO(C) on the 8086 and
 * SHL from the 186 on; op_shift reads the model. OF is undefined for counts
 * other than 1 and AF whenever the count is not 0 (the harness refines this). */
/* clang-format off */
static const struct opdesc grp2[8] = {
	{ "rol", op_shift, { NONE }, SH_ROL, 0, ISA_86, OC, FLAG_OF, .what = "Rotates the destination left by the count: each bit leaving the top comes back in at the bottom and is also copied into CF." },
	{ "ror", op_shift, { NONE }, SH_ROR, 0, ISA_86, OC, FLAG_OF, .what = "Rotates the destination right by the count: each bit leaving the bottom comes back in at the top and is also copied into CF." },
	{ "rcl", op_shift, { NONE }, SH_RCL, 0, ISA_86, OC, FLAG_OF, .what = "Rotates the destination and CF together left by the count, as if they were one value a bit wider." },
	{ "rcr", op_shift, { NONE }, SH_RCR, 0, ISA_86, OC, FLAG_OF, .what = "Rotates the destination and CF together right by the count, as if they were one value a bit wider." },
	{ "shl", op_shift, { NONE }, SH_SHL, 0, ISA_86, OSZAPC, OA, .what = "Shifts the destination left by the count, filling with zeros, which multiplies it by a power of two; the last bit shifted out goes into CF." },
	{ "shr", op_shift, { NONE }, SH_SHR, 0, ISA_86, OSZAPC, OA, .what = "Shifts the destination right by the count, filling with zeros, which divides an unsigned value by a power of two; the last bit shifted out goes into CF." },
	{ "sal", op_shift, { NONE }, SH_SAL6, 0, ISA_86, OSZAPC, OA, .what = "Undocumented: on the 8086 sets the destination to all ones (SETMO); later CPUs run it as SHL." },
	{ "sar", op_shift, { NONE }, SH_SAR, 0, ISA_86, OSZAPC, OA, .what = "Shifts the destination right by the count, copying the sign bit into the vacated bits, which divides a signed value by a power of two rounding down; the last bit shifted out goes into CF." },
};
/* clang-format on */

/* Group 3 (F6 F7). /1 is an undocumented TEST on the 8086 and the 286. */
/* clang-format off */
static const struct opdesc grp3[8] = {
	{ "test", op_alu, { NONE, Ix }, ALU_TEST, NOWB, ISA_86, OSZAPC, FLAG_AF, .what = "ANDs the two operands only to set SF, ZF and PF (CF and OF are cleared); neither operand changes." },
	{ "test", op_alu, { NONE, Ix }, ALU_TEST, NOWB, ISA_86, OSZAPC, FLAG_AF, .what = "Undocumented duplicate of TEST: aNDs the two operands only to set SF, ZF and PF (CF and OF are cleared); neither operand changes." },
	{ "not", op_not, { NONE }, 0, LOCKOK, ISA_86, .what = "Inverts every bit of the operand (one's complement)." },
	{ "neg", op_neg, { NONE }, 0, LOCKOK, ISA_86, OSZAPC, .what = "Replaces the operand with its two's complement (0 minus the operand); CF is set unless the operand was 0." },
	{ "mul", op_mul, { NONE }, 0, 0, ISA_86, OSZAPC, SZAP, .what = "Multiplies the accumulator (AL, AX or EAX) by the operand as unsigned numbers and stores the double-width product in AX, DX:AX or EDX:EAX; CF and OF tell whether the upper half is nonzero." },
	{ "imul", op_imul, { NONE }, 0, 0, ISA_86, OSZAPC, SZAP, .what = "Multiplies the accumulator (AL, AX or EAX) by the operand as signed numbers and stores the double-width product in AX, DX:AX or EDX:EAX; CF and OF tell whether the upper half holds more than sign bits." },
	{ "div", op_div, { NONE }, 0, 0, ISA_86, OSZAPC, OSZAPC, .what = "Divides AX, DX:AX or EDX:EAX by the operand as unsigned numbers, leaving the quotient in AL, AX or EAX and the remainder in AH, DX or EDX; a zero divisor or a quotient too big raises interrupt 0." },
	{ "idiv", op_idiv, { NONE }, 0, 0, ISA_86, OSZAPC, OSZAPC, .what = "Divides AX, DX:AX or EDX:EAX by the operand as signed numbers, rounding toward zero, leaving the quotient in AL, AX or EAX and the remainder in AH, DX or EDX; a zero divisor or a quotient too big raises interrupt 0." },
};
/* clang-format on */

/* Group 4 (FE): INC/DEC r/m8; /2-/7 do not exist (the 8086 does something
 * undocumented there that the suites do not capture). */
/* clang-format off */
static const struct opdesc grp4[8] = {
	{ "inc", op_incdec, { NONE }, 0, LOCKOK, ISA_86, OSZAP, .what = "Adds 1 to the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	{ "dec", op_incdec, { NONE }, 1, LOCKOK, ISA_86, OSZAP, .what = "Subtracts 1 from the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
};
/* clang-format on */

/* Group 5 (FF). /7 runs as PUSH on the 8086. */
/* clang-format off */
static const struct opdesc grp5[8] = {
	{ "inc", op_incdec, { Ev }, 0, LOCKOK, ISA_86, OSZAP, .what = "Adds 1 to the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	{ "dec", op_incdec, { Ev }, 1, LOCKOK, ISA_86, OSZAP, .what = "Subtracts 1 from the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	{ "call", op_call, { Ev }, 0, JUMP, ISA_86, .what = "Pushes the address of the next instruction and jumps to the offset held in the operand (an indirect near call)." },
	{ "call far", op_call_far, { Mp }, 0, JUMP | MEMONLY, ISA_86, .what = "Pushes CS and IP, then jumps to the far pointer stored in memory (the offset first, then the segment)." },
	{ "jmp", op_jmp, { Ev }, 0, JUMP, ISA_86, .what = "Jumps to the offset held in the operand (an indirect near jump)." },
	{ "jmp far", op_jmp_far, { Mp }, 0, JUMP | MEMONLY, ISA_86, .what = "Jumps to the far pointer stored in memory (the offset first, then the segment), loading both CS and IP." },
	{ "push", op_push, { Ev }, 0, 0, ISA_86, .what = "Decrements SP by the operand size and stores the operand at the new top of the stack (SS:SP)." },
	{ .alias = &grp5[6] },
};
/* clang-format on */

/* Group 11 (C6 C7): only /0 exists; the 8086 ignores the reg field. */
/* clang-format off */
static const struct opdesc grp11[8] = {
	[0] = { "mov", op_mov, { NONE, Ix }, 0, 0, ISA_86, .what = "Stores the immediate value into the destination." },
	[1] = { .alias = &grp11[0] },
	[2] = { .alias = &grp11[0] },
	[3] = { .alias = &grp11[0] },
	[4] = { .alias = &grp11[0] },
	[5] = { .alias = &grp11[0] },
	[6] = { .alias = &grp11[0] },
	[7] = { .alias = &grp11[0] },
};
/* clang-format on */

/* Group 6 (0F 00): protected-mode descriptor instructions. */
/* clang-format off */
static const struct opdesc grp6[8] = {
	{ "sldt", op_sldt, { Ew }, 0, PROT, ISA_286, .what = "Stores the selector held in the local descriptor table register (protected mode only)." },
	{ "str", op_str, { Ew }, 0, PROT, ISA_286, .what = "Stores the selector held in the task register (protected mode only)." },
	{ "lldt", op_lldt, { Ew }, 0, PROT | PRIV, ISA_286, .what = "Loads the local descriptor table register from a selector (protected mode only)." },
	{ "ltr", op_ltr, { Ew }, 0, PROT | PRIV, ISA_286, .what = "Loads the task register from a selector (protected mode only)." },
	{ "verr", op_verr, { Ew }, 0, PROT, ISA_286, FLAG_ZF, .what = "Sets ZF if the segment named by the selector may be read at the current privilege level (protected mode only)." },
	{ "verw", op_verw, { Ew }, 0, PROT, ISA_286, FLAG_ZF, .what = "Sets ZF if the segment named by the selector may be written at the current privilege level (protected mode only)." },
};
/* clang-format on */

/* Group 7 (0F 01): descriptor-table registers and the machine status word. */
/* clang-format off */
static const struct opdesc grp7[8] = {
	{ "sgdt", op_sgdt, { Ms }, DT_GDT, MEMONLY, ISA_286, .what = "Stores the limit and base of the global descriptor table register into 6 bytes of memory." },
	{ "sidt", op_sgdt, { Ms }, DT_IDT, MEMONLY, ISA_286, .what = "Stores the limit and base of the interrupt descriptor table register into 6 bytes of memory." },
	{ "lgdt", op_lgdt, { Ms }, DT_GDT, MEMONLY | PRIV, ISA_286, .what = "Loads the global descriptor table register's limit and base from 6 bytes of memory." },
	{ "lidt", op_lgdt, { Ms }, DT_IDT, MEMONLY | PRIV, ISA_286, .what = "Loads the interrupt descriptor table register's limit and base from 6 bytes of memory (in real mode this moves the interrupt vector table)." },
	{ "smsw", op_smsw, { Ew }, 0, 0, ISA_286, .what = "Stores the machine status word (the low 16 bits of CR0) into the operand." },
	[6] = { "lmsw", op_lmsw, { Ew }, 0, PRIV, ISA_286, .what = "Loads the low four bits of CR0 (the machine status word) from the operand; setting PE switches to protected mode." },
	[7] = { "invlpg", op_invlpg, { M }, 0, MEMONLY | PRIV, ISA_486, .what = "Removes the translation of the page holding the operand's address from the TLB, so that the next access walks the page tables again." },
};
/* clang-format on */

/* Group 8 (0F BA): bit tests with an immediate bit number. */
/* clang-format off */
static const struct opdesc grp8[8] = {
	[4] = { "bt", op_bt, { NONE, Ib }, BT_BT, NOWB, ISA_386, OSZAPC, OSAP | FLAG_ZF, .what = "Copies the bit of the destination selected by the bit number into CF." },
	[5] = { "bts", op_bt, { NONE, Ib }, BT_BTS, LOCKOK, ISA_386, OSZAPC, OSAP | FLAG_ZF, .what = "Copies the bit of the destination selected by the bit number into CF, then sets that bit to 1." },
	[6] = { "btr", op_bt, { NONE, Ib }, BT_BTR, LOCKOK, ISA_386, OSZAPC, OSAP | FLAG_ZF, .what = "Copies the bit of the destination selected by the bit number into CF, then clears that bit to 0." },
	[7] = { "btc", op_bt, { NONE, Ib }, BT_BTC, LOCKOK, ISA_386, OSZAPC, OSAP | FLAG_ZF, .what = "Copies the bit of the destination selected by the bit number into CF, then inverts that bit." },
};
/* clang-format on */

/* F1 before the 386: an undocumented duplicate of the LOCK prefix. */
static const struct opdesc lock_alias = { "lock",
	                                  NULL,
	                                  { NONE },
	                                  PFX_LOCK,
	                                  PREFIX,
	                                  ISA_86,
	                                  .what = "Undocumented duplicate of the LOCK prefix." };

/* The eight ALU rows of 00-3F share one shape: Eb,Gb Ev,Gv Gb,Eb Gv,Ev AL,Ib eAX,Iz. */
#define ALU_ROWS(base, nm, sub, attr, undef, desc)                                                 \
	[base + 0] = { nm,     op_alu, { Eb, Gb }, sub,         MODRM | (attr),                    \
		       ISA_86, OSZAPC, undef,      .what = desc },                                 \
	        [base + 1] = { nm,     op_alu, { Ev, Gv }, sub,         MODRM | (attr),            \
		               ISA_86, OSZAPC, undef,      .what = desc },                         \
	        [base + 2] = { nm,     op_alu, { Gb, Eb }, sub,         MODRM | ((attr)&NOWB),     \
		               ISA_86, OSZAPC, undef,      .what = desc },                         \
	        [base + 3] = { nm,     op_alu, { Gv, Ev }, sub,         MODRM | ((attr)&NOWB),     \
		               ISA_86, OSZAPC, undef,      .what = desc },                         \
	        [base + 4] = { nm,     op_alu, { AL, Ib }, sub,         (attr)&NOWB,               \
		               ISA_86, OSZAPC, undef,      .what = desc },                         \
	        [base + 5] = { nm,     op_alu, { eAX, Iz }, sub,         (attr)&NOWB,              \
		               ISA_86, OSZAPC, undef,       .what = desc }

#define JCC_ROW(op, nm, cc, size, desc)                                                            \
	[op] = { nm, op_jcc, { size }, cc, JUMP, ISA_86, .what = desc }

/* clang-format off */
const struct opdesc optab[0x200] = {
	ALU_ROWS(0x00, "add", ALU_ADD, LOCKOK, 0, "Adds the source to the destination and sets the arithmetic flags from the result."),
	[0x06] = { "push", op_push, { rES }, 0, 0, ISA_86, .what = "Decrements SP by 2 and stores ES at the new top of the stack (SS:SP)." },
	[0x07] = { "pop", op_pop, { rES }, 0, 0, ISA_86, .what = "Loads ES from the top of the stack (SS:SP), then increments SP by 2." },
	ALU_ROWS(0x08, "or", ALU_OR, LOCKOK, FLAG_AF, "Sets each destination bit that is set in the source (bitwise OR), clears CF and OF, and sets SF, ZF and PF from the result."),
	[0x0e] = { "push", op_push, { rCS }, 0, 0, ISA_86, .what = "Decrements SP by 2 and stores CS at the new top of the stack (SS:SP)." },
	/* On the 8086, 0F is POP CS; from the 286 on, decode() reads the 0F map instead. */
	[0x0f] = { "pop", op_pop, { rCS }, 0, JUMP, ISA_86, .what = "Loads CS from the top of the stack, so execution continues in another segment at the same IP (8086 only; later CPUs use 0F to start two-byte opcodes)." },
	ALU_ROWS(0x10, "adc", ALU_ADC, LOCKOK, 0, "Adds the source and CF to the destination, so that sums wider than a register can be built piece by piece, and sets the arithmetic flags from the result."),
	[0x16] = { "push", op_push, { rSS }, 0, 0, ISA_86, .what = "Decrements SP by 2 and stores SS at the new top of the stack (SS:SP)." },
	[0x17] = { "pop", op_pop, { rSS }, 0, 0, ISA_86, .what = "Loads SS from the top of the stack, then increments SP by 2; interrupts wait until after the next instruction so that SP can be loaded too." },
	ALU_ROWS(0x18, "sbb", ALU_SBB, LOCKOK, 0, "Subtracts the source and CF from the destination, so that differences wider than a register can be built piece by piece, and sets the arithmetic flags from the result."),
	[0x1e] = { "push", op_push, { rDS }, 0, 0, ISA_86, .what = "Decrements SP by 2 and stores DS at the new top of the stack (SS:SP)." },
	[0x1f] = { "pop", op_pop, { rDS }, 0, 0, ISA_86, .what = "Loads DS from the top of the stack (SS:SP), then increments SP by 2." },
	ALU_ROWS(0x20, "and", ALU_AND, LOCKOK, FLAG_AF, "Keeps only the destination bits that are also set in the source (bitwise AND), clears CF and OF, and sets SF, ZF and PF from the result."),
	[0x26] = { "es", NULL, { NONE }, PFX_SEG_ES, PREFIX, ISA_86, .what = "Makes the next instruction's memory operand use the ES segment instead of its default." },
	[0x27] = { "daa", op_daa, { NONE }, 0, 0, ISA_86, OSZAPC, FLAG_OF, .what = "Corrects AL after an addition of two packed BCD numbers so that it holds two decimal digits again, with CF as the decimal carry." },
	ALU_ROWS(0x28, "sub", ALU_SUB, LOCKOK, 0, "Subtracts the source from the destination and sets the arithmetic flags from the result."),
	[0x2e] = { "cs", NULL, { NONE }, PFX_SEG_CS, PREFIX, ISA_86, .what = "Makes the next instruction's memory operand use the CS segment instead of its default." },
	[0x2f] = { "das", op_das, { NONE }, 0, 0, ISA_86, OSZAPC, FLAG_OF, .what = "Corrects AL after a subtraction of two packed BCD numbers so that it holds two decimal digits again, with CF as the decimal borrow." },
	ALU_ROWS(0x30, "xor", ALU_XOR, LOCKOK, FLAG_AF, "Inverts each destination bit that is set in the source (bitwise exclusive OR), clears CF and OF, and sets SF, ZF and PF from the result."),
	[0x36] = { "ss", NULL, { NONE }, PFX_SEG_SS, PREFIX, ISA_86, .what = "Makes the next instruction's memory operand use the SS segment instead of its default." },
	[0x37] = { "aaa", op_aaa, { NONE }, 0, 0, ISA_86, OSZAPC, OSZP, .what = "Corrects AL after an addition of two unpacked BCD digits: if the low digit went past 9, adds 6 to AL, carries 1 into AH and sets AF and CF; the high half of AL is then cleared." },
	ALU_ROWS( 0x38, "cmp", ALU_CMP, NOWB, 0, "Subtracts the source from the destination only to set the arithmetic flags, leaving both operands unchanged, so that a conditional jump can test the result."),
	[0x3e] = { "ds", NULL, { NONE }, PFX_SEG_DS, PREFIX, ISA_86, .what = "Makes the next instruction's memory operand use the DS segment instead of its default." },
	[0x3f] = { "aas", op_aas, { NONE }, 0, 0, ISA_86, OSZAPC, OSZP, .what = "Corrects AL after a subtraction of two unpacked BCD digits: if the low digit went below 0, subtracts 6 from AL, borrows 1 from AH and sets AF and CF; the high half of AL is then cleared." },
	[0x40] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP, .what = "Adds 1 to the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x41] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP, .what = "Adds 1 to the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x42] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP, .what = "Adds 1 to the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x43] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP, .what = "Adds 1 to the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x44] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP, .what = "Adds 1 to the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x45] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP, .what = "Adds 1 to the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x46] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP, .what = "Adds 1 to the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x47] = { "inc", op_incdec, { Zv }, 0, 0, ISA_86, OSZAP, .what = "Adds 1 to the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x48] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP, .what = "Subtracts 1 from the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x49] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP, .what = "Subtracts 1 from the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x4a] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP, .what = "Subtracts 1 from the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x4b] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP, .what = "Subtracts 1 from the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x4c] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP, .what = "Subtracts 1 from the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x4d] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP, .what = "Subtracts 1 from the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x4e] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP, .what = "Subtracts 1 from the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x4f] = { "dec", op_incdec, { Zv }, 1, 0, ISA_86, OSZAP, .what = "Subtracts 1 from the operand and sets the arithmetic flags from the result, except CF, which keeps its value." },
	[0x50] = { "push", op_push, { Zv }, 0, 0, ISA_86, .what = "Decrements SP by the operand size and stores the operand at the new top of the stack (SS:SP)." },
	[0x51] = { "push", op_push, { Zv }, 0, 0, ISA_86, .what = "Decrements SP by the operand size and stores the operand at the new top of the stack (SS:SP)." },
	[0x52] = { "push", op_push, { Zv }, 0, 0, ISA_86, .what = "Decrements SP by the operand size and stores the operand at the new top of the stack (SS:SP)." },
	[0x53] = { "push", op_push, { Zv }, 0, 0, ISA_86, .what = "Decrements SP by the operand size and stores the operand at the new top of the stack (SS:SP)." },
	[0x54] = { "push", op_push, { Zv }, 0, 0, ISA_86, .what = "Decrements SP by the operand size and stores the operand at the new top of the stack (SS:SP)." },
	[0x55] = { "push", op_push, { Zv }, 0, 0, ISA_86, .what = "Decrements SP by the operand size and stores the operand at the new top of the stack (SS:SP)." },
	[0x56] = { "push", op_push, { Zv }, 0, 0, ISA_86, .what = "Decrements SP by the operand size and stores the operand at the new top of the stack (SS:SP)." },
	[0x57] = { "push", op_push, { Zv }, 0, 0, ISA_86, .what = "Decrements SP by the operand size and stores the operand at the new top of the stack (SS:SP)." },
	[0x58] = { "pop", op_pop, { Zv }, 0, 0, ISA_86, .what = "Loads the operand from the top of the stack (SS:SP), then increments SP by the operand size." },
	[0x59] = { "pop", op_pop, { Zv }, 0, 0, ISA_86, .what = "Loads the operand from the top of the stack (SS:SP), then increments SP by the operand size." },
	[0x5a] = { "pop", op_pop, { Zv }, 0, 0, ISA_86, .what = "Loads the operand from the top of the stack (SS:SP), then increments SP by the operand size." },
	[0x5b] = { "pop", op_pop, { Zv }, 0, 0, ISA_86, .what = "Loads the operand from the top of the stack (SS:SP), then increments SP by the operand size." },
	[0x5c] = { "pop", op_pop, { Zv }, 0, 0, ISA_86, .what = "Loads the operand from the top of the stack (SS:SP), then increments SP by the operand size." },
	[0x5d] = { "pop", op_pop, { Zv }, 0, 0, ISA_86, .what = "Loads the operand from the top of the stack (SS:SP), then increments SP by the operand size." },
	[0x5e] = { "pop", op_pop, { Zv }, 0, 0, ISA_86, .what = "Loads the operand from the top of the stack (SS:SP), then increments SP by the operand size." },
	[0x5f] = { "pop", op_pop, { Zv }, 0, 0, ISA_86, .what = "Loads the operand from the top of the stack (SS:SP), then increments SP by the operand size." },
	/* 60-6F: 186/286/386 additions; the 8086 decodes them as 70-7F. */
	[0x60] = { "pusha", op_pusha, { NONE }, 0, 0, ISA_186, .alias = &optab[0x70], .what = "Pushes AX, CX, DX, BX, the value SP had before, BP, SI and DI, in that order." },
	[0x61] = { "popa", op_popa, { NONE }, 0, 0, ISA_186, .alias = &optab[0x71], .what = "Pops DI, SI, BP, BX, DX, CX and AX, undoing PUSHA; the saved SP is skipped." },
	[0x62] = { "bound", op_bound, { Gv, Ma }, 0, MODRM | MEMONLY, ISA_186, .alias = &optab[0x72], .what = "Checks that the register, as a signed number, lies between the two bounds stored in memory, and raises interrupt 5 if it does not." },
	[0x63] = { "arpl", op_arpl, { Ew, Gw }, 0, MODRM | PROT, ISA_286, FLAG_ZF, .alias = &optab[0x73], .what = "Raises the requested privilege level of the destination selector to that of the source if it is lower, setting ZF when it changed (protected mode only)." },
	[0x64] = { "fs", NULL, { NONE }, PFX_SEG_FS, PREFIX, ISA_386, .alias = &optab[0x74], .what = "Makes the next instruction's memory operand use the FS segment instead of its default." },
	[0x65] = { "gs", NULL, { NONE }, PFX_SEG_GS, PREFIX, ISA_386, .alias = &optab[0x75], .what = "Makes the next instruction's memory operand use the GS segment instead of its default." },
	[0x66] = { "o32", NULL, { NONE }, PFX_OSIZE, PREFIX, ISA_386, .alias = &optab[0x76], .what = "Makes the next instruction use the other operand size (32 bits in 16-bit code)." },
	[0x67] = { "a32", NULL, { NONE }, PFX_ASIZE, PREFIX, ISA_386, .alias = &optab[0x77], .what = "Makes the next instruction use the other address size (32-bit addressing in 16-bit code)." },
	[0x68] = { "push", op_push, { Iz }, 0, 0, ISA_186, .alias = &optab[0x78], .what = "Decrements SP by the operand size and stores the operand at the new top of the stack (SS:SP)." },
	[0x69] = { "imul", op_imul_rm, { Gv, Ev, Iz }, 0, MODRM, ISA_186, OSZAPC, SZAP, .alias = &optab[0x79], .what = "Multiplies the source by the immediate as signed numbers and keeps the low half in the register; CF and OF are set when the product did not fit." },
	[0x6a] = { "push", op_push, { sIb }, 0, 0, ISA_186, .alias = &optab[0x7a], .what = "Decrements SP by the operand size and stores the operand at the new top of the stack (SS:SP)." },
	[0x6b] = { "imul", op_imul_rm, { Gv, Ev, sIb }, 0, MODRM, ISA_186, OSZAPC, SZAP, .alias = &optab[0x7b], .what = "Multiplies the source by the immediate as signed numbers and keeps the low half in the register; CF and OF are set when the product did not fit." },
	[0x6c] = { "insb", op_ins, { Yb, DX }, 0, STRING, ISA_186, .alias = &optab[0x7c], .what = "Reads a byte from the I/O port in DX into ES:DI, then moves DI by 1 (forward when DF is 0, backward when DF is 1)." },
	[0x6d] = { "insw", op_ins, { Yv, DX }, 0, STRING, ISA_186, .alias = &optab[0x7d], .name32 = "insd", .what = "Reads a word (or dword) from the I/O port in DX into ES:DI, then moves DI by its size (forward when DF is 0, backward when DF is 1)." },
	[0x6e] = { "outsb", op_outs, { DX, Xb }, 0, STRING, ISA_186, .alias = &optab[0x7e], .what = "Writes the byte at DS:SI to the I/O port in DX, then moves SI by 1 (forward when DF is 0, backward when DF is 1)." },
	[0x6f] = { "outsw", op_outs, { DX, Xv }, 0, STRING, ISA_186, .alias = &optab[0x7f], .name32 = "outsd", .what = "Writes the word (or dword) at DS:SI to the I/O port in DX, then moves SI by its size (forward when DF is 0, backward when DF is 1)." },
	JCC_ROW(0x70, "jo", CC_O, Jb, "Jumps to the target if OF is 1 (the last signed result overflowed)."),
	JCC_ROW(0x71, "jno", CC_NO, Jb, "Jumps to the target if OF is 0 (the last signed result did not overflow)."),
	JCC_ROW(0x72, "jc", CC_B, Jb, "Jumps to the target if CF is 1 (unsigned below, or a carry or borrow out)."),
	JCC_ROW(0x73, "jnc", CC_NB, Jb, "Jumps to the target if CF is 0 (unsigned above or equal)."),
	JCC_ROW(0x74, "jz", CC_Z, Jb, "Jumps to the target if ZF is 1 (the result was zero, or the compared values were equal)."),
	JCC_ROW(0x75, "jnz", CC_NZ, Jb, "Jumps to the target if ZF is 0 (the result was not zero, or the compared values differed)."),
	JCC_ROW(0x76, "jna", CC_BE, Jb, "Jumps to the target if CF or ZF is 1 (unsigned below or equal)."),
	JCC_ROW(0x77, "ja", CC_A, Jb, "Jumps to the target if CF and ZF are both 0 (unsigned above)."),
	JCC_ROW(0x78, "js", CC_S, Jb, "Jumps to the target if SF is 1 (the result was negative)."),
	JCC_ROW(0x79, "jns", CC_NS, Jb, "Jumps to the target if SF is 0 (the result was zero or positive)."),
	JCC_ROW(0x7a, "jpe", CC_P, Jb, "Jumps to the target if PF is 1 (the low byte of the result had an even number of 1 bits)."),
	JCC_ROW(0x7b, "jpo", CC_NP, Jb, "Jumps to the target if PF is 0 (the low byte of the result had an odd number of 1 bits)."),
	JCC_ROW(0x7c, "jl", CC_L, Jb, "Jumps to the target if SF differs from OF (signed less than)."),
	JCC_ROW(0x7d, "jnl", CC_NL, Jb, "Jumps to the target if SF equals OF (signed greater than or equal)."),
	JCC_ROW(0x7e, "jng", CC_LE, Jb, "Jumps to the target if ZF is 1 or SF differs from OF (signed less than or equal)."),
	JCC_ROW(0x7f, "jg", CC_G, Jb, "Jumps to the target if ZF is 0 and SF equals OF (signed greater than)."),
	[0x80] = { .group = grp1, .opnd = { Eb, Ib }, .attr = MODRM },
	[0x81] = { .group = grp1, .opnd = { Ev, Iz }, .attr = MODRM },
	[0x82] = { .group = grp1, .opnd = { Eb, Ib }, .attr = MODRM },
	/* same as 80 */
	[0x83] = { .group = grp1, .opnd = { Ev, sIb }, .attr = MODRM },
	[0x84] = { "test", op_alu, { Eb, Gb }, ALU_TEST, MODRM | NOWB, ISA_86, OSZAPC, FLAG_AF, .what = "ANDs the two operands only to set SF, ZF and PF (CF and OF are cleared); neither operand changes." },
	[0x85] = { "test", op_alu, { Ev, Gv }, ALU_TEST, MODRM | NOWB, ISA_86, OSZAPC, FLAG_AF, .what = "ANDs the two operands only to set SF, ZF and PF (CF and OF are cleared); neither operand changes." },
	[0x86] = { "xchg", op_xchg, { Eb, Gb }, 0, MODRM | LOCKOK, ISA_86, .what = "Swaps the contents of the two operands." },
	[0x87] = { "xchg", op_xchg, { Ev, Gv }, 0, MODRM | LOCKOK, ISA_86, .what = "Swaps the contents of the two operands." },
	[0x88] = { "mov", op_mov, { Eb, Gb }, 0, MODRM, ISA_86, .what = "Copies the source into the destination." },
	[0x89] = { "mov", op_mov, { Ev, Gv }, 0, MODRM, ISA_86, .what = "Copies the source into the destination." },
	[0x8a] = { "mov", op_mov, { Gb, Eb }, 0, MODRM, ISA_86, .what = "Copies the source into the destination." },
	[0x8b] = { "mov", op_mov, { Gv, Ev }, 0, MODRM, ISA_86, .what = "Copies the source into the destination." },
	[0x8c] = { "mov", op_mov_sreg, { Ew, Sw }, 0, MODRM, ISA_86, .what = "Copies a segment register into a general register or memory." },
	[0x8d] = { "lea", op_lea, { Gv, M }, 0, MODRM | MEMONLY, ISA_86, .what = "Computes the effective address (the offset) of the memory operand and stores that number in the register, without reading memory." },
	[0x8e] = { "mov", op_mov_sreg, { Sw, Ew }, 0, MODRM, ISA_86, .what = "Loads a segment register from a general register or memory; after a load of SS, interrupts wait until after the next instruction so that SP can be loaded too." },
	[0x8f] = { .group = grp1a, .opnd = { Ev }, .attr = MODRM },
	[0x90] = { "nop", op_nop, { NONE }, 0, 0, ISA_86, .what = "Does nothing; execution continues with the next instruction." },
	[0x91] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86, .what = "Swaps the register with the accumulator (AX or EAX)." },
	[0x92] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86, .what = "Swaps the register with the accumulator (AX or EAX)." },
	[0x93] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86, .what = "Swaps the register with the accumulator (AX or EAX)." },
	[0x94] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86, .what = "Swaps the register with the accumulator (AX or EAX)." },
	[0x95] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86, .what = "Swaps the register with the accumulator (AX or EAX)." },
	[0x96] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86, .what = "Swaps the register with the accumulator (AX or EAX)." },
	[0x97] = { "xchg", op_xchg, { Zv, eAX }, 0, 0, ISA_86, .what = "Swaps the register with the accumulator (AX or EAX)." },
	[0x98] = { "cbw", op_cbw, { NONE }, 0, 0, ISA_86, .name32 = "cwde", .what = "Sign-extends AL into AX (or AX into EAX), copying its top bit into every upper bit." },
	[0x99] = { "cwd", op_cwd, { NONE }, 0, 0, ISA_86, .name32 = "cdq", .what = "Sign-extends AX into DX:AX (or EAX into EDX:EAX), filling DX with copies of the sign bit of AX." },
	[0x9a] = { "call far", op_call_far, { Ap }, 0, JUMP, ISA_86, .what = "Pushes CS and IP, then jumps to the segment and offset given in the instruction." },
	[0x9b] = { "wait", op_wait, { NONE }, 0, 0, ISA_86, .what = "Waits until the coprocessor is no longer busy; with no coprocessor it does nothing." },
	[0x9c] = { "pushf", op_pushf, { NONE }, 0, 0, ISA_86, .what = "Pushes the FLAGS register onto the stack." },
	[0x9d] = { "popf", op_popf, { NONE }, 0, 0, ISA_86, ALLF, .what = "Pops the top of the stack into the FLAGS register." },
	[0x9e] = { "sahf", op_sahf, { NONE }, 0, 0, ISA_86, SZAPC, .what = "Copies AH into the low byte of FLAGS: SF, ZF, AF, PF and CF." },
	[0x9f] = { "lahf", op_lahf, { NONE }, 0, 0, ISA_86, .what = "Copies the low byte of FLAGS (SF, ZF, AF, PF and CF) into AH." },
	[0xa0] = { "mov", op_mov, { AL, Ob }, 0, 0, ISA_86, .what = "Loads AL from the memory offset given in the instruction." },
	[0xa1] = { "mov", op_mov, { eAX, Ov }, 0, 0, ISA_86, .what = "Loads AX (or EAX) from the memory offset given in the instruction." },
	[0xa2] = { "mov", op_mov, { Ob, AL }, 0, 0, ISA_86, .what = "Stores AL to the memory offset given in the instruction." },
	[0xa3] = { "mov", op_mov, { Ov, eAX }, 0, 0, ISA_86, .what = "Stores AX (or EAX) to the memory offset given in the instruction." },
	[0xa4] = { "movsb", op_movs, { Yb, Xb }, 0, STRING, ISA_86, .what = "Copies the byte at DS:SI to ES:DI, then moves SI and DI by 1 (forward when DF is 0, backward when DF is 1)." },
	[0xa5] = { "movsw", op_movs, { Yv, Xv }, 0, STRING, ISA_86, .name32 = "movsd", .what = "Copies the word (or dword) at DS:SI to ES:DI, then moves SI and DI by its size (forward when DF is 0, backward when DF is 1)." },
	[0xa6] = { "cmpsb", op_cmps, { Xb, Yb }, 0, STRING | REPZ, ISA_86, OSZAPC, .what = "Compares the byte at DS:SI with the byte at ES:DI by subtracting them, sets the arithmetic flags, then moves SI and DI by 1 (forward when DF is 0, backward when DF is 1)." },
	[0xa7] = { "cmpsw", op_cmps, { Xv, Yv }, 0, STRING | REPZ, ISA_86, OSZAPC, .name32 = "cmpsd", .what = "Compares the word (or dword) at DS:SI with the one at ES:DI by subtracting them, sets the arithmetic flags, then moves SI and DI by its size (forward when DF is 0, backward when DF is 1)." },
	[0xa8] = { "test", op_alu, { AL, Ib }, ALU_TEST, NOWB, ISA_86, OSZAPC, FLAG_AF, .what = "ANDs the two operands only to set SF, ZF and PF (CF and OF are cleared); neither operand changes." },
	[0xa9] = { "test", op_alu, { eAX, Iz }, ALU_TEST, NOWB, ISA_86, OSZAPC, FLAG_AF, .what = "ANDs the two operands only to set SF, ZF and PF (CF and OF are cleared); neither operand changes." },
	[0xaa] = { "stosb", op_stos, { Yb, AL }, 0, STRING, ISA_86, .what = "Stores AL at ES:DI, then moves DI by 1 (forward when DF is 0, backward when DF is 1)." },
	[0xab] = { "stosw", op_stos, { Yv, eAX }, 0, STRING, ISA_86, .name32 = "stosd", .what = "Stores AX (or EAX) at ES:DI, then moves DI by its size (forward when DF is 0, backward when DF is 1)." },
	[0xac] = { "lodsb", op_lods, { AL, Xb }, 0, STRING, ISA_86, .what = "Loads the byte at DS:SI into AL, then moves SI by 1 (forward when DF is 0, backward when DF is 1)." },
	[0xad] = { "lodsw", op_lods, { eAX, Xv }, 0, STRING, ISA_86, .name32 = "lodsd", .what = "Loads the word (or dword) at DS:SI into AX (or EAX), then moves SI by its size (forward when DF is 0, backward when DF is 1)." },
	[0xae] = { "scasb", op_scas, { AL, Yb }, 0, STRING | REPZ, ISA_86, OSZAPC, .what = "Compares AL with the byte at ES:DI by subtracting, sets the arithmetic flags, then moves DI by 1 (forward when DF is 0, backward when DF is 1)." },
	[0xaf] = { "scasw", op_scas, { eAX, Yv }, 0, STRING | REPZ, ISA_86, OSZAPC, .name32 = "scasd", .what = "Compares AX (or EAX) with the value at ES:DI by subtracting, sets the arithmetic flags, then moves DI by its size (forward when DF is 0, backward when DF is 1)." },
	[0xb0] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xb1] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xb2] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xb3] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xb4] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xb5] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xb6] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xb7] = { "mov", op_mov, { Zb, Ib }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xb8] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xb9] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xba] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xbb] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xbc] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xbd] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xbe] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	[0xbf] = { "mov", op_mov, { Zv, Iv }, 0, 0, ISA_86, .what = "Loads the immediate value into the register." },
	/* C0/C1 and C8/C9 are 186 additions; the 8086 decodes them as C2/C3 and CA/CB. */
	[0xc0] = { .group = grp2, .opnd = { Eb, Ib }, .attr = MODRM, .isa = ISA_186, .alias = &optab[0xc2] },
	[0xc1] = { .group = grp2, .opnd = { Ev, Ib }, .attr = MODRM, .isa = ISA_186, .alias = &optab[0xc3] },
	[0xc2] = { "ret", op_ret, { Iw }, 0, JUMP, ISA_86, .what = "Pops IP from the stack, then removes the given number of bytes of arguments from the stack." },
	[0xc3] = { "ret", op_ret, { NONE }, 0, JUMP, ISA_86, .what = "Pops IP from the stack, returning to the instruction after the CALL." },
	[0xc4] = { "les", op_lseg, { Gv, Mp }, SEG_ES, MODRM | MEMONLY, ISA_86, .what = "Loads a far pointer from memory: the first word (or dword) into the register and the word after it into ES." },
	[0xc5] = { "lds", op_lseg, { Gv, Mp }, SEG_DS, MODRM | MEMONLY, ISA_86, .what = "Loads a far pointer from memory: the first word (or dword) into the register and the word after it into DS." },
	[0xc6] = { .group = grp11, .opnd = { Eb }, .attr = MODRM },
	[0xc7] = { .group = grp11, .opnd = { Ev }, .attr = MODRM },
	[0xc8] = { "enter", op_enter, { Iw, Ib }, 0, 0, ISA_186, .alias = &optab[0xca], .what = "Builds a stack frame: pushes BP, copies outer frame pointers for nested procedures, points BP at the frame and reserves the given number of bytes below it." },
	[0xc9] = { "leave", op_leave, { NONE }, 0, 0, ISA_186, .alias = &optab[0xcb], .what = "Removes the stack frame made by ENTER: copies BP into SP, then pops BP." },
	[0xca] = { "retf", op_retf, { Iw }, 0, JUMP, ISA_86, .what = "Pops IP and then CS from the stack, then removes the given number of bytes of arguments from the stack." },
	[0xcb] = { "retf", op_retf, { NONE }, 0, JUMP, ISA_86, .what = "Pops IP and then CS from the stack, returning from a far call." },
	[0xcc] = { "int3", op_int3, { NONE }, 0, JUMP, ISA_86, FLAG_IF | FLAG_TF, .what = "Pushes FLAGS, CS and IP, clears IF and TF, and jumps through vector 3, the breakpoint handler." },
	[0xcd] = { "int", op_int, { Ib }, 0, JUMP, ISA_86, FLAG_IF | FLAG_TF, .what = "Pushes FLAGS, CS and IP, clears IF and TF, and jumps through the interrupt vector given in the instruction." },
	[0xce] = { "into", op_into, { NONE }, 0, JUMP, ISA_86, FLAG_IF | FLAG_TF, .what = "If OF is 1, pushes FLAGS, CS and IP, clears IF and TF, and jumps through vector 4; otherwise does nothing." },
	[0xcf] = { "iret", op_iret, { NONE }, 0, JUMP, ISA_86, ALLF, .what = "Pops IP, CS and FLAGS, returning from an interrupt handler to the interrupted code." },
	[0xd0] = { .group = grp2, .opnd = { Eb, ONE }, .attr = MODRM },
	[0xd1] = { .group = grp2, .opnd = { Ev, ONE }, .attr = MODRM },
	[0xd2] = { .group = grp2, .opnd = { Eb, CL }, .attr = MODRM },
	[0xd3] = { .group = grp2, .opnd = { Ev, CL }, .attr = MODRM },
	[0xd4] = { "aam", op_aam, { Ib }, 0, 0, ISA_86, OSZAPC, OAC, .what = "Divides AL by the immediate (normally 10), leaving the quotient in AH and the remainder in AL: two unpacked BCD digits." },
	[0xd5] = { "aad", op_aad, { Ib }, 0, 0, ISA_86, OSZAPC, OAC, .what = "Multiplies AH by the immediate (normally 10), adds AL, stores the sum in AL and clears AH, joining two unpacked BCD digits into one binary number." },
	[0xd6] = { "salc", op_salc, { NONE }, 0, 0, ISA_86, .what = "Undocumented: sets AL to FFh if CF is 1, and to 00h if CF is 0." },
	[0xd7] = { "xlatb", op_xlat, { NONE }, 0, 0, ISA_86, .what = "Replaces AL with the byte at DS:BX+AL, looking it up in a table of up to 256 bytes." },
	/* ESC: the coprocessor's opcodes. With no FPU the CPU only forms the address. */
	[0xd8] = { "esc", op_esc, { Ev }, 0, MODRM, ISA_86, .what = "Passes an instruction to the floating-point coprocessor; with none present the CPU only computes the operand's address." },
	[0xd9] = { "esc", op_esc, { Ev }, 1, MODRM, ISA_86, .what = "Passes an instruction to the floating-point coprocessor; with none present the CPU only computes the operand's address." },
	[0xda] = { "esc", op_esc, { Ev }, 2, MODRM, ISA_86, .what = "Passes an instruction to the floating-point coprocessor; with none present the CPU only computes the operand's address." },
	[0xdb] = { "esc", op_esc, { Ev }, 3, MODRM, ISA_86, .what = "Passes an instruction to the floating-point coprocessor; with none present the CPU only computes the operand's address." },
	[0xdc] = { "esc", op_esc, { Ev }, 4, MODRM, ISA_86, .what = "Passes an instruction to the floating-point coprocessor; with none present the CPU only computes the operand's address." },
	[0xdd] = { "esc", op_esc, { Ev }, 5, MODRM, ISA_86, .what = "Passes an instruction to the floating-point coprocessor; with none present the CPU only computes the operand's address." },
	[0xde] = { "esc", op_esc, { Ev }, 6, MODRM, ISA_86, .what = "Passes an instruction to the floating-point coprocessor; with none present the CPU only computes the operand's address." },
	[0xdf] = { "esc", op_esc, { Ev }, 7, MODRM, ISA_86, .what = "Passes an instruction to the floating-point coprocessor; with none present the CPU only computes the operand's address." },
	[0xe0] = { "loopne", op_loop, { Jb }, LP_LOOPNE, JUMP, ISA_86, .what = "Decrements CX and jumps if CX is not zero and ZF is 0 (the decrement changes no flags)." },
	[0xe1] = { "loope", op_loop, { Jb }, LP_LOOPE, JUMP, ISA_86, .what = "Decrements CX and jumps if CX is not zero and ZF is 1 (the decrement changes no flags)." },
	[0xe2] = { "loop", op_loop, { Jb }, LP_LOOP, JUMP, ISA_86, .what = "Decrements CX and jumps if it is not zero (flags are not changed)." },
	[0xe3] = { "jcxz", op_loop, { Jb }, LP_JCXZ, JUMP, ISA_86, .what = "Jumps if CX is zero (flags are not changed)." },
	[0xe4] = { "in", op_in, { AL, Ib }, 0, 0, ISA_86, .what = "Reads a byte from the I/O port given in the instruction into AL." },
	[0xe5] = { "in", op_in, { eAX, Ib }, 0, 0, ISA_86, .what = "Reads a word (or dword) from the I/O port given in the instruction into AX (or EAX)." },
	[0xe6] = { "out", op_out, { Ib, AL }, 0, 0, ISA_86, .what = "Writes AL to the I/O port given in the instruction." },
	[0xe7] = { "out", op_out, { Ib, eAX }, 0, 0, ISA_86, .what = "Writes AX (or EAX) to the I/O port given in the instruction." },
	[0xe8] = { "call", op_call, { Jz }, 0, JUMP, ISA_86, .what = "Pushes the address of the next instruction and jumps to the target (a near call)." },
	[0xe9] = { "jmp", op_jmp, { Jz }, 0, JUMP, ISA_86, .what = "Jumps to the target by adding the displacement to IP." },
	[0xea] = { "jmp far", op_jmp_far, { Ap }, 0, JUMP, ISA_86, .what = "Jumps to the segment and offset given in the instruction, loading both CS and IP." },
	[0xeb] = { "jmp", op_jmp, { Jb }, 0, JUMP, ISA_86, .what = "Jumps to the target by adding the displacement to IP." },
	[0xec] = { "in", op_in, { AL, DX }, 0, 0, ISA_86, .what = "Reads a byte from the I/O port numbered by DX into AL." },
	[0xed] = { "in", op_in, { eAX, DX }, 0, 0, ISA_86, .what = "Reads a word (or dword) from the I/O port numbered by DX into AX (or EAX)." },
	[0xee] = { "out", op_out, { DX, AL }, 0, 0, ISA_86, .what = "Writes AL to the I/O port numbered by DX." },
	[0xef] = { "out", op_out, { DX, eAX }, 0, 0, ISA_86, .what = "Writes AX (or EAX) to the I/O port numbered by DX." },
	[0xf0] = { "lock", NULL, { NONE }, PFX_LOCK, PREFIX, ISA_86, .what = "Makes the next instruction's read-modify-write of memory atomic by holding the bus." },
	[0xf1] = { "int1", op_int1, { NONE }, 0, JUMP, ISA_386, FLAG_IF | FLAG_TF, .alias = &lock_alias, .what = "Raises the debug exception (vector 1) as a trap, the undocumented in-circuit-emulator breakpoint (ICEBP); before the 386 the byte is an undocumented LOCK prefix." },
	/* undocumented alias */
	[0xf2] = { "repne", NULL, { NONE }, PFX_REPNE, PREFIX, ISA_86, .what = "Repeats the next string instruction, counting CX down to 0; CMPS and SCAS also stop as soon as ZF becomes 1." },
	[0xf3] = { "rep", NULL, { NONE }, PFX_REP, PREFIX, ISA_86, .what = "Repeats the next string instruction, counting CX down to 0; CMPS and SCAS also stop as soon as ZF becomes 0." },
	[0xf4] = { "hlt", op_hlt, { NONE }, 0, PRIV, ISA_86, .what = "Stops executing instructions until an interrupt or a reset arrives." },
	[0xf5] = { "cmc", op_flagop, { NONE }, FL_CMC, 0, ISA_86, FLAG_CF, .what = "Inverts CF." },
	[0xf6] = { .group = grp3, .opnd = { Eb }, .attr = MODRM },
	[0xf7] = { .group = grp3, .opnd = { Ev }, .attr = MODRM },
	[0xf8] = { "clc", op_flagop, { NONE }, FL_CLC, 0, ISA_86, FLAG_CF, .what = "Clears CF to 0." },
	[0xf9] = { "stc", op_flagop, { NONE }, FL_STC, 0, ISA_86, FLAG_CF, .what = "Sets CF to 1." },
	[0xfa] = { "cli", op_flagop, { NONE }, FL_CLI, 0, ISA_86, FLAG_IF, .what = "Clears IF, so the CPU ignores maskable hardware interrupts." },
	[0xfb] = { "sti", op_flagop, { NONE }, FL_STI, 0, ISA_86, FLAG_IF, .what = "Sets IF, so the CPU accepts maskable hardware interrupts again from after the next instruction." },
	[0xfc] = { "cld", op_flagop, { NONE }, FL_CLD, 0, ISA_86, FLAG_DF, .what = "Clears DF, so string instructions move SI and DI forward (upward)." },
	[0xfd] = { "std", op_flagop, { NONE }, FL_STD, 0, ISA_86, FLAG_DF, .what = "Sets DF, so string instructions move SI and DI backward (downward)." },
	[0xfe] = { .group = grp4, .opnd = { Eb }, .attr = MODRM },
	[0xff] = { .group = grp5, .opnd = { Ev }, .attr = MODRM },
	/* The 0F map: 286 system instructions, then the 386 additions. */
	[0x100] = { .group = grp6, .opnd = { Ew }, .attr = MODRM, .isa = ISA_286 },
	[0x101] = { .group = grp7, .opnd = { NONE }, .attr = MODRM, .isa = ISA_286 },
	[0x102] = { "lar", op_lar, { Gv, Ew }, 0, MODRM | PROT, ISA_286, FLAG_ZF, .what = "Loads the access rights of the descriptor named by the selector, setting ZF when it is visible (protected mode only)." },
	[0x103] = { "lsl", op_lsl, { Gv, Ew }, 0, MODRM | PROT, ISA_286, FLAG_ZF, .what = "Loads the limit of the segment named by the selector, setting ZF when it is visible (protected mode only)." },
	[0x106] = { "clts", op_clts, { NONE }, 0, PRIV, ISA_286, .what = "Clears the task-switched flag (TS) in CR0." },
	[0x120] = { "mov", op_mov_cr, { Rd, Cd }, 0, MODRM | PRIV, ISA_386, .what = "Copies a control register into a general register." },
	[0x121] = { "mov", op_mov_dr, { Rd, Dd }, 0, MODRM | PRIV, ISA_386, .what = "Copies a debug register into a general register." },
	[0x122] = { "mov", op_mov_cr, { Cd, Rd }, 1, MODRM | PRIV, ISA_386, .what = "Loads a control register from a general register; setting CR0.PE enters protected mode." },
	[0x123] = { "mov", op_mov_dr, { Dd, Rd }, 1, MODRM | PRIV, ISA_386, .what = "Loads a debug register from a general register." },
	[0x180] = { "jo", op_jcc, { Jz }, CC_O, JUMP, ISA_386, .what = "Jumps to the target if OF is 1 (the last signed result overflowed)." },
	[0x181] = { "jno", op_jcc, { Jz }, CC_NO, JUMP, ISA_386, .what = "Jumps to the target if OF is 0 (the last signed result did not overflow)." },
	[0x182] = { "jc", op_jcc, { Jz }, CC_B, JUMP, ISA_386, .what = "Jumps to the target if CF is 1 (unsigned below, or a carry or borrow out)." },
	[0x183] = { "jnc", op_jcc, { Jz }, CC_NB, JUMP, ISA_386, .what = "Jumps to the target if CF is 0 (unsigned above or equal)." },
	[0x184] = { "jz", op_jcc, { Jz }, CC_Z, JUMP, ISA_386, .what = "Jumps to the target if ZF is 1 (the result was zero, or the compared values were equal)." },
	[0x185] = { "jnz", op_jcc, { Jz }, CC_NZ, JUMP, ISA_386, .what = "Jumps to the target if ZF is 0 (the result was not zero, or the compared values differed)." },
	[0x186] = { "jna", op_jcc, { Jz }, CC_BE, JUMP, ISA_386, .what = "Jumps to the target if CF or ZF is 1 (unsigned below or equal)." },
	[0x187] = { "ja", op_jcc, { Jz }, CC_A, JUMP, ISA_386, .what = "Jumps to the target if CF and ZF are both 0 (unsigned above)." },
	[0x188] = { "js", op_jcc, { Jz }, CC_S, JUMP, ISA_386, .what = "Jumps to the target if SF is 1 (the result was negative)." },
	[0x189] = { "jns", op_jcc, { Jz }, CC_NS, JUMP, ISA_386, .what = "Jumps to the target if SF is 0 (the result was zero or positive)." },
	[0x18a] = { "jpe", op_jcc, { Jz }, CC_P, JUMP, ISA_386, .what = "Jumps to the target if PF is 1 (the low byte of the result had an even number of 1 bits)." },
	[0x18b] = { "jpo", op_jcc, { Jz }, CC_NP, JUMP, ISA_386, .what = "Jumps to the target if PF is 0 (the low byte of the result had an odd number of 1 bits)." },
	[0x18c] = { "jl", op_jcc, { Jz }, CC_L, JUMP, ISA_386, .what = "Jumps to the target if SF differs from OF (signed less than)." },
	[0x18d] = { "jnl", op_jcc, { Jz }, CC_NL, JUMP, ISA_386, .what = "Jumps to the target if SF equals OF (signed greater than or equal)." },
	[0x18e] = { "jng", op_jcc, { Jz }, CC_LE, JUMP, ISA_386, .what = "Jumps to the target if ZF is 1 or SF differs from OF (signed less than or equal)." },
	[0x18f] = { "jg", op_jcc, { Jz }, CC_G, JUMP, ISA_386, .what = "Jumps to the target if ZF is 0 and SF equals OF (signed greater than)." },
	[0x190] = { "seto", op_setcc, { Eb }, CC_O, MODRM, ISA_386, .what = "Sets the byte operand to 1 if OF is 1 (the last signed result overflowed), and to 0 otherwise." },
	[0x191] = { "setno", op_setcc, { Eb }, CC_NO, MODRM, ISA_386, .what = "Sets the byte operand to 1 if OF is 0 (the last signed result did not overflow), and to 0 otherwise." },
	[0x192] = { "setc", op_setcc, { Eb }, CC_B, MODRM, ISA_386, .what = "Sets the byte operand to 1 if CF is 1 (unsigned below, or a carry or borrow out), and to 0 otherwise." },
	[0x193] = { "setnc", op_setcc, { Eb }, CC_NB, MODRM, ISA_386, .what = "Sets the byte operand to 1 if CF is 0 (unsigned above or equal), and to 0 otherwise." },
	[0x194] = { "setz", op_setcc, { Eb }, CC_Z, MODRM, ISA_386, .what = "Sets the byte operand to 1 if ZF is 1 (the result was zero, or the compared values were equal), and to 0 otherwise." },
	[0x195] = { "setnz", op_setcc, { Eb }, CC_NZ, MODRM, ISA_386, .what = "Sets the byte operand to 1 if ZF is 0 (the result was not zero, or the compared values differed), and to 0 otherwise." },
	[0x196] = { "setna", op_setcc, { Eb }, CC_BE, MODRM, ISA_386, .what = "Sets the byte operand to 1 if CF or ZF is 1 (unsigned below or equal), and to 0 otherwise." },
	[0x197] = { "seta", op_setcc, { Eb }, CC_A, MODRM, ISA_386, .what = "Sets the byte operand to 1 if CF and ZF are both 0 (unsigned above), and to 0 otherwise." },
	[0x198] = { "sets", op_setcc, { Eb }, CC_S, MODRM, ISA_386, .what = "Sets the byte operand to 1 if SF is 1 (the result was negative), and to 0 otherwise." },
	[0x199] = { "setns", op_setcc, { Eb }, CC_NS, MODRM, ISA_386, .what = "Sets the byte operand to 1 if SF is 0 (the result was zero or positive), and to 0 otherwise." },
	[0x19a] = { "setpe", op_setcc, { Eb }, CC_P, MODRM, ISA_386, .what = "Sets the byte operand to 1 if PF is 1 (the low byte of the result had an even number of 1 bits), and to 0 otherwise." },
	[0x19b] = { "setpo", op_setcc, { Eb }, CC_NP, MODRM, ISA_386, .what = "Sets the byte operand to 1 if PF is 0 (the low byte of the result had an odd number of 1 bits), and to 0 otherwise." },
	[0x19c] = { "setl", op_setcc, { Eb }, CC_L, MODRM, ISA_386, .what = "Sets the byte operand to 1 if SF differs from OF (signed less than), and to 0 otherwise." },
	[0x19d] = { "setnl", op_setcc, { Eb }, CC_NL, MODRM, ISA_386, .what = "Sets the byte operand to 1 if SF equals OF (signed greater than or equal), and to 0 otherwise." },
	[0x19e] = { "setng", op_setcc, { Eb }, CC_LE, MODRM, ISA_386, .what = "Sets the byte operand to 1 if ZF is 1 or SF differs from OF (signed less than or equal), and to 0 otherwise." },
	[0x19f] = { "setg", op_setcc, { Eb }, CC_G, MODRM, ISA_386, .what = "Sets the byte operand to 1 if ZF is 0 and SF equals OF (signed greater than), and to 0 otherwise." },
	[0x1a0] = { "push", op_push, { rFS }, 0, 0, ISA_386, .what = "Decrements SP by 2 and stores FS at the new top of the stack (SS:SP)." },
	[0x1a1] = { "pop", op_pop, { rFS }, 0, 0, ISA_386, .what = "Loads FS from the top of the stack (SS:SP), then increments SP by 2." },
	[0x1a2] = { "cpuid", op_cpuid, { NONE }, 0, 0, ISA_486, .what = "Returns the processor's identification in EAX, EBX, ECX and EDX: with EAX=0 the highest leaf and the vendor string, with EAX=1 the family, model and stepping." },
	[0x1a3] = { "bt", op_bt, { Ev, Gv }, BT_BT, MODRM | NOWB, ISA_386, OSZAPC, OSAP | FLAG_ZF, .what = "Copies the bit of the destination selected by the bit number into CF." },
	[0x1a4] = { "shld", op_shld, { Ev, Gv, Ib }, 0, MODRM, ISA_386, OSZAPC, OA, .what = "Shifts the destination left by the count, filling the vacated bits from the top of the source register; the last bit shifted out goes into CF." },
	[0x1a5] = { "shld", op_shld, { Ev, Gv, CL }, 0, MODRM, ISA_386, OSZAPC, OA, .what = "Shifts the destination left by the count, filling the vacated bits from the top of the source register; the last bit shifted out goes into CF." },
	[0x1a8] = { "push", op_push, { rGS }, 0, 0, ISA_386, .what = "Decrements SP by 2 and stores GS at the new top of the stack (SS:SP)." },
	[0x1a9] = { "pop", op_pop, { rGS }, 0, 0, ISA_386, .what = "Loads GS from the top of the stack (SS:SP), then increments SP by 2." },
	[0x1ab] = { "bts", op_bt, { Ev, Gv }, BT_BTS, MODRM | LOCKOK, ISA_386, OSZAPC, OSAP | FLAG_ZF, .what = "Copies the bit of the destination selected by the bit number into CF, then sets that bit to 1." },
	[0x1ac] = { "shrd", op_shrd, { Ev, Gv, Ib }, 0, MODRM, ISA_386, OSZAPC, OA, .what = "Shifts the destination right by the count, filling the vacated bits from the bottom of the source register; the last bit shifted out goes into CF." },
	[0x1ad] = { "shrd", op_shrd, { Ev, Gv, CL }, 0, MODRM, ISA_386, OSZAPC, OA, .what = "Shifts the destination right by the count, filling the vacated bits from the bottom of the source register; the last bit shifted out goes into CF." },
	[0x1af] = { "imul", op_imul_rm, { Gv, Ev }, 0, MODRM, ISA_386, OSZAPC, SZAP, .what = "Multiplies the register by the source as signed numbers and keeps the low half; CF and OF are set when the product did not fit." },
	[0x1b0] = { "cmpxchg", op_cmpxchg, { Eb, Gb }, 0, MODRM | LOCKOK, ISA_486, OSZAPC, .what = "Compares AL with the destination: if equal, stores the source into the destination and sets ZF; otherwise loads the destination into AL and clears ZF." },
	[0x1b1] = { "cmpxchg", op_cmpxchg, { Ev, Gv }, 0, MODRM | LOCKOK, ISA_486, OSZAPC, .what = "Compares AX or EAX with the destination: if equal, stores the source into the destination and sets ZF; otherwise loads the destination into the accumulator and clears ZF." },
	[0x1b2] = { "lss", op_lseg, { Gv, Mp }, SEG_SS, MODRM | MEMONLY, ISA_386, .what = "Loads a far pointer from memory: the first word (or dword) into the register and the word after it into SS." },
	[0x1b3] = { "btr", op_bt, { Ev, Gv }, BT_BTR, MODRM | LOCKOK, ISA_386, OSZAPC, OSAP | FLAG_ZF, .what = "Copies the bit of the destination selected by the bit number into CF, then clears that bit to 0." },
	[0x1b4] = { "lfs", op_lseg, { Gv, Mp }, SEG_FS, MODRM | MEMONLY, ISA_386, .what = "Loads a far pointer from memory: the first word (or dword) into the register and the word after it into FS." },
	[0x1b5] = { "lgs", op_lseg, { Gv, Mp }, SEG_GS, MODRM | MEMONLY, ISA_386, .what = "Loads a far pointer from memory: the first word (or dword) into the register and the word after it into GS." },
	[0x1b6] = { "movzx", op_movzx, { Gv, Eb }, 0, MODRM, ISA_386, .what = "Copies the smaller source into the register and fills the upper bits with zeros." },
	[0x1b7] = { "movzx", op_movzx, { Gv, Ew }, 0, MODRM, ISA_386, .what = "Copies the smaller source into the register and fills the upper bits with zeros." },
	[0x1ba] = { .group = grp8, .opnd = { Ev, Ib }, .attr = MODRM, .isa = ISA_386 },
	[0x1bb] = { "btc", op_bt, { Ev, Gv }, BT_BTC, MODRM | LOCKOK, ISA_386, OSZAPC, OSAP | FLAG_ZF, .what = "Copies the bit of the destination selected by the bit number into CF, then inverts that bit." },
	[0x1bc] = { "bsf", op_bsf, { Gv, Ev }, 0, MODRM, ISA_386, OSZAPC, OSAPC, .what = "Stores the index of the lowest set bit of the source in the register; ZF is set, and the register is left undefined, when the source is 0." },
	[0x1bd] = { "bsr", op_bsr, { Gv, Ev }, 0, MODRM, ISA_386, OSZAPC, OSAPC, .what = "Stores the index of the highest set bit of the source in the register; ZF is set, and the register is left undefined, when the source is 0." },
	[0x1be] = { "movsx", op_movsx, { Gv, Eb }, 0, MODRM, ISA_386, .what = "Copies the smaller source into the register and fills the upper bits with copies of its sign bit." },
	[0x1bf] = { "movsx", op_movsx, { Gv, Ew }, 0, MODRM, ISA_386, .what = "Copies the smaller source into the register and fills the upper bits with copies of its sign bit." },
	[0x1c0] = { "xadd", op_xadd, { Eb, Gb }, 0, MODRM | LOCKOK, ISA_486, OSZAPC, .what = "Adds the source to the destination and puts the destination's old value into the source register, setting the arithmetic flags from the sum." },
	[0x1c1] = { "xadd", op_xadd, { Ev, Gv }, 0, MODRM | LOCKOK, ISA_486, OSZAPC, .what = "Adds the source to the destination and puts the destination's old value into the source register, setting the arithmetic flags from the sum." },
	[0x1c8] = { "bswap", op_bswap, { Zv }, 0, 0, ISA_486, .what = "Reverses the byte order of the 32-bit register, converting between little-endian and big-endian." },
	[0x1c9] = { "bswap", op_bswap, { Zv }, 0, 0, ISA_486, .what = "Reverses the byte order of the 32-bit register, converting between little-endian and big-endian." },
	[0x1ca] = { "bswap", op_bswap, { Zv }, 0, 0, ISA_486, .what = "Reverses the byte order of the 32-bit register, converting between little-endian and big-endian." },
	[0x1cb] = { "bswap", op_bswap, { Zv }, 0, 0, ISA_486, .what = "Reverses the byte order of the 32-bit register, converting between little-endian and big-endian." },
	[0x1cc] = { "bswap", op_bswap, { Zv }, 0, 0, ISA_486, .what = "Reverses the byte order of the 32-bit register, converting between little-endian and big-endian." },
	[0x1cd] = { "bswap", op_bswap, { Zv }, 0, 0, ISA_486, .what = "Reverses the byte order of the 32-bit register, converting between little-endian and big-endian." },
	[0x1ce] = { "bswap", op_bswap, { Zv }, 0, 0, ISA_486, .what = "Reverses the byte order of the 32-bit register, converting between little-endian and big-endian." },
	[0x1cf] = { "bswap", op_bswap, { Zv }, 0, 0, ISA_486, .what = "Reverses the byte order of the 32-bit register, converting between little-endian and big-endian." },
};
/* clang-format on */

/* What a CPU without #UD (the 8086) runs for a byte that has no row at all. */
static const struct opdesc undefined_row = {
	"(undefined)",
	op_undefined,
	{ NONE },
	0,
	0,
	ISA_86,
	.what = "An opcode with no documented meaning; this CPU runs it as an instruction that "
	        "does nothing."
};

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
