/*
 * tools/monitor/mcmd_gdb.c — handing the machine to gdb: 'gdb [PORT]' and
 * the --gdb option serve gdb's remote protocol (tools/gdbstub.h) until gdb
 * detaches, then the prompt comes back with the guest where gdb left it.
 */
#include <inttypes.h>
#include <string.h>

#include "gdbstub.h"
#include "monitor.h"

static void after_gdb(struct monitor *m, enum gdbstub_end end, enum machine_stop stop)
{
	switch (end) {
	case GDBSTUB_GUEST_ENDED:
		mon_report_end(m, stop);
		break;
	case GDBSTUB_DETACHED:
		fprintf(m->out, "gdb detached; the guest is back in the monitor\n");
		mon_show_location(m);
		break;
	case GDBSTUB_KILLED:
		m->state = GUEST_ENDED;
		m->exit_status = EXIT_KILLED;
		fprintf(m->out, "guest ended: killed from gdb after %" PRIu64 " instructions\n",
		        m->cpu->insns);
		break;
	default:
		mon_error(m, "gdb: the listening socket failed");
		break;
	}
}

/* The stub attaches its own debug state while it serves; the monitor's is
 * attached again at the next run. */
int mon_gdb_session(struct monitor *m, int port)
{
	char err[256] = "";
	enum machine_stop stop = MACHINE_STOPPED;
	struct gdbstub *g;
	enum gdbstub_end end;

	if (m->state == GUEST_ENDED) {
		mon_error(m, "the guest has ended; 'reset' starts it again");
		return -1;
	}
	mon_debug_detach(m);
	mon_take_before(m, false); /* 'regs' then marks what changed under gdb */
	g = gdbstub_listen(m->machine, m->opts->gdb.host, port, err, sizeof err);
	if (!g) {
		mon_error(m, "gdb: %s", err[0] ? err : "cannot listen");
		return -1;
	}
	fprintf(m->out,
	        "waiting for gdb on %s: in gdb, 'target remote %s'; the prompt comes back "
	        "when gdb detaches\n",
	        gdbstub_address(g), gdbstub_address(g));
	fflush(m->out);
	end = gdbstub_serve(g, true, m->opts->max_insns, &stop);
	gdbstub_close(g);
	after_gdb(m, end, stop);
	return end == GDBSTUB_ERROR ? -1 : 0;
}

int mcmd_gdb(struct monitor *m, const struct mon_args *a)
{
	int64_t port = MON_GDB_PORT;

	if (a->argc > 1) {
		mon_error(m, "usage: gdb [PORT] (e.g. 'gdb 1234'; 0 picks a free port)");
		return -1;
	}
	if (a->argc == 1 && mon_count(m, a->rest[0], 0, 65535, "the port", &port) < 0)
		return -1;
	return mon_gdb_session(m, (int)port);
}
