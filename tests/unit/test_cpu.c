/*
 * tests/unit/test_cpu.c — CPU behaviour the single-instruction suites do not
 * reach: interrupts at instruction boundaries (shadow, HLT, interrupted REP),
 * fault escalation to shutdown, the model differences as data, LIDT in real
 * mode, and the 386's 32-bit registers in real mode. Expected values come
 * from the Intel manuals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cpu.h"
#include "rig.h"

#define HANDLER_SEG 0x2000

static struct rig *rig_with(enum cpu_model m, const void *code, size_t len)
{
	struct rig *r = rig_new(m);

	assert_non_null(r);
	rig_load(r, code, len);
	return r;
}

static uint16_t stack_word(struct rig *r, int depth)
{
	return rig_peek16(r, r->cpu.seg[SEG_SS].base +
	                             ((r->cpu.reg[REG_SP] + (uint32_t)depth) & 0xffff));
}

/* STI enables interrupts only after the next instruction (SDM: STI). */
static void test_intr_waits_one_instruction_after_sti(void **state)
{
	static const uint8_t code[] = { 0xfb, 0x90, 0x90, 0x90 }; /* sti; nop; nop; nop */
	static const uint8_t handler[] = { 0xf4 };                /* hlt */
	struct rig *r = rig_with(CPU_286, code, sizeof code);

	(void)state;
	mem_poke(&r->mem, HANDLER_SEG * 16, handler, 1);
	rig_set_vector(r, 0x08, HANDLER_SEG, 0);
	r->vector = 0x08;
	cpu_set_intr(&r->cpu, true);
	cpu_run(&r->cpu, 1); /* sti */
	cpu_run(&r->cpu, 1); /* the nop in the shadow */
	assert_int_equal(r->acks, 0);
	assert_int_equal(r->cpu.eip, 0x102);
	cpu_run(&r->cpu, 1); /* interrupt taken, then the handler's HLT */
	assert_int_equal(r->acks, 1);
	assert_int_equal(r->cpu.seg[SEG_CS].sel, HANDLER_SEG);
	assert_int_equal(stack_word(r, 0), 0x102); /* return IP */
	assert_int_equal(stack_word(r, 2), RIG_CS);
	assert_false(cpu_flags(&r->cpu) & FLAG_IF);
	rig_free(r);
}

/* MOV SS holds interrupts off for one instruction, so SS:SP change together. */
static void test_intr_waits_after_mov_ss(void **state)
{
	static const uint8_t code[] = {
		0x8e, 0xd0, 0xbc, 0x00, 0x80, 0x90
	}; /* mov ss,ax; mov sp,8000h */
	struct rig *r = rig_with(CPU_8086, code, sizeof code);

	(void)state;
	r->cpu.reg[REG_AX] = 0x3000;
	cpu_set_flags(&r->cpu, FLAG_IF);
	rig_set_vector(r, 0x08, HANDLER_SEG, 0);
	r->vector = 0x08;
	cpu_run(&r->cpu, 1);
	cpu_set_intr(&r->cpu, true);
	cpu_run(&r->cpu, 1); /* mov sp runs in the shadow */
	assert_int_equal(r->acks, 0);
	assert_int_equal(r->cpu.reg[REG_SP], 0x8000);
	cpu_run(&r->cpu, 1);
	assert_int_equal(r->acks, 1);
	assert_int_equal(r->cpu.reg[REG_SP], 0x8000 - 6);
	rig_free(r);
}

/* HLT stops the CPU until an interrupt; the return address is after HLT. */
static void test_hlt_waits_for_an_interrupt(void **state)
{
	static const uint8_t code[] = { 0xf4, 0x90 };
	struct rig *r = rig_with(CPU_386, code, sizeof code);

	(void)state;
	cpu_set_flags(&r->cpu, FLAG_IF);
	rig_set_vector(r, 0x20, HANDLER_SEG, 0x10);
	r->vector = 0x20;
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_HALT);
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_HALT);
	assert_int_equal(r->cpu.insns, 1);
	cpu_set_intr(&r->cpu, true);
	cpu_run(&r->cpu, 1);
	assert_false(r->cpu.halted);
	assert_int_equal(r->cpu.seg[SEG_CS].sel, HANDLER_SEG);
	assert_int_equal(stack_word(r, 0), 0x101);
	rig_free(r);
}

/* An interrupt between iterations of REP leaves IP on the instruction (with
 * its prefix); after the handler the instruction finishes the remaining count. */
static void test_rep_resumes_after_an_interrupt(void **state)
{
	static const uint8_t code[] = { 0xf3, 0x6e, 0x90 }; /* rep outsb; nop */
	static const uint8_t handler[] = { 0xcf };          /* iret */

	(void)state;
	for (enum cpu_model m = CPU_286; m < CPU_MODEL_COUNT; m++) { /* OUTS is a 186 addition */
		struct rig *r = rig_with(m, code, sizeof code);
		mem_poke(&r->mem, HANDLER_SEG * 16, handler, 1);
		rig_set_vector(r, 0x09, HANDLER_SEG, 0);
		r->vector = 0x09;
		r->raise_after_out = 2;
		r->cpu.reg[REG_CX] = 5;
		r->cpu.reg[REG_DX] = 0x60;
		r->cpu.reg[REG_SI] = 0x200;
		cpu_set_flags(&r->cpu, FLAG_IF);
		cpu_run(&r->cpu, 1);
		assert_int_equal(r->nout, 2);
		assert_int_equal(r->cpu.reg[REG_CX], 3);
		assert_int_equal(r->cpu.reg[REG_SI], 0x202);
		assert_int_equal(r->cpu.eip, RIG_IP);
		cpu_run(&r->cpu, 1); /* the interrupt and the handler's IRET */
		assert_int_equal(r->acks, 1);
		assert_int_equal(r->cpu.eip, RIG_IP);
		cpu_run(&r->cpu, 1);
		assert_int_equal(r->nout, 5);
		assert_int_equal(r->cpu.reg[REG_CX], 0);
		assert_int_equal(r->cpu.eip, RIG_IP + 2);
		rig_free(r);
	}
}

/* Divide error: the 8086 pushes the address of the next instruction, the
 * 286 that of the faulting one (SingleStepTests README, 286 manual). */
static void test_divide_error_return_address_per_model(void **state)
{
	static const uint8_t code[] = { 0xf6, 0xf1 }; /* div cl */

	(void)state;
	for (enum cpu_model m = CPU_8086; m <= CPU_286; m++) {
		struct rig *r = rig_with(m, code, sizeof code);
		rig_set_vector(r, EXC_DE, HANDLER_SEG, 0x40);
		r->cpu.reg[REG_CX] = 0;
		cpu_run(&r->cpu, 1);
		assert_int_equal(r->cpu.seg[SEG_CS].sel, HANDLER_SEG);
		assert_int_equal(r->cpu.eip, 0x40);
		assert_int_equal(stack_word(r, 0), m == CPU_8086 ? 0x102 : 0x100);
		rig_free(r);
	}
}

/* PUSH SP: the 8086 pushes the decremented value (8086 manual; SDM: PUSH,
 * "IA-32 architecture compatibility"). */
static void test_push_sp_per_model(void **state)
{
	static const uint8_t code[] = { 0x54 };

	(void)state;
	for (enum cpu_model m = CPU_8086; m < CPU_MODEL_COUNT; m++) {
		struct rig *r = rig_with(m, code, sizeof code);
		cpu_run(&r->cpu, 1);
		assert_int_equal(stack_word(r, 0), m == CPU_8086 ? 0xfffc : 0xfffe);
		rig_free(r);
	}
}

/* Shift counts: the 8086 uses all of CL, later chips the low five bits. */
static void test_shift_count_masking_per_model(void **state)
{
	static const uint8_t code[] = { 0xd2, 0xe0 }; /* shl al,cl */

	(void)state;
	for (enum cpu_model m = CPU_8086; m < CPU_MODEL_COUNT; m++) {
		struct rig *r = rig_with(m, code, sizeof code);
		r->cpu.reg[REG_AX] = 1;
		r->cpu.reg[REG_CX] = 33;
		cpu_run(&r->cpu, 1);
		assert_int_equal(r->cpu.reg[REG_AX] & 0xff, m == CPU_8086 ? 0 : 2);
		rig_free(r);
	}
}

/* FLAGS bits 12-15: always one on the 8086, clear and unsettable in real
 * mode on the 286, IOPL and NT settable on the 386. TF stays clear: set, it
 * would make PUSHF trap into vector 1. */
static void test_flags_fixed_bits_per_model(void **state)
{
	static const uint8_t code[] = { 0x68, 0xff, 0xfe, 0x9d,
		                        0x9c }; /* push 0feffh; popf; pushf */
	static const uint16_t want[] = { 0xffd7, 0x0ed7, 0x7ed7, 0x7ed7 };

	(void)state;
	for (enum cpu_model m = CPU_286; m < CPU_MODEL_COUNT; m++) {
		struct rig *r = rig_with(m, code, sizeof code);
		cpu_run(&r->cpu, 3);
		assert_int_equal(stack_word(r, 0), want[m]);
		rig_free(r);
	}
	/* The 8086 has no PUSH imm: check its flags after a reset. */
	struct rig *r = rig_new(CPU_8086);
	assert_int_equal(cpu_flags(&r->cpu), 0xf002);
	cpu_set_flags(&r->cpu, 0xffff);
	assert_int_equal(cpu_flags(&r->cpu), want[CPU_8086]);
	rig_free(r);
}

/* A fault while delivering a fault is a double fault; one more is shutdown.
 * Here every push of the delivery overruns the stack segment at SP=1. */
static void test_fault_in_double_fault_shuts_down(void **state)
{
	static const uint8_t code[] = { 0x8b, 0x06, 0xff, 0xff }; /* mov ax,[0ffffh] */

	(void)state;
	struct rig *r = rig_with(CPU_286, code, sizeof code);
	r->cpu.reg[REG_SP] = 1;
	assert_int_equal(cpu_run(&r->cpu, 10), CPU_STOP_SHUTDOWN);
	assert_true(r->cpu.shutdown);
	rig_free(r);
}

/* LIDT moves the real-mode interrupt table on the 286 and later. */
static void test_lidt_moves_the_vector_table(void **state)
{
	/* lidt [0x300]; int 21h */
	static const uint8_t code[] = { 0x0f, 0x01, 0x1e, 0x00, 0x03, 0xcd, 0x21 };
	struct rig *r = rig_with(CPU_286, code, sizeof code);

	(void)state;
	rig_poke16(r, RIG_CS * 16 + 0x300, 0x3ff);  /* limit */
	rig_poke16(r, RIG_CS * 16 + 0x302, 0x0000); /* base 0x50000 */
	rig_poke16(r, RIG_CS * 16 + 0x304, 0x0005);
	rig_poke16(r, 0x50000 + 0x21 * 4, 0x1234);
	rig_poke16(r, 0x50000 + 0x21 * 4 + 2, 0x4000);
	cpu_run(&r->cpu, 2);
	assert_int_equal(r->cpu.idtr.base, 0x50000);
	assert_int_equal(r->cpu.seg[SEG_CS].sel, 0x4000);
	assert_int_equal(r->cpu.eip, 0x1234);
	rig_free(r);
}

/* Past 1 MiB: the 8086 wraps (20 address lines), the 286 reaches the HMA
 * unless the A20 gate is closed. */
static void test_ffff_segment_reaches_hma_or_wraps(void **state)
{
	static const uint8_t code[] = { 0x26, 0xa0, 0x10, 0x00 }; /* mov al,[es:0010h] */
	uint8_t one = 0x11, two = 0x22;

	(void)state;
	for (enum cpu_model m = CPU_8086; m <= CPU_286; m++) {
		for (int a20 = 0; a20 <= 1; a20++) {
			struct rig *r = rig_with(m, code, sizeof code);
			mem_poke(&r->mem, 0x000000, &one, 1);
			mem_poke(&r->mem, 0x100000, &two, 1);
			mem_set_a20(&r->mem, a20);
			cpu_load_real_seg(&r->cpu, SEG_ES, 0xffff);
			cpu_run(&r->cpu, 1);
			assert_int_equal(r->cpu.reg[REG_AX] & 0xff,
			                 m == CPU_286 && a20 ? 0x22 : 0x11);
			rig_free(r);
		}
	}
}

/* The 386 in real mode: 32-bit registers, SIB addressing, MOVZX, Jcc rel16. */
static void test_386_real_mode_uses_32_bit_operands(void **state)
{
	static const uint8_t code[] = {
		0x66, 0xb8, 0x78, 0x56, 0x34, 0x12,                   /* mov eax,12345678h */
		0x66, 0xb9, 0x02, 0x00, 0x00, 0x00,                   /* mov ecx,2 */
		0x67, 0x66, 0x89, 0x04, 0x8d, 0x00, 0x02, 0x00, 0x00, /* mov [ecx*4+200h],eax */
		0x0f, 0xb6, 0x1e, 0x0b, 0x02,                         /* movzx bx,byte [020bh] */
		0x66, 0x0f, 0xaf, 0xc1,                               /* imul eax,ecx */
		0x0f, 0x82, 0x00, 0x10, /* jc +1000h (not taken: no overflow) */
	};
	struct rig *r = rig_with(CPU_386, code, sizeof code);

	(void)state;
	cpu_run(&r->cpu, 6);
	assert_int_equal(rig_peek16(r, RIG_CS * 16 + 0x208), 0x5678);
	assert_int_equal(rig_peek16(r, RIG_CS * 16 + 0x20a), 0x1234);
	assert_int_equal(r->cpu.reg[REG_BX], 0x12);
	assert_int_equal(r->cpu.reg[REG_AX], 0x2468acf0);
	assert_int_equal(r->cpu.eip, RIG_IP + sizeof code);
	rig_free(r);
}

/* The 286 has no 32-bit operands: 66h is #UD. */
static void test_operand_size_prefix_is_ud_on_286(void **state)
{
	static const uint8_t code[] = { 0x66, 0xb8, 0, 0, 0, 0 };
	struct rig *r = rig_with(CPU_286, code, sizeof code);

	(void)state;
	rig_set_vector(r, EXC_UD, HANDLER_SEG, 0x60);
	cpu_run(&r->cpu, 1);
	assert_int_equal(r->cpu.seg[SEG_CS].sel, HANDLER_SEG);
	assert_int_equal(r->cpu.eip, 0x60);
	assert_int_equal(stack_word(r, 0), RIG_IP);
	rig_free(r);
}

/* Decoded instructions are cached by physical address: a write to the code
 * (self-modifying code) must be seen the next time it runs. */
static void test_self_modifying_code_takes_effect(void **state)
{
	static const uint8_t code[] = {
		0xb8, 0x01, 0x00,             /* 0100: mov ax,1 */
		0xc6, 0x06, 0x01, 0x01, 0x02, /* 0103: mov byte [0101h],2 */
		0xeb, 0xf6,                   /* 0108: jmp 0100h */
	};
	struct rig *r = rig_with(CPU_386, code, sizeof code);

	(void)state;
	cpu_run(&r->cpu, 1);
	assert_int_equal(r->cpu.reg[REG_AX], 1);
	cpu_run(&r->cpu, 3);
	assert_int_equal(r->cpu.reg[REG_AX], 2);
	rig_free(r);
}

/* The same physical code reached through two CS:IP pairs: a cached CALL
 * still pushes the return offset of the way it was reached. */
static void test_cached_code_runs_at_another_cs_ip(void **state)
{
	static const uint8_t code[] = { 0xe8, 0x00, 0x00 }; /* call $+3 */
	struct rig *r = rig_with(CPU_286, code, sizeof code);

	(void)state;
	cpu_run(&r->cpu, 1);
	assert_int_equal(stack_word(r, 0), 0x103);
	cpu_load_real_seg(&r->cpu, SEG_CS, RIG_CS + 0x10);
	r->cpu.eip = 0;
	cpu_run(&r->cpu, 1);
	assert_int_equal(stack_word(r, 0), 0x003);
	assert_int_equal(r->cpu.eip, 0x003);
	rig_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intr_waits_one_instruction_after_sti),
		cmocka_unit_test(test_intr_waits_after_mov_ss),
		cmocka_unit_test(test_hlt_waits_for_an_interrupt),
		cmocka_unit_test(test_rep_resumes_after_an_interrupt),
		cmocka_unit_test(test_divide_error_return_address_per_model),
		cmocka_unit_test(test_push_sp_per_model),
		cmocka_unit_test(test_shift_count_masking_per_model),
		cmocka_unit_test(test_flags_fixed_bits_per_model),
		cmocka_unit_test(test_fault_in_double_fault_shuts_down),
		cmocka_unit_test(test_lidt_moves_the_vector_table),
		cmocka_unit_test(test_ffff_segment_reaches_hma_or_wraps),
		cmocka_unit_test(test_386_real_mode_uses_32_bit_operands),
		cmocka_unit_test(test_operand_size_prefix_is_ud_on_286),
		cmocka_unit_test(test_self_modifying_code_takes_effect),
		cmocka_unit_test(test_cached_code_runs_at_another_cs_ip),
	};
	return cmocka_run_group_tests_name("cpu", tests, NULL, NULL);
}
