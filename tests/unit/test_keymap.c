/*
 * tests/unit/test_keymap.c — key names and typed text as set 2 key events,
 * checked against the set 1 codes of the IBM documentation through the
 * 8042's own translation, and the key feed's pacing on guest time.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "bus.h"
#include "clock.h"
#include "kbd.h"
#include "keyfeed.h"
#include "keymap.h"

#define INSNS_PER_MS (CLOCK_DEFAULT_IPS / 1000)

struct rig {
	struct bus bus;
	struct clock clk;
	struct kbd kbd;
	struct keyfeed feed;
	uint64_t insns;
};

static void ignore_irq(void *ctx, int line, int level)
{
	(void)ctx;
	(void)line;
	(void)level;
}

static int setup(void **state)
{
	struct rig *r = calloc(1, sizeof *r);

	assert_non_null(r);
	bus_init(&r->bus);
	clock_init(&r->clk, CLOCK_DEFAULT_IPS, &r->insns);
	assert_int_equal(kbd_init(&r->kbd, &r->bus, &r->clk,
	                          (struct irq_line){ .set = ignore_irq, .ctx = r, .line = 1 },
	                          NULL),
	                 0);
	assert_int_equal(keyfeed_init(&r->feed, &r->kbd, &r->clk), 0);
	*state = r;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

static bool obf(struct rig *r)
{
	return bus_in(&r->bus, 0x64, 1) & 0x01;
}

static uint8_t read_data(struct rig *r)
{
	assert_true(obf(r));
	return (uint8_t)bus_in(&r->bus, 0x60, 1);
}

/* Scancode set 1 make codes (IBM PC AT and PS/2 technical references). The
 * 8042 translates the keyboard's set 2 into these at power-on. */
static const struct {
	const char *name;
	uint8_t set1;
	bool extended;
} documented[] = {
	{ "esc", 0x01 },
	{ "1", 0x02 },
	{ "2", 0x03 },
	{ "3", 0x04 },
	{ "4", 0x05 },
	{ "5", 0x06 },
	{ "6", 0x07 },
	{ "7", 0x08 },
	{ "8", 0x09 },
	{ "9", 0x0A },
	{ "0", 0x0B },
	{ "-", 0x0C },
	{ "=", 0x0D },
	{ "backspace", 0x0E },
	{ "tab", 0x0F },
	{ "q", 0x10 },
	{ "w", 0x11 },
	{ "e", 0x12 },
	{ "r", 0x13 },
	{ "t", 0x14 },
	{ "y", 0x15 },
	{ "u", 0x16 },
	{ "i", 0x17 },
	{ "o", 0x18 },
	{ "p", 0x19 },
	{ "[", 0x1A },
	{ "]", 0x1B },
	{ "enter", 0x1C },
	{ "ctrl", 0x1D },
	{ "a", 0x1E },
	{ "s", 0x1F },
	{ "d", 0x20 },
	{ "f", 0x21 },
	{ "g", 0x22 },
	{ "h", 0x23 },
	{ "j", 0x24 },
	{ "k", 0x25 },
	{ "l", 0x26 },
	{ ";", 0x27 },
	{ "'", 0x28 },
	{ "`", 0x29 },
	{ "shift", 0x2A },
	{ "\\", 0x2B },
	{ "z", 0x2C },
	{ "x", 0x2D },
	{ "c", 0x2E },
	{ "v", 0x2F },
	{ "b", 0x30 },
	{ "n", 0x31 },
	{ "m", 0x32 },
	{ ",", 0x33 },
	{ ".", 0x34 },
	{ "/", 0x35 },
	{ "rshift", 0x36 },
	{ "alt", 0x38 },
	{ "space", 0x39 },
	{ "capslock", 0x3A },
	{ "f1", 0x3B },
	{ "f2", 0x3C },
	{ "f3", 0x3D },
	{ "f4", 0x3E },
	{ "f5", 0x3F },
	{ "f6", 0x40 },
	{ "f7", 0x41 },
	{ "f8", 0x42 },
	{ "f9", 0x43 },
	{ "f10", 0x44 },
	{ "numlock", 0x45 },
	{ "scrolllock", 0x46 },
	{ "f11", 0x57 },
	{ "f12", 0x58 },
	{ "rctrl", 0x1D, true },
	{ "ralt", 0x38, true },
	{ "home", 0x47, true },
	{ "up", 0x48, true },
	{ "pgup", 0x49, true },
	{ "left", 0x4B, true },
	{ "right", 0x4D, true },
	{ "end", 0x4F, true },
	{ "down", 0x50, true },
	{ "pgdn", 0x51, true },
	{ "insert", 0x52, true },
	{ "delete", 0x53, true },
};

static void test_every_key_translates_to_its_documented_set1_code(void **state)
{
	struct rig *r = *state;

	for (size_t i = 0; i < sizeof documented / sizeof documented[0]; i++) {
		struct key_event ev[2];
		const char *name = documented[i].name;

		assert_int_equal(keymap_combo(name, strlen(name), ev, 2), 2);
		kbd_key(&r->kbd, ev[0].code, ev[0].n);
		if (documented[i].extended)
			assert_int_equal(read_data(r), 0xE0);
		assert_int_equal(read_data(r), documented[i].set1);
		kbd_key(&r->kbd, ev[1].code, ev[1].n);
		if (documented[i].extended)
			assert_int_equal(read_data(r), 0xE0);
		assert_int_equal(read_data(r), documented[i].set1 | 0x80);
		assert_false(obf(r));
	}
}

static void expect_events(const struct key_event *ev, int n, const uint8_t *bytes, int len)
{
	int at = 0;

	for (int i = 0; i < n; i++)
		for (int j = 0; j < ev[i].n; j++) {
			assert_true(at < len);
			assert_int_equal(ev[i].code[j], bytes[at++]);
		}
	assert_int_equal(at, len);
}

static void test_text_presses_shift_for_capitals_and_symbols(void **state)
{
	struct key_event ev[32];
	const char *bad;
	size_t badlen;
	static const uint8_t hi[] = { 0x12, 0x33, 0xF0, 0x33, 0xF0, 0x12, /* H */
		                      0x43, 0xF0, 0x43,                   /* i */
		                      0x12, 0x16, 0xF0, 0x16, 0xF0, 0x12, /* ! */
		                      0x5A, 0xF0, 0x5A };                 /* \n */

	(void)state;
	assert_int_equal(keymap_text("Hi!\\n", ev, 32, &bad, &badlen), 12);
	expect_events(ev, 12, hi, sizeof hi);
}

/* One character at a time, as the terminal display types what it reads. */
static void test_char_by_char(void **state)
{
	struct key_event ev[4];
	static const uint8_t brace[] = { 0x12, 0x54, 0xF0, 0x54, 0xF0, 0x12 }; /* Shift [ */
	static const uint8_t bs[] = { 0x66, 0xF0, 0x66 };                      /* Backspace */

	(void)state;
	assert_int_equal(keymap_char('{', ev), 4);
	expect_events(ev, 4, brace, sizeof brace);
	assert_int_equal(keymap_char('\b', ev), 2);
	expect_events(ev, 2, bs, sizeof bs);
	assert_int_equal(keymap_char('\x80', ev), -1);
}

static void test_combo_releases_in_reverse(void **state)
{
	struct key_event ev[8];
	const char *bad;
	size_t badlen;
	static const uint8_t cad[] = { 0x14, 0x11, 0xE0, 0x71, 0xE0, 0xF0,
		                       0x71, 0xF0, 0x11, 0xF0, 0x14 };
	static const uint8_t ctrl_minus[] = { 0x14, 0x4E, 0xF0, 0x4E, 0xF0, 0x14 };

	(void)state;
	assert_int_equal(keymap_combo("ctrl-alt-delete", 15, ev, 8), 6);
	expect_events(ev, 6, cad, sizeof cad);
	assert_int_equal(keymap_combo("CTRL--", 6, ev, 8), 4);
	expect_events(ev, 4, ctrl_minus, sizeof ctrl_minus);
	assert_int_equal(keymap_text("{ctrl-alt-delete}", ev, 8, &bad, &badlen), 6);
	expect_events(ev, 6, cad, sizeof cad);
}

static void test_bad_names_are_reported(void **state)
{
	struct key_event ev[8];
	const char *bad;
	size_t badlen;
	const char *text = "ab{nope}c";

	(void)state;
	assert_int_equal(keymap_combo("nope", 4, ev, 8), -1);
	assert_int_equal(keymap_combo("ctrl-", 5, ev, 8), -1);
	assert_int_equal(keymap_combo("", 0, ev, 8), -1);
	assert_int_equal(keymap_combo("ctrl-alt", 8, ev, 3), -1); /* no room */
	assert_int_equal(keymap_text(text, ev, 8, &bad, &badlen), -1);
	assert_ptr_equal(bad, text + 2);
	assert_int_equal(badlen, 6);
	assert_int_equal(keymap_text("x{esc", ev, 8, &bad, &badlen), -1);
	assert_int_equal(badlen, 4);
	assert_int_equal(keymap_text("\xC3\xA9!", ev, 8, &bad, &badlen), -1);
	assert_int_equal(badlen, 2); /* the whole UTF-8 character */
	assert_int_equal(keymap_text("abcde", ev, 8, &bad, &badlen), -1);
	assert_null(bad); /* five keys need ten events */
}

static void run_to_ms(struct rig *r, uint64_t ms)
{
	r->insns = ms * INSNS_PER_MS;
	clock_fire_due(&r->clk);
}

static void test_feed_waits_for_the_start_and_for_the_guest(void **state)
{
	struct rig *r = *state;
	struct key_event ev[4];

	assert_int_equal(keymap_combo("a", 1, ev, 4), 2);
	assert_int_equal(keymap_combo("b", 1, ev + 2, 2), 2);
	assert_int_equal(keyfeed_push(&r->feed, ev, 4, 5000000), 0);
	run_to_ms(r, 4);
	assert_false(obf(r)); /* not before 5 ms */
	run_to_ms(r, 5);
	assert_int_equal(read_data(r), 0x1E); /* a make */
	run_to_ms(r, 14);
	assert_false(obf(r)); /* 10 ms between keys */
	run_to_ms(r, 15);
	assert_true(obf(r));
	run_to_ms(r, 40); /* the guest does not read: nothing is lost or overwritten */
	assert_int_equal(read_data(r), 0x9E); /* a break */
	assert_false(obf(r));
	run_to_ms(r, 41);                     /* the next poll after the guest read */
	assert_int_equal(read_data(r), 0x30); /* b make */
	run_to_ms(r, 51);
	assert_int_equal(read_data(r), 0xB0);
	assert_int_equal(r->feed.count, 0);
	assert_int_equal(clock_next(&r->clk), UINT64_MAX); /* idle: no timer keeps a HLT awake */
}

static void test_feed_refuses_what_does_not_fit(void **state)
{
	struct rig *r = *state;
	static struct key_event many[KEYFEED_MAX + 1];

	assert_int_equal(keyfeed_push(&r->feed, many, KEYFEED_MAX + 1, 0), -1);
	assert_int_equal(r->feed.count, 0);
	assert_int_equal(keyfeed_push(&r->feed, many, KEYFEED_MAX, 0), 0);
	assert_int_equal(keyfeed_push(&r->feed, many, 1, 0), -1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_every_key_translates_to_its_documented_set1_code),
		T(test_text_presses_shift_for_capitals_and_symbols),
		T(test_char_by_char),
		T(test_combo_releases_in_reverse),
		T(test_bad_names_are_reported),
		T(test_feed_waits_for_the_start_and_for_the_guest),
		T(test_feed_refuses_what_does_not_fit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
