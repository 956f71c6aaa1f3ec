/*
 * tools/run_options.c — the options 'x86lab run' and 'x86lab monitor' share,
 * reading the guest's files, building the machine and placing the guest, and
 * turning the way a guest stopped into an exit status and a summary line.
 */
#include "run_options.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "image_kind.h"
#include "screenshot.h"

#define KIB         1024u
#define MEM_MIN     (64 * KIB)
#define MEM_MAX     (3u * KIB * KIB * KIB)
#define MEM_DEFAULT (16 * KIB * KIB)
#define COM_SP      0xFFFE

enum { MAX_LONGOPTS = 40 };

static const char shared_shortopts[] = "qhsS";

enum {
	OPT_CPU = 256,
	OPT_MEM,
	OPT_BIOS,
	OPT_LOAD,
	OPT_START,
	OPT_MAX_INSNS,
	OPT_DEBUGCON,
	OPT_GDB,
	OPT_GDB_HOST,
	OPT_ON_TRIPLE_FAULT,
	OPT_DISPLAY,
	OPT_SCREENSHOT
};

static const struct option shared_longopts[] = {
	{ "cpu", required_argument, NULL, OPT_CPU },
	{ "mem", required_argument, NULL, OPT_MEM },
	{ "bios", required_argument, NULL, OPT_BIOS },
	{ "load", required_argument, NULL, OPT_LOAD },
	{ "start", required_argument, NULL, OPT_START },
	{ "max-insns", required_argument, NULL, OPT_MAX_INSNS },
	{ "debugcon", required_argument, NULL, OPT_DEBUGCON },
	{ "gdb", required_argument, NULL, OPT_GDB },
	{ "gdb-host", required_argument, NULL, OPT_GDB_HOST },
	{ "on-triple-fault", required_argument, NULL, OPT_ON_TRIPLE_FAULT },
	{ "display", required_argument, NULL, OPT_DISPLAY },
	{ "screenshot", required_argument, NULL, OPT_SCREENSHOT },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	DEVICE_LONGOPTS,
	{ NULL, 0, NULL, 0 },
};

static int set_cpu(const char *cmd, struct run_opts *o, const char *arg)
{
	int model = cpu_model_by_name(arg);

	if (model < 0) {
		cli_error(cmd, "unknown CPU '%s'; use --cpu 8086, 286, 386 or 486", arg);
		return -1;
	}
	o->model = (enum cpu_model)model;
	return 0;
}

static int set_mem(const char *cmd, struct run_opts *o, const char *arg)
{
	uint32_t size;

	if (cli_parse_size(arg, &size) < 0) {
		cli_error(cmd, "--mem '%s' is not a size; write e.g. 640K, 16M or 0x100000", arg);
		return -1;
	}
	if (size < MEM_MIN || size > MEM_MAX || size % (4 * KIB) != 0) {
		cli_error(cmd, "--mem %s: RAM must be a multiple of 4K from 64K to 3G", arg);
		return -1;
	}
	o->mem_size = size;
	return 0;
}

/* FILE@SEG:OFF, split at the last '@' so that file names may contain one. */
static int add_load(const char *cmd, struct run_opts *o, const char *arg)
{
	const char *at = strrchr(arg, '@');
	struct load *l;

	if (o->nloads == RUN_MAX_LOADS) {
		cli_error(cmd, "too many --load options (at most %d)", RUN_MAX_LOADS);
		return -1;
	}
	l = &o->loads[o->nloads];
	if (!at || at == arg || (size_t)(at - arg) >= sizeof l->path ||
	    cli_parse_segoff(at + 1, &l->seg, &l->off) < 0) {
		cli_error(cmd, "--load '%s' is not FILE@SEG:OFF; write e.g. prog.bin@1000:0100",
		          arg);
		return -1;
	}
	memcpy(l->path, arg, (size_t)(at - arg));
	l->path[at - arg] = '\0';
	l->spec = arg;
	o->nloads++;
	return 0;
}

static int set_start(const char *cmd, struct run_opts *o, const char *arg)
{
	if (cli_parse_segoff(arg, &o->start_seg, &o->start_off) < 0) {
		cli_error(cmd, "--start '%s' is not SEG:OFF (hex); write e.g. 1000:0100", arg);
		return -1;
	}
	o->has_start = true;
	return 0;
}

static int set_max_insns(const char *cmd, struct run_opts *o, const char *arg)
{
	if (cli_parse_count(arg, &o->max_insns) < 0 || o->max_insns == 0) {
		cli_error(cmd, "--max-insns '%s' is not a positive number of instructions", arg);
		return -1;
	}
	return 0;
}

static int set_debugcon(const char *cmd, struct run_opts *o, const char *arg)
{
	if (strcmp(arg, "stdio") == 0) {
		o->debugcon = DEBUGCON_STDIO;
	} else if (strcmp(arg, "none") == 0) {
		o->debugcon = DEBUGCON_NONE;
	} else if (strncmp(arg, "file:", 5) == 0 && arg[5] != '\0') {
		o->debugcon = DEBUGCON_FILE;
		o->debugcon_path = arg + 5;
	} else {
		cli_error(cmd, "--debugcon '%s': use stdio, file:PATH or none", arg);
		return -1;
	}
	return 0;
}

static int set_on_triple_fault(const char *cmd, struct run_opts *o, const char *arg)
{
	if (strcmp(arg, "stop") == 0 || strcmp(arg, "reset") == 0) {
		o->reset_on_triple_fault = strcmp(arg, "reset") == 0;
		return 0;
	}
	cli_error(cmd, "--on-triple-fault '%s': use stop or reset", arg);
	return -1;
}

static int set_gdb_port(const char *cmd, struct run_opts *o, const char *arg)
{
	uint64_t port;

	if (cli_parse_count(arg, &port) < 0 || port > 65535) {
		cli_error(cmd, "--gdb '%s' is not a TCP port (0 to 65535)", arg);
		return -1;
	}
	o->gdb.on = true;
	o->gdb.port = (int)port;
	return 0;
}

static int apply_gdb_option(const char *cmd, struct run_opts *o, int opt, const char *arg)
{
	switch (opt) {
	case OPT_GDB:
		return set_gdb_port(cmd, o, arg);
	case OPT_GDB_HOST:
		o->gdb.host = arg;
		return 0;
	case 's':
		o->gdb.on = true;
		o->gdb.port = RUN_GDB_PORT;
		return 0;
	default: /* 'S' */
		o->gdb.wait = true;
		return 0;
	}
}

static int check_gdb_options(const char *cmd, const struct run_opts *o)
{
	if (!o->gdb.on && (o->gdb.wait || o->gdb.host)) {
		cli_error(cmd, "%s needs a port: add --gdb PORT or -s",
		          o->gdb.wait ? "-S" : "--gdb-host");
		return -1;
	}
	return 0;
}

static int apply_option(const char *cmd, struct run_opts *o, int opt, const char *arg)
{
	if (opt == OPT_GDB || opt == OPT_GDB_HOST || opt == 's' || opt == 'S')
		return apply_gdb_option(cmd, o, opt, arg);
	switch (opt) {
	case OPT_CPU:
		return set_cpu(cmd, o, arg);
	case OPT_MEM:
		return set_mem(cmd, o, arg);
	case OPT_BIOS:
		o->bios_path = arg;
		return 0;
	case OPT_LOAD:
		return add_load(cmd, o, arg);
	case OPT_START:
		return set_start(cmd, o, arg);
	case OPT_MAX_INSNS:
		return set_max_insns(cmd, o, arg);
	case OPT_DEBUGCON:
		return set_debugcon(cmd, o, arg);
	case OPT_ON_TRIPLE_FAULT:
		return set_on_triple_fault(cmd, o, arg);
	case 'q':
		o->quiet = true;
		return 0;
	case OPT_DISPLAY:
		if (display_parse_kind(arg, &o->display.kind) < 0) {
			cli_error(cmd, "--display %s: say sdl, term, none or auto", arg);
			return -1;
		}
		return 0;
	case OPT_SCREENSHOT:
		o->display.screenshot = arg;
		return 0;
	default:
		return device_option(cmd, &o->dev, opt, arg) == 0 ? 0 : -1;
	}
}

/* One option table and one short-option string for getopt_long: the shared
 * options first, then the command's own. */
static void merge_options(const struct run_extra_options *extra, struct option *longopts,
                          char *shortopts, size_t shortlen)
{
	size_t n = 0;

	for (const struct option *p = shared_longopts; p->name; p++)
		longopts[n++] = *p;
	for (const struct option *p = extra ? extra->longopts : NULL; p && p->name; p++)
		if (n < MAX_LONGOPTS - 1)
			longopts[n++] = *p;
	memset(&longopts[n], 0, sizeof longopts[n]);
	snprintf(shortopts, shortlen, ":%s%s", shared_shortopts,
	         extra && extra->shortopts ? extra->shortopts : "");
}

static bool is_extra_option(const struct run_extra_options *extra, int opt)
{
	if (!extra)
		return false;
	for (const struct option *p = extra->longopts; p && p->name; p++)
		if (p->val == opt)
			return true;
	return opt < 256 && extra->shortopts && strchr(extra->shortopts, opt);
}

static int handle_option(const char *cmd, struct run_opts *o, const struct run_extra_options *extra,
                         int opt, const char *arg)
{
	if (opt != 'q' && opt != 'h' && is_extra_option(extra, opt))
		return extra->apply(extra->ctx, opt, arg);
	return apply_option(cmd, o, opt, arg);
}

static void set_defaults(struct run_opts *o)
{
	o->model = CPU_386;
	o->mem_size = MEM_DEFAULT;
	o->debugcon = DEBUGCON_STDIO;
	o->display.kind = DISPLAY_NONE; /* the guest's screen only when asked for */
	device_defaults(&o->dev);
}

enum run_parse_result run_parse_options(int argc, char **argv, struct run_opts *o,
                                        const char *usage, const struct run_extra_options *extra)
{
	const char *cmd = argv[0];
	struct option longopts[MAX_LONGOPTS];
	char shortopts[64];
	int opt;

	set_defaults(o);
	merge_options(extra, longopts, shortopts, sizeof shortopts);
	cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (opt == '?' || opt == ':') {
			cli_getopt_error(cmd, opt, argv, shortopts);
			return PARSE_ERROR;
		}
		if (opt == 'h') {
			fputs(usage, stdout);
			return PARSE_HELP;
		}
		if (handle_option(cmd, o, extra, opt, optarg) < 0)
			return PARSE_ERROR;
	}
	if (optind < argc)
		o->image_path = argv[optind++];
	if (optind < argc) {
		cli_error(cmd,
		          "one disk image at a time ('%s' is one too many); attach more with "
		          "--fda, --fdb, --hda and --hdb",
		          argv[optind]);
		return PARSE_ERROR;
	}
	return check_gdb_options(cmd, o) < 0 ? PARSE_ERROR : PARSE_OK;
}

/* The ROM must fill the top of the first megabyte exactly, so that its last
 * 16 bytes hold the reset vector. */
static int read_bios(const char *cmd, struct run_opts *o)
{
	const size_t max = 128 * KIB;
	struct stat st;

	if (cli_read_file(o->bios_path, &o->bios, &o->bios_len, max) < 0) {
		if (errno == EFBIG && stat(o->bios_path, &st) == 0)
			cli_error(cmd,
			          "--bios %s is %lld bytes; a ROM image must be exactly 65536 (64 "
			          "KiB) or 131072 (128 KiB) bytes",
			          o->bios_path, (long long)st.st_size);
		else
			cli_error(cmd, "cannot read --bios %s: %s", o->bios_path, strerror(errno));
		return -1;
	}
	if (o->bios_len != 64 * KIB && o->bios_len != 128 * KIB) {
		cli_error(cmd,
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

static int read_load(const char *cmd, const struct run_opts *o, struct load *l)
{
	uint64_t end;

	if (cli_read_file(l->path, &l->data, &l->len, o->mem_size) < 0) {
		if (errno == EFBIG)
			cli_error(cmd,
			          "--load %s: the file is larger than RAM (%" PRIu32
			          " bytes); use a larger --mem",
			          l->spec, o->mem_size);
		else
			cli_error(cmd, "cannot read --load %s: %s", l->path, strerror(errno));
		return -1;
	}
	if (l->len == 0) {
		cli_error(cmd, "--load %s: the file is empty", l->spec);
		return -1;
	}
	end = (uint64_t)load_phys(l) + l->len;
	if (end > o->mem_size) {
		cli_error(cmd,
		          "--load %s: %zu bytes at physical 0x%05" PRIX32
		          " end beyond RAM (%" PRIu32
		          " bytes); use a lower address or a larger --mem",
		          l->spec, l->len, load_phys(l), o->mem_size);
		return -1;
	}
	return 0;
}

/* 'x86lab run IMAGE': a floppy image becomes A:, a hard-disk image C:. */
static int attach_image(const char *cmd, struct run_opts *o)
{
	enum image_kind kind;
	char err[512];
	const char **slot;

	if (image_kind(o->image_path, &kind, err, sizeof err) < 0) {
		cli_error(cmd, "%s", err);
		return -1;
	}
	slot = kind == IMAGE_FLOPPY ? &o->dev.floppy_path[0] : &o->dev.disk_path[0];
	if (*slot) {
		cli_error(cmd, "%s would be drive %s, which %s already names", o->image_path,
		          kind == IMAGE_FLOPPY ? "A:" : "C:",
		          kind == IMAGE_FLOPPY ? "--fda" : "--hda");
		return -1;
	}
	*slot = o->image_path;
	return 0;
}

/* Without --bios and --load the machine runs the built-in BIOS, which boots
 * the images given or, with none, the built-in demo disk. */
static int use_builtin_bios(const char *cmd, struct run_opts *o)
{
	struct device_opts *d = &o->dev;

	o->bios = malloc(x86lab_bios_rom_size);
	if (!o->bios) {
		cli_error(cmd, "out of memory");
		return -1;
	}
	memcpy(o->bios, x86lab_bios_rom, x86lab_bios_rom_size);
	o->bios_len = x86lab_bios_rom_size;
	if (!d->disk_path[0] && !d->disk_path[1] && !d->floppy_path[0] && !d->floppy_path[1]) {
		d->builtin_disk = x86lab_demo_disk;
		d->builtin_disk_len = x86lab_demo_disk_size;
		/* On a terminal the demo counts seconds a person can watch. */
		if (o->stdin_free && isatty(STDIN_FILENO))
			d->realtime.on = true;
	}
	return 0;
}

int run_read_inputs(const char *cmd, struct run_opts *o)
{
	if (o->image_path && attach_image(cmd, o) < 0)
		return -1;
	if (o->bios_path) {
		if (read_bios(cmd, o) < 0)
			return -1;
	} else if (o->nloads == 0 && !o->has_start && use_builtin_bios(cmd, o) < 0) {
		return -1;
	}
	for (int i = 0; i < o->nloads; i++)
		if (read_load(cmd, o, &o->loads[i]) < 0)
			return -1;
	/* A terminal on stdin is COM1's unless a display takes the keyboard. */
	return device_open(cmd, &o->dev, o->stdin_free,
	                   display_resolve(o->display.kind) == DISPLAY_NONE);
}

void run_free_inputs(struct run_opts *o)
{
	free(o->bios);
	o->bios = NULL;
	for (int i = 0; i < o->nloads; i++) {
		free(o->loads[i].data);
		o->loads[i].data = NULL;
	}
}

/* Flush at each newline, so a guest's progress shows as it happens even when
 * stdout is a pipe (as under ctest). */
static void console_put(void *ctx, uint8_t byte)
{
	struct run_console *con = ctx;

	fputc(byte, con->f);
	if (byte == '\n')
		fflush(con->f);
	con->last = byte;
}

int run_console_open(const char *cmd, struct run_console *con, const struct run_opts *o)
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
			cli_error(cmd, "cannot open --debugcon file:%s: %s", o->debugcon_path,
			          strerror(errno));
			return -1;
		}
	}
	return 0;
}

int run_console_close(const char *cmd, struct run_console *con, const struct run_opts *o)
{
	int rc = 0;

	if (!con->f)
		return 0;
	if (con->is_stdout)
		rc = fflush(con->f);
	else
		rc = fclose(con->f);
	con->f = NULL;
	if (rc != 0) {
		cli_error(cmd, "cannot write the guest's output to %s: %s",
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

static int place_guest(const char *cmd, struct machine *m, const struct run_opts *o)
{
	for (int i = 0; i < o->nloads; i++) {
		const struct load *l = &o->loads[i];
		if (machine_load(m, load_phys(l), l->data, (uint32_t)l->len) < 0) {
			cli_error(cmd, "--load %s does not fit in RAM; use a larger --mem",
			          l->spec);
			return -1;
		}
	}
	if (o->has_start)
		enter_like_com(&m->cpu, o->start_seg, o->start_off);
	else if (!o->bios)
		enter_like_com(&m->cpu, o->loads[0].seg, o->loads[0].off);
	return 0;
}

int run_build_machine(const char *cmd, struct machine *m, struct run_opts *o,
                      struct run_console *con)
{
	struct machine_config cfg = {
		.model = o->model,
		.reset_on_triple_fault = o->reset_on_triple_fault,
		.mem_size = o->mem_size,
		.bios = o->bios,
		.bios_size = (uint32_t)o->bios_len,
		.debugcon_sink = con->f ? console_put : NULL,
		.debugcon_ctx = con,
	};
	char err[256] = "";

	device_config(&o->dev, &cfg);
	if (o->disp)
		display_configure(o->disp, m, &cfg);
	if (machine_init(m, &cfg, err, (int)sizeof err) < 0) {
		cli_error(cmd, "cannot build the machine: %s", err[0] ? err : "unknown reason");
		return -1;
	}
	device_start(&o->dev, m);
	if (o->disp)
		display_start(o->disp);
	if (place_guest(cmd, m, o) < 0) {
		machine_free(m);
		return -1;
	}
	return 0;
}

void run_format_csip(const struct cpu *c, char *buf, size_t n)
{
	if (c->eip > 0xFFFF)
		snprintf(buf, n, "%04X:%08" PRIX32, c->seg[SEG_CS].sel, c->eip);
	else
		snprintf(buf, n, "%04X:%04" PRIX32, c->seg[SEG_CS].sel, c->eip);
}

int run_stop_status(const struct machine *m, enum machine_stop stop, char *line, size_t n)
{
	char csip[24], after[64];

	run_format_csip(&m->cpu, csip, sizeof csip);
	snprintf(after, sizeof after, "after %" PRIu64 " instruction%s", m->cpu.insns,
	         m->cpu.insns == 1 ? "" : "s");
	switch (stop) {
	case MACHINE_EXIT:
		snprintf(line, n, "exit status %d from port 0x%X %s", m->exit_status, EXIT_PORT,
		         after);
		return m->exit_status;
	case MACHINE_HALT:
		snprintf(line, n, "halted %s", after);
		return 0;
	case MACHINE_HALT_IF:
		snprintf(line, n,
		         "halted at %s with interrupts enabled and nothing to wake the CPU, %s",
		         csip, after);
		return EXIT_HALT_IF;
	case MACHINE_UNSUPPORTED:
		snprintf(line, n, "stopped at %s %s: %s is not emulated yet", csip, after,
		         m->cpu.unsupported);
		return EXIT_UNSUPPORTED;
	case MACHINE_SHUTDOWN: {
		char faults[128];

		cpu_triple_fault_text(&m->cpu, faults, (int)sizeof faults);
		snprintf(line, n, "triple fault: %s, at %s %s: the CPU shut down", faults, csip,
		         after);
		return EXIT_SHUTDOWN;
	}
	default: /* MACHINE_LIMIT, or a stop request */
		snprintf(line, n, "stopped %s at %s%s", after, csip,
		         m->cpu.halted ? ", halted and waiting for an interrupt" : "");
		return EXIT_LIMIT;
	}
}

int run_display_open(const char *cmd, struct run_opts *o, bool in_monitor)
{
	enum display_kind kind = display_resolve(o->display.kind);
	const char *name = cpu_traits_table[o->model].name;
	char err[256];

	o->disp = NULL;
	if (kind == DISPLAY_NONE)
		return 0;
	o->disp = display_open(kind, name, in_monitor, err, sizeof err);
	/* auto: a display server named in the environment may still not
	 * answer; then the terminal, if there is one, or nothing. */
	if (!o->disp && o->display.kind == DISPLAY_AUTO && kind == DISPLAY_SDL) {
		fprintf(stderr, "x86lab: no window (%s); ", err);
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			fprintf(stderr, "using the terminal\n");
			o->disp = display_open(DISPLAY_TERM, name, in_monitor, err, sizeof err);
		} else {
			fprintf(stderr, "running without a display\n");
			return 0;
		}
	}
	if (!o->disp) {
		cli_error(cmd, "--display %s: %s", kind == DISPLAY_SDL ? "sdl" : "term", err);
		return -1;
	}
	return 0;
}

int run_display_close(const char *cmd, struct run_opts *o, const struct machine *m)
{
	char err[256];

	display_close(o->disp);
	o->disp = NULL;
	if (!o->display.screenshot || !m)
		return 0;
	if (screenshot_write(&m->vga, o->display.screenshot, err, sizeof err) < 0) {
		cli_error(cmd, "--screenshot: %s", err);
		return -1;
	}
	return 0;
}
