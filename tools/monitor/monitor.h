/*
 * tools/monitor/monitor.h — the interactive monitor's state ('struct monitor')
 * and the helpers its command files (cmd_*.c) share.
 */
#ifndef X86LAB_MONITOR_H
#define X86LAB_MONITOR_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "debug.h"
#include "explain.h"
#include "expr.h"
#include "inspect.h"
#include "machine.h"
#include "run_options.h"
#include "symbols.h"

enum {
	MON_MAX_POINTS = 64,   /* breakpoints, watchpoints, iowatches, catches */
	MON_MAX_DISPLAYS = 16, /* 'display' expressions */
	MON_MAX_ARGS = 32,     /* words on one command line */
	MON_LINE_MAX = 1024,   /* one command line */
	MON_HISTORY = 1024,    /* executed instructions 'history' remembers */
	MON_MIX_BITS = 14,     /* 'stats' counts 2^14 distinct instruction addresses */
	MON_MIX_SLOTS = 1 << MON_MIX_BITS,
	MON_SOURCE_DEPTH = 8, /* nested 'source' files */
	MON_MEM_SNAP = 64,    /* bytes of memory remembered around a step */
	MON_GDB_PORT = 1234,
	MON_SYM_NEAR = 0x10000, /* how far past a symbol an address is named after it */
	MON_SYM_DATA = 0x10,    /* the same for a memory operand (a field, an element) */
};

/* What the monitor options add to the shared run options. */
struct mon_options {
	const char *script; /* -x FILE, or NULL */
};

enum mon_point_kind { POINT_BREAK, POINT_WATCH, POINT_IOWATCH, POINT_CATCH };
/* What a catch waits for: a vector from any source, an exception, a mode change. */
enum mon_catch_kind { CATCH_INT, CATCH_EXCEPTION, CATCH_MODE };

/* One numbered breakpoint, watchpoint, iowatch or catch (one numbering for
 * all, like gdb). 'id' 0 marks a free slot. */
struct mon_point {
	int id;
	enum mon_point_kind kind;
	bool enabled;
	bool temporary; /* tbreak: deleted when it stops the guest */
	uint64_t hits;
	char where[160];      /* the location as shown by 'info breakpoints' */
	struct mon_addr addr; /* BREAK, WATCH: as the user gave it */
	uint32_t lin;         /* BREAK, WATCH */
	uint32_t len;         /* WATCH */
	uint8_t access;       /* WATCH, IOWATCH: WATCH_READ/WRITE/RW */
	uint16_t first, last; /* IOWATCH */
	int vector;           /* CATCH: INT, EXCEPTION */
	enum mon_catch_kind catch_kind;
	char cond[160]; /* BREAK: 'if' expression, or "" */
};

/* A breakpoint the monitor sets for itself (next, until, finish). With
 * 'check_sp' it counts only when the stack is back at (or above) 'sp', so a
 * recursive call does not stop 'next' early. */
struct mon_temp {
	bool active;
	uint32_t lin;
	bool check_sp;
	uint16_t ss;
	uint32_t sp;
};

/* 'finish': watching for a return at the current stack depth. */
struct mon_finish {
	bool active;
	uint16_t ss;
	uint32_t sp;
};

struct mon_hist {
	uint16_t cs;
	uint32_t base;
	uint32_t eip;
};

struct mon_mix_slot {
	uint32_t lin;
	uint32_t count; /* 0: free */
	uint16_t cs;
	uint32_t eip;
};

/* What the before-instruction hook collects: history, the instruction mix,
 * interrupts. */
struct mon_record {
	bool on;
	struct mon_hist ring[MON_HISTORY];
	uint64_t recorded; /* instructions recorded in all */
	struct mon_mix_slot *mix;
	uint64_t mix_other;    /* instructions whose address found no free slot */
	uint64_t intr[3][256]; /* by enum cpu_intr_source and vector */
	uint64_t insns_run;    /* instructions executed by the monitor's runs */
	double seconds_run;    /* host time they took */
	uint64_t last_insns;   /* instructions of the last run alone */
};

/* 'trace on': the previous instruction, printed when the next one starts
 * (only then are its effects known). */
struct mon_trace {
	FILE *f;
	bool owned; /* 'f' was opened by 'trace on FILE' */
	bool pending;
	uint64_t pending_insns; /* cpu.insns when it started */
	struct regsnap before;
	struct cpu_insn_info info;
	uint16_t cs;
	uint32_t eip;
};

/* The state before the last resume: 'regs' marks what changed since, and
 * 'explain' shows what the last step did (the stack below SP and the
 * instruction's memory operand, to see which of them it wrote). */
struct mon_before {
	struct regsnap regs;
	bool valid;
	bool single_step; /* the last run was one instruction */
	uint32_t stack_lin;
	uint8_t stack_old[16];
	uint32_t op_lin;
	uint8_t op_old[MON_MEM_SNAP];
	size_t op_len;
};

enum mon_guest_state { GUEST_READY, GUEST_ENDED };

struct monitor {
	struct machine *machine;
	struct cpu *cpu; /* &machine->cpu */
	struct run_opts *opts;
	struct run_console *con;
	const struct mon_options *mopts;
	FILE *out;
	bool interactive; /* readline on a terminal */
	bool echo;        /* echo commands read from files */
	bool color;
	bool quit;
	bool was_interrupted;  /* Ctrl-C stopped the last run */
	bool interrupted_exit; /* a script was stopped by Ctrl-C: exit status 130 */
	int depth;             /* 'source' nesting */

	enum mon_guest_state state;
	bool stopped_by_limit; /* the --max-insns limit (exit status 124) */
	int exit_status;       /* once GUEST_ENDED */
	bool io_note_shown;

	struct cpu_debug dbg;
	int break_owner[CPU_MAX_BREAKS]; /* point id, or 0 for a mon_temp */
	int watch_owner[CPU_MAX_WATCHES];
	int iowatch_owner[CPU_MAX_IOWATCHES];
	struct mon_point points[MON_MAX_POINTS];
	int next_point_id;
	struct mon_temp temp;
	struct mon_finish finish;

	struct symtab *syms;
	struct expr_env env;
	char *displays[MON_MAX_DISPLAYS];
	int display_ids[MON_MAX_DISPLAYS];
	int next_display_id;

	struct mon_record rec;
	struct mon_trace trace;
	struct mon_before before;
	char repeat[MON_LINE_MAX]; /* the last step/next, for an empty line */
};

/* A command line split into words: quotes group words with spaces ("a b"),
 * and 'rest[i]' is the raw text from word i on (for expressions). */
struct mon_args {
	const char *name; /* the command word as typed */
	const char *fmt;  /* after a '/' in the command word (x/w), or "" */
	int argc;
	char *argv[MON_MAX_ARGS];
	const char *rest[MON_MAX_ARGS];
};

/* monitor.c: the session. */
int monitor_main(struct run_opts *o, const struct mon_options *mo);
void mon_error(struct monitor *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The unit of x/FMT and io/FMT: b, w or d (bytes by default), or -1 after
 * an error naming 'cmd'. */
int mon_unit_size(struct monitor *m, const char *cmd, const char *fmt);
int mon_source(struct monitor *m, const char *path);
int mon_new_machine(struct monitor *m);

enum mon_color { COLOR_OFF, COLOR_CHANGED, COLOR_CURRENT, COLOR_BREAK, COLOR_ERROR };
const char *mon_color(const struct monitor *m, enum mon_color c);

/* cmd_args.c: words, numbers, addresses, memory. */
int mon_split(char *buf, size_t bufsize, const char *line, struct mon_args *a);
int mon_eval(struct monitor *m, const char *text, int64_t *value);
int mon_count(struct monitor *m, const char *text, int64_t min, int64_t max, const char *what,
              int64_t *out);
int mon_address(struct monitor *m, const char *text, int defseg, struct mon_addr *a);
/* The linear address 'delta' bytes past 'a' and its physical address;
 * false when there is no translation. */
bool mon_addr_phys(struct monitor *m, const struct mon_addr *a, uint32_t delta, uint32_t *phys);
uint32_t mon_addr_lin(const struct mon_addr *a, uint32_t delta);
void mon_addr_text(const struct mon_addr *a, uint32_t delta, char *buf, size_t n);
/* RAM or ROM behind every byte of [phys, phys+len)? Else report and -1. */
int mon_check_backed(struct monitor *m, uint32_t phys, uint32_t len, const char *what);
void mon_csip_text(const struct cpu *c, char *buf, size_t n);
/* "sym+0x3" for a linear address at most 'max' bytes past a symbol, or "". */
void mon_sym_text(const struct monitor *m, uint32_t lin, uint32_t max, char *buf, size_t n);
/* " <sym+0x3>" within MON_SYM_NEAR bytes, or "". */
void mon_sym_suffix(const struct monitor *m, uint32_t lin, char *buf, size_t n);

/* mcmd_help.c: the command table. */
typedef int (*mon_cmd_fn)(struct monitor *m, const struct mon_args *a);
struct mon_command {
	const char *name;
	const char *alias;
	mon_cmd_fn run;
	const char *usage;
	const char *summary;
	const char *details; /* more lines for 'help CMD', or NULL */
	const char *example;
	bool repeat; /* an empty line runs it again */
	bool fmt;    /* takes /FMT after the name */
};
const struct mon_command *mon_find_command(const char *word);
void mon_completion_setup(struct monitor *m);
void mon_completion_done(void);

/* cmd_exec.c: running the guest. */
enum mon_run_end {
	END_STEPS,     /* the instructions asked for ran */
	END_TEMP,      /* the monitor's own breakpoint (next, until, finish) */
	END_POINT,     /* a user's breakpoint, watchpoint, iowatch or catch (reported) */
	END_DEBUG,     /* (inside the run loop: a debug event to look at) */
	END_LIMIT,     /* the --max-insns limit */
	END_INTERRUPT, /* Ctrl-C */
	END_GUEST,     /* the guest ended (reported) */
};
void mon_take_before(struct monitor *m, bool single);
void mon_report_end(struct monitor *m, enum machine_stop stop);
uint32_t mon_stack_pointer(const struct cpu *c);
/* End the guest's console line, if it stopped mid-line, before the
 * monitor prints. */
void mon_end_guest_line(struct monitor *m);

/* cmd_view.c: instruction lines. */
void mon_show_location(struct monitor *m);
/* One instruction as a line: MARK ADDR  BYTES  TEXT  ; symbol of its target. */
void mon_format_insn(struct monitor *m, const struct cpu_insn_info *info, uint16_t cs, uint32_t eip,
                     const char *mark, char *buf, size_t n);
void mon_insn_line(struct monitor *m, FILE *f, const char *mark, uint16_t cs, uint32_t base,
                   uint32_t eip);
void mon_signal_setup(void);
bool mon_interrupted(void);
void mon_clear_interrupt(void);

/* cmd_stop.c: the CPU's debug state, and what to do when a point fires. */
void mon_debug_sync(struct monitor *m);
void mon_debug_detach(struct monitor *m);
/* What to do about a debug stop: 1 stop and report, 0 resume silently. */
int mon_debug_event(struct monitor *m);
bool mon_break_at(const struct monitor *m, uint32_t lin);
void mon_debug_add_temp(struct monitor *m, uint32_t lin);
void mon_points_free(struct monitor *m);

/* mcmd_info.c: the hook, recording, trace. */
void mon_before_insn(void *ctx, struct cpu *c);
bool mon_hook_needed(const struct monitor *m);
void mon_record_reset(struct monitor *m);
void mon_trace_flush(struct monitor *m);
void mon_trace_close(struct monitor *m);
void mon_changes_line(struct monitor *m, const struct regsnap *before, char *buf, size_t n);
/* Before one step: remember the memory the instruction may write. */
void mon_snap_written_memory(struct monitor *m);

/* cmd_expr.c: expressions shown at each stop. */
void mon_show_displays(struct monitor *m);
void mon_displays_free(struct monitor *m);

/* cmd_sysregs.c: 'set' for CRn, DRn, GDTR, IDTR, LDTR, TR and for segment
 * registers (in protected mode from their descriptor). mon_set_system
 * returns 1 when 'name' is none of its registers. */
int mon_set_system(struct monitor *m, const char *name, const char *value,
                   const struct mon_args *a);
int mon_set_segment(struct monitor *m, int seg, uint16_t sel);
const char *mon_sysreg_name(int i);

/* The commands, by file. */
int mcmd_step(struct monitor *m, const struct mon_args *a);
int mcmd_next(struct monitor *m, const struct mon_args *a);
int mcmd_continue(struct monitor *m, const struct mon_args *a);
int mcmd_finish(struct monitor *m, const struct mon_args *a);
int mcmd_until(struct monitor *m, const struct mon_args *a);
int mcmd_reset(struct monitor *m, const struct mon_args *a);

int mcmd_break(struct monitor *m, const struct mon_args *a);
int mcmd_tbreak(struct monitor *m, const struct mon_args *a);
int mcmd_watch(struct monitor *m, const struct mon_args *a);
int mcmd_iowatch(struct monitor *m, const struct mon_args *a);
int mcmd_catch(struct monitor *m, const struct mon_args *a);
int mcmd_delete(struct monitor *m, const struct mon_args *a);
int mcmd_enable(struct monitor *m, const struct mon_args *a);
int mcmd_disable(struct monitor *m, const struct mon_args *a);
int mon_info_breakpoints(struct monitor *m);

int mcmd_regs(struct monitor *m, const struct mon_args *a);
int mcmd_sregs(struct monitor *m, const struct mon_args *a);
int mcmd_x(struct monitor *m, const struct mon_args *a);
int mcmd_disasm(struct monitor *m, const struct mon_args *a);
int mcmd_stack(struct monitor *m, const struct mon_args *a);
int mcmd_ivt(struct monitor *m, const struct mon_args *a);
int mcmd_gdt(struct monitor *m, const struct mon_args *a);
int mcmd_ldt(struct monitor *m, const struct mon_args *a);
int mcmd_idt(struct monitor *m, const struct mon_args *a);
int mcmd_tss(struct monitor *m, const struct mon_args *a);
int mcmd_ports(struct monitor *m, const struct mon_args *a);
int mcmd_io(struct monitor *m, const struct mon_args *a);
int mcmd_sendkey(struct monitor *m, const struct mon_args *a);
/* cmd_paging.c */
int mcmd_cr(struct monitor *m, const struct mon_args *a);
int mcmd_pagewalk(struct monitor *m, const struct mon_args *a);
int mcmd_tlb(struct monitor *m, const struct mon_args *a);

/* cmd_screen.c */
int mcmd_screendump(struct monitor *m, const struct mon_args *a);

int mcmd_set(struct monitor *m, const struct mon_args *a);
int mcmd_write(struct monitor *m, const struct mon_args *a);
int mcmd_load(struct monitor *m, const struct mon_args *a);
int mcmd_save(struct monitor *m, const struct mon_args *a);

int mcmd_explain(struct monitor *m, const struct mon_args *a);
int mcmd_trace(struct monitor *m, const struct mon_args *a);
int mcmd_stats(struct monitor *m, const struct mon_args *a);
int mcmd_history(struct monitor *m, const struct mon_args *a);

int mcmd_print(struct monitor *m, const struct mon_args *a);
int mcmd_display(struct monitor *m, const struct mon_args *a);
int mcmd_undisplay(struct monitor *m, const struct mon_args *a);
int mcmd_symbols(struct monitor *m, const struct mon_args *a);
int mcmd_info(struct monitor *m, const struct mon_args *a);

int mcmd_source(struct monitor *m, const struct mon_args *a);
int mcmd_quit(struct monitor *m, const struct mon_args *a);
int mcmd_help(struct monitor *m, const struct mon_args *a);
int mcmd_gdb(struct monitor *m, const struct mon_args *a);
int mon_gdb_session(struct monitor *m, int port);

/* mcmd_regs.c: register names for completion (i-th, NULL past the end). */
const char *mon_reg_name(int i);

#endif
