/*
 * tools/monitor/cmd_tables.c — the protected-mode tables decoded: 'gdt',
 * 'ldt' and 'idt' one descriptor per line with its meaning, 'tss' a task
 * state segment field by field in its 16- or 32-bit layout. Memory is read
 * without side effects. SDM Vol. 3, 3.4.5 (descriptors), 5.8.3 and 6.11
 * (gates), 7.2 (TSS); 80286 manual chapter 6 for the 16-bit forms.
 */
#include <inttypes.h>
#include <string.h>

#include "desc.h"
#include "monitor.h"

enum { LIST_MAX = 8192 }; /* descriptors in a 64 KiB table */

static bool peek_lin(const struct cpu *c, uint32_t lin, void *buf, uint32_t n)
{
	uint8_t *b = buf;

	for (uint32_t i = 0; i < n; i++) {
		uint32_t phys;
		if (!cpu_linear_to_phys(c, lin + i, &phys) || mem_peek(c->mem, phys, &b[i], 1) != 1)
			return false;
	}
	return true;
}

static uint32_t le(const uint8_t *b, int n)
{
	uint32_t v = 0;

	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

/* Entry 'idx' of the table at 'base' with 'limit'; false past the limit or
 * outside memory. */
static bool read_entry(const struct cpu *c, uint32_t base, uint32_t limit, uint32_t idx,
                       struct desc *d)
{
	uint8_t raw[8];

	if (idx * 8 + 7 > limit || !peek_lin(c, base + idx * 8, raw, 8))
		return false;
	desc_decode(le(raw, 4), le(raw + 4, 4), c->model, d);
	return true;
}

/* "DPL=0 P=1 D/B=32-bit G=4K" (the 286 has neither D/B nor G). */
static void flags_text(const struct cpu *c, const struct desc *d, bool size_bits, char *buf,
                       size_t n)
{
	int len = snprintf(buf, n, "DPL=%d P=%d", d->dpl, d->present);

	if (size_bits && c->model != CPU_286 && len > 0 && (size_t)len < n)
		snprintf(buf + len, n - (size_t)len, " D/B=%s G=%s",
		         (d->attr & ATTR_DB) ? "32-bit" : "16-bit",
		         (d->attr & ATTR_G) ? "4K" : "byte");
}

/* One descriptor as a line after its selector or vector. */
static void desc_line(struct monitor *m, const char *tag, const struct desc *d)
{
	const struct cpu *c = m->cpu;
	char type[64], fl[64];

	if (d->lo == 0 && d->hi == 0) {
		fprintf(m->out, "%s  empty (all zero)\n", tag);
		return;
	}
	snprintf(type, sizeof type, "%s%s", desc_type_name(d),
	         (!d->system && (d->type & DESC_ACCESSED)) ? ", accessed" : "");
	if (desc_is_gate(d) && d->type == DESC_TASK_GATE) {
		flags_text(c, d, false, fl, sizeof fl);
		fprintf(m->out, "%s  %-36s -> TSS %04X  %s\n", tag, type, d->gate_sel, fl);
	} else if (desc_is_gate(d)) {
		flags_text(c, d, false, fl, sizeof fl);
		fprintf(m->out, "%s  %-36s -> %04X:%08" PRIX32 "  %s", tag, type, d->gate_sel,
		        d->gate_off, fl);
		if ((d->type & 7) == 4) /* call gates copy parameters */
			fprintf(m->out, " params=%d %s", d->gate_params,
			        (d->type & 8) ? "dwords" : "words");
		fputc('\n', m->out);
	} else {
		flags_text(c, d, !d->system, fl, sizeof fl);
		fprintf(m->out, "%s  %-36s base=%08" PRIX32 " limit=%08" PRIX32 "  %s\n", tag, type,
		        d->base, d->limit, fl);
	}
}

/* [FIRST [COUNT]] as entry numbers: FIRST is a selector (its low three bits
 * are ignored) or, with 'vectors', a vector. No FIRST: the whole table. */
static int parse_range(struct monitor *m, const struct mon_args *a, bool vectors, uint32_t entries,
                       uint32_t *first, uint32_t *count, bool *all)
{
	int64_t v, n = 1;

	*all = a->argc == 0;
	*first = 0;
	*count = entries;
	if (a->argc == 0)
		return 0;
	if (a->argc > 2) {
		mon_error(m, "usage: %s [%s [COUNT]]", a->name, vectors ? "VECTOR" : "SELECTOR");
		return -1;
	}
	if (mon_count(m, a->argv[0], 0, vectors ? 255 : 0xFFFF,
	              vectors ? "the vector" : "the selector", &v) < 0 ||
	    (a->argc == 2 && mon_count(m, a->rest[1], 1, LIST_MAX, "COUNT", &n) < 0))
		return -1;
	*first = vectors ? (uint32_t)v : (uint32_t)v >> 3;
	if (*first >= entries) {
		mon_error(m, "%s 0x%" PRIX64 " is past the table's limit (%" PRIu32 " entries)",
		          vectors ? "vector" : "selector", v, entries);
		return -1;
	}
	*count = (uint32_t)n < entries - *first ? (uint32_t)n : entries - *first;
	return 0;
}

/* A whole table leaves out its empty entries (except the first), and says so. */
static void list_table(struct monitor *m, const struct mon_args *a, uint32_t base, uint32_t limit,
                       bool vectors, uint16_t ti)
{
	uint32_t entries = (limit + 1) / 8, first, count, skipped = 0;
	bool all;
	struct desc d;
	char tag[16];

	if (entries > LIST_MAX)
		entries = LIST_MAX;
	if (entries == 0) {
		fprintf(m->out, "the table has no entries (limit 0x%04" PRIX32 ")\n", limit);
		return;
	}
	if (parse_range(m, a, vectors, entries, &first, &count, &all) < 0)
		return;
	for (uint32_t i = first; i < first + count; i++) {
		if (vectors)
			snprintf(tag, sizeof tag, "%02" PRIX32, i);
		else
			snprintf(tag, sizeof tag, "%04" PRIX32, i * 8 | ti);
		if (!read_entry(m->cpu, base, limit, i, &d)) {
			fprintf(m->out, "%s  not in memory\n", tag);
			continue;
		}
		if (all && (vectors || i > 0) && d.lo == 0 && d.hi == 0) {
			skipped++;
			continue;
		}
		if (!vectors && i == 0 && !ti)
			fprintf(m->out, "%s  null selector: loads nothing, faults when used\n",
			        tag);
		else
			desc_line(m, tag, &d);
	}
	if (skipped)
		fprintf(m->out, "(%" PRIu32 " empty entr%s not shown)\n", skipped,
		        skipped == 1 ? "y" : "ies");
}

static bool has_tables(struct monitor *m)
{
	if (m->cpu->model != CPU_8086)
		return true;
	fprintf(m->out, "the 8086 has no descriptor tables; its interrupt vectors are at 0000:0000 "
	                "('ivt')\n");
	return false;
}

static void real_mode_note(struct monitor *m, const char *table)
{
	if (cpu_exec_mode(m->cpu) == MODE_REAL)
		fprintf(m->out,
		        "real mode: the %s is not in use; it is what protected mode will use\n",
		        table);
}

int mcmd_gdt(struct monitor *m, const struct mon_args *a)
{
	const struct cpu *c = m->cpu;

	if (!has_tables(m))
		return 0;
	real_mode_note(m, "GDT");
	fprintf(m->out, "GDT at 0x%08" PRIX32 ", limit 0x%04X (%u entries)\n", c->gdtr.base,
	        c->gdtr.limit, (c->gdtr.limit + 1u) / 8);
	list_table(m, a, c->gdtr.base, c->gdtr.limit, false, 0);
	return 0;
}

int mcmd_ldt(struct monitor *m, const struct mon_args *a)
{
	const struct cpu *c = m->cpu;

	if (!has_tables(m))
		return 0;
	if (!(c->ldtr.sel & 0xfffc)) {
		fprintf(m->out, "LDTR holds the null selector: there is no LDT\n");
		return 0;
	}
	real_mode_note(m, "LDT");
	fprintf(m->out,
	        "LDT %04X at 0x%08" PRIX32 ", limit 0x%04" PRIX32 " (%" PRIu32 " entries)\n",
	        c->ldtr.sel, c->ldtr.base, c->ldtr.limit, (c->ldtr.limit + 1) / 8);
	list_table(m, a, c->ldtr.base, c->ldtr.limit > 0xFFFF ? 0xFFFF : c->ldtr.limit, false, 4);
	return 0;
}

int mcmd_idt(struct monitor *m, const struct mon_args *a)
{
	const struct cpu *c = m->cpu;

	/* Virtual-8086 mode takes its interrupts through the IDT too. */
	if (cpu_exec_mode(c) == MODE_REAL) {
		char one[] = "1";
		struct mon_args ivt = *a;
		fprintf(m->out,
		        "real mode: the IDT is not in use; interrupts go through the vector table "
		        "at 0x%08" PRIX32 "\n",
		        c->idtr.base);
		if (a->argc == 1) { /* one vector, as 'idt N' means in protected mode */
			ivt.argc = 2;
			ivt.argv[1] = one;
			ivt.rest[1] = one;
		}
		return mcmd_ivt(m, &ivt);
	}
	fprintf(m->out, "IDT at 0x%08" PRIX32 ", limit 0x%04X (%u vectors)\n", c->idtr.base,
	        c->idtr.limit, (c->idtr.limit + 1u) / 8);
	list_table(m, a, c->idtr.base, c->idtr.limit, true, 0);
	return 0;
}

/* ---- tss ---- */

struct tss_field {
	const char *name;
	uint8_t off16, off32; /* byte offsets in the 16- and 32-bit layouts; 0xFF: none */
	uint8_t size32;       /* bytes in the 32-bit layout (the 16-bit one has words) */
};

/* SDM Vol. 3, Figure 7-2 (32-bit TSS) and Figure 7-11 (16-bit TSS). */
static const struct tss_field tss_regs[] = {
	{ "IP", 0x0E, 0x20, 4 }, { "FLAGS", 0x10, 0x24, 4 }, { "AX", 0x12, 0x28, 4 },
	{ "CX", 0x14, 0x2C, 4 }, { "DX", 0x16, 0x30, 4 },    { "BX", 0x18, 0x34, 4 },
	{ "SP", 0x1A, 0x38, 4 }, { "BP", 0x1C, 0x3C, 4 },    { "SI", 0x1E, 0x40, 4 },
	{ "DI", 0x20, 0x44, 4 },
};
static const struct tss_field tss_sregs[] = {
	{ "ES", 0x22, 0x48, 2 }, { "CS", 0x24, 0x4C, 2 }, { "SS", 0x26, 0x50, 2 },
	{ "DS", 0x28, 0x54, 2 }, { "FS", 0xFF, 0x58, 2 }, { "GS", 0xFF, 0x5C, 2 },
};

static int tss_selector(struct monitor *m, const struct mon_args *a, uint16_t *sel)
{
	int64_t v;

	if (a->argc > 1) {
		mon_error(m, "usage: tss [SELECTOR]");
		return -1;
	}
	if (a->argc == 1) {
		if (mon_count(m, a->rest[0], 0, 0xFFFF, "the selector", &v) < 0)
			return -1;
		*sel = (uint16_t)v;
		return 0;
	}
	if (!(m->cpu->tr.sel & 0xfffc)) {
		mon_error(m, "TR holds no TSS; name one: tss SELECTOR");
		return -1;
	}
	*sel = m->cpu->tr.sel;
	return 0;
}

int mcmd_tss(struct monitor *m, const struct mon_args *a)
{
	const struct cpu *c = m->cpu;
	uint8_t t[0x68] = { 0 };
	uint16_t sel;
	struct desc d;
	bool wide;
	uint32_t need;

	if (!has_tables(m) || tss_selector(m, a, &sel) < 0)
		return m->cpu->model == CPU_8086 ? 0 : -1;
	if (!desc_peek(c, sel, &d)) {
		mon_error(m, "selector 0x%04X is outside the %s", sel, (sel & 4) ? "LDT" : "GDT");
		return -1;
	}
	if (!desc_is_tss(&d)) {
		mon_error(m, "selector 0x%04X names a %s, not a TSS", sel, desc_type_name(&d));
		return -1;
	}
	wide = (d.type & 8) != 0;
	need = wide ? 0x67 : 0x2B;
	fprintf(m->out, "TSS %04X: %s, base 0x%08" PRIX32 ", limit 0x%04" PRIX32 "%s\n", sel,
	        desc_type_name(&d), d.base, d.limit, sel == c->tr.sel ? " (the current task)" : "");
	if (d.limit < need)
		fprintf(m->out,
		        "the limit is below the %" PRIu32 " bytes this layout needs: a task "
		        "switch to it raises #TS\n",
		        need + 1);
	if (!peek_lin(c, d.base, t, need + 1)) {
		mon_error(m, "the TSS at 0x%08" PRIX32 " is not in memory", d.base);
		return -1;
	}
	fprintf(m->out, "  back link  %04" PRIX32 "\n", le(t, 2));
	for (int pl = 0; pl < 3; pl++) {
		uint32_t sp = wide ? le(t + 4 + 8 * pl, 4) : le(t + 2 + 4 * pl, 2);
		uint32_t ss = wide ? le(t + 8 + 8 * pl, 2) : le(t + 4 + 4 * pl, 2);
		fprintf(m->out, "  SS%d:%sSP%d  %04" PRIX32 ":%0*" PRIX32 "%s\n", pl,
		        wide ? "E" : "", pl, ss, wide ? 8 : 4, sp,
		        pl == 0 ? "   (the stack for privilege 0)" : "");
	}
	if (wide)
		fprintf(m->out, "  CR3        %08" PRIX32 "\n", le(t + 0x1C, 4));
	for (size_t i = 0; i < sizeof tss_regs / sizeof tss_regs[0]; i++) {
		const struct tss_field *f = &tss_regs[i];
		fprintf(m->out, "%s%s%s=%0*" PRIX32, i % 5 == 0 ? "  " : "  ", wide ? "E" : "",
		        f->name, wide ? 8 : 4, wide ? le(t + f->off32, 4) : le(t + f->off16, 2));
		if (i % 5 == 4)
			fputc('\n', m->out);
	}
	fprintf(m->out, " ");
	for (size_t i = 0; i < sizeof tss_sregs / sizeof tss_sregs[0]; i++) {
		const struct tss_field *f = &tss_sregs[i];
		if (wide || f->off16 != 0xFF)
			fprintf(m->out, " %s=%04" PRIX32, f->name,
			        le(t + (wide ? f->off32 : f->off16), 2));
	}
	fprintf(m->out, "\n  LDT        %04" PRIX32 "\n", wide ? le(t + 0x60, 2) : le(t + 0x2A, 2));
	if (wide)
		fprintf(m->out, "  T=%d        I/O map base %04" PRIX32 "%s\n", t[0x64] & 1,
		        le(t + 0x66, 2),
		        le(t + 0x66, 2) > d.limit ? " (past the limit: no I/O permission map)"
		                                  : "");
	return 0;
}
