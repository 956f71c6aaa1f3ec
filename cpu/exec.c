/*
 * cpu/exec.c — one instruction boundary to the next: interrupts, fetch and
 * decode, dispatch through the opcode table, the REP loop, and the fault path
 * that unwinds a faulting instruction and enters its handler (double fault,
 * shutdown). The only setjmp in x86lab is here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "debug_hooks.h"
#include "debugreg.h"
#include "flags.h"
#include "icache.h"
#include "insn.h"
#include "intr.h"
#include "prot.h"
#include "seg.h"

void cpu_init(struct cpu *c, enum cpu_model model, struct mem *mem, const struct cpu_io *io)
{
	memset(c, 0, sizeof *c);
	c->model = model;
	c->traits = &cpu_traits_table[model];
	c->mem = mem;
	if (io)
		c->io = *io;
	c->icache = calloc(1, sizeof *c->icache);
	cpu_reset(c);
}

void cpu_free(struct cpu *c)
{
	free(c->icache);
	c->icache = NULL;
}

/* Power-on state (8086 manual 2-29; 286 manual 10-1; SDM Vol. 3, 9.1.1): the
 * 8086 starts at FFFF:0000; the 286 and 386 at F000:FFF0 with a CS base that
 * points at the top of their address space until the first far jump. */
void cpu_reset(struct cpu *c)
{
	const struct cpu_traits *t = c->traits;

	memset(c->reg, 0, sizeof c->reg);
	for (int s = 0; s < SEG_COUNT; s++) {
		c->seg[s] = (struct segcache){ .limit = 0xffff, .attr = 0x93 };
	}
	c->eflags = t->flags_fixed1;
	c->cr0 = c->model == CPU_286 ? 0xfff0 : 0;
	c->cr2 = c->cr3 = 0;
	tlb_flush(&c->tlb);
	c->gdtr = (struct dtr){ 0, 0xffff };
	c->idtr = (struct dtr){ 0, 0x3ff };
	if (c->model == CPU_8086) {
		cpu_load_real_seg(c, SEG_CS, 0xffff);
		c->eip = 0;
	} else {
		c->seg[SEG_CS].sel = 0xf000;
		c->seg[SEG_CS].base = (uint32_t)(((uint64_t)1 << t->addr_bits) - 0x10000);
		c->eip = 0xfff0;
	}
	c->halted = c->shutdown = c->inhibit_intr = false;
	c->delivering = 0;
	c->fault_rf = false;
	debugreg_reset(c);
	c->fault_vector = -1;
	c->undo.valid = false;
	c->err_ext = 0;
}

void cpu_set_intr(struct cpu *c, bool level)
{
	c->intr_line = level;
}

void cpu_request_stop(struct cpu *c)
{
	c->stop_requested = true;
}

static uint8_t fetch_code(void *ctx, uint32_t pos)
{
	struct cpu *c = ctx;

	return cpu_fetch8(c, c->insn_eip + pos);
}

static uint32_t ip_mask(const struct cpu *c)
{
	return c->seg[SEG_CS].big ? 0xffffffffu : 0xffffu;
}

static uint32_t count_reg(const struct cpu *c, const struct insn *in)
{
	return in->asize == 2 ? c->reg[REG_CX] & 0xffff : c->reg[REG_CX];
}

static bool intr_pending(const struct cpu *c)
{
	return c->intr_line && flag(c, FLAG_IF);
}

/* REP/REPE/REPNE: one iteration per handler call. Between iterations an
 * interrupt may be taken: EIP goes back to the instruction (prefixes
 * included) so that it resumes where it stopped, as on the chips. Later
 * chips count CX down once an iteration is complete; the 286 does it inside
 * the iteration, where the handler calls string_count(), so that a fault
 * leaves CX where the chip leaves it. */
/* Iterations a REP runs before it counts as one more instruction: more
 * than a 16-bit CX can ask for, so only ECX counts are ever cut. */
#define REP_SLICE 0x10000u

static void exec_rep(struct cpu *c, const struct insn *in)
{
	bool test_zf = (in->op->attr & REPZ) != 0;
	uint32_t iterations = 0;

	while (count_reg(c, in) != 0) {
		c->rep_count_due = true;
		in->op->exec(c, in);
		if (c->rep_count_due) {
			c->rep_count_due = false;
			count_down(c, in->asize);
		}
		if (test_zf && flag(c, FLAG_ZF) != (in->rep == PFX_REP))
			break;
		/* An interrupt, a debugger's watch, a data breakpoint, or a 32-bit
		 * count past REP_SLICE iterations (so that an instruction limit and
		 * the devices get their turn): resume here afterwards. */
		if (count_reg(c, in) != 0 &&
		    (intr_pending(c) || c->dr_hits || (c->debug && c->debug->pending) ||
		     ++iterations == REP_SLICE)) {
			c->eip = c->insn_eip;
			break;
		}
	}
}

/* Decode at CS:EIP, or take the decoded instruction from the cache. */
static const struct insn *fetch_insn(struct cpu *c, struct insn *buf)
{
	struct decode_env env = { c->traits, c->seg[SEG_CS].big, cpu_prot(c), fetch_code, c };
	const struct insn *hit = icache_lookup(c);
	enum decode_status st;

	if (hit)
		return hit;
	st = decode(&env, buf);
	buf->eip = c->insn_eip;
	c->next_eip = (c->insn_eip + buf->len) & ip_mask(c);
	if (st == DECODE_UD || (st == DECODE_OK && !buf->op->exec))
		cpu_fault_noerr(c, EXC_UD); /* no instruction, or one not emulated (LAR, LSL …) */
	if (st == DECODE_TOO_LONG) {
		if (c->traits->max_insn_len)
			cpu_fault(c, EXC_GP, 0);
		return NULL; /* 8086: a long run of prefixes does nothing */
	}
	icache_store(c, buf);
	return buf;
}

/* The PRIV rows need CPL 0 (SDM Vol. 3, 5.9); the PROT rows, decoded in
 * protected mode, do not exist in virtual-8086 mode (#UD, SDM Vol. 3,
 * 20.2.7). The decoder and the instruction cache know only CR0.PE, so that
 * the common path tests nothing more. */
static __attribute__((noinline)) void check_privilege(struct cpu *c, const struct insn *in)
{
	if ((in->op->attr & PROT) && (c->eflags & FLAG_VM))
		cpu_fault_noerr(c, EXC_UD);
	if ((in->op->attr & PRIV) && cpu_cpl(c) != 0)
		cpu_fault(c, EXC_GP, 0);
}

/* One instruction; 'watch' is debugreg_watch(). Inlined twice, so that with
 * watch = 0 the compiler drops the debug register code altogether. */
static inline __attribute__((always_inline)) void exec_insn(struct cpu *c, uint32_t watch)
{
	struct insn buf;
	const struct insn *in;

	c->insn_eip = c->next_eip = c->eip;
	c->insn_esp = c->reg[REG_SP];
	if (watch)
		debugreg_insn_start(c, watch);
	in = fetch_insn(c, &buf);
	if (watch)
		c->dr_hits = 0; /* fetches are not data accesses */
	c->next_eip = (c->insn_eip + (in ? in->len : buf.len)) & ip_mask(c);
	c->eip = c->next_eip;
	if (in) {
		if (__builtin_expect((in->op->attr & (PRIV | PROT)) != 0, 0))
			check_privilege(c, in);
		c->overrun_read = c->overrun_write = c->rep_count_due = false;
		if ((in->op->attr & STRING) && in->rep)
			exec_rep(c, in);
		else
			in->op->exec(c, in);
		overrun_raise(c, &c->overrun_write);
	}
	if (watch)
		debugreg_insn_end(c, watch, in);
}

static __attribute__((noinline)) void exec_watched(struct cpu *c, uint32_t watch)
{
	exec_insn(c, watch);
}

/* The cost of TF, RF and the debug registers when none is in use: one test. */
static void exec_one(struct cpu *c)
{
	uint32_t watch = debugreg_watch(c);

	if (__builtin_expect(watch != 0, 0))
		exec_watched(c, watch);
	else
		exec_insn(c, 0);
}

/* Exceptions the SDM calls contributory (Vol. 3, Table 6-5): a second one
 * while delivering the first is a double fault. */
static bool contributory(int vector)
{
	return vector == EXC_DE || (vector >= EXC_TS && vector <= EXC_GP);
}

/* SDM Vol. 3, Table 6-5: contributory after contributory, and a page fault
 * or a contributory fault after a page fault, make a double fault. */
static bool makes_double_fault(int first, int second)
{
	if (first == EXC_PF)
		return second == EXC_PF || contributory(second);
	return contributory(first) && contributory(second);
}

static void record_fault(struct cpu *c, int vector, bool has_error, uint32_t error)
{
	if (c->fault_chain_len < 3)
		c->fault_chain[c->fault_chain_len++] =
		        (struct fault_record){ (int8_t)vector, has_error, error };
}

/* The catch side of cpu_fault(): rewind, choose the vector, deliver. A fault
 * raised while delivering lands here again through the same setjmp. */
static void exec_fault(struct cpu *c)
{
	int vector = c->fault_vector;

	if (vector < 0) { /* cpu_unsupported: undo the instruction, then stop */
		c->eip = c->insn_eip;
		c->reg[REG_SP] = c->insn_esp;
		return;
	}
	bool has_error = c->fault_has_error;
	uint32_t error = c->fault_error;

	if (c->undo.valid) { /* a stack switch was under way: back to before it */
		for (int s = 0; s < SEG_COUNT; s++)
			c->seg[s] = c->undo.seg[s];
		c->reg[REG_SP] = c->undo.esp;
		c->eflags = c->undo.eflags;
		c->undo.valid = false;
	}

	/* fault_chain: the exception whose delivery failed, #DF, and the fault
	 * that ended it all; a benign exception delivered in turn starts over. */
	if (c->delivering && (c->delivering == EXC_DF + 1 || !c->traits->has_ud)) {
		record_fault(c, vector, has_error && cpu_prot(c), error);
		c->shutdown = true;
		c->err_ext = 0;
		return;
	}
	if (c->delivering && makes_double_fault(c->delivering - 1, vector)) {
		c->fault_chain_len = 1;
		vector = EXC_DF;
		has_error = true;
		error = 0;
		record_fault(c, vector, true, 0);
	} else {
		c->fault_chain_len = 0;
		record_fault(c, vector, has_error && cpu_prot(c), error);
	}
	c->delivering = vector + 1;
	if (c->traits->fault_restores_sp)
		c->reg[REG_SP] = c->insn_esp;
	c->eip = (vector == EXC_DE && c->traits->de_after) ? c->next_eip : c->insn_eip;
	c->halted = false;
	c->fault_rf = vector != EXC_DB;
	intr_deliver(c, vector, INTR_EXCEPTION, has_error, error);
	c->fault_rf = false;
	c->delivering = 0;
	if (c->dr_hits)
		debugreg_after_delivery(c);
	c->err_ext = 0;
	c->insns++;
}

static const char *const exc_names[32] = {
	"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", NULL,
	"#TS", "#NP", "#SS", "#GP", "#PF", NULL,  "#MF", "#AC", "#MC",
};

void cpu_triple_fault_text(const struct cpu *c, char *buf, int n)
{
	int len = 0;

	buf[0] = '\0';
	for (int i = c->fault_chain_len - 1; i >= 0 && len < n; i--) {
		const struct fault_record *f = &c->fault_chain[i];
		const char *name = f->vector >= 0 && f->vector < 32 ? exc_names[f->vector] : NULL;
		char own[16];

		if (!name) {
			snprintf(own, sizeof own, "vector %d", f->vector);
			name = own;
		}
		len += snprintf(buf + len, (size_t)(n - len), "%s%s",
		                i == c->fault_chain_len - 1 ? "" : " while delivering ", name);
		if (len < n && i == c->fault_chain_len - 1 && f->has_error)
			len += snprintf(buf + len, (size_t)(n - len), "(0x%04X)",
			                (unsigned)f->error);
	}
}

/* The loop proper, kept apart from the setjmp in cpu_run so that the
 * compiler can hold its state in registers. */
static __attribute__((noinline)) enum cpu_stop run_loop(struct cpu *c)
{
	while (c->budget > 0) {
		bool shadow = c->inhibit_intr;

		if (c->shutdown)
			return CPU_STOP_SHUTDOWN;
		if (c->stop_requested) {
			c->stop_requested = false;
			return c->unsupported ? CPU_STOP_UNSUPPORTED : CPU_STOP_REQUEST;
		}
		c->inhibit_intr = false;
		if (!shadow && intr_pending(c) && c->io.inta) {
			c->halted = false;
			c->insn_eip = c->next_eip = c->eip;
			c->insn_esp = c->reg[REG_SP];
			intr_deliver(c, c->io.inta(c->io.ctx), INTR_EXTERNAL, false, 0);
			if (c->dr_hits)
				debugreg_after_delivery(c);
		}
		if (c->debug && debug_before_insn(c))
			return CPU_STOP_DEBUG;
		if (c->halted)
			return CPU_STOP_HALT;
		c->budget--;
		exec_one(c);
		c->insns++;
		if (c->debug && c->debug->pending) {
			c->debug->pending = false;
			return CPU_STOP_DEBUG;
		}
	}
	return c->shutdown ? CPU_STOP_SHUTDOWN : CPU_STOP_BUDGET;
}

enum cpu_stop cpu_run(struct cpu *c, uint64_t budget)
{
	c->budget = budget;
	if (setjmp(c->fault_jmp))
		exec_fault(c);
	return run_loop(c);
}
