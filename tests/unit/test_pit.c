/*
 * tests/unit/test_pit.c — the 8254 and port 0x61 driven through their ports,
 * with guest time at one instruction per PIT input clock; each expectation
 * from the Intel 8254 datasheet.
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
#include "pit.h"

#define MAX_EDGES 64

struct rig {
	struct bus bus;
	struct clock clk;
	struct pit pit;
	uint64_t insns; /* = PIT ticks */
	int level;
	int nrise, nfall;
	uint64_t rise[MAX_EDGES], fall[MAX_EDGES];
};

/* The fake PIC input on IRQ0: when each edge came. */
static void record_irq(void *ctx, int line, int level)
{
	struct rig *r = ctx;

	assert_int_equal(line, 0);
	if (level && !r->level && r->nrise++ < MAX_EDGES)
		r->rise[r->nrise - 1] = r->insns;
	if (!level && r->level && r->nfall++ < MAX_EDGES)
		r->fall[r->nfall - 1] = r->insns;
	r->level = level;
}

static int setup(void **state)
{
	struct rig *r = calloc(1, sizeof *r);

	assert_non_null(r);
	bus_init(&r->bus);
	clock_init(&r->clk, PIT_HZ, &r->insns);
	assert_int_equal(pit_init(&r->pit, &r->bus, &r->clk,
	                          (struct irq_line){ .set = record_irq, .ctx = r, .line = 0 }),
	                 0);
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

/* Run 'n' instructions, letting due timers fire after each, as the board does. */
static void step(struct rig *r, uint64_t n)
{
	while (n--) {
		r->insns++;
		clock_fire_due(&r->clk);
	}
}

static void run_to(struct rig *r, uint64_t tick)
{
	step(r, tick - r->insns);
}

static void write16(struct rig *r, uint16_t port, uint16_t v)
{
	out8(r, port, (uint8_t)v);
	out8(r, port, (uint8_t)(v >> 8));
}

static uint16_t read16(struct rig *r, uint16_t port)
{
	uint8_t lo = in8(r, port);

	return (uint16_t)(lo | in8(r, port) << 8);
}

static bool out2(struct rig *r)
{
	return in8(r, 0x61) & 0x20;
}

/* Mode 2, count 100: OUT high, low for the one clock before each reload,
 * high again at the reload — a rising edge every 100 clocks. The count is
 * loaded on the clock after it is written. */
static void test_mode2_rate_generator_irq0(void **state)
{
	struct rig *r = *state;

	out8(r, 0x43, 0x34);
	assert_int_equal(r->nrise, 1); /* the control word sets OUT high */
	write16(r, 0x40, 100);
	run_to(r, 950);
	assert_int_equal(r->nrise, 10);
	for (int k = 1; k < r->nrise; k++) {
		assert_int_equal(r->rise[k], 1 + 100 * k);
		assert_int_equal(r->fall[k - 1], 100 * k);
	}
	assert_int_equal(r->level, 1);
	/* The PIT posts its next change (the fall at 1000) rather than being ticked. */
	assert_int_equal(clock_insns_until(&r->clk, clock_next(&r->clk)), 50);
}

/* Mode 2 reprogrammed while counting: the new count takes over at the end
 * of the current period, without a short or a stretched one. */
static void test_mode2_new_count_at_period_end(void **state)
{
	struct rig *r = *state;
	const uint64_t want[] = { 0, 101, 201, 251, 301 };

	out8(r, 0x43, 0x34);
	write16(r, 0x40, 100);
	run_to(r, 150);
	write16(r, 0x40, 50);
	run_to(r, 320);
	assert_int_equal(r->nrise, 5);
	for (int k = 0; k < 5; k++)
		assert_int_equal(r->rise[k], want[k]);
}

/* Jump from deadline to deadline as the board does. */
static void run_by_deadlines(struct rig *r, uint64_t insns)
{
	while (r->insns < insns) {
		r->insns += clock_insns_until(&r->clk, clock_next(&r->clk));
		clock_fire_due(&r->clk);
	}
}

/* At the board's default speed the BIOS's 18.2 Hz tick and a 100 Hz tick
 * keep their rate. */
static void test_rate_at_default_speed(void **state)
{
	struct rig *r = *state;
	struct irq_line irq0 = { .set = record_irq, .ctx = r, .line = 0 };

	clock_init(&r->clk, CLOCK_DEFAULT_IPS, &r->insns);
	bus_init(&r->bus);
	assert_int_equal(pit_init(&r->pit, &r->bus, &r->clk, irq0), 0);
	out8(r, 0x43, 0x36); /* mode 3, count 0 = 65536: 18.2065 Hz */
	write16(r, 0x40, 0);
	run_by_deadlines(r, 10 * CLOCK_DEFAULT_IPS);
	assert_int_equal(r->nrise, 1 + 182);

	out8(r, 0x43, 0x34); /* mode 2, 11932: 99.9985 Hz, for one second */
	write16(r, 0x40, 11932);
	r->nrise = 0;
	run_by_deadlines(r, r->insns + CLOCK_DEFAULT_IPS);
	assert_int_equal(r->nrise, 99);
}

/* If the board looks late, the pulse that came and went is not lost. */
static void test_late_timer_still_gives_an_edge(void **state)
{
	struct rig *r = *state;

	out8(r, 0x43, 0x34);
	write16(r, 0x40, 100);
	r->insns = 150;
	clock_fire_due(&r->clk);
	assert_int_equal(r->nrise, 2);
	assert_int_equal(r->nfall, 1);
	assert_int_equal(r->level, 1);
}

/* Mode 0: OUT low from the control word; high N+1 clocks after the count is
 * written, and it stays high while the counter wraps on. */
static void test_mode0_terminal_count(void **state)
{
	struct rig *r = *state;

	run_to(r, 10);
	out8(r, 0x43, 0x30);
	write16(r, 0x40, 50);
	assert_int_equal(r->level, 0);
	run_to(r, 11);
	assert_int_equal(read16(r, 0x40), 50);
	run_to(r, 40);
	assert_int_equal(read16(r, 0x40), 21);
	run_to(r, 60);
	assert_int_equal(r->level, 0);
	step(r, 1);
	assert_int_equal(r->level, 1);
	assert_int_equal(r->rise[0], 61);
	run_to(r, 63);
	assert_int_equal(read16(r, 0x40), 0xFFFE);
	run_to(r, 70000);
	assert_int_equal(r->nrise, 1);
	/* A new count starts again: OUT low at once. */
	write16(r, 0x40, 5);
	assert_int_equal(r->level, 0);
	run_to(r, 70006);
	assert_int_equal(r->level, 1);
}

/* Mode 4: OUT high; one clock low when the count expires. */
static void test_mode4_strobe(void **state)
{
	struct rig *r = *state;

	out8(r, 0x43, 0x38);
	assert_int_equal(r->nrise, 1);
	write16(r, 0x40, 20);
	run_to(r, 100);
	assert_int_equal(r->nfall, 1);
	assert_int_equal(r->fall[0], 21);
	assert_int_equal(r->rise[1], 22);
	assert_int_equal(r->nrise, 2);
}

/* Mode 3 on channel 2, read through port 0x61 bit 5: an even count is high
 * for N/2 and low for N/2, an odd count high for (N+1)/2, low for (N-1)/2. */
static void test_mode3_square_wave_out2(void **state)
{
	struct rig *r = *state;
	int high = 0;

	out8(r, 0x61, 0x03); /* gate 2 on, speaker on */
	out8(r, 0x43, 0xB6);
	assert_false(pit_speaker_on(&r->pit));
	write16(r, 0x42, 10);
	assert_true(pit_speaker_on(&r->pit));
	for (int t = 1; t <= 10; t++) {
		run_to(r, (uint64_t)t);
		assert_int_equal(out2(r), t <= 5);
	}
	run_to(r, 11);
	assert_true(out2(r));

	write16(r, 0x42, 7); /* takes over at the end of this half-cycle */
	run_to(r, 16);
	assert_false(out2(r));
	for (int t = 16; t < 16 + 70; t++) {
		run_to(r, (uint64_t)t);
		high += out2(r);
	}
	assert_int_equal(high, 40);

	/* Gate low: OUT high at once, counting stops. */
	run_to(r, 88);
	assert_false(out2(r));
	out8(r, 0x61, 0x02);
	assert_true(out2(r));
	assert_false(pit_speaker_on(&r->pit));
	run_to(r, 200);
	assert_true(out2(r));
	/* Gate high reloads on the next clock and starts a high half. */
	out8(r, 0x61, 0x03);
	run_to(r, 204);
	assert_true(out2(r));
	run_to(r, 205);
	assert_false(out2(r));
}

/* The mode 3 count steps by two. */
static void test_mode3_count_steps_by_two(void **state)
{
	struct rig *r = *state;

	out8(r, 0x43, 0x36);
	write16(r, 0x40, 8);
	run_to(r, 1);
	assert_int_equal(read16(r, 0x40), 8);
	run_to(r, 2);
	assert_int_equal(read16(r, 0x40), 6);
	run_to(r, 5);
	assert_int_equal(read16(r, 0x40), 8);
}

/* Mode 1 on channel 2: the gate's rising edge triggers; OUT low from the
 * next clock for N clocks; a new trigger restarts it. */
static void test_mode1_one_shot(void **state)
{
	struct rig *r = *state;

	out8(r, 0x43, 0xB2);
	write16(r, 0x42, 5);
	assert_true(out2(r));
	run_to(r, 10);
	assert_true(out2(r));
	out8(r, 0x61, 0x01);
	assert_true(out2(r));
	run_to(r, 11);
	assert_false(out2(r));
	run_to(r, 15);
	assert_false(out2(r));
	run_to(r, 16);
	assert_true(out2(r));
	out8(r, 0x61, 0x00);
	out8(r, 0x61, 0x01); /* retrigger */
	run_to(r, 17);
	assert_false(out2(r));
	run_to(r, 22);
	assert_true(out2(r));
}

/* Counter latch: the count at the latch command is held until read, even
 * though the counter goes on; a second latch before reading is ignored. */
static void test_counter_latch(void **state)
{
	struct rig *r = *state;

	out8(r, 0x43, 0x34);
	write16(r, 0x40, 1000);
	run_to(r, 101);
	out8(r, 0x43, 0x00);
	run_to(r, 151);
	out8(r, 0x43, 0x00);
	assert_int_equal(read16(r, 0x40), 900);
	assert_int_equal(read16(r, 0x40), 850); /* live again */
	run_to(r, 161);
	assert_int_equal(read16(r, 0x40), 840);
	/* Latched in the middle of an LSB/MSB pair: bytes keep their order. */
	out8(r, 0x43, 0x00);
	assert_int_equal(in8(r, 0x40), 840 & 0xFF);
	run_to(r, 300);
	assert_int_equal(in8(r, 0x40), 840 >> 8);
}

/* LSB-only and MSB-only access. */
static void test_byte_access_modes(void **state)
{
	struct rig *r = *state;

	out8(r, 0x43, 0x50); /* channel 1, LSB only, mode 0 */
	out8(r, 0x41, 0x20);
	run_to(r, 3);
	assert_int_equal(in8(r, 0x41), 0x1E);
	assert_int_equal(in8(r, 0x41), 0x1E);
	out8(r, 0x43, 0x60); /* MSB only: the count is 0x0300 */
	out8(r, 0x41, 0x03);
	run_to(r, 4);
	assert_int_equal(in8(r, 0x41), 0x03);
	run_to(r, 5);
	assert_int_equal(in8(r, 0x41), 0x02);
	/* The control word register does not read back. */
	assert_int_equal(in8(r, 0x43), 0xFF);
}

/* Read-back: status (OUT, null count, RW, mode, BCD) then the count, for
 * several channels with one command. */
static void test_read_back(void **state)
{
	struct rig *r = *state;

	out8(r, 0x43, 0x76);                  /* channel 1, LSB/MSB, mode 3, binary */
	out8(r, 0x43, 0xE4);                  /* status of channel 1 */
	assert_int_equal(in8(r, 0x41), 0xF6); /* OUT 1, null count 1 */
	write16(r, 0x41, 1000);
	out8(r, 0x43, 0xE4);
	assert_int_equal(in8(r, 0x41), 0xF6); /* not loaded until the next clock */
	run_to(r, 1);
	out8(r, 0x43, 0xE4);
	assert_int_equal(in8(r, 0x41), 0xB6);

	out8(r, 0x43, 0x30); /* channel 0, mode 0 */
	write16(r, 0x40, 100);
	run_to(r, 11);
	out8(r, 0x43, 0xC2 | 0x04); /* status and count of channels 0 and 1 */
	run_to(r, 20);
	assert_int_equal(in8(r, 0x40), 0x30); /* OUT 0, loaded, LSB/MSB, mode 0 */
	assert_int_equal(read16(r, 0x40), 91);
	assert_int_equal(in8(r, 0x41), 0xB6); /* first half of 1000: OUT high */
	assert_int_equal(read16(r, 0x41), 1000 - 2 * 10);
	/* Count only (bit 4 set). */
	out8(r, 0x43, 0xD2);
	assert_int_equal(read16(r, 0x40), 82);
}

/* BCD counting: four decades, 0 means 10000. */
static void test_bcd(void **state)
{
	struct rig *r = *state;

	out8(r, 0x43, 0x31);
	write16(r, 0x40, 0x0100);
	run_to(r, 11);
	assert_int_equal(read16(r, 0x40), 0x0090);
	run_to(r, 101);
	assert_int_equal(r->level, 1);
	assert_int_equal(read16(r, 0x40), 0x0000);
	run_to(r, 102);
	assert_int_equal(read16(r, 0x40), 0x9999);

	write16(r, 0x40, 0x0000); /* 10000 */
	run_to(r, 103);
	assert_int_equal(read16(r, 0x40), 0x0000);
	run_to(r, 104);
	assert_int_equal(read16(r, 0x40), 0x9999);
	run_to(r, 102 + 10000);
	assert_int_equal(r->level, 0);
	step(r, 1);
	assert_int_equal(r->level, 1);
}

/* Count 0 in binary is 65536. */
static void test_binary_zero_is_65536(void **state)
{
	struct rig *r = *state;

	out8(r, 0x43, 0x34);
	write16(r, 0x40, 0);
	run_to(r, 70000);
	assert_int_equal(r->nrise, 2);
	assert_int_equal(r->rise[1], 1 + 65536);
}

/* Port 0x61: bits 0-3 as written, refresh toggling every 15 us, OUT2. */
static void test_port_b(void **state)
{
	struct rig *r = *state;

	out8(r, 0x61, 0xFC);
	assert_int_equal(in8(r, 0x61) & 0x0F, 0x0C);
	assert_int_equal(in8(r, 0x61) & 0x10, 0);
	run_to(r, 18); /* 15.09 us */
	assert_int_equal(in8(r, 0x61) & 0x10, 0x10);
	run_to(r, 36); /* 30.17 us */
	assert_int_equal(in8(r, 0x61) & 0x10, 0);
	assert_int_equal(in8(r, 0x61) & 0xC0, 0);
}

static void test_ports_taken(void **state)
{
	struct rig *r = *state;
	struct pit other;

	assert_int_equal(pit_init(&other, &r->bus, &r->clk, (struct irq_line){ 0 }), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_mode2_rate_generator_irq0, setup, teardown),
		cmocka_unit_test_setup_teardown(test_late_timer_still_gives_an_edge, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_mode2_new_count_at_period_end, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_rate_at_default_speed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mode0_terminal_count, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mode4_strobe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mode3_square_wave_out2, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mode3_count_steps_by_two, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mode1_one_shot, setup, teardown),
		cmocka_unit_test_setup_teardown(test_counter_latch, setup, teardown),
		cmocka_unit_test_setup_teardown(test_byte_access_modes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bcd, setup, teardown),
		cmocka_unit_test_setup_teardown(test_binary_zero_is_65536, setup, teardown),
		cmocka_unit_test_setup_teardown(test_port_b, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ports_taken, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
