/*
 * tools/cmd_run.c — 'x86lab run': build a machine from the command line, load
 * the guest (a ROM, flat binaries, or the built-in demo), run it headless and
 * turn the way it stopped into the process exit status.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "machine.h"

/* Exit statuses x86lab chooses itself; any other comes from the guest. */
enum {
	EXIT_USAGE = 2,         /* bad usage or unreadable input (host error) */
	EXIT_UNSUPPORTED = 122, /* the guest needs what x86lab does not emulate yet */
	EXIT_HALT_IF = 123,     /* HLT with interrupts on and nothing to wake the CPU */
	EXIT_LIMIT = 124,       /* --max-insns reached, as timeout(1) */
	EXIT_SHUTDOWN = 125     /* triple fault */
};

enum { RUN_MAX_LOADS = 16 };

#define KIB         1024u
#define MEM_MIN     (64 * KIB)
#define MEM_MAX     (3u * KIB * KIB * KIB)
#define MEM_DEFAULT (16 * KIB * KIB)
#define DEMO_SEG    0x0000
#define DEMO_OFF    0x7C00
#define COM_SP      0xFFFE

enum parse_result { PARSE_OK, PARSE_HELP, PARSE_ERROR };
enum debugcon_mode { DEBUGCON_STDIO, DEBUGCON_FILE, DEBUGCON_NONE };

struct load {
	const char *spec; /* the FILE@SEG:OFF argument, for messages */
	char path[4096];
	uint16_t seg, off;
	uint8_t *data;
	size_t len;
};

struct run_opts {
	enum cpu_model model;
	uint32_t mem_size;
	const char *bios_path;
	uint8_t *bios;
	size_t bios_len;
	struct load loads[RUN_MAX_LOADS];
	int nloads;
	bool has_start;
	uint16_t start_seg, start_off;
	uint64_t max_insns; /* 0: no limit */
	enum debugcon_mode debugcon;
	const char *debugcon_path;
	bool quiet;
};

/* Where port 0xE9 bytes go. */
struct console {
	FILE *f; /* NULL: dropped */
	bool is_stdout;
	int last; /* last byte written, or -1 */
};

static const char usage_text[] =
        "usage: x86lab run [OPTIONS]\n"
        "\n"
        "Run a guest program headless on an emulated PC. With neither --bios nor\n"
        "--load, run the built-in demo guest (loaded and started at 0000:7C00).\n"
        "\n"
        "options:\n"
        "  --cpu MODEL          8086, 286 or 386 (default 386)\n"
        "  --mem SIZE           RAM from address 0, 64K to 3G, a multiple of 4K:\n"
        "                       640K, 16M, 0x100000 ... (default 16M)\n"
        "  --bios FILE          ROM image of exactly 64 KiB or 128 KiB, mapped to end at\n"
        "                       1 MiB and again at the top of the 4 GiB space; the CPU\n"
        "                       starts at the reset vector F000:FFF0\n"
        "  --load FILE@SEG:OFF  copy a flat binary into RAM at SEG*16+OFF (repeatable)\n"
        "  --start SEG:OFF      start there; default: the first --load address when\n"
        "                       there is no --bios, else the reset vector\n"
        "  --max-insns N        stop after N instructions (default: no limit)\n"
        "  --debugcon WHERE     port 0xE9 output: stdio (default), file:PATH or none\n"
        "  -q, --quiet          no summary line when the guest ends by itself\n"
        "                       (exit port or HLT); other stops are still reported\n"
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
        "exit status:\n"
        "  N    the guest wrote N to port 0xF4\n"
        "  0    the guest executed HLT with interrupts disabled\n"
        "  2    bad usage or an unreadable input file\n"
        "  122  the guest needs something x86lab does not emulate yet (named)\n"
        "  123  HLT with interrupts enabled and nothing that can wake the CPU\n"
        "  124  the --max-insns limit was reached\n"
        "  125  triple fault: the CPU shut down\n"
        "A guest can write 2, 122-125 to port 0xF4 too; the summary line\n"
        "says which happened.\n";

static const char shortopts[] = ":qh";

enum { OPT_CPU = 256, OPT_MEM, OPT_BIOS, OPT_LOAD, OPT_START, OPT_MAX_INSNS, OPT_DEBUGCON };

static const struct option longopts[] = {
	{ "cpu", required_argument, NULL, OPT_CPU },
	{ "mem", required_argument, NULL, OPT_MEM },
	{ "bios", required_argument, NULL, OPT_BIOS },
	{ "load", required_argument, NULL, OPT_LOAD },
	{ "start", required_argument, NULL, OPT_START },
	{ "max-insns", required_argument, NULL, OPT_MAX_INSNS },
	{ "debugcon", required_argument, NULL, OPT_DEBUGCON },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int set_cpu(struct run_opts *o, const char *arg)
{
	int model = cpu_model_by_name(arg);

	if (model < 0) {
		cli_error("run", "unknown CPU '%s'; use --cpu 8086, 286 or 386", arg);
		return -1;
	}
	o->model = (enum cpu_model)model;
	return 0;
}

static int set_mem(struct run_opts *o, const char *arg)
{
	uint32_t size;

	if (cli_parse_size(arg, &size) < 0) {
		cli_error("run", "--mem '%s' is not a size; write e.g. 640K, 16M or 0x100000", arg);
		return -1;
	}
	if (size < MEM_MIN || size > MEM_MAX || size % (4 * KIB) != 0) {
		cli_error("run", "--mem %s: RAM must be a multiple of 4K from 64K to 3G", arg);
		return -1;
	}
	o->mem_size = size;
	return 0;
}

/* FILE@SEG:OFF, split at the last '@' so that file names may contain one. */
static int add_load(struct run_opts *o, const char *arg)
{
	const char *at = strrchr(arg, '@');
	struct load *l;

	if (o->nloads == RUN_MAX_LOADS) {
		cli_error("run", "too many --load options (at most %d)", RUN_MAX_LOADS);
		return -1;
	}
	l = &o->loads[o->nloads];
	if (!at || at == arg || (size_t)(at - arg) >= sizeof l->path ||
	    cli_parse_segoff(at + 1, &l->seg, &l->off) < 0) {
		cli_error("run", "--load '%s' is not FILE@SEG:OFF; write e.g. prog.bin@1000:0100",
		          arg);
		return -1;
	}
	memcpy(l->path, arg, (size_t)(at - arg));
	l->path[at - arg] = '\0';
	l->spec = arg;
	o->nloads++;
	return 0;
}

static int set_start(struct run_opts *o, const char *arg)
{
	if (cli_parse_segoff(arg, &o->start_seg, &o->start_off) < 0) {
		cli_error("run", "--start '%s' is not SEG:OFF (hex); write e.g. 1000:0100", arg);
		return -1;
	}
	o->has_start = true;
	return 0;
}

static int set_max_insns(struct run_opts *o, const char *arg)
{
	if (cli_parse_count(arg, &o->max_insns) < 0 || o->max_insns == 0) {
		cli_error("run", "--max-insns '%s' is not a positive number of instructions", arg);
		return -1;
	}
	return 0;
}

static int set_debugcon(struct run_opts *o, const char *arg)
{
	if (strcmp(arg, "stdio") == 0) {
		o->debugcon = DEBUGCON_STDIO;
	} else if (strcmp(arg, "none") == 0) {
		o->debugcon = DEBUGCON_NONE;
	} else if (strncmp(arg, "file:", 5) == 0 && arg[5] != '\0') {
		o->debugcon = DEBUGCON_FILE;
		o->debugcon_path = arg + 5;
	} else {
		cli_error("run", "--debugcon '%s': use stdio, file:PATH or none", arg);
		return -1;
	}
	return 0;
}

static int apply_option(struct run_opts *o, int opt, const char *arg)
{
	switch (opt) {
	case OPT_CPU:
		return set_cpu(o, arg);
	case OPT_MEM:
		return set_mem(o, arg);
	case OPT_BIOS:
		o->bios_path = arg;
		return 0;
	case OPT_LOAD:
		return add_load(o, arg);
	case OPT_START:
		return set_start(o, arg);
	case OPT_MAX_INSNS:
		return set_max_insns(o, arg);
	case OPT_DEBUGCON:
		return set_debugcon(o, arg);
	case 'q':
		o->quiet = true;
		return 0;
	default:
		return -1;
	}
}

static enum parse_result parse_options(int argc, char **argv, struct run_opts *o)
{
	int opt;

	o->model = CPU_386;
	o->mem_size = MEM_DEFAULT;
	o->debugcon = DEBUGCON_STDIO;
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (opt == '?' || opt == ':') {
			cli_getopt_error("run", opt, argv, shortopts);
			return PARSE_ERROR;
		}
		if (opt == 'h') {
			fputs(usage_text, stdout);
			return PARSE_HELP;
		}
		if (apply_option(o, opt, optarg) < 0)
			return PARSE_ERROR;
	}
	if (optind < argc) {
		cli_error("run",
		          "disk images ('%s') are not supported yet; to run a flat binary use "
		          "--load %s@1000:0100",
		          argv[optind], argv[optind]);
		return PARSE_ERROR;
	}
	return PARSE_OK;
}

/* The ROM must fill the top of the first megabyte exactly, so that its last
 * 16 bytes hold the reset vector. */
static int read_bios(struct run_opts *o)
{
	const size_t max = 128 * KIB;
	struct stat st;

	if (cli_read_file(o->bios_path, &o->bios, &o->bios_len, max) < 0) {
		if (errno == EFBIG && stat(o->bios_path, &st) == 0)
			cli_error("run",
			          "--bios %s is %lld bytes; a ROM image must be exactly 65536 (64 "
			          "KiB) or 131072 (128 KiB) bytes",
			          o->bios_path, (long long)st.st_size);
		else
			cli_error("run", "cannot read --bios %s: %s", o->bios_path,
			          strerror(errno));
		return -1;
	}
	if (o->bios_len != 64 * KIB && o->bios_len != 128 * KIB) {
		cli_error("run",
		          "--bios %s is %zu bytes; a ROM image must be exactly 65536 (64 KiB) or "
		          "131072 (128 KiB) bytes",
		          o->bios_path, o->bios_len);
		return -1;
	}
	return 0;
}

static uint32_t load_phys(const struct load *l)
{
	return (uint32_t)l->seg * 16 + l->off;
}

static int read_load(const struct run_opts *o, struct load *l)
{
	uint64_t end;

	if (cli_read_file(l->path, &l->data, &l->len, o->mem_size) < 0) {
		if (errno == EFBIG)
			cli_error("run",
			          "--load %s: the file is larger than RAM (%" PRIu32
			          " bytes); use a larger --mem",
			          l->spec, o->mem_size);
		else
			cli_error("run", "cannot read --load %s: %s", l->path, strerror(errno));
		return -1;
	}
	if (l->len == 0) {
		cli_error("run", "--load %s: the file is empty", l->spec);
		return -1;
	}
	end = (uint64_t)load_phys(l) + l->len;
	if (end > o->mem_size) {
		cli_error("run",
		          "--load %s: %zu bytes at physical 0x%05" PRIX32
		          " end beyond RAM (%" PRIu32
		          " bytes); use a lower address or a larger --mem",
		          l->spec, l->len, load_phys(l), o->mem_size);
		return -1;
	}
	return 0;
}

static int read_inputs(struct run_opts *o)
{
	if (o->bios_path && read_bios(o) < 0)
		return -1;
	for (int i = 0; i < o->nloads; i++)
		if (read_load(o, &o->loads[i]) < 0)
			return -1;
	return 0;
}

static void free_inputs(struct run_opts *o)
{
	free(o->bios);
	for (int i = 0; i < o->nloads; i++)
		free(o->loads[i].data);
}

/* Flush at each newline, so a guest's progress shows as it happens even when
 * stdout is a pipe (as under ctest). */
static void console_put(void *ctx, uint8_t byte)
{
	struct console *con = ctx;

	fputc(byte, con->f);
	if (byte == '\n')
		fflush(con->f);
	con->last = byte;
}

static int console_open(struct console *con, const struct run_opts *o)
{
	con->f = NULL;
	con->is_stdout = false;
	con->last = -1;
	if (o->debugcon == DEBUGCON_STDIO) {
		con->f = stdout;
		con->is_stdout = true;
	} else if (o->debugcon == DEBUGCON_FILE) {
		con->f = fopen(o->debugcon_path, "wb");
		if (!con->f) {
			cli_error("run", "cannot open --debugcon file:%s: %s", o->debugcon_path,
			          strerror(errno));
			return -1;
		}
	}
	return 0;
}

static int console_close(struct console *con, const struct run_opts *o)
{
	int rc = 0;

	if (!con->f)
		return 0;
	if (con->is_stdout)
		rc = fflush(con->f);
	else
		rc = fclose(con->f);
	if (rc != 0) {
		cli_error("run", "cannot write the guest's output to %s: %s",
		          con->is_stdout ? "stdout" : o->debugcon_path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Registers as DOS sets them for a .COM program, so small programs written
 * for DOS conventions (and the guest tests) start the way they expect. */
static void enter_like_com(struct cpu *c, uint16_t seg, uint16_t off)
{
	for (int r = 0; r < 8; r++)
		c->reg[r] = 0;
	c->reg[REG_SP] = COM_SP;
	cpu_load_real_seg(c, SEG_CS, seg);
	cpu_load_real_seg(c, SEG_DS, seg);
	cpu_load_real_seg(c, SEG_ES, seg);
	cpu_load_real_seg(c, SEG_SS, seg);
	c->eip = off;
}

static int place_guest(struct machine *m, const struct run_opts *o)
{
	bool demo = !o->bios_path && o->nloads == 0;

	if (demo && machine_load(m, DEMO_SEG * 16 + DEMO_OFF, x86lab_demo_guest,
	                         (uint32_t)x86lab_demo_guest_size) < 0) {
		cli_error("run", "the demo guest does not fit in RAM");
		return -1;
	}
	for (int i = 0; i < o->nloads; i++) {
		const struct load *l = &o->loads[i];
		if (machine_load(m, load_phys(l), l->data, (uint32_t)l->len) < 0) {
			cli_error("run", "--load %s does not fit in RAM; use a larger --mem",
			          l->spec);
			return -1;
		}
	}
	if (o->has_start)
		enter_like_com(&m->cpu, o->start_seg, o->start_off);
	else if (demo)
		enter_like_com(&m->cpu, DEMO_SEG, DEMO_OFF);
	else if (!o->bios_path)
		enter_like_com(&m->cpu, o->loads[0].seg, o->loads[0].off);
	return 0;
}

static void format_csip(const struct cpu *c, char *buf, size_t n)
{
	if (c->eip > 0xFFFF)
		snprintf(buf, n, "%04X:%08" PRIX32, c->seg[SEG_CS].sel, c->eip);
	else
		snprintf(buf, n, "%04X:%04" PRIX32, c->seg[SEG_CS].sel, c->eip);
}

/* The summary line and the exit status for the way the machine stopped. A
 * guest that ended by itself gets no line under --quiet; stops x86lab
 * imposed are always explained, since the status alone would be a puzzle. */
static int report_stop(const struct machine *m, const struct run_opts *o, enum machine_stop stop,
                       const struct console *con)
{
	char csip[24], after[64], line[192];
	int status;

	format_csip(&m->cpu, csip, sizeof csip);
	snprintf(after, sizeof after, "after %" PRIu64 " instruction%s", m->cpu.insns,
	         m->cpu.insns == 1 ? "" : "s");
	switch (stop) {
	case MACHINE_EXIT:
		status = m->exit_status;
		snprintf(line, sizeof line, "exit status %d from port 0x%X %s", status, EXIT_PORT,
		         after);
		break;
	case MACHINE_HALT:
		status = 0;
		snprintf(line, sizeof line, "halted %s", after);
		break;
	case MACHINE_HALT_IF:
		status = EXIT_HALT_IF;
		snprintf(line, sizeof line,
		         "halted at %s with interrupts enabled and nothing to wake the CPU, %s",
		         csip, after);
		break;
	case MACHINE_UNSUPPORTED:
		status = EXIT_UNSUPPORTED;
		snprintf(line, sizeof line, "stopped at %s %s: %s is not emulated yet", csip, after,
		         m->cpu.unsupported);
		break;
	case MACHINE_SHUTDOWN:
		status = EXIT_SHUTDOWN;
		snprintf(line, sizeof line, "triple fault at %s %s: the CPU shut down", csip,
		         after);
		break;
	default: /* MACHINE_LIMIT, or a stop request */
		status = EXIT_LIMIT;
		snprintf(line, sizeof line, "stopped %s at %s", after, csip);
		break;
	}
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

static int run_machine(struct run_opts *o, struct console *con)
{
	struct machine_config cfg = {
		.model = o->model,
		.mem_size = o->mem_size,
		.bios = o->bios,
		.bios_size = (uint32_t)o->bios_len,
		.debugcon_sink = con->f ? console_put : NULL,
		.debugcon_ctx = con,
	};
	struct machine *m = calloc(1, sizeof *m);
	char err[256] = "";
	int status = EXIT_USAGE;

	if (!m) {
		cli_error("run", "out of memory");
		return EXIT_USAGE;
	}
	if (machine_init(m, &cfg, err, (int)sizeof err) < 0) {
		cli_error("run", "cannot build the machine: %s", err[0] ? err : "unknown reason");
		free(m);
		return EXIT_USAGE;
	}
	if (place_guest(m, o) == 0)
		status = report_stop(m, o, machine_run(m, o->max_insns), con);
	machine_free(m);
	free(m);
	return status;
}

int cmd_run(int argc, char **argv)
{
	struct run_opts *o = calloc(1, sizeof *o);
	struct console con;
	int status = EXIT_USAGE;

	if (!o) {
		cli_error("run", "out of memory");
		return EXIT_USAGE;
	}
	switch (parse_options(argc, argv, o)) {
	case PARSE_HELP:
		status = 0;
		break;
	case PARSE_ERROR:
		break;
	case PARSE_OK:
		if (read_inputs(o) == 0 && console_open(&con, o) == 0) {
			status = run_machine(o, &con);
			if (console_close(&con, o) < 0)
				status = EXIT_USAGE;
		}
		break;
	}
	free_inputs(o);
	free(o);
	return status;
}
