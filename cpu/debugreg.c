/*
 * cpu/debugreg.c — the single-step trap and the 386's debug registers: MOV
 * to and from DRn, instruction breakpoints (faults, suppressed by RF), data
 * breakpoints (traps), general detect. SDM Vol. 3 chapter 17; 80386
 * Programmer's Reference Manual chapter 12; 8086 manual, "single step".
 */
#include "debugreg.h"

#include <stddef.h>

#include "access.h"
#include "debug.h"
#include "flags.h"
#include "intr.h"
#include "operand.h"
#include "ops.h"

/* DR7's LENn field as a byte count; 10b is undefined on the 386 and means
 * eight bytes on later processors (SDM Vol. 3, 17.2.5). */
static const uint32_t len_bytes[4] = { 1, 2, 8, 4 };

enum { RW_EXEC = 0, RW_WRITE = 1, RW_IO = 2, RW_ACCESS = 3 };

static bool dr7_enabled(uint32_t dr7, int n)
{
	return (dr7 >> (2 * n)) & 3;
}

static int dr7_rw(uint32_t dr7, int n)
{
	return (int)(dr7 >> (16 + 4 * n)) & 3;
}

static uint32_t dr7_len(uint32_t dr7, int n)
{
	return len_bytes[(dr7 >> (18 + 4 * n)) & 3];
}

static void arm(struct cpu *c)
{
	uint32_t dr7 = c->dr[7];

	c->dr_armed &= DR_ARMED_TASK; /* not DR7's: a pending task trap stays */
	c->dr_hits = 0;               /* nothing armed: nothing may be left to report */
	for (int n = 0; n < 4; n++) {
		if (!dr7_enabled(dr7, n))
			continue;
		if (dr7_rw(dr7, n) == RW_EXEC)
			c->dr_armed |= DR_ARMED_CODE;
		else if (dr7_rw(dr7, n) != RW_IO) /* I/O breakpoints need CR4.DE (Pentium) */
			c->dr_armed |= DR_ARMED_DATA;
	}
}

void debugreg_reset(struct cpu *c)
{
	for (int n = 0; n < 4; n++)
		c->dr[n] = 0;
	c->dr[6] = DR6_FIXED1;
	c->dr[7] = DR7_FIXED1;
	c->dr_armed = 0;
	arm(c);
}

/* Bits 11, 12, 14 and 15 of DR7 are reserved (zero), bit 10 reads as one;
 * in DR6 only B0-B3, BD, BS and BT hold what is written. */
void cpu_set_debug_reg(struct cpu *c, int n, uint32_t v)
{
	if (n == 4 || n == 5)
		n += 2;
	if (n == 6)
		v = (v & (0xfu | DR6_BD | DR6_BS | DR6_BT)) | DR6_FIXED1;
	else if (n == 7)
		v = (v & ~0xd800u) | DR7_FIXED1;
	c->dr[n] = v;
	if (n == 7)
		arm(c);
}

/* MOV DRn, r32 and MOV r32, DRn (0F 23, 0F 21): CPL 0 only (#GP(0) in
 * protected and virtual-8086 mode), DR4 and DR5 are DR6 and DR7 on the 386,
 * and with DR7.GD set any access is a #DB fault that reports BD and clears
 * GD so that the handler may use the registers (SDM Vol. 3, 17.2.4). */
void op_mov_dr(struct cpu *c, const struct insn *in)
{
	int n = in->reg;

	if (!c->traits->debug_regs)
		cpu_fault_noerr(c, EXC_UD);
	if (cpu_cpl(c) != 0)
		cpu_fault(c, EXC_GP, 0);
	if (c->dr[7] & DR7_GD) {
		c->dr[6] |= DR6_BD;
		c->dr[7] &= ~(uint32_t)DR7_GD;
		cpu_fault_noerr(c, EXC_DB);
	}
	if (n == 4 || n == 5)
		n += 2;
	if (in->op->sub)
		cpu_set_debug_reg(c, n, c->reg[in->rm]);
	else
		c->reg[in->rm] = c->dr[n];
}

void debugreg_insn_start(struct cpu *c, uint32_t watch)
{
	uint32_t lin, hits = 0;

	/* The task switch's trap comes first: it belongs to the instruction
	 * that switched (SDM Vol. 3, 17.3.1.5), RF does not hold it off. */
	if (watch & DR_ARMED_TASK) {
		c->dr_armed &= (uint8_t)~DR_ARMED_TASK;
		c->dr[6] |= DR6_BT;
		cpu_fault_noerr(c, EXC_DB);
	}
	if (watch & FLAG_RF) {
		c->eflags &= ~(uint32_t)FLAG_RF;
		return;
	}
	if (!(watch & DR_ARMED_CODE))
		return;
	lin = cpu_linear(c, SEG_CS, c->eip);
	for (int n = 0; n < 4; n++)
		if (dr7_enabled(c->dr[7], n) && dr7_rw(c->dr[7], n) == RW_EXEC && c->dr[n] == lin)
			hits |= DR6_B0 << n;
	if (hits) { /* every breakpoint that matches is reported */
		c->dr[6] |= hits;
		cpu_fault_noerr(c, EXC_DB);
	}
}

void debugreg_access(struct cpu *c, uint32_t lin, int size, bool write)
{
	uint32_t dr7 = c->dr[7];

	for (int n = 0; n < 4; n++) {
		int rw = dr7_rw(dr7, n);
		uint32_t len, addr;
		if (!dr7_enabled(dr7, n) || rw == RW_EXEC || rw == RW_IO ||
		    (rw == RW_WRITE && !write))
			continue;
		len = dr7_len(dr7, n);
		addr = c->dr[n] & ~(len - 1);
		if (lin < (uint64_t)addr + len && addr < (uint64_t)lin + (uint32_t)size)
			c->dr_hits |= (uint8_t)(DR6_B0 << n);
	}
}

/* The TF that counts is the one the instruction started with: no trap after
 * the POPF or IRET that sets it, one after the POPF that clears it (SDM
 * Vol. 3, 17.3.1.4; QEMU agrees). INT n, INT3 and INTO clear it when they
 * enter the handler, which then runs unstepped, and no trap follows them. */
static bool entered_handler(const struct cpu *c, const struct insn *in)
{
	exec_fn *e = in ? in->op->exec : NULL;

	return (e == op_int || e == op_int3 || e == op_into || e == op_int1) && !flag(c, FLAG_TF);
}

/* MOV SS and POP SS hold the single-step trap off until after the next
 * instruction, as they hold off interrupts, so that SS:SP change together
 * (SDM Vol. 3, 6.8.3; QEMU agrees). STI's shadow covers interrupts only. */
static bool stack_switch_shadow(const struct cpu *c, const struct insn *in)
{
	return c->inhibit_intr && in && in->op->exec != op_flagop;
}

void debugreg_insn_end(struct cpu *c, uint32_t watch, const struct insn *in)
{
	uint32_t status = c->dr_hits;

	c->dr_hits = 0;
	if ((watch & FLAG_TF) && !entered_handler(c, in) && !stack_switch_shadow(c, in))
		status |= DR6_BS;
	if (!status)
		return;
	if (c->traits->debug_regs)
		c->dr[6] |= status;
	c->insn_eip = c->next_eip = c->eip;
	c->insn_esp = c->reg[REG_SP];
	c->halted = false;
	intr_deliver(c, EXC_DB, INTR_EXCEPTION, false, 0);
	c->dr_hits = 0; /* what the #DB's own pushes hit is not reported again */
}

void debugreg_after_delivery(struct cpu *c)
{
	uint32_t status = c->dr_hits;

	c->dr_hits = 0;
	c->dr[6] |= status;
	c->insn_eip = c->next_eip = c->eip;
	c->insn_esp = c->reg[REG_SP];
	intr_deliver(c, EXC_DB, INTR_EXCEPTION, false, 0);
	c->dr_hits = 0;
}
