/*
 * dev/dma.c — the 8237A pair: address/count registers behind the byte
 * flip-flop, mode, masks, status, master clear, page registers, and
 * dma_transfer for devices (the floppy controller on channel 2).
 */
#include "dma.h"

#include <string.h>

/* Register index within a controller, as on the 8237A's A0-A3. */
enum {
	REG_COMMAND_STATUS = 8,
	REG_REQUEST = 9,
	REG_SINGLE_MASK = 10,
	REG_MODE = 11,
	REG_CLEAR_FLIP_FLOP = 12,
	REG_MASTER_CLEAR_TEMP = 13,
	REG_CLEAR_MASKS = 14,
	REG_ALL_MASKS = 15,
};

/* Page register port (minus 0x80) of each channel; -1: none (4 cascades). */
static const int page_port[8] = { 0x7, 0x3, 0x1, 0x2, -1, 0xB, 0x9, 0xA };

static void master_clear(struct dma_ctrl *c)
{
	c->flip_flop = false;
	c->status = c->command = c->temp = 0;
	for (int i = 0; i < 4; i++)
		c->ch[i].masked = true;
}

/* One byte of a 16-bit address or count register, low byte first. */
static void write_half(struct dma_ctrl *c, uint16_t *reg, uint16_t *base, uint8_t val)
{
	if (c->flip_flop)
		*reg = (uint16_t)((*reg & 0x00FF) | (val << 8));
	else
		*reg = (uint16_t)((*reg & 0xFF00) | val);
	*base = *reg;
	c->flip_flop = !c->flip_flop;
}

static uint8_t read_half(struct dma_ctrl *c, uint16_t reg)
{
	uint8_t val = c->flip_flop ? (uint8_t)(reg >> 8) : (uint8_t)reg;

	c->flip_flop = !c->flip_flop;
	return val;
}

static uint8_t ctrl_read(struct dma_ctrl *c, int reg)
{
	uint8_t val;

	if (reg < 8) {
		struct dma_channel *ch = &c->ch[reg >> 1];

		return read_half(c, (reg & 1) ? ch->count : ch->addr);
	}
	switch (reg) {
	case REG_COMMAND_STATUS:
		val = c->status;
		c->status &= 0xF0; /* reading clears the terminal count bits */
		return val;
	case REG_MASTER_CLEAR_TEMP:
		return c->temp;
	default:
		return 0xFF;
	}
}

static void ctrl_write(struct dma_ctrl *c, int reg, uint8_t val)
{
	struct dma_channel *ch = &c->ch[val & 3];

	if (reg < 8) {
		struct dma_channel *target = &c->ch[reg >> 1];

		if (reg & 1)
			write_half(c, &target->count, &target->base_count, val);
		else
			write_half(c, &target->addr, &target->base_addr, val);
		return;
	}
	switch (reg) {
	case REG_COMMAND_STATUS:
		c->command = val;
		break;
	case REG_REQUEST: /* software requests: no memory-to-memory here */
		break;
	case REG_SINGLE_MASK:
		ch->masked = (val & 4) != 0;
		break;
	case REG_MODE:
		ch->mode = val & 0xFC;
		break;
	case REG_CLEAR_FLIP_FLOP:
		c->flip_flop = false;
		break;
	case REG_MASTER_CLEAR_TEMP:
		master_clear(c);
		break;
	case REG_CLEAR_MASKS:
		for (int i = 0; i < 4; i++)
			c->ch[i].masked = false;
		break;
	case REG_ALL_MASKS:
		for (int i = 0; i < 4; i++)
			c->ch[i].masked = (val >> i) & 1;
		break;
	}
}

static uint32_t slave_read(void *dev, uint16_t port, int size)
{
	(void)size;
	return ctrl_read(&((struct dma *)dev)->ctrl[0], port);
}

static void slave_write(void *dev, uint16_t port, uint32_t val, int size)
{
	(void)size;
	ctrl_write(&((struct dma *)dev)->ctrl[0], port, (uint8_t)val);
}

/* The master's registers sit on even ports: A0 of the bus is not wired. */
static uint32_t master_read(void *dev, uint16_t port, int size)
{
	(void)size;
	return ctrl_read(&((struct dma *)dev)->ctrl[1], port >> 1);
}

static void master_write(void *dev, uint16_t port, uint32_t val, int size)
{
	(void)size;
	ctrl_write(&((struct dma *)dev)->ctrl[1], port >> 1, (uint8_t)val);
}

static uint8_t *page_reg(struct dma *d, int port)
{
	for (int i = 0; i < 8; i++)
		if (page_port[i] == port)
			return &d->ctrl[i >> 2].ch[i & 3].page;
	return &d->page_scratch[port];
}

/* 'port' 0 here is 0x81. */
static uint32_t page_read(void *dev, uint16_t port, int size)
{
	(void)size;
	return *page_reg(dev, port + 1);
}

static void page_write(void *dev, uint16_t port, uint32_t val, int size)
{
	(void)size;
	*page_reg(dev, port + 1) = (uint8_t)val;
}

int dma_init(struct dma *d, struct bus *b, struct mem *mem)
{
	static const struct port_ops slave_ops = { slave_read, slave_write };
	static const struct port_ops master_ops = { master_read, master_write };
	static const struct port_ops page_ops = { page_read, page_write };

	memset(d, 0, sizeof *d);
	d->mem = mem;
	master_clear(&d->ctrl[0]);
	master_clear(&d->ctrl[1]);
	if (bus_map(b, 0x00, 16, "dma1", &slave_ops, d, IO_8) ||
	    bus_map(b, 0xC0, 32, "dma2", &master_ops, d, IO_8) ||
	    bus_map(b, 0x81, 15, "dma-page", &page_ops, d, IO_8))
		return -1;
	return 0;
}

/* The physical address of the channel's current unit. */
static uint32_t unit_address(const struct dma_channel *ch, bool word)
{
	if (word)
		return ((uint32_t)(ch->page & 0xFE) << 16) | ((uint32_t)ch->addr << 1);
	return ((uint32_t)ch->page << 16) | ch->addr;
}

int dma_transfer(struct dma *d, int channel, uint8_t *buf, int len, bool to_memory)
{
	struct dma_ctrl *c;
	struct dma_channel *ch;
	bool word = channel >= 4;
	int unit = word ? 2 : 1, done = 0;
	uint8_t type;
	bool copy;

	if (channel < 0 || channel > 7)
		return 0;
	c = &d->ctrl[channel >> 2];
	ch = &c->ch[channel & 3];
	type = ch->mode & DMA_MODE_TYPE;
	copy = (type == DMA_MODE_WRITE && to_memory) || (type == DMA_MODE_READ && !to_memory);
	if (ch->masked || (c->command & 4)) /* command bit 2: controller disabled */
		return 0;
	ch->tc_reached = false;
	while (done + unit <= len) {
		uint32_t phys = unit_address(ch, word);

		/* Not mem_poke: decoded code in the page must go stale. Not
		 * mem_write either: the A20 gate is the CPU's, not the bus's. */
		for (int i = 0; copy && i < unit; i++) {
			if (to_memory)
				mem_bus_write8(d->mem, phys + (uint32_t)i, buf[done + i]);
			else
				buf[done + i] = mem_bus_read8(d->mem, phys + (uint32_t)i);
		}
		done += unit;
		ch->addr = (uint16_t)(ch->addr + ((ch->mode & DMA_MODE_DECREMENT) ? -1 : 1));
		if (ch->count-- == 0) {
			c->status |= (uint8_t)(1u << (channel & 3));
			ch->tc_reached = true;
			if (ch->mode & DMA_MODE_AUTOINIT) {
				ch->addr = ch->base_addr;
				ch->count = ch->base_count;
			} else {
				ch->masked = true;
			}
			break;
		}
	}
	return done;
}

bool dma_terminal_count(const struct dma *d, int channel)
{
	return d->ctrl[channel >> 2].ch[channel & 3].tc_reached;
}
