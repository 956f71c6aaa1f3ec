/*
 * cpu/dis_x87.c — names for the coprocessor opcodes D8-DF (the 8087, 287
 * and 387 instruction set, and the later additions in the same map), so
 * that disassembly shows "fadd dword [bx]" rather than an anonymous ESC.
 * The CPU itself only forms the address: there is no FPU in x86lab.
 */
#include <stdio.h>

#include "dis.h"

/* Memory forms, by opcode D8-DF and ModRM.reg: mnemonic and operand size
 * in bytes (0: no size is written, as for the environment and state). */
static const struct {
	const char *name;
	uint8_t size;
} x87_mem[8][8] = {
	{ { "fadd", 4 },
	  { "fmul", 4 },
	  { "fcom", 4 },
	  { "fcomp", 4 },
	  { "fsub", 4 },
	  { "fsubr", 4 },
	  { "fdiv", 4 },
	  { "fdivr", 4 } },
	{ { "fld", 4 },
	  { NULL, 0 },
	  { "fst", 4 },
	  { "fstp", 4 },
	  { "fldenv", 0 },
	  { "fldcw", 0 },
	  { "fnstenv", 0 },
	  { "fnstcw", 0 } },
	{ { "fiadd", 4 },
	  { "fimul", 4 },
	  { "ficom", 4 },
	  { "ficomp", 4 },
	  { "fisub", 4 },
	  { "fisubr", 4 },
	  { "fidiv", 4 },
	  { "fidivr", 4 } },
	{ { "fild", 4 },
	  { "fisttp", 4 },
	  { "fist", 4 },
	  { "fistp", 4 },
	  { NULL, 0 },
	  { "fld", 10 },
	  { NULL, 0 },
	  { "fstp", 10 } },
	{ { "fadd", 8 },
	  { "fmul", 8 },
	  { "fcom", 8 },
	  { "fcomp", 8 },
	  { "fsub", 8 },
	  { "fsubr", 8 },
	  { "fdiv", 8 },
	  { "fdivr", 8 } },
	{ { "fld", 8 },
	  { "fisttp", 8 },
	  { "fst", 8 },
	  { "fstp", 8 },
	  { "frstor", 0 },
	  { NULL, 0 },
	  { "fnsave", 0 },
	  { "fnstsw", 0 } },
	{ { "fiadd", 2 },
	  { "fimul", 2 },
	  { "ficom", 2 },
	  { "ficomp", 2 },
	  { "fisub", 2 },
	  { "fisubr", 2 },
	  { "fidiv", 2 },
	  { "fidivr", 2 } },
	{ { "fild", 2 },
	  { "fisttp", 2 },
	  { "fist", 2 },
	  { "fistp", 2 },
	  { "fbld", 10 },
	  { "fild", 8 },
	  { "fbstp", 10 },
	  { "fistp", 8 } },
};

/* Register forms whose operand is st(rm): "fadd st1"; with 'to' the
 * destination is st(rm): "fadd to st1" (NASM's spelling). NULL: see
 * x87_single. */
static const struct {
	const char *name;
	bool to;
} x87_streg[8][8] = {
	{ { "fadd" },
	  { "fmul" },
	  { "fcom" },
	  { "fcomp" },
	  { "fsub" },
	  { "fsubr" },
	  { "fdiv" },
	  { "fdivr" } },
	{ { "fld" }, { "fxch" } },
	{ { "fcmovb" }, { "fcmove" }, { "fcmovbe" }, { "fcmovu" } },
	{ { "fcmovnb" },
	  { "fcmovne" },
	  { "fcmovnbe" },
	  { "fcmovnu" },
	  { NULL },
	  { "fucomi" },
	  { "fcomi" } },
	{ { "fadd", true },
	  { "fmul", true },
	  { NULL },
	  { NULL },
	  { "fsubr", true },
	  { "fsub", true },
	  { "fdivr", true },
	  { "fdiv", true } },
	{ { "ffree" }, { NULL }, { "fst" }, { "fstp" }, { "fucom" }, { "fucomp" } },
	{ { "faddp" },
	  { "fmulp" },
	  { NULL },
	  { NULL },
	  { "fsubrp" },
	  { "fsubp" },
	  { "fdivrp" },
	  { "fdivp" } },
	{ { "ffreep" }, { NULL }, { NULL }, { NULL }, { NULL }, { "fucomip" }, { "fcomip" } },
};

/* Register forms that are whole instructions: by opcode, ModRM.reg and rm. */
static const char *x87_single(int op, int reg, int rm)
{
	static const char *const d9[4][8] = {
		{ "fnop" },
		{ "fchs", "fabs", NULL, NULL, "ftst", "fxam" },
		{ "fld1", "fldl2t", "fldl2e", "fldpi", "fldlg2", "fldln2", "fldz" },
		{ "f2xm1", "fyl2x", "fptan", "fpatan", "fxtract", "fprem1", "fdecstp", "fincstp" },
	};
	static const char *const d9_7[8] = { "fprem",   "fyl2xp1", "fsqrt", "fsincos",
		                             "frndint", "fscale",  "fsin",  "fcos" };
	static const char *const db4[8] = { "fneni", "fndisi", "fnclex", "fninit", "fsetpm" };

	switch (op) {
	case 0xd9:
		if (reg == 2)
			return d9[0][rm];
		if (reg >= 4 && reg <= 6)
			return d9[reg - 3][rm];
		return reg == 7 ? d9_7[rm] : NULL;
	case 0xda:
		return reg == 5 && rm == 1 ? "fucompp" : NULL;
	case 0xdb:
		return reg == 4 ? db4[rm] : NULL;
	case 0xde:
		return reg == 3 && rm == 1 ? "fcompp" : NULL;
	case 0xdf:
		return reg == 4 && rm == 0 ? "fnstsw ax" : NULL;
	default:
		return NULL;
	}
}

bool dis_x87(const struct insn *in, char *buf, size_t len,
             void (*address)(char *, size_t, const struct insn *))
{
	int op = in->opcode & 7;
	char addr[64];

	if (in->mod != 3) {
		if (!x87_mem[op][in->reg].name)
			return false;
		address(addr, sizeof addr, in);
		snprintf(buf, len, "%s %s%s", x87_mem[op][in->reg].name,
		         x87_mem[op][in->reg].size == 2    ? "word "
		         : x87_mem[op][in->reg].size == 4  ? "dword "
		         : x87_mem[op][in->reg].size == 8  ? "qword "
		         : x87_mem[op][in->reg].size == 10 ? "tword "
		                                           : "",
		         addr);
		return true;
	}
	if (x87_streg[op][in->reg].name) {
		snprintf(buf, len, "%s %sst%d", x87_streg[op][in->reg].name,
		         x87_streg[op][in->reg].to ? "to " : "", in->rm);
		return true;
	}
	const char *single = x87_single(0xd8 + op, in->reg, in->rm);
	if (!single)
		return false;
	snprintf(buf, len, "%s", single);
	return true;
}
