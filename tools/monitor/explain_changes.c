/*
 * tools/monitor/explain_changes.c — what one step changed: registers,
 * segments, flags by name, and the memory the instruction wrote.
 */
#include <inttypes.h>
#include <string.h>

#include "debug.h"
#include "explain.h"
#include "explain_text.h"

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
		line(out, st, explain_seg_lower[s],
		     "%s0x%04X%s -> %s0x%04X%s (base 0x%05" PRIX32 ")", st->dim, b->sel[s], st->off,
		     st->value, c->seg[s].sel, st->off, c->seg[s].base);
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
	for (size_t i = 0; i < explain_nflags; i++) {
		uint32_t m = explain_flags[i].mask, shift = m & -m;
		named |= m;
		if ((was ^ now) & m)
			o += (size_t)snprintf(buf + o, sizeof buf - o,
			                      "%s%s %" PRIu32 " -> %" PRIu32, o ? ", " : "",
			                      explain_flags[i].name, (was & m) / shift,
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
	const struct style *st = color ? &explain_ansi : &explain_plain;
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
