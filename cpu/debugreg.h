/*
 * cpu/debugreg.h — the CPU's own debug machinery: the single-step trap (TF),
 * the 386's debug registers DR0-DR7 with their instruction and data
 * breakpoints, RF and general detect. Internal to cpu/.
 */
#ifndef X86LAB_DEBUGREG_H
#define X86LAB_DEBUGREG_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"
#include "insn.h"

/* DR6 and DR7 bits (SDM Vol. 3, 17.2.3 and 17.2.4). */
enum {
	DR6_B0 = 1u << 0, /* B0-B3: breakpoint n matched */
	DR6_BD = 1u << 13,
	DR6_BS = 1u << 14,
	DR6_BT = 1u << 15,
	DR6_FIXED1 = 0xffff0ff0u, /* reserved bits that read as ones (the reset value) */
	DR7_GD = 1u << 13,
	DR7_FIXED1 = 1u << 10,
};

/* What struct cpu's 'dr_armed' says DR7 enables; bits below FLAG_TF so that
 * exec_one tests them with TF and RF in one expression. */
enum {
	DR_ARMED_CODE = 1u << 0,
	DR_ARMED_DATA = 1u << 1,
	DR_ARMED_TASK = 1u << 2, /* a task switch to a TSS with T set: #DB next (not DR7's) */
};

/* The T bit's word in a 32-bit TSS. */
#define TSS32_T 0x64

/* Which of TF, RF and dr_armed make the current instruction need the checks
 * below: zero for almost every instruction. */
static inline uint32_t debugreg_watch(const struct cpu *c)
{
	return (c->eflags & (FLAG_TF | FLAG_RF)) | c->dr_armed;
}

/* Before the instruction at CS:EIP is fetched, with 'watch' nonzero: after
 * a task switch to a TSS with T set, #DB with DR6.BT; else an enabled
 * instruction breakpoint there raises #DB as a fault unless RF is set; RF
 * is then cleared (it suppresses breakpoints for one instruction). */
void debugreg_insn_start(struct cpu *c, uint32_t watch);
/* After instruction 'in' (NULL: none decoded) completed: the single-step
 * trap (TF set when it started) and the data breakpoints it hit become one
 * #DB, delivered before the next instruction, whose CS:EIP it saves. */
void debugreg_insn_end(struct cpu *c, uint32_t watch, const struct insn *in);
/* An access of 'size' bytes at linear 'lin' while DR7 enables data
 * breakpoints: note those it matches for the trap after the instruction. */
void debugreg_access(struct cpu *c, uint32_t lin, int size, bool write);
/* After an interrupt or exception was delivered, when its pushes hit a data
 * breakpoint (dr_hits set): the #DB trap, before the handler's first
 * instruction, which is the CS:EIP it saves. */
void debugreg_after_delivery(struct cpu *c);
/* Power-on values of DR6 and DR7 (SDM Vol. 3, Table 9-1). */
void debugreg_reset(struct cpu *c);

#endif
