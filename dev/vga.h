/*
 * dev/vga.h — the IBM VGA: its registers on ports 0x3B0-0x3DF, 256 KiB of
 * planar video memory behind the 0xA0000-0xBFFFF window, and rendering of
 * that memory into a host-side 32-bit RGB frame buffer for front ends.
 */
#ifndef X86LAB_VGA_H
#define X86LAB_VGA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bus.h"
#include "clock.h"
#include "mem.h"

#define VGA_PLANE_SIZE 0x10000u /* each of the four planes */
#define VGA_MAX_WIDTH  720      /* 80 columns of 9-dot characters */
#define VGA_MAX_HEIGHT 480
/* One frame of the 70 Hz modes; blinking counts these in guest time. */
#define VGA_FRAME_NS (1000000000ull / 70)

enum { VGA_SEQ_REGS = 5, VGA_GC_REGS = 9, VGA_CRTC_REGS = 25, VGA_ATTR_REGS = 21 };

struct vga {
	struct clock *clk; /* input status 1 follows guest time */
	uint8_t *plane[4]; /* planes 0-3, VGA_PLANE_SIZE bytes each, one allocation */
	uint8_t latch[4];  /* loaded by every CPU read, used by write modes 0-3 */

	uint8_t misc; /* miscellaneous output: bit 0 colour (0x3Dx) or mono (0x3Bx) CRTC */
	uint8_t seq_index, seq[VGA_SEQ_REGS];
	uint8_t gc_index, gc[VGA_GC_REGS];
	uint8_t crtc_index, crtc[VGA_CRTC_REGS];
	uint8_t attr_index; /* bits 0-4 register, bit 5 palette address source (video on) */
	uint8_t attr[VGA_ATTR_REGS];
	bool attr_data; /* the flip-flop: the next 0x3C0 write is data, not an index */

	uint8_t dac[256][3];                   /* 6-bit red, green, blue */
	uint8_t dac_write, dac_read;           /* entry indexes of 0x3C8 and 0x3C7 */
	uint8_t dac_write_comp, dac_read_comp; /* the next component, 0-2 */
	bool dac_reading; /* the last index written was 0x3C7 (DAC state, 0x3C7 read) */
	uint8_t pel_mask;
	/* Counts writes to the registers and the memory window: a front end
	 * redraws only when it moved (or the blink phase did). */
	uint64_t changes;
};

/* Maps ports 0x3B0-0x3DF and memory 0xA0000-0xBFFFF, and sets the registers
 * of 80x25 colour text (mode 3) with the default palette. The font plane
 * (plane 2) starts empty: a BIOS loads it, or the board (vga_load_font).
 * Returns 0, or -1 when memory or a mapping cannot be had. */
int vga_init(struct vga *v, struct bus *b, struct mem *m, struct clock *clk);
void vga_free(struct vga *v);

/* Put 256 glyphs of 'height' bytes each (one byte a row, bit 7 left) into
 * font map 0 of plane 2, 32 bytes apart, as a video BIOS does on a mode set. */
void vga_load_font(struct vga *v, const uint8_t *glyphs, int height);

/* Program the registers of a standard mode: 0x03 (80x25 text) or 0x13
 * (320x200, 256 colours). Video memory is left alone. Returns 0 or -1. */
int vga_set_mode(struct vga *v, int mode);

/* dev/vga_render.c. The screen as pixels 0x00RRGGBB into 'pixels', which
 * holds VGA_MAX_WIDTH * VGA_MAX_HEIGHT; '*width' and '*height' get its
 * size, rows are '*width' pixels apart. Blinking text and the cursor show
 * as they are at the current guest time. */
void vga_render(const struct vga *v, uint32_t *pixels, int *width, int *height);
/* Columns and rows of the text screen (from the CRTC). */
void vga_text_size(const struct vga *v, int *cols, int *rows);
/* The character and attribute at 'row', 'col' of the text screen. */
void vga_text_cell(const struct vga *v, int row, int col, uint8_t *ch, uint8_t *attr);
/* The cursor's row and column on the text screen, and whether it shows (the
 * CRTC's cursor-off bit; blinking aside); off the screen counts as hidden. */
bool vga_cursor(const struct vga *v, int *row, int *col);
/* The text screen as 'rows' lines of 'cols' characters, each ended by '\n',
 * then a NUL; 'len' must be at least rows * (cols + 1) + 1. Character 0 shows
 * as a space, others outside 0x20-0x7E as '.'. 'attrs' (may be NULL) gets
 * cols * rows attribute bytes. Returns the characters written (without the
 * NUL), or -1 when 'len' is too small. */
int vga_text_snapshot(const struct vga *v, char *text, size_t len, uint8_t *attrs);
/* Text mode (graphics controller misc bit 0 clear)? */
bool vga_is_text(const struct vga *v);
/* Which blink phases show at guest time 'ns': characters with attribute
 * bit 7 (when blinking is enabled) and the cursor. */
void vga_blink_phase(const struct vga *v, uint64_t ns, bool *chars_on, bool *cursor_on);

#endif
