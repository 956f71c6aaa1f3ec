/*
 * dev/pit.c — the 8254 counters computed from guest time (modes 0-5, binary
 * and BCD, latches, read-back, gates), OUT0 onto IRQ0, and port 0x61.
 */
#include "pit.h"

#define PIT_PORT       0x40
#define PORT_B         0x61
#define NS_PER_S       1000000000u
#define NEVER          UINT64_MAX
#define REFRESH_NS     15000u /* port 0x61 bit 4 flips this often */
#define PORT_B_GATE2   0x01
#define PORT_B_SPEAKER 0x02

struct ce_out {
	uint32_t ce; /* the counting element, binary, below the modulus */
	bool out;
};

/* Guest nanoseconds to 8254 input clock ticks, rounded to the nearest tick
 * (guest time itself is truncated to whole nanoseconds). Split so the
 * product cannot overflow however long the guest runs. */
static uint64_t ns_to_tick(uint64_t ns)
{
	return ns / NS_PER_S * PIT_HZ + (ns % NS_PER_S * PIT_HZ + NS_PER_S / 2) / NS_PER_S;
}

/* The first nanosecond at which ns_to_tick() reaches 'tick'. */
static uint64_t tick_to_ns(uint64_t tick)
{
	uint64_t rest = tick % PIT_HZ;
	uint64_t ns = tick / PIT_HZ * NS_PER_S;

	if (rest)
		ns += (rest * NS_PER_S - NS_PER_S / 2 + PIT_HZ - 1) / PIT_HZ;
	return ns;
}

static uint64_t pit_now(const struct pit *p)
{
	return ns_to_tick(clock_ns(p->clk));
}

static uint32_t modulus(const struct pit_channel *c)
{
	return c->bcd ? 10000u : 65536u;
}

/* n counted down e times from n, wrapping as the 16-bit (or 4-digit) CE does. */
static uint32_t count_down(const struct pit_channel *c, uint32_t n, uint64_t e)
{
	uint32_t m = modulus(c);

	return (uint32_t)((n % m + m - e % m) % m);
}

/* Mode 3: OUT high for the first (n+1)/2 ticks of each period, low for the
 * rest; CE counts down by two from the even part of n in each half. */
static struct ce_out square_wave(const struct pit_channel *c, uint32_t n, uint64_t e)
{
	uint32_t half = (n + 1) / 2, pos = (uint32_t)(e % n);
	uint32_t in_half = pos < half ? pos : pos - half;

	return (struct ce_out){ ((n & ~1u) - 2 * in_half) % modulus(c), pos < half };
}

/* CE and OUT 'e' ticks after the CE was loaded with 'n', gate held high. */
static struct ce_out mode_state(const struct pit_channel *c, uint32_t n, uint64_t e)
{
	switch (c->mode) {
	case 0: /* OUT rises at terminal count and stays high */
	case 1:
		return (struct ce_out){ count_down(c, n, e), e >= n };
	case 2: /* OUT low for the one tick before each reload */
		return (struct ce_out){ (uint32_t)((n - e % n) % modulus(c)), e % n != n - 1 };
	case 3:
		return square_wave(c, n, e);
	default: /* 4, 5: a one-tick low strobe at terminal count */
		return (struct ce_out){ count_down(c, n, e), e != n };
	}
}

/* The smallest elapsed count after 'e' at which OUT changes, or NEVER. */
static uint64_t mode_next_edge(const struct pit_channel *c, uint32_t n, uint64_t e)
{
	uint64_t pos = e % n;
	uint32_t half = (n + 1) / 2;

	switch (c->mode) {
	case 0:
	case 1:
		return e < n ? n : NEVER;
	case 2:
		if (n == 1)
			return NEVER;
		return pos < n - 1 ? e + (n - 1 - pos) : e + 1;
	case 3:
		if (n == 1)
			return NEVER;
		return pos < half ? e + (half - pos) : e + (n - pos);
	default:
		return e < n ? n : e == n ? n + 1 : NEVER;
	}
}

/* A count written in mode 2 or 3 while counting takes over at the end of the
 * cycle (mode 2) or half-cycle (mode 3); make it current once that is past. */
static void chan_sync(struct pit_channel *c, uint64_t t)
{
	if (c->pending && t >= c->pending_at) {
		c->n = c->cr;
		c->start = c->pending_start;
		c->pending = false;
	}
}

static struct ce_out chan_state(const struct pit_channel *c, uint64_t t)
{
	if (!c->running)
		return (struct ce_out){ c->held_ce, c->idle_out };
	if (c->paused)
		return mode_state(c, c->n, c->paused_e);
	if (t < c->start) /* written, loaded on the next clock */
		return (struct ce_out){ c->held_ce, c->idle_out };
	return mode_state(c, c->n, t - c->start);
}

/* The first tick after 't' at which OUT changes within the running segment. */
static uint64_t chan_next_change(const struct pit_channel *c, uint64_t t)
{
	uint64_t e;

	if (!c->running || c->paused)
		return NEVER;
	if (t < c->start) {
		if (mode_state(c, c->n, 0).out != c->idle_out)
			return c->start;
		t = c->start;
	}
	e = mode_next_edge(c, c->n, t - c->start);
	return e == NEVER ? NEVER : c->start + e;
}

/* The CE is loaded with 'n' on the clock after tick 't'; until then CE and
 * OUT stay as they are, except where the caller says OUT changes now. */
static void chan_begin(struct pit_channel *c, uint64_t t, uint32_t n, bool out_now)
{
	c->held_ce = chan_state(c, t).ce;
	c->idle_out = out_now;
	c->n = n;
	c->start = t + 1;
	c->running = true;
	c->paused = !c->gate && (c->mode == 0 || c->mode == 4);
	c->paused_e = 0;
	c->pending = false;
	c->null_until = t + 1;
}

/* Stop counting: CE holds, OUT takes 'out'. */
static void chan_stop(struct pit_channel *c, uint64_t t, bool out)
{
	c->held_ce = chan_state(c, t).ce;
	c->idle_out = out;
	c->running = false;
	c->pending = false;
}

/* Modes 2 and 3 while counting: the new count waits for the cycle's end. */
static void chan_defer(struct pit_channel *c, uint64_t t)
{
	uint64_t e = t >= c->start ? t - c->start : 0, pos = e % c->n;
	uint32_t half = (c->n + 1) / 2, new_half = (c->cr + 1) / 2;

	c->pending = true;
	if (c->mode == 3 && pos < half) { /* the new count starts in its low half */
		c->pending_at = c->start + e - pos + half;
		c->pending_start = c->pending_at - new_half;
	} else {
		c->pending_at = c->start + e - pos + c->n;
		c->pending_start = c->pending_at;
	}
	c->null_until = c->pending_at;
}

static void chan_load(struct pit_channel *c, uint64_t t, uint32_t n)
{
	c->cr = n;
	c->null_until = NEVER;
	switch (c->mode) {
	case 0: /* a new count (re)starts counting, OUT low */
		chan_begin(c, t, n, false);
		break;
	case 4:
		chan_begin(c, t, n, chan_state(c, t).out);
		break;
	case 2:
	case 3:
		if (c->running && t < c->start) /* not loaded yet: replace it */
			c->n = n;
		else if (c->running)
			chan_defer(c, t);
		else if (c->gate)
			chan_begin(c, t, n, true);
		break;
	default: /* 1, 5: the count waits for a gate trigger */
		break;
	}
}

/* Gate inputs: level-sensitive in modes 0, 2, 3, 4 (low stops counting; in
 * 2 and 3 it also forces OUT high), rising-edge triggers in 1, 2, 3, 5. */
static void chan_gate(struct pit_channel *c, uint64_t t, bool high)
{
	bool rise = high && !c->gate;

	if (high == c->gate)
		return;
	c->gate = high;
	if (c->mode == 0 || c->mode == 4) {
		if (!c->running)
			return;
		if (!high && !c->paused) {
			c->paused_e = t >= c->start ? t - c->start : 0;
			c->paused = true;
		} else if (high && c->paused) {
			c->start = t - c->paused_e;
			c->paused = false;
		}
		return;
	}
	if (!high && (c->mode == 2 || c->mode == 3))
		chan_stop(c, t, true);
	if (rise && c->cr) /* mode 1 drives OUT low from the load, 5 leaves it */
		chan_begin(c, t, c->cr, chan_state(c, t).out);
}

/* ---- binary / BCD ---- */

static uint32_t from_bcd(uint16_t v)
{
	return (v >> 12 & 15) * 1000u + (v >> 8 & 15) * 100u + (v >> 4 & 15) * 10u + (v & 15);
}

static uint16_t to_bcd(uint32_t v)
{
	return (uint16_t)((v / 1000 % 10) << 12 | (v / 100 % 10) << 8 | (v / 10 % 10) << 4 |
	                  v % 10);
}

/* A written count; 0 is the largest count, 65536 or 10000. */
static uint32_t count_value(const struct pit_channel *c, uint16_t raw)
{
	uint32_t v = c->bcd ? from_bcd(raw) : raw;

	return v ? v : modulus(c);
}

static uint16_t ce_value(const struct pit_channel *c, uint64_t t)
{
	uint32_t ce = chan_state(c, t).ce;

	return c->bcd ? to_bcd(ce) : (uint16_t)ce;
}

/* ---- OUT0 onto IRQ0 ---- */

static void irq0_emit(struct pit *p, bool level)
{
	p->irq_level = level;
	irq_set(&p->irq0, level);
}

/* Bring IRQ0 up to date with OUT0. A change that came and went since the
 * last look (the timer ran late) is replayed as a pulse so the edge-triggered
 * PIC still sees it. Then post the next change, or the moment a deferred
 * count takes over. */
static void irq0_update(struct pit *p)
{
	struct pit_channel *c = &p->ch[0];
	uint64_t t = pit_now(p), deadline;
	bool out;

	chan_sync(c, t);
	out = chan_state(c, t).out;
	if (out != p->irq_level) {
		irq0_emit(p, out);
	} else if (p->irq_next <= t) {
		irq0_emit(p, !out);
		irq0_emit(p, out);
	}
	p->irq_next = chan_next_change(c, t);
	if (c->pending && p->irq_next > c->pending_at)
		p->irq_next = NEVER;
	deadline = p->irq_next;
	if (c->pending && c->pending_at < deadline)
		deadline = c->pending_at;
	if (deadline == NEVER)
		clock_disarm(p->clk, p->timer);
	else
		clock_arm(p->clk, p->timer, tick_to_ns(deadline));
}

static void irq0_fire(void *ctx)
{
	irq0_update(ctx);
}

/* ---- the bus side ---- */

static uint8_t status_byte(const struct pit_channel *c, uint64_t t)
{
	return (uint8_t)(chan_state(c, t).out << 7 | (t < c->null_until) << 6 | c->rw << 4 |
	                 c->mode_bits << 1 | c->bcd);
}

static void latch_count(struct pit_channel *c, uint64_t t)
{
	if (c->count_latched)
		return;
	c->latch = ce_value(c, t);
	c->count_latched = true;
}

static void latch_status(struct pit_channel *c, uint64_t t)
{
	if (c->status_latched)
		return;
	c->status = status_byte(c, t);
	c->status_latched = true;
}

/* Read-back: bit 5 clear latches counts, bit 4 clear latches status, bits
 * 1-3 select channels 0-2. */
static void read_back(struct pit *p, uint8_t val, uint64_t t)
{
	for (int i = 0; i < 3; i++) {
		if (!(val & (2u << i)))
			continue;
		if (!(val & 0x20))
			latch_count(&p->ch[i], t);
		if (!(val & 0x10))
			latch_status(&p->ch[i], t);
	}
}

static void control_word(struct pit *p, uint8_t val, uint64_t t)
{
	struct pit_channel *c = &p->ch[val >> 6];
	uint8_t rw = val >> 4 & 3, mode = val >> 1 & 7;

	if (rw == 0) {
		latch_count(c, t);
		return;
	}
	chan_stop(c, t, mode != 0); /* OUT: low in mode 0, high in the others */
	c->mode_bits = mode;
	c->mode = mode >= 6 ? mode - 4 : mode;
	c->rw = rw;
	c->bcd = val & 1;
	c->cr = 0;
	c->held_ce %= modulus(c);
	c->null_until = NEVER;
	c->wr_msb = c->rd_msb = false;
	c->count_latched = c->status_latched = false;
}

static void count_byte(struct pit_channel *c, uint8_t val, uint64_t t)
{
	if (c->rw == 1) {
		chan_load(c, t, count_value(c, val));
	} else if (c->rw == 2) {
		chan_load(c, t, count_value(c, (uint16_t)(val << 8)));
	} else if (!c->wr_msb) {
		c->wr_lsb = val;
		c->wr_msb = true;
		if (c->mode == 0) /* the first byte stops counting, OUT low */
			chan_stop(c, t, false);
	} else {
		c->wr_msb = false;
		chan_load(c, t, count_value(c, (uint16_t)(c->wr_lsb | val << 8)));
	}
}

/* One byte of a 16-bit value in the channel's access mode. */
static uint8_t access_byte(struct pit_channel *c, uint16_t v, bool *done)
{
	bool msb = c->rw == 2 || (c->rw == 3 && c->rd_msb);

	if (c->rw == 3)
		c->rd_msb = !c->rd_msb;
	*done = c->rw != 3 || !c->rd_msb;
	return (uint8_t)(msb ? v >> 8 : v);
}

static uint8_t count_read(struct pit_channel *c, uint64_t t)
{
	bool done;
	uint8_t b;

	if (c->status_latched) {
		c->status_latched = false;
		return c->status;
	}
	if (!c->count_latched)
		return access_byte(c, ce_value(c, t), &done);
	b = access_byte(c, c->latch, &done);
	if (done)
		c->count_latched = false;
	return b;
}

static void sync_all(struct pit *p, uint64_t t)
{
	for (int i = 0; i < 3; i++)
		chan_sync(&p->ch[i], t);
}

static uint32_t pit_read(void *dev, uint16_t port, int size)
{
	struct pit *p = dev;
	uint64_t t = pit_now(p);

	(void)size;
	sync_all(p, t);
	if (port == 3) /* the control word register cannot be read */
		return 0xFF;
	return count_read(&p->ch[port], t);
}

static void pit_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct pit *p = dev;
	uint64_t t = pit_now(p);

	(void)size;
	irq0_update(p); /* edges due under the old programming go out first */
	sync_all(p, t);
	if (port < 3)
		count_byte(&p->ch[port], (uint8_t)val, t);
	else if ((val & 0xC0) == 0xC0)
		read_back(p, (uint8_t)val, t);
	else
		control_word(p, (uint8_t)val, t);
	irq0_update(p);
}

static uint32_t port_b_read(void *dev, uint16_t port, int size)
{
	struct pit *p = dev;
	uint64_t t = pit_now(p);
	bool refresh = clock_ns(p->clk) / REFRESH_NS & 1;

	(void)port;
	(void)size;
	chan_sync(&p->ch[2], t);
	return (uint32_t)(p->port_b | refresh << 4 | chan_state(&p->ch[2], t).out << 5);
}

static void port_b_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct pit *p = dev;
	uint64_t t = pit_now(p);

	(void)port;
	(void)size;
	p->port_b = val & 0x0F;
	chan_sync(&p->ch[2], t);
	chan_gate(&p->ch[2], t, val & PORT_B_GATE2);
}

static const struct port_ops pit_ops = { pit_read, pit_write };
static const struct port_ops port_b_ops = { port_b_read, port_b_write };

/* Power-on: as after a mode 0, LSB-then-MSB control word with no count yet
 * (OUT low, nothing counting). Gates 0 and 1 are tied high. */
int pit_init(struct pit *p, struct bus *b, struct clock *clk, struct irq_line irq0)
{
	*p = (struct pit){ .clk = clk, .irq0 = irq0, .irq_next = NEVER };
	for (int i = 0; i < 3; i++)
		p->ch[i] = (struct pit_channel){ .rw = 3, .gate = i < 2, .null_until = NEVER };
	p->timer = clock_add_timer(clk, irq0_fire, p);
	if (p->timer < 0)
		return -1;
	if (bus_map(b, PIT_PORT, 4, "pit", &pit_ops, p, IO_8) < 0)
		return -1;
	return bus_map(b, PORT_B, 1, "port-b", &port_b_ops, p, IO_8);
}

bool pit_speaker_on(const struct pit *p)
{
	const uint8_t on = PORT_B_GATE2 | PORT_B_SPEAKER;

	return (p->port_b & on) == on && p->ch[2].running;
}
