/*
 * tests/unit/test_debugreg.c — the CPU's own debug machinery (cpu/debugreg.c)
 * where guest programs cannot reach or QEMU cannot check it: MOV DRn at
 * CPL 3, power-on values, data breakpoint alignment and REP strings, the
 * order of the single-step trap and an external interrupt, a fault instead
 * of a trap. Expected values come from the Intel manuals (cited per test).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "debug.h"
#include "rig.h"

#define HANDLER_SEG 0x2000
#define CODE_LIN    (RIG_CS * 16 + RIG_IP)

static struct rig *rig_with(enum cpu_model m, const void *code, size_t len)
{
	static const uint8_t hlt = 0xf4;
	struct rig *r = rig_new(m);

	assert_non_null(r);
	rig_load(r, code, len);
	mem_poke(&r->mem, HANDLER_SEG * 16, &hlt, 1);
	for (int v = 0; v < 32; v++)
		rig_set_vector(r, v, HANDLER_SEG, 0);
	return r;
}

static uint16_t stack_word(struct rig *r, int depth)
{
	return rig_peek16(r, r->cpu.seg[SEG_SS].base +
	                             ((r->cpu.reg[REG_SP] + (uint32_t)depth) & 0xffff));
}

/* Every vector leads to one HLT at HANDLER_SEG:0: a test raises one
 * exception at a time and checks that it got there, and the return address. */
static bool in_handler(struct rig *r)
{
	return r->cpu.seg[SEG_CS].sel == HANDLER_SEG;
}

/* SDM Vol. 3, Table 9-1: DR6 = FFFF0FF0h and DR7 = 00000400h after reset. */
static void test_power_on_values(void **state)
{
	struct rig *r = rig_new(CPU_386);

	(void)state;
	assert_int_equal(r->cpu.dr[6], 0xffff0ff0u);
	assert_int_equal(r->cpu.dr[7], 0x00000400u);
	rig_free(r);
}

/* SDM MOV (debug registers): #GP(0) if CPL is not 0. CR0.PE with an RPL 3
 * CS stands in for protected mode here; the #GP goes through the IDT to a
 * ring-0 handler, which finds error code 0 on its stack. */
static void test_mov_dr_at_cpl3_is_gp(void **state)
{
	static const uint8_t code[] = { 0x0f, 0x23, 0xc0 }; /* mov dr0, eax */
	struct rig *r = rig_with(CPU_386, code, sizeof code);

	(void)state;
	rig_ring0_handler(r, EXC_GP);
	r->cpu.reg[REG_AX] = 0x1234;
	r->cpu.cr0 |= CR0_PE;
	r->cpu.seg[SEG_CS].sel |= 3;
	cpu_run(&r->cpu, 1);
	assert_int_equal(r->cpu.seg[SEG_CS].sel, 0x08);
	assert_int_equal(r->cpu.eip, RIG_HANDLER);
	assert_int_equal(rig_peek16(r, RIG_STACK0 + r->cpu.reg[REG_SP]), 0); /* error code */
	/* The EFLAGS image has RF set, as for every fault (SDM Vol. 3,
	 * 17.3.1.1), while RF itself is clear in the handler. */
	assert_true(rig_peek32(r, RIG_STACK0 + r->cpu.reg[REG_SP] + 12) & FLAG_RF);
	assert_false(cpu_flags(&r->cpu) & FLAG_RF);
	assert_int_equal(r->cpu.dr[0], 0);
	rig_free(r);
	/* The same at CPL 0 writes the register. */
	r = rig_with(CPU_386, code, sizeof code);
	r->cpu.reg[REG_AX] = 0x1234;
	r->cpu.cr0 |= CR0_PE;
	cpu_run(&r->cpu, 1);
	assert_false(in_handler(r));
	assert_int_equal(r->cpu.dr[0], 0x1234);
	rig_free(r);
}

/* MOV DRn is a 386 instruction: #UD on the 286 (vector 6). */
static void test_mov_dr_is_ud_on_286(void **state)
{
	static const uint8_t code[] = { 0x0f, 0x21, 0xc0 }; /* mov eax, dr0 */
	struct rig *r = rig_with(CPU_286, code, sizeof code);

	(void)state;
	cpu_run(&r->cpu, 1);
	assert_true(in_handler(r));
	assert_int_equal(stack_word(r, 0), RIG_IP); /* a fault */
	rig_free(r);
}

/* SDM Vol. 3, 17.2.5: the low bits of a breakpoint address are ignored
 * for LEN 2 and 4, so DRn+3 with LEN 4 covers the aligned doubleword. */
static void test_data_breakpoint_address_is_aligned_down(void **state)
{
	static const uint8_t code[] = { 0xa0, 0x00, 0x02, /* mov al, [0200] */
		                        0x90 };
	struct rig *r = rig_with(CPU_386, code, sizeof code);

	(void)state;
	cpu_set_debug_reg(&r->cpu, 0, RIG_CS * 16 + 0x203);
	cpu_set_debug_reg(&r->cpu, 7, 0x000f0001); /* L0, read/write, 4 bytes */
	cpu_run(&r->cpu, 1);
	assert_true(in_handler(r));
	assert_int_equal(stack_word(r, 0), RIG_IP + 3); /* a trap: after it */
	assert_int_equal(r->cpu.dr[6] & 0xf, 1);
	rig_free(r);
}

/* SDM Vol. 3, 17.3.1.2: in a repeated string instruction the trap comes
 * after the iteration that hit, with EIP still on the instruction. */
static void test_data_breakpoint_in_rep_movsb(void **state)
{
	static const uint8_t code[] = { 0xf3, 0xa4, 0x90 }; /* rep movsb; nop */
	struct rig *r = rig_with(CPU_386, code, sizeof code);

	(void)state;
	r->cpu.reg[REG_SI] = 0x300;
	r->cpu.reg[REG_DI] = 0x400;
	r->cpu.reg[REG_CX] = 8;
	cpu_set_debug_reg(&r->cpu, 1, RIG_CS * 16 + 0x402);
	cpu_set_debug_reg(&r->cpu, 7, 0x00100004); /* L1, write, 1 byte */
	cpu_run(&r->cpu, 1);
	assert_true(in_handler(r));
	assert_int_equal(stack_word(r, 0), RIG_IP); /* resumes the REP */
	assert_int_equal(r->cpu.reg[REG_CX] & 0xffff, 5);
	assert_int_equal(r->cpu.dr[6] & 0xf, 2);
	rig_free(r);
}

/* SDM Vol. 3, Table 6-2: a trap on the previous instruction (single step)
 * comes before a maskable interrupt; its delivery clears IF, so the
 * interrupt waits until the #DB handler returns. */
static void test_single_step_before_external_interrupt(void **state)
{
	static const uint8_t code[] = { 0x90, 0x90 };

	(void)state;
	for (enum cpu_model m = CPU_8086; m < CPU_MODEL_COUNT; m++) {
		struct rig *r = rig_with(m, code, sizeof code);
		cpu_set_flags(&r->cpu, FLAG_TF | FLAG_IF);
		r->vector = 0x08;
		cpu_run(&r->cpu, 1); /* nop, then the trap */
		cpu_set_intr(&r->cpu, true);
		assert_true(in_handler(r));
		assert_int_equal(stack_word(r, 0), RIG_IP + 1);
		assert_true(stack_word(r, 4) & FLAG_TF);
		assert_false(cpu_flags(&r->cpu) & (FLAG_TF | FLAG_IF));
		cpu_run(&r->cpu, 1); /* the handler's HLT; IF is clear */
		assert_int_equal(r->acks, 0);
		rig_free(r);
	}
}

/* A faulting instruction delivers its fault, not the single-step trap
 * (SDM Vol. 3, 17.3.1.4: the trap follows an instruction that completed). */
static void test_faulting_instruction_is_not_stepped(void **state)
{
	static const uint8_t code[] = { 0xf6, 0xf3 }; /* div bl, with BL = 0 */
	struct rig *r = rig_with(CPU_286, code, sizeof code);

	(void)state;
	cpu_set_flags(&r->cpu, FLAG_TF);
	cpu_run(&r->cpu, 1);
	assert_true(in_handler(r));
	assert_int_equal(stack_word(r, 0), RIG_IP); /* #DE, a fault */
	assert_false(cpu_flags(&r->cpu) & FLAG_TF);
	rig_free(r);
}

/* SDM Vol. 3, 17.2.3: DR6 reports every breakpoint that matched, here two
 * instruction breakpoints on the same address. */
static void test_two_instruction_breakpoints_report_both(void **state)
{
	static const uint8_t code[] = { 0x90 };
	struct rig *r = rig_with(CPU_386, code, sizeof code);

	(void)state;
	cpu_set_debug_reg(&r->cpu, 0, CODE_LIN);
	cpu_set_debug_reg(&r->cpu, 3, CODE_LIN);
	cpu_set_debug_reg(&r->cpu, 7, 0x00000041); /* L0, L3, execute */
	cpu_run(&r->cpu, 1);
	assert_true(in_handler(r));
	assert_int_equal(stack_word(r, 0), RIG_IP); /* a fault */
	assert_int_equal(r->cpu.dr[6] & 0xf, 9);
	rig_free(r);
}

/* A data breakpoint on the stack that an interrupt's delivery writes: the
 * #DB trap comes before the IRQ handler's first instruction, whose address
 * it saves (SDM Vol. 3, 17.3.1.2: data breakpoints are traps). */
static void test_interrupt_pushes_hit_a_data_breakpoint(void **state)
{
	static const uint8_t code[] = { 0x90, 0x90 };
	struct rig *r = rig_with(CPU_386, code, sizeof code);

	(void)state;
	rig_set_vector(r, 0x08, HANDLER_SEG, 0x10);
	cpu_set_flags(&r->cpu, FLAG_IF);
	r->vector = 0x08;
	cpu_set_intr(&r->cpu, true);
	/* FLAGS goes to SS:SP-2 = 1000:FFFC. */
	cpu_set_debug_reg(&r->cpu, 1, RIG_CS * 16 + 0xfffc);
	cpu_set_debug_reg(&r->cpu, 7, 0x00500004); /* L1, write, 2 bytes */
	cpu_run(&r->cpu, 1);
	assert_int_equal(r->acks, 1);
	assert_true(in_handler(r));
	assert_int_equal(r->cpu.eip, 1);          /* past the #DB handler's HLT */
	assert_int_equal(stack_word(r, 0), 0x10); /* the IRQ handler, not yet run */
	assert_int_equal(r->cpu.dr[6] & 0xf, 2);
	rig_free(r);
}

/* With DR7 enabling nothing, nothing is armed: the per-instruction cost is
 * one test (cpu/debugreg.h). */
static void test_dr7_arms_only_what_it_enables(void **state)
{
	struct rig *r = rig_new(CPU_386);

	(void)state;
	assert_int_equal(r->cpu.dr_armed, 0);
	cpu_set_debug_reg(&r->cpu, 7, 0x00000100); /* LE only */
	assert_int_equal(r->cpu.dr_armed, 0);
	cpu_set_debug_reg(&r->cpu, 7, 0x00000002); /* G0, execute */
	assert_int_not_equal(r->cpu.dr_armed, 0);
	cpu_set_debug_reg(&r->cpu, 7, 0);
	assert_int_equal(r->cpu.dr_armed, 0);
	rig_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_power_on_values),
		cmocka_unit_test(test_mov_dr_at_cpl3_is_gp),
		cmocka_unit_test(test_mov_dr_is_ud_on_286),
		cmocka_unit_test(test_data_breakpoint_address_is_aligned_down),
		cmocka_unit_test(test_data_breakpoint_in_rep_movsb),
		cmocka_unit_test(test_single_step_before_external_interrupt),
		cmocka_unit_test(test_faulting_instruction_is_not_stepped),
		cmocka_unit_test(test_two_instruction_breakpoints_report_both),
		cmocka_unit_test(test_interrupt_pushes_hit_a_data_breakpoint),
		cmocka_unit_test(test_dr7_arms_only_what_it_enables),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
