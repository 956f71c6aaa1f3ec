/*
 * tests/unit/test_pic.c — the 8259A pair driven through its ports as a BIOS
 * and an OS drive it; each expectation from the Intel 8259A datasheet.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>

#include "bus.h"
#include "pic.h"

struct rig {
	struct bus bus;
	struct pic pic;
	bool intr;
	int intr_calls;
};

static void record_intr(void *ctx, bool level)
{
	struct rig *r = ctx;

	r->intr = level;
	r->intr_calls++;
}

static uint8_t in8(struct rig *r, uint16_t port)
{
	return (uint8_t)bus_in(&r->bus, port, 1);
}

static void out8(struct rig *r, uint16_t port, uint8_t val)
{
	bus_out(&r->bus, port, val, 1);
}

/* ICW1-ICW4 for one chip: edge or level triggered, cascade, 8086 mode. */
static void init_chip(struct rig *r, uint16_t port, uint8_t icw1, uint8_t base, uint8_t icw3,
                      uint8_t icw4)
{
	out8(r, port, icw1);
	out8(r, port + 1, base);
	out8(r, port + 1, icw3);
	out8(r, port + 1, icw4);
}

/* As a PC BIOS programs the pair: vectors 08h and 70h, slave on IR2. */
static void init_pc(struct rig *r, uint8_t icw1, uint8_t icw4)
{
	init_chip(r, 0x20, icw1, 0x08, 0x04, icw4);
	init_chip(r, 0xA0, icw1, 0x70, 0x02, icw4);
}

static int setup(void **state)
{
	struct rig *r = calloc(1, sizeof *r);

	assert_non_null(r);
	bus_init(&r->bus);
	assert_int_equal(pic_init(&r->pic, &r->bus, record_intr, r), 0);
	init_pc(r, 0x11, 0x01);
	*state = r;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

static uint8_t read_irr(struct rig *r, uint16_t port)
{
	out8(r, port, 0x0A);
	return in8(r, port);
}

static uint8_t read_isr(struct rig *r, uint16_t port)
{
	out8(r, port, 0x0B);
	return in8(r, port);
}

/* An edge-triggered request: a rising edge, then the line stays high until
 * the acknowledge (the datasheet requires that), then drops. */
static int take(struct rig *r, int irq)
{
	int vector;

	pic_set_irq(&r->pic, irq, 1);
	vector = pic_inta(&r->pic);
	pic_set_irq(&r->pic, irq, 0);
	return vector;
}

static void test_powerup_masks_everything(void **state)
{
	struct rig *r = calloc(1, sizeof *r);

	(void)state;
	assert_non_null(r);
	bus_init(&r->bus);
	assert_int_equal(pic_init(&r->pic, &r->bus, record_intr, r), 0);
	assert_int_equal(in8(r, 0x21), 0xFF);
	assert_int_equal(in8(r, 0xA1), 0xFF);
	pic_set_irq(&r->pic, 0, 1);
	assert_false(r->intr);
	/* The ports are taken: a second pair cannot map over them. */
	assert_int_equal(pic_init(&(struct pic){ 0 }, &r->bus, NULL, NULL), -1);
	free(r);
}

/* ICW1 clears the IMR; OCW1 writes it and port 1 reads it back. */
static void test_init_and_imr(void **state)
{
	struct rig *r = *state;

	assert_int_equal(in8(r, 0x21), 0x00);
	assert_int_equal(in8(r, 0xA1), 0x00);
	out8(r, 0x21, 0xB8);
	out8(r, 0xA1, 0x5A);
	assert_int_equal(in8(r, 0x21), 0xB8);
	assert_int_equal(in8(r, 0xA1), 0x5A);
	assert_int_equal(read_irr(r, 0x20), 0);
	assert_int_equal(read_isr(r, 0x20), 0);
	assert_false(r->intr);
	assert_int_equal(r->intr_calls, 0);
}

/* Fully nested: IR0 highest, IR7 lowest; only a higher level interrupts an
 * in-service one; a non-specific EOI ends the highest in service. */
static void test_priority_and_nonspecific_eoi(void **state)
{
	struct rig *r = *state;

	pic_set_irq(&r->pic, 5, 1);
	pic_set_irq(&r->pic, 3, 1);
	pic_set_irq(&r->pic, 4, 1);
	assert_true(r->intr);
	assert_int_equal(read_irr(r, 0x20), 0x38);
	assert_int_equal(pic_inta(&r->pic), 0x0B);
	assert_int_equal(read_isr(r, 0x20), 0x08);
	assert_int_equal(read_irr(r, 0x20), 0x30);
	assert_false(r->intr); /* 4 and 5 wait for IR3 */

	pic_set_irq(&r->pic, 1, 1); /* higher: nests */
	assert_true(r->intr);
	assert_int_equal(pic_inta(&r->pic), 0x09);
	assert_int_equal(read_isr(r, 0x20), 0x0A);
	assert_false(r->intr);

	out8(r, 0x20, 0x20); /* ends IR1, the highest in service */
	assert_int_equal(read_isr(r, 0x20), 0x08);
	assert_false(r->intr);
	out8(r, 0x20, 0x20); /* ends IR3 */
	assert_true(r->intr);
	assert_int_equal(pic_inta(&r->pic), 0x0C);
	out8(r, 0x20, 0x20);
	assert_int_equal(pic_inta(&r->pic), 0x0D);
	out8(r, 0x20, 0x20);
	assert_int_equal(read_isr(r, 0x20), 0);
}

/* A specific EOI ends the level it names, whatever its priority. */
static void test_specific_eoi(void **state)
{
	struct rig *r = *state;

	assert_int_equal(take(r, 6), 0x0E);
	assert_int_equal(take(r, 1), 0x09);
	assert_int_equal(read_isr(r, 0x20), 0x42);
	out8(r, 0x20, 0x66);
	assert_int_equal(read_isr(r, 0x20), 0x02);
	pic_set_irq(&r->pic, 4, 1);
	assert_false(r->intr); /* IR1 still in service */
	out8(r, 0x20, 0x61);
	assert_true(r->intr);
	assert_int_equal(pic_inta(&r->pic), 0x0C);
}

static void test_masking(void **state)
{
	struct rig *r = *state;

	out8(r, 0x21, 0x01);
	pic_set_irq(&r->pic, 0, 1);
	assert_false(r->intr);
	assert_int_equal(read_irr(r, 0x20), 0x01); /* requested, only masked */
	pic_set_irq(&r->pic, 6, 1);
	assert_true(r->intr);
	assert_int_equal(pic_inta(&r->pic), 0x0E);
	out8(r, 0x20, 0x20);
	assert_false(r->intr);
	out8(r, 0x21, 0x00);
	assert_true(r->intr);
	assert_int_equal(pic_inta(&r->pic), 0x08);
}

/* IRQ 8-15 go through the slave's INT onto master IR2: the slave supplies
 * the vector, both chips put their level in service, both need an EOI. */
static void test_cascade(void **state)
{
	struct rig *r = *state;

	pic_set_irq(&r->pic, 12, 1);
	assert_true(r->intr);
	assert_int_equal(read_irr(r, 0xA0), 0x10);
	assert_int_equal(read_irr(r, 0x20), 0x04);
	assert_int_equal(pic_inta(&r->pic), 0x74);
	pic_set_irq(&r->pic, 12, 0);
	assert_int_equal(read_isr(r, 0xA0), 0x10);
	assert_int_equal(read_isr(r, 0x20), 0x04);

	pic_set_irq(&r->pic, 3, 1); /* below IR2: waits */
	assert_false(r->intr);
	pic_set_irq(&r->pic, 1, 1); /* above IR2: nests */
	assert_true(r->intr);
	assert_int_equal(pic_inta(&r->pic), 0x09);
	out8(r, 0x20, 0x20);
	pic_set_irq(&r->pic, 1, 0);

	out8(r, 0xA0, 0x20);
	assert_false(r->intr); /* the master still has IR2 in service */
	out8(r, 0x20, 0x20);
	assert_true(r->intr);
	assert_int_equal(pic_inta(&r->pic), 0x0B);
}

static void test_slave_mask_and_line(void **state)
{
	struct rig *r = *state;
	struct irq_line l = pic_line(&r->pic, 14);

	out8(r, 0xA1, 0x40);
	irq_set(&l, 1);
	assert_false(r->intr);
	assert_int_equal(read_irr(r, 0x20), 0x00);
	out8(r, 0xA1, 0x00);
	assert_true(r->intr);
	assert_int_equal(pic_inta(&r->pic), 0x76);
	/* "IRQ 2" on the AT bus is wired to IRQ 9. */
	pic_set_irq(&r->pic, 2, 1);
	assert_int_equal(read_irr(r, 0xA0), 0x02);
}

/* AEOI: the acknowledge leaves nothing in service, so the same level can
 * come again without an EOI. */
static void test_automatic_eoi(void **state)
{
	struct rig *r = *state;

	init_pc(r, 0x11, 0x03);
	assert_int_equal(take(r, 3), 0x0B);
	assert_int_equal(read_isr(r, 0x20), 0);
	assert_int_equal(take(r, 5), 0x0D);
	assert_int_equal(take(r, 3), 0x0B);
	assert_int_equal(take(r, 10), 0x72);
	assert_int_equal(read_isr(r, 0x20), 0);
	assert_int_equal(read_isr(r, 0xA0), 0);
}

/* Rotate in AEOI mode: each level acknowledged becomes the lowest. */
static void test_rotate_in_aeoi(void **state)
{
	struct rig *r = *state;

	init_pc(r, 0x11, 0x03);
	out8(r, 0x20, 0x80);
	pic_set_irq(&r->pic, 1, 1);
	pic_set_irq(&r->pic, 4, 1);
	assert_int_equal(pic_inta(&r->pic), 0x09);
	pic_set_irq(&r->pic, 1, 0);
	pic_set_irq(&r->pic, 1, 1); /* IR1 is now lowest: IR4 goes first */
	assert_int_equal(pic_inta(&r->pic), 0x0C);
	assert_int_equal(pic_inta(&r->pic), 0x09);
}

/* Rotate on non-specific EOI gives equal priority devices turns; set
 * priority names the lowest level directly. */
static void test_rotation_and_set_priority(void **state)
{
	struct rig *r = *state;

	assert_int_equal(take(r, 0), 0x08);
	out8(r, 0x20, 0xA0); /* IR0 becomes lowest, IR1 highest */
	pic_set_irq(&r->pic, 0, 1);
	pic_set_irq(&r->pic, 7, 1);
	assert_int_equal(pic_inta(&r->pic), 0x0F);
	out8(r, 0x20, 0xE7); /* rotate on specific EOI 7: IR7 lowest, IR0 highest */
	assert_int_equal(read_isr(r, 0x20), 0);
	assert_int_equal(pic_inta(&r->pic), 0x08);
	out8(r, 0x20, 0x20);
	pic_set_irq(&r->pic, 0, 0);

	out8(r, 0x20, 0xC4); /* IR4 lowest: IR5 highest */
	pic_set_irq(&r->pic, 3, 1);
	pic_set_irq(&r->pic, 6, 1);
	assert_int_equal(pic_inta(&r->pic), 0x0E);
	/* IR3 ranks below the in-service IR6 now. */
	assert_false(r->intr);
}

/* Poll command: the next read of the chip is the acknowledge; bit 7 says
 * whether a request was there, bits 2-0 which. */
static void test_poll(void **state)
{
	struct rig *r = *state;

	out8(r, 0x20, 0x0C);
	assert_int_equal(in8(r, 0x20), 0x00);
	pic_set_irq(&r->pic, 5, 1);
	pic_set_irq(&r->pic, 6, 1);
	out8(r, 0x20, 0x0C);
	assert_int_equal(in8(r, 0x20), 0x85);
	assert_int_equal(read_isr(r, 0x20), 0x20);
	assert_int_equal(in8(r, 0x20), 0x20); /* back to the selected register */
	/* The slave is polled by itself; the master sees only IR2. */
	pic_set_irq(&r->pic, 11, 1);
	out8(r, 0xA0, 0x0C);
	assert_int_equal(in8(r, 0xA0), 0x83);
}

/* The request went away before INTA: the chip answers with its IR7 vector
 * and puts nothing in service (edge and level triggered alike). */
static void test_spurious_irq7(void **state)
{
	struct rig *r = *state;

	pic_set_irq(&r->pic, 4, 1);
	assert_true(r->intr);
	pic_set_irq(&r->pic, 4, 0);
	assert_false(r->intr);
	assert_int_equal(read_irr(r, 0x20), 0);
	assert_int_equal(pic_inta(&r->pic), 0x0F);
	assert_int_equal(read_isr(r, 0x20), 0);

	init_pc(r, 0x19, 0x01);
	pic_set_irq(&r->pic, 3, 1);
	pic_set_irq(&r->pic, 3, 0);
	assert_int_equal(pic_inta(&r->pic), 0x0F);
	assert_int_equal(read_isr(r, 0x20), 0);
}

/* A slave request that goes away between the two INTA pulses: the master
 * has already put IR2 in service, the slave answers with its IR7 vector and
 * puts nothing in service; the handler sends its EOI to the master only
 * (8259A data sheet, "interrupt sequence"; the PC/AT's spurious IRQ 15). */
static void test_spurious_irq15(void **state)
{
	struct rig *r = *state;

	pic_set_irq(&r->pic, 12, 1);
	assert_true(r->intr);
	assert_int_equal(pic_inta_first(&r->pic), 2);
	pic_set_irq(&r->pic, 12, 0);
	assert_int_equal(pic_inta_second(&r->pic, 2), 0x77);
	assert_int_equal(read_isr(r, 0xA0), 0);
	assert_int_equal(read_isr(r, 0x20), 0x04);
	out8(r, 0x20, 0x20);
	assert_int_equal(read_isr(r, 0x20), 0);

	/* The same two pulses with the request still there: IRQ 12 proper. */
	pic_set_irq(&r->pic, 12, 1);
	assert_int_equal(pic_inta_first(&r->pic), 2);
	assert_int_equal(pic_inta_second(&r->pic, 2), 0x74);
	assert_int_equal(read_isr(r, 0xA0), 0x10);
	assert_int_equal(read_isr(r, 0x20), 0x04);
}

/* Edge mode wants a new rising edge; level mode requests for as long as
 * the line is high, so after the EOI it interrupts again. */
static void test_edge_versus_level(void **state)
{
	struct rig *r = *state;

	pic_set_irq(&r->pic, 4, 1);
	assert_int_equal(pic_inta(&r->pic), 0x0C);
	out8(r, 0x20, 0x20);
	assert_false(r->intr); /* still high, no new edge */
	assert_int_equal(read_irr(r, 0x20), 0);
	pic_set_irq(&r->pic, 4, 0);
	pic_set_irq(&r->pic, 4, 1);
	assert_true(r->intr);
	pic_set_irq(&r->pic, 4, 0);

	init_pc(r, 0x19, 0x01);
	pic_set_irq(&r->pic, 4, 1);
	assert_int_equal(pic_inta(&r->pic), 0x0C);
	assert_int_equal(read_irr(r, 0x20), 0x10);
	assert_false(r->intr); /* in service */
	out8(r, 0x20, 0x20);
	assert_true(r->intr);
	pic_set_irq(&r->pic, 4, 0);
	assert_false(r->intr);
}

/* ICW1 resets the edge sense: a line already high must rise again. */
static void test_icw1_resets_edge_sense(void **state)
{
	struct rig *r = *state;

	pic_set_irq(&r->pic, 1, 1);
	assert_true(r->intr);
	init_pc(r, 0x11, 0x01);
	assert_false(r->intr);
	assert_int_equal(read_irr(r, 0x20), 0);
}

/* Special mask mode: with the in-service level masked, lower levels get
 * through too. */
static void test_special_mask_mode(void **state)
{
	struct rig *r = *state;

	assert_int_equal(take(r, 3), 0x0B);
	pic_set_irq(&r->pic, 6, 1);
	assert_false(r->intr);
	out8(r, 0x21, 0x08);
	out8(r, 0x20, 0x68);
	assert_true(r->intr);
	assert_int_equal(pic_inta(&r->pic), 0x0E);
	assert_int_equal(read_isr(r, 0x20), 0x48);
	out8(r, 0x20, 0x48); /* leave special mask mode */
	out8(r, 0x20, 0x66);
	out8(r, 0x21, 0x00);
	pic_set_irq(&r->pic, 6, 0);
	pic_set_irq(&r->pic, 6, 1);
	assert_false(r->intr); /* IR3 in service blocks IR6 again */
}

/* Single mode (ICW1 SNGL, no ICW3): IR2 is an ordinary input. */
static void test_single_mode_without_icw4(void **state)
{
	struct rig *r = *state;

	out8(r, 0x20, 0x12); /* SNGL, no ICW4 */
	out8(r, 0x21, 0x40); /* ICW2 */
	out8(r, 0x21, 0xFE); /* already OCW1 */
	assert_int_equal(in8(r, 0x21), 0xFE);
	out8(r, 0x21, 0x00);
	pic_set_irq(&r->pic, 9, 1);
	assert_int_equal(pic_inta(&r->pic), 0x42);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_powerup_masks_everything),
		cmocka_unit_test_setup_teardown(test_init_and_imr, setup, teardown),
		cmocka_unit_test_setup_teardown(test_priority_and_nonspecific_eoi, setup, teardown),
		cmocka_unit_test_setup_teardown(test_specific_eoi, setup, teardown),
		cmocka_unit_test_setup_teardown(test_masking, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cascade, setup, teardown),
		cmocka_unit_test_setup_teardown(test_slave_mask_and_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_automatic_eoi, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rotate_in_aeoi, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rotation_and_set_priority, setup, teardown),
		cmocka_unit_test_setup_teardown(test_poll, setup, teardown),
		cmocka_unit_test_setup_teardown(test_spurious_irq7, setup, teardown),
		cmocka_unit_test_setup_teardown(test_spurious_irq15, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edge_versus_level, setup, teardown),
		cmocka_unit_test_setup_teardown(test_icw1_resets_edge_sense, setup, teardown),
		cmocka_unit_test_setup_teardown(test_special_mask_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_single_mode_without_icw4, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
