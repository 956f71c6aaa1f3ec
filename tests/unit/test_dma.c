/*
 * tests/unit/test_dma.c — the 8237A pair through bus_in/bus_out as a guest
 * programs it, and dma_transfer as a device uses it, on real guest memory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "dma.h"

struct rig {
	struct bus bus;
	struct mem mem;
	struct dma dma;
};

static struct rig *make_rig(void)
{
	struct rig *r = calloc(1, sizeof *r);

	assert_non_null(r);
	bus_init(&r->bus);
	assert_int_equal(mem_init(&r->mem, 2u << 20, 24), 0);
	assert_int_equal(dma_init(&r->dma, &r->bus, &r->mem), 0);
	return r;
}

static void free_rig(struct rig *r)
{
	mem_free(&r->mem);
	free(r);
}

static uint8_t inb(struct rig *r, uint16_t port)
{
	return (uint8_t)bus_in(&r->bus, port, 1);
}

static void outb(struct rig *r, uint16_t port, uint8_t v)
{
	bus_out(&r->bus, port, v, 1);
}

/* Channel 2 as a BIOS sets it up for a floppy read into 'phys'. */
static void program_ch2(struct rig *r, uint8_t mode, uint32_t phys, uint16_t count)
{
	outb(r, 0x0A, 0x06); /* mask channel 2 */
	outb(r, 0x0C, 0);    /* clear the flip-flop */
	outb(r, 0x0B, mode);
	outb(r, 0x04, (uint8_t)phys);
	outb(r, 0x04, (uint8_t)(phys >> 8));
	outb(r, 0x81, (uint8_t)(phys >> 16));
	outb(r, 0x05, (uint8_t)count);
	outb(r, 0x05, (uint8_t)(count >> 8));
	outb(r, 0x0A, 0x02); /* unmask */
}

static void test_flip_flop(void **state)
{
	struct rig *r = make_rig();

	(void)state;
	outb(r, 0x0C, 0);
	outb(r, 0x02, 0x34);
	outb(r, 0x02, 0x12);
	outb(r, 0x03, 0xCD);
	outb(r, 0x03, 0xAB);
	assert_int_equal(r->dma.ctrl[0].ch[1].addr, 0x1234);
	assert_int_equal(r->dma.ctrl[0].ch[1].count, 0xABCD);
	/* Reading goes through the same flip-flop. */
	outb(r, 0x0C, 0);
	assert_int_equal(inb(r, 0x02), 0x34);
	assert_int_equal(inb(r, 0x02), 0x12);
	/* A stray read leaves the flip-flop on the high byte. */
	assert_int_equal(inb(r, 0x03), 0xCD);
	assert_int_equal(inb(r, 0x03), 0xAB);
	assert_int_equal(inb(r, 0x03), 0xCD);
	outb(r, 0x0C, 0);
	assert_int_equal(inb(r, 0x03), 0xCD);
	free_rig(r);
}

static void test_master_controller(void **state)
{
	struct rig *r = make_rig();

	(void)state;
	outb(r, 0xD8, 0); /* the master's flip-flop clear */
	outb(r, 0xC4, 0x78);
	outb(r, 0xC4, 0x56); /* channel 5's address: registers on even ports */
	assert_int_equal(r->dma.ctrl[1].ch[1].addr, 0x5678);
	outb(r, 0x8B, 0x12); /* channel 5's page */
	assert_int_equal(r->dma.ctrl[1].ch[1].page, 0x12);
	assert_int_equal(inb(r, 0x8B), 0x12);
	free_rig(r);
}

static void test_transfer_into_memory(void **state)
{
	struct rig *r = make_rig();
	uint8_t buf[600], got[512];

	(void)state;
	for (int i = 0; i < (int)sizeof buf; i++)
		buf[i] = (uint8_t)(i * 7 + 3);
	program_ch2(r, 0x46, 0x23400, 511); /* single, write to memory, channel 2 */
	assert_int_equal(r->dma.ctrl[0].ch[2].page, 0x02);
	assert_int_equal(inb(r, 0x08) & 0x04, 0); /* no terminal count yet */
	assert_int_equal(dma_transfer(&r->dma, 2, buf, 600, true), 512);
	mem_peek(&r->mem, 0x23400, got, 512);
	assert_memory_equal(got, buf, 512);
	assert_int_equal(mem_read(&r->mem, 0x23400 + 512, 1), 0); /* stopped at the count */
	assert_true(dma_terminal_count(&r->dma, 2));
	/* Status: TC for channel 2, cleared by the read. */
	assert_int_equal(inb(r, 0x08) & 0x0F, 0x04);
	assert_int_equal(inb(r, 0x08) & 0x0F, 0x00);
	/* Without auto-init the channel masks itself; the count wrapped. */
	assert_int_equal(dma_transfer(&r->dma, 2, buf, 1, true), 0);
	assert_int_equal(r->dma.ctrl[0].ch[2].count, 0xFFFF);
	outb(r, 0x0C, 0);
	assert_int_equal(inb(r, 0x04), 0x00);
	assert_int_equal(inb(r, 0x04), 0x36); /* 0x3400 + 512 */
	free_rig(r);
}

/* The A20 gate masks the CPU's address line 20, not the bus: a transfer to
 * page 10h lands above 1 MiB even with the gate closed (on the PC/AT the
 * gate sits on the CPU's side; the 8237 and its page register drive all 24
 * lines themselves). */
static void test_transfer_ignores_a20_gate(void **state)
{
	struct rig *r = make_rig();
	uint8_t buf[16], got[16];

	(void)state;
	for (int i = 0; i < (int)sizeof buf; i++)
		buf[i] = (uint8_t)(0xA0 + i);
	mem_set_a20(&r->mem, false);
	program_ch2(r, 0x46, 0x100200, 15);
	assert_int_equal(dma_transfer(&r->dma, 2, buf, sizeof buf, true), 16);
	mem_peek(&r->mem, 0x100200, got, sizeof got);
	assert_memory_equal(got, buf, sizeof buf);
	mem_peek(&r->mem, 0x000200, got, sizeof got);
	assert_int_equal(got[0], 0); /* not wrapped to the first MiB */
	free_rig(r);
}

static void test_read_from_memory_and_verify(void **state)
{
	struct rig *r = make_rig();
	uint8_t buf[4] = { 0 };

	(void)state;
	mem_poke(&r->mem, 0x1000, "\x11\x22\x33\x44", 4);
	program_ch2(r, 0x4A, 0x1000, 3); /* read from memory */
	assert_int_equal(dma_transfer(&r->dma, 2, buf, 4, false), 4);
	assert_memory_equal(buf, "\x11\x22\x33\x44", 4);
	/* A direction the mode does not allow moves nothing but counts. */
	program_ch2(r, 0x4A, 0x1000, 3);
	assert_int_equal(dma_transfer(&r->dma, 2, (uint8_t *)"\xAA\xAA\xAA\xAA", 4, true), 4);
	assert_int_equal(mem_read(&r->mem, 0x1000, 4), 0x44332211);
	/* Verify: counts, touches nothing. */
	program_ch2(r, 0x42, 0x1000, 1);
	assert_int_equal(dma_transfer(&r->dma, 2, buf, 4, true), 2);
	assert_int_equal(mem_read(&r->mem, 0x1000, 4), 0x44332211);
	free_rig(r);
}

static void test_masks_and_master_clear(void **state)
{
	struct rig *r = make_rig();
	uint8_t buf[2] = { 1, 2 };

	(void)state;
	program_ch2(r, 0x46, 0x2000, 1);
	outb(r, 0x0F, 0x04); /* all-mask register: only channel 2 masked */
	assert_int_equal(dma_transfer(&r->dma, 2, buf, 2, true), 0);
	outb(r, 0x0E, 0); /* clear all masks */
	assert_int_equal(dma_transfer(&r->dma, 2, buf, 1, true), 1);
	outb(r, 0x0D, 0); /* master clear: masks set again, flip-flop low */
	assert_true(r->dma.ctrl[0].ch[2].masked);
	assert_int_equal(dma_transfer(&r->dma, 2, buf, 1, true), 0);
	assert_int_equal(mem_read(&r->mem, 0x2000, 2), 0x0001);
	free_rig(r);
}

static void test_auto_init_and_decrement(void **state)
{
	struct rig *r = make_rig();
	uint8_t buf[4] = { 0xA1, 0xA2, 0xA3, 0xA4 };

	(void)state;
	program_ch2(r, 0x76, 0x3001, 1); /* auto-init, decrement, write */
	assert_int_equal(dma_transfer(&r->dma, 2, buf, 4, true), 2);
	assert_int_equal(mem_read(&r->mem, 0x3000, 2), 0xA1A2); /* 0x3001 first, then 0x3000 */
	assert_false(r->dma.ctrl[0].ch[2].masked);
	assert_int_equal(r->dma.ctrl[0].ch[2].addr, 0x3001); /* reloaded */
	assert_int_equal(r->dma.ctrl[0].ch[2].count, 1);
	free_rig(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flip_flop),
		cmocka_unit_test(test_master_controller),
		cmocka_unit_test(test_transfer_into_memory),
		cmocka_unit_test(test_transfer_ignores_a20_gate),
		cmocka_unit_test(test_read_from_memory_and_verify),
		cmocka_unit_test(test_masks_and_master_clear),
		cmocka_unit_test(test_auto_init_and_decrement),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
