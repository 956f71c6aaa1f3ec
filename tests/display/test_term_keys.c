/*
 * tests/display/test_term_keys.c — what a terminal sends, decoded into PS/2
 * key events: the expected set 2 codes are IBM's (PS/2 keyboard technical
 * reference), the input sequences xterm's (ctlseqs: PC-style function keys).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "term_keys.h"

/* The events for 'in' as one byte string of all their codes. */
static int decode(const char *in, uint8_t *bytes, bool *host)
{
	struct key_event ev[32];
	int n = term_keys_parse((const uint8_t *)in, strlen(in), ev, 32, host), len = 0;

	for (int i = 0; i < n; i++)
		for (int j = 0; j < ev[i].n; j++)
			bytes[len++] = ev[i].code[j];
	return len;
}

#define EXPECT_CODES(in, ...)                                                                      \
	do {                                                                                       \
		static const uint8_t want[] = { __VA_ARGS__ };                                     \
		uint8_t got[128];                                                                  \
		bool host;                                                                         \
		int n = decode(in, got, &host);                                                    \
		assert_int_equal(n, sizeof want);                                                  \
		assert_memory_equal(got, want, sizeof want);                                       \
		assert_false(host);                                                                \
	} while (0)

static void test_characters(void **state)
{
	(void)state;
	EXPECT_CODES("a", 0x1C, 0xF0, 0x1C);
	EXPECT_CODES("A", 0x12, 0x1C, 0xF0, 0x1C, 0xF0, 0x12);    /* Shift held */
	EXPECT_CODES("{", 0x12, 0x54, 0xF0, 0x54, 0xF0, 0x12);    /* Shift + [ */
	EXPECT_CODES("\r", 0x5A, 0xF0, 0x5A);                     /* Enter */
	EXPECT_CODES("\x7f", 0x66, 0xF0, 0x66);                   /* Backspace */
	EXPECT_CODES("\x03", 0x14, 0x21, 0xF0, 0x21, 0xF0, 0x14); /* Ctrl-C */
}

/* Characters beyond ASCII have no key on a US keyboard: nothing is sent. */
static void test_utf8_skipped(void **state)
{
	uint8_t got[64];
	bool host;

	(void)state;
	assert_int_equal(decode("\xc3\xa9", got, &host), 0);
	assert_int_equal(decode("\xc3\xa9z", got, &host), 3);
	assert_int_equal(got[0], 0x1A);
}

static void test_escape_sequences(void **state)
{
	(void)state;
	EXPECT_CODES("\x1b[A", 0xE0, 0x75, 0xE0, 0xF0, 0x75);    /* Up */
	EXPECT_CODES("\x1bOD", 0xE0, 0x6B, 0xE0, 0xF0, 0x6B);    /* Left, application mode */
	EXPECT_CODES("\x1b[3~", 0xE0, 0x71, 0xE0, 0xF0, 0x71);   /* Delete */
	EXPECT_CODES("\x1b[6~", 0xE0, 0x7A, 0xE0, 0xF0, 0x7A);   /* Page Down */
	EXPECT_CODES("\x1bOP", 0x05, 0xF0, 0x05);                /* F1 */
	EXPECT_CODES("\x1b[15~", 0x03, 0xF0, 0x03);              /* F5 */
	EXPECT_CODES("\x1b[24~", 0x07, 0xF0, 0x07);              /* F12 */
	EXPECT_CODES("\x1b[1;5A", 0xE0, 0x75, 0xE0, 0xF0, 0x75); /* Ctrl-Up: the modifier dropped */
	EXPECT_CODES("\x1b", 0x76, 0xF0, 0x76);                  /* Esc alone */
	EXPECT_CODES("\x1bx", 0x11, 0x22, 0xF0, 0x22, 0xF0, 0x11); /* Alt-x */
}

static void test_host_key(void **state)
{
	uint8_t got[64];
	bool host;

	(void)state;
	assert_int_equal(decode("a\x1d", got, &host), 3);
	assert_true(host);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_characters),
		cmocka_unit_test(test_utf8_skipped),
		cmocka_unit_test(test_escape_sequences),
		cmocka_unit_test(test_host_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
