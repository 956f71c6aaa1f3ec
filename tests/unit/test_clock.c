/*
 * tests/unit/test_clock.c — virtual guest time: derived from the
 * instruction count at the configured rate, moved ahead while the CPU is
 * halted, and the deadline list devices post their events to.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "clock.h"

struct counter {
	int fired;
	struct clock *clock;
	int id;
	uint64_t period;
};

static void fire(void *ctx)
{
	struct counter *k = ctx;

	k->fired++;
	if (k->period)
		clock_arm(k->clock, k->id, clock_ns(k->clock) + k->period);
}

static void test_clock_time_follows_the_instruction_count(void **state)
{
	uint64_t insns = 0;
	struct clock c;

	(void)state;
	clock_init(&c, 1000000, &insns); /* 1 MIPS: one instruction per microsecond */
	assert_int_equal(clock_ns(&c), 0);
	insns = 1500;
	assert_int_equal(clock_ns(&c), 1500000);
	insns = 4000000000000ull; /* 4e12 instructions: no overflow */
	assert_int_equal(clock_ns(&c), 4000000000000000ull);
}

static void test_clock_default_rate_when_zero(void **state)
{
	uint64_t insns = CLOCK_DEFAULT_IPS;
	struct clock c;

	(void)state;
	clock_init(&c, 0, &insns);
	assert_int_equal(clock_ns(&c), 1000000000u);
}

static void test_clock_timers_fire_when_due_and_rearm(void **state)
{
	uint64_t insns = 0;
	struct clock c;
	struct counter k = { 0 };

	(void)state;
	clock_init(&c, 1000000, &insns);
	k.clock = &c;
	k.id = clock_add_timer(&c, fire, &k);
	assert_true(k.id >= 0);
	assert_int_equal(clock_next(&c), UINT64_MAX);
	k.period = 10000; /* 10 us */
	clock_arm(&c, k.id, 10000);
	assert_int_equal(clock_next(&c), 10000);
	assert_int_equal(clock_insns_until(&c, 10000), 10);
	insns = 9;
	clock_fire_due(&c);
	assert_int_equal(k.fired, 0);
	insns = 10;
	clock_fire_due(&c);
	assert_int_equal(k.fired, 1);
	assert_int_equal(clock_next(&c), 20000);
	clock_disarm(&c, k.id);
	assert_int_equal(clock_next(&c), UINT64_MAX);
}

/* A halted CPU retires no instructions: time jumps to the next deadline. */
static void test_clock_skips_idle_time(void **state)
{
	uint64_t insns = 100;
	struct clock c;

	(void)state;
	clock_init(&c, 1000000, &insns);
	clock_skip_to(&c, 5000000);
	assert_int_equal(clock_ns(&c), 5000000);
	clock_skip_to(&c, 1000); /* never backwards */
	assert_int_equal(clock_ns(&c), 5000000);
	insns = 101;
	assert_int_equal(clock_ns(&c), 5001000);
}

/* A deadline armed during a slice that falls before the slice's end cuts
 * the slice there; a later one leaves it alone. */
static void test_clock_arm_shortens_the_running_slice(void **state)
{
	uint64_t insns = 1000, budget = 1u << 20;
	struct clock c;
	struct counter k = { 0 };
	int t;

	(void)state;
	clock_init(&c, 1000000, &insns); /* one instruction a microsecond */
	clock_bind_budget(&c, &budget);
	t = clock_add_timer(&c, fire, &k);
	clock_arm(&c, t, clock_ns(&c) + 2000000); /* 2000 instructions on */
	assert_int_equal(budget, 2000);
	clock_arm(&c, t, clock_ns(&c) + 5000000);
	assert_int_equal(budget, 2000);
	budget = 0; /* between slices: nothing to cut */
	clock_arm(&c, t, clock_ns(&c) + 1000);
	assert_int_equal(budget, 0);
}

static void test_clock_has_a_bounded_timer_table(void **state)
{
	uint64_t insns = 0;
	struct clock c;
	struct counter k = { 0 };

	(void)state;
	clock_init(&c, 1000000, &insns);
	for (int i = 0; i < CLOCK_MAX_TIMERS; i++)
		assert_int_equal(clock_add_timer(&c, fire, &k), i);
	assert_int_equal(clock_add_timer(&c, fire, &k), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clock_time_follows_the_instruction_count),
		cmocka_unit_test(test_clock_default_rate_when_zero),
		cmocka_unit_test(test_clock_timers_fire_when_due_and_rearm),
		cmocka_unit_test(test_clock_skips_idle_time),
		cmocka_unit_test(test_clock_arm_shortens_the_running_slice),
		cmocka_unit_test(test_clock_has_a_bounded_timer_table),
	};
	return cmocka_run_group_tests_name("clock", tests, NULL, NULL);
}
