/*
 * tools/monitor/cmd_exec.c — running the guest: step, next, continue, finish,
 * until, reset; the run loop in slices (so Ctrl-C is noticed), the report
 * of each stop and the instruction lines every view prints.
 */
#include <inttypes.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include "monitor.h"

/* Instructions per machine_run call: big enough to cost nothing, small
 * enough that Ctrl-C answers within a few hundredths of a second. */
#define RUN_SLICE (1u << 21)
/* Runs of more instructions than this show the guest's screen meanwhile. */
#define DISPLAY_MIN_STEPS 10000

/* The one piece of static state: a signal handler can reach nothing else. */
static volatile sig_atomic_t sigint_seen;

static void on_sigint(int sig)
{
	(void)sig;
	sigint_seen = 1;
}

/* No SA_RESTART: a read at the prompt must return, so readline can drop
 * the line being typed. */
void mon_signal_setup(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
}

bool mon_interrupted(void)
{
	return sigint_seen != 0;
}

void mon_clear_interrupt(void)
{
	sigint_seen = 0;
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* machine_run in slices until 'target' instructions (0: none), the
 * --max-insns limit, Ctrl-C, or a stop of the machine's own. */
static enum mon_run_end run_slices(struct monitor *m, uint64_t target, enum machine_stop *stop)
{
	const uint64_t limit = m->opts->max_insns;
	struct cpu *c = m->cpu;

	for (;;) {
		uint64_t end = c->insns + RUN_SLICE;
		if (target && target < end)
			end = target;
		if (limit && limit < end)
			end = limit;
		*stop = machine_run(m->machine, end);
		if (*stop == MACHINE_DEBUG)
			return END_DEBUG;
		if (*stop == MACHINE_STOPPED)
			return END_INTERRUPT;
		if (*stop != MACHINE_LIMIT)
			return END_GUEST;
		if (target && c->insns >= target)
			return END_STEPS;
		if (limit && c->insns >= limit)
			return END_LIMIT;
		if (mon_interrupted())
			return END_INTERRUPT;
	}
}

static void account(struct monitor *m, uint64_t insns, double seconds)
{
	m->rec.insns_run += insns;
	m->rec.seconds_run += seconds;
	m->rec.last_insns = insns;
}

/* The guest's text on the console may stop mid-line: end the line, so the
 * monitor's own output starts at the left. */
void mon_end_guest_line(struct monitor *m)
{
	struct run_console *con = m->con;

	if (con->is_stdout && con->last >= 0 && con->last != '\n') {
		fputc('\n', m->out);
		con->last = '\n';
	}
}

/* Run at most 'steps' instructions (0: until something stops the guest),
 * with m->temp and m->finish as the command set them. */
static enum mon_run_end mon_run(struct monitor *m, uint64_t steps)
{
	struct cpu *c = m->cpu;
	uint64_t first = c->insns;
	double t0 = now_seconds();
	enum machine_stop stop = MACHINE_LIMIT;
	enum mon_run_end end;
	int verdict;

	mon_debug_sync(m);
	m->dbg.skip_break_once = mon_break_at(m, cpu_linear(c, SEG_CS, c->eip));
	/* The terminal display takes the terminal for runs long enough to
	 * watch; single steps keep the monitor's output in view. */
	if (m->opts->disp && (steps == 0 || steps > DISPLAY_MIN_STEPS)) {
		display_set_state(m->opts->disp, DSTATE_RUNNING);
		display_resume(m->opts->disp);
	}
	for (;;) {
		end = run_slices(m, steps ? first + steps : 0, &stop);
		mon_end_guest_line(m);
		if (end != END_DEBUG)
			break;
		verdict = mon_debug_event(m);
		if (verdict != 0) {
			end = verdict == 2 ? END_TEMP : END_POINT;
			break;
		}
	}
	if (m->opts->disp) {
		display_set_state(m->opts->disp, end == END_GUEST   ? DSTATE_ENDED
		                                 : end == END_POINT ? DSTATE_BREAK
		                                                    : DSTATE_STOPPED);
		display_suspend(m->opts->disp);
	}
	account(m, c->insns - first, now_seconds() - t0);
	mon_trace_flush(m);
	m->temp.active = false;
	m->finish.active = false;
	if (end == END_INTERRUPT) {
		mon_clear_interrupt();
		m->was_interrupted = true;
	}
	if (end == END_GUEST)
		mon_report_end(m, stop);
	return end;
}

void mon_report_end(struct monitor *m, enum machine_stop stop)
{
	char line[256];

	m->exit_status = run_stop_status(m->machine, stop, line, sizeof line);
	m->state = GUEST_ENDED;
	fprintf(m->out, "guest ended: %s\n", line);
}

/* Refuse to run a guest that has ended: its CPU would only stop again. */
static int check_runnable(struct monitor *m)
{
	if (m->state != GUEST_ENDED)
		return 0;
	mon_error(m, "the guest has ended; 'reset' starts it again");
	return -1;
}

/* The lines after a run: why it stopped, what changed, displays, where. */
static void mon_stop_report(struct monitor *m, enum mon_run_end end, bool changes)
{
	char line[160];

	if (end == END_GUEST)
		return;
	if (end == END_LIMIT) {
		m->stopped_by_limit = true;
		fprintf(m->out, "stopped: the --max-insns limit of %" PRIu64 " instructions\n",
		        m->opts->max_insns);
	} else if (end == END_INTERRUPT) {
		fprintf(m->out, "interrupted after %" PRIu64 " instructions\n", m->rec.last_insns);
	}
	if (changes && m->before.valid) {
		mon_changes_line(m, &m->before.regs, line, sizeof line);
		fprintf(m->out, "  changed: %s\n", line[0] ? line : "nothing");
	}
	mon_show_displays(m);
	mon_show_location(m);
}

/* Remember the registers (and the memory the instruction at CS:IP is about
 * to write) so that 'regs' and 'explain' can show what the run changed. */
void mon_take_before(struct monitor *m, bool single)
{
	struct mon_before *b = &m->before;

	regsnap_take(&b->regs, m->cpu);
	b->valid = true;
	b->single_step = single;

	if (single)
		mon_snap_written_memory(m);
}

int mcmd_step(struct monitor *m, const struct mon_args *a)
{
	int64_t n = 1;

	if (check_runnable(m) < 0 ||
	    (a->argc > 0 && mon_count(m, a->rest[0], 1, INT64_MAX, "the number of steps", &n) < 0))
		return -1;
	mon_take_before(m, n == 1);
	mon_stop_report(m, mon_run(m, (uint64_t)n), true);
	return 0;
}

/* Over a CALL, an INT or a REP-prefixed instruction: a temporary breakpoint
 * after it, which counts only once the stack is back where it is now. */
static enum mon_run_end next_one(struct monitor *m)
{
	struct cpu *c = m->cpu;
	struct cpu_insn_info info;

	cpu_inspect(c, c->seg[SEG_CS].sel, c->seg[SEG_CS].base, c->eip, &info);
	if (info.status != INSN_OK || !(info.is_call || info.is_int || info.rep))
		return mon_run(m, 1);
	m->temp = (struct mon_temp){ .active = true,
		                     .lin = cpu_linear(c, SEG_CS, c->eip + info.len),
		                     .check_sp = true,
		                     .ss = c->seg[SEG_SS].sel,
		                     .sp = mon_stack_pointer(c) };
	return mon_run(m, 0);
}

int mcmd_next(struct monitor *m, const struct mon_args *a)
{
	int64_t n = 1;
	enum mon_run_end end = END_STEPS;

	if (check_runnable(m) < 0 ||
	    (a->argc > 0 && mon_count(m, a->rest[0], 1, INT64_MAX, "the number of steps", &n) < 0))
		return -1;
	mon_take_before(m, n == 1);
	for (int64_t i = 0; i < n; i++) {
		end = next_one(m);
		if (end != END_STEPS && end != END_TEMP)
			break;
	}
	mon_stop_report(m, end, true);
	return 0;
}

int mcmd_continue(struct monitor *m, const struct mon_args *a)
{
	(void)a;
	if (check_runnable(m) < 0)
		return -1;
	mon_take_before(m, false);
	mon_stop_report(m, mon_run(m, 0), false);
	return 0;
}

int mcmd_finish(struct monitor *m, const struct mon_args *a)
{
	struct cpu *c = m->cpu;

	(void)a;
	if (check_runnable(m) < 0)
		return -1;
	mon_take_before(m, false);
	m->finish = (struct mon_finish){ .active = true,
		                         .ss = c->seg[SEG_SS].sel,
		                         .sp = mon_stack_pointer(c) };
	mon_stop_report(m, mon_run(m, 0), false);
	return 0;
}

int mcmd_until(struct monitor *m, const struct mon_args *a)
{
	struct mon_addr addr;
	uint32_t phys;

	if (check_runnable(m) < 0)
		return -1;
	if (a->argc != 1) {
		mon_error(m, "usage: until ADDR (e.g. 'until 1000:0120' or 'until done')");
		return -1;
	}
	if (mon_address(m, a->argv[0], SEG_CS, &addr) < 0)
		return -1;
	if (!mon_addr_phys(m, &addr, 0, &phys) || mon_check_backed(m, phys, 1, "until") < 0)
		return -1;
	mon_take_before(m, false);
	m->temp = (struct mon_temp){ .active = true, .lin = mon_addr_lin(&addr, 0) };
	mon_stop_report(m, mon_run(m, 0), false);
	return 0;
}

int mcmd_reset(struct monitor *m, const struct mon_args *a)
{
	(void)a;
	if (mon_new_machine(m) < 0) {
		mon_error(m, "cannot build the machine again; the old one is kept");
		return -1;
	}
	fprintf(m->out, "reset: the guest is loaded again and stopped before its first "
	                "instruction\n");
	mon_show_location(m);
	return 0;
}

uint32_t mon_stack_pointer(const struct cpu *c)
{
	return c->seg[SEG_SS].big ? c->reg[REG_SP] : (c->reg[REG_SP] & 0xFFFF);
}
