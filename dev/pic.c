/*
 * dev/pic.c — the 8259A pair: initialization and operation command words,
 * priority resolution with rotation and the cascade, INTA and polling.
 */
#include "pic.h"

#define PIC_MASTER_PORT 0x20
#define PIC_SLAVE_PORT  0xA0
#define PIC_CASCADE_IR  2

/* The IRR as the chip reads it: pin levels when level-triggered, latched
 * edges (still held high) when edge-triggered. */
static uint8_t chip_irr(const struct pic_chip *c)
{
	return c->ltim ? c->level : c->edge;
}

/* The IR of the n-th priority, n = 0 being the highest. */
static int chip_nth(const struct pic_chip *c, int n)
{
	return (c->lowest + 1 + n) & 7;
}

/* The request this chip would present to the CPU, or -1. In-service levels
 * of higher or equal priority block it, except in special mask mode (masked
 * in-service levels do not count) and, on a master in special fully nested
 * mode, the cascade level (so a higher slave request can nest). */
static int chip_resolve(const struct pic_chip *c, bool master)
{
	uint8_t pending = chip_irr(c) & (uint8_t)~c->imr;
	uint8_t block = c->isr;

	if (c->special_mask)
		block &= (uint8_t)~c->imr;
	if (master && c->sfnm)
		block &= (uint8_t) ~(1u << PIC_CASCADE_IR);
	for (int n = 0; n < 8; n++) {
		int ir = chip_nth(c, n);
		if (block & (1u << ir))
			return -1;
		if (pending & (1u << ir))
			return ir;
	}
	return -1;
}

/* The highest-priority level in service, or -1. */
static int chip_highest_isr(const struct pic_chip *c)
{
	for (int n = 0; n < 8; n++)
		if (c->isr & (1u << chip_nth(c, n)))
			return chip_nth(c, n);
	return -1;
}

/* An IR pin changes: a rising edge latches a request; a low pin withdraws
 * an edge-triggered request that was not yet acknowledged. */
static void chip_set_pin(struct pic_chip *c, int ir, bool high)
{
	uint8_t bit = (uint8_t)(1u << ir);

	if (high && !(c->level & bit))
		c->edge |= bit;
	if (!high)
		c->edge &= (uint8_t)~bit;
	c->level = high ? (c->level | bit) : (c->level & (uint8_t)~bit);
}

/* Acknowledge 'ir': into service (or not, in AEOI) and the edge consumed. */
static void chip_ack(struct pic_chip *c, int ir)
{
	uint8_t bit = (uint8_t)(1u << ir);

	c->edge &= (uint8_t)~bit;
	if (!c->aeoi)
		c->isr |= bit;
	else if (c->rotate_aeoi)
		c->lowest = (uint8_t)ir;
}

/* The slave's INT is wired to master IR2; the master's INT is the CPU's INTR. */
static void pic_update(struct pic *p)
{
	bool level;

	chip_set_pin(&p->chip[0], PIC_CASCADE_IR, chip_resolve(&p->chip[1], false) >= 0);
	level = chip_resolve(&p->chip[0], true) >= 0;
	if (level != p->intr_level) {
		p->intr_level = level;
		if (p->intr)
			p->intr(p->ctx, level);
	}
}

/* ICW1: restart the initialization sequence. The datasheet: edge sense
 * reset, IMR cleared, IR7 lowest priority, special mask mode cleared, IRR
 * selected for reads, ICW4 functions cleared when IC4 = 0. The in-service
 * register is cleared as well, so a re-initialized chip starts idle. */
static void chip_icw1(struct pic_chip *c, uint8_t val)
{
	uint8_t level = c->level;

	*c = (struct pic_chip){ .level = level, .lowest = 7, .init_step = 2 };
	c->ltim = val & 0x08;
	c->single = val & 0x02;
	c->need_icw4 = val & 0x01;
}

static void chip_ocw2(struct pic_chip *c, uint8_t val)
{
	int ir = val & 7;
	bool rotate = val & 0x80, specific = val & 0x40, eoi = val & 0x20;

	if (!eoi && !specific) { /* 000 / 100: rotate in AEOI mode clear / set */
		c->rotate_aeoi = rotate;
		return;
	}
	if (!eoi) { /* 110 set priority, 010 no operation */
		if (rotate)
			c->lowest = (uint8_t)ir;
		return;
	}
	if (!specific)
		ir = chip_highest_isr(c);
	if (ir < 0)
		return;
	c->isr &= (uint8_t) ~(1u << ir);
	if (rotate)
		c->lowest = (uint8_t)ir;
}

static void chip_ocw3(struct pic_chip *c, uint8_t val)
{
	if (val & 0x40)
		c->special_mask = val & 0x20;
	if (val & 0x04)
		c->poll = true;
	if (val & 0x02)
		c->read_isr = val & 0x01;
}

static void chip_write_cmd(struct pic_chip *c, uint8_t val)
{
	if (val & 0x10)
		chip_icw1(c, val);
	else if (val & 0x08)
		chip_ocw3(c, val);
	else
		chip_ocw2(c, val);
}

/* ICW2-ICW4 while initializing (the 8086-mode vector: base | IR), else OCW1. */
static void chip_write_data(struct pic_chip *c, uint8_t val)
{
	switch (c->init_step) {
	case 2:
		c->vector_base = val & 0xF8;
		c->init_step = !c->single ? 3 : c->need_icw4 ? 4 : 0;
		break;
	case 3:
		c->icw3 = val;
		c->init_step = c->need_icw4 ? 4 : 0;
		break;
	case 4:
		c->aeoi = val & 0x02;
		c->sfnm = val & 0x10;
		c->init_step = 0;
		break;
	default:
		c->imr = val;
		break;
	}
}

/* A poll read: the acknowledge without a vector. Bit 7 says whether a
 * request was there, bits 2-0 which. It does not follow the cascade. */
static uint8_t chip_poll(struct pic_chip *c, bool master)
{
	int ir = chip_resolve(c, master);

	c->poll = false;
	if (ir < 0)
		return 0;
	chip_ack(c, ir);
	return (uint8_t)(0x80 | ir);
}

static uint32_t pic_read(struct pic *p, int which, uint16_t port)
{
	struct pic_chip *c = &p->chip[which];
	uint8_t val;

	if (c->poll)
		val = chip_poll(c, which == 0);
	else if (port == 1)
		val = c->imr;
	else
		val = c->read_isr ? c->isr : chip_irr(c);
	pic_update(p);
	return val;
}

static void pic_write(struct pic *p, int which, uint16_t port, uint32_t val)
{
	if (port == 0)
		chip_write_cmd(&p->chip[which], (uint8_t)val);
	else
		chip_write_data(&p->chip[which], (uint8_t)val);
	pic_update(p);
}

static uint32_t master_read(void *dev, uint16_t port, int size)
{
	(void)size;
	return pic_read(dev, 0, port);
}

static void master_write(void *dev, uint16_t port, uint32_t val, int size)
{
	(void)size;
	pic_write(dev, 0, port, val);
}

static uint32_t slave_read(void *dev, uint16_t port, int size)
{
	(void)size;
	return pic_read(dev, 1, port);
}

static void slave_write(void *dev, uint16_t port, uint32_t val, int size)
{
	(void)size;
	pic_write(dev, 1, port, val);
}

static const struct port_ops master_ops = { master_read, master_write };
static const struct port_ops slave_ops = { slave_read, slave_write };

int pic_init(struct pic *p, struct bus *b, void (*intr)(void *ctx, bool level), void *ctx)
{
	*p = (struct pic){ .intr = intr, .ctx = ctx };
	for (int i = 0; i < 2; i++)
		p->chip[i] = (struct pic_chip){ .imr = 0xFF, .lowest = 7, .single = true };
	if (bus_map(b, PIC_MASTER_PORT, 2, "pic-master", &master_ops, p, IO_8) < 0)
		return -1;
	return bus_map(b, PIC_SLAVE_PORT, 2, "pic-slave", &slave_ops, p, IO_8);
}

void pic_set_irq(struct pic *p, int irq, int level)
{
	if (irq < 0 || irq > 15)
		return;
	if (irq == PIC_CASCADE_IR)
		irq = 9;
	chip_set_pin(&p->chip[irq >> 3], irq & 7, level != 0);
	pic_update(p);
}

static void pic_line_set(void *ctx, int line, int level)
{
	pic_set_irq(ctx, line, level);
}

struct irq_line pic_line(struct pic *p, int irq)
{
	return (struct irq_line){ .set = pic_line_set, .ctx = p, .line = irq };
}

/* Is the slave answering for master IR2? In cascade mode the master names
 * the slave by its IR; the slave answers if ICW3 gave it that id. */
static bool pic_cascaded(const struct pic *p)
{
	const struct pic_chip *m = &p->chip[0], *s = &p->chip[1];

	return !m->single && (m->icw3 & (1u << PIC_CASCADE_IR)) && (s->icw3 & 7) == PIC_CASCADE_IR;
}

/* The master resolves first. Nothing left to resolve gives the chip's IR7
 * vector without setting ISR (the "default IR7"); on the slave that default
 * comes after the master has already put IR2 in service. */
int pic_inta_first(struct pic *p)
{
	int ir = chip_resolve(&p->chip[0], true);

	if (ir >= 0)
		chip_ack(&p->chip[0], ir);
	pic_update(p);
	return ir;
}

int pic_inta_second(struct pic *p, int master_ir)
{
	struct pic_chip *m = &p->chip[0], *s = &p->chip[1];
	int sir;

	if (master_ir < 0)
		return m->vector_base | 7;
	if (master_ir != PIC_CASCADE_IR || !pic_cascaded(p))
		return m->vector_base | master_ir;
	sir = chip_resolve(s, false);
	if (sir >= 0)
		chip_ack(s, sir);
	pic_update(p);
	return s->vector_base | (sir >= 0 ? sir : 7);
}

int pic_inta(struct pic *p)
{
	return pic_inta_second(p, pic_inta_first(p));
}
