/*
 * tests/unit/test_model_diff.c — the rules that set aside 80286 suite tests
 * the 386 is documented to run differently look at the input only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model_diff.h"

struct fixture {
	struct moo_test t;
	struct moo_ram ram[4];
};

static void make(struct fixture *f, const uint8_t *bytes, uint32_t n)
{
	memset(f, 0, sizeof *f);
	f->t.bytes = bytes;
	f->t.nbytes = n;
	f->t.init.ram = f->ram;
	f->t.init.regs[MOO_SS] = 0x1000;
	f->t.init.regs[MOO_SP] = 0x0100;
}

/* The word at SS:SP (+depth), as POPF or IRET pops it. */
static void stack_word(struct fixture *f, uint16_t depth, uint16_t v)
{
	uint32_t a = 0x10000u + 0x100u + depth;

	f->ram[f->t.init.nram++] = (struct moo_ram){ a, (uint8_t)v };
	f->ram[f->t.init.nram++] = (struct moo_ram){ a + 1, (uint8_t)(v >> 8) };
}

static enum sst_diff diff(const struct fixture *f)
{
	return sst_model_difference(CPU_286, CPU_386, &f->t);
}

static void test_popf_iopl(void **state)
{
	static const uint8_t popf[] = { 0x9d, 0xf4 }, iret[] = { 0xcf, 0xf4 };
	struct fixture f;

	(void)state;
	make(&f, popf, sizeof popf);
	stack_word(&f, 0, 0x0cd7);
	assert_int_equal(diff(&f), SST_DIFF_NONE);
	make(&f, popf, sizeof popf);
	stack_word(&f, 0, 0x2002);
	assert_int_equal(diff(&f), SST_DIFF_FLAGS_12_14);
	make(&f, popf, sizeof popf);
	stack_word(&f, 0, 0x8002); /* bit 15: the 386 keeps it 0 as well */
	assert_int_equal(diff(&f), SST_DIFF_NONE);
	make(&f, iret, sizeof iret);
	stack_word(&f, 4, 0x4000);
	assert_int_equal(diff(&f), SST_DIFF_FLAGS_12_14);
	/* Same model: nothing is set aside. */
	assert_int_equal(sst_model_difference(CPU_286, CPU_286, &f.t), SST_DIFF_NONE);
}

static void test_fs_gs(void **state)
{
	static const uint8_t mov_fs[] = { 0x8c, 0xe0, 0xf4 }, mov_es[] = { 0x8c, 0xc0, 0xf4 };
	struct fixture f;

	(void)state;
	make(&f, mov_fs, sizeof mov_fs);
	assert_int_equal(diff(&f), SST_DIFF_FS_GS);
	make(&f, mov_es, sizeof mov_es);
	assert_int_equal(diff(&f), SST_DIFF_NONE);
}

/* ADD word [es:bx],1234h with seven ES prefixes is 11 bytes; with six, 10. */
static void test_length(void **state)
{
	static const uint8_t longer[] = { 0x26, 0x26, 0x26, 0x26, 0x26, 0x26,
		                          0x26, 0x81, 0x07, 0x34, 0x12, 0xf4 };
	struct fixture f;

	(void)state;
	make(&f, longer, sizeof longer);
	assert_int_equal(diff(&f), SST_DIFF_LENGTH);
	make(&f, longer + 1, sizeof longer - 1);
	assert_int_equal(diff(&f), SST_DIFF_NONE);
}

/* Overruns: only where the 286 took exception 13, and by the segment used. */
static void test_overruns(void **state)
{
	static const uint8_t add_bp[] = { 0x01, 0x02, 0xf4 }; /* add [bp+si],ax */
	static const uint8_t add_bx[] = { 0x01, 0x00, 0xf4 }; /* add [bx+si],ax */
	static const uint8_t movsw[] = { 0xa5, 0xf4 };
	static const uint8_t popa[] = { 0x61, 0xf4 };
	struct fixture f;

	(void)state;
	make(&f, add_bp, sizeof add_bp);
	assert_int_equal(diff(&f), SST_DIFF_NONE);
	f.t.has_excp = true;
	f.t.excp_vector = 13;
	assert_int_equal(diff(&f), SST_DIFF_STACK_FAULT);
	make(&f, add_bx, sizeof add_bx);
	f.t.has_excp = true;
	f.t.excp_vector = 13;
	assert_int_equal(diff(&f), SST_DIFF_NONE); /* #GP on both chips */
	make(&f, movsw, sizeof movsw);
	f.t.has_excp = true;
	f.t.excp_vector = 13;
	assert_int_equal(diff(&f), SST_DIFF_STRING_FAULT);
	make(&f, popa, sizeof popa);
	f.t.has_excp = true;
	f.t.excp_vector = 13;
	assert_int_equal(diff(&f), SST_DIFF_STACK_FAULT);
	f.t.excp_vector = 6; /* another exception: no overrun rule applies */
	assert_int_equal(diff(&f), SST_DIFF_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_popf_iopl),
		cmocka_unit_test(test_fs_gs),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_overruns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
