/*
 * tools/cmd_monitor.c — 'x86lab monitor': the options (those of 'x86lab run'
 * and -x FILE), then the interactive monitor in tools/monitor/.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "monitor.h"
#include "run_options.h"

static const char usage_text[] =
        "usage: x86lab monitor [OPTIONS] [IMAGE]\n"
        "\n"
        "Load a guest as 'x86lab run' does and stop before its first instruction,\n"
        "then step through it, set breakpoints and watchpoints, look at registers,\n"
        "memory and ports, and have instructions explained. 'help' at the prompt\n"
        "lists the commands; docs/monitor.md describes them.\n"
        "\n"
        "options (as for 'x86lab run'):\n" RUN_OPTIONS_HELP
        "  -q, --quiet          start without the banner line\n"
        "  --gdb PORT           wait for gdb on 127.0.0.1:PORT first (0: any free\n"
        "                       port); the prompt comes when gdb detaches\n"
        "  --gdb-host HOST      listen on HOST instead (0.0.0.0: every interface)\n"
        "  -s                   the same as --gdb 1234\n"
        "  -S                   accepted as for 'x86lab run' (the monitor always waits)\n"
        "  -x FILE              run the commands in FILE instead of reading a terminal,\n"
        "                       and exit with the guest's status\n"

        "  -h, --help           show this text\n"
        "\n"
        "Commands come from the terminal (with line editing, history in\n"
        "~/.x86lab_history and tab completion), from -x FILE, or, when standard\n"
        "input is not a terminal, from standard input. Commands read from a file\n"
        "are echoed after the prompt.\n"
        "\n"
        "With --display, Ctrl+Alt+M in the window or Ctrl-] in the terminal view\n"
        "stops the running guest and brings back the prompt, as Ctrl-C does.\n"
        "\n"
        "exit status: as for 'x86lab run' when the guest has ended (the value it\n"
        "wrote to port 0xF4, 0 after HLT with interrupts off, 121-125); 124 when\n"
        "the --max-insns limit stopped it last; 0 when it is still stopped in the\n"
        "monitor; 130 when Ctrl-C ended a script; 2 for bad usage.\n";

enum { OPT_SCRIPT = 'x' };

static int monitor_option(void *ctx, int opt, const char *arg)
{
	struct mon_options *mo = ctx;

	if (opt != OPT_SCRIPT)
		return -1;
	mo->script = arg;
	return 0;
}

/* A missing script is bad usage, found before the machine is built. */
static int script_readable(const struct mon_options *mo)
{
	FILE *f;

	if (!mo->script)
		return 0;
	f = fopen(mo->script, "r");
	if (!f) {
		cli_error("monitor", "cannot read -x %s: %s", mo->script, strerror(errno));
		return -1;
	}
	fclose(f);
	return 0;
}

static const struct option no_longopts[] = { { NULL, 0, NULL, 0 } };

int cmd_monitor(int argc, char **argv)
{
	struct run_opts *o = calloc(1, sizeof *o);
	struct mon_options mo = { NULL };
	const struct run_extra_options extra = { "x:", no_longopts, monitor_option, &mo };
	int status = EXIT_USAGE;

	if (!o) {
		cli_error("monitor", "out of memory");
		return EXIT_USAGE;
	}
	switch (run_parse_options(argc, argv, o, usage_text, &extra)) {
	case PARSE_HELP:
		status = 0;
		break;
	case PARSE_ERROR:
		break;
	case PARSE_OK:
		if (script_readable(&mo) == 0 && run_read_inputs("monitor", o) == 0)
			status = monitor_main(o, &mo);
		break;
	}
	run_free_inputs(o);
	free(o);
	return status;
}
