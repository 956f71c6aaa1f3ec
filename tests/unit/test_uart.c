/*
 * tests/unit/test_uart.c — the 16550A driven through the port bus as a guest
 * would, with guest time from a test-controlled instruction counter.
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
#include "uart.h"

#define COM1 0x3F8

enum { THR = 0, RBR = 0, DLL = 0, IER = 1, DLM = 1, IIR = 2, FCR = 2, LCR = 3, MCR = 4, LSR = 5 };
enum { MSR = 6, SCR = 7 };

/* Divisor 1 sends 10 bits at 115200 baud: 10e9 / 115200 ns, rounded. */
#define CHAR_NS 86806u

struct rig {
	uint64_t insns; /* 1 instruction = 1 ns (ips = 1e9) */
	struct clock clk;
	struct bus bus;
	struct uart u;
	int level, rises; /* the IRQ line and how many rising edges it made */
	uint8_t out[64];  /* bytes the backend received */
	int nout;
	const char *input; /* bytes the backend offers */
};

static void rig_irq(void *ctx, int line, int level)
{
	struct rig *r = ctx;

	assert_int_equal(line, 4);
	if (level && !r->level)
		r->rises++;
	r->level = level;
}

static void rig_write(void *ctx, uint8_t b)
{
	struct rig *r = ctx;

	assert_true(r->nout < 64);
	r->out[r->nout++] = b;
}

static int rig_read(void *ctx)
{
	struct rig *r = ctx;

	if (!r->input || !*r->input)
		return -1;
	return (uint8_t)*r->input++;
}

static int setup(void **state)
{
	struct rig *r = calloc(1, sizeof *r);
	struct uart_backend be = { rig_write, rig_read, NULL };

	if (!r)
		return -1;
	be.ctx = r;
	clock_init(&r->clk, 1000000000u, &r->insns);
	bus_init(&r->bus);
	if (uart_init(&r->u, &r->bus, COM1, "com1", &r->clk, (struct irq_line){ rig_irq, r, 4 },
	              &be))
		return -1;
	*state = r;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

static uint8_t in(struct rig *r, int reg)
{
	return (uint8_t)bus_in(&r->bus, (uint16_t)(COM1 + reg), 1);
}

static void out(struct rig *r, int reg, uint8_t v)
{
	bus_out(&r->bus, (uint16_t)(COM1 + reg), v, 1);
}

/* Guest time passes; the board fires due timers between slices. */
static void wait_ns(struct rig *r, uint64_t ns)
{
	r->insns += ns;
	clock_fire_due(&r->clk);
}

static void test_reset_values(void **state)
{
	struct rig *r = *state;

	assert_int_equal(in(r, IER), 0x00);
	assert_int_equal(in(r, IIR), 0x01);
	assert_int_equal(in(r, LCR), 0x00);
	assert_int_equal(in(r, MCR), 0x00);
	assert_int_equal(in(r, LSR), 0x60);
	assert_int_equal(in(r, MSR), 0xB0); /* a terminal is attached: CTS DSR DCD */
	out(r, SCR, 0x5A);
	assert_int_equal(in(r, SCR), 0x5A);
	assert_int_equal(bus_owner(&r->bus, COM1 + 7)->name, (uintptr_t) "com1");
}

static void test_divisor_latch(void **state)
{
	struct rig *r = *state;

	out(r, IER, 0x05);
	out(r, LCR, 0x83); /* DLAB, 8N1 */
	out(r, DLL, 0x0C);
	out(r, DLM, 0x00);
	assert_int_equal(in(r, DLL), 0x0C);
	assert_int_equal(in(r, DLM), 0x00);
	out(r, LCR, 0x03);
	assert_int_equal(in(r, IER), 0x05); /* the latch did not touch IER */
	assert_int_equal(r->u.divisor, 12);

	/* 9600 baud: a character takes 10e9 / 9600 ns = 1041667 ns. */
	out(r, THR, 'Z');
	assert_int_equal(in(r, LSR), 0x20); /* THR moved to the wire: THRE, not TEMT */
	wait_ns(r, 1041666);
	assert_int_equal(in(r, LSR), 0x20);
	assert_int_equal(r->nout, 0);
	wait_ns(r, 1);
	assert_int_equal(in(r, LSR), 0x60);
	assert_int_equal(r->nout, 1);
	assert_int_equal(r->out[0], 'Z');
}

static void test_output_paced_at_baud_rate(void **state)
{
	struct rig *r = *state;

	out(r, FCR, 0x07);
	out(r, THR, 'a');
	out(r, THR, 'b');
	out(r, THR, 'c');
	assert_int_equal(in(r, LSR), 0x00); /* two bytes wait in the FIFO */
	wait_ns(r, CHAR_NS);
	assert_int_equal(r->nout, 1);
	wait_ns(r, CHAR_NS);
	assert_int_equal(r->nout, 2);
	assert_int_equal(in(r, LSR), 0x20); /* the FIFO is empty, 'c' is on the wire */
	wait_ns(r, CHAR_NS);
	assert_int_equal(in(r, LSR), 0x60);
	assert_memory_equal(r->out, "abc", 3);

	/* Polling LSR without the timer firing sees the same thing. */
	out(r, THR, 'd');
	r->insns += CHAR_NS;
	assert_int_equal(in(r, LSR), 0x60);
	assert_int_equal(r->nout, 4);
}

static void test_no_fifo_holds_one_byte(void **state)
{
	struct rig *r = *state;

	out(r, THR, 'x'); /* straight onto the wire */
	out(r, THR, 'y'); /* waits in THR */
	assert_int_equal(in(r, LSR), 0x00);
	wait_ns(r, CHAR_NS);
	assert_int_equal(in(r, LSR), 0x20);
	wait_ns(r, CHAR_NS);
	assert_int_equal(in(r, LSR), 0x60);
	assert_memory_equal(r->out, "xy", 2);
}

static void test_loopback(void **state)
{
	struct rig *r = *state;

	out(r, MCR, 0x10);
	out(r, THR, 'A');
	assert_int_equal(in(r, LSR) & 0x01, 0);
	wait_ns(r, CHAR_NS);
	assert_int_equal(in(r, LSR), 0x61);
	assert_int_equal(in(r, RBR), 'A');
	assert_int_equal(in(r, LSR), 0x60);
	assert_int_equal(r->nout, 0); /* nothing left the chip */

	/* Input from outside is cut off in loopback. */
	uart_receive(&r->u, 'q');
	r->input = "q";
	uart_poll(&r->u);
	assert_int_equal(in(r, LSR) & 0x01, 0);
}

static void test_loopback_modem_lines(void **state)
{
	struct rig *r = *state;

	out(r, MCR, 0x10); /* all outputs low: CTS DSR DCD fall */
	assert_int_equal(in(r, MSR), 0x0B);
	assert_int_equal(in(r, MSR), 0x00); /* reading clears the deltas */
	out(r, MCR, 0x1F);                  /* RTS->CTS DTR->DSR OUT1->RI OUT2->DCD */
	assert_int_equal(in(r, MSR), 0xFB); /* RI rising sets no delta */
	out(r, MCR, 0x1B);                  /* OUT1 low: RI's trailing edge */
	assert_int_equal(in(r, MSR), 0xB4);
	assert_int_equal(in(r, MSR), 0xB0);
}

static void test_thre_interrupt(void **state)
{
	struct rig *r = *state;

	out(r, MCR, 0x08); /* OUT2 lets the interrupt through */
	out(r, IER, 0x02); /* THR is empty: the interrupt comes at once */
	assert_int_equal(r->level, 1);
	assert_int_equal(in(r, IIR), 0x02);
	assert_int_equal(r->level, 0); /* reading IIR with THRE as source cleared it */
	assert_int_equal(in(r, IIR), 0x01);

	out(r, THR, 'x'); /* to the wire at once: THR empty again, a new edge */
	assert_int_equal(r->level, 1);
	assert_int_equal(r->rises, 2);
	out(r, THR, 'y'); /* writing THR clears it; 'y' waits */
	assert_int_equal(r->level, 0);
	assert_int_equal(in(r, IIR), 0x01);
	wait_ns(r, CHAR_NS); /* 'x' gone, 'y' to the wire, THR empty */
	assert_int_equal(r->level, 1);
	assert_int_equal(in(r, IIR), 0x02);

	/* Re-enabling ETBEI with THR empty raises it again. */
	out(r, IER, 0x00);
	out(r, IER, 0x02);
	assert_int_equal(r->level, 1);
	out(r, IER, 0x00);
	assert_int_equal(r->level, 0);

	/* Without OUT2 the IIR shows it but the line stays low. */
	out(r, MCR, 0x00);
	out(r, IER, 0x02);
	assert_int_equal(r->level, 0);
	assert_int_equal(in(r, IIR), 0x02);
}

static void test_fifo_trigger_levels(void **state)
{
	struct rig *r = *state;
	static const int level[4] = { 1, 4, 8, 14 };

	out(r, MCR, 0x08);
	out(r, IER, 0x01);
	for (int sel = 0; sel < 4; sel++) {
		out(r, FCR, (uint8_t)(sel << 6 | 0x07));
		for (int i = 0; i < level[sel] - 1; i++)
			uart_receive(&r->u, (uint8_t)('a' + i));
		assert_int_equal(in(r, IIR), 0xC1);
		assert_int_equal(r->level, 0);
		uart_receive(&r->u, '!');
		assert_int_equal(in(r, IIR), 0xC4);
		assert_int_equal(r->level, 1);
		assert_int_equal(in(r, RBR), level[sel] == 1 ? '!' : 'a');
		assert_int_equal(in(r, IIR), 0xC1); /* below the trigger again */
		assert_int_equal(r->level, 0);
	}
	out(r, FCR, 0x00);
	assert_int_equal(in(r, IIR), 0x01);
	assert_int_equal(in(r, LSR) & 0x01, 0); /* leaving FIFO mode emptied it */
}

static void test_character_timeout(void **state)
{
	struct rig *r = *state;

	out(r, MCR, 0x08);
	out(r, IER, 0x01);
	out(r, FCR, 0x87); /* trigger 8 */
	uart_receive(&r->u, '1');
	uart_receive(&r->u, '2');
	wait_ns(r, 4 * CHAR_NS - 1);
	assert_int_equal(r->level, 0);
	assert_int_equal(in(r, IIR), 0xC1);
	wait_ns(r, 1);
	assert_int_equal(r->level, 1);
	assert_int_equal(in(r, IIR), 0xCC);
	assert_int_equal(in(r, RBR), '1'); /* a read restarts the timeout */
	assert_int_equal(in(r, IIR), 0xC1);
	assert_int_equal(r->level, 0);
	wait_ns(r, 4 * CHAR_NS);
	assert_int_equal(in(r, IIR), 0xCC);
	assert_int_equal(in(r, RBR), '2');
	wait_ns(r, 10 * CHAR_NS);
	assert_int_equal(in(r, IIR), 0xC1); /* empty: no timeout */
}

/* LS > RDA > THRE > MS, each cleared by its own action. */
static void test_iir_priorities(void **state)
{
	struct rig *r = *state;

	out(r, IER, 0x0F);
	out(r, MCR, 0x10); /* loopback: modem deltas */
	out(r, THR, 'a');
	wait_ns(r, CHAR_NS);
	out(r, THR, 'b');
	wait_ns(r, CHAR_NS); /* 'b' overwrites 'a' in RBR: overrun */
	assert_int_equal(in(r, IIR), 0x06);
	assert_int_equal(in(r, LSR), 0x63);
	assert_int_equal(in(r, IIR), 0x04);
	assert_int_equal(in(r, RBR), 'b');
	assert_int_equal(in(r, IIR), 0x02);
	assert_int_equal(in(r, IIR), 0x00);
	assert_int_equal(in(r, MSR), 0x0B);
	assert_int_equal(in(r, IIR), 0x01);
	assert_int_equal(r->level, 0); /* loopback keeps OUT2 off the line */
	assert_int_equal(r->u.overruns, 1);
}

static void test_receive_and_poll(void **state)
{
	struct rig *r = *state;

	/* Without FIFOs the receiver takes one byte per poll. */
	r->input = "hello";
	uart_poll(&r->u);
	assert_int_equal(in(r, LSR), 0x61);
	assert_int_equal(in(r, RBR), 'h');
	uart_poll(&r->u);
	assert_int_equal(in(r, RBR), 'e');
	assert_int_equal(in(r, LSR), 0x60);

	/* With FIFOs it takes what fits; the rest waits in the backend. */
	out(r, FCR, 0x01);
	uart_poll(&r->u);
	assert_string_equal(r->input, "");
	assert_int_equal(in(r, RBR), 'l');
	assert_int_equal(in(r, RBR), 'l');
	assert_int_equal(in(r, RBR), 'o');
	assert_int_equal(in(r, LSR), 0x60);
	uart_poll(&r->u); /* nothing more */
	assert_int_equal(in(r, LSR), 0x60);

	/* uart_receive past 16 bytes: the FIFO keeps its bytes, OE is set once read. */
	for (int i = 0; i < 17; i++)
		uart_receive(&r->u, (uint8_t)i);
	assert_int_equal(in(r, LSR), 0x63);
	assert_int_equal(in(r, LSR), 0x61);
	for (int i = 0; i < 16; i++)
		assert_int_equal(in(r, RBR), i);
	assert_int_equal(in(r, LSR), 0x60);
}

static void test_no_backend(void **state)
{
	struct rig *r = *state;
	struct uart u;

	assert_int_equal(
	        uart_init(&u, &r->bus, 0x2F8, "com2", &r->clk, (struct irq_line){ 0 }, NULL), 0);
	uart_poll(&u);
	bus_out(&r->bus, 0x2F8, 'x', 1);
	wait_ns(r, CHAR_NS);
	assert_int_equal(bus_in(&r->bus, 0x2FD, 1), 0x60);
	assert_int_equal(u.tx_bytes, 1);
	clock_disarm(&r->clk, u.timer);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_reset_values),
		T(test_divisor_latch),
		T(test_output_paced_at_baud_rate),
		T(test_no_fifo_holds_one_byte),
		T(test_loopback),
		T(test_loopback_modem_lines),
		T(test_thre_interrupt),
		T(test_fifo_trigger_levels),
		T(test_character_timeout),
		T(test_iir_priorities),
		T(test_receive_and_poll),
		T(test_no_backend),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
