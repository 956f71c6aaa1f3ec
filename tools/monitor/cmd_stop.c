/*
 * tools/monitor/cmd_stop.c — the monitor's points copied into the CPU's
 * 'struct cpu_debug' before each run (attached only when something is set,
 * so a plain 'continue' runs at full speed), and the decision and report
 * when one of them fires.
 */
#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "monitor.h"

static void add_break(struct monitor *m, uint32_t lin, int owner)
{
	struct cpu_debug *d = &m->dbg;

	if (d->nbreaks == CPU_MAX_BREAKS)
		return;
	m->break_owner[d->nbreaks] = owner;
	d->breaks[d->nbreaks++] = (struct cpu_break){ .lin = lin, .enabled = true };
}

static void add_point(struct monitor *m, const struct mon_point *p)
{
	struct cpu_debug *d = &m->dbg;

	if (p->kind == POINT_BREAK) {
		add_break(m, p->lin, p->id);
	} else if (p->kind == POINT_WATCH && d->nwatches < CPU_MAX_WATCHES) {
		m->watch_owner[d->nwatches] = p->id;
		d->watches[d->nwatches++] = (struct cpu_watch){ p->lin, p->len, p->access, true };
	} else if (p->kind == POINT_IOWATCH && d->niowatches < CPU_MAX_IOWATCHES) {
		m->iowatch_owner[d->niowatches] = p->id;
		d->iowatches[d->niowatches++] =
		        (struct cpu_iowatch){ p->first, p->last, p->access, true };
	} else if (p->kind == POINT_CATCH && p->catch_kind == CATCH_MODE) {
		d->catch_mode = true;
	} else if (p->kind == POINT_CATCH) {
		cpu_debug_catch(d, p->vector, true);
	}
}

static bool any_catch(const struct cpu_debug *d)
{
	for (int i = 0; i < 8; i++)
		if (d->catch_vectors[i])
			return true;
	return false;
}

void mon_debug_sync(struct monitor *m)
{
	struct cpu_debug *d = &m->dbg;
	bool active;

	d->nbreaks = d->nwatches = d->niowatches = 0;
	memset(d->catch_vectors, 0, sizeof d->catch_vectors);
	d->catch_mode = false;
	d->last_mode = cpu_exec_mode(m->cpu);
	for (int i = 0; i < MON_MAX_POINTS; i++)
		if (m->points[i].id && m->points[i].enabled)
			add_point(m, &m->points[i]);
	if (m->temp.active)
		add_break(m, m->temp.lin, 0);
	if (m->rec.on) /* every interrupt, to count them; resumed at once */
		memset(d->catch_vectors, 0xFF, sizeof d->catch_vectors);
	d->before_insn = mon_hook_needed(m) ? mon_before_insn : NULL;
	d->ctx = m;
	d->pending = false;
	active = d->nbreaks || d->nwatches || d->niowatches || any_catch(d) || d->catch_mode ||
	         d->before_insn;
	cpu_attach_debug(m->cpu, active ? d : NULL);
}

void mon_debug_detach(struct monitor *m)
{
	if (m->cpu)
		cpu_attach_debug(m->cpu, NULL);
}

bool mon_break_at(const struct monitor *m, uint32_t lin)
{
	for (int i = 0; i < m->dbg.nbreaks; i++)
		if (m->dbg.breaks[i].enabled && m->dbg.breaks[i].lin == lin)
			return true;
	return false;
}

/* 'finish' adds its breakpoint while the guest runs (from the hook). */
void mon_debug_add_temp(struct monitor *m, uint32_t lin)
{
	m->temp = (struct mon_temp){ .active = true, .lin = lin };
	add_break(m, lin, 0);
}

static struct mon_point *point_by_id(struct monitor *m, int id)
{
	for (int i = 0; i < MON_MAX_POINTS; i++)
		if (m->points[i].id == id && id)
			return &m->points[i];
	return NULL;
}

/* The monitor's own breakpoint counts once the stack is back: SP at or
 * above where it was, in the same stack segment. */
static bool temp_reached(struct monitor *m, uint32_t lin)
{
	const struct mon_temp *t = &m->temp;

	if (!t->active || t->lin != lin)
		return false;
	return !t->check_sp ||
	       (m->cpu->seg[SEG_SS].sel == t->ss && mon_stack_pointer(m->cpu) >= t->sp);
}

/* A condition that cannot be evaluated stops the guest, so that the
 * mistake shows. */
static bool condition_holds(struct monitor *m, const struct mon_point *p)
{
	char err[200] = "";
	int64_t v = 0;

	if (!p->cond[0])
		return true;
	if (expr_eval(&m->env, p->cond, &v, err, sizeof err) != 0) {
		mon_error(m, "breakpoint %d: the condition '%s': %s", p->id, p->cond, err);
		return true;
	}
	return v != 0;
}

static void report_break(struct monitor *m, struct mon_point *p)
{
	char csip[24], sym[96];

	mon_csip_text(m->cpu, csip, sizeof csip);
	mon_sym_suffix(m, p->lin, sym, sizeof sym);
	p->hits++;
	fprintf(m->out, "%s%sbreakpoint %d%s at %s%s%s\n", mon_color(m, COLOR_BREAK),
	        p->temporary ? "temporary " : "", p->id, mon_color(m, COLOR_OFF), csip, sym,
	        p->temporary ? " (now deleted)" : "");
	if (p->temporary)
		p->id = 0;
}

static int on_break(struct monitor *m, const struct cpu_debug_event *e)
{
	bool temp = temp_reached(m, e->lin);

	for (int i = 0; i < MON_MAX_POINTS; i++) {
		struct mon_point *p = &m->points[i];
		if (p->id && p->kind == POINT_BREAK && p->enabled && p->lin == e->lin &&
		    condition_holds(m, p)) {
			report_break(m, p);
			return 1;
		}
	}
	if (temp)
		return 2;
	m->dbg.skip_break_once = true; /* a condition was false: go on */
	return 0;
}

static void value_text(uint32_t v, int size, char *buf, size_t n)
{
	snprintf(buf, n, "0x%0*" PRIX32, size * 2, v);
}

static int on_watch(struct monitor *m, const struct cpu_debug_event *e)
{
	struct mon_point *p = point_by_id(m, m->watch_owner[e->index]);
	char where[32], old[16], val[16];

	if (!p)
		return 1;
	p->hits++;
	mon_addr_text(&p->addr, e->lin - p->lin, where, sizeof where);
	value_text(e->old_value, e->size, old, sizeof old);
	value_text(e->new_value, e->size, val, sizeof val);
	if (e->write)
		fprintf(m->out,
		        "watchpoint %d: %d-byte write at %s by %04X:%04" PRIX32 ": %s -> %s\n",
		        p->id, e->size, where, e->cs, e->eip, old, val);
	else
		fprintf(m->out, "watchpoint %d: %d-byte read at %s by %04X:%04" PRIX32 ": %s\n",
		        p->id, e->size, where, e->cs, e->eip, val);
	return 1;
}

static const char *port_owner(const struct monitor *m, uint16_t port)
{
	const struct bus_range *r = bus_owner(&m->machine->bus, port);

	return r ? r->name : "no device";
}

static int on_iowatch(struct monitor *m, const struct cpu_debug_event *e)
{
	struct mon_point *p = point_by_id(m, m->iowatch_owner[e->index]);
	char val[16], ch[8] = "";

	if (!p)
		return 1;
	p->hits++;
	value_text(e->value, e->size, val, sizeof val);
	if (e->size == 1 && isprint((int)e->value))
		snprintf(ch, sizeof ch, " '%c'", (char)e->value);
	fprintf(m->out, "iowatch %d: %s port 0x%04X (%s): %s%s by %04X:%04" PRIX32 "\n", p->id,
	        e->write ? "OUT to" : "IN from", e->port, port_owner(m, e->port), val, ch, e->cs,
	        e->eip);
	return 1;
}

static const char *source_text(enum cpu_intr_source s)
{
	return s == INTR_SOFTWARE    ? "an INT instruction"
	       : s == INTR_EXCEPTION ? "an exception"
	                             : "a hardware interrupt";
}

static bool catches(const struct mon_point *p, const struct cpu_debug_event *e)
{
	if (!p->id || p->kind != POINT_CATCH || !p->enabled || p->vector != e->vector)
		return false;
	return p->catch_kind == CATCH_INT ||
	       (p->catch_kind == CATCH_EXCEPTION && e->source == INTR_EXCEPTION);
}

/* Every interrupt is caught while recording, to count it; only the
 * vectors a user asked for stop the guest ('catch exception' only when the
 * CPU raised it, not for INT n or an IRQ on the same vector). */
static int on_catch(struct monitor *m, const struct cpu_debug_event *e)
{
	if (m->rec.on)
		m->rec.intr[e->source][e->vector & 0xFF]++;
	for (int i = 0; i < MON_MAX_POINTS; i++) {
		struct mon_point *p = &m->points[i];
		if (catches(p, e)) {
			p->hits++;
			fprintf(m->out, "catch %d: int 0x%02X from %s at %04X:%04" PRIX32 "\n",
			        p->id, e->vector, source_text(e->source), e->cs, e->eip);
			return 1;
		}
	}
	return 0;
}

static const char *const mode_names[] = { "real mode", "protected mode", "virtual-8086 mode" };

static int on_mode(struct monitor *m, const struct cpu_debug_event *e)
{
	for (int i = 0; i < MON_MAX_POINTS; i++) {
		struct mon_point *p = &m->points[i];
		if (p->id && p->kind == POINT_CATCH && p->catch_kind == CATCH_MODE && p->enabled) {
			p->hits++;
			fprintf(m->out, "catch %d: %s -> %s, before %04X:%08" PRIX32 "\n", p->id,
			        mode_names[e->mode_from], mode_names[e->mode_to], e->cs, e->eip);
			return 1;
		}
	}
	return 0;
}

int mon_debug_event(struct monitor *m)
{
	const struct cpu_debug_event *e = &m->dbg.event;

	switch (e->kind) {
	case DEBUG_BREAK:
		return on_break(m, e);
	case DEBUG_WATCH:
		return on_watch(m, e);
	case DEBUG_IOWATCH:
		return on_iowatch(m, e);
	case DEBUG_CATCH:
		return on_catch(m, e);
	case DEBUG_MODE:
		return on_mode(m, e);
	default:
		return 1;
	}
}
