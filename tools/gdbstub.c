/*
 * tools/gdbstub.c — the gdb stub's session: waiting for a debugger, running
 * the guest in slices, stepping, and reporting why it stopped. Framing is in
 * gdb_packet.c, sockets in gdb_conn.c, the packets that only inspect or
 * change the stopped machine in gdb_cmds.c, registers and memory in
 * gdb_target.c, breakpoints in gdb_points.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdb_cmds.h"
#include "gdb_conn.h"
#include "gdb_packet.h"
#include "gdb_target.h"
#include "gdbstub.h"

/* Instructions between two looks at the socket while the guest runs: a few
 * milliseconds, so Ctrl-C answers at once and polling costs nothing. */
#define SLICE   100000
#define XML_MAX 8192

/* gdb's own signal numbers (include/gdb/signals.def), as stop replies use. */
enum {
	GDB_SIGINT = 2,
	GDB_SIGILL = 4,
	GDB_SIGTRAP = 5,
	GDB_SIGABRT = 6,
	GDB_SIGSTOP = 17,
	GDB_SIGXCPU = 24,
};

struct gdbstub {
	struct machine *m;
	struct gdb_conn conn;
	struct gdb_points points; /* attached to the CPU while serving */
	uint64_t max_insns;
	/* The guest cannot go on (triple fault, unsupported, limit, dead HLT):
	 * gdb was told with a signal, and the next resume ends the session. */
	bool ended;
	enum machine_stop end_stop;
	char stop_reply[80]; /* the last stop, for '?' */
	char reply[GDB_PACKET_MAX + 1];
	char xml[XML_MAX];
	struct gdb_view view; /* for gdb_cmds.c */
};

/* How a packet handler leaves the session. */
struct outcome {
	bool done;
	enum gdbstub_end end;
	enum machine_stop stop;
};

struct gdbstub *gdbstub_listen(struct machine *m, const char *host, int port, char *err,
                               size_t errlen)
{
	struct gdbstub *g = calloc(1, sizeof *g);

	if (!g) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	g->m = m;
	g->view = (struct gdb_view){
		m, &g->conn, &g->points, g->xml, gdb_target_xml(g->xml, sizeof g->xml), g->reply
	};
	if (gdb_conn_listen(&g->conn, host, port, err, errlen) < 0) {
		free(g);
		return NULL;
	}
	return g;
}

const char *gdbstub_address(const struct gdbstub *g)
{
	return g->conn.where;
}

void gdbstub_close(struct gdbstub *g)
{
	if (!g)
		return;
	gdb_conn_close(&g->conn);
	free(g);
}

static void send_str(struct gdbstub *g, const char *s)
{
	gdb_conn_send_str(&g->conn, s);
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* --- running and stopping --- */

/* T stop replies: the signal, an optional reason ("swbreak:;"), the thread. */
static void set_stop(struct gdbstub *g, int sig, const char *reason)
{
	snprintf(g->stop_reply, sizeof g->stop_reply, "T%02x%sthread:1;", sig, reason);
}

static void set_watch_stop(struct gdbstub *g, const char *kind, uint32_t addr)
{
	char reason[32];

	snprintf(reason, sizeof reason, "%s:%x;", kind, addr);
	set_stop(g, GDB_SIGTRAP, reason);
}

/* A watchpoint is reported at the first watched byte the access touched, so
 * gdb finds it inside the range it set. A breakpoint is reported as one only
 * where gdb's PC (EIP) is the linear address it set it at (CS base 0): gdb
 * silently resumes from a breakpoint stop it cannot match, so elsewhere the
 * stop is a plain SIGTRAP, which it shows. */
static void set_stop_from_event(struct gdbstub *g)
{
	static const char *const watch_names[GDB_Z_COUNT] = { "", "", "watch", "rwatch", "awatch" };
	const struct cpu_debug *d = &g->points.dbg;
	const struct cpu_debug_event *e = &d->event;

	if (e->kind == DEBUG_BREAK && e->index >= 0 && e->index < d->nbreaks &&
	    e->lin == g->m->cpu.eip) {
		set_stop(g, GDB_SIGTRAP,
		         g->points.break_type[e->index] == GDB_Z_HW ? "hwbreak:;" : "swbreak:;");
	} else if (e->kind == DEBUG_WATCH && e->index >= 0 && e->index < d->nwatches) {
		uint32_t start = d->watches[e->index].lin;
		set_watch_stop(g, watch_names[g->points.watch_type[e->index]],
		               e->lin > start ? e->lin : start);
	} else {
		set_stop(g, GDB_SIGTRAP, "");
	}
}

/* Run up to 'budget' more instructions within the caller's limit. *mine is
 * true when the budget ran out (rather than the guest stopping). */
static enum machine_stop run_budget(struct gdbstub *g, uint64_t budget, bool *mine)
{
	uint64_t target = g->m->cpu.insns + budget;
	bool limited = g->max_insns && g->max_insns <= target;
	enum machine_stop s = machine_run(g->m, limited ? g->max_insns : target);

	*mine = s == MACHINE_LIMIT && !limited;
	return s;
}

enum run_result { RUN_STOPPED, RUN_INTERRUPTED, RUN_HANGUP };

/* 'c': run in slices, looking for Ctrl-C (or a vanished debugger) between. */
static enum run_result run_free(struct gdbstub *g, enum machine_stop *s)
{
	for (;;) {
		bool mine;
		*s = run_budget(g, SLICE, &mine);
		if (!mine)
			return RUN_STOPPED;
		switch (gdb_conn_next(&g->conn, 0)) {
		case GDB_CONN_INTERRUPT:
			return RUN_INTERRUPTED;
		case GDB_CONN_CLOSED:
			return RUN_HANGUP;
		default: /* in all-stop mode gdb sends nothing else while running */
			break;
		}
	}
}

static int end_signal(enum machine_stop s)
{
	switch (s) {
	case MACHINE_SHUTDOWN:
		return GDB_SIGABRT;
	case MACHINE_UNSUPPORTED:
		return GDB_SIGILL;
	case MACHINE_HALT_IF:
		return GDB_SIGSTOP;
	default:
		return GDB_SIGXCPU; /* the instruction limit */
	}
}

static struct outcome ended(enum machine_stop s)
{
	return (struct outcome){ true, GDBSTUB_GUEST_ENDED, s };
}

static const struct outcome stay = { false, GDBSTUB_DETACHED, MACHINE_STOPPED };

/* Tell gdb how the run stopped. A guest that ended by itself (exit port, HLT
 * with interrupts off) has exited; one that cannot go on is shown stopped
 * with a signal first, so its state can be inspected. */
static struct outcome report_run(struct gdbstub *g, enum machine_stop s, bool stepped)
{
	char w[8];

	switch (s) {
	case MACHINE_EXIT:
	case MACHINE_HALT:
		snprintf(w, sizeof w, "W%02x", s == MACHINE_EXIT ? g->m->exit_status & 0xff : 0);
		send_str(g, w);
		return ended(s);
	case MACHINE_DEBUG:
		set_stop_from_event(g);
		break;
	case MACHINE_STOPPED:
		set_stop(g, GDB_SIGINT, "");
		break;
	default:
		if (stepped) {
			set_stop(g, GDB_SIGTRAP, "");
			break;
		}
		g->ended = true;
		g->end_stop = s;
		set_stop(g, end_signal(s), "");
		break;
	}
	send_str(g, g->stop_reply);
	return stay;
}

/* c/C/s/S [SIG;][ADDR]. gdb cannot lift a breakpoint it does not know it
 * stands on (it does not see segments), so resuming from a breakpoint
 * address always runs the instruction there first. */
static struct outcome cmd_resume(struct gdbstub *g, const char *pkt)
{
	struct cpu *c = &g->m->cpu;
	bool step = pkt[0] == 's' || pkt[0] == 'S';
	const char *p = pkt + 1;
	uint64_t v;
	enum machine_stop s;
	bool mine = false;
	char x[8];

	if ((pkt[0] == 'C' || pkt[0] == 'S') && gdb_parse_hex(&p, &v) && *p == ';')
		p++; /* the signal to deliver: a bare machine has no use for it */
	if (*p && gdb_parse_hex(&p, &v)) /* resume at ADDR: an offset in CS, like EIP */
		c->eip = c->traits->has_32bit ? (uint32_t)v : (uint32_t)v & 0xffff;
	if (g->ended) {
		snprintf(x, sizeof x, "X%02x", end_signal(g->end_stop));
		send_str(g, x);
		return ended(g->end_stop);
	}
	g->points.dbg.skip_break_once =
	        gdb_points_break_at(&g->points, cpu_linear(c, SEG_CS, c->eip));
	g->points.dbg.event.kind = DEBUG_NONE;
	if (step) {
		s = run_budget(g, 1, &mine);
		return report_run(g, s, mine);
	}
	switch (run_free(g, &s)) {
	case RUN_INTERRUPTED:
		set_stop(g, GDB_SIGINT, "");
		send_str(g, g->stop_reply);
		return stay;
	case RUN_HANGUP:
		return (struct outcome){ true, GDBSTUB_DETACHED, MACHINE_STOPPED };
	default:
		return report_run(g, s, false);
	}
}

/* --- the session --- */

static struct outcome cmd_other(struct gdbstub *g, const char *pkt)
{
	if (strcmp(pkt, "QStartNoAckMode") == 0) {
		send_str(g, "OK"); /* still acknowledged; nothing after it is */
		g->conn.noack = true;
	} else if (starts_with(pkt, "vKill")) {
		send_str(g, "OK");
		return (struct outcome){ true, GDBSTUB_KILLED, MACHINE_STOPPED };
	} else if (pkt[0] == 'H' || pkt[0] == 'T') {
		send_str(g, "OK"); /* one thread: every thread id names it */
	} else if (!gdb_cmd_answer(&g->view, pkt)) {
		send_str(g, ""); /* unknown: the empty reply says so */
	}
	return stay;
}

static struct outcome handle_packet(struct gdbstub *g, const char *pkt)
{
	switch (pkt[0]) {
	case '?':
		send_str(g, g->stop_reply);
		return stay;
	case 'c':
	case 'C':
	case 's':
	case 'S':
		return cmd_resume(g, pkt);
	case 'D':
		send_str(g, "OK");
		return (struct outcome){ true, GDBSTUB_DETACHED, MACHINE_STOPPED };
	case 'k':
		return (struct outcome){ true, GDBSTUB_KILLED, MACHINE_STOPPED };
	default:
		return cmd_other(g, pkt);
	}
}

/* Attached: gdb decides until it detaches, kills, or the guest ends. */
static struct outcome session(struct gdbstub *g)
{
	set_stop(g, GDB_SIGTRAP, "");
	for (;;) {
		struct outcome o;
		switch (gdb_conn_next(&g->conn, -1)) {
		case GDB_CONN_CLOSED:
			return (struct outcome){ true, GDBSTUB_DETACHED, MACHINE_STOPPED };
		case GDB_CONN_PACKET:
			o = handle_packet(g, g->conn.rx.buf);
			if (o.done)
				return o;
			break;
		default: /* Ctrl-C while stopped, or a signal woke poll() */
			break;
		}
	}
}

/* Until a debugger connects: either wait for it (-S) or run the guest, with
 * no debug state attached, so the CPU runs at full speed. */
static struct outcome until_attached(struct gdbstub *g, bool wait)
{
	for (;;) {
		bool mine;
		enum machine_stop s;
		int r = gdb_conn_accept(&g->conn, wait ? -1 : 0);
		if (r > 0)
			return stay;
		if (r < 0)
			return (struct outcome){ true, GDBSTUB_ERROR, MACHINE_STOPPED };
		if (wait)
			continue;
		s = run_budget(g, SLICE, &mine);
		if (!mine)
			return ended(s);
	}
}

enum gdbstub_end gdbstub_serve(struct gdbstub *g, bool wait, uint64_t max_insns,
                               enum machine_stop *stop)
{
	struct cpu_debug *saved = g->m->cpu.debug;
	struct outcome o;

	g->max_insns = max_insns;
	g->ended = false;
	cpu_attach_debug(&g->m->cpu, NULL);
	o = until_attached(g, wait);
	if (!o.done) {
		gdb_points_clear(&g->points);
		cpu_attach_debug(&g->m->cpu, &g->points.dbg);
		o = session(g);
	}
	gdb_conn_drop(&g->conn);
	cpu_attach_debug(&g->m->cpu, saved);
	*stop = o.stop;
	return o.end;
}
