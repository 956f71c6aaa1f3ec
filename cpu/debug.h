/*
 * cpu/debug.h — what debuggers (the monitor, the gdb stub) may do to a
 * running CPU: execution breakpoints, memory and port watchpoints, catches
 * on interrupt vectors, and a hook before every instruction. A CPU with no
 * 'struct cpu_debug' attached pays one pointer test per instruction and per
 * access. Included by tools/ and tests.
 */
#ifndef X86LAB_DEBUG_H
#define X86LAB_DEBUG_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

#define CPU_MAX_BREAKS    64
#define CPU_MAX_WATCHES   32
#define CPU_MAX_IOWATCHES 16

enum { WATCH_READ = 1, WATCH_WRITE = 2, WATCH_RW = 3 };

/* Stop before executing the instruction whose first byte is at linear 'lin'. */
struct cpu_break {
	uint32_t lin;
	bool enabled;
};

/* Stop after an access that touches linear bytes [lin, lin+len). */
struct cpu_watch {
	uint32_t lin;
	uint32_t len;
	uint8_t kind; /* WATCH_READ, WATCH_WRITE or WATCH_RW */
	bool enabled;
};

/* Stop after an IN/OUT (or INS/OUTS) on ports first..last. */
struct cpu_iowatch {
	uint16_t first, last;
	uint8_t kind;
	bool enabled;
};

enum cpu_debug_event_kind {
	DEBUG_NONE,
	DEBUG_BREAK,   /* before the instruction at 'lin' (breakpoint 'index') */
	DEBUG_WATCH,   /* after the instruction that accessed 'lin' (watchpoint 'index') */
	DEBUG_IOWATCH, /* after the instruction that accessed 'port' (iowatch 'index') */
	DEBUG_CATCH,   /* after entering the handler of 'vector' */
	DEBUG_MODE,    /* before the first instruction in a new mode: 'mode_from' -> 'mode_to' */
};

/* The three ways the CPU runs code, as a debugger tells them apart. */
enum cpu_exec_mode { MODE_REAL, MODE_PROTECTED, MODE_V86 };

static inline enum cpu_exec_mode cpu_exec_mode(const struct cpu *c)
{
	if (!(c->cr0 & CR0_PE))
		return MODE_REAL;
	return (c->eflags & FLAG_VM) ? MODE_V86 : MODE_PROTECTED;
}

enum cpu_intr_source { INTR_SOFTWARE, INTR_EXCEPTION, INTR_EXTERNAL };

struct cpu_debug_event {
	enum cpu_debug_event_kind kind;
	int index;                     /* which breakpoint, watchpoint or iowatch */
	uint32_t lin;                  /* BREAK: the instruction; WATCH: first byte accessed */
	int size;                      /* WATCH, IOWATCH: bytes accessed */
	bool write;                    /* WATCH, IOWATCH: a write (OUT) */
	uint32_t old_value, new_value; /* WATCH: memory before and after (reads: equal) */
	uint16_t port;                 /* IOWATCH */
	uint32_t value;                /* IOWATCH: the value read or written */
	int vector;                    /* CATCH */
	enum cpu_intr_source source;   /* CATCH */
	enum cpu_exec_mode mode_from, mode_to; /* MODE */
	uint16_t cs;                           /* the instruction that caused it: CS:EIP */
	uint32_t eip;
};

struct cpu_debug {
	int nbreaks;
	struct cpu_break breaks[CPU_MAX_BREAKS];
	int nwatches;
	struct cpu_watch watches[CPU_MAX_WATCHES];
	int niowatches;
	struct cpu_iowatch iowatches[CPU_MAX_IOWATCHES];
	uint32_t catch_vectors[8]; /* bit v: stop when vector v is delivered */
	/* Stop when the mode differs from 'last_mode', which the stop updates:
	 * compared before each instruction, so the CPU core needs no hook. */
	bool catch_mode;
	enum cpu_exec_mode last_mode;
	/* Called before every instruction (trace, history, statistics); NULL: none. */
	void (*before_insn)(void *ctx, struct cpu *c);
	void *ctx;
	/* Set by the debugger when resuming at a breakpoint it stopped on: the
	 * instruction there runs once without stopping again. */
	bool skip_break_once;
	/* What stopped cpu_run with CPU_STOP_DEBUG. */
	struct cpu_debug_event event;
	bool pending; /* a watch or catch fired: stop at the next boundary */
};

/* Attach (or with NULL detach) a debugger's state. */
void cpu_attach_debug(struct cpu *c, struct cpu_debug *d);

static inline void cpu_debug_catch(struct cpu_debug *d, int vector, bool on)
{
	if (on)
		d->catch_vectors[vector >> 5] |= 1u << (vector & 31);
	else
		d->catch_vectors[vector >> 5] &= ~(1u << (vector & 31));
}

/* Write debug register DRn as MOV DRn would (reserved bits forced, DR4/5
 * as DR6/7), for debuggers and tests that set them from outside. */
void cpu_set_debug_reg(struct cpu *c, int n, uint32_t v);

/* Load CR0, CR2 or CR3 as MOV CRn would, without its privilege check: only
 * the model's CR0 bits change, a change of PE switches the segment caches'
 * checks, and a CR3 load or a PG/PE change empties the TLB. Returns false,
 * changing nothing, for another register or for PG without PE (where MOV
 * would raise #GP(0)). */
bool cpu_set_control_reg(struct cpu *c, int n, uint32_t v);

/* Where CS:EIP (or any seg:off) is, as the debugger's addresses need it. */
uint32_t cpu_linear(const struct cpu *c, int seg, uint32_t off);
/* Linear to physical as the CPU would translate it now (paging, A20), without
 * side effects. Returns false when there is no translation. */
bool cpu_linear_to_phys(const struct cpu *c, uint32_t lin, uint32_t *phys);

#endif
