/*
 * tests/unit/test_alu.c — the pure arithmetic of cpu/alu.c, table-driven:
 * edge cases of ADD/ADC/SUB/SBB/logic (carry, overflow, half carry, parity)
 * and of every shift and rotate, with results worked out from the SDM's
 * definitions (Vol. 1 3.4.3, Vol. 2 per instruction).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "alu.h"
#include "cpu.h"
#include "ops.h"

#define C FLAG_CF
#define P FLAG_PF
#define A FLAG_AF
#define Z FLAG_ZF
#define S FLAG_SF
#define O FLAG_OF

struct arith_case {
	int op;
	int size;
	uint32_t a, b, flags_in, result, flags_out;
};

/* Each row: the operation, its operands and the six flags it must leave. */
static const struct arith_case arith_cases[] = {
	/* 7F + 1: signed overflow into the sign bit, half carry, odd parity. */
	{ ALU_ADD, 1, 0x7f, 0x01, 0, 0x80, O | S | A },
	/* FF + 1 wraps to zero: carry, zero, half carry, even parity. */
	{ ALU_ADD, 1, 0xff, 0x01, 0, 0x00, C | Z | A | P },
	{ ALU_ADD, 2, 0xffff, 0x0001, 0, 0x0000, C | Z | A | P },
	{ ALU_ADD, 4, 0xffffffff, 1, 0, 0, C | Z | A | P },
	{ ALU_ADD, 2, 0x8000, 0x8000, 0, 0x0000, C | O | Z | P },
	/* ADC adds the incoming carry. */
	{ ALU_ADC, 1, 0x0f, 0x00, C, 0x10, A },
	{ ALU_ADC, 2, 0xfffe, 0x0001, C, 0x0000, C | Z | A | P },
	{ ALU_ADC, 1, 0x01, 0x01, 0, 0x02, 0 },
	/* 80 - 1: signed overflow out of the sign. */
	{ ALU_SUB, 1, 0x80, 0x01, 0, 0x7f, O | A },
	/* 0 - 1 borrows. */
	{ ALU_SUB, 2, 0x0000, 0x0001, 0, 0xffff, C | S | A | P },
	{ ALU_CMP, 1, 0x05, 0x05, C, 0x00, Z | P },
	{ ALU_SBB, 1, 0x00, 0x00, C, 0xff, C | S | A | P },
	{ ALU_SBB, 4, 0x80000000, 0, C, 0x7fffffff, O | A | P },
	/* Logic: CF and OF cleared, AF cleared, SZP from the result. */
	{ ALU_AND, 1, 0xf0, 0x0f, C | O | A, 0x00, Z | P },
	{ ALU_OR, 2, 0x8000, 0x0001, C | O, 0x8001, S },
	{ ALU_XOR, 1, 0xaa, 0xa5, 0, 0x0f, P },
	{ ALU_TEST, 4, 0x80000000, 0x80000001, 0, 0x80000000, S | P },
};

static void test_alu_arith_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof arith_cases / sizeof arith_cases[0]; i++) {
		const struct arith_case *t = &arith_cases[i];
		uint32_t f, r = alu_arith(t->op, t->a, t->b, t->size, t->flags_in, &f);
		if (r != t->result || f != t->flags_out)
			fprintf(stderr, "row %zu: result %x flags %x, want %x %x\n", i, r, f,
			        t->result, t->flags_out);
		assert_int_equal(r, t->result);
		assert_int_equal(f, t->flags_out);
	}
}

struct shift_case {
	int op;
	int size;
	uint32_t a;
	unsigned count;
	uint32_t flags_in, result;
	uint32_t flags_out; /* compared on 'check' only */
	uint32_t check;
};

/* Rotates write only OF and CF; shifts write all six (AF is left clear). */
static const struct shift_case shift_cases[] = {
	/* ROL 80 by 1: the top bit goes round into bit 0 and CF; OF = MSB ^ CF. */
	{ SH_ROL, 1, 0x80, 1, 0, 0x01, C | O, C | O },
	/* ROL by the width: the value is unchanged, CF = bit 0. */
	{ SH_ROL, 1, 0x81, 8, 0, 0x81, C, C },
	{ SH_ROR, 2, 0x0001, 1, 0, 0x8000, C | O, C | O },
	{ SH_ROR, 1, 0x02, 1, C, 0x01, 0, C | O },
	/* RCL through CF: 9-bit rotation for bytes. */
	{ SH_RCL, 1, 0x80, 1, 0, 0x00, C | O, C | O },
	{ SH_RCL, 1, 0x00, 1, C, 0x01, 0, C | O },
	{ SH_RCL, 1, 0x01, 9, 0, 0x01, 0, C },
	{ SH_RCR, 1, 0x01, 1, C, 0x80, C | O, C | O },
	{ SH_RCR, 2, 0x0000, 17, C, 0x0000, C, C },
	/* SHL 40 by 1 into the sign: OF set. */
	{ SH_SHL, 1, 0x40, 1, 0, 0x80, S | O, C | O | S | Z | P },
	{ SH_SHL, 1, 0x81, 1, 0, 0x02, C | O, C | O | S | Z | P },
	/* Counts past the width shift everything out (the 8086 does not mask). */
	{ SH_SHL, 1, 0xff, 8, 0, 0x00, C | Z | P, C | S | Z | P },
	{ SH_SHL, 1, 0xff, 9, 0, 0x00, Z | P, C | S | Z | P },
	{ SH_SHL, 2, 0xffff, 40, 0, 0x0000, Z | P, C | S | Z | P },
	{ SH_SHR, 1, 0x81, 1, 0, 0x40, C | O, C | O | S | Z | P },
	{ SH_SHR, 2, 0x8000, 16, 0, 0x0000, C | Z | P, C | S | Z | P },
	{ SH_SHR, 4, 0x80000000, 31, 0, 0x00000001, 0, C | S | Z },
	/* SAR keeps the sign and clears OF. */
	{ SH_SAR, 1, 0x81, 1, 0, 0xc0, C | S | P, C | O | S | Z | P },
	{ SH_SAR, 1, 0x80, 20, 0, 0xff, C | S | P, C | O | S | Z | P },
	{ SH_SAR, 4, 0x7fffffff, 31, 0, 0x00000000, C | Z | P, C | O | S | Z | P },
};

static void test_alu_shift_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof shift_cases / sizeof shift_cases[0]; i++) {
		const struct shift_case *t = &shift_cases[i];
		uint32_t f, written;
		uint32_t r = alu_shift(&cpu_traits_table[CPU_286], t->op, t->a, t->count, t->size,
		                       t->flags_in, &f, &written);
		if (r != t->result || (f & t->check) != t->flags_out)
			fprintf(stderr, "row %zu: result %x flags %x, want %x %x\n", i, r, f,
			        t->result, t->flags_out);
		assert_int_equal(r, t->result);
		assert_int_equal(f & t->check, t->flags_out);
		assert_int_equal(written,
		                 t->op <= SH_RCR ? (uint32_t)(C | O) : (uint32_t)ARITH_FLAGS);
	}
}

/* The 8086's SETMO (D0-D3 /6) sets the operand to all ones; later CPUs
 * treat /6 as SHL. */
static void test_alu_slot6_is_setmo_or_shl(void **state)
{
	uint32_t f, written;

	(void)state;
	const struct cpu_traits *i8086 = &cpu_traits_table[CPU_8086];
	const struct cpu_traits *i286 = &cpu_traits_table[CPU_286];

	assert_int_equal(alu_shift(i8086, SH_SAL6, 0x12, 1, 1, 0, &f, &written), 0xff);
	assert_int_equal(alu_shift(i8086, SH_SAL6, 0x1234, 3, 2, 0, &f, &written), 0xffff);
	assert_int_equal(alu_shift(i286, SH_SAL6, 0x12, 1, 1, 0, &f, &written), 0x24);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alu_arith_table),
		cmocka_unit_test(test_alu_shift_table),
		cmocka_unit_test(test_alu_slot6_is_setmo_or_shl),
	};
	return cmocka_run_group_tests_name("alu", tests, NULL, NULL);
}
