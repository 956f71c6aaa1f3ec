/*
 * tests/unit/test_font.c — the built-in font is in code page 437 order: the
 * glyphs whose shapes CP437 fixes (blank, full block, box-drawing lines)
 * are where that code page puts them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "font8x16.h"

static const unsigned char *glyph(int g)
{
	return &x86lab_font8x16[16 * g];
}

static void test_blanks(void **state)
{
	static const int blank[] = { 0x00, 0x20, 0xff };

	(void)state;
	for (size_t i = 0; i < sizeof blank / sizeof blank[0]; i++)
		for (int row = 0; row < 16; row++)
			assert_int_equal(glyph(blank[i])[row], 0);
}

static void test_full_block(void **state)
{
	(void)state;
	for (int row = 0; row < 16; row++)
		assert_int_equal(glyph(0xdb)[row], 0xff);
}

/* 0xB3 is the vertical line and 0xC4 the horizontal one of the box set:
 * the line runs through every row, and across every column of some row. */
static void test_box_lines(void **state)
{
	int full_rows = 0;

	(void)state;
	for (int row = 0; row < 16; row++) {
		assert_int_not_equal(glyph(0xb3)[row], 0);
		assert_int_equal(glyph(0xb3)[row], glyph(0xb3)[0]);
		full_rows += glyph(0xc4)[row] == 0xff;
	}
	assert_true(full_rows >= 1 && full_rows <= 2);
}

/* Letters differ from each other and leave the top row clear. */
static void test_letters(void **state)
{
	(void)state;
	for (int g = 'A'; g < 'Z'; g++) {
		int differ = 0;
		assert_int_equal(glyph(g)[0], 0);
		for (int row = 0; row < 16; row++)
			differ |= glyph(g)[row] != glyph(g + 1)[row];
		assert_true(differ);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blanks),
		cmocka_unit_test(test_full_block),
		cmocka_unit_test(test_box_lines),
		cmocka_unit_test(test_letters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
