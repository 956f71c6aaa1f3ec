/*
 * dev/uart.h — a 16550A serial port (COM1 at 0x3F8, COM2 at 0x2F8): registers,
 * FIFOs, interrupts and transmission paced at the baud rate in guest time.
 * Host I/O stays out of dev/: bytes go to and come from a backend.
 */
#ifndef X86LAB_UART_H
#define X86LAB_UART_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"
#include "clock.h"
#include "irq.h"

#define UART_FIFO_SIZE 16
#define UART_CLOCK_HZ  115200u /* the baud rate at divisor 1 (1.8432 MHz / 16) */

struct uart_backend {
	void (*write)(void *ctx, uint8_t byte); /* a byte leaves the transmitter; NULL: dropped */
	int (*read)(void *ctx);                 /* a byte for the receiver, or -1 for none now */
	void *ctx;
};

struct uart_fifo {
	uint8_t data[UART_FIFO_SIZE];
	uint8_t head, count;
};

struct uart {
	struct bus *bus;
	struct clock *clk;
	struct irq_line irq;
	struct uart_backend be;
	const char *name;
	uint16_t base;
	int timer; /* one deadline: end of the character being sent, or the RX timeout */

	uint8_t ier, lcr, mcr, fcr, scr;
	uint8_t lsr_err; /* LSR bits 1-4 (OE; PE FE BI never happen here), cleared by reading LSR */
	uint8_t msr;     /* inputs in bits 4-7, their delta bits in 0-3 */
	uint8_t rbr;     /* the last byte read, returned again when the receiver is empty */
	uint16_t divisor;

	struct uart_fifo rx, tx; /* with FIFOs off each holds one byte: RBR and THR */
	bool tsr_busy;           /* a character is on the wire */
	uint8_t tsr;
	uint64_t tx_done_ns;  /* when the character on the wire has gone */
	uint64_t rx_last_ns;  /* last byte into or out of the RX FIFO (character timeout) */
	bool thre_pending;    /* the THR-empty interrupt is owed */
	bool timeout_pending; /* the character timeout interrupt is owed */
	int irq_level;        /* what the IRQ line was last set to */

	uint64_t tx_bytes, rx_bytes, overruns; /* for the monitor */
};

/* Claim base..base+7 and a clock timer; the registers take their reset
 * values. 'be' is copied (NULL: nothing attached). Returns 0 or -1. */
int uart_init(struct uart *u, struct bus *b, uint16_t base, const char *name, struct clock *clk,
              struct irq_line irq, const struct uart_backend *be);
/* Between slices: bring the device up to guest time and pull input from the
 * backend while the receiver has room (never in loopback: input is cut off). */
void uart_poll(struct uart *u);
/* A byte arrives on the serial input now (dropped in loopback mode). */
void uart_receive(struct uart *u, uint8_t b);

#endif
