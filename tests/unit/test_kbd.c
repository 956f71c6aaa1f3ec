/*
 * tests/unit/test_kbd.c — the 8042, the PS/2 keyboard and port 0x92 driven
 * through their ports as a guest would, with fake A20, reset and IRQ1 lines.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>

#include "bus.h"
#include "clock.h"
#include "kbd.h"

struct rig {
	struct bus bus;
	struct clock clk;
	struct kbd kbd;
	uint64_t insns;
	int irq;       /* IRQ1's level */
	int irq_rises; /* its rising edges */
	bool a20;
	int a20_calls;
	int resets;
};

static void fake_irq(void *ctx, int line, int level)
{
	struct rig *r = ctx;

	assert_int_equal(line, 1);
	if (level && !r->irq)
		r->irq_rises++;
	r->irq = level;
}

static void fake_a20(void *ctx, bool open)
{
	struct rig *r = ctx;

	r->a20 = open;
	r->a20_calls++;
}

static void fake_reset(void *ctx)
{
	struct rig *r = ctx;

	r->resets++;
}

static int setup(void **state)
{
	struct rig *r = calloc(1, sizeof *r);
	struct kbd_lines lines = { fake_a20, fake_reset, r };

	assert_non_null(r);
	bus_init(&r->bus);
	clock_init(&r->clk, CLOCK_DEFAULT_IPS, &r->insns);
	assert_int_equal(kbd_init(&r->kbd, &r->bus, &r->clk,
	                          (struct irq_line){ .set = fake_irq, .ctx = r, .line = 1 },
	                          &lines),
	                 0);
	assert_true(r->a20); /* open at power-on, for the reset vector */
	assert_int_equal(r->a20_calls, 1);
	*state = r;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

static uint8_t in8(struct rig *r, uint16_t port)
{
	return (uint8_t)bus_in(&r->bus, port, 1);
}

static void out8(struct rig *r, uint16_t port, uint8_t val)
{
	bus_out(&r->bus, port, val, 1);
}

static bool obf(struct rig *r)
{
	return in8(r, 0x64) & 0x01;
}

/* The next byte in the output buffer, which must be full. */
static uint8_t read_data(struct rig *r)
{
	assert_true(obf(r));
	return in8(r, 0x60);
}

static void expect_bytes(struct rig *r, const uint8_t *want, int n)
{
	for (int i = 0; i < n; i++)
		assert_int_equal(read_data(r), want[i]);
	assert_false(obf(r));
}

static void command(struct rig *r, uint8_t c)
{
	out8(r, 0x64, c);
}

static void write_cmd_byte(struct rig *r, uint8_t v)
{
	command(r, 0x60);
	out8(r, 0x60, v);
}

static void test_status_at_power_on(void **state)
{
	struct rig *r = *state;
	uint8_t st = in8(r, 0x64);

	/* No data, input buffer empty, system flag from 0x45, not inhibited. */
	assert_int_equal(st, 0x14);
	assert_int_equal(r->irq, 0);
}

static void test_self_test(void **state)
{
	struct rig *r = *state;

	write_cmd_byte(r, 0x00); /* also clears the system flag */
	assert_int_equal(in8(r, 0x64) & 0x0C, 0x00);
	command(r, 0xAA);
	assert_int_equal(in8(r, 0x64) & 0x08, 0x08); /* last write was a command */
	assert_int_equal(read_data(r), 0x55);
	assert_int_equal(in8(r, 0x64) & 0x04, 0x04); /* passing sets the system flag */
	command(r, 0xAB);
	assert_int_equal(read_data(r), 0x00);
	assert_false(obf(r));
}

static void test_command_byte(void **state)
{
	struct rig *r = *state;

	command(r, 0x20);
	assert_int_equal(read_data(r), KBD_POWER_ON_CMD);
	write_cmd_byte(r, 0x61);
	assert_int_equal(in8(r, 0x64) & 0x08, 0); /* last write was data */
	command(r, 0x20);
	assert_int_equal(read_data(r), 0x61);
	command(r, 0xAD);
	command(r, 0x20);
	assert_int_equal(read_data(r), 0x71);
	command(r, 0xAE);
	command(r, 0x20);
	assert_int_equal(read_data(r), 0x61);
}

static void test_a20_output_port(void **state)
{
	struct rig *r = *state;

	r->a20_calls = 0;
	command(r, 0xD0);
	assert_int_equal(read_data(r) & 0x03, 0x03); /* CPU running, A20 open */
	command(r, 0xD1);
	out8(r, 0x60, 0xDD);
	assert_false(r->a20);
	assert_int_equal(r->a20_calls, 1);
	command(r, 0xD0);
	assert_int_equal(read_data(r) & 0x03, 0x01);
	command(r, 0xD1);
	out8(r, 0x60, 0xDF);
	assert_true(r->a20);
	command(r, 0xDD);
	assert_false(r->a20);
	command(r, 0xDD); /* no change, no call */
	assert_int_equal(r->a20_calls, 3);
	command(r, 0xDF);
	assert_true(r->a20);
	assert_int_equal(r->resets, 0);
}

static void test_a20_port_92(void **state)
{
	struct rig *r = *state;

	command(r, 0xDD);
	assert_false(r->a20);
	out8(r, 0x92, 0x02);
	assert_true(r->a20);
	assert_int_equal(in8(r, 0x92), 0x02);
	command(r, 0xDF);
	out8(r, 0x92, 0x00); /* the 8042 still holds the gate open */
	assert_true(r->a20);
	command(r, 0xDD);
	assert_false(r->a20);
	assert_int_equal(in8(r, 0x92), 0x00);
	assert_int_equal(r->resets, 0);
}

static void test_reset(void **state)
{
	struct rig *r = *state;

	command(r, 0xFE);
	assert_int_equal(r->resets, 1);
	command(r, 0xFF); /* bit 0 not pulsed */
	assert_int_equal(r->resets, 1);
	command(r, 0xD1);
	out8(r, 0x60, 0xDC); /* output port bit 0 low, A20 closed on the way */
	assert_int_equal(r->resets, 2);
	assert_false(r->a20);
	command(r, 0xD0);
	assert_int_equal(read_data(r) & 0x01, 0x01); /* released again */
	out8(r, 0x92, 0x01);
	assert_int_equal(r->resets, 3);
	out8(r, 0x92, 0x03); /* bit 0 still set: no new edge */
	assert_int_equal(r->resets, 3);
	out8(r, 0x92, 0x00);
	out8(r, 0x92, 0x01);
	assert_int_equal(r->resets, 4);
}

static void test_keyboard_reset_and_identify(void **state)
{
	struct rig *r = *state;

	out8(r, 0x60, 0xFF);
	expect_bytes(r, (const uint8_t[]){ 0xFA, 0xAA }, 2);
	write_cmd_byte(r, 0x01); /* translation off: the keyboard's own bytes */
	out8(r, 0x60, 0xF2);
	expect_bytes(r, (const uint8_t[]){ 0xFA, 0xAB, 0x83 }, 3);
	write_cmd_byte(r, 0x41); /* translated, the ID's 83 reads as 41 */
	out8(r, 0x60, 0xF2);
	expect_bytes(r, (const uint8_t[]){ 0xFA, 0xAB, 0x41 }, 3);
}

static void test_keyboard_commands(void **state)
{
	struct rig *r = *state;

	out8(r, 0x60, 0xED);
	expect_bytes(r, (const uint8_t[]){ 0xFA }, 1);
	out8(r, 0x60, 0x05);
	expect_bytes(r, (const uint8_t[]){ 0xFA }, 1);
	assert_int_equal(r->kbd.leds, 0x05);
	out8(r, 0x60, 0xF3);
	out8(r, 0x60, 0x20);
	expect_bytes(r, (const uint8_t[]){ 0xFA, 0xFA }, 2);
	assert_int_equal(r->kbd.typematic, 0x20);
	out8(r, 0x60, 0xEE);
	expect_bytes(r, (const uint8_t[]){ 0xEE }, 1);
	write_cmd_byte(r, 0x01);
	out8(r, 0x60, 0xF0);
	out8(r, 0x60, 0x00);
	expect_bytes(r, (const uint8_t[]){ 0xFA, 0xFA, 0x02 }, 3);
	out8(r, 0x60, 0x12); /* not a command */
	expect_bytes(r, (const uint8_t[]){ 0xFE }, 1);
	out8(r, 0x60, 0xFE); /* resend the last byte */
	expect_bytes(r, (const uint8_t[]){ 0xFE }, 1);
	out8(r, 0x60, 0xED);
	out8(r, 0x60, 0xFF); /* a command where the LED byte was due */
	expect_bytes(r, (const uint8_t[]){ 0xFA, 0xFA, 0xAA }, 3);
	assert_int_equal(r->kbd.leds, 0);
}

static void test_translated_keys(void **state)
{
	struct rig *r = *state;

	kbd_key(&r->kbd, (const uint8_t[]){ 0x1C }, 1); /* A */
	kbd_key(&r->kbd, (const uint8_t[]){ 0xF0, 0x1C }, 2);
	expect_bytes(r, (const uint8_t[]){ 0x1E, 0x9E }, 2);
	kbd_key(&r->kbd, (const uint8_t[]){ 0xE0, 0x75 }, 2); /* up arrow */
	kbd_key(&r->kbd, (const uint8_t[]){ 0xE0, 0xF0, 0x75 }, 3);
	expect_bytes(r, (const uint8_t[]){ 0xE0, 0x48, 0xE0, 0xC8 }, 4);
	kbd_key(&r->kbd, (const uint8_t[]){ 0x5A, 0x76, 0x29, 0x66, 0x0D, 0x12, 0x14, 0x11 }, 8);
	expect_bytes(r, (const uint8_t[]){ 0x1C, 0x01, 0x39, 0x0E, 0x0F, 0x2A, 0x1D, 0x38 }, 8);
	kbd_key(&r->kbd, (const uint8_t[]){ 0x16, 0x45, 0x05, 0x83, 0x07 }, 5); /* 1 0 F1 F7 F12 */
	expect_bytes(r, (const uint8_t[]){ 0x02, 0x0B, 0x3B, 0x41, 0x58 }, 5);
}

static void test_untranslated_keys(void **state)
{
	struct rig *r = *state;

	write_cmd_byte(r, 0x05);
	kbd_key(&r->kbd, (const uint8_t[]){ 0x1C, 0xF0, 0x1C }, 3);
	expect_bytes(r, (const uint8_t[]){ 0x1C, 0xF0, 0x1C }, 3);
}

static void test_irq1(void **state)
{
	struct rig *r = *state;

	kbd_key(&r->kbd, (const uint8_t[]){ 0x1C, 0xF0, 0x1C }, 3);
	assert_int_equal(r->irq, 1);
	assert_int_equal(r->irq_rises, 1);
	assert_int_equal(in8(r, 0x60), 0x1E);
	/* The next byte arrives at once, with a new edge for the PIC. */
	assert_int_equal(r->irq, 1);
	assert_int_equal(r->irq_rises, 2);
	assert_int_equal(in8(r, 0x60), 0x9E);
	assert_int_equal(r->irq, 0);
	write_cmd_byte(r, 0x44); /* interrupt off */
	kbd_key(&r->kbd, (const uint8_t[]){ 0x1C }, 1);
	assert_true(obf(r));
	assert_int_equal(r->irq, 0);
	write_cmd_byte(r, 0x45); /* on again with OBF full */
	assert_int_equal(r->irq, 1);
	assert_int_equal(in8(r, 0x60), 0x1E);
	assert_int_equal(r->irq, 0);
}

static void test_disabled_keyboard_holds_bytes(void **state)
{
	struct rig *r = *state;

	command(r, 0xAD);
	kbd_key(&r->kbd, (const uint8_t[]){ 0x1C, 0xF0, 0x1C }, 3);
	assert_false(obf(r));
	assert_int_equal(r->irq, 0);
	command(r, 0x20); /* controller replies still come: 0x45 + disable */
	assert_int_equal(read_data(r), 0x55);
	command(r, 0xAE);
	expect_bytes(r, (const uint8_t[]){ 0x1E, 0x9E }, 2);
	/* Write the disable bit through the command byte too. */
	write_cmd_byte(r, 0x55);
	kbd_key(&r->kbd, (const uint8_t[]){ 0x76 }, 1);
	assert_false(obf(r));
	write_cmd_byte(r, 0x45);
	expect_bytes(r, (const uint8_t[]){ 0x01 }, 1);
}

static void test_reply_waits_for_full_buffer(void **state)
{
	struct rig *r = *state;

	kbd_key(&r->kbd, (const uint8_t[]){ 0x1C, 0x32 }, 2);
	command(r, 0xAA);
	expect_bytes(r, (const uint8_t[]){ 0x1E, 0x55, 0x30 }, 3);
}

static void test_scanning_and_overflow(void **state)
{
	struct rig *r = *state;
	uint8_t many[KBD_QUEUE_SIZE];

	out8(r, 0x60, 0xF5); /* disable scanning */
	expect_bytes(r, (const uint8_t[]){ 0xFA }, 1);
	kbd_key(&r->kbd, (const uint8_t[]){ 0x1C }, 1);
	assert_false(obf(r));
	out8(r, 0x60, 0xF4);
	expect_bytes(r, (const uint8_t[]){ 0xFA }, 1);
	/* A full queue drops a whole event, never half of one. */
	command(r, 0xAD);
	for (int i = 0; i < KBD_QUEUE_SIZE; i++)
		many[i] = 0x1C;
	kbd_key(&r->kbd, many, KBD_QUEUE_SIZE - 1);
	kbd_key(&r->kbd, (const uint8_t[]){ 0xF0, 0x1C }, 2);
	command(r, 0xAE);
	for (int i = 0; i < KBD_QUEUE_SIZE - 1; i++)
		assert_int_equal(read_data(r), 0x1E);
	assert_false(obf(r));
}

/* Guest time moves to 'ns' (the clock counts instructions) and the
 * timers due by then fire. */
static void advance_to(struct rig *r, uint64_t ns)
{
	r->insns = (ns * CLOCK_DEFAULT_IPS + 999999999u) / 1000000000u;
	clock_fire_due(&r->clk);
}

#define MS 1000000ull

/* IBM's keyboard documentation: the power-on typematic rate is 10.9
 * characters a second after a 500 ms delay, and only the last key pressed
 * repeats, sending its make code. */
static void test_typematic_default_rate_and_delay(void **state)
{
	struct rig *r = *state;
	uint64_t period = 1000000000ull * 2 * 11 / 240; /* (8+3) * 2^1 * 4.17 ms */

	kbd_key(&r->kbd, (const uint8_t[]){ 0x1C }, 1); /* A down */
	expect_bytes(r, (const uint8_t[]){ 0x1E }, 1);
	advance_to(r, 499 * MS);
	assert_false(obf(r));
	advance_to(r, 500 * MS);
	expect_bytes(r, (const uint8_t[]){ 0x1E }, 1);
	advance_to(r, 500 * MS + period - MS);
	assert_false(obf(r));
	advance_to(r, 500 * MS + period);
	expect_bytes(r, (const uint8_t[]){ 0x1E }, 1);
	/* 10.9 per second: 10 more in the next 0.95 s. */
	for (int i = 2; i <= 11; i++) {
		advance_to(r, 500 * MS + i * period);
		expect_bytes(r, (const uint8_t[]){ 0x1E }, 1);
	}
	kbd_key(&r->kbd, (const uint8_t[]){ 0xF0, 0x1C }, 2); /* A up */
	expect_bytes(r, (const uint8_t[]){ 0x9E }, 1);
	advance_to(r, 3000 * MS);
	assert_false(obf(r));
}

/* F3 00: 30 characters a second after 250 ms; F3 7F: 2 a second after
 * 1 s, the slowest (IBM's table of typematic rates and delays). */
static void test_typematic_rate_set_by_f3(void **state)
{
	struct rig *r = *state;

	assert_int_equal(kbd_typematic_delay_ns(0x7F), 1000 * MS);
	assert_int_equal(kbd_typematic_period_ns(0x7F), 500 * MS);
	out8(r, 0x60, 0xF3);
	out8(r, 0x60, 0x00);
	expect_bytes(r, (const uint8_t[]){ 0xFA, 0xFA }, 2);
	kbd_key(&r->kbd, (const uint8_t[]){ 0x29 }, 1); /* Space */
	expect_bytes(r, (const uint8_t[]){ 0x39 }, 1);
	advance_to(r, 249 * MS);
	assert_false(obf(r));
	advance_to(r, 250 * MS);
	expect_bytes(r, (const uint8_t[]){ 0x39 }, 1);
	advance_to(r, 250 * MS + 1000000000ull * 8 / 240); /* 33.3 ms: 30 a second */
	expect_bytes(r, (const uint8_t[]){ 0x39 }, 1);
}

/* An extended key repeats with its E0 prefix; pressing another key moves
 * the repeat to it, and releasing a key that no longer repeats changes
 * nothing. */
static void test_typematic_last_key_repeats(void **state)
{
	struct rig *r = *state;

	kbd_key(&r->kbd, (const uint8_t[]){ 0xE0, 0x75 }, 2); /* Up */
	expect_bytes(r, (const uint8_t[]){ 0xE0, 0x48 }, 2);
	advance_to(r, 500 * MS);
	expect_bytes(r, (const uint8_t[]){ 0xE0, 0x48 }, 2);
	kbd_key(&r->kbd, (const uint8_t[]){ 0x12 }, 1); /* left Shift down */
	expect_bytes(r, (const uint8_t[]){ 0x2A }, 1);
	/* The keypad's 8 (no E0) is another key than Up: its release is no
	 * release of Up. */
	kbd_key(&r->kbd, (const uint8_t[]){ 0xE0, 0xF0, 0x75 }, 3); /* Up released */
	expect_bytes(r, (const uint8_t[]){ 0xE0, 0xC8 }, 2);
	advance_to(r, 1000 * MS);
	expect_bytes(r, (const uint8_t[]){ 0x2A }, 1);
	kbd_key(&r->kbd, (const uint8_t[]){ 0xF0, 0x75 }, 2); /* keypad 8 up */
	expect_bytes(r, (const uint8_t[]){ 0xC8 }, 1);
	advance_to(r, 1000 * MS + 1000000000ull * 22 / 240);
	expect_bytes(r, (const uint8_t[]){ 0x2A }, 1);
	/* Disabling scanning (F5) stops it. */
	out8(r, 0x60, 0xF5);
	expect_bytes(r, (const uint8_t[]){ 0xFA }, 1);
	out8(r, 0x60, 0xF4);
	expect_bytes(r, (const uint8_t[]){ 0xFA }, 1);
	advance_to(r, 3000 * MS);
	assert_false(obf(r));
}

/* A press the guest has not read yet is not repeated behind its back: the
 * delay counts again from when the guest has taken everything. */
static void test_typematic_waits_for_the_host(void **state)
{
	struct rig *r = *state;

	kbd_key(&r->kbd, (const uint8_t[]){ 0x1C }, 1); /* A down, not read */
	advance_to(r, 600 * MS);
	expect_bytes(r, (const uint8_t[]){ 0x1E }, 1); /* only the press */
	kbd_key(&r->kbd, (const uint8_t[]){ 0xF0, 0x1C }, 2);
	expect_bytes(r, (const uint8_t[]){ 0x9E }, 1);
	advance_to(r, 2000 * MS);
	assert_false(obf(r));
	/* Held and read late: the first repeat comes a delay after the late
	 * check, then at the rate. */
	kbd_key(&r->kbd, (const uint8_t[]){ 0x1C }, 1);
	advance_to(r, 2500 * MS); /* the repeat finds the press unread */
	advance_to(r, 2600 * MS);
	expect_bytes(r, (const uint8_t[]){ 0x1E }, 1);
	advance_to(r, 2999 * MS);
	assert_false(obf(r));
	advance_to(r, 3000 * MS);
	expect_bytes(r, (const uint8_t[]){ 0x1E }, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_status_at_power_on),
		T(test_typematic_default_rate_and_delay),
		T(test_typematic_rate_set_by_f3),
		T(test_typematic_last_key_repeats),
		T(test_typematic_waits_for_the_host),
		T(test_self_test),
		T(test_command_byte),
		T(test_a20_output_port),
		T(test_a20_port_92),
		T(test_reset),
		T(test_keyboard_reset_and_identify),
		T(test_keyboard_commands),
		T(test_translated_keys),
		T(test_untranslated_keys),
		T(test_irq1),
		T(test_disabled_keyboard_holds_bytes),
		T(test_reply_waits_for_full_buffer),
		T(test_scanning_and_overflow),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
