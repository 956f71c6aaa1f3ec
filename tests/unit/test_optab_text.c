/*
 * tests/unit/test_optab_text.c — the opcode table's 'what' column: every row the CPU can run
 * has one plain sentence for the monitor's explain (one line, capital first, period last).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "insn.h"

/* A message naming the row when its sentence is missing or malformed. */
static void check_row(const struct opdesc *row, const char *where, int index)
{
	char msg[160];
	size_t n;

	if (!row->name || !row->exec)
		return;
	snprintf(msg, sizeof msg, "%s[%#x] (%s)", where, index, row->name);
	if (!row->what || !row->what[0])
		fail_msg("%s has no 'what' sentence", msg);
	n = strlen(row->what);
	if (row->what[n - 1] != '.')
		fail_msg("%s: 'what' does not end with a period: \"%s\"", msg, row->what);
	if (!isupper((unsigned char)row->what[0]))
		fail_msg("%s: 'what' does not start with a capital: \"%s\"", msg, row->what);
	if (strchr(row->what, '\n') || strstr(row->what, "  "))
		fail_msg("%s: 'what' is not one plain line: \"%s\"", msg, row->what);
}

static void test_every_row_with_a_handler_says_what_it_does(void **state)
{
	int checked = 0;

	(void)state;
	for (int op = 0; op < 0x200; op++) {
		const struct opdesc *row = &optab[op];
		check_row(row, "optab", op);
		checked += row->name && row->exec;
		if (!row->group)
			continue;
		for (int r = 0; r < 8; r++) {
			char where[32];
			snprintf(where, sizeof where, "optab[%#x] group", op);
			check_row(&row->group[r], where, r);
			checked += row->group[r].name && row->group[r].exec;
		}
	}
	assert_true(checked > 250); /* the walk reached the table, groups included */
}

/* Prefixes have no handler but the monitor explains them too. */
static void test_prefix_rows_say_what_they_do(void **state)
{
	static const int prefixes[] = { 0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65,
		                        0x66, 0x67, 0xf0, 0xf2, 0xf3 };

	(void)state;
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		const char *what = optab[prefixes[i]].what;
		assert_non_null(what);
		assert_int_equal(what[strlen(what) - 1], '.');
	}
}

/* A CPU without #UD runs a byte with no row as a do-nothing instruction; it has a sentence too. */
static void test_the_8086_fallback_row_says_what_it_does(void **state)
{
	const struct opdesc *row = optab_resolve(&optab[0x1ff], &cpu_traits_table[CPU_8086], false);

	(void)state;
	assert_non_null(row);
	check_row(row, "undefined_row", 0);
}

static void test_sentences_name_the_point(void **state)
{
	(void)state;
	assert_non_null(strstr(optab[0x00].what, "Adds"));
	assert_non_null(strstr(optab[0xe2].what, "CX"));               /* loop */
	assert_non_null(strstr(optab[0xcd].what, "clears IF and TF")); /* int */
	assert_non_null(strstr(optab[0x74].what, "ZF"));               /* jz */
	assert_string_equal(optab[0x74].what, optab[0x184].what);      /* short and near jz agree */
	assert_non_null(strstr(optab[0x80].group[7].what, "flags"));   /* cmp */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_row_with_a_handler_says_what_it_does),
		cmocka_unit_test(test_prefix_rows_say_what_they_do),
		cmocka_unit_test(test_the_8086_fallback_row_says_what_it_does),
		cmocka_unit_test(test_sentences_name_the_point),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
