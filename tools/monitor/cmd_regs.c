/*
 * tools/monitor/mcmd_regs.c — the registers by name: 'regs' (changes since
 * the last stop marked), 'sregs' (segment caches, descriptor tables, CR0),
 * 'set REG VALUE', the "changed:" lines, and register names for completion.
 */
#include <inttypes.h>
#include <string.h>
#include <strings.h>

#include "monitor.h"

enum reg_kind { R_GPR32, R_GPR16, R_GPR8L, R_GPR8H, R_SEG, R_IP, R_FLAGS, R_FLAG };

struct reg_name {
	const char *name;
	enum reg_kind kind;
	uint32_t index; /* register number, or the flag's bit */
};

/* Names 'set', 'print' and completion accept; 32-bit names only on the 386. */
static const struct reg_name reg_names[] = {
	{ "eax", R_GPR32, REG_AX }, { "ebx", R_GPR32, REG_BX }, { "ecx", R_GPR32, REG_CX },
	{ "edx", R_GPR32, REG_DX }, { "esi", R_GPR32, REG_SI }, { "edi", R_GPR32, REG_DI },
	{ "ebp", R_GPR32, REG_BP }, { "esp", R_GPR32, REG_SP }, { "ax", R_GPR16, REG_AX },
	{ "bx", R_GPR16, REG_BX },  { "cx", R_GPR16, REG_CX },  { "dx", R_GPR16, REG_DX },
	{ "si", R_GPR16, REG_SI },  { "di", R_GPR16, REG_DI },  { "bp", R_GPR16, REG_BP },
	{ "sp", R_GPR16, REG_SP },  { "al", R_GPR8L, REG_AX },  { "bl", R_GPR8L, REG_BX },
	{ "cl", R_GPR8L, REG_CX },  { "dl", R_GPR8L, REG_DX },  { "ah", R_GPR8H, REG_AX },
	{ "bh", R_GPR8H, REG_BX },  { "ch", R_GPR8H, REG_CX },  { "dh", R_GPR8H, REG_DX },
	{ "cs", R_SEG, SEG_CS },    { "ds", R_SEG, SEG_DS },    { "es", R_SEG, SEG_ES },
	{ "ss", R_SEG, SEG_SS },    { "fs", R_SEG, SEG_FS },    { "gs", R_SEG, SEG_GS },
	{ "ip", R_IP, 0 },          { "eip", R_IP, 1 },         { "flags", R_FLAGS, 0 },
	{ "eflags", R_FLAGS, 1 },   { "cf", R_FLAG, FLAG_CF },  { "pf", R_FLAG, FLAG_PF },
	{ "af", R_FLAG, FLAG_AF },  { "zf", R_FLAG, FLAG_ZF },  { "sf", R_FLAG, FLAG_SF },
	{ "tf", R_FLAG, FLAG_TF },  { "if", R_FLAG, FLAG_IF },  { "df", R_FLAG, FLAG_DF },
	{ "of", R_FLAG, FLAG_OF },
};

/* FLAGS as written in the register, high bit first. */
static const struct {
	const char *name;
	uint32_t bit;
} flag_bits[] = { { "OF", FLAG_OF }, { "DF", FLAG_DF }, { "IF", FLAG_IF },
	          { "TF", FLAG_TF }, { "SF", FLAG_SF }, { "ZF", FLAG_ZF },
	          { "AF", FLAG_AF }, { "PF", FLAG_PF }, { "CF", FLAG_CF } };

#define NFLAGS (sizeof flag_bits / sizeof flag_bits[0])

/* Registers in the order people list them, not the encoding order. */
static const int gpr_order[8] = { REG_AX, REG_BX, REG_CX, REG_DX, REG_SI, REG_DI, REG_BP, REG_SP };
static const char *const gpr16[8] = { "AX", "CX", "DX", "BX", "SP", "BP", "SI", "DI" };
static const char *const gpr32[8] = { "EAX", "ECX", "EDX", "EBX", "ESP", "EBP", "ESI", "EDI" };
static const char *const seg_names[SEG_COUNT] = { "ES", "CS", "SS", "DS", "FS", "GS" };
static const int seg_order[SEG_COUNT] = { SEG_CS, SEG_DS, SEG_ES, SEG_SS, SEG_FS, SEG_GS };

const char *mon_reg_name(int i)
{
	int n = (int)(sizeof reg_names / sizeof reg_names[0]);

	return i < n ? reg_names[i].name : mon_sysreg_name(i - n);
}

static bool wide(const struct cpu *c)
{
	return c->traits->has_32bit;
}

static int nsegs(const struct cpu *c)
{
	return wide(c) ? SEG_COUNT : 4;
}

static bool was(const struct monitor *m, uint32_t before, uint32_t now)
{
	return m->before.valid && before != now;
}

/* One line of 'regs', built up field by field. */
struct regline {
	char s[256];
	size_t n;
};

/* "AX=1234" and a '*' when it changed since the last stop. */
static void field(struct monitor *m, struct regline *l, const char *name, uint32_t v, int digits,
                  bool changed)
{
	if (l->n < sizeof l->s)
		l->n += (size_t)snprintf(
		        l->s + l->n, sizeof l->s - l->n, "%s%s=%s%0*" PRIX32 "%s%c",
		        l->n ? " " : "", name, changed ? mon_color(m, COLOR_CHANGED) : "", digits,
		        v, changed ? mon_color(m, COLOR_OFF) : "", changed ? '*' : ' ');
}

/* Print the line without the blank of its last field. */
static void end_line(struct monitor *m, struct regline *l)
{
	if (l->n > sizeof l->s - 1)
		l->n = sizeof l->s - 1;
	while (l->n > 0 && l->s[l->n - 1] == ' ')
		l->n--;
	fprintf(m->out, "%.*s\n", (int)l->n, l->s);
	l->n = 0;
}

static void flags_line(struct monitor *m, struct regline *l, uint32_t flags, uint32_t before)
{
	for (size_t i = 0; i < NFLAGS; i++) {
		bool changed = was(m, before & flag_bits[i].bit, flags & flag_bits[i].bit);
		field(m, l, flag_bits[i].name, (flags & flag_bits[i].bit) != 0, 1, changed);
	}
	end_line(m, l);
}

int mcmd_regs(struct monitor *m, const struct mon_args *a)
{
	const struct cpu *c = m->cpu;
	const struct regsnap *b = &m->before.regs;
	int digits = wide(c) ? 8 : 4;
	uint32_t mask = wide(c) ? 0xFFFFFFFFu : 0xFFFF;
	struct regline l = { .n = 0 };

	(void)a;
	for (int i = 0; i < 8; i++) {
		int r = gpr_order[i];
		field(m, &l, wide(c) ? gpr32[r] : gpr16[r], c->reg[r] & mask, digits,
		      was(m, b->reg[r] & mask, c->reg[r] & mask));
		if (i == 3 && wide(c))
			end_line(m, &l);
	}
	end_line(m, &l);
	for (int i = 0; i < nsegs(c); i++) {
		int s = seg_order[i];
		field(m, &l, seg_names[s], c->seg[s].sel, 4, was(m, b->sel[s], c->seg[s].sel));
	}
	field(m, &l, wide(c) ? "EIP" : "IP", c->eip & mask, digits, was(m, b->eip, c->eip));
	field(m, &l, wide(c) ? "EFLAGS" : "FLAGS", cpu_flags(c) & mask, digits,
	      was(m, b->eflags, cpu_flags(c)));
	end_line(m, &l);
	flags_line(m, &l, cpu_flags(c), b->eflags);
	return 0;
}

/* The access byte of a descriptor (or of a real-mode segment cache). */
static void attr_text(uint16_t attr, char *buf, size_t n)
{
	bool code = attr & 0x08;

	snprintf(buf, n, "%s, %s%s%s, DPL %d%s",
	         (attr & 0x10) ? (code ? "code" : "data") : "system",
	         code ? ((attr & 0x02) ? "execute/read" : "execute-only")
	              : ((attr & 0x02) ? "read/write" : "read-only"),
	         code ? ((attr & 0x04) ? ", conforming" : "")
	              : ((attr & 0x04) ? ", expand-down" : ""),
	         (attr & 0x01) ? ", accessed" : "", (attr >> 5) & 3,
	         (attr & 0x80) ? ", present" : "");
}

/* LDTR and TR: the selector and its cached descriptor, once loaded. */
static void system_line(struct monitor *m, const char *name, const struct segcache *s)
{
	if (!(s->sel & 0xfffc) && !s->attr) {
		fprintf(m->out, "%-4s %04X  (not loaded)\n", name, s->sel);
		return;
	}
	fprintf(m->out, "%-4s %04X  %08" PRIX32 "  %08" PRIX32 "  %04X\n", name, s->sel, s->base,
	        s->limit, s->attr);
}

int mcmd_sregs(struct monitor *m, const struct mon_args *a)
{
	const struct cpu *c = m->cpu;
	char attr[96];

	(void)a;
	fprintf(m->out, "     sel   base      limit     attr\n");
	for (int i = 0; i < nsegs(c); i++) {
		const struct segcache *s = &c->seg[seg_order[i]];
		attr_text(s->attr, attr, sizeof attr);
		fprintf(m->out, "%-4s %04X  %08" PRIX32 "  %08" PRIX32 "  %04X  %s%s\n",
		        seg_names[seg_order[i]], s->sel, s->base, s->limit, s->attr, attr,
		        s->big ? ", 32-bit" : "");
	}
	if (c->model == CPU_8086) {
		fprintf(m->out, "the 8086 has no descriptor tables; its interrupt vectors are at "
		                "0000:0000\n");
		return 0;
	}
	fprintf(m->out, "GDTR       %08" PRIX32 "  %04X\n", c->gdtr.base, c->gdtr.limit);
	fprintf(m->out, "IDTR       %08" PRIX32 "  %04X\n", c->idtr.base, c->idtr.limit);
	system_line(m, "LDTR", &c->ldtr);
	system_line(m, "TR", &c->tr);
	fprintf(m->out, "%-4s %08" PRIX32 "  PE=%d (%s mode)\n", wide(c) ? "CR0" : "MSW", c->cr0,
	        (c->cr0 & CR0_PE) != 0, (c->cr0 & CR0_PE) ? "protected" : "real");
	if (c->traits->debug_regs)
		fprintf(m->out,
		        "DR0-3 %08" PRIX32 " %08" PRIX32 " %08" PRIX32 " %08" PRIX32
		        "  DR6 %08" PRIX32 "  DR7 %08" PRIX32 "\n",
		        c->dr[0], c->dr[1], c->dr[2], c->dr[3], c->dr[6], c->dr[7]);
	return 0;
}

static const struct reg_name *find_reg(const char *name)
{
	for (size_t i = 0; i < sizeof reg_names / sizeof reg_names[0]; i++)
		if (strcasecmp(reg_names[i].name, name) == 0)
			return &reg_names[i];
	return NULL;
}

static int64_t reg_max(const struct reg_name *r)
{
	switch (r->kind) {
	case R_GPR32:
		return 0xFFFFFFFF;
	case R_GPR8L:
	case R_GPR8H:
		return 0xFF;
	case R_FLAG:
		return 1;
	case R_IP:
	case R_FLAGS:
		return r->index ? 0xFFFFFFFF : 0xFFFF;
	default:
		return 0xFFFF;
	}
}

/* A general register, or a part of it: 'keep' are the bits that stay. */
static void store_gpr(struct cpu *c, uint32_t index, uint32_t keep, uint32_t v)
{
	c->reg[index] = (c->reg[index] & keep) | v;
}

static void store_reg(struct cpu *c, const struct reg_name *r, uint32_t v)
{
	uint32_t flags = cpu_flags(c);

	switch (r->kind) {
	case R_GPR32:
		store_gpr(c, r->index, 0, v);
		break;
	case R_GPR16:
		store_gpr(c, r->index, 0xFFFF0000u, v);
		break;
	case R_GPR8L:
		store_gpr(c, r->index, 0xFFFFFF00u, v);
		break;
	case R_GPR8H:
		store_gpr(c, r->index, 0xFFFF00FFu, v << 8);
		break;
	case R_IP:
		c->eip = r->index ? v : (c->eip & 0xFFFF0000u) | v;
		break;
	case R_FLAGS:
		cpu_set_flags(c, r->index ? v : (flags & 0xFFFF0000u) | v);
		break;
	case R_FLAG:
		cpu_set_flags(c, v ? flags | r->index : flags & ~r->index);
		break;
	case R_SEG: /* mon_set_segment: protected mode reads a descriptor */
		break;
	}
}

static bool reg_exists(const struct cpu *c, const struct reg_name *r)
{
	if (wide(c))
		return true;
	if (r->kind == R_GPR32 || ((r->kind == R_IP || r->kind == R_FLAGS) && r->index))
		return false;
	return !(r->kind == R_SEG && (r->index == SEG_FS || r->index == SEG_GS));
}

/* The register name and the value text of 'set REG VALUE', 'set REG=VALUE'
 * or 'set REG = VALUE'. */
static const char *split_set(const struct mon_args *a, char *name, size_t n)
{
	const char *eq = a->argc > 0 ? strchr(a->argv[0], '=') : NULL;

	if (a->argc == 0)
		return NULL;
	snprintf(name, n, "%.*s", eq ? (int)(eq - a->argv[0]) : (int)strlen(a->argv[0]),
	         a->argv[0]);
	if (eq)
		return a->rest[0] + (eq - a->argv[0]) + 1;
	if (a->argc > 1 && a->argv[1][0] == '=' && a->argv[1][1] != '=')
		return a->rest[1] + 1;
	return a->argc > 1 ? a->rest[1] : NULL;
}

/* A negative value is stored as its two's complement in the register's
 * width. */
int mcmd_set(struct monitor *m, const struct mon_args *a)
{
	char name[16];
	const char *value = split_set(a, name, sizeof name);
	const struct reg_name *r;
	int64_t v;
	int rc;

	if (!value || value[strspn(value, " \t")] == '\0' || !name[0]) {
		mon_error(m, "usage: set REG VALUE (e.g. 'set ax 0x1234' or 'set zf 1')");
		return -1;
	}
	rc = mon_set_system(m, name, value, a);
	if (rc != 1)
		return rc;
	r = find_reg(name);
	if (!r || !reg_exists(m->cpu, r)) {
		mon_error(m, "'%s' is not a register of the %s; 'help set' lists them", name,
		          m->cpu->traits->name);
		return -1;
	}
	if (mon_count(m, value, r->kind == R_FLAG ? 0 : -(reg_max(r) + 1) / 2, reg_max(r),
	              "the value", &v) < 0)
		return -1;
	if (r->kind == R_SEG)
		return mon_set_segment(m, (int)r->index, (uint16_t)v);
	store_reg(m->cpu, r, (uint32_t)v & (uint32_t)reg_max(r));
	return 0;
}

static void append(char *buf, size_t n, const char *fmt, const char *name, uint32_t v, int dig)
{
	size_t used = strlen(buf);

	if (used < n)
		snprintf(buf + used, n - used, fmt, used ? " " : "", name, dig, v);
}

void mon_changes_line(struct monitor *m, const struct regsnap *b, char *buf, size_t n)
{
	const struct cpu *c = m->cpu;
	uint32_t mask = wide(c) ? 0xFFFFFFFFu : 0xFFFF, flags = cpu_flags(c);

	buf[0] = '\0';
	for (int i = 0; i < 8; i++) {
		int r = gpr_order[i];
		if ((b->reg[r] ^ c->reg[r]) & mask)
			append(buf, n, "%s%s=%0*" PRIX32, wide(c) ? gpr32[r] : gpr16[r],
			       c->reg[r] & mask, wide(c) ? 8 : 4);
	}
	for (int i = 0; i < nsegs(c); i++)
		if (b->sel[seg_order[i]] != c->seg[seg_order[i]].sel)
			append(buf, n, "%s%s=%0*" PRIX32, seg_names[seg_order[i]],
			       c->seg[seg_order[i]].sel, 4);
	for (size_t i = 0; i < NFLAGS; i++)
		if ((b->eflags ^ flags) & flag_bits[i].bit)
			append(buf, n, "%s%s=%0*" PRIX32, flag_bits[i].name,
			       (flags & flag_bits[i].bit) != 0, 1);
	if (b->cr0 != c->cr0)
		append(buf, n, "%s%s=%0*" PRIX32, "CR0", c->cr0, 8);
}
