/*
 * tools/x86lab.c — main(): the subcommand table and dispatch. Each command
 * parses its own options (tools/cmd_*.c); this file only picks one.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

#ifndef X86LAB_VERSION
#define X86LAB_VERSION "unknown"
#endif

struct command {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *summary;
};

/* Shown by 'x86lab --help' in this order. */
static const struct command commands[] = {
	{ "run", cmd_run, "run a guest program (the built-in demo when given nothing)" },
	{ "monitor", cmd_monitor, "step through a guest: breakpoints, registers, memory, explain" },
	{ "sst", cmd_sst, "run SingleStepTests CPU conformance suites" },
	{ "disasm", cmd_disasm, "disassemble a flat binary (NASM syntax, ndisasm layout)" },
};

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void usage(FILE *out)
{
	fputs("usage: x86lab [--version] [--help] COMMAND [ARGS]\n"
	      "\n"
	      "x86lab is a pure-software x86 PC emulator (8086, 286, 386, 486).\n"
	      "\n"
	      "commands:\n",
	      out);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("\n"
	      "'x86lab help COMMAND' or 'x86lab COMMAND --help' shows a command's options.\n"
	      "Run 'x86lab run' with no arguments to see the built-in demo guest.\n",
	      out);
}

/* Every command parses its arguments with getopt_long, whose state is
 * global: start each one afresh. */
static int dispatch(const struct command *cmd, int argc, char **argv)
{
	cli_getopt_reset();
	return cmd->main(argc, argv);
}

static int unknown_command(const char *name)
{
	cli_error(NULL, "'%s' is not a command; see 'x86lab --help'", name);
	return 2;
}

/* 'x86lab help [CMD]': the command's own --help, so usage text lives in one
 * place per command. */
static int help(int argc, char **argv)
{
	const struct command *cmd;
	char help_opt[] = "--help";
	char *args[3] = { NULL, help_opt, NULL };

	if (argc < 2) {
		usage(stdout);
		return 0;
	}
	cmd = find_command(argv[1]);
	if (!cmd)
		return unknown_command(argv[1]);
	args[0] = argv[1];
	return dispatch(cmd, 2, args);
}

int main(int argc, char **argv)
{
	const struct command *cmd;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("x86lab %s\n", X86LAB_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "help") == 0)
		return help(argc - 1, argv + 1);
	if (argv[1][0] == '-') {
		cli_error(NULL, "unknown option '%s'; see 'x86lab --help'", argv[1]);
		return 2;
	}
	cmd = find_command(argv[1]);
	if (!cmd)
		return unknown_command(argv[1]);
	return dispatch(cmd, argc - 1, argv + 1);
}
