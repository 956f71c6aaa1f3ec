/*
 * tests/unit/test_debug.c — the debugger interface of cpu/debug.h:
 * breakpoints stop before the instruction and can be stepped over,
 * watchpoints stop after the access with old and new values (in the middle
 * of a REP, resumably), iowatches and catches report what happened.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "debug.h"
#include "rig.h"

#define CODE_LIN (RIG_CS * 16 + RIG_IP)

static struct rig *rig_with(enum cpu_model m, const void *code, size_t len, struct cpu_debug *d)
{
	struct rig *r = rig_new(m);

	assert_non_null(r);
	rig_load(r, code, len);
	*d = (struct cpu_debug){ 0 };
	cpu_attach_debug(&r->cpu, d);
	return r;
}

static void test_break_stops_before_the_instruction_and_resumes(void **state)
{
	static const uint8_t code[] = { 0x40, 0x40, 0x40, 0xf4 }; /* inc ax x3; hlt */
	struct cpu_debug d;
	struct rig *r = rig_with(CPU_286, code, sizeof code, &d);

	(void)state;
	d.breaks[0] = (struct cpu_break){ CODE_LIN + 2, true };
	d.nbreaks = 1;
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_DEBUG);
	assert_int_equal(d.event.kind, DEBUG_BREAK);
	assert_int_equal(r->cpu.eip, RIG_IP + 2);
	assert_int_equal(r->cpu.reg[REG_AX], 2);                 /* the third INC has not run */
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_DEBUG); /* still there */
	d.skip_break_once = true;
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_HALT);
	assert_int_equal(r->cpu.reg[REG_AX], 3);
	rig_free(r);
}

static void test_watch_reports_old_and_new_value_after_the_write(void **state)
{
	/* mov word [0200h],1234h; mov ax,[0200h]; hlt */
	static const uint8_t code[] = {
		0xc7, 0x06, 0x00, 0x02, 0x34, 0x12, 0xa1, 0x00, 0x02, 0xf4
	};
	struct cpu_debug d;
	struct rig *r = rig_with(CPU_8086, code, sizeof code, &d);

	(void)state;
	rig_poke16(r, RIG_CS * 16 + 0x200, 0xbeef);
	d.watches[0] = (struct cpu_watch){ RIG_CS * 16 + 0x201, 1, WATCH_RW, true };
	d.nwatches = 1;
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_DEBUG);
	assert_int_equal(d.event.kind, DEBUG_WATCH);
	assert_true(d.event.write);
	assert_int_equal(d.event.old_value, 0xbeef);
	assert_int_equal(d.event.new_value, 0x1234);
	assert_int_equal(d.event.eip, RIG_IP);
	assert_int_equal(r->cpu.eip, RIG_IP + 6); /* stopped after the MOV */
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_DEBUG);
	assert_false(d.event.write);
	assert_int_equal(d.event.new_value, 0x1234);
	assert_int_equal(r->cpu.reg[REG_AX], 0x1234);
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_HALT);
	rig_free(r);
}

/* A watch inside REP STOSB stops after that element; the instruction then
 * finishes the rest when resumed. */
static void test_watch_in_rep_stops_between_elements(void **state)
{
	static const uint8_t code[] = { 0xf3, 0xaa, 0xf4 }; /* rep stosb; hlt */
	struct cpu_debug d;
	struct rig *r = rig_with(CPU_386, code, sizeof code, &d);

	(void)state;
	r->cpu.reg[REG_CX] = 8;
	r->cpu.reg[REG_DI] = 0x300;
	r->cpu.reg[REG_AX] = 0x55;
	d.watches[0] = (struct cpu_watch){ RIG_CS * 16 + 0x303, 1, WATCH_WRITE, true };
	d.nwatches = 1;
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_DEBUG);
	assert_int_equal(r->cpu.reg[REG_CX], 4);
	assert_int_equal(r->cpu.eip, RIG_IP);
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_HALT);
	assert_int_equal(r->cpu.reg[REG_CX], 0);
	assert_int_equal(rig_peek8(r, RIG_CS * 16 + 0x307), 0x55);
	rig_free(r);
}

static void test_iowatch_and_catch_report_port_and_vector(void **state)
{
	/* out 61h,al; int 21h */
	static const uint8_t code[] = { 0xe6, 0x61, 0xcd, 0x21 };
	struct cpu_debug d;
	struct rig *r = rig_with(CPU_286, code, sizeof code, &d);

	(void)state;
	rig_set_vector(r, 0x21, 0x3000, 0x10);
	r->cpu.reg[REG_AX] = 0xa5;
	d.iowatches[0] = (struct cpu_iowatch){ 0x60, 0x64, WATCH_WRITE, true };
	d.niowatches = 1;
	cpu_debug_catch(&d, 0x21, true);
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_DEBUG);
	assert_int_equal(d.event.kind, DEBUG_IOWATCH);
	assert_int_equal(d.event.port, 0x61);
	assert_int_equal(d.event.value, 0xa5);
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_DEBUG);
	assert_int_equal(d.event.kind, DEBUG_CATCH);
	assert_int_equal(d.event.vector, 0x21);
	assert_int_equal(d.event.source, INTR_SOFTWARE);
	assert_int_equal(r->cpu.seg[SEG_CS].sel, 0x3000);
	assert_int_equal(r->cpu.eip, 0x10);
	rig_free(r);
}

/* An exception caught by vector: the stop is at the handler's first instruction. */
static void test_catch_divide_error(void **state)
{
	static const uint8_t code[] = { 0xf6, 0xf3 }; /* div bl */
	struct cpu_debug d;
	struct rig *r = rig_with(CPU_286, code, sizeof code, &d);

	(void)state;
	rig_set_vector(r, EXC_DE, 0x3000, 0x20);
	cpu_debug_catch(&d, EXC_DE, true);
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_DEBUG);
	assert_int_equal(d.event.kind, DEBUG_CATCH);
	assert_int_equal(d.event.source, INTR_EXCEPTION);
	assert_int_equal(d.event.eip, RIG_IP);
	assert_int_equal(r->cpu.eip, 0x20);
	rig_free(r);
}

/* A mode catch stops before the first instruction in the new mode, once:
 * here CR0.PE set by hand stands for the MOV to CR0 that would set it. */
static void test_catch_mode_stops_once_in_the_new_mode(void **state)
{
	static const uint8_t code[] = { 0x90, 0x90, 0x90, 0xf4 }; /* nop x3; hlt */
	struct cpu_debug d;
	struct rig *r = rig_with(CPU_386, code, sizeof code, &d);

	(void)state;
	d.catch_mode = true;
	d.last_mode = MODE_REAL;
	assert_int_equal(cpu_run(&r->cpu, 1), CPU_STOP_BUDGET);
	r->cpu.cr0 |= CR0_PE;
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_DEBUG);
	assert_int_equal(d.event.kind, DEBUG_MODE);
	assert_int_equal(d.event.mode_from, MODE_REAL);
	assert_int_equal(d.event.mode_to, MODE_PROTECTED);
	assert_int_equal(r->cpu.eip, RIG_IP + 1); /* before the second NOP */
	assert_int_equal(cpu_run(&r->cpu, 100), CPU_STOP_HALT);
	rig_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_break_stops_before_the_instruction_and_resumes),
		cmocka_unit_test(test_watch_reports_old_and_new_value_after_the_write),
		cmocka_unit_test(test_watch_in_rep_stops_between_elements),
		cmocka_unit_test(test_iowatch_and_catch_report_port_and_vector),
		cmocka_unit_test(test_catch_divide_error),
		cmocka_unit_test(test_catch_mode_stops_once_in_the_new_mode),
	};
	return cmocka_run_group_tests_name("debug", tests, NULL, NULL);
}
