/*
 * tests/unit/test_vga.c — the VGA on a real board, driven through the port
 * bus and physical memory exactly as a guest's IN/OUT and MOVs would.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "font8x16.h"
#include "machine.h"

static int setup(void **state)
{
	struct machine *m = calloc(1, sizeof *m);
	struct machine_config cfg = { .model = CPU_386, .mem_size = 1u << 20 };
	char err[128];

	assert_non_null(m);
	assert_int_equal(machine_init(m, &cfg, err, sizeof err), 0);
	*state = m;
	return 0;
}

static int teardown(void **state)
{
	struct machine *m = *state;

	machine_free(m);
	free(m);
	return 0;
}

static uint8_t in8(struct machine *m, uint16_t port)
{
	return (uint8_t)bus_in(&m->bus, port, 1);
}

static void out8(struct machine *m, uint16_t port, uint8_t val)
{
	bus_out(&m->bus, port, val, 1);
}

static void out16(struct machine *m, uint16_t port, uint16_t val)
{
	bus_out(&m->bus, port, val, 2);
}

/* What mode 13h's BIOS code would program, register by register. */
static void program_mode_13h(struct machine *m)
{
	static const uint8_t seq[] = { 0x03, 0x01, 0x0F, 0x00, 0x0E };
	static const uint8_t crtc[] = { 0x5F, 0x4F, 0x50, 0x82, 0x54, 0x80, 0xBF, 0x1F, 0x00,
		                        0x41, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x9C, 0x0E,
		                        0x8F, 0x28, 0x40, 0x96, 0xB9, 0xA3, 0xFF };
	static const uint8_t gc[] = { 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x05, 0x0F, 0xFF };
	static const uint8_t attr[] = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06,
		                        0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D,
		                        0x0E, 0x0F, 0x41, 0x00, 0x0F, 0x00, 0x00 };

	out8(m, 0x3C2, 0x63);
	for (unsigned i = 0; i < sizeof seq; i++)
		out16(m, 0x3C4, (uint16_t)(seq[i] << 8 | i));
	out16(m, 0x3D4, 0x0E11); /* clear the write protect first */
	for (unsigned i = 0; i < sizeof crtc; i++)
		out16(m, 0x3D4, (uint16_t)(crtc[i] << 8 | i));
	for (unsigned i = 0; i < sizeof gc; i++)
		out16(m, 0x3CE, (uint16_t)(gc[i] << 8 | i));
	in8(m, 0x3DA);
	for (unsigned i = 0; i < sizeof attr; i++) {
		out8(m, 0x3C0, (uint8_t)i);
		out8(m, 0x3C0, attr[i]);
	}
	out8(m, 0x3C0, 0x20);
}

static void test_power_on_is_mode_3(void **state)
{
	struct machine *m = *state;
	int cols, rows;

	assert_int_equal(in8(m, 0x3CC), 0x67);
	vga_text_size(&m->vga, &cols, &rows);
	assert_int_equal(cols, 80);
	assert_int_equal(rows, 25);
	out8(m, 0x3C7, 7); /* light grey: 2/3 intensity on all three */
	assert_int_equal(in8(m, 0x3C9), 0x2A);
	assert_int_equal(in8(m, 0x3C9), 0x2A);
	assert_int_equal(in8(m, 0x3C9), 0x2A);
	out8(m, 0x3C7, 0x3E); /* attribute 14's DAC entry: yellow */
	assert_int_equal(in8(m, 0x3C9), 0x3F);
	assert_int_equal(in8(m, 0x3C9), 0x3F);
	assert_int_equal(in8(m, 0x3C9), 0x15);
}

static void test_text_write_shows_in_snapshot(void **state)
{
	struct machine *m = *state;
	static const char msg[] = "Hello, VGA";
	char text[25 * 81 + 1];
	uint8_t attrs[80 * 25];

	for (unsigned i = 0; i < sizeof msg - 1; i++)
		mem_write(&m->mem, 0xB8000 + 160 * 2 + 2 * i, (uint32_t)(0x1F00 | msg[i]), 2);
	assert_int_equal(vga_text_snapshot(&m->vga, text, sizeof text, attrs), 25 * 81);
	assert_memory_equal(text + 81 * 2, "Hello, VGA ", 11);
	assert_int_equal(text[80], '\n');
	assert_int_equal(attrs[160], 0x1F);
	assert_int_equal(attrs[170], 0x00);
	/* Reading back through the window gives the bytes as written. */
	assert_int_equal(mem_read(&m->mem, 0xB8000 + 320, 2), 0x1F00 | 'H');
	/* And they sit in planes 0 and 1. */
	assert_int_equal(m->vga.plane[0][320], 'H');
	assert_int_equal(m->vga.plane[1][320], 0x1F);
	assert_int_equal(vga_text_snapshot(&m->vga, text, 100, NULL), -1);
}

static void test_cursor_location_by_16_bit_out(void **state)
{
	struct machine *m = *state;

	out16(m, 0x3D4, 0x120E);
	out16(m, 0x3D4, 0x340F);
	out8(m, 0x3D4, 0x0E);
	assert_int_equal(in8(m, 0x3D5), 0x12);
	out8(m, 0x3D4, 0x0F);
	assert_int_equal(in8(m, 0x3D5), 0x34);
	assert_int_equal(m->vga.crtc[0x0E], 0x12);
	assert_int_equal(m->vga.crtc[0x0F], 0x34);
}

static void test_attribute_flip_flop_reset_by_status_read(void **state)
{
	struct machine *m = *state;

	in8(m, 0x3DA);
	out8(m, 0x3C0, 0x01);
	out8(m, 0x3C0, 0x2A); /* palette 1 = 0x2A; the flip-flop is back on index */
	out8(m, 0x3C0, 0x02); /* index 2 ... */
	in8(m, 0x3DA);        /* ... forgotten: next is an index again */
	out8(m, 0x3C0, 0x03);
	out8(m, 0x3C0, 0x11);
	assert_int_equal(m->vga.attr[1], 0x2A);
	assert_int_equal(m->vga.attr[2], 0x02); /* untouched */
	assert_int_equal(m->vga.attr[3], 0x11);
	out8(m, 0x3C0, 0x23);
	assert_int_equal(in8(m, 0x3C0), 0x23);
	assert_int_equal(in8(m, 0x3C1), 0x11);
}

static void test_dac_round_trip_with_auto_increment(void **state)
{
	struct machine *m = *state;
	static const uint8_t rgb[6] = { 0x3F, 0x01, 0x20, 0x05, 0x3E, 0x10 };

	out8(m, 0x3C8, 0x80);
	for (int i = 0; i < 6; i++)
		out8(m, 0x3C9, rgb[i]);
	out8(m, 0x3C9, 0xFF); /* entry 0x82, red: only 6 bits stay */
	assert_int_equal(in8(m, 0x3C8), 0x82);
	out8(m, 0x3C7, 0x80);
	assert_int_equal(in8(m, 0x3C7), 0x03);
	for (int i = 0; i < 6; i++)
		assert_int_equal(in8(m, 0x3C9), rgb[i]);
	assert_int_equal(in8(m, 0x3C9), 0x3F);
	out8(m, 0x3C6, 0x0F);
	assert_int_equal(in8(m, 0x3C6), 0x0F);
}

static void test_misc_output_moves_crtc(void **state)
{
	struct machine *m = *state;

	out16(m, 0x3D4, 0x550C);
	assert_int_equal(in8(m, 0x3B5), 0xFF); /* colour: nothing at 0x3B4 */
	out8(m, 0x3C2, 0x66);                  /* mono */
	assert_int_equal(in8(m, 0x3CC), 0x66);
	out8(m, 0x3B4, 0x0C);
	assert_int_equal(in8(m, 0x3B5), 0x55);
	out16(m, 0x3D4, 0x770C); /* ignored now */
	assert_int_equal(in8(m, 0x3B5), 0x55);
	assert_int_equal(in8(m, 0x3DA), 0xFF);
	out8(m, 0x3C2, 0x67);
	out8(m, 0x3D4, 0x0C);
	assert_int_equal(in8(m, 0x3D5), 0x55);
}

static void test_crtc_write_protect(void **state)
{
	struct machine *m = *state;

	out16(m, 0x3D4, 0x8E11); /* mode 3's value: protect on */
	out16(m, 0x3D4, 0x1201);
	out16(m, 0x3D4, 0x0D07); /* only bit 4 of the overflow goes through */
	out16(m, 0x3D4, 0x2813);
	assert_int_equal(m->vga.crtc[0x01], 0x4F);
	assert_int_equal(m->vga.crtc[0x07], 0x1F & 0xEF);
	assert_int_equal(m->vga.crtc[0x13], 0x28);
	out16(m, 0x3D4, 0x0E11);
	out16(m, 0x3D4, 0x1201);
	assert_int_equal(m->vga.crtc[0x01], 0x12);
}

static void test_retrace_follows_virtual_time(void **state)
{
	struct machine *m = *state;
	uint64_t frame = 1000000000ull / 70, line = frame / 449;
	int seen_on = 0, seen_off = 0, toggles = 0;
	uint8_t last = in8(m, 0x3DA) & 0x08;

	assert_int_equal(last, 0);              /* time 0: top of the active picture */
	assert_int_equal(in8(m, 0x3DA) & 1, 0); /* and in the displayed part */
	for (uint64_t t = 0; t < 3 * frame; t += line / 2) {
		clock_skip_to(&m->clock, t);
		uint8_t st = in8(m, 0x3DA);
		if (st & 0x08) {
			seen_on++;
			assert_int_equal(st & 1, 1); /* no display during vertical retrace */
		} else {
			seen_off++;
		}
		if ((st & 0x08) != last)
			toggles++;
		last = st & 0x08;
	}
	assert_true(seen_on > 0 && seen_off > seen_on);
	assert_int_equal(toggles, 6); /* on and off once in each of three frames */
}

static void test_mode_13h_pixel_renders_dac_colour(void **state)
{
	struct machine *m = *state;
	uint32_t *px = calloc(VGA_MAX_WIDTH * VGA_MAX_HEIGHT, sizeof *px);
	int w, h;

	assert_non_null(px);
	program_mode_13h(m);
	out8(m, 0x3C8, 0x42);
	out8(m, 0x3C9, 0x3F);
	out8(m, 0x3C9, 0x20);
	out8(m, 0x3C9, 0x00);
	mem_write(&m->mem, 0xA0000 + 17 * 320 + 123, 0x42, 1);
	mem_write(&m->mem, 0xA0000 + 199 * 320 + 319, 0x42, 1);
	assert_int_equal(mem_read(&m->mem, 0xA0000 + 17 * 320 + 123, 1), 0x42);
	vga_render(&m->vga, px, &w, &h);
	assert_int_equal(w, 320);
	assert_int_equal(h, 200);
	assert_int_equal(px[17 * 320 + 123], 0xFF8200);
	assert_int_equal(px[199 * 320 + 319], 0xFF8200);
	assert_int_equal(px[17 * 320 + 124], 0x000000);
	/* Chain-4: consecutive pixels in consecutive planes. */
	assert_int_equal(m->vga.plane[(17 * 320 + 123) & 3][(17 * 320 + 123) & ~3], 0x42);
	/* The 0xB8000 window is gone (GC6 map 1: 0xA0000, 64 KiB). */
	assert_int_equal(mem_read(&m->mem, 0xB8000, 1), 0xFF);
	free(px);
}

static void test_planar_write_uses_map_mask(void **state)
{
	struct machine *m = *state;

	out16(m, 0x3C4, 0x0604); /* memory mode: sequential, no chain-4 */
	out16(m, 0x3CE, 0x0506); /* graphics, A0000 64K */
	out16(m, 0x3CE, 0x0005); /* write mode 0, read mode 0 */
	out16(m, 0x3C4, 0x0502); /* planes 0 and 2 */
	mem_write(&m->mem, 0xA0010, 0xC3, 1);
	assert_int_equal(m->vga.plane[0][0x10], 0xC3);
	assert_int_equal(m->vga.plane[1][0x10], 0x00);
	assert_int_equal(m->vga.plane[2][0x10], 0xC3);
	assert_int_equal(m->vga.plane[3][0x10], 0x00);
	out16(m, 0x3CE, 0x0204); /* read map 2 */
	assert_int_equal(mem_read(&m->mem, 0xA0010, 1), 0xC3);
	out16(m, 0x3CE, 0x0104);
	assert_int_equal(mem_read(&m->mem, 0xA0010, 1), 0x00);
	/* Set/reset on plane 3 with the bit mask keeping the low nibble. */
	out16(m, 0x3C4, 0x0F02);
	out16(m, 0x3CE, 0x0800);       /* set/reset value: plane 3 */
	out16(m, 0x3CE, 0x0801);       /* enable set/reset for plane 3 */
	out16(m, 0x3CE, 0xF008);       /* bit mask */
	mem_read(&m->mem, 0xA0010, 1); /* load the latches */
	mem_write(&m->mem, 0xA0010, 0x00, 1);
	assert_int_equal(m->vga.plane[0][0x10], 0x03);
	assert_int_equal(m->vga.plane[2][0x10], 0x03);
	assert_int_equal(m->vga.plane[3][0x10], 0xF0);
}

/* A glyph loaded into plane 2 as a BIOS does, then drawn with the cursor. */
static void test_text_renders_font_from_plane_2_and_cursor(void **state)
{
	struct machine *m = *state;
	uint32_t *px = calloc(VGA_MAX_WIDTH * VGA_MAX_HEIGHT, sizeof *px);
	int w, h;

	assert_non_null(px);
	/* Plane 2, sequential addressing, A0000 window. */
	out16(m, 0x3C4, 0x0402);
	out16(m, 0x3C4, 0x0704);
	out16(m, 0x3CE, 0x0204);
	out16(m, 0x3CE, 0x0005);
	out16(m, 0x3CE, 0x0406);
	for (int y = 0; y < 16; y++) /* 'A' as a left bar */
		mem_write(&m->mem, 0xA0000 + 'A' * 32 + (uint32_t)y, 0x80, 1);
	/* Back to text. */
	out16(m, 0x3C4, 0x0302);
	out16(m, 0x3C4, 0x0204);
	out16(m, 0x3CE, 0x0004);
	out16(m, 0x3CE, 0x1005);
	out16(m, 0x3CE, 0x0E06);
	mem_write(&m->mem, 0xB8000 + 2 * 81, 0x1E00 | 'A', 2); /* row 1, column 1 */
	out16(m, 0x3D4, 0x000E);
	mem_write(&m->mem, 0xB8000 + 2 * 3, 0x0720, 2);
	out16(m, 0x3D4, 0x030F); /* cursor at 3 */
	out16(m, 0x3D4, 0x0E0A);
	out16(m, 0x3D4, 0x0F0B);
	vga_render(&m->vga, px, &w, &h);
	assert_int_equal(w, 720);
	assert_int_equal(h, 400);
	/* Yellow (DAC 0x3E) bar on blue (DAC 1) at x = 9, rows 16-31. */
	assert_int_equal(px[20 * 720 + 9], 0xFFFF55);
	assert_int_equal(px[20 * 720 + 10], 0x0000AA);
	/* Cell 3 of row 0: cursor lines 14-15 in the cell's foreground. */
	assert_int_equal(px[14 * 720 + 3 * 9 + 4], 0xAAAAAA);
	assert_int_equal(px[15 * 720 + 3 * 9 + 8], 0xAAAAAA);
	assert_int_equal(px[13 * 720 + 3 * 9 + 4], 0x000000);
	out16(m, 0x3D4, 0x2E0A); /* cursor off */
	vga_render(&m->vga, px, &w, &h);
	assert_int_equal(px[14 * 720 + 3 * 9 + 4], 0x000000);
	free(px);
}

/* The board loads the font into map 0 of plane 2 at power-on, 32 bytes a
 * glyph, as a video BIOS does. */
static void test_font_preloaded_in_plane_2(void **state)
{
	struct machine *m = *state;

	for (int ch = 0; ch < 256; ch++)
		for (int y = 0; y < 16; y++)
			assert_int_equal(m->vga.plane[2][ch * 32 + y],
			                 x86lab_font8x16[ch * 16 + y]);
}

/* Guest time moves to frame 'frame' of the 70 Hz text mode. */
static void at_frame(struct machine *m, uint64_t frame)
{
	m->cpu.insns = frame * CLOCK_DEFAULT_IPS / 70 + 1;
}

/* Is any dot of cell 'col' of row 0 in 'rgb', among glyph rows 0-11? */
static bool cell_has(const uint32_t *px, int col, uint32_t rgb)
{
	for (int y = 0; y < 12; y++)
		for (int x = 0; x < 9; x++)
			if (px[y * 720 + col * 9 + x] == rgb)
				return true;
	return false;
}

/* IBM's VGA reference: the cursor blinks every 16 vertical retraces and
 * blinking characters every 32, half on and half off; with blink disabled
 * attribute bit 7 makes the background bright instead. */
static void test_blink_and_cursor_blink(void **state)
{
	struct machine *m = *state;
	uint32_t *px = calloc(VGA_MAX_WIDTH * VGA_MAX_HEIGHT, sizeof *px);
	int w, h;

	assert_non_null(px);
	mem_write(&m->mem, 0xB8000, 0x9E00 | 'A', 2); /* blinking yellow on blue */
	out16(m, 0x3D4, 0x000E);
	out16(m, 0x3D4, 0x010F); /* cursor in cell 1 */
	out16(m, 0x3D4, 0x000A); /* lines 0-15: the whole cell */
	out16(m, 0x3D4, 0x0F0B);
	mem_write(&m->mem, 0xB8002, 0x0720, 2);
	at_frame(m, 0);
	vga_render(&m->vga, px, &w, &h);
	assert_true(cell_has(px, 0, 0xFFFF55));  /* the character shows */
	assert_false(cell_has(px, 1, 0x000000)); /* the cursor fills cell 1 */
	at_frame(m, 10);
	vga_render(&m->vga, px, &w, &h);
	assert_true(cell_has(px, 0, 0xFFFF55));
	assert_false(cell_has(px, 1, 0xAAAAAA)); /* the cursor is off */
	at_frame(m, 20);
	vga_render(&m->vga, px, &w, &h);
	assert_false(cell_has(px, 0, 0xFFFF55)); /* the character is off ... */
	assert_true(cell_has(px, 0, 0x0000AA));  /* ... only its background */
	assert_false(cell_has(px, 1, 0x000000)); /* the cursor is on again */
	at_frame(m, 32);
	vga_render(&m->vga, px, &w, &h);
	assert_true(cell_has(px, 0, 0xFFFF55));
	/* Blink off (attribute mode control 0x04): bright blue background 9. */
	(void)in8(m, 0x3DA);
	out8(m, 0x3C0, 0x30);
	out8(m, 0x3C0, 0x04);
	at_frame(m, 20);
	vga_render(&m->vga, px, &w, &h);
	assert_true(cell_has(px, 0, 0xFFFF55));
	assert_true(cell_has(px, 0, 0x5555FF));
	free(px);
}

/* The CRTC's start address (in characters) scrolls the screen. */
static void test_start_address_scrolls_text(void **state)
{
	struct machine *m = *state;
	char text[25 * 81 + 1];

	mem_write(&m->mem, 0xB8000 + 160 * 3, 0x0700 | 'X', 2); /* row 3 */
	out16(m, 0x3D4, 0x000C);
	out16(m, 0x3D4, 0x500D); /* start at character 80: row 1 */
	vga_text_snapshot(&m->vga, text, sizeof text, NULL);
	assert_int_equal(text[81 * 2], 'X');
	assert_int_equal(text[81 * 3], ' ');
}

/* Character map select: with map B = 1, a character without attribute bit 3
 * takes its glyph from plane 2 at 16 KiB, one with it from map A = 0. */
static void test_character_map_select(void **state)
{
	struct machine *m = *state;
	uint32_t *px = calloc(VGA_MAX_WIDTH * VGA_MAX_HEIGHT, sizeof *px);
	int w, h;

	assert_non_null(px);
	m->vga.plane[2]['B' * 32 + 0] = 0x80;          /* map 0: dot at the left */
	m->vga.plane[2][0x4000 + 'B' * 32 + 0] = 0x01; /* map 1: dot at the right */
	mem_write(&m->mem, 0xB8000, 0x0700 | 'B', 2);
	mem_write(&m->mem, 0xB8002, 0x0F00 | 'B', 2);
	out16(m, 0x3C4, 0x0103);
	vga_render(&m->vga, px, &w, &h);
	assert_int_equal(px[0], 0x000000);
	assert_int_equal(px[7], 0xAAAAAA);
	assert_int_equal(px[9], 0xFFFFFF);
	assert_int_equal(px[9 + 7], 0x000000);
	free(px);
}

/* Unchained 256 colours ("mode X"): byte mode, four pixels per address, one
 * from each plane, written with the map mask. */
static void test_unchained_256_colours(void **state)
{
	struct machine *m = *state;
	uint32_t *px = calloc(VGA_MAX_WIDTH * VGA_MAX_HEIGHT, sizeof *px);
	int w, h;

	assert_non_null(px);
	program_mode_13h(m);
	out16(m, 0x3C4, 0x0604);                           /* chain-4 off */
	out16(m, 0x3D4, 0x0014);                           /* doubleword mode off */
	out16(m, 0x3D4, 0xE317);                           /* byte mode */
	out16(m, 0x3C4, 0x0402);                           /* plane 2 only */
	mem_write(&m->mem, 0xA0000 + 80 * 5 + 3, 0x09, 1); /* x = 3 * 4 + 2, y = 5 */
	out8(m, 0x3C8, 0x09);
	out8(m, 0x3C9, 0x00);
	out8(m, 0x3C9, 0x00);
	out8(m, 0x3C9, 0x3F);
	vga_render(&m->vga, px, &w, &h);
	assert_int_equal(w, 320);
	assert_int_equal(px[5 * 320 + 14], 0x0000FF);
	assert_int_equal(px[5 * 320 + 13], 0x000000);
	assert_int_equal(px[5 * 320 + 15], 0x000000);
	free(px);
}

/* vga_set_mode gives the same registers the guest programs itself. */
static void test_set_mode_matches_guest_programming(void **state)
{
	struct machine *m = *state;
	struct vga by_hand;

	program_mode_13h(m);
	by_hand = m->vga;
	assert_int_equal(vga_set_mode(&m->vga, 0x03), 0);
	assert_int_equal(m->vga.misc, 0x67);
	assert_int_equal(vga_set_mode(&m->vga, 0x13), 0);
	assert_memory_equal(m->vga.seq, by_hand.seq, sizeof by_hand.seq);
	assert_memory_equal(m->vga.crtc, by_hand.crtc, sizeof by_hand.crtc);
	assert_memory_equal(m->vga.gc, by_hand.gc, sizeof by_hand.gc);
	assert_memory_equal(m->vga.attr, by_hand.attr, sizeof by_hand.attr);
	assert_int_equal(m->vga.misc, by_hand.misc);
	assert_int_equal(vga_set_mode(&m->vga, 0x12), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_set_mode_matches_guest_programming, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_character_map_select, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unchained_256_colours, setup, teardown),
		cmocka_unit_test_setup_teardown(test_power_on_is_mode_3, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_write_shows_in_snapshot, setup, teardown),
		cmocka_unit_test_setup_teardown(test_start_address_scrolls_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cursor_location_by_16_bit_out, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_attribute_flip_flop_reset_by_status_read,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_dac_round_trip_with_auto_increment, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_misc_output_moves_crtc, setup, teardown),
		cmocka_unit_test_setup_teardown(test_crtc_write_protect, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retrace_follows_virtual_time, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mode_13h_pixel_renders_dac_colour, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_planar_write_uses_map_mask, setup, teardown),
		cmocka_unit_test_setup_teardown(test_font_preloaded_in_plane_2, setup, teardown),
		cmocka_unit_test_setup_teardown(test_blink_and_cursor_blink, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_renders_font_from_plane_2_and_cursor,
		                                setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
