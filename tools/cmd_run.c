/*
 * tools/cmd_run.c — 'x86lab run': build a machine from the command line, load
 * the guest (a ROM, flat binaries, or the built-in demo), run it headless and
 * turn the way it stopped into the process exit status. The options and the
 * machine set-up are shared with 'x86lab monitor' (tools/run_options.c).
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "gdbstub.h"
#include "machine.h"
#include "run_options.h"

/* --- gdb: --gdb PORT, --gdb-host HOST, -s, -S (parsed in run_options.c; docs/gdb.md) --- */

static int report_stop(const struct machine *m, const struct run_opts *o, enum machine_stop stop,
                       const struct run_console *con);

static int report_killed(const struct machine *m, const struct run_opts *o)
{
	char csip[24];

	run_format_csip(&m->cpu, csip, sizeof csip);
	fflush(stdout);
	fprintf(stderr, "x86lab: killed from gdb at %s after %" PRIu64 " instruction%s (CPU %s)\n",
	        csip, m->cpu.insns, m->cpu.insns == 1 ? "" : "s", cpu_traits_table[o->model].name);
	return EXIT_KILLED;
}

/* The stub runs the guest and a debugger may attach at any time; after a
 * detach the guest runs on as it would without --gdb. */
static int run_with_gdb(struct machine *m, const struct run_opts *o, const struct run_console *con)
{
	const struct run_gdb *gdb = &o->gdb;
	char err[256];
	enum machine_stop stop;
	struct gdbstub *g = gdbstub_listen(m, gdb->host, gdb->port, err, sizeof err);
	int status;

	if (!g) {
		cli_error("run", "--gdb: %s", err);
		return EXIT_USAGE;
	}
	fprintf(stderr, "x86lab: gdb stub listening on %s\n", gdbstub_address(g));
	switch (gdbstub_serve(g, gdb->wait, o->max_insns, &stop)) {
	case GDBSTUB_GUEST_ENDED:
		status = report_stop(m, o, stop, con);
		break;
	case GDBSTUB_DETACHED:
		status = report_stop(m, o, machine_run(m, o->max_insns), con);
		break;
	case GDBSTUB_KILLED:
		status = report_killed(m, o);
		break;
	default:
		cli_error("run", "--gdb: the listening socket failed");
		status = EXIT_USAGE;
		break;
	}
	gdbstub_close(g);
	return status;
}

/* --- the command --- */

static const char usage_text[] =
        "usage: x86lab run [OPTIONS] [IMAGE]\n"
        "\n"
        "Run a guest headless on an emulated PC. Without --bios and --load the\n"
        "built-in BIOS boots IMAGE (a floppy image by its size, becoming A:, or a\n"
        "hard-disk image with an MBR, becoming C:), the --fda/--hda disks, or,\n"
        "given none, the built-in demo disk. What the BIOS prints also goes to COM1.\n"
        "\n"
        "options:\n" RUN_OPTIONS_HELP RUN_QUIET_HELP RUN_GDB_OPTIONS_HELP
        "  -h, --help           show this text\n"
        "\n"
        "SEG:OFF is hexadecimal, 0x optional: 1000:0100 is physical address 0x10100.\n"
        "\n"
        "Starting at --start or at a --load address sets the registers as DOS does\n"
        "for a .COM program: CS=DS=ES=SS=SEG, IP=OFF, SP=FFFE, the other general\n"
        "registers 0, FLAGS as after reset (interrupts disabled).\n"
        "\n"
        "The guest reports through two ports: bytes it writes to port 0xE9 are\n"
        "printed, and a byte it writes to port 0xF4 ends the run with that status.\n"
        "\n"
        "In the --display sdl window, Ctrl+Alt+G grabs or releases the keyboard;\n"
        "closing the window ends the run (status 0). In the --display term view,\n"
        "Ctrl-] ends the run. docs/run.md has the details.\n"
        "\n"
        "exit status:\n"
        "  N    the guest wrote N to port 0xF4\n"
        "  0    the guest executed HLT with interrupts disabled\n"
        "  2    bad usage or an unreadable input file\n"
        "  121  gdb killed the guest (its 'kill' command)\n"
        "  122  the guest needs something x86lab does not emulate yet (named)\n"
        "  123  HLT with interrupts enabled and nothing that can wake the CPU\n"
        "  124  the --max-insns limit was reached\n"
        "  125  triple fault: the CPU shut down\n"
        "A guest can write 2, 121-125 to port 0xF4 too; the summary line\n"
        "says which happened.\n";

/* The summary line and the exit status for the way the machine stopped. A
 * guest that ended by itself gets no line under --quiet; stops x86lab
 * imposed are always explained, since the status alone would be a puzzle. */
static int report_stop(const struct machine *m, const struct run_opts *o, enum machine_stop stop,
                       const struct run_console *con)
{
	char line[256];
	int status = run_stop_status(m, stop, line, sizeof line);

	if (!o->quiet || (stop != MACHINE_EXIT && stop != MACHINE_HALT)) {
		/* On a terminal the line would otherwise trail the guest's text. */
		bool mid_line = con->is_stdout && con->last >= 0 && con->last != '\n' &&
		                isatty(STDOUT_FILENO) && isatty(STDERR_FILENO);
		fflush(stdout);
		fprintf(stderr, "%sx86lab: %s (CPU %s)\n", mid_line ? "\n" : "", line,
		        cpu_traits_table[o->model].name);
	}
	return status;
}

/* The user closed the window or pressed the terminal's host key: not a
 * failure of the guest's, so status 0 with a line that says so. */
static int report_closed(const struct machine *m, const struct run_opts *o)
{
	char csip[24];

	run_format_csip(&m->cpu, csip, sizeof csip);
	fflush(stdout);
	fprintf(stderr,
	        "x86lab: the display was closed; stopped at %s after %" PRIu64
	        " instruction%s (CPU %s)\n",
	        csip, m->cpu.insns, m->cpu.insns == 1 ? "" : "s", cpu_traits_table[o->model].name);
	return 0;
}

static int run_machine(struct run_opts *o, struct run_console *con)
{
	struct machine *m = calloc(1, sizeof *m);
	int status = EXIT_USAGE;

	if (!m) {
		cli_error("run", "out of memory");
		return EXIT_USAGE;
	}
	if (run_display_open("run", o, false) < 0) {
		free(m);
		return EXIT_USAGE;
	}
	if (run_build_machine("run", m, o, con) == 0) {
		enum machine_stop stop = MACHINE_LIMIT;
		bool closed;
		int shot;

		if (o->gdb.on)
			status = run_with_gdb(m, o, con);
		else
			stop = machine_run(m, o->max_insns);
		closed = o->disp && o->disp->quit && stop == MACHINE_STOPPED;
		/* The terminal comes back before the summary line. */
		shot = run_display_close("run", o, m);
		if (!o->gdb.on)
			status = closed ? report_closed(m, o) : report_stop(m, o, stop, con);
		if (shot < 0)
			status = EXIT_USAGE;
		device_close(&o->dev, m);
		machine_free(m);
	} else {
		run_display_close("run", o, NULL);
	}
	free(m);
	return status;
}

int cmd_run(int argc, char **argv)
{
	struct run_opts *o = calloc(1, sizeof *o);
	struct run_console con;
	int status = EXIT_USAGE;

	if (!o) {
		cli_error("run", "out of memory");
		return EXIT_USAGE;
	}
	switch (run_parse_options(argc, argv, o, usage_text, NULL)) {
	case PARSE_HELP:
		status = 0;
		break;
	case PARSE_ERROR:
		break;
	case PARSE_OK:
		o->stdin_free = true;
		if (run_read_inputs("run", o) == 0 && run_console_open("run", &con, o) == 0) {
			status = run_machine(o, &con);
			if (run_console_close("run", &con, o) < 0)
				status = EXIT_USAGE;
		}
		break;
	}
	run_free_inputs(o);
	free(o);
	return status;
}
