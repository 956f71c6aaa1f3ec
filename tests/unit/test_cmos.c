/*
 * tests/unit/test_cmos.c — the MC146818 RTC and CMOS RAM through ports 0x70/0x71
 * with guest time from a test-controlled counter; also the POST-code port.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "bus.h"
#include "clock.h"
#include "cmos.h"
#include "debugcon.h"

#define SEC_NS   1000000000ull
#define LEAP_EVE 1709251198 /* 2024-02-29 23:59:58 UTC, a Thursday */

enum { SEC, ALARM_SEC, MIN, ALARM_MIN, HOUR, ALARM_HOUR, WDAY, MDAY, MON, YEAR };
enum { REG_A = 0x0A, REG_B, REG_C, REG_D, CENTURY = 0x32 };

struct rig {
	uint64_t insns; /* 1 instruction = 1 ns */
	struct clock clk;
	struct bus bus;
	struct cmos c;
	int level, rises;
};

static void rig_irq(void *ctx, int line, int level)
{
	struct rig *r = ctx;

	assert_int_equal(line, 8);
	if (level && !r->level)
		r->rises++;
	r->level = level;
}

static int setup(void **state)
{
	struct rig *r = calloc(1, sizeof *r);

	if (!r)
		return -1;
	clock_init(&r->clk, 1000000000u, &r->insns);
	bus_init(&r->bus);
	if (cmos_init(&r->c, &r->bus, &r->clk, (struct irq_line){ rig_irq, r, 8 }, LEAP_EVE))
		return -1;
	*state = r;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

static uint8_t rd(struct rig *r, uint8_t reg)
{
	bus_out(&r->bus, 0x70, reg, 1);
	return (uint8_t)bus_in(&r->bus, 0x71, 1);
}

static void wr(struct rig *r, uint8_t reg, uint8_t v)
{
	bus_out(&r->bus, 0x70, reg, 1);
	bus_out(&r->bus, 0x71, v, 1);
}

static void wait_ns(struct rig *r, uint64_t ns)
{
	r->insns += ns;
	clock_fire_due(&r->clk);
}

/* Run to 'until', firing each deadline on time as the board would, and
 * count interrupts, acknowledging each by reading C. */
static int count_irqs(struct rig *r, uint64_t until)
{
	int n = 0;

	for (;;) {
		uint64_t next = clock_next(&r->clk);
		if (next > until)
			break;
		r->insns = next;
		clock_fire_due(&r->clk);
		if (r->level) {
			n++;
			rd(r, REG_C);
		}
	}
	r->insns = until;
	return n;
}

static void assert_time(struct rig *r, uint8_t h, uint8_t m, uint8_t s)
{
	assert_int_equal(rd(r, HOUR), h);
	assert_int_equal(rd(r, MIN), m);
	assert_int_equal(rd(r, SEC), s);
}

static void test_power_on_registers(void **state)
{
	struct rig *r = *state;

	assert_int_equal(rd(r, REG_A), 0x26);
	assert_int_equal(rd(r, REG_B), 0x02);
	assert_int_equal(rd(r, REG_C), 0x00);
	assert_int_equal(rd(r, REG_D), 0x80);
	wr(r, REG_D, 0x00); /* read-only */
	assert_int_equal(rd(r, REG_D), 0x80);
	wr(r, 0x40, 0xA5);
	assert_int_equal(rd(r, 0x40), 0xA5);
	assert_int_equal(bus_in(&r->bus, 0x70, 1), 0xFF);
}

static void test_time_bcd(void **state)
{
	struct rig *r = *state;

	assert_time(r, 0x23, 0x59, 0x58);
	assert_int_equal(rd(r, WDAY), 5);
	assert_int_equal(rd(r, MDAY), 0x29);
	assert_int_equal(rd(r, MON), 0x02);
	assert_int_equal(rd(r, YEAR), 0x24);
	assert_int_equal(rd(r, CENTURY), 0x20);
	r->insns = 2 * SEC_NS; /* into March of a leap year */
	assert_time(r, 0x00, 0x00, 0x00);
	assert_int_equal(rd(r, WDAY), 6);
	assert_int_equal(rd(r, MDAY), 0x01);
	assert_int_equal(rd(r, MON), 0x03);
}

static void test_time_binary(void **state)
{
	struct rig *r = *state;

	wr(r, REG_B, 0x06);
	assert_time(r, 23, 59, 58);
	assert_int_equal(rd(r, MDAY), 29);
	assert_int_equal(rd(r, YEAR), 24);
	assert_int_equal(rd(r, CENTURY), 20);
}

static void test_time_12_hour(void **state)
{
	struct rig *r = *state;

	wr(r, REG_B, 0x00); /* 12-hour BCD: 11 PM */
	assert_int_equal(rd(r, HOUR), 0x91);
	wr(r, REG_B, 0x04); /* 12-hour binary */
	assert_int_equal(rd(r, HOUR), 0x8B);
	r->insns = 2 * SEC_NS; /* midnight reads 12 AM */
	assert_int_equal(rd(r, HOUR), 12);
	wr(r, HOUR, 0x80 | 12); /* 12 PM is noon */
	wr(r, REG_B, 0x06);
	assert_int_equal(rd(r, HOUR), 12);
}

static void test_century_rollover(void **state)
{
	struct rig *r = *state;

	cmos_init(&r->c, &r->bus, &r->clk, (struct irq_line){ 0 }, 946684799);
	assert_int_equal(rd(r, YEAR), 0x99);
	assert_int_equal(rd(r, CENTURY), 0x19);
	assert_int_equal(rd(r, WDAY), 6);
	r->insns = SEC_NS;
	assert_int_equal(rd(r, YEAR), 0x00);
	assert_int_equal(rd(r, CENTURY), 0x20);
	assert_int_equal(rd(r, MON), 0x01);
	assert_int_equal(rd(r, WDAY), 7);
}

/* UIP is high for the 244 us before each update and low otherwise. */
static void test_uip_window(void **state)
{
	struct rig *r = *state;

	r->insns = SEC_NS - 244001;
	assert_int_equal(rd(r, REG_A), 0x26);
	r->insns = SEC_NS - 244000;
	assert_int_equal(rd(r, REG_A), 0xA6);
	assert_int_equal(rd(r, SEC), 0x58);
	r->insns = SEC_NS - 1;
	assert_int_equal(rd(r, REG_A), 0xA6);
	r->insns = SEC_NS;
	assert_int_equal(rd(r, REG_A), 0x26);
	assert_int_equal(rd(r, SEC), 0x59);
	wr(r, REG_A, 0xA6); /* UIP is read-only */
	assert_int_equal(rd(r, REG_A), 0x26);
}

static void test_periodic_interrupt_rate(void **state)
{
	struct rig *r = *state;

	wr(r, REG_B, 0x42); /* PIE: rate 6 is 1024 Hz, 976562.5 ns */
	r->insns = 976562;
	clock_fire_due(&r->clk);
	assert_int_equal(r->level, 0);
	r->insns = 976563;
	clock_fire_due(&r->clk);
	assert_int_equal(r->level, 1);
	assert_int_equal(rd(r, REG_C), 0xC0);
	assert_int_equal(r->level, 0);
	assert_int_equal(count_irqs(r, SEC_NS + 976563), 1024);

	wr(r, REG_A, 0x2F); /* 2 Hz */
	assert_int_equal(count_irqs(r, 3 * SEC_NS + 976563), 4);
	wr(r, REG_A, 0x23); /* 8192 Hz */
	assert_int_equal(count_irqs(r, 4 * SEC_NS + 976563), 8192);
	wr(r, REG_A, 0x20); /* rate 0: none */
	assert_int_equal(count_irqs(r, 5 * SEC_NS), 0);
	assert_int_equal(clock_next(&r->clk), UINT64_MAX);
}

static void test_flags_without_enables(void **state)
{
	struct rig *r = *state;

	r->insns = SEC_NS; /* PF and UF without PIE/UIE: no IRQF, no interrupt */
	assert_int_equal(rd(r, REG_C), 0x50);
	assert_int_equal(rd(r, REG_C), 0x00);
	assert_int_equal(r->rises, 0);
	wr(r, REG_B, 0x12);
	assert_int_equal(clock_next(&r->clk), 2 * SEC_NS);
}

static void test_update_interrupt(void **state)
{
	struct rig *r = *state;

	wr(r, REG_B, 0x12); /* UIE */
	wait_ns(r, SEC_NS - 1);
	assert_int_equal(r->level, 0);
	wait_ns(r, 1);
	assert_int_equal(r->level, 1);
	assert_int_equal(rd(r, REG_C), 0xD0); /* PF runs at rate 6 without PIE */
	assert_int_equal(r->level, 0);
	wait_ns(r, SEC_NS);
	assert_int_equal(r->rises, 2);
}

static void test_alarm_interrupt(void **state)
{
	struct rig *r = *state;

	wr(r, ALARM_SEC, 0x01);
	wr(r, ALARM_MIN, 0x00);
	wr(r, ALARM_HOUR, 0x00);
	wr(r, REG_B, 0x22);     /* AIE */
	wait_ns(r, 2 * SEC_NS); /* 00:00:00 */
	assert_int_equal(r->level, 0);
	assert_int_equal(rd(r, REG_C), 0x50); /* PF and UF, neither enabled */
	wait_ns(r, SEC_NS);                   /* 00:00:01 */
	assert_int_equal(r->level, 1);
	assert_int_equal(rd(r, REG_C), 0xF0);
	assert_int_equal(r->level, 0);

	/* Don't-care hour and minute: once a minute at :30. */
	wr(r, ALARM_HOUR, 0xC0);
	wr(r, ALARM_MIN, 0xFF);
	wr(r, ALARM_SEC, 0x30);
	assert_int_equal(count_irqs(r, 3 * SEC_NS + 180 * SEC_NS), 3);

	/* An alarm passed while nobody looked is still flagged. */
	wr(r, REG_B, 0x02);
	r->insns += 3600ull * SEC_NS;
	assert_int_equal(rd(r, REG_C), 0x70);
}

static void test_set_stops_updates(void **state)
{
	struct rig *r = *state;

	wr(r, REG_B, 0x92); /* SET clears UIE */
	assert_int_equal(rd(r, REG_B), 0x82);
	r->insns = 5 * SEC_NS - 1000;
	assert_int_equal(rd(r, REG_A), 0x26); /* no UIP while SET */
	r->insns = 5 * SEC_NS;
	assert_time(r, 0x23, 0x59, 0x58);

	/* The guest sets Jan 31 one field at a time: no normalising meanwhile. */
	wr(r, MDAY, 0x31);
	wr(r, MON, 0x01);
	wr(r, YEAR, 0x25);
	wr(r, HOUR, 0x12);
	wr(r, MIN, 0x34);
	wr(r, SEC, 0x56);
	wr(r, WDAY, 6);
	r->insns = 5 * SEC_NS + 500000000u;
	wr(r, REG_B, 0x02);
	assert_time(r, 0x12, 0x34, 0x56);
	r->insns = 6 * SEC_NS; /* updates keep their phase */
	assert_time(r, 0x12, 0x34, 0x57);
	r->insns = 6 * SEC_NS + 12 * 3600ull * SEC_NS;
	assert_time(r, 0x00, 0x34, 0x57);
	assert_int_equal(rd(r, MDAY), 0x01);
	assert_int_equal(rd(r, MON), 0x02);
	assert_int_equal(rd(r, WDAY), 7);
}

/* IBM AT CMOS: 0x10 floppy types by nibble, 0x14 bits 7-6 drives - 1, bit 0
 * drives present, bits 5-4 00 for EGA/VGA; both inside the checksum. */
static void test_equipment_bytes(void **state)
{
	struct rig *r = *state;

	cmos_set_equipment(&r->c, 0x40); /* A: 1.44M */
	assert_int_equal(rd(r, 0x10), 0x40);
	assert_int_equal(rd(r, 0x14), 0x01);
	cmos_set_equipment(&r->c, 0x42); /* A: 1.44M, B: 1.2M */
	assert_int_equal(rd(r, 0x14), 0x41);
	cmos_set_memory(&r->c, 1u << 20);
	assert_int_equal(rd(r, 0x2E) << 8 | rd(r, 0x2F), 0x42 + 0x41 + 0x80 + 0x02);
	cmos_set_equipment(&r->c, 0x00);
	assert_int_equal(rd(r, 0x10), 0x00);
	assert_int_equal(rd(r, 0x14), 0x00);
}

static void test_divider_reset(void **state)
{
	struct rig *r = *state;

	wr(r, REG_A, 0x76); /* divider held in reset */
	r->insns = 10 * SEC_NS;
	assert_int_equal(rd(r, SEC), 0x58);
	wr(r, REG_A, 0x26); /* the first update half a second later */
	r->insns = 10 * SEC_NS + 500000000u - 1;
	assert_int_equal(rd(r, SEC), 0x58);
	r->insns = 10 * SEC_NS + 500000000u;
	assert_int_equal(rd(r, SEC), 0x59);
}

static void test_memory_bytes(void **state)
{
	struct rig *r = *state;

	cmos_set_memory(&r->c, 32u << 20);
	assert_int_equal(rd(r, 0x15) | rd(r, 0x16) << 8, 640);
	assert_int_equal(rd(r, 0x17) | rd(r, 0x18) << 8, 31744);
	assert_int_equal(rd(r, 0x30) | rd(r, 0x31) << 8, 31744);
	assert_int_equal(rd(r, 0x34) | rd(r, 0x35) << 8, 256);
	assert_int_equal(rd(r, 0x2E) << 8 | rd(r, 0x2F), 0x80 + 0x02 + 0x00 + 0x7C);

	wr(r, 0x10, 0x40); /* the checksum covers what the guest wrote too */
	cmos_set_memory(&r->c, 512u << 10);
	assert_int_equal(rd(r, 0x15) | rd(r, 0x16) << 8, 512);
	assert_int_equal(rd(r, 0x17) | rd(r, 0x18) << 8, 0);
	assert_int_equal(rd(r, 0x2E) << 8 | rd(r, 0x2F), 0x40 + 0x00 + 0x02);

	cmos_set_memory(&r->c, 128u << 20); /* 127 MB extended: capped at 0xFFFF KB */
	assert_int_equal(rd(r, 0x17) | rd(r, 0x18) << 8, 0xFFFF);
	assert_int_equal(rd(r, 0x2E) << 8 | rd(r, 0x2F), 0x40 + 0x80 + 0x02 + 0xFF + 0xFF);
}

static void test_nmi_mask(void **state)
{
	struct rig *r = *state;

	assert_false(cmos_nmi_masked(&r->c));
	bus_out(&r->bus, 0x70, 0x80 | REG_D, 1);
	assert_true(cmos_nmi_masked(&r->c));
	assert_int_equal(bus_in(&r->bus, 0x71, 1), 0x80); /* the index is the low 7 bits */
	bus_out(&r->bus, 0x70, REG_D, 1);
	assert_false(cmos_nmi_masked(&r->c));
}

static void test_save_and_load(void **state)
{
	struct rig *r = *state;
	uint8_t nv[CMOS_SIZE], again[CMOS_SIZE];
	struct cmos other;
	struct bus *b2 = calloc(1, sizeof *b2);

	assert_non_null(b2);
	bus_init(b2);
	wr(r, 0x40, 0x11);
	wr(r, ALARM_SEC, 0x07);
	wr(r, REG_B, 0x06);
	cmos_save(&r->c, nv);
	assert_int_equal(nv[SEC], 58);
	assert_int_equal(nv[0x40], 0x11);
	assert_int_equal(nv[REG_D], 0x80);

	assert_int_equal(cmos_init(&other, b2, &r->clk, (struct irq_line){ 0 }, LEAP_EVE + 60), 0);
	cmos_load(&other, nv);
	cmos_save(&other, again);
	assert_int_equal(again[0x40], 0x11);
	assert_int_equal(again[ALARM_SEC], 0x07);
	assert_int_equal(again[REG_B], 0x06);
	assert_int_equal(again[MIN], 0); /* time from power_on_time, now in binary */
	assert_int_equal(again[SEC], 58);
	clock_disarm(&r->clk, other.timer);
	free(b2);
}

/* ---- the POST-code port ---- */

struct post_log {
	uint8_t codes[8];
	int n;
};

static void post_sink(void *ctx, uint8_t code)
{
	struct post_log *l = ctx;

	if (l->n < 8)
		l->codes[l->n++] = code;
}

static void test_post_codes(void **state)
{
	struct rig *r = *state;
	struct postport p80, p190;
	struct post_log log = { 0 };

	assert_int_equal(postport_init(&p80, &r->bus, POST_PORT, post_sink, &log), 0);
	assert_int_equal(postport_init(&p190, &r->bus, 0x190, NULL, NULL), 0);
	assert_int_equal(bus_in(&r->bus, 0x80, 1), 0x00);
	bus_out(&r->bus, 0x80, 0x01, 1);
	bus_out(&r->bus, 0x80, 0x2B, 1);
	bus_out(&r->bus, 0x190, 0x77, 1);
	assert_int_equal(bus_in(&r->bus, 0x80, 1), 0x2B);
	assert_int_equal(p80.last, 0x2B);
	assert_int_equal(p80.count, 2);
	assert_int_equal(log.n, 2);
	assert_int_equal(log.codes[0], 0x01);
	assert_int_equal(log.codes[1], 0x2B);
	assert_int_equal(bus_in(&r->bus, 0x190, 1), 0x77);
	assert_int_equal(p190.count, 1);
	assert_int_equal(postport_init(&p190, &r->bus, 0x80, NULL, NULL), -1); /* taken */
}

/* --post-port: a second port shares the first one's display and sink. */
static void test_post_second_port(void **state)
{
	struct rig *r = *state;
	struct postport post;
	struct post_log log = { 0 };

	assert_int_equal(postport_init(&post, &r->bus, POST_PORT, post_sink, &log), 0);
	assert_int_equal(postport_add_port(&post, &r->bus, 0x84), 0);
	assert_int_equal(postport_add_port(&post, &r->bus, 0x80), -1); /* taken */
	bus_out(&r->bus, 0x84, 0x11, 1);
	bus_out(&r->bus, 0x80, 0x22, 1);
	bus_out(&r->bus, 0x84, 0x33, 1);
	assert_int_equal(post.count, 3);
	assert_int_equal(post.last, 0x33);
	assert_int_equal(bus_in(&r->bus, 0x80, 1), 0x33);
	assert_int_equal(log.n, 3);
	assert_int_equal(log.codes[0], 0x11);
	assert_int_equal(log.codes[1], 0x22);
	assert_int_equal(log.codes[2], 0x33);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_power_on_registers),
		T(test_time_bcd),
		T(test_time_binary),
		T(test_time_12_hour),
		T(test_century_rollover),
		T(test_uip_window),
		T(test_periodic_interrupt_rate),
		T(test_flags_without_enables),
		T(test_update_interrupt),
		T(test_alarm_interrupt),
		T(test_set_stops_updates),
		T(test_divider_reset),
		T(test_memory_bytes),
		T(test_equipment_bytes),
		T(test_nmi_mask),
		T(test_save_and_load),
		T(test_post_codes),
		T(test_post_second_port),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
