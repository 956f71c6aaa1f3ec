/*
 * tools/run_options.h — what 'x86lab run' and 'x86lab monitor' share: the
 * options that describe the machine and the guest, reading the guest's files,
 * building the machine, the debug console, and the exit status for the way a
 * guest stopped.
 */
#ifndef X86LAB_RUN_OPTIONS_H
#define X86LAB_RUN_OPTIONS_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "device_options.h"
#include "display.h"
#include "machine.h"

/* Exit statuses x86lab chooses itself; any other comes from the guest. */
enum {
	EXIT_USAGE = 2,         /* bad usage or unreadable input (host error) */
	EXIT_KILLED = 121,      /* gdb killed the guest */
	EXIT_UNSUPPORTED = 122, /* the guest needs what x86lab does not emulate yet */
	EXIT_HALT_IF = 123,     /* HLT with interrupts on and nothing to wake the CPU */
	EXIT_LIMIT = 124,       /* --max-insns reached, as timeout(1) */
	EXIT_SHUTDOWN = 125     /* triple fault */
};

enum { RUN_MAX_LOADS = 16, RUN_GDB_PORT = 1234 /* -s, as QEMU */ };

enum run_parse_result { PARSE_OK, PARSE_HELP, PARSE_ERROR };
enum debugcon_mode { DEBUGCON_STDIO, DEBUGCON_FILE, DEBUGCON_NONE };

struct load {
	const char *spec; /* the FILE@SEG:OFF argument, for messages */
	char path[4096];
	uint16_t seg, off;
	uint8_t *data;
	size_t len;
};

/* --gdb PORT, --gdb-host HOST, -s, -S (docs/gdb.md). */
struct run_gdb {
	bool on;
	int port;         /* 0: any free port */
	const char *host; /* NULL: 127.0.0.1 */
	bool wait;        /* -S */
};

struct run_opts {
	enum cpu_model model;
	uint32_t mem_size;
	const char *bios_path;
	const char *image_path; /* 'x86lab run IMAGE': a floppy or hard-disk image */
	uint8_t *bios;          /* --bios FILE, or a copy of the built-in BIOS */
	size_t bios_len;
	struct load loads[RUN_MAX_LOADS];
	int nloads;
	bool has_start;
	uint16_t start_seg, start_off;
	uint64_t max_insns; /* 0: no limit */
	enum debugcon_mode debugcon;
	const char *debugcon_path;
	bool quiet;
	struct run_gdb gdb;
	struct device_opts dev;
	bool stdin_free;             /* the guest's COM1 may read stdin (not the monitor's) */
	bool reset_on_triple_fault;  /* --on-triple-fault reset */
	struct display_opts display; /* --display, --screenshot */
	struct display *disp;        /* the front end the command opened, or NULL */
};

/* The gdb options as 'x86lab run' has them. */
#define RUN_GDB_OPTIONS_HELP                                                                       \
	"  --gdb PORT           serve gdb's remote protocol on 127.0.0.1:PORT; 0 picks a\n"        \
	"                       free port (printed on stderr); see docs/gdb.md\n"                  \
	"  --gdb-host HOST      listen on HOST instead (0.0.0.0: every interface)\n"               \
	"  -s                   the same as --gdb 1234\n"                                          \
	"  -S                   with --gdb or -s: hold the guest before its first\n"               \
	"                       instruction until gdb attaches\n"

/* Options one command adds to the shared ones: 'shortopts' without the
 * leading ':', 'longopts' ended by a zero entry (values from 512 up), and
 * 'apply' called for each of them (returns 0, or -1 after reporting). */
struct run_extra_options {
	const char *shortopts;
	const struct option *longopts;
	int (*apply)(void *ctx, int opt, const char *arg);
	void *ctx;
};

/* The shared options' lines for a command's --help text; --quiet and the gdb
 * options, which the commands word differently, have their own. */
#define RUN_OPTIONS_HELP                                                                           \
	"  --cpu MODEL          8086, 286, 386 or 486 (default 386)\n"                             \
	"  --mem SIZE           RAM from address 0, 64K to 3G, a multiple of 4K:\n"                \
	"                       640K, 16M, 0x100000 ... (default 16M)\n"                           \
	"  --bios FILE          ROM image of exactly 64 KiB or 128 KiB, mapped to end at\n"        \
	"                       1 MiB and again at the top of the 4 GiB space; the CPU\n"          \
	"                       starts at the reset vector F000:FFF0\n"                            \
	"  --load FILE@SEG:OFF  copy a flat binary into RAM at SEG*16+OFF (repeatable)\n"          \
	"  --start SEG:OFF      start there; default: the first --load address when\n"             \
	"                       there is no --bios, else the reset vector (--load\n"               \
	"                       without --bios runs no BIOS)\n"                                    \
	"  --max-insns N        stop after N instructions (default: no limit)\n"                   \
	"  --debugcon WHERE     port 0xE9 output: stdio (default), file:PATH or "                  \
	"none\n"                                                                                   \
	"  --display WHICH      show the screen and take the keyboard: sdl (a window),\n"          \
	"                       term (this terminal), none (default), or auto (sdl\n"              \
	"                       with a display server, else term on a terminal)\n"                 \
	"  --screenshot FILE    write the screen to FILE (PNG) when the command "                  \
	"ends\n"                                                                                   \
	"  --on-triple-fault stop|reset\n"                                                         \
	"                       after a triple fault, stop and name the faults\n"                  \
	"                       (default), or reset the CPU as a PC board "                        \
	"does\n" DEVICE_OPTIONS_HELP

/* What --quiet does for 'x86lab run'. */
#define RUN_QUIET_HELP                                                                             \
	"  -q, --quiet          no summary line when the guest ends by itself\n"                   \
	"                       (exit port or HLT); other stops are still reported\n"

/* Parse argv (argv[0] is the command's name, used in messages). 'usage' is
 * printed for --help. 'extra' may be NULL. */
enum run_parse_result run_parse_options(int argc, char **argv, struct run_opts *o,
                                        const char *usage, const struct run_extra_options *extra);
/* Read the --bios and --load files. Returns 0, or -1 after reporting. */
int run_read_inputs(const char *cmd, struct run_opts *o);
void run_free_inputs(struct run_opts *o);

/* Where port 0xE9 bytes go. */
struct run_console {
	FILE *f; /* NULL: dropped */
	bool is_stdout;
	int last; /* last byte written, or -1 */
};

int run_console_open(const char *cmd, struct run_console *con, const struct run_opts *o);
int run_console_close(const char *cmd, struct run_console *con, const struct run_opts *o);

/* Build the machine (RAM, BIOS, the console) and place the guest as the
 * options say. Returns 0, or -1 after reporting (the machine is then freed). */
int run_build_machine(const char *cmd, struct machine *m, struct run_opts *o,
                      struct run_console *con);

/* The exit status for the way the machine stopped, and a line that says
 * what happened ("halted after 12 instructions"). */
int run_stop_status(const struct machine *m, enum machine_stop stop, char *line, size_t n);

/* Open the --display front end (none: nothing to do). Returns 0, or -1
 * after reporting. */
int run_display_open(const char *cmd, struct run_opts *o, bool in_monitor);
/* Close the front end and write --screenshot from 'm' (may be NULL).
 * Returns 0, or -1 when the screenshot failed (reported). */
int run_display_close(const char *cmd, struct run_opts *o, const struct machine *m);
/* CS:IP as "1000:0105" (8 hex digits for EIP above FFFF). */
void run_format_csip(const struct cpu *c, char *buf, size_t n);

#endif
