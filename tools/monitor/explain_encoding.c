/*
 * tools/monitor/explain_encoding.c — `explain`, first part: the header line
 * and the instruction's bytes taken apart (prefixes, opcode, ModRM, SIB,
 * displacement, immediates), each field decoded.
 */
#include <inttypes.h>
#include <string.h>

#include "explain_text.h"

/* ---- the header and the encoding ---- */

void explain_header(FILE *out, const struct style *st, const struct cpu *c,
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
			         explain_seg_upper[s], explain_seg_upper[s]);
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
		snprintf(buf, size, "%s", explain_seg_lower[o->reg % SEG_COUNT]);
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
		snprintf(buf, size, "[%s%s]", reg_name(4, in->rm),
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
	     idx == 4 ? "none (100 means no index)" : reg_name(4, idx));
	if (base == 5 && in->mod == 0)
		snprintf(text, sizeof text, "none: a 32-bit displacement follows");
	else
		snprintf(text, sizeof text, "%s", reg_name(4, base));
	snprintf(label, sizeof label, "  base=%s", b);
	line(out, st, label, "%*s %s", BYTES_WIDTH, "", text);
}

int32_t signed_disp(const struct cpu_insn_info *in)
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

void explain_encoding(FILE *out, const struct style *st, const struct cpu_insn_info *in)
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
