/*
 * tests/unit/test_desc.c — descriptor decoding against the layouts in the
 * SDM (Vol. 3, Figures 3-8, 5-8, 6-2, 7-3) and the 80286 manual.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "desc.h"

/* The flat 4 GiB code segment every 32-bit OS puts in its GDT. */
static void test_flat_code(void **state)
{
	struct desc d;

	(void)state;
	desc_decode(0x0000ffffu, 0x00cf9a00u, CPU_386, &d);
	assert_int_equal(d.base, 0);
	assert_int_equal(d.limit, 0xffffffffu);
	assert_int_equal(d.attr, 0xc09a);
	assert_int_equal(d.type, 0xa);
	assert_int_equal(d.dpl, 0);
	assert_true(d.present);
	assert_true(desc_is_code(&d));
	assert_false(desc_is_gate(&d));
	assert_string_equal(desc_type_name(&d), "code, execute/read");
}

/* Base and limit scattered over both dwords; byte granularity; DPL 3. */
static void test_scattered_base(void **state)
{
	struct desc d;

	(void)state;
	desc_decode(0x5678abcdu, 0x120bf634u, CPU_386, &d);
	assert_int_equal(d.base, 0x12345678u);
	assert_int_equal(d.limit, 0xbabcdu);
	assert_int_equal(d.dpl, 3);
	assert_true(desc_is_data(&d));
	assert_string_equal(desc_type_name(&d), "data, read/write, expand-down");
}

/* The 286 reads only the low six bytes: no G, no D/B, a 24-bit base. */
static void test_286_ignores_top_word(void **state)
{
	struct desc d;

	(void)state;
	desc_decode(0x0000ffffu, 0xffcf9a12u, CPU_286, &d);
	assert_int_equal(d.base, 0x120000u);
	assert_int_equal(d.limit, 0xffffu);
	assert_int_equal(d.attr, 0x9a);
	/* Its system types stop at 7: a 386 call gate is not one. */
	desc_decode(0x00085678u, 0x0000ec03u, CPU_286, &d);
	assert_string_equal(desc_type_name(&d), "reserved (a 386 type)");
	desc_decode(0x00085678u, 0x0000e403u, CPU_286, &d);
	assert_string_equal(desc_type_name(&d), "16-bit call gate");
}

/* A 32-bit call gate with 3 parameters to 0008:12345678, DPL 3. */
static void test_call_gate(void **state)
{
	struct desc d;

	(void)state;
	desc_decode(0x00085678u, 0x1234ec03u, CPU_386, &d);
	assert_true(desc_is_gate(&d));
	assert_int_equal(d.type, DESC_CALL_GATE32);
	assert_int_equal(d.gate_sel, 8);
	assert_int_equal(d.gate_off, 0x12345678u);
	assert_int_equal(d.gate_params, 3);
	assert_int_equal(d.dpl, 3);
	assert_string_equal(desc_type_name(&d), "32-bit call gate");
	/* A 16-bit gate's offset is the low word only. */
	desc_decode(0x00085678u, 0x1234e403u, CPU_386, &d);
	assert_int_equal(d.gate_off, 0x5678u);
}

static void test_tss_kinds(void **state)
{
	static const uint8_t tss[] = { DESC_TSS16_AVAIL, DESC_TSS16_BUSY, DESC_TSS32_AVAIL,
		                       DESC_TSS32_BUSY };
	static const uint8_t other[] = { 0, DESC_LDT, DESC_TASK_GATE, DESC_CALL_GATE32, 13 };
	struct desc d;

	(void)state;
	for (size_t i = 0; i < sizeof tss; i++) {
		desc_decode(0, 0x8000u | (uint32_t)tss[i] << 8, CPU_386, &d);
		assert_true(desc_is_tss(&d));
	}
	for (size_t i = 0; i < sizeof other; i++) {
		desc_decode(0, 0x8000u | (uint32_t)other[i] << 8, CPU_386, &d);
		assert_false(desc_is_tss(&d));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flat_code),
		cmocka_unit_test(test_scattered_base),
		cmocka_unit_test(test_286_ignores_top_word),
		cmocka_unit_test(test_call_gate),
		cmocka_unit_test(test_tss_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
