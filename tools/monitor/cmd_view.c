/*
 * tools/monitor/cmd_view.c — looking at the machine without changing it:
 * instruction lines (disasm, the current location), memory dumps (x),
 * the stack and the real-mode interrupt vector table.
 */
#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "monitor.h"

#define BYTES_FIELD 20 /* six bytes of an instruction, the usual longest */

static void bytes_text(const struct cpu_insn_info *info, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < info->len && used + 4 < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%02X", i ? " " : "",
		                         info->bytes[i]);
}

/* The linear address an operand names, for a symbol beside it: a jump
 * target, a far pointer, or a memory operand with a fixed address (named
 * only close to a symbol: data far past one is something else). */
static bool operand_target(const struct monitor *m, const struct cpu_insn_info *info, uint16_t cs,
                           uint32_t *lin, uint32_t *max)
{
	*max = MON_SYM_NEAR;
	for (int i = 0; i < 3; i++) {
		const struct cpu_operand *o = &info->operand[i];
		if (o->cls == OPERAND_REL) {
			*lin = ((uint32_t)cs << 4) + o->value;
			return true;
		}
		if (o->cls == OPERAND_FAR) {
			*lin = ((uint32_t)o->sel << 4) + o->value;
			return true;
		}
		if (o->cls == OPERAND_MEM && info->base < 0 && info->index < 0) {
			*lin = m->cpu->seg[info->seg].base + info->disp;
			*max = MON_SYM_DATA;
			return true;
		}
	}
	return false;
}

void mon_format_insn(struct monitor *m, const struct cpu_insn_info *info, uint16_t cs, uint32_t eip,
                     const char *mark, char *buf, size_t n)
{
	char bytes[64], sym[96] = "", addr[24];
	uint32_t target, max;

	bytes_text(info, bytes, sizeof bytes);
	if (eip > 0xFFFF)
		snprintf(addr, sizeof addr, "%04X:%08" PRIX32, cs, eip);
	else
		snprintf(addr, sizeof addr, "%04X:%04" PRIX32, cs, eip);
	if (operand_target(m, info, cs, &target, &max))
		mon_sym_text(m, target, max, sym, sizeof sym);
	snprintf(buf, n, "%s%s%s  %-*s %s%s%s", mark, mark[0] ? " " : "", addr, BYTES_FIELD, bytes,
	         info->text, sym[0] ? "  ; " : "", sym);
}

void mon_insn_line(struct monitor *m, FILE *f, const char *mark, uint16_t cs, uint32_t base,
                   uint32_t eip)
{
	struct cpu_insn_info info;
	char line[256];

	cpu_inspect(m->cpu, cs, base, eip, &info);
	mon_format_insn(m, &info, cs, eip, mark, line, sizeof line);
	fprintf(f, "%s\n", line);
}

/* "name:" above an instruction that starts a symbol, as in a listing. */
static void label_line(struct monitor *m, uint32_t lin)
{
	uint32_t dist = 1;
	const char *name = m->syms ? symtab_near(m->syms, lin, 0, &dist) : NULL;

	if (name && dist == 0)
		fprintf(m->out, "%s:\n", name);
}

/* "=>" marks the current instruction, '*' a breakpoint elsewhere (in
 * colour on a terminal). */
static void mark_for(struct monitor *m, uint32_t lin, bool current, char *mark, size_t n)
{
	bool brk = false;

	for (int i = 0; i < MON_MAX_POINTS; i++)
		if (m->points[i].id && m->points[i].kind == POINT_BREAK && m->points[i].enabled &&
		    m->points[i].lin == lin)
			brk = true;
	snprintf(mark, n, "%s%s%s",
	         current ? mon_color(m, COLOR_CURRENT)
	         : brk   ? mon_color(m, COLOR_BREAK)
	                 : "",
	         current ? "=>"
	         : brk   ? "* "
	                 : "  ",
	         current || brk ? mon_color(m, COLOR_OFF) : "");
}

void mon_show_location(struct monitor *m)
{
	struct cpu *c = m->cpu;
	uint32_t lin = cpu_linear(c, SEG_CS, c->eip);
	char mark[32];

	if (m->state == GUEST_ENDED)
		return;
	label_line(m, lin);
	mark_for(m, lin, true, mark, sizeof mark);
	mon_insn_line(m, m->out, mark, c->seg[SEG_CS].sel, c->seg[SEG_CS].base, c->eip);
}

int mcmd_disasm(struct monitor *m, const struct mon_args *a)
{
	struct cpu *c = m->cpu;
	struct mon_addr addr = { .kind = ADDR_SEGOFF,
		                 .seg = c->seg[SEG_CS].sel,
		                 .off = c->eip,
		                 .lin = cpu_linear(c, SEG_CS, c->eip) };
	int64_t n = 10;
	uint32_t off, phys;

	if (a->argc > 2) {
		mon_error(m, "usage: disasm [ADDR] [N] (e.g. 'disasm' or 'u 1000:0100 5')");
		return -1;
	}
	if (a->argc >= 1 && mon_address(m, a->argv[0], SEG_CS, &addr) < 0)
		return -1;
	if (a->argc == 2 && mon_count(m, a->rest[1], 1, 1000, "N", &n) < 0)
		return -1;
	if (!mon_addr_phys(m, &addr, 0, &phys) || mon_check_backed(m, phys, 1, "disasm") < 0)
		return -1;
	if (addr.kind == ADDR_PHYS) { /* no way back to SEG:OFF: a real-mode view */
		addr.seg = (uint16_t)((addr.phys >> 4) & 0xF000);
		addr.off = addr.phys - ((uint32_t)addr.seg << 4);
	}
	off = addr.off;
	for (int64_t i = 0; i < n; i++) {
		struct cpu_insn_info info;
		uint32_t base = (uint32_t)addr.seg << 4, lin = base + off;
		char mark[32], line[256];
		cpu_inspect(c, addr.seg, base, off, &info);
		label_line(m, lin);
		mark_for(m, lin, lin == cpu_linear(c, SEG_CS, c->eip), mark, sizeof mark);
		mon_format_insn(m, &info, addr.seg, off, mark, line, sizeof line);
		fprintf(m->out, "%s\n", line);
		off += info.len ? info.len : 1;
	}
	return 0;
}

/* The unit of x/FMT and io/FMT: b, w or d (bytes by default), or -1 after
 * saying what 'cmd' accepts. */
int mon_unit_size(struct monitor *m, const char *cmd, const char *fmt)
{
	if (fmt[0] == '\0' || strcmp(fmt, "b") == 0)
		return 1;
	if (strcmp(fmt, "w") == 0)
		return 2;
	if (strcmp(fmt, "d") == 0)
		return 4;
	mon_error(m, "%s/%s: the format is b (bytes), w (words) or d (doublewords)", cmd, fmt);
	return -1;
}

static void dump_line(struct monitor *m, const struct mon_addr *a, uint32_t at, const uint8_t *b,
                      uint32_t n, int unit)
{
	char addr[32];

	mon_addr_text(a, at, addr, sizeof addr);
	fprintf(m->out, "%s ", addr);
	for (uint32_t i = 0; i < 16; i += (uint32_t)unit) {
		uint32_t v = 0;
		for (int k = unit - 1; k >= 0; k--)
			v = v << 8 | b[i + (uint32_t)k];
		if (i < n)
			fprintf(m->out, " %0*" PRIX32, unit * 2, v);
		else
			fprintf(m->out, " %*s", unit * 2, "");
	}
	fprintf(m->out, "  ");
	for (uint32_t i = 0; i < n; i++)
		fputc(isprint(b[i]) ? b[i] : '.', m->out);
	fputc('\n', m->out);
}

static int read_bytes(struct monitor *m, const struct mon_addr *a, uint32_t at, uint8_t *b,
                      uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		uint32_t phys;
		if (!mon_addr_phys(m, a, at + i, &phys) || mon_check_backed(m, phys, 1, "x") < 0)
			return -1;
		mem_peek(&m->machine->mem, phys, &b[i], 1);
	}
	return 0;
}

int mcmd_x(struct monitor *m, const struct mon_args *a)
{
	struct mon_addr addr;
	int unit = mon_unit_size(m, "x", a->fmt);
	int64_t count;
	uint32_t total;

	if (unit < 0)
		return -1;
	if (a->argc < 1 || a->argc > 2) {
		mon_error(m, "usage: x/FMT ADDR [COUNT] (e.g. 'x/w ds:0200 8'); FMT is b, w or d");
		return -1;
	}
	count = 64 / unit;
	if (mon_address(m, a->argv[0], SEG_DS, &addr) < 0 ||
	    (a->argc == 2 && mon_count(m, a->rest[1], 1, 65536, "COUNT", &count) < 0))
		return -1;
	total = (uint32_t)count * (uint32_t)unit;
	for (uint32_t at = 0; at < total; at += 16) {
		uint8_t b[16] = { 0 };
		uint32_t n = total - at < 16 ? total - at : 16;
		if (read_bytes(m, &addr, at, b, n) < 0)
			return -1;
		dump_line(m, &addr, at, b, n, unit);
	}
	return 0;
}

static uint32_t peek_value(struct monitor *m, uint32_t lin, int size)
{
	uint8_t b[4] = { 0 };
	uint32_t phys, v = 0;

	if (cpu_linear_to_phys(m->cpu, lin, &phys))
		mem_peek(&m->machine->mem, phys, b, (uint32_t)size);
	for (int i = size - 1; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

int mcmd_stack(struct monitor *m, const struct mon_args *a)
{
	struct cpu *c = m->cpu;
	int size = c->seg[SEG_SS].big ? 4 : 2;
	uint32_t sp = mon_stack_pointer(c), bp = c->reg[REG_BP] & (size == 4 ? ~0u : 0xFFFF);
	int64_t n = 8;

	if (a->argc > 1) {
		mon_error(m, "usage: stack [N] (e.g. 'stack 4')");
		return -1;
	}
	if (a->argc == 1 && mon_count(m, a->rest[0], 1, 4096, "N", &n) < 0)
		return -1;
	for (int64_t i = 0; i < n; i++) {
		uint32_t off = (sp + (uint32_t)(i * size)) & (size == 4 ? ~0u : 0xFFFF);
		uint32_t v = peek_value(m, cpu_linear(c, SEG_SS, off), size);
		char sym[96] = "";
		if (m->syms)
			mon_sym_suffix(m, c->seg[SEG_CS].base + v, sym, sizeof sym);
		fprintf(m->out, "%-6s %04X:%04" PRIX32 "  %0*" PRIX32 "%s\n",
		        i == 0      ? "SP->"
		        : off == bp ? "BP->"
		                    : "",
		        c->seg[SEG_SS].sel, off, size * 2, v, sym);
	}
	return 0;
}
