/*
 * tools/monitor/mcmd_stats.c — 'stats': instructions executed and the speed,
 * the instruction mix by mnemonic (decoded now from the addresses the hook
 * counted), interrupts taken, and port accesses per device.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "monitor.h"

#define MIX_NAMES 512 /* distinct mnemonics */
#define MIX_SHOWN 20

struct mix_entry {
	const char *name;
	uint64_t count;
};

static void mix_add(struct mix_entry *e, int *n, const char *name, uint64_t count)
{
	for (int i = 0; i < *n; i++) {
		if (strcmp(e[i].name, name) == 0) {
			e[i].count += count;
			return;
		}
	}
	if (*n < MIX_NAMES)
		e[(*n)++] = (struct mix_entry){ name, count };
}

static int by_count(const void *pa, const void *pb)
{
	const struct mix_entry *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count < b->count ? 1 : -1;
	return strcmp(a->name, b->name);
}

/* The mnemonic of each counted address, decoded from memory as it is now. */
static int gather_mix(struct monitor *m, struct mix_entry *e)
{
	int n = 0;

	for (int i = 0; i < MON_MIX_SLOTS; i++) {
		const struct mon_mix_slot *s = &m->rec.mix[i];
		struct cpu_insn_info info;
		if (!s->count)
			continue;
		cpu_inspect(m->cpu, s->cs, s->lin - s->eip, s->eip, &info);
		mix_add(e, &n,
		        info.status == INSN_OK && info.mnemonic ? info.mnemonic : "(invalid)",
		        s->count);
	}
	if (m->rec.mix_other)
		mix_add(e, &n, "(others)", m->rec.mix_other);
	qsort(e, (size_t)n, sizeof *e, by_count);
	return n;
}

static void show_mix(struct monitor *m)
{
	struct mix_entry *e = calloc(MIX_NAMES, sizeof *e);
	int n;

	if (!e)
		return;
	n = gather_mix(m, e);
	fprintf(m->out, "instruction mix (%" PRIu64 " recorded, %d mnemonic%s):\n", m->rec.recorded,
	        n, n == 1 ? "" : "s");
	for (int i = 0; i < n && i < MIX_SHOWN; i++)
		fprintf(m->out, "  %-10s %10" PRIu64 "  %5.1f%%\n", e[i].name, e[i].count,
		        100.0 * (double)e[i].count / (double)m->rec.recorded);
	if (n > MIX_SHOWN)
		fprintf(m->out, "  (%d more)\n", n - MIX_SHOWN);
	free(e);
}

static const char *const source_names[] = { "INT instruction", "exception", "hardware" };

static void show_interrupts(struct monitor *m)
{
	bool any = false;

	fprintf(m->out, "interrupts taken%s:\n", m->rec.on ? "" : " (while history was on)");
	for (int s = 0; s < 3; s++) {
		for (int v = 0; v < 256; v++) {
			if (!m->rec.intr[s][v])
				continue;
			fprintf(m->out, "  int 0x%02X %10" PRIu64 "  %s\n", v, m->rec.intr[s][v],
			        source_names[s]);
			any = true;
		}
	}
	if (!any)
		fprintf(m->out, "  none\n");
}

static void show_ports(struct monitor *m)
{
	const struct bus *b = &m->machine->bus;

	fprintf(m->out, "port accesses:\n");
	for (int i = 0; i < b->nranges; i++)
		fprintf(m->out, "  %-12s %8" PRIu64 " reads %8" PRIu64 " writes\n",
		        b->range[i].name, b->range[i].reads, b->range[i].writes);
	fprintf(m->out, "  %-12s %8" PRIu64 " reads %8" PRIu64 " writes\n", "no device",
	        b->unclaimed_reads, b->unclaimed_writes);
}

static void show_speed(struct monitor *m)
{
	const struct mon_record *r = &m->rec;

	fprintf(m->out, "instructions executed: %" PRIu64 "\n", m->cpu->insns);
	if (r->seconds_run > 0)
		fprintf(m->out, "speed: %" PRIu64 " instructions in %.3f s, %.1f MIPS\n",
		        r->insns_run, r->seconds_run, (double)r->insns_run / r->seconds_run / 1e6);
}

int mcmd_stats(struct monitor *m, const struct mon_args *a)
{
	(void)a;
	show_speed(m);
	if (m->rec.recorded)
		show_mix(m);
	else
		fprintf(m->out, "instruction mix: nothing recorded%s\n",
		        m->rec.on ? " yet" : " (history is off)");
	show_interrupts(m);
	show_ports(m);
	return 0;
}
