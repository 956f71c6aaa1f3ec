/*
 * dev/uart.c — the 16550A: register file, 16-byte FIFOs, the four interrupt
 * sources in priority order, and transmission paced by guest time.
 */
#include "uart.h"

#include <string.h>

enum { RBR_THR, IER, IIR_FCR, LCR, MCR, LSR, MSR, SCR };

enum { IER_RDA = 1, IER_THRE = 2, IER_LS = 4, IER_MS = 8 };
enum { IIR_NONE = 1, IIR_MS = 0, IIR_THRE = 2, IIR_RDA = 4, IIR_LS = 6, IIR_TIMEOUT = 0xC };
enum { FCR_ENABLE = 1, FCR_RX_RESET = 2, FCR_TX_RESET = 4 };
enum { LCR_DLAB = 0x80 };
enum { MCR_DTR = 1, MCR_RTS = 2, MCR_OUT1 = 4, MCR_OUT2 = 8, MCR_LOOP = 0x10 };
enum { LSR_DR = 1, LSR_OE = 2, LSR_ERRORS = 0x1E, LSR_THRE = 0x20, LSR_TEMT = 0x40 };
enum { MSR_DCTS = 1, MSR_DDSR = 2, MSR_TERI = 4, MSR_DDCD = 8 };
enum { MSR_CTS = 0x10, MSR_DSR = 0x20, MSR_RI = 0x40, MSR_DCD = 0x80 };

/* ---- FIFOs ---- */

static bool fifo_mode(const struct uart *u)
{
	return u->fcr & FCR_ENABLE;
}

static int capacity(const struct uart *u)
{
	return fifo_mode(u) ? UART_FIFO_SIZE : 1;
}

static void fifo_push(struct uart_fifo *f, uint8_t b)
{
	f->data[(f->head + f->count) % UART_FIFO_SIZE] = b;
	f->count++;
}

static uint8_t fifo_pop(struct uart_fifo *f)
{
	uint8_t b = f->data[f->head];

	f->head = (uint8_t)((f->head + 1) % UART_FIFO_SIZE);
	f->count--;
	return b;
}

static void fifo_clear(struct uart_fifo *f)
{
	f->head = f->count = 0;
}

/* ---- timing ---- */

/* One character is 10 bits (start, 8 data, stop) at 115200/divisor baud.
 * A divisor of 0 counts as 65536, as the 16-bit divider wraps. */
static uint64_t char_ns(const struct uart *u)
{
	uint64_t div = u->divisor ? u->divisor : 65536u;

	return (div * 10u * 1000000000u + UART_CLOCK_HZ / 2) / UART_CLOCK_HZ;
}

static unsigned rx_trigger(const struct uart *u)
{
	static const uint8_t level[4] = { 1, 4, 8, 14 };

	return fifo_mode(u) ? level[u->fcr >> 6] : 1;
}

/* ---- interrupts ---- */

static uint8_t pending_source(const struct uart *u)
{
	if ((u->ier & IER_LS) && (u->lsr_err & LSR_ERRORS))
		return IIR_LS;
	if ((u->ier & IER_RDA) && u->rx.count >= rx_trigger(u))
		return IIR_RDA;
	if ((u->ier & IER_RDA) && u->timeout_pending)
		return IIR_TIMEOUT;
	if ((u->ier & IER_THRE) && u->thre_pending)
		return IIR_THRE;
	if ((u->ier & IER_MS) && (u->msr & 0x0F))
		return IIR_MS;
	return IIR_NONE;
}

/* On a PC the UART's interrupt pin reaches the PIC through a buffer enabled
 * by OUT2; in loopback the OUT2 pin is forced inactive, so nothing gets out. */
static void update_irq(struct uart *u)
{
	int level = pending_source(u) != IIR_NONE && (u->mcr & (MCR_OUT2 | MCR_LOOP)) == MCR_OUT2;

	if (level != u->irq_level) {
		u->irq_level = level;
		irq_set(&u->irq, level);
	}
}

/* ---- receiver ---- */

/* A full FIFO keeps its bytes and loses the new one; without FIFOs the new
 * byte overwrites RBR. Both are overruns. */
static void rx_put(struct uart *u, uint8_t b, uint64_t at)
{
	u->rx_bytes++;
	u->rx_last_ns = at;
	u->timeout_pending = false;
	if (u->rx.count < capacity(u)) {
		fifo_push(&u->rx, b);
		return;
	}
	u->lsr_err |= LSR_OE;
	u->overruns++;
	if (!fifo_mode(u))
		u->rx.data[u->rx.head] = b;
}

static uint64_t timeout_deadline(const struct uart *u)
{
	return u->rx_last_ns + 4 * char_ns(u);
}

static bool timeout_possible(const struct uart *u)
{
	return fifo_mode(u) && u->rx.count && !u->timeout_pending;
}

/* ---- transmitter ---- */

/* Move the next byte from THR (or the TX FIFO) onto the wire; THR empties. */
static void tx_start(struct uart *u, uint64_t at)
{
	u->tsr = fifo_pop(&u->tx);
	u->tsr_busy = true;
	u->tx_done_ns = at + char_ns(u);
	if (!u->tx.count)
		u->thre_pending = true;
}

/* The byte goes out whole whatever LCR says: the backend has no framing to
 * honour, and a guest that never programs LCR (reset: 5 bits) still works. */
static void tx_finish(struct uart *u)
{
	uint8_t b = u->tsr;
	uint64_t at = u->tx_done_ns;

	u->tsr_busy = false;
	u->tx_bytes++;
	if (u->mcr & MCR_LOOP)
		rx_put(u, b, at);
	else if (u->be.write)
		u->be.write(u->be.ctx, b);
	if (u->tx.count)
		tx_start(u, at);
}

/* Bring the device up to guest time: characters whose time is up have left,
 * and a quiet FIFO has timed out. Works whether or not the timer fired. */
static void advance(struct uart *u)
{
	uint64_t now = clock_ns(u->clk);

	while (u->tsr_busy && u->tx_done_ns <= now)
		tx_finish(u);
	if (timeout_possible(u) && timeout_deadline(u) <= now)
		u->timeout_pending = true;
}

static void schedule(struct uart *u)
{
	uint64_t next = UINT64_MAX;

	if (u->tsr_busy)
		next = u->tx_done_ns;
	if ((u->ier & IER_RDA) && timeout_possible(u) && timeout_deadline(u) < next)
		next = timeout_deadline(u);
	if (next == UINT64_MAX)
		clock_disarm(u->clk, u->timer);
	else
		clock_arm(u->clk, u->timer, next);
}

/* Every entry point ends here: state changed, so the line and deadline may. */
static void settle(struct uart *u)
{
	update_irq(u);
	schedule(u);
}

static void uart_fire(void *ctx)
{
	struct uart *u = ctx;

	advance(u);
	settle(u);
}

/* Writing THR clears a THRE interrupt; when the wire is free the byte goes
 * straight onto it and THR is empty again, so the interrupt comes back (the
 * line drops and rises, an edge the PIC sees). A full THR/FIFO loses the byte. */
static void write_thr(struct uart *u, uint8_t b)
{
	u->thre_pending = false;
	update_irq(u);
	if (u->tx.count < capacity(u))
		fifo_push(&u->tx, b);
	if (!u->tsr_busy)
		tx_start(u, clock_ns(u->clk));
}

/* ---- modem lines ---- */

/* Outside loopback the port sees a connected terminal: CTS, DSR, DCD high. */
static uint8_t modem_inputs(const struct uart *u)
{
	uint8_t m = u->mcr;

	if (!(m & MCR_LOOP))
		return MSR_CTS | MSR_DSR | MSR_DCD;
	return (uint8_t)((m & MCR_RTS ? MSR_CTS : 0) | (m & MCR_DTR ? MSR_DSR : 0) |
	                 (m & MCR_OUT1 ? MSR_RI : 0) | (m & MCR_OUT2 ? MSR_DCD : 0));
}

/* Delta bits latch changes until MSR is read; TERI only for RI going low. */
static void set_modem_inputs(struct uart *u, uint8_t in)
{
	uint8_t old = u->msr & 0xF0, changed = old ^ in, delta = 0;

	if (changed & MSR_CTS)
		delta |= MSR_DCTS;
	if (changed & MSR_DSR)
		delta |= MSR_DDSR;
	if ((old & MSR_RI) && !(in & MSR_RI))
		delta |= MSR_TERI;
	if (changed & MSR_DCD)
		delta |= MSR_DDCD;
	u->msr = (uint8_t)(in | ((u->msr | delta) & 0x0F));
}

/* ---- registers ---- */

static uint8_t read_rbr(struct uart *u)
{
	if (u->rx.count) {
		u->rbr = fifo_pop(&u->rx);
		u->rx_last_ns = clock_ns(u->clk);
		u->timeout_pending = false;
	}
	return u->rbr;
}

static uint8_t read_iir(struct uart *u)
{
	uint8_t src = pending_source(u);

	if (src == IIR_THRE)
		u->thre_pending = false;
	return (uint8_t)(src | (fifo_mode(u) ? 0xC0 : 0));
}

static uint8_t read_lsr(struct uart *u)
{
	uint8_t v = u->lsr_err;

	if (u->rx.count)
		v |= LSR_DR;
	if (!u->tx.count)
		v |= u->tsr_busy ? LSR_THRE : LSR_THRE | LSR_TEMT;
	u->lsr_err = 0;
	return v;
}

static uint8_t read_msr(struct uart *u)
{
	uint8_t v = u->msr;

	u->msr &= 0xF0;
	return v;
}

static uint32_t uart_read(void *dev, uint16_t port, int size)
{
	struct uart *u = dev;
	bool dlab = u->lcr & LCR_DLAB;
	uint8_t v = 0xFF;

	(void)size;
	advance(u);
	switch (port) {
	case RBR_THR:
		v = dlab ? (uint8_t)u->divisor : read_rbr(u);
		break;
	case IER:
		v = dlab ? (uint8_t)(u->divisor >> 8) : u->ier;
		break;
	case IIR_FCR:
		v = read_iir(u);
		break;
	case LCR:
		v = u->lcr;
		break;
	case MCR:
		v = u->mcr;
		break;
	case LSR:
		v = read_lsr(u);
		break;
	case MSR:
		v = read_msr(u);
		break;
	case SCR:
		v = u->scr;
		break;
	}
	settle(u);
	return v;
}

/* Enabling ETBEI with THR already empty raises the THRE interrupt at once. */
static void write_ier(struct uart *u, uint8_t v)
{
	if ((v & IER_THRE) && !(u->ier & IER_THRE) && !u->tx.count)
		u->thre_pending = true;
	u->ier = v & 0x0F;
}

static void reset_tx_fifo(struct uart *u)
{
	if (u->tx.count)
		u->thre_pending = true;
	fifo_clear(&u->tx);
}

static void reset_rx_fifo(struct uart *u)
{
	fifo_clear(&u->rx);
	u->timeout_pending = false;
}

/* Turning the FIFOs on or off empties both; the other bits only take effect
 * with bit 0 set. The character on the wire is not affected. */
static void write_fcr(struct uart *u, uint8_t v)
{
	if ((v ^ u->fcr) & FCR_ENABLE) {
		reset_rx_fifo(u);
		reset_tx_fifo(u);
	}
	if (!(v & FCR_ENABLE)) {
		u->fcr = 0;
		return;
	}
	if (v & FCR_RX_RESET)
		reset_rx_fifo(u);
	if (v & FCR_TX_RESET)
		reset_tx_fifo(u);
	u->fcr = v & 0xC9;
}

static void uart_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct uart *u = dev;
	bool dlab = u->lcr & LCR_DLAB;
	uint8_t v = (uint8_t)val;

	(void)size;
	advance(u);
	switch (port) {
	case RBR_THR:
		if (dlab)
			u->divisor = (uint16_t)((u->divisor & 0xFF00) | v);
		else
			write_thr(u, v);
		break;
	case IER:
		if (dlab)
			u->divisor = (uint16_t)((u->divisor & 0x00FF) | v << 8);
		else
			write_ier(u, v);
		break;
	case IIR_FCR:
		write_fcr(u, v);
		break;
	case LCR:
		u->lcr = v;
		break;
	case MCR:
		u->mcr = v & 0x1F;
		set_modem_inputs(u, modem_inputs(u));
		break;
	case SCR:
		u->scr = v;
		break;
	default:
		break; /* LSR and MSR are read-only here */
	}
	settle(u);
}

static const struct port_ops uart_ops = { uart_read, uart_write };

/* The divisor is undefined after reset; 1 (115200 baud) loses the fewest
 * bytes for a guest that never programs it. */
int uart_init(struct uart *u, struct bus *b, uint16_t base, const char *name, struct clock *clk,
              struct irq_line irq, const struct uart_backend *be)
{
	memset(u, 0, sizeof *u);
	u->bus = b;
	u->clk = clk;
	u->irq = irq;
	if (be)
		u->be = *be;
	u->name = name;
	u->base = base;
	u->divisor = 1;
	u->msr = modem_inputs(u);
	u->timer = clock_add_timer(clk, uart_fire, u);
	if (u->timer < 0)
		return -1;
	return bus_map(b, base, 8, name, &uart_ops, u, IO_8);
}

void uart_poll(struct uart *u)
{
	advance(u);
	if (!(u->mcr & MCR_LOOP) && u->be.read) {
		uint64_t now = clock_ns(u->clk);
		while (u->rx.count < capacity(u)) {
			int c = u->be.read(u->be.ctx);
			if (c < 0)
				break;
			rx_put(u, (uint8_t)c, now);
		}
	}
	settle(u);
}

void uart_receive(struct uart *u, uint8_t b)
{
	advance(u);
	if (!(u->mcr & MCR_LOOP))
		rx_put(u, b, clock_ns(u->clk));
	settle(u);
}
