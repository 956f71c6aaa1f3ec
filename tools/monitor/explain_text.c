/*
 * tools/monitor/explain_text.c — the pieces of the `explain` text that every
 * part uses: styles, the label column, names of registers, segments, flags.
 */
#include "explain_text.h"

#include <stdarg.h>
#include <string.h>

const struct style explain_plain = { "", "", "", "" };
const struct style explain_ansi = { "\033[1m", "\033[36m", "\033[2m", "\033[0m" };

static const char *const reg8[8] = { "al", "cl", "dl", "bl", "ah", "ch", "dh", "bh" };
static const char *const reg16[8] = { "ax", "cx", "dx", "bx", "sp", "bp", "si", "di" };
static const char *const reg32[8] = { "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi" };
const char *const explain_seg_upper[SEG_COUNT] = { "ES", "CS", "SS", "DS", "FS", "GS" };
const char *const explain_seg_lower[SEG_COUNT] = { "es", "cs", "ss", "ds", "fs", "gs" };

/* FLAGS bits by name, in the order debuggers show them (OF DF IF TF SF ZF AF PF CF). */
const struct explain_flag explain_flags[] = {
	{ "NT", FLAG_NT }, { "IOPL", FLAG_IOPL }, { "OF", FLAG_OF }, { "DF", FLAG_DF },
	{ "IF", FLAG_IF }, { "TF", FLAG_TF },     { "SF", FLAG_SF }, { "ZF", FLAG_ZF },
	{ "AF", FLAG_AF }, { "PF", FLAG_PF },     { "CF", FLAG_CF },
};
const size_t explain_nflags = sizeof explain_flags / sizeof explain_flags[0];

const char *reg_name(int size, int r)
{
	r &= 7;
	return size == 1 ? reg8[r] : size == 4 ? reg32[r] : reg16[r];
}

void line(FILE *out, const struct style *st, const char *label, const char *fmt, ...)
{
	va_list ap;

	fprintf(out, "  %s%-*s%s ", st->label, LABEL_WIDTH, label, st->off);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	fputc('\n', out);
}

const char *bits(char *buf, unsigned v, int n)
{
	for (int i = 0; i < n; i++)
		buf[i] = (char)('0' + ((v >> (n - 1 - i)) & 1));
	buf[n] = 0;
	return buf;
}

void hex_bytes(char *buf, size_t size, const uint8_t *b, int n)
{
	size_t o = 0;

	buf[0] = 0;
	for (int i = 0; i < n && o + 4 < size; i++)
		o += (size_t)snprintf(buf + o, size - o, i ? " %02X" : "%02X", b[i]);
}

uint32_t little_endian(const uint8_t *b, int n)
{
	uint32_t v = 0;

	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

/* The opcode as the table indexes it: 0x000-0x0FF, or 0x100 + the byte after 0F. */
unsigned opcode_of(const struct cpu_insn_info *in)
{
	const uint8_t *op = in->bytes + in->prefix_len;

	return in->opcode_len == 2 ? 0x100u | op[1] : op[0];
}

/* Opcodes whose ModRM.reg picks the operation (SDM Table A-6 groups, ESC). */
bool reg_is_extension(unsigned op)
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

bool is_cmps_or_scas(const struct cpu_insn_info *in)
{
	return in->mnemonic &&
	       (!strncmp(in->mnemonic, "cmps", 4) || !strncmp(in->mnemonic, "scas", 4));
}
