/*
 * cpu/dis.c — NASM-syntax disassembly from the opcode table, as ndisasm
 * writes it (so the two can be compared line by line): operand sizes are
 * spelled only where no register implies them, immediates in hex, relative
 * targets absolute, prefixes that change nothing shown by name.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dis.h"
#include "ops.h"

struct out {
	char *buf;
	size_t len, used;
};

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->used >= o->len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->used, o->len - o->used, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->used += (size_t)n;
}

static const char *const reg8_names[8] = { "al", "cl", "dl", "bl", "ah", "ch", "dh", "bh" };
static const char *const reg16_names[8] = { "ax", "cx", "dx", "bx", "sp", "bp", "si", "di" };
static const char *const reg32_names[8] = {
	"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"
};
static const char *const sreg_names[8] = { "es", "cs", "ss", "ds", "fs", "gs", "segr6", "segr7" };

static const char *reg_name(int n, int size)
{
	return size == 1 ? reg8_names[n & 7] : size == 2 ? reg16_names[n & 7] : reg32_names[n & 7];
}

static const char *size_name(int size)
{
	return size == 1 ? "byte" : size == 2 ? "word" : size == 4 ? "dword" : "qword";
}

static bool is_memory_kind(int k)
{
	return k == Eb || k == Ew || k == Ev || k == M || k == Mp || k == Ma || k == Ms;
}

static bool is_register_operand(const struct insn *in, int i)
{
	int k = in->opnd[i];

	if (k == Eb || k == Ew || k == Ev)
		return in->mod == 3;
	return k == Gb || k == Gw || k == Gv || k == AL || k == eAX || k == Zb || k == Zv ||
	       k == Sw || k == Rd || (k >= rES && k <= rGS);
}

/* ndisasm names the operand size of a memory operand only when no register
 * operand implies it, and never for near jumps/calls or address-only forms. */
static bool memory_needs_size(const struct insn *in, int i, bool code32)
{
	int k = in->opnd[i];

	/* SETcc writes a byte, which ndisasm never names. */
	if (in->op->exec == op_setcc)
		return false;
	/* A near indirect jump or call names its size only when it is not the mode's. */
	if (k == Ev && (in->op->attr & JUMP))
		return in->osize != (code32 ? 4 : 2);
	/* The 286 system instructions (0F 00, 0F 01) take a word, named by none. */
	if (k == M || k == Mp || k == Ma || k == Ms || (in->op->attr & JUMP) ||
	    in->opcode == 0x100 || in->opcode == 0x101)
		return false;
	/* MOVZX/MOVSX: named when widening into a 32-bit register only. */
	if (in->op->exec == op_movzx || in->op->exec == op_movsx)
		return in->osize == 4;
	for (int j = 0; j < 3; j++)
		if (j != i && is_register_operand(in, j))
			return false;
	return true;
}

static void put_signed_disp(struct out *o, uint32_t disp, int bits)
{
	int64_t v = bits == 8 ? (int8_t)disp : bits == 16 ? (int16_t)disp : (int32_t)disp;

	if (v < 0)
		put(o, "-0x%llx", (unsigned long long)-v);
	else
		put(o, "+0x%llx", (unsigned long long)v);
}

/* The inside of the brackets: [seg:base+index*scale+disp]. */
static void put_address(struct out *o, const struct insn *in)
{
	const char *const *names = in->asize == 2 ? reg16_names : reg32_names;
	bool any = false;

	put(o, "[");
	/* ndisasm's size marks inside brackets: a size prefix shows when a SIB
	 * byte or a bare displacement carries it ([dword ecx*4+0x10], [dword
	 * 0x1234] in 16-bit code, [word 0x1234] in 32-bit code; [edi] shows it by
	 * itself); without a prefix only a ModRM disp32 is marked ([dword 0x1234]). */
	bool bare = in->base < 0 && in->index < 0;
	if (in->asize_prefix ? (in->has_sib || bare)
	                     : (in->asize == 4 && bare && in->has_modrm && !in->has_sib))
		put(o, "%s ", size_name(in->asize));
	if (in->seg_override)
		put(o, "%s:", sreg_names[in->seg]);
	if (in->base >= 0) {
		put(o, "%s", names[in->base]);
		any = true;
	}
	if (in->index >= 0) {
		put(o, "%s%s", any ? "+" : "", names[in->index]);
		if (in->asize == 4 && in->scale)
			put(o, "*%d", 1 << in->scale);
		any = true;
	}
	if (!any)
		put(o, "0x%x", in->disp);
	else if (in->disp_len)
		put_signed_disp(o, in->disp, in->disp_len == 1 ? 8 : in->asize * 8);
	put(o, "]");
}

static void put_memory(struct out *o, const struct insn *in, int i, int size, bool code32)
{
	if (memory_needs_size(in, i, code32))
		put(o, "%s ", size_name(size));
	put_address(o, in);
}

/* Short jumps (Jcc, LOOP, JCXZ) keep the mode's width in ndisasm's view
 * even with 66h. */
static uint32_t target(const struct insn *in, uint32_t addr, bool code32)
{
	uint32_t t = addr + in->len + in->imm;
	int size = in->opnd[0] == Jb ? (code32 ? 4 : 2) : in->osize;

	return size == 2 ? t & 0xffff : t;
}

static void put_jump(struct out *o, const struct insn *in, uint32_t addr, bool code32)
{
	int k = in->opnd[0];
	int dflt = code32 ? 4 : 2;

	if (k == Jb && in->opcode == 0xeb)
		put(o, "short ");
	else if (k == Jz && in->osize != dflt)
		put(o, "%s ", size_name(in->osize));
	else if (k == Jz && in->opcode >= 0x180)
		put(o, "near ");
	put(o, "0x%x", target(in, addr, code32));
}

/* Immediates: ndisasm spells a size where the encoding is not implied by
 * the other operand (sign-extended bytes, PUSH imm, IMUL's third operand,
 * shift and bit-test counts). */
static void put_immediate(struct out *o, const struct insn *in, int k, uint32_t v)
{
	int op = in->opcode;

	if (k == sIb) {
		put(o, "byte ");
		put_signed_disp(o, v, 8);
		return;
	}
	if (k == Ib && (op == 0xc0 || op == 0xc1 || op == 0x1ba))
		put(o, "byte ");
	if (k == Iz && (op == 0x68 || op == 0x69))
		put(o, "%s ", size_name(in->osize));
	put(o, "0x%x",
	    k == Ib   ? v & 0xff
	    : k == Iw ? v & 0xffff
	              : v & (in->osize == 2 ? 0xffff : ~0u));
}

/* MOV Sreg and the stores SLDT, STR and SMSW name a whole register in their
 * register form, sized by the operand size. */
static bool register_sized_by_osize(const struct insn *in)
{
	int op = in->opcode;

	return in->mod == 3 && (op == 0x8c || op == 0x8e || (op == 0x100 && in->reg <= 1) ||
	                        (op == 0x101 && in->reg == 4));
}

static int operand_size(const struct insn *in, int k)
{
	if (k == Ew && register_sized_by_osize(in))
		return in->osize == 4 ? 4 : 2;
	return opnd_size(k, in->osize);
}

static void put_operand(struct out *o, const struct insn *in, int i, uint32_t addr, bool code32)
{
	int k = in->opnd[i];
	int size = operand_size(in, k);

	if (is_memory_kind(k)) {
		if (in->mod == 3)
			put(o, "%s", reg_name(in->rm, size));
		else
			put_memory(o, in, i, size, code32);
		return;
	}
	switch (k) {
	case Gb:
	case Gw:
	case Gv:
	case Zb:
	case Zv:
		put(o, "%s", reg_name(in->reg, size));
		break;
	case AL:
	case eAX:
		put(o, "%s", reg_name(REG_AX, size));
		break;
	case CL:
		put(o, "cl");
		break;
	case DX:
		put(o, "dx");
		break;
	case ONE:
		put(o, "1");
		break;
	case Sw:
		put(o, "%s", sreg_names[in->reg]);
		break;
	case Cd:
		put(o, "cr%d", in->reg);
		break;
	case Dd:
		put(o, "dr%d", in->reg);
		break;
	case Rd:
		put(o, "%s", reg32_names[in->rm]);
		break;
	case Ob:
	case Ov:
		put_address(o, in);
		break;
	case Jb:
	case Jz:
		put_jump(o, in, addr, code32);
		break;
	case Ap:
		if (in->osize != (code32 ? 4 : 2))
			put(o, "%s ", size_name(in->osize));
		put(o, "0x%x:0x%x", in->imm2, in->imm);
		break;
	case Ib:
	case sIb:
	case Iw:
	case Iz:
	case Iv:
	case Ix:
		put_immediate(o, in, k,
		              i > 0 && in->opnd[0] >= Ib && in->opnd[0] <= Iv ? in->imm2 : in->imm);
		break;
	default: /* segment registers by name */
		if (k >= rES && k <= rGS)
			put(o, "%s", sreg_names[k - rES]);
		break;
	}
}

/* Rows whose NASM spelling takes a w/d suffix when the operand size is not
 * the mode's default and no operand shows it. */
static bool size_suffixed(const struct insn *in)
{
	exec_fn *e = in->op->exec;

	return e == op_pusha || e == op_popa || e == op_pushf || e == op_popf || e == op_iret ||
	       e == op_ret || e == op_retf;
}

static bool shows_operand_size(const struct insn *in)
{
	if (in->op->name32 || size_suffixed(in) || register_sized_by_osize(in))
		return true;
	if (in->op->exec == op_esc)
		return false; /* the coprocessor operand's size does not depend on 66h */
	if (in->op->exec == op_loop)
		return false;
	for (int i = 0; i < 3; i++) {
		int k = in->opnd[i];
		if (k == Ev || k == Gv || k == eAX || k == Zv || k == Ov || k == Iz || k == Iv ||
		    k == Jz || k == Ap || k == Mp || k == Ma)
			return true;
	}
	return false;
}

/* ndisasm marks an address-size prefix only on instructions with neither a
 * memory operand (whose registers show it) nor an immediate or relative
 * operand: "a32 inc ax", "rep a32 movsb", but "push word 0x1234". */
static bool shows_address_size(const struct insn *in)
{
	for (int i = 0; i < 3; i++) {
		int k = in->opnd[i];
		if ((is_memory_kind(k) && in->mod != 3) || k == Ob || k == Ov || k == Ib ||
		    k == sIb || k == Iw || k == Iz || k == Iv || k == Ix || k == Jb || k == Jz ||
		    k == Ap || (k == DX && !(in->op->attr & STRING)) || (k >= rES && k <= rGS) ||
		    k == ONE || k == CL)
			return true;
	}
	return in->opcode >= 0x91 && in->opcode <= 0x97; /* XCHG eAX,reg: ndisasm's template */
}

static bool has_memory_operand(const struct insn *in)
{
	for (int i = 0; i < 3; i++) {
		int k = in->opnd[i];
		if ((is_memory_kind(k) && in->mod != 3) || k == Ob || k == Ov)
			return true;
	}
	return false;
}

static void put_prefixes(struct out *o, const struct insn *in, bool code32, bool osize_prefix,
                         bool asize_prefix)
{
	/* In 32-bit code ndisasm marks a16 only on instructions without operands. */
	if (code32 && in->opnd[0] != NONE && !(in->op->attr & STRING))
		asize_prefix = false;
	if (in->seg_override && !has_memory_operand(in))
		put(o, "%s ", sreg_names[in->seg]);
	if (in->rep)
		put(o, "%s ",
		    in->rep == PFX_REPNE    ? "repne"
		    : (in->op->attr & REPZ) ? "repe"
		                            : "rep");
	if (in->lock)
		put(o, "lock ");
	if (in->opcode == 0x90)
		return; /* the prefix turned NOP into XCHG (e)AX, which shows it */
	if (osize_prefix && !shows_operand_size(in))
		put(o, "%s ", code32 ? "o16" : "o32");
	if (asize_prefix && !shows_address_size(in))
		put(o, "%s ", code32 ? "a16" : "a32");
}

static const char *mnemonic(const struct insn *in, bool code32, char *tmp, size_t len)
{
	const char *name = in->op->name;
	int dflt = code32 ? 4 : 2;

	if (in->osize == 4 && in->op->name32)
		return in->op->name32;
	/* 90 with a size prefix is no longer the one-byte NOP to ndisasm. */
	if (in->opcode == 0x90 && (in->osize_prefix || in->asize_prefix))
		return "xchg";
	/* A direct far transfer shows its target as seg:off, without "far"; an
	 * indirect one names a size that is not the mode's before "far". */
	if (in->opnd[0] == Ap)
		return in->op->exec == op_call_far ? "call" : "jmp";
	if (in->opnd[0] == Mp && in->osize != dflt) {
		snprintf(tmp, len, "%s %s far", in->op->exec == op_call_far ? "call" : "jmp",
		         size_name(in->osize));
		return tmp;
	}
	if (in->op->exec == op_loop && in->op->sub == LP_JCXZ && in->asize == 4)
		return "jecxz";
	if (size_suffixed(in) && in->osize != dflt && in->osize != 1) {
		snprintf(tmp, len, "%s%s%s", name,
		         in->op->exec == op_ret && in->opnd[0] == Iw && code32 ? "n" : "",
		         in->osize == 4 ? "d" : "w");
		return tmp;
	}
	return name;
}

/* AAM and AAD show their base only when it is not ten. */
static int shown_operands(const struct insn *in)
{
	int n = 0;

	if ((in->opcode == 0xd4 || in->opcode == 0xd5) && (in->imm & 0xff) == 10)
		return 0;
	if (in->op->attr & STRING)
		return 0;
	while (n < 3 && in->opnd[n] != NONE)
		n++;
	if (in->opcode == 0x90 && (in->osize_prefix || in->asize_prefix))
		return -1; /* xchg eAX,eAX: see dis_format */
	return n;
}

/* The bracketed address alone, for the x87 names in dis_x87.c. */
static void address_text(char *buf, size_t len, const struct insn *in)
{
	struct out o = { buf, len, 0 };

	buf[0] = '\0';
	put_address(&o, in);
}

void dis_format(const struct insn *in, uint32_t addr, bool code32, char *buf, size_t len)
{
	struct out o = { buf, len, 0 };
	char tmp[24];
	int n = shown_operands(in);
	bool swap = in->op->exec == op_xchg; /* NASM writes XCHG reg,r/m and XCHG ax,reg */

	buf[0] = '\0';
	put_prefixes(&o, in, code32, in->osize_prefix, in->asize_prefix);
	if (in->op->exec == op_esc && dis_x87(in, o.buf + o.used, o.len - o.used, address_text))
		return;
	put(&o, "%s", mnemonic(in, code32, tmp, sizeof tmp));
	if (n < 0) {
		put(&o, " %s,%s", reg_name(REG_AX, in->osize), reg_name(REG_AX, in->osize));
		return;
	}
	for (int i = 0; i < n; i++) {
		put(&o, i ? "," : " ");
		put_operand(&o, in, swap && n == 2 ? 1 - i : i, addr, code32);
	}
	if (in->op->exec == op_loop && in->op->sub != LP_JCXZ && in->asize != (code32 ? 4 : 2))
		put(&o, ",%s", in->asize == 4 ? "ecx" : "cx");
}
