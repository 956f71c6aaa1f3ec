/*
 * tools/monitor/explain.c — the `explain` command's text (explain.h): the
 * address arithmetic with the live register values, operands, flags. The
 * encoding is in explain_encoding.c, what a step changed in explain_changes.c.
 */
#include "explain.h"

#include "explain_text.h"

#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

#include "debug.h"

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
		     explain_seg_upper[seg], explain_seg_upper[seg], explain_seg_upper[def], why);
	else
		line(out, st, "segment", "%s, the default: %s", explain_seg_upper[seg], why);
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
		     explain_seg_upper[seg], w, off, how, w, off, lin);
		return false;
	}
	line(out, st, "linear",
	     "%s:%0*" PRIX32 " = %s + 0x%0*" PRIX32 " = 0x%05" PRIX32
	     " linear -> physical %s0x%05" PRIX32 "%s",
	     explain_seg_upper[seg], w, off, how, w, off, lin, st->value, *phys, st->off);
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
		line(out, st, "source", "%s:%s, %s = 0x%0*" PRIX32 " (%s)", explain_seg_upper[seg],
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
	for (size_t i = 0; i < explain_nflags && o < size; i++) {
		uint32_t m = explain_flags[i].mask;
		if (!(mask & m))
			continue;
		if (values)
			o += (size_t)snprintf(buf + o, size - o, "%s%s=%" PRIu32, o ? " " : "",
			                      explain_flags[i].name,
			                      (cpu_flags(values) & m) / (m & -m));
		else
			o += (size_t)snprintf(buf + o, size - o, "%s%s", o ? " " : "",
			                      explain_flags[i].name);
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
	const struct style *st = color ? &explain_ansi : &explain_plain;

	explain_header(out, st, c, info);
	if (info->status != INSN_OK) {
		print_bad(out, st, c, info);
		return;
	}
	explain_encoding(out, st, info);
	line(out, st, "what", "%s", info->what ? info->what : "(no description yet)");
	print_operands(out, st, c, info);
	explain_protection(out, st, c, info);
	print_flags(out, st, c, info);
}
