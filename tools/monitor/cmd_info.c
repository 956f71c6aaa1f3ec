/*
 * tools/monitor/mcmd_info.c — understanding what ran: the before-instruction
 * hook (history ring, instruction mix, trace lines, 'finish' watching for
 * its return), and the commands explain, trace, stats and history.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "monitor.h"

static void count_mix(struct mon_record *r, uint32_t lin, uint16_t cs, uint32_t eip)
{
	uint32_t slot = (lin * 2654435761u) >> (32 - MON_MIX_BITS); /* Fibonacci hashing */

	for (int probe = 0; probe < 8; probe++) {
		struct mon_mix_slot *s = &r->mix[(slot + (uint32_t)probe) & (MON_MIX_SLOTS - 1)];
		if (s->count && s->lin == lin) {
			s->count++;
			return;
		}
		if (!s->count) {
			*s = (struct mon_mix_slot){ lin, 1, cs, eip };
			return;
		}
	}
	r->mix_other++;
}

static void record_insn(struct mon_record *r, const struct cpu *c)
{
	struct mon_hist *h = &r->ring[r->recorded % MON_HISTORY];

	h->cs = c->seg[SEG_CS].sel;
	h->base = c->seg[SEG_CS].base;
	h->eip = c->eip;
	r->recorded++;
	count_mix(r, h->base + h->eip, h->cs, h->eip);
}

static void trace_print(struct monitor *m)
{
	struct mon_trace *t = &m->trace;
	char line[256], changes[200];

	mon_format_insn(m, &t->info, t->cs, t->eip, "", line, sizeof line);
	mon_changes_line(m, &t->before, changes, sizeof changes);
	if (changes[0])
		fprintf(t->f, "%-60s %s\n", line, changes);
	else
		fprintf(t->f, "%s\n", line);
}

/* An instruction's line is printed when the next one starts: only then
 * are its effects known. */
static void trace_insn(struct monitor *m, struct cpu *c)
{
	struct mon_trace *t = &m->trace;

	if (t->pending && c->insns != t->pending_insns)
		trace_print(m);
	t->pending = true;
	t->pending_insns = c->insns;
	t->cs = c->seg[SEG_CS].sel;
	t->eip = c->eip;
	regsnap_take(&t->before, c);
	cpu_inspect(c, t->cs, c->seg[SEG_CS].base, c->eip, &t->info);
}

void mon_trace_flush(struct monitor *m)
{
	struct mon_trace *t = &m->trace;

	if (t->f && t->pending && m->cpu->insns != t->pending_insns)
		trace_print(m);
	t->pending = false;
	if (t->f)
		fflush(t->f);
}

void mon_trace_close(struct monitor *m)
{
	mon_trace_flush(m);
	if (m->trace.owned)
		fclose(m->trace.f);
	m->trace.f = NULL;
	m->trace.owned = false;
}

/* The opcode after any prefixes, read without side effects. */
static int opcode_at(struct cpu *c, bool *osize)
{
	uint8_t b[8];
	uint32_t phys;

	*osize = false;
	if (!cpu_linear_to_phys(c, cpu_linear(c, SEG_CS, c->eip), &phys))
		return -1;
	mem_peek(c->mem, phys, b, sizeof b);
	for (int i = 0; i < 7; i++) {
		if (b[i] == 0x66)
			*osize = true;
		else if (b[i] != 0x67 && b[i] != 0x26 && b[i] != 0x2E && b[i] != 0x36 &&
		         b[i] != 0x3E && b[i] != 0x64 && b[i] != 0x65 && b[i] != 0xF0 &&
		         b[i] != 0xF2 && b[i] != 0xF3)
			return b[i];
	}
	return -1;
}

static uint32_t stack_word(struct cpu *c, uint32_t at, int size)
{
	uint32_t phys, v = 0;
	uint8_t b[4] = { 0 };

	if (cpu_linear_to_phys(c, cpu_linear(c, SEG_SS, at), &phys))
		mem_peek(c->mem, phys, b, (uint32_t)size);
	for (int i = size - 1; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

/* 'finish': a RET, RETF or IRET at the depth where the command was given
 * (or shallower) returns from the procedure; stop where it returns to. */
static void finish_check(struct monitor *m, struct cpu *c)
{
	bool o32;
	int op;
	int size;
	uint32_t sp = mon_stack_pointer(c), ip, cs_base = c->seg[SEG_CS].base;

	if (c->seg[SEG_SS].sel != m->finish.ss || sp < m->finish.sp)
		return;
	op = opcode_at(c, &o32);
	if (op != 0xC3 && op != 0xC2 && op != 0xCB && op != 0xCA && op != 0xCF)
		return;
	size = (c->seg[SEG_CS].big != o32) ? 4 : 2;
	ip = stack_word(c, sp, size);
	if (op != 0xC3 && op != 0xC2) /* far: CS follows, a real-mode segment */
		cs_base = (stack_word(c, sp + (uint32_t)size, 2) & 0xFFFF) << 4;
	m->finish.active = false;
	mon_debug_add_temp(m, cs_base + ip);
}

void mon_before_insn(void *ctx, struct cpu *c)
{
	struct monitor *m = ctx;

	if (m->rec.on)
		record_insn(&m->rec, c);
	if (m->trace.f)
		trace_insn(m, c);
	if (m->finish.active)
		finish_check(m, c);
}

bool mon_hook_needed(const struct monitor *m)
{
	return m->rec.on || m->trace.f || m->finish.active;
}

void mon_record_reset(struct monitor *m)
{
	struct mon_record *r = &m->rec;

	r->recorded = 0;
	r->mix_other = 0;
	memset(r->intr, 0, sizeof r->intr);
	if (r->mix)
		memset(r->mix, 0, MON_MIX_SLOTS * sizeof *r->mix);
	r->insns_run = r->last_insns = 0;
	r->seconds_run = 0;
}

static void peek_lin(struct cpu *c, uint32_t lin, uint8_t *buf, size_t len)
{
	uint32_t phys;

	memset(buf, 0xFF, len);
	if (cpu_linear_to_phys(c, lin, &phys))
		mem_peek(c->mem, phys, buf, (uint32_t)len);
}

/* Before one step: the stack below SP and the memory operand, so that
 * 'explain' can tell which of them the instruction wrote. */
void mon_snap_written_memory(struct monitor *m)
{
	struct cpu *c = m->cpu;
	struct mon_before *b = &m->before;
	struct cpu_insn_info info;
	const struct cpu_operand *o = &info.operand[0];

	b->stack_lin = cpu_linear(c, SEG_SS, (mon_stack_pointer(c) - 16) & 0xFFFF);
	peek_lin(c, b->stack_lin, b->stack_old, sizeof b->stack_old);
	b->op_len = 0;
	cpu_inspect(c, c->seg[SEG_CS].sel, c->seg[SEG_CS].base, c->eip, &info);
	if (info.status != INSN_OK || o->size > MON_MEM_SNAP)
		return;
	if (o->cls == OPERAND_MEM)
		b->op_lin = cpu_linear(c, info.seg, cpu_insn_ea(c, &info));
	else if (o->cls == OPERAND_STRING && o->reg == REG_DI)
		b->op_lin =
		        cpu_linear(c, SEG_ES, c->reg[REG_DI] & (info.asize == 4 ? ~0u : 0xFFFF));
	else
		return;
	b->op_len = o->size;
	peek_lin(c, b->op_lin, b->op_old, b->op_len);
}

/* What the last step wrote: the stack when SP went down (PUSH, CALL, INT),
 * else its memory operand when the bytes there changed. */
static void written_memory(struct monitor *m, uint32_t *lin, const uint8_t **old, size_t *len)
{
	const struct mon_before *b = &m->before;
	uint32_t sp_was = b->regs.reg[REG_SP] & 0xFFFF, sp_now = mon_stack_pointer(m->cpu);
	uint8_t now[MON_MEM_SNAP];

	*len = 0;
	if (b->regs.sel[SEG_SS] == m->cpu->seg[SEG_SS].sel && sp_now < sp_was &&
	    sp_was - sp_now <= 16) {
		*lin = b->stack_lin + 16 - (sp_was - sp_now);
		*old = b->stack_old + 16 - (sp_was - sp_now);
		*len = sp_was - sp_now;
		return;
	}
	peek_lin(m->cpu, b->op_lin, now, b->op_len);
	if (b->op_len && memcmp(now, b->op_old, b->op_len) != 0) {
		*lin = b->op_lin;
		*old = b->op_old;
		*len = b->op_len;
	}
}

int mcmd_explain(struct monitor *m, const struct mon_args *a)
{
	struct cpu *c = m->cpu;
	struct cpu_insn_info info;
	const uint8_t *old = NULL;
	uint32_t lin = 0;
	size_t len = 0;

	(void)a;
	if (m->before.valid && m->before.single_step) {
		written_memory(m, &lin, &old, &len);
		fprintf(m->out, "The last step changed:\n");
		explain_changes(m->out, &m->before.regs, c, lin, old, len, m->color);
		fputc('\n', m->out);
	}
	cpu_inspect(c, c->seg[SEG_CS].sel, c->seg[SEG_CS].base, c->eip, &info);
	explain_print(m->out, c, &info, m->color);
	return 0;
}

static int trace_on(struct monitor *m, const char *path)
{
	FILE *f = stdout;

	if (path) {
		f = fopen(path, "w");
		if (!f) {
			mon_error(m, "cannot write %s: %s", path, strerror(errno));
			return -1;
		}
	}
	mon_trace_close(m);
	m->trace.f = f;
	m->trace.owned = path != NULL;
	fprintf(m->out, "trace on: one line per instruction%s%s\n", path ? " to " : "",
	        path ? path : "");
	return 0;
}

int mcmd_trace(struct monitor *m, const struct mon_args *a)
{
	if (a->argc == 1 && strcmp(a->argv[0], "off") == 0) {
		mon_trace_close(m);
		fprintf(m->out, "trace off\n");
		return 0;
	}
	if ((a->argc == 1 || a->argc == 2) && strcmp(a->argv[0], "on") == 0)
		return trace_on(m, a->argc == 2 ? a->argv[1] : NULL);
	mon_error(m, "usage: trace on [FILE] | trace off");
	return -1;
}

static int history_switch(struct monitor *m, bool on)
{
	m->rec.on = on;
	fprintf(m->out, "history %s: %s\n", on ? "on" : "off",
	        on ? "executed instructions, the instruction mix and interrupts are recorded"
	           : "nothing is recorded; 'continue' runs at full speed");
	return 0;
}

static void history_lines(struct monitor *m, uint64_t n)
{
	const struct mon_record *r = &m->rec;

	for (uint64_t i = r->recorded - n; i < r->recorded; i++) {
		const struct mon_hist *h = &r->ring[i % MON_HISTORY];
		char mark[16];
		snprintf(mark, sizeof mark, "%4" PRId64, (int64_t)(i - r->recorded));
		mon_insn_line(m, m->out, mark, h->cs, h->base, h->eip);
	}
}

int mcmd_history(struct monitor *m, const struct mon_args *a)
{
	const struct mon_record *r = &m->rec;
	uint64_t have = r->recorded < MON_HISTORY ? r->recorded : MON_HISTORY;
	int64_t n = 10;

	if (a->argc == 1 && (strcmp(a->argv[0], "on") == 0 || strcmp(a->argv[0], "off") == 0))
		return history_switch(m, a->argv[0][1] == 'n');
	if (a->argc > 1) {
		mon_error(m, "usage: history [N] | history on | history off");
		return -1;
	}
	if (a->argc == 1 && mon_count(m, a->rest[0], 1, MON_HISTORY, "N", &n) < 0)
		return -1;
	if (have == 0) {
		fprintf(m->out, "no instructions recorded yet%s\n",
		        r->on ? "" : " (history is off; 'history on' records them)");
		return 0;
	}
	history_lines(m, (uint64_t)n < have ? (uint64_t)n : have);
	return 0;
}
