/*
 * tests/unit/test_bus.c — the port bus (claims, dispatch, width splitting,
 * unclaimed ports, counters) and the debug console / exit port devices.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "bus.h"
#include "debugcon.h"

/* ---- a recording device ---- */

struct cycle {
	char dir; /* 'r' or 'w' */
	uint16_t port;
	uint32_t val;
	int size;
};

/* Records every cycle; a read of relative port p answers 'base + p' for
 * bytes and 'base + 0x100 * size + p' for wider reads. */
struct recorder {
	uint32_t base;
	int n;
	struct cycle log[16];
};

static uint32_t recorder_answer(const struct recorder *r, uint16_t port, int size)
{
	return size == 1 ? r->base + port : r->base + 0x100u * (uint32_t)size + port;
}

static uint32_t recorder_read(void *dev, uint16_t port, int size)
{
	struct recorder *r = dev;
	uint32_t v = recorder_answer(r, port, size);
	assert_true(r->n < 16);
	r->log[r->n++] = (struct cycle){ 'r', port, v, size };
	return v;
}

static void recorder_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct recorder *r = dev;
	assert_true(r->n < 16);
	r->log[r->n++] = (struct cycle){ 'w', port, val, size };
}

static const struct port_ops recorder_ops = { recorder_read, recorder_write };

static void assert_cycle(const struct recorder *r, int i, char dir, uint16_t port, uint32_t val,
                         int size)
{
	assert_true(i < r->n);
	assert_int_equal(r->log[i].dir, dir);
	assert_int_equal(r->log[i].port, port);
	assert_int_equal(r->log[i].val, val);
	assert_int_equal(r->log[i].size, size);
}

static int setup_bus(void **state)
{
	struct bus *b = malloc(sizeof(*b));
	if (!b)
		return -1;
	bus_init(b);
	*state = b;
	return 0;
}

static int teardown_bus(void **state)
{
	free(*state);
	return 0;
}

/* ---- claims ---- */

static void test_bus_in_out_pass_port_relative_to_range_start(void **state)
{
	struct bus *b = *state;
	struct recorder dev = { .base = 0x40 };
	assert_int_equal(bus_map(b, 0x60, 5, "kbd", &recorder_ops, &dev, IO_8), 0);

	assert_int_equal(bus_in(b, 0x64, 1), 0x44);
	bus_out(b, 0x60, 0xAD, 1);
	assert_int_equal(dev.n, 2);
	assert_cycle(&dev, 0, 'r', 4, 0x44, 1);
	assert_cycle(&dev, 1, 'w', 0, 0xAD, 1);

	const struct bus_range *r = bus_owner(b, 0x62);
	assert_non_null(r);
	assert_string_equal(r->name, "kbd");
	assert_int_equal(r->first, 0x60);
	assert_int_equal(r->count, 5);
	assert_int_equal(r->reads, 1);
	assert_int_equal(r->writes, 1);
	assert_null(bus_owner(b, 0x5F));
	assert_null(bus_owner(b, 0x65));
}

static void test_bus_map_overlap_rejected_including_partial(void **state)
{
	struct bus *b = *state;
	struct recorder dev = { 0 };
	assert_int_equal(bus_map(b, 0x20, 2, "pic", &recorder_ops, &dev, 0), 0);
	assert_int_equal(bus_map(b, 0x40, 4, "pit", &recorder_ops, &dev, 0), 0);

	assert_int_equal(bus_map(b, 0x20, 2, "same", &recorder_ops, &dev, 0), -1);
	assert_int_equal(bus_map(b, 0x3F, 2, "low end", &recorder_ops, &dev, 0), -1);
	assert_int_equal(bus_map(b, 0x43, 4, "high end", &recorder_ops, &dev, 0), -1);
	assert_int_equal(bus_map(b, 0x41, 1, "inside", &recorder_ops, &dev, 0), -1);
	assert_int_equal(bus_map(b, 0x30, 0x20, "around", &recorder_ops, &dev, 0), -1);
	assert_int_equal(b->nranges, 2);
	assert_null(bus_owner(b, 0x3F));

	assert_int_equal(bus_map(b, 0x22, 1, "adjacent", &recorder_ops, &dev, 0), 0);
	assert_int_equal(bus_map(b, 0x3F, 1, "adjacent", &recorder_ops, &dev, 0), 0);
	assert_int_equal(b->nranges, 4);
	assert_string_equal(bus_owner(b, 0x21)->name, "pic");
	assert_string_equal(bus_owner(b, 0x22)->name, "adjacent");
}

static void test_bus_map_empty_or_past_ffff_rejected(void **state)
{
	struct bus *b = *state;
	struct recorder dev = { .base = 0x10 };
	assert_int_equal(bus_map(b, 0x100, 0, "empty", &recorder_ops, &dev, 0), -1);
	assert_int_equal(bus_map(b, 0xFFFF, 2, "past end", &recorder_ops, &dev, 0), -1);
	assert_int_equal(bus_map(b, 0x0000, 0x10001, "too long", &recorder_ops, &dev, 0), -1);
	assert_int_equal(bus_map(b, 0x0001, 0xFFFFFFFF, "wraps", &recorder_ops, &dev, 0), -1);
	assert_int_equal(bus_map(b, 0x100, 1, "no ops", NULL, &dev, 0), -1);
	assert_int_equal(b->nranges, 0);
	assert_null(bus_owner(b, 0x0000));

	assert_int_equal(bus_map(b, 0xFFFF, 1, "last", &recorder_ops, &dev, 0), 0);
	assert_int_equal(bus_in(b, 0xFFFF, 1), 0x10);
	assert_string_equal(bus_owner(b, 0xFFFF)->name, "last");
	assert_null(bus_owner(b, 0xFFFE));
}

static void test_bus_map_whole_space_then_any_claim_rejected(void **state)
{
	struct bus *b = *state;
	struct recorder dev = { 0 };
	assert_int_equal(bus_map(b, 0, 0x10000, "all", &recorder_ops, &dev, 0), 0);
	assert_string_equal(bus_owner(b, 0xFFFF)->name, "all");
	assert_int_equal(bus_map(b, 0x80, 1, "post", &recorder_ops, &dev, 0), -1);
}

static void test_bus_map_full_table_rejected(void **state)
{
	struct bus *b = *state;
	struct recorder dev = { 0 };
	for (int i = 0; i < BUS_MAX_RANGES; i++)
		assert_int_equal(
		        bus_map(b, (uint16_t)(0x100 + 2 * i), 2, "r", &recorder_ops, &dev, 0), 0);
	assert_int_equal(bus_map(b, 0x400, 1, "one too many", &recorder_ops, &dev, 0), -1);
	assert_int_equal(b->nranges, BUS_MAX_RANGES);
	assert_null(bus_owner(b, 0x400));
	assert_ptr_equal(bus_owner(b, 0x17F), &b->range[BUS_MAX_RANGES - 1]);
}

/* ---- width splitting ---- */

static void test_bus_out16_to_byte_device_writes_low_then_high(void **state)
{
	struct bus *b = *state;
	struct recorder dev = { 0 };
	assert_int_equal(bus_map(b, 0x3F8, 8, "uart", &recorder_ops, &dev, IO_8), 0);
	bus_out(b, 0x3F8, 0xBEEF, 2);
	assert_int_equal(dev.n, 2);
	assert_cycle(&dev, 0, 'w', 0, 0xEF, 1);
	assert_cycle(&dev, 1, 'w', 1, 0xBE, 1);
	assert_int_equal(bus_owner(b, 0x3F8)->writes, 2);
}

static void test_bus_out32_to_byte_device_writes_four_bytes_in_order(void **state)
{
	struct bus *b = *state;
	struct recorder dev = { 0 };
	assert_int_equal(bus_map(b, 0x3F8, 8, "uart", &recorder_ops, &dev, 0), 0);
	bus_out(b, 0x3FA, 0x44332211, 4);
	assert_int_equal(dev.n, 4);
	assert_cycle(&dev, 0, 'w', 2, 0x11, 1);
	assert_cycle(&dev, 1, 'w', 3, 0x22, 1);
	assert_cycle(&dev, 2, 'w', 4, 0x33, 1);
	assert_cycle(&dev, 3, 'w', 5, 0x44, 1);
}

static void test_bus_in32_to_word_device_reads_two_words(void **state)
{
	struct bus *b = *state;
	struct recorder dev = { .base = 0x1000 };
	assert_int_equal(bus_map(b, 0x1F0, 8, "ata", &recorder_ops, &dev, IO_8 | IO_16), 0);
	/* words: 0x1000 + 0x200 + 0 and 0x1000 + 0x200 + 2 */
	assert_int_equal(bus_in(b, 0x1F0, 4), 0x12021200);
	assert_int_equal(dev.n, 2);
	assert_cycle(&dev, 0, 'r', 0, 0x1200, 2);
	assert_cycle(&dev, 1, 'r', 2, 0x1202, 2);
	assert_int_equal(bus_owner(b, 0x1F0)->reads, 2);
}

static void test_bus_in16_to_word_device_is_one_cycle(void **state)
{
	struct bus *b = *state;
	struct recorder dev = { .base = 0x1000 };
	assert_int_equal(bus_map(b, 0x1F0, 8, "ata", &recorder_ops, &dev, IO_16), 0);
	assert_int_equal(bus_in(b, 0x1F0, 2), 0x1200);
	assert_int_equal(bus_in(b, 0x1F7, 1), 0x07); /* passed through, cut to a byte */
	bus_out(b, 0x1F0, 0xCAFE, 2);
	assert_int_equal(dev.n, 3);
	assert_cycle(&dev, 0, 'r', 0, 0x1200, 2);
	assert_cycle(&dev, 1, 'r', 7, 0x1007, 1);
	assert_cycle(&dev, 2, 'w', 0, 0xCAFE, 2);
}

static void test_bus_in16_straddling_two_devices_each_gets_its_byte(void **state)
{
	struct bus *b = *state;
	struct recorder low = { .base = 0x10 };
	struct recorder high = { .base = 0x80 };
	assert_int_equal(bus_map(b, 0x70, 2, "low", &recorder_ops, &low, IO_8 | IO_16), 0);
	assert_int_equal(bus_map(b, 0x72, 2, "high", &recorder_ops, &high, IO_8 | IO_16), 0);

	assert_int_equal(bus_in(b, 0x71, 2), 0x8011);
	assert_int_equal(low.n, 1);
	assert_cycle(&low, 0, 'r', 1, 0x11, 1);
	assert_int_equal(high.n, 1);
	assert_cycle(&high, 0, 'r', 0, 0x80, 1);

	bus_out(b, 0x71, 0x5AA5, 2);
	assert_cycle(&low, 1, 'w', 1, 0xA5, 1);
	assert_cycle(&high, 1, 'w', 0, 0x5A, 1);
	assert_int_equal(b->unclaimed_reads + b->unclaimed_writes, 0);
}

static void test_bus_in16_half_unclaimed_reads_ff_in_that_half(void **state)
{
	struct bus *b = *state;
	struct recorder dev = { .base = 0x30 };
	assert_int_equal(bus_map(b, 0x81, 1, "dma page", &recorder_ops, &dev, 0), 0);
	assert_int_equal(bus_in(b, 0x80, 2), 0x30FF);
	assert_int_equal(bus_in(b, 0x81, 2), 0xFF30);
	assert_int_equal(b->unclaimed_reads, 2);
	assert_int_equal(dev.n, 2);
	assert_cycle(&dev, 0, 'r', 0, 0x30, 1);
}

/* ---- unclaimed ports ---- */

static void test_bus_unclaimed_reads_all_ones_by_size_and_counts(void **state)
{
	struct bus *b = *state;
	assert_int_equal(bus_in(b, 0x300, 1), 0xFF);
	assert_int_equal(bus_in(b, 0x300, 2), 0xFFFF);
	assert_int_equal(bus_in(b, 0x300, 4), 0xFFFFFFFF);
	assert_int_equal(b->unclaimed_reads, 3);
	assert_int_equal(b->unclaimed_writes, 0);
}

static void test_bus_unclaimed_writes_ignored_and_counted(void **state)
{
	struct bus *b = *state;
	struct recorder dev = { 0 };
	assert_int_equal(bus_map(b, 0x301, 1, "neighbour", &recorder_ops, &dev, 0), 0);
	bus_out(b, 0x300, 0x12, 1);
	bus_out(b, 0x2FE, 0x1234, 2);
	assert_int_equal(b->unclaimed_writes, 2);
	assert_int_equal(b->unclaimed_reads, 0);
	assert_int_equal(dev.n, 0);
	assert_int_equal(bus_owner(b, 0x301)->writes, 0);
}

static void test_bus_word_at_ffff_wraps_to_port_zero(void **state)
{
	struct bus *b = *state;
	struct recorder top = { .base = 0xA0 };
	struct recorder bottom = { .base = 0xB0 };
	assert_int_equal(bus_map(b, 0xFFFF, 1, "top", &recorder_ops, &top, 0), 0);
	assert_int_equal(bus_map(b, 0x0000, 1, "bottom", &recorder_ops, &bottom, 0), 0);
	assert_int_equal(bus_in(b, 0xFFFF, 2), 0xB0A0);
	assert_int_equal(top.n, 1);
	assert_int_equal(bottom.n, 1);
}

/* ---- debug console and exit port ---- */

struct sink_log {
	int n;
	uint8_t bytes[32];
};

static void sink_record(void *ctx, uint8_t byte)
{
	struct sink_log *s = ctx;
	assert_true(s->n < 32);
	s->bytes[s->n++] = byte;
}

static void test_debugcon_bytes_reach_sink_in_order(void **state)
{
	struct bus *b = *state;
	struct debugcon con;
	struct sink_log sink = { 0 };
	assert_int_equal(debugcon_init(&con, b, sink_record, &sink), 0);
	const char *msg = "ok\n";
	for (const char *p = msg; *p; p++)
		bus_out(b, DEBUGCON_PORT, (uint8_t)*p, 1);
	assert_int_equal(sink.n, 3);
	assert_memory_equal(sink.bytes, "ok\n", 3);
	assert_int_equal(con.bytes, 3);
	assert_string_equal(bus_owner(b, 0xE9)->name, "debugcon");
}

static void test_debugcon_read_returns_e9(void **state)
{
	struct bus *b = *state;
	struct debugcon con;
	assert_int_equal(debugcon_init(&con, b, NULL, NULL), 0);
	assert_int_equal(bus_in(b, DEBUGCON_PORT, 1), 0xE9);
	assert_int_equal(con.bytes, 0);
}

static void test_debugcon_word_write_low_byte_to_sink_high_byte_unclaimed(void **state)
{
	struct bus *b = *state;
	struct debugcon con;
	struct sink_log sink = { 0 };
	assert_int_equal(debugcon_init(&con, b, sink_record, &sink), 0);
	bus_out(b, DEBUGCON_PORT, 0x4241, 2);
	assert_int_equal(sink.n, 1);
	assert_int_equal(sink.bytes[0], 0x41);
	assert_int_equal(b->unclaimed_writes, 1);
	assert_null(bus_owner(b, 0xEA));
}

static void test_debugcon_null_sink_drops_bytes_but_counts_them(void **state)
{
	struct bus *b = *state;
	struct debugcon con;
	assert_int_equal(debugcon_init(&con, b, NULL, NULL), 0);
	bus_out(b, DEBUGCON_PORT, 'x', 1);
	bus_out(b, DEBUGCON_PORT, 'y', 1);
	assert_int_equal(con.bytes, 2);
	assert_int_equal(debugcon_init(&con, b, NULL, NULL), -1); /* port taken */
}

struct exit_log {
	int calls;
	int status;
};

static void exit_record(void *ctx, int status)
{
	struct exit_log *e = ctx;
	e->calls++;
	e->status = status;
}

static void test_exitport_write_calls_on_exit_with_byte(void **state)
{
	struct bus *b = *state;
	struct exitport ex;
	struct exit_log log = { 0 };
	assert_int_equal(exitport_init(&ex, b, exit_record, &log), 0);
	bus_out(b, EXIT_PORT, 0x2A, 1);
	assert_int_equal(log.calls, 1);
	assert_int_equal(log.status, 42);
	bus_out(b, EXIT_PORT, 0x0100, 2); /* low byte 0 to F4, high byte to F5 */
	assert_int_equal(log.calls, 2);
	assert_int_equal(log.status, 0);
	assert_int_equal(b->unclaimed_writes, 1);
}

static void test_exitport_read_returns_ff_without_exit(void **state)
{
	struct bus *b = *state;
	struct exitport ex;
	struct exit_log log = { 0 };
	assert_int_equal(exitport_init(&ex, b, exit_record, &log), 0);
	assert_int_equal(bus_in(b, EXIT_PORT, 1), 0xFF);
	assert_int_equal(log.calls, 0);
	assert_string_equal(bus_owner(b, 0xF4)->name, "exit");
}

#define BUS_TEST(fn) cmocka_unit_test_setup_teardown(fn, setup_bus, teardown_bus)

int main(void)
{
	const struct CMUnitTest tests[] = {
		BUS_TEST(test_bus_in_out_pass_port_relative_to_range_start),
		BUS_TEST(test_bus_map_overlap_rejected_including_partial),
		BUS_TEST(test_bus_map_empty_or_past_ffff_rejected),
		BUS_TEST(test_bus_map_whole_space_then_any_claim_rejected),
		BUS_TEST(test_bus_map_full_table_rejected),
		BUS_TEST(test_bus_out16_to_byte_device_writes_low_then_high),
		BUS_TEST(test_bus_out32_to_byte_device_writes_four_bytes_in_order),
		BUS_TEST(test_bus_in32_to_word_device_reads_two_words),
		BUS_TEST(test_bus_in16_to_word_device_is_one_cycle),
		BUS_TEST(test_bus_in16_straddling_two_devices_each_gets_its_byte),
		BUS_TEST(test_bus_in16_half_unclaimed_reads_ff_in_that_half),
		BUS_TEST(test_bus_unclaimed_reads_all_ones_by_size_and_counts),
		BUS_TEST(test_bus_unclaimed_writes_ignored_and_counted),
		BUS_TEST(test_bus_word_at_ffff_wraps_to_port_zero),
		BUS_TEST(test_debugcon_bytes_reach_sink_in_order),
		BUS_TEST(test_debugcon_read_returns_e9),
		BUS_TEST(test_debugcon_word_write_low_byte_to_sink_high_byte_unclaimed),
		BUS_TEST(test_debugcon_null_sink_drops_bytes_but_counts_them),
		BUS_TEST(test_exitport_write_calls_on_exit_with_byte),
		BUS_TEST(test_exitport_read_returns_ff_without_exit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
