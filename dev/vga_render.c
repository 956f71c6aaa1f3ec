/*
 * dev/vga_render.c — turns the VGA's planes and registers into host pixels
 * (text from the font in plane 2, 16-colour planar graphics, 256-colour
 * chain-4) and the text screen into characters for tests and terminals.
 */
#include "vga.h"

enum { FONT_BYTES_PER_CHAR = 32 }; /* plane 2 holds 32 bytes per glyph, 8 KiB per map */

static int max_scan_line(const struct vga *v)
{
	return (v->crtc[0x09] & 0x1F) + 1;
}

/* Scan lines the CRTC shows: vertical display end plus one, with its bits 8
 * and 9 in the overflow register. */
static int display_lines(const struct vga *v)
{
	int vde = v->crtc[0x12] | (v->crtc[0x07] & 0x02) << 7 | (v->crtc[0x07] & 0x40) << 3;

	return vde + 1;
}

static uint32_t start_address(const struct vga *v)
{
	return (uint32_t)v->crtc[0x0C] << 8 | v->crtc[0x0D];
}

/* The plane address the CRTC reads for its address counter 'n': shifted
 * by two in doubleword mode (CRTC 0x14 bit 6), by one in word mode (CRTC
 * 0x17 bit 6 clear), as chain-4 and odd/even writes placed the bytes. */
static uint32_t crtc_addr(const struct vga *v, uint32_t n)
{
	if (v->crtc[0x14] & 0x40)
		n <<= 2;
	else if (!(v->crtc[0x17] & 0x40))
		n <<= 1;
	return n & (VGA_PLANE_SIZE - 1);
}

/* The DAC's 6-bit levels are linear from 0 to 63 (full scale): to 8 bits
 * as v * 255 / 63, rounded, so 0x2A is 0xAA and 0x15 is 0x55. */
static uint32_t scale6(uint8_t v)
{
	return ((uint32_t)v * 255 + 31) / 63;
}

static uint32_t dac_rgb(const struct vga *v, uint8_t index)
{
	const uint8_t *c = v->dac[index & v->pel_mask];

	return scale6(c[0]) << 16 | scale6(c[1]) << 8 | scale6(c[2]);
}

/* A 4-bit colour through the attribute controller's palette to the DAC. */
static uint32_t attr_rgb(const struct vga *v, int colour)
{
	uint8_t pal = v->attr[colour & 0x0F] & 0x3F;
	uint8_t select = v->attr[0x14];
	uint8_t index;

	if (v->attr[0x10] & 0x80) /* P5/P4 from the colour select register */
		index = (uint8_t)((select & 0x0C) << 4 | (select & 0x03) << 4 | (pal & 0x0F));
	else
		index = (uint8_t)((select & 0x0C) << 4 | pal);
	return dac_rgb(v, index);
}

/* Where font map 'n' (0-7) starts in plane 2: maps 0-3 at 16 KiB steps,
 * maps 4-7 in the 8 KiB halves between them. */
static uint32_t font_map_offset(int n)
{
	return (uint32_t)(n & 3) * 0x4000 + (uint32_t)(n >> 2) * 0x2000;
}

/* The glyph of a character: attribute bit 3 picks font map A over map B
 * (sequencer character map select), which makes 512 characters when they
 * differ. */
static const uint8_t *glyph_of(const struct vga *v, uint8_t ch, uint8_t at)
{
	uint8_t sel = v->seq[0x03];
	int map_a = (sel >> 5 & 1) << 2 | (sel >> 2 & 3), map_b = (sel >> 4 & 1) << 2 | (sel & 3);

	return v->plane[2] + font_map_offset(at & 0x08 ? map_a : map_b) +
	       (uint32_t)ch * FONT_BYTES_PER_CHAR;
}

void vga_text_size(const struct vga *v, int *cols, int *rows)
{
	*cols = v->crtc[0x01] + 1;
	*rows = display_lines(v) / max_scan_line(v);
	if (*rows < 1)
		*rows = 1;
}

/* The VGA counts vertical retraces: the cursor blinks every 16 frames (8
 * on, 8 off) and blinking characters every 32 (16 on, 16 off). The frames
 * are counted in guest time, not host time, so a screenshot taken at the
 * same point of a run is always the same image, and a guest that waits for
 * retraces through input status 1 sees the blink follow its own count. */
void vga_blink_phase(const struct vga *v, uint64_t ns, bool *chars_on, bool *cursor_on)
{
	uint64_t frame = ns / VGA_FRAME_NS;

	(void)v;
	*chars_on = frame % 32 < 16;
	*cursor_on = frame % 16 < 8;
}

bool vga_is_text(const struct vga *v)
{
	return !(v->gc[0x06] & 0x01);
}

void vga_text_cell(const struct vga *v, int row, int col, uint8_t *ch, uint8_t *attr)
{
	uint32_t stride = (uint32_t)v->crtc[0x13] * 2;
	uint32_t addr = crtc_addr(v, start_address(v) + (uint32_t)row * stride + (uint32_t)col);

	*ch = v->plane[0][addr];
	*attr = v->plane[1][addr];
}

bool vga_cursor(const struct vga *v, int *row, int *col)
{
	uint32_t stride = (uint32_t)v->crtc[0x13] * 2, start = start_address(v);
	uint32_t cursor = (uint32_t)v->crtc[0x0E] << 8 | v->crtc[0x0F];
	int cols, rows;

	vga_text_size(v, &cols, &rows);
	if (!stride || cursor < start || (v->crtc[0x0A] & 0x20))
		return false;
	*row = (int)((cursor - start) / stride);
	*col = (int)((cursor - start) % stride);
	return *row < rows && *col < cols;
}

static void render_text(const struct vga *v, uint32_t *px, int *width, int *height)
{
	int cols, rows, cell_h = max_scan_line(v);
	int cell_w = (v->seq[0x01] & 0x01) ? 8 : 9;
	/* Sequencer clocking mode bit 3 halves the dot clock (40 columns):
	 * each dot shows twice as wide. */
	int dot_w = (v->seq[0x01] & 0x08) ? 2 : 1;
	uint32_t stride = (uint32_t)v->crtc[0x13] * 2, start = start_address(v);
	uint32_t cursor = (uint32_t)v->crtc[0x0E] << 8 | v->crtc[0x0F];
	int cur_first = v->crtc[0x0A] & 0x1F, cur_last = v->crtc[0x0B] & 0x1F;
	bool chars_on, cursor_phase;
	/* With blink enabled (attribute mode control bit 3), attribute bit 7
	 * blinks the character rather than brightening the background. */
	bool blink = v->attr[0x10] & 0x08;
	bool line_chars = v->attr[0x10] & 0x04;
	bool cursor_on;
	uint32_t palette[16]; /* the 16 attribute colours as RGB, once a frame */

	vga_blink_phase(v, v->clk ? clock_ns(v->clk) : 0, &chars_on, &cursor_phase);
	cursor_on = !(v->crtc[0x0A] & 0x20) && cursor_phase;
	vga_text_size(v, &cols, &rows);
	if (cols * cell_w * dot_w > VGA_MAX_WIDTH)
		cols = VGA_MAX_WIDTH / (cell_w * dot_w);
	if (rows * cell_h > VGA_MAX_HEIGHT)
		rows = VGA_MAX_HEIGHT / cell_h;
	*width = cols * cell_w * dot_w;
	*height = rows * cell_h;
	for (int i = 0; i < 16; i++)
		palette[i] = attr_rgb(v, i);
	for (int r = 0; r < rows; r++) {
		for (int c = 0; c < cols; c++) {
			uint32_t n = start + (uint32_t)r * stride + (uint32_t)c;
			uint32_t addr = crtc_addr(v, n);
			uint8_t ch = v->plane[0][addr], at = v->plane[1][addr];
			int bg = blink ? at >> 4 & 7 : at >> 4;
			bool hidden = blink && (at & 0x80) && !chars_on;
			uint32_t fg_rgb = palette[at & 0x0F], bg_rgb = palette[bg];
			const uint8_t *glyph = glyph_of(v, ch, at);
			/* The ninth dot repeats the eighth for the line-drawing
			 * characters C0-DF, as the attribute controller's bit 2
			 * asks; otherwise it is background. */
			bool ninth = line_chars && ch >= 0xC0 && ch <= 0xDF;

			for (int y = 0; y < cell_h; y++) {
				uint8_t bits = y < FONT_BYTES_PER_CHAR && !hidden ? glyph[y] : 0;
				/* The cursor takes the cell's foreground colour, also
				 * over a character blinked off. */
				bool cur = cursor_on && (n & 0xFFFF) == cursor && y >= cur_first &&
				           y <= cur_last;
				uint32_t *row = px + (size_t)(r * cell_h + y) * (size_t)*width +
				                (size_t)(c * cell_w * dot_w);

				/* Dots left to right as the bits of a 9-bit row. */
				unsigned dots =
				        cur ? 0x1FFu
				            : (unsigned)bits << 1 | (ninth ? bits & 1u : 0u);

				for (int x = 0; x < cell_w; x++) {
					uint32_t rgb = dots >> (8 - x) & 1 ? fg_rgb : bg_rgb;

					if (dot_w == 1) {
						row[x] = rgb;
						continue;
					}
					row[2 * x] = row[2 * x + 1] = rgb;
				}
			}
		}
	}
}

/* A graphics frame's size: 'dots' pixels per character clock of the CRTC's
 * horizontal display end, lines after the scan-line repeat and double scan,
 * clipped to the frame buffer. */
static void graphics_size(const struct vga *v, int dots, int *width, int *height)
{
	int w = (v->crtc[0x01] + 1) * dots, h = display_lines(v) / max_scan_line(v);

	if (v->crtc[0x09] & 0x80) /* double scan */
		h /= 2;
	*width = w > VGA_MAX_WIDTH ? VGA_MAX_WIDTH : w;
	*height = h > VGA_MAX_HEIGHT ? VGA_MAX_HEIGHT : h;
}

/* 256 colours: each address the CRTC reads gives four pixels, one from
 * each plane (chain-4 put pixel p in plane p & 3). */
static void render_256(const struct vga *v, uint32_t *px, int *width, int *height)
{
	uint32_t stride = (uint32_t)v->crtc[0x13] * 2, start = start_address(v);
	int w, h;

	graphics_size(v, 4, &w, &h);
	*width = w;
	*height = h;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			uint32_t a = crtc_addr(v, start + (uint32_t)y * stride + (uint32_t)x / 4);
			px[(size_t)y * (size_t)w + (size_t)x] = dac_rgb(v, v->plane[x & 3][a]);
		}
}

/* 16 colours from four planes, a bit of each per pixel. */
static void render_planar(const struct vga *v, uint32_t *px, int *width, int *height)
{
	uint32_t stride = (uint32_t)v->crtc[0x13] * 2, start = start_address(v);
	int w, h;

	graphics_size(v, 8, &w, &h);
	*width = w;
	*height = h;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			uint32_t a = crtc_addr(v, start + (uint32_t)y * stride + (uint32_t)x / 8);
			int bit = 7 - x % 8, colour = 0;

			for (int i = 0; i < 4; i++)
				colour |= (v->plane[i][a] >> bit & 1) << i;
			px[(size_t)y * (size_t)w + (size_t)x] = attr_rgb(v, colour & v->attr[0x12]);
		}
}

void vga_render(const struct vga *v, uint32_t *pixels, int *width, int *height)
{
	if (vga_is_text(v))
		render_text(v, pixels, width, height);
	else if (v->attr[0x10] & 0x40) /* 8-bit colour */
		render_256(v, pixels, width, height);
	else
		render_planar(v, pixels, width, height);
}

int vga_text_snapshot(const struct vga *v, char *text, size_t len, uint8_t *attrs)
{
	int cols, rows, n = 0;
	uint32_t stride = (uint32_t)v->crtc[0x13] * 2, start = start_address(v);

	vga_text_size(v, &cols, &rows);
	if (len < (size_t)rows * (size_t)(cols + 1) + 1)
		return -1;
	for (int r = 0; r < rows; r++) {
		for (int c = 0; c < cols; c++) {
			uint32_t addr = crtc_addr(v, start + (uint32_t)r * stride + (uint32_t)c);
			uint8_t ch = v->plane[0][addr];

			text[n++] = ch == 0 ? ' ' : ch >= 0x20 && ch < 0x7F ? (char)ch : '.';
			if (attrs)
				attrs[r * cols + c] = v->plane[1][addr];
		}
		text[n++] = '\n';
	}
	text[n] = '\0';
	return n;
}
