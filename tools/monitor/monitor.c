/*
 * tools/monitor/monitor.c — the monitor session: the machine it owns, the
 * command loop (readline on a terminal, plain lines from a script or a pipe),
 * dispatch through the command table, errors and colours.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cli.h"
#include "monitor.h"

#define PROMPT       "(x86lab) "
#define HISTORY_FILE ".x86lab_history"
#define HISTORY_KEEP 1000

void mon_error(struct monitor *m, const char *fmt, ...)
{
	va_list ap;

	fflush(m->out);
	fprintf(stderr, "%serror:%s ", mon_color(m, COLOR_ERROR), mon_color(m, COLOR_OFF));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}

const char *mon_color(const struct monitor *m, enum mon_color c)
{
	static const char *const codes[] = {
		[COLOR_OFF] = "\033[0m",        [COLOR_CHANGED] = "\033[1;33m",
		[COLOR_CURRENT] = "\033[1;32m", [COLOR_BREAK] = "\033[1;31m",
		[COLOR_ERROR] = "\033[1;31m",
	};

	return m->color ? codes[c] : "";
}

/* Colour only for a person at a terminal who has not asked for none. */
static bool want_color(void)
{
	return isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
}

/* Run one command line. Returns 0, or -1 after reporting an error. */
static int mon_execute(struct monitor *m, const char *line)
{
	char buf[MON_LINE_MAX * 2];
	struct mon_args a;
	const struct mon_command *cmd;

	if (mon_split(buf, sizeof buf, line, &a) < 0) {
		mon_error(m, "cannot read the line: an unclosed quote, or more than %d words",
		          MON_MAX_ARGS);
		return -1;
	}
	if (a.name[0] == '\0' || a.name[0] == '#')
		return 0;
	cmd = mon_find_command(a.name);
	if (!cmd) {
		mon_error(m, "unknown command '%s'; 'help' lists the commands", a.name);
		return -1;
	}
	if (a.fmt[0] && !cmd->fmt) {
		mon_error(m, "'%s' takes no /FORMAT; see 'help %s'", cmd->name, cmd->name);
		return -1;
	}
	if (a.argc > 0 && !strchr(cmd->usage, ' ')) {
		mon_error(m, "'%s' takes no arguments; see 'help %s'", cmd->name, cmd->name);
		return -1;
	}
	m->was_interrupted = false;
	/* Only step and next are repeated by an empty line. */
	if (cmd->repeat)
		snprintf(m->repeat, sizeof m->repeat, "%s", line);
	else
		m->repeat[0] = '\0';
	return cmd->run(m, &a);
}

/* A line from a file or a pipe, without its newline. A line too long for
 * a command is read to its end and comes back empty, with 'too_long' set. */
static bool read_plain_line(FILE *in, char *line, size_t n, bool *too_long)
{
	size_t len;

	*too_long = false;
	if (!fgets(line, (int)n, in))
		return false;
	len = strcspn(line, "\r\n");
	if (line[len] == '\0' && !feof(in)) {
		int ch;
		while ((ch = fgetc(in)) != EOF && ch != '\n')
			;
		*too_long = true;
		len = 0;
	}
	line[len] = '\0';
	return true;
}

static bool blank_or_comment(const char *line)
{
	line += strspn(line, " \t");
	return *line == '\0' || *line == '#';
}

/* Commands from a file or a pipe, echoed after the prompt so that the
 * output reads like a session. Ctrl-C ends the file; without a terminal to
 * go back to, it ends the monitor too (exit status 130). */
static void run_lines(struct monitor *m, FILE *in)
{
	char line[MON_LINE_MAX];
	bool too_long;

	while (!m->quit && read_plain_line(in, line, sizeof line, &too_long)) {
		if (too_long)
			mon_error(m, "a line longer than %d characters is skipped",
			          MON_LINE_MAX - 2);
		if (blank_or_comment(line))
			continue;
		if (m->echo)
			fprintf(m->out, PROMPT "%s\n", line);
		mon_execute(m, line);
		fflush(m->out);
		if (mon_interrupted() || m->was_interrupted) {
			m->quit = !m->interactive;
			m->interrupted_exit = !m->interactive;
			break;
		}
	}
}

int mon_source(struct monitor *m, const char *path)
{
	FILE *f;

	if (m->depth >= MON_SOURCE_DEPTH) {
		mon_error(m, "source %s: files nested more than %d deep", path, MON_SOURCE_DEPTH);
		return -1;
	}
	f = fopen(path, "r");
	if (!f) {
		mon_error(m, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	m->depth++;
	run_lines(m, f);
	m->depth--;
	fclose(f);
	return 0;
}

/* readline's key reader, so that Ctrl-C at the prompt drops the line typed
 * so far: the SIGINT handler only sets a flag, and the interrupted read
 * returns here. */
static int read_key(FILE *in)
{
	unsigned char ch;

	for (;;) {
		ssize_t n = read(fileno(in), &ch, 1);
		if (n == 1)
			return ch;
		if (n == 0 || errno != EINTR)
			return EOF;
		if (mon_interrupted()) {
			rl_replace_line("", 0);
			return '\n';
		}
	}
}

static void history_path(char *buf, size_t n)
{
	const char *home = getenv("HOME");

	buf[0] = '\0';
	if (home && home[0])
		snprintf(buf, n, "%s/%s", home, HISTORY_FILE);
}

static void remember(const char *line)
{
	HIST_ENTRY *last =
	        history_length > 0 ? history_get(history_base + history_length - 1) : NULL;

	if (!last || strcmp(last->line, line) != 0)
		add_history(line);
}

/* One line typed at the prompt. An empty line repeats the last step or
 * next; Ctrl-C gives a fresh prompt. */
static void interactive_line(struct monitor *m, const char *line)
{
	if (mon_interrupted()) {
		mon_clear_interrupt();
		return;
	}
	if (line[strspn(line, " \t")] == '\0') {
		if (m->repeat[0])
			mon_execute(m, m->repeat);
		return;
	}
	remember(line);
	mon_execute(m, line);
}

static void run_interactive(struct monitor *m)
{
	char path[4096];

	history_path(path, sizeof path);
	using_history();
	stifle_history(HISTORY_KEEP);
	if (path[0])
		read_history(path);
	rl_catch_signals = 0;
	rl_getc_function = read_key;
	mon_completion_setup(m);
	while (!m->quit) {
		char *line;

		mon_clear_interrupt(); /* a Ctrl-C before the prompt is old news */
		line = readline(PROMPT);
		if (!line) {
			fputc('\n', m->out);
			break;
		}
		interactive_line(m, line);
		free(line);
		fflush(m->out);
	}
	mon_completion_done();
	if (path[0])
		write_history(path);
}

static void banner(struct monitor *m)
{
	const struct cpu *c = m->cpu;

	if (m->opts->quiet) {
		mon_show_location(m);
		return;
	}
	fprintf(m->out,
	        "x86lab monitor: CPU %s, %" PRIu32 " KiB of RAM. The guest is stopped before "
	        "its first instruction.\n",
	        c->traits->name, m->machine->mem.ram_size / 1024);
	if (m->interactive)
		fprintf(m->out, "'help' lists the commands; Ctrl-D or 'quit' leaves.\n");
	mon_show_location(m);
}

int mon_new_machine(struct monitor *m)
{
	struct machine *fresh = calloc(1, sizeof *fresh);

	if (!fresh || run_build_machine("monitor", fresh, m->opts, m->con) < 0) {
		free(fresh);
		return -1;
	}
	if (m->machine) {
		mon_debug_detach(m);
		machine_free(m->machine);
		free(m->machine);
	}
	m->machine = fresh;
	m->cpu = &fresh->cpu;
	m->env.cpu = m->cpu;
	m->state = GUEST_READY;
	m->stopped_by_limit = false;
	m->before.valid = false;
	m->trace.pending = false;
	mon_record_reset(m);
	mon_take_before(m, false);
	return 0;
}

static int exit_status(const struct monitor *m)
{
	if (m->interrupted_exit)
		return 130; /* as a shell reports a command ended by SIGINT */
	if (m->state == GUEST_ENDED)
		return m->exit_status;
	return m->stopped_by_limit ? EXIT_LIMIT : 0;
}

static struct monitor *monitor_new(struct run_opts *o, const struct mon_options *mo,
                                   struct run_console *con)
{
	struct monitor *m = calloc(1, sizeof *m);

	if (!m)
		return NULL;
	m->opts = o;
	m->mopts = mo;
	m->con = con;
	m->out = stdout;
	m->interactive = !mo->script && isatty(STDIN_FILENO);
	m->echo = !m->interactive;
	m->color = want_color();
	m->next_point_id = 1;
	m->next_display_id = 1;
	m->syms = symtab_new();
	m->env.syms = m->syms;
	m->rec.on = true;
	m->rec.mix = calloc(MON_MIX_SLOTS, sizeof *m->rec.mix);
	if (!m->syms || !m->rec.mix || mon_new_machine(m) < 0) {
		symtab_free(m->syms);
		free(m->rec.mix);
		free(m);
		return NULL;
	}
	return m;
}

static void monitor_free(struct monitor *m)
{
	mon_trace_close(m);
	mon_debug_detach(m);
	mon_points_free(m);
	mon_displays_free(m);
	device_close(&m->opts->dev, m->machine);
	machine_free(m->machine);
	free(m->machine);
	symtab_free(m->syms);
	free(m->rec.mix);
	free(m);
}

static void run_session(struct monitor *m)
{
	banner(m);
	if (m->opts->gdb.on)
		mon_gdb_session(m, m->opts->gdb.port);
	if (m->mopts->script)
		mon_source(m, m->mopts->script);
	else if (m->interactive)
		run_interactive(m);
	else
		run_lines(m, stdin);
}

int monitor_main(struct run_opts *o, const struct mon_options *mo)
{
	struct run_console con;
	struct monitor *m;
	int status;

	if (run_console_open("monitor", &con, o) < 0)
		return EXIT_USAGE;
	/* Ctrl-C's handler first: the terminal display leaves it to the monitor. */
	mon_signal_setup();
	if (run_display_open("monitor", o, true) < 0) {
		run_console_close("monitor", &con, o);
		return EXIT_USAGE;
	}
	m = monitor_new(o, mo, &con);
	if (!m) {
		run_display_close("monitor", o, NULL);
		run_console_close("monitor", &con, o);
		return EXIT_USAGE;
	}
	if (o->disp) { /* the prompt comes first: the guest is stopped */
		display_set_state(o->disp, DSTATE_STOPPED);
		display_suspend(o->disp);
	}
	run_session(m);
	fflush(m->out);
	status = exit_status(m);
	if (run_display_close("monitor", o, m->machine) < 0)
		status = EXIT_USAGE;
	monitor_free(m);
	if (run_console_close("monitor", &con, o) < 0)
		status = EXIT_USAGE;
	return status;
}
