/*
 * tools/monitor/explain.c — the `explain` command's text (explain.h): the
 * fields of an encoding, the address arithmetic with the live register
 * values, the flags, and the differences one step made.
 */
#include "explain.h"

#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

#include "debug.h"

/* ANSI attributes, or none: every piece of output goes through one of these. */
struct style {
	const char *label, *value, *dim, *off;
};

static const struct style plain = { "", "", "", "" };
static const struct style ansi = { "\033[1m", "\033[36m", "\033[2m", "\033[0m" };

#define LABEL_WIDTH 13
#define BYTES_WIDTH 12 /* the column of hex bytes in the encoding lines */

static const char *const reg8[8] = { "al", "cl", "dl", "bl", "ah", "ch", "dh", "bh" };
static const char *const reg16[8] = { "ax", "cx", "dx", "bx", "sp", "bp", "si", "di" };
static const char *const reg32[8] = { "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi" };
static const char *const seg_upper[SEG_COUNT] = { "ES", "CS", "SS", "DS", "FS", "GS" };
static const char *const seg_lower[SEG_COUNT] = { "es", "cs", "ss", "ds", "fs", "gs" };

/* FLAGS bits by name, in the order debuggers show them (OF DF IF TF SF ZF AF PF CF). */
static const struct {
	const char *name;
	uint32_t mask;
} flag_names[] = {
	{ "NT", FLAG_NT }, { "IOPL", FLAG_IOPL }, { "OF", FLAG_OF }, { "DF", FLAG_DF },
	{ "IF", FLAG_IF }, { "TF", FLAG_TF },     { "SF", FLAG_SF }, { "ZF", FLAG_ZF },
	{ "AF", FLAG_AF }, { "PF", FLAG_PF },     { "CF", FLAG_CF },
};
#define NFLAGS (sizeof flag_names / sizeof flag_names[0])

static const char *reg_name(int size, int r)
{
	r &= 7;
	return size == 1 ? reg8[r] : size == 4 ? reg32[r] : reg16[r];
}

#ifdef __GNUC__
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

/* One output line: an indented label column, then the formatted text. */
static void line(FILE *out, const struct style *st, const char *label, const char *fmt, ...)
        PRINTF_LIKE(4, 5);

static void line(FILE *out, const struct style *st, const char *label, const char *fmt, ...)
{
	va_list ap;

	fprintf(out, "  %s%-*s%s ", st->label, LABEL_WIDTH, label, st->off);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	fputc('\n', out);
}

static const char *bits(char *buf, unsigned v, int n)
{
	for (int i = 0; i < n; i++)
		buf[i] = (char)('0' + ((v >> (n - 1 - i)) & 1));
	buf[n] = 0;
	return buf;
}

static void hex_bytes(char *buf, size_t size, const uint8_t *b, int n)
{
	size_t o = 0;

	buf[0] = 0;
	for (int i = 0; i < n && o + 4 < size; i++)
		o += (size_t)snprintf(buf + o, size - o, i ? " %02X" : "%02X", b[i]);
}

static uint32_t little_endian(const uint8_t *b, int n)
{
	uint32_t v = 0;

	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

/* The opcode as the table indexes it: 0x000-0x0FF, or 0x100 + the byte after 0F. */
static unsigned opcode_of(const struct cpu_insn_info *in)
{
	const uint8_t *op = in->bytes + in->prefix_len;

	return in->opcode_len == 2 ? 0x100u | op[1] : op[0];
}

/* Opcodes whose ModRM.reg picks the operation (SDM Table A-6 groups, ESC). */
static bool reg_is_extension(unsigned op)
{
	static const uint16_t groups[] = { 0x80, 0x81, 0x82, 0x83,  0x8f,  0xc0, 0xc1,
		                           0xc6, 0xc7, 0xd0, 0xd1,  0xd2,  0xd3, 0xf6,
		                           0xf7, 0xfe, 0xff, 0x100, 0x101, 0x1ba };

	if (op >= 0xd8 && op <= 0xdf)
		return true;
	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
		if (groups[i] == op)
			return true;
	}
	return false;
}

static bool is_cmps_or_scas(const struct cpu_insn_info *in)
{
	return in->mnemonic &&
	       (!strncmp(in->mnemonic, "cmps", 4) || !strncmp(in->mnemonic, "scas", 4));
}

/* ---- the header and the encoding ---- */

static void print_header(FILE *out, const struct style *st, const struct cpu *c,
                         const struct cpu_insn_info *in)
{
	char hex[64];

	hex_bytes(hex, sizeof hex, in->bytes, in->len < 16 ? in->len : 16);
	fprintf(out, "%s%04X:%04" PRIX32 "%s  %-24s %s%s%s\n", st->value, c->seg[SEG_CS].sel,
	        c->eip, st->off, hex, st->label, in->text, st->off);
}

static const char *prefix_meaning(const struct cpu_insn_info *in, uint8_t b, char *buf, size_t size)
{
	static const uint8_t seg_prefix[SEG_COUNT] = { 0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65 };

	for (int s = 0; s < SEG_COUNT; s++) {
		if (b == seg_prefix[s]) {
			snprintf(buf, size, "%s: segment override: the memory operand uses %s",
			         seg_upper[s], seg_upper[s]);
			return buf;
		}
	}
	switch (b) {
	case 0x66:
		return in->osize == 4 ? "operand size: 32-bit operands"
		                      : "operand size: 16-bit operands";
	case 0x67:
		return in->asize == 4 ? "address size: 32-bit addressing"
		                      : "address size: 16-bit addressing";
	case 0xf0:
		return "LOCK: the read-modify-write of memory is atomic";
	case 0xf1:
		return "LOCK (an undocumented encoding of it)";
	case 0xf2:
		return is_cmps_or_scas(in) ? "REPNE: repeat while CX != 0 and ZF = 0"
		                           : "REPNE: repeat while CX != 0";
	case 0xf3:
		return is_cmps_or_scas(in) ? "REPE: repeat while CX != 0 and ZF = 1"
		                           : "REP: repeat while CX != 0";
	}
	return "prefix";
}

/* The register in the low three bits of opcodes like 40+r, 50+r, B8+r. */
static void print_opcode_register(FILE *out, const struct style *st, const struct cpu_insn_info *in,
                                  unsigned op)
{
	char b[4];
	int size = in->osize;

	if (op >= 0xb0 && op <= 0xb7)
		size = 1;
	else if (!((op >= 0x40 && op <= 0x5f) || (op >= 0x91 && op <= 0x97) ||
	           (op >= 0xb8 && op <= 0xbf)))
		return;
	line(out, st, "", "%*s low 3 bits %s select %s", BYTES_WIDTH, "", bits(b, op & 7, 3),
	     reg_name(size, (int)(op & 7)));
}

static void print_prefixes_and_opcode(FILE *out, const struct style *st,
                                      const struct cpu_insn_info *in)
{
	char buf[96], hex[16];
	unsigned op = opcode_of(in);

	for (int i = 0; i < in->prefix_len; i++) {
		hex_bytes(hex, sizeof hex, in->bytes + i, 1);
		line(out, st, "prefix", "%-*s %s", BYTES_WIDTH, hex,
		     prefix_meaning(in, in->bytes[i], buf, sizeof buf));
	}
	hex_bytes(hex, sizeof hex, in->bytes + in->prefix_len, in->opcode_len);
	line(out, st, "opcode", "%-*s %s", BYTES_WIDTH, hex, in->mnemonic ? in->mnemonic : "?");
	if (!in->has_modrm)
		print_opcode_register(out, st, in, op);
}

/* The operand the ModRM reg field names, or NULL (an opcode extension). A
 * segment register wins over a general one with the same number (8C, 8E). */
static const struct cpu_operand *reg_field_operand(const struct cpu_insn_info *in)
{
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < 3; i++) {
			const struct cpu_operand *o = &in->operand[i];
			enum cpu_operand_class cls = pass ? OPERAND_REG : OPERAND_SREG;
			if (o->cls == cls && o->reg == in->reg)
				return o;
		}
	}
	return NULL;
}

static const struct cpu_operand *rm_field_operand(const struct cpu_insn_info *in,
                                                  const struct cpu_operand *not_this)
{
	for (int i = 0; i < 3; i++) {
		const struct cpu_operand *o = &in->operand[i];
		if (o != not_this && o->cls == OPERAND_REG && o->reg == in->rm)
			return o;
	}
	return NULL;
}

static void describe_reg_field(const struct cpu_insn_info *in, char *buf, size_t size)
{
	unsigned op = opcode_of(in);
	const struct cpu_operand *o;

	if (reg_is_extension(op)) {
		snprintf(buf, size, "opcode extension /%d: selects %s", in->reg,
		         in->mnemonic ? in->mnemonic : "?");
		return;
	}
	if (op == 0x120 || op == 0x122 || op == 0x121 || op == 0x123) {
		snprintf(buf, size, "%s%d", op & 1 ? "dr" : "cr", in->reg);
		return;
	}
	if (op >= 0x190 && op <= 0x19f) {
		snprintf(buf, size, "not used by SETcc");
		return;
	}
	o = reg_field_operand(in);
	if (o && o->cls == OPERAND_SREG)
		snprintf(buf, size, "%s", seg_lower[o->reg % SEG_COUNT]);
	else
		snprintf(buf, size, "%s", reg_name(o ? o->size : in->osize, in->reg));
}

static void describe_mod(const struct cpu_insn_info *in, char *buf, size_t size)
{
	bool direct = in->mod == 0 &&
	              ((in->asize == 2 && in->rm == 6) || (in->asize == 4 && in->rm == 5));

	if (in->mod == 3)
		snprintf(buf, size, "register operand: rm names a register, no memory is used");
	else if (direct)
		snprintf(buf, size, "memory at a %d-bit address given in the instruction",
		         in->asize * 8);
	else if (in->mod == 0)
		snprintf(buf, size, "memory operand, no displacement");
	else if (in->mod == 1)
		snprintf(buf, size, "memory operand with an 8-bit displacement (sign-extended)");
	else
		snprintf(buf, size, "memory operand with a %d-bit displacement", in->asize * 8);
}

static void describe_rm_field(const struct cpu_insn_info *in, char *buf, size_t size)
{
	static const char *const rm16[8] = { "[bx+si", "[bx+di", "[bp+si", "[bp+di",
		                             "[si",    "[di",    "[bp",    "[bx" };
	const char *disp = in->mod == 1 ? "+disp8" : in->mod == 2 ? "+disp16" : "";
	const struct cpu_operand *o;

	if (in->mod == 3) {
		o = rm_field_operand(in, reg_is_extension(opcode_of(in)) ? NULL
		                                                         : reg_field_operand(in));
		snprintf(buf, size, "%s", reg_name(o ? o->size : in->osize, in->rm));
	} else if (in->asize == 2) {
		if (in->mod == 0 && in->rm == 6)
			snprintf(buf, size, "[disp16]");
		else
			snprintf(buf, size, "%s%s]", rm16[in->rm], disp);
	} else if (in->rm == 4) {
		snprintf(buf, size, "a SIB byte follows (scale, index, base)");
	} else if (in->mod == 0 && in->rm == 5) {
		snprintf(buf, size, "[disp32]");
	} else {
		snprintf(buf, size, "[%s%s]", reg32[in->rm],
		         in->mod == 1   ? "+disp8"
		         : in->mod == 2 ? "+disp32"
		                        : "");
	}
}

static void print_modrm(FILE *out, const struct style *st, const struct cpu_insn_info *in)
{
	char m[4], r[4], rm[4], text[96], label[16];

	bits(m, in->mod, 2);
	bits(r, in->reg, 3);
	bits(rm, in->rm, 3);
	hex_bytes(text, sizeof text, &in->modrm, 1);
	line(out, st, "ModRM", "%-*s mod=%s reg=%s rm=%s", BYTES_WIDTH, text, m, r, rm);
	describe_mod(in, text, sizeof text);
	snprintf(label, sizeof label, "  mod=%s", m);
	line(out, st, label, "%*s %s", BYTES_WIDTH, "", text);
	describe_reg_field(in, text, sizeof text);
	snprintf(label, sizeof label, "  reg=%s", r);
	line(out, st, label, "%*s %s", BYTES_WIDTH, "", text);
	describe_rm_field(in, text, sizeof text);
	snprintf(label, sizeof label, "  rm=%s", rm);
	line(out, st, label, "%*s %s", BYTES_WIDTH, "", text);
}

static void print_sib(FILE *out, const struct style *st, const struct cpu_insn_info *in)
{
	unsigned ss = in->sib >> 6, idx = (in->sib >> 3) & 7, base = in->sib & 7;
	char s[4], x[4], b[4], text[64], label[16];

	hex_bytes(text, sizeof text, &in->sib, 1);
	line(out, st, "SIB", "%-*s scale=%s index=%s base=%s", BYTES_WIDTH, text, bits(s, ss, 2),
	     bits(x, idx, 3), bits(b, base, 3));
	snprintf(label, sizeof label, "  scale=%s", s);
	line(out, st, label, "%*s x%u", BYTES_WIDTH, "", 1u << ss);
	snprintf(label, sizeof label, "  index=%s", x);
	line(out, st, label, "%*s %s", BYTES_WIDTH, "",
	     idx == 4 ? "none (100 means no index)" : reg32[idx]);
	if (base == 5 && in->mod == 0)
		snprintf(text, sizeof text, "none: a 32-bit displacement follows");
	else
		snprintf(text, sizeof text, "%s", reg32[base]);
	snprintf(label, sizeof label, "  base=%s", b);
	line(out, st, label, "%*s %s", BYTES_WIDTH, "", text);
}

static int32_t signed_disp(const struct cpu_insn_info *in)
{
	return in->asize == 2 ? (int16_t)in->disp : (int32_t)in->disp;
}

static void print_disp(FILE *out, const struct style *st, const struct cpu_insn_info *in,
                       const uint8_t *b)
{
	char hex[16];
	int32_t d = signed_disp(in);

	hex_bytes(hex, sizeof hex, b, in->disp_len);
	if (in->base < 0 && in->index < 0)
		line(out, st, "displacement", "%-*s 0x%0*" PRIX32 ", the address itself",
		     BYTES_WIDTH, hex, in->asize * 2, in->disp);
	else if (in->disp_len == 1)
		line(out, st, "displacement", "%-*s %s%" PRId32 " (one byte, sign-extended)",
		     BYTES_WIDTH, hex, d < 0 ? "" : "+", d);
	else
		line(out, st, "displacement", "%-*s %s%" PRId32 " (little-endian: low byte first)",
		     BYTES_WIDTH, hex, d < 0 ? "" : "+", d);
}

static bool sign_extended_imm8(unsigned op)
{
	return op == 0x83 || op == 0x6a || op == 0x6b;
}

static void print_imm(FILE *out, const struct style *st, const struct cpu_insn_info *in,
                      const uint8_t *b, int n)
{
	char hex[16];
	uint32_t v = little_endian(b, n);

	hex_bytes(hex, sizeof hex, b, n);
	if (n == 1 && sign_extended_imm8(opcode_of(in)) && (v & 0x80))
		line(out, st, "immediate",
		     "%-*s 0x%02" PRIX32 " = %d, sign-extended to the operand size", BYTES_WIDTH,
		     hex, v, (int8_t)v);
	else if (n > 1)
		line(out, st, "immediate", "%-*s 0x%0*" PRIX32 " (little-endian: low byte first)",
		     BYTES_WIDTH, hex, n * 2, v);
	else
		line(out, st, "immediate", "%-*s 0x%02" PRIX32 " = %" PRIu32, BYTES_WIDTH, hex, v,
		     v);
}

static const struct cpu_operand *find_operand(const struct cpu_insn_info *in,
                                              enum cpu_operand_class cls)
{
	for (int i = 0; i < 3; i++) {
		if (in->operand[i].cls == cls)
			return &in->operand[i];
	}
	return NULL;
}

/* The displacement of a relative jump, call or loop. */
static void print_relative(FILE *out, const struct style *st, const uint8_t *b, int n)
{
	char hex[16];
	uint32_t v = little_endian(b, n);
	int32_t d = n == 1 ? (int8_t)v : n == 2 ? (int16_t)v : (int32_t)v;

	hex_bytes(hex, sizeof hex, b, n);
	line(out, st, "relative", "%-*s %s%" PRId32 ", added to the IP of the next instruction",
	     BYTES_WIDTH, hex, d < 0 ? "" : "+", d);
}

/* The immediates: plain values, a jump's displacement, or a far pointer. */
static void print_immediates(FILE *out, const struct style *st, const struct cpu_insn_info *in,
                             const uint8_t *b)
{
	char hex[16];
	bool far = find_operand(in, OPERAND_FAR) != NULL;

	if (in->imm_len && find_operand(in, OPERAND_REL)) {
		print_relative(out, st, b, in->imm_len);
	} else if (in->imm_len && far) {
		hex_bytes(hex, sizeof hex, b, in->imm_len);
		line(out, st, "immediate", "%-*s 0x%0*" PRIX32 ": the new IP", BYTES_WIDTH, hex,
		     in->imm_len * 2, little_endian(b, in->imm_len));
	} else if (in->imm_len) {
		print_imm(out, st, in, b, in->imm_len);
	}
	b += in->imm_len;
	if (in->imm2_len && far) {
		hex_bytes(hex, sizeof hex, b, in->imm2_len);
		line(out, st, "immediate", "%-*s 0x%04" PRIX32 ": the new CS", BYTES_WIDTH, hex,
		     little_endian(b, in->imm2_len));
	} else if (in->imm2_len) {
		print_imm(out, st, in, b, in->imm2_len);
	}
}

static void print_encoding(FILE *out, const struct style *st, const struct cpu_insn_info *in)
{
	int pos = in->prefix_len + in->opcode_len;
	int total = pos + in->has_modrm + in->has_sib + in->disp_len + in->imm_len + in->imm2_len;

	print_prefixes_and_opcode(out, st, in);
	if (total > in->len || total > 16)
		return; /* an inconsistent description: show no more than is certain */
	if (in->has_modrm) {
		print_modrm(out, st, in);
		pos++;
	}
	if (in->has_sib) {
		print_sib(out, st, in);
		pos++;
	}
	if (in->disp_len) {
		print_disp(out, st, in, in->bytes + pos);
		pos += in->disp_len;
	}
	print_immediates(out, st, in, in->bytes + pos);
}

/* ---- addresses ---- */

static int default_segment(const struct cpu_insn_info *in)
{
	return in->base == REG_BP || in->base == REG_SP ? SEG_SS : SEG_DS;
}

/* "bx + si + 4 = 0x1000 + 0x0020 + 0x0004 = 0x1024"; returns the offset. */
static uint32_t print_offset(FILE *out, const struct style *st, const struct cpu *c,
                             const struct cpu_insn_info *in)
{
	uint32_t mask = in->asize == 2 ? 0xffff : 0xffffffff;
	int w = in->asize * 2, terms = 0;
	int64_t sum = 0;
	int32_t d = signed_disp(in);
	char sym[64] = "", num[96] = "";
	size_t ls = 0, ln = 0;

	if (in->base < 0 && in->index < 0) {
		line(out, st, "offset", "%s0x%0*" PRIX32 "%s, given in the instruction", st->value,
		     w, in->disp & mask, st->off);
		return in->disp & mask;
	}
	if (in->base >= 0) {
		uint32_t v = c->reg[in->base] & mask;
		ls += (size_t)snprintf(sym + ls, sizeof sym - ls, "%s",
		                       reg_name(in->asize, in->base));
		ln += (size_t)snprintf(num + ln, sizeof num - ln, "0x%0*" PRIX32, w, v);
		sum += v;
		terms++;
	}
	if (in->index >= 0) {
		uint32_t v = c->reg[in->index] & mask;
		const char *sep = terms ? " + " : "";
		ls += (size_t)snprintf(sym + ls, sizeof sym - ls, "%s%s", sep,
		                       reg_name(in->asize, in->index));
		ln += (size_t)snprintf(num + ln, sizeof num - ln, "%s0x%0*" PRIX32, sep, w, v);
		if (in->scale) {
			ls += (size_t)snprintf(sym + ls, sizeof sym - ls, "*%d", 1 << in->scale);
			ln += (size_t)snprintf(num + ln, sizeof num - ln, "*%d", 1 << in->scale);
		}
		sum += (int64_t)v << in->scale;
		terms++;
	}
	if (in->disp_len) {
		int64_t a = d < 0 ? -(int64_t)d : d;
		const char *sep = d < 0 ? " - " : " + ";
		snprintf(sym + ls, sizeof sym - ls, a < 10 ? "%s%" PRId64 : "%s0x%" PRIX64, sep, a);
		snprintf(num + ln, sizeof num - ln, "%s0x%0*" PRIX64, sep, w, a);
		sum += d;
		terms++;
	}
	if (terms == 1)
		line(out, st, "offset", "%s = %s0x%0*" PRIX64 "%s", sym, st->value, w,
		     (uint64_t)sum, st->off);
	else
		line(out, st, "offset", "%s = %s = %s%s0x%0*" PRIX64 "%s", sym, num, st->value,
		     sum < 0 ? "-" : "", w, (uint64_t)(sum < 0 ? -sum : sum), st->off);
	if (sum < 0 || sum > (int64_t)mask)
		line(out, st, "",
		     "wraps to %s0x%0*" PRIX32 "%s: %d-bit addressing keeps only the low "
		     "%d bits",
		     st->value, w, (uint32_t)sum & mask, st->off, in->asize * 8, in->asize * 8);
	return (uint32_t)sum & mask;
}

static void print_segment_choice(FILE *out, const struct style *st, const struct cpu_insn_info *in)
{
	int def = default_segment(in), seg = in->seg % SEG_COUNT;
	const char *why = def == SEG_SS ? "the address uses BP or SP, which point into the stack"
	                                : "data lives in DS unless told otherwise";

	if (in->seg_override)
		line(out, st, "segment", "%s, from the %s: prefix (the default would be %s: %s)",
		     seg_upper[seg], seg_upper[seg], seg_upper[def], why);
	else
		line(out, st, "segment", "%s, the default: %s", seg_upper[seg], why);
}

static void print_wraps(FILE *out, const struct style *st, const struct cpu *c, uint32_t lin,
                        uint32_t phys)
{
	const struct mem *m = c->mem;

	if (lin == phys)
		return;
	if (lin & ~m->cpu_mask)
		line(out, st, "",
		     "the %s has %d address lines: the bits above them are dropped, so "
		     "the address wraps around",
		     c->traits->name, c->traits->addr_bits);
	if ((lin & m->cpu_mask & (1u << 20)) && !(m->addr_mask & (1u << 20)))
		line(out, st, "",
		     "A20 is closed: address line 20 is held at 0, so the address wraps "
		     "around 1 MiB as on the 8086");
}

/* "DS:1024 = 0x1000*16 + 0x1024 = 0x11024 linear -> physical 0x11024" */
static bool print_translation(FILE *out, const struct style *st, const struct cpu *c, int seg,
                              uint32_t off, uint32_t *phys)
{
	const struct segcache *s = &c->seg[seg];
	uint32_t lin = cpu_linear(c, seg, off);
	int w = off > 0xffff ? 8 : 4;
	char how[32];

	if (!(c->cr0 & CR0_PE) && s->base == (uint32_t)s->sel << 4)
		snprintf(how, sizeof how, "0x%04X*16", s->sel);
	else
		snprintf(how, sizeof how, "base 0x%08" PRIX32, s->base);
	if (!cpu_linear_to_phys(c, lin, phys)) {
		line(out, st, "linear",
		     "%s:%0*" PRIX32 " = %s + 0x%0*" PRIX32 " = 0x%05" PRIX32
		     " linear, which has no physical address now",
		     seg_upper[seg], w, off, how, w, off, lin);
		return false;
	}
	line(out, st, "linear",
	     "%s:%0*" PRIX32 " = %s + 0x%0*" PRIX32 " = 0x%05" PRIX32
	     " linear -> physical %s0x%05" PRIX32 "%s",
	     seg_upper[seg], w, off, how, w, off, lin, st->value, *phys, st->off);
	print_wraps(out, st, c, lin, *phys);
	return true;
}

static void print_value(FILE *out, const struct style *st, const struct cpu *c, uint32_t phys,
                        int size)
{
	static const char *const unit[5] = { "", "byte", "word", "", "dword" };
	uint8_t b[8] = { 0 };
	char hex[32];

	if (size == 1 || size == 2 || size == 4) {
		mem_peek(c->mem, phys, b, (uint32_t)size);
		line(out, st, "value", "%s at physical 0x%05" PRIX32 " = %s0x%0*" PRIX32 "%s",
		     unit[size], phys, st->value, size * 2, little_endian(b, size), st->off);
	} else if (size > 4 && size <= 8) {
		mem_peek(c->mem, phys, b, (uint32_t)size);
		hex_bytes(hex, sizeof hex, b, size);
		line(out, st, "value", "%d bytes at physical 0x%05" PRIX32 ": %s", size, phys, hex);
	}
}

/* A multi-byte operand whose last byte is past offset FFFF of a 16-bit segment. */
static void print_segment_end(FILE *out, const struct style *st, const struct cpu *c, uint32_t off,
                              int size)
{
	if ((c->cr0 & CR0_PE) || off > 0xffff || size < 2 || off + (uint32_t)size - 1 <= 0xffff)
		return;
	if (c->traits->seg_wrap)
		line(out, st, "",
		     "the operand runs past offset FFFF: the %s wraps its last byte "
		     "around to offset 0000",
		     c->traits->name);
	else
		line(out, st, "",
		     "the operand runs past offset FFFF: the %s raises a fault instead",
		     c->traits->name);
}

static void print_memory(FILE *out, const struct style *st, const struct cpu *c,
                         const struct cpu_insn_info *in, const struct cpu_operand *o)
{
	uint32_t off = print_offset(out, st, c, in), phys;
	int seg = in->seg % SEG_COUNT;

	if (in->mnemonic && !strcmp(in->mnemonic, "lea")) {
		line(out, st, "",
		     "LEA stops here: the offset itself goes into the register, and no "
		     "segment or memory is used");
		return;
	}
	print_segment_choice(out, st, in);
	if (print_translation(out, st, c, seg, off, &phys))
		print_value(out, st, c, phys, o->size);
	print_segment_end(out, st, c, off, o->size);
}

static void print_string_operand(FILE *out, const struct style *st, const struct cpu *c,
                                 const struct cpu_insn_info *in, const struct cpu_operand *o)
{
	bool src = o->reg == REG_SI;
	int seg = src ? in->seg % SEG_COUNT : SEG_ES;
	uint32_t mask = in->asize == 2 ? 0xffff : 0xffffffff;
	uint32_t off = c->reg[o->reg] & mask, phys;
	const char *reg = reg_name(in->asize, o->reg);

	if (src)
		line(out, st, "source", "%s:%s, %s = 0x%0*" PRIX32 " (%s)", seg_upper[seg],
		     in->asize == 2 ? "SI" : "ESI", reg, in->asize * 2, off,
		     in->seg_override ? "a prefix replaced the default DS"
		                      : "DS unless a prefix says otherwise");
	else
		line(out, st, "destination",
		     "ES:%s, %s = 0x%0*" PRIX32 " (always ES: no prefix can change it)",
		     in->asize == 2 ? "DI" : "EDI", reg, in->asize * 2, off);
	if (print_translation(out, st, c, seg, off, &phys))
		print_value(out, st, c, phys, o->size);
}

/* 'regs': which of SI and DI the instruction moves ("SI", "DI" or "SI and DI"). */
static void print_string_steps(FILE *out, const struct style *st, const struct cpu *c,
                               const struct cpu_insn_info *in, const char *regs, int size)
{
	bool down = (cpu_flags(c) & FLAG_DF) != 0;
	uint32_t count = c->reg[REG_CX] & (in->asize == 2 ? 0xffff : 0xffffffff);
	const char *cx = in->asize == 2 ? "cx" : "ecx";

	line(out, st, "direction", "DF = %d: %s %s by %d after each element", down, regs,
	     down ? "go down" : "go up", size);
	if (!in->rep)
		return;
	if (count == 0)
		line(out, st, "repeat", "%s = 0: the repeated instruction does nothing", cx);
	else
		line(out, st, "repeat",
		     "%s = %" PRIu32 ": at most %" PRIu32 " more time%s, counting %s down", cx,
		     count, count, count == 1 ? "" : "s", cx);
}

static void print_target(FILE *out, const struct style *st, const struct cpu *c,
                         const struct cpu_insn_info *in, const struct cpu_operand *o)
{
	uint32_t mask = in->osize == 2 ? 0xffff : 0xffffffff;
	uint32_t next = (c->eip + in->len) & mask, delta = (o->value - next) & mask;
	bool back = in->osize == 2 ? (delta & 0x8000) != 0 : (delta & 0x80000000u) != 0;
	int w = in->osize * 2;

	if (o->cls == OPERAND_FAR) {
		line(out, st, "target", "%s%04X:%04" PRIX32 "%s: loads both CS and IP", st->value,
		     o->sel, o->value, st->off);
		return;
	}
	line(out, st, "target", "%sCS:%0*" PRIX32 "%s = next IP 0x%0*" PRIX32 " %s 0x%0*" PRIX32,
	     st->value, w, o->value, st->off, w, next, back ? "-" : "+", w,
	     back ? (0 - delta) & mask : delta);
}

static int interrupt_vector(const struct cpu_insn_info *in)
{
	if (!in->mnemonic)
		return -1;
	if (!strcmp(in->mnemonic, "int3"))
		return 3;
	if (!strcmp(in->mnemonic, "into"))
		return 4;
	if (!strcmp(in->mnemonic, "int") && in->operand[0].cls == OPERAND_IMM)
		return (int)(in->operand[0].value & 0xff);
	return -1;
}

static void print_vector(FILE *out, const struct style *st, const struct cpu *c, int v)
{
	uint32_t lin = c->idtr.base + (uint32_t)v * 4, phys;
	uint8_t b[4];

	if ((c->cr0 & CR0_PE) || !cpu_linear_to_phys(c, lin, &phys))
		return;
	mem_peek(c->mem, phys, b, 4);
	line(out, st, "vector",
	     "%02Xh * 4 = 0x%04" PRIX32 ": the handler is at %s%04X:%04X%s "
	     "(the far pointer stored there)",
	     v, lin, st->value, (unsigned)little_endian(b + 2, 2), (unsigned)little_endian(b, 2),
	     st->off);
}

static void print_operands(FILE *out, const struct style *st, const struct cpu *c,
                           const struct cpu_insn_info *in)
{
	int string_size = 0, v;
	bool si = false, di = false;

	for (int i = 0; i < 3; i++) {
		const struct cpu_operand *o = &in->operand[i];
		if (o->cls == OPERAND_MEM)
			print_memory(out, st, c, in, o);
		else if (o->cls == OPERAND_REL || o->cls == OPERAND_FAR)
			print_target(out, st, c, in, o);
	}
	/* Strings read as "from DS:SI to ES:DI": the source first, whatever the operand order. */
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < 3; i++) {
			const struct cpu_operand *o = &in->operand[i];
			if (o->cls != OPERAND_STRING || (o->reg == REG_SI) != (pass == 0))
				continue;
			print_string_operand(out, st, c, in, o);
			string_size = o->size;
			si |= pass == 0;
			di |= pass == 1;
		}
	}
	if (string_size)
		print_string_steps(out, st, c, in,
		                   si && di ? "SI and DI"
		                   : si     ? "SI"
		                            : "DI",
		                   string_size);
	v = interrupt_vector(in);
	if (v >= 0)
		print_vector(out, st, c, v);
}

/* ---- flags ---- */

static void flag_list(char *buf, size_t size, uint32_t mask, const struct cpu *values)
{
	size_t o = 0;

	buf[0] = 0;
	for (size_t i = 0; i < NFLAGS && o < size; i++) {
		uint32_t m = flag_names[i].mask;
		if (!(mask & m))
			continue;
		if (values)
			o += (size_t)snprintf(buf + o, size - o, "%s%s=%" PRIu32, o ? " " : "",
			                      flag_names[i].name,
			                      (cpu_flags(values) & m) / (m & -m));
		else
			o += (size_t)snprintf(buf + o, size - o, "%s%s", o ? " " : "",
			                      flag_names[i].name);
	}
	if (!buf[0])
		snprintf(buf, size, "none");
}

static void print_flags(FILE *out, const struct style *st, const struct cpu *c,
                        const struct cpu_insn_info *in)
{
	char buf[128];

	flag_list(buf, sizeof buf, in->flags_read, c);
	line(out, st, "flags read", "%s", buf);
	flag_list(buf, sizeof buf, in->flags_written, NULL);
	line(out, st, "flags written", "%s", buf);
	flag_list(buf, sizeof buf, in->flags_undefined, NULL);
	line(out, st, "undefined", "%s", buf);
}

static void print_bad(FILE *out, const struct style *st, const struct cpu *c,
                      const struct cpu_insn_info *in)
{
	if (in->status == INSN_UD)
		line(out, st, "invalid",
		     "not an instruction on the %s: it raises #UD (invalid opcode, "
		     "interrupt 6)",
		     c->traits->name);
	else
		line(out, st, "invalid",
		     "longer than the %s allows (%d bytes): it raises #GP "
		     "(general protection, interrupt 13)",
		     c->traits->name, c->traits->max_insn_len);
}

void explain_print(FILE *out, struct cpu *c, const struct cpu_insn_info *info, bool color)
{
	const struct style *st = color ? &ansi : &plain;

	print_header(out, st, c, info);
	if (info->status != INSN_OK) {
		print_bad(out, st, c, info);
		return;
	}
	print_encoding(out, st, info);
	line(out, st, "what", "%s", info->what ? info->what : "(no description yet)");
	print_operands(out, st, c, info);
	print_flags(out, st, c, info);
}

/* ---- what a step changed ---- */

void regsnap_take(struct regsnap *s, const struct cpu *c)
{
	memcpy(s->reg, c->reg, sizeof s->reg);
	s->eip = c->eip;
	s->eflags = cpu_flags(c);
	for (int i = 0; i < SEG_COUNT; i++) {
		s->sel[i] = c->seg[i].sel;
		s->base[i] = c->seg[i].base;
	}
	s->cr0 = c->cr0;
}

static int changed_registers(FILE *out, const struct style *st, const struct regsnap *b,
                             const struct cpu *c)
{
	static const int order[8] = {
		REG_AX, REG_BX, REG_CX, REG_DX, REG_SI, REG_DI, REG_BP, REG_SP
	};
	int n = 0;

	for (int i = 0; i < 8; i++) {
		int r = order[i];
		uint32_t was = b->reg[r], now = c->reg[r];
		bool wide = ((was | now) >> 16) && c->traits->has_32bit;
		if (was == now)
			continue;
		line(out, st, reg_name(wide ? 4 : 2, r),
		     "%s0x%0*" PRIX32 "%s -> %s0x%0*" PRIX32 "%s", st->dim, wide ? 8 : 4, was,
		     st->off, st->value, wide ? 8 : 4, now, st->off);
		n++;
	}
	return n;
}

static int changed_segments(FILE *out, const struct style *st, const struct regsnap *b,
                            const struct cpu *c)
{
	static const int order[] = { SEG_DS, SEG_ES, SEG_SS, SEG_FS, SEG_GS };
	int n = 0;

	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		int s = order[i];
		if (b->sel[s] == c->seg[s].sel && b->base[s] == c->seg[s].base)
			continue;
		line(out, st, seg_lower[s], "%s0x%04X%s -> %s0x%04X%s (base 0x%05" PRIX32 ")",
		     st->dim, b->sel[s], st->off, st->value, c->seg[s].sel, st->off,
		     c->seg[s].base);
		n++;
	}
	return n;
}

static int changed_flags(FILE *out, const struct style *st, uint32_t was, uint32_t now)
{
	char buf[256];
	size_t o = 0;
	uint32_t named = 0;

	buf[0] = 0;
	for (size_t i = 0; i < NFLAGS; i++) {
		uint32_t m = flag_names[i].mask, shift = m & -m;
		named |= m;
		if ((was ^ now) & m)
			o += (size_t)snprintf(buf + o, sizeof buf - o,
			                      "%s%s %" PRIu32 " -> %" PRIu32, o ? ", " : "",
			                      flag_names[i].name, (was & m) / shift,
			                      (now & m) / shift);
	}
	for (int bit = 0; bit < 32 && o < sizeof buf; bit++) {
		uint32_t m = 1u << bit;
		if (!(named & m) && ((was ^ now) & m))
			o += (size_t)snprintf(buf + o, sizeof buf - o, "%sbit %d %d -> %d",
			                      o ? ", " : "", bit, (was & m) != 0, (now & m) != 0);
	}
	if (!buf[0])
		return 0;
	line(out, st, "flags", "%s", buf);
	return 1;
}

static int changed_memory(FILE *out, const struct style *st, const struct cpu *c, uint32_t lin,
                          const uint8_t *old, size_t len)
{
	uint8_t now[16];
	char was_hex[64], now_hex[64], where[48];
	uint32_t phys;
	int n = len > 16 ? 16 : (int)len;

	if (!len || !old)
		return 0;
	if (!cpu_linear_to_phys(c, lin, &phys))
		return 0;
	mem_peek(c->mem, phys, now, (uint32_t)n);
	hex_bytes(was_hex, sizeof was_hex, old, n);
	hex_bytes(now_hex, sizeof now_hex, now, n);
	if (phys == lin)
		snprintf(where, sizeof where, "linear 0x%05" PRIX32, lin);
	else
		snprintf(where, sizeof where, "linear 0x%05" PRIX32 " (physical 0x%05" PRIX32 ")",
		         lin, phys);
	if (!memcmp(old, now, (size_t)n))
		line(out, st, "memory", "%s: %s (written with the value it already had)", where,
		     now_hex);
	else
		line(out, st, "memory", "%s: %s%s%s -> %s%s%s%s", where, st->dim, was_hex, st->off,
		     st->value, now_hex, st->off, len > 16 ? " ..." : "");
	return 1;
}

void explain_changes(FILE *out, const struct regsnap *before, const struct cpu *c, uint32_t mem_lin,
                     const uint8_t *mem_old, size_t mem_len, bool color)
{
	const struct style *st = color ? &ansi : &plain;
	int n = 0;
	int w_was = before->eip > 0xffff ? 8 : 4, w_now = c->eip > 0xffff ? 8 : 4;

	n += changed_registers(out, st, before, c);
	n += changed_segments(out, st, before, c);
	n += changed_flags(out, st, before->eflags, cpu_flags(c));
	if (before->cr0 != c->cr0) {
		line(out, st, "cr0", "%s0x%08" PRIX32 "%s -> %s0x%08" PRIX32 "%s", st->dim,
		     before->cr0, st->off, st->value, c->cr0, st->off);
		n++;
	}
	n += changed_memory(out, st, c, mem_lin, mem_old, mem_len);
	line(out, st, "cs:ip", "%s%04X:%0*" PRIX32 "%s -> %s%04X:%0*" PRIX32 "%s", st->dim,
	     before->sel[SEG_CS], w_was, before->eip, st->off, st->value, c->seg[SEG_CS].sel, w_now,
	     c->eip, st->off);
	if (!n)
		line(out, st, "", "no register, flag or memory changed");
}
