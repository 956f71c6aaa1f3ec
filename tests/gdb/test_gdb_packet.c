/*
 * tests/gdb/test_gdb_packet.c — the gdb stub's framing layer without a
 * socket: packets split anywhere, checksums, resync on '$', the size bound,
 * Ctrl-C, binary escapes and hex parsing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "gdb_packet.h"

/* Feed 's' and return the last event that was not GDB_RX_NONE. */
static enum gdb_rx_event feed(struct gdb_rx *rx, const char *s, size_t n)
{
	enum gdb_rx_event last = GDB_RX_NONE;

	for (size_t i = 0; i < n; i++) {
		enum gdb_rx_event ev = gdb_rx_byte(rx, (uint8_t)s[i]);
		if (ev != GDB_RX_NONE)
			last = ev;
	}
	return last;
}

#define FEED(rx, lit) feed(rx, lit, sizeof lit - 1)

static void test_a_packet_with_a_good_checksum(void **state)
{
	struct gdb_rx rx;

	(void)state;
	gdb_rx_init(&rx);
	assert_int_equal(FEED(&rx, "$m7c00,4#"), GDB_RX_NONE); /* split before the checksum */
	assert_int_equal(FEED(&rx, "c7"), GDB_RX_PACKET);
	assert_string_equal(rx.buf, "m7c00,4");
	assert_int_equal(FEED(&rx, "$?#3F"), GDB_RX_PACKET); /* either case of hex */
	assert_string_equal(rx.buf, "?");
}

static void test_bad_checksums_are_reported(void **state)
{
	struct gdb_rx rx;

	(void)state;
	gdb_rx_init(&rx);
	assert_int_equal(FEED(&rx, "$?#40"), GDB_RX_BAD_CSUM);
	assert_int_equal(FEED(&rx, "$?#g3"), GDB_RX_BAD_CSUM);
	assert_int_equal(FEED(&rx, "$?#3f"), GDB_RX_PACKET); /* and the stream is in step */
}

static void test_acks_interrupt_and_noise_between_packets(void **state)
{
	struct gdb_rx rx;

	(void)state;
	gdb_rx_init(&rx);
	assert_int_equal(FEED(&rx, "+"), GDB_RX_ACK);
	assert_int_equal(FEED(&rx, "-"), GDB_RX_NACK);
	assert_int_equal(FEED(&rx, "\x03"), GDB_RX_INTERRUPT);
	assert_int_equal(FEED(&rx, "junk\r\n"), GDB_RX_NONE);
	assert_int_equal(FEED(&rx, "$\x03#03"), GDB_RX_PACKET); /* 0x03 inside is data */
}

static void test_a_truncated_packet_is_dropped_at_the_next_dollar(void **state)
{
	struct gdb_rx rx;

	(void)state;
	gdb_rx_init(&rx);
	assert_int_equal(FEED(&rx, "$m7c00,4$g#67"), GDB_RX_PACKET);
	assert_string_equal(rx.buf, "g");
}

static void test_an_overlong_packet_is_refused_whole(void **state)
{
	static char big[GDB_PACKET_MAX + 100];
	struct gdb_rx rx;
	uint8_t sum = 0;
	char tail[4];

	(void)state;
	gdb_rx_init(&rx);
	memset(big, 'a', sizeof big);
	for (size_t i = 0; i < sizeof big; i++)
		sum = (uint8_t)(sum + 'a');
	assert_int_equal(gdb_rx_byte(&rx, '$'), GDB_RX_NONE);
	assert_int_equal(feed(&rx, big, sizeof big), GDB_RX_NONE);
	snprintf(tail, sizeof tail, "#%02x", sum);
	assert_int_equal(feed(&rx, tail, 3), GDB_RX_OVERLONG);
	assert_true(rx.len <= GDB_PACKET_MAX);
	assert_int_equal(FEED(&rx, "$?#3f"), GDB_RX_PACKET);
}

static void test_frame_adds_the_checksum(void **state)
{
	char out[16];

	(void)state;
	assert_int_equal(gdb_frame(out, sizeof out, "OK", 2), 6);
	assert_memory_equal(out, "$OK#9a", 6);
	assert_int_equal(gdb_frame(out, sizeof out, "", 0), 4);
	assert_memory_equal(out, "$#00", 4);
	assert_int_equal(gdb_frame(out, 5, "OK", 2), 0); /* does not fit */
}

static void test_escape_binary_data(void **state)
{
	static const uint8_t in[] = { 'a', '#', '$', '}', '*', 'b' };
	char out[16];
	size_t used;

	(void)state;
	assert_int_equal(gdb_escape(out, sizeof out, in, sizeof in, &used), 10);
	assert_int_equal(used, sizeof in);
	assert_memory_equal(out,
	                    "a}\x03}\x04}]}\x0a"
	                    "b",
	                    10);
	/* no room for an escape pair: stop before it */
	assert_int_equal(gdb_escape(out, 2, in, sizeof in, &used), 1);
	assert_int_equal(used, 1);
}

static void test_hex_parsing(void **state)
{
	const char *p = "7C00,40:";
	uint32_t addr, len;
	uint64_t v;
	uint8_t bytes[2];
	char hex[4];

	(void)state;
	assert_true(gdb_parse_addr_len(&p, &addr, &len));
	assert_int_equal(addr, 0x7c00);
	assert_int_equal(len, 0x40);
	assert_string_equal(p, ":");
	p = "123456789,1";
	assert_false(gdb_parse_addr_len(&p, &addr, &len)); /* above 32 bits */
	p = ",1";
	assert_false(gdb_parse_hex(&p, &v));
	p = "11112222333344445";
	assert_false(gdb_parse_hex(&p, &v)); /* more than 64 bits */
	assert_true(gdb_unhex("beEF", bytes, 2));
	assert_int_equal(bytes[0], 0xbe);
	assert_int_equal(bytes[1], 0xef);
	assert_false(gdb_unhex("b", bytes, 1)); /* short */
	assert_false(gdb_unhex("zz", bytes, 1));
	gdb_hex(hex, bytes, 2);
	assert_memory_equal(hex, "beef", 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_packet_with_a_good_checksum),
		cmocka_unit_test(test_bad_checksums_are_reported),
		cmocka_unit_test(test_acks_interrupt_and_noise_between_packets),
		cmocka_unit_test(test_a_truncated_packet_is_dropped_at_the_next_dollar),
		cmocka_unit_test(test_an_overlong_packet_is_refused_whole),
		cmocka_unit_test(test_frame_adds_the_checksum),
		cmocka_unit_test(test_escape_binary_data),
		cmocka_unit_test(test_hex_parsing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
