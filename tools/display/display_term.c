/*
 * tools/display/display_term.c — the VGA text screen in the terminal: the
 * characters in UTF-8 with the 16 text colours as ANSI colours, redrawn
 * cell by cell where they changed, on the terminal's alternate screen;
 * keys read in raw mode. The terminal is put back as it was on exit, on
 * Ctrl-C and on fatal signals.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "cp437.h"
#include "display.h"
#include "term_keys.h"
#include "term_raw.h"

enum { MAX_COLS = 256, MAX_ROWS = 128, OUT_MAX = 1 << 18 };

/* Leave the alternate screen with colours reset and the cursor shown. */
static const char leave_seq[] = "\033[0m\033[?25h\033[?1049l";
static const char enter_seq[] = "\033[?1049h\033[0m\033[2J\033[?25l";

struct term_view {
	uint16_t shadow[MAX_ROWS][MAX_COLS]; /* character << 8 | attribute drawn */
	bool shadow_valid;
	int cols, rows;           /* the text screen drawn */
	int term_cols, term_rows; /* the terminal's size when it was drawn */
	bool graphics_note;       /* the graphics-mode note is on the screen */
	int cur_row, cur_col;
	bool cur_shown;
	char out[OUT_MAX];
	size_t len;
	int in_fd, out_fd; /* the terminal: -1 for no input */
	bool raw;          /* raw mode and the alternate screen are on */
};

static void flush_out(struct term_view *v)
{
	size_t done = 0;

	while (done < v->len) {
		ssize_t w = write(v->out_fd, v->out + done, v->len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	v->len = 0;
}

static void put(struct term_view *v, const char *s, size_t n)
{
	if (v->len + n > sizeof v->out)
		flush_out(v);
	if (n <= sizeof v->out) {
		memcpy(v->out + v->len, s, n);
		v->len += n;
	}
}

static void putf(struct term_view *v, const char *fmt, int a, int b)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof tmp, fmt, a, b);

	if (n > 0)
		put(v, tmp, (size_t)n);
}

static void enter(struct term_view *v)
{
	if (v->raw)
		return;
	term_raw_enter();
	v->raw = true;
	v->shadow_valid = false;
	v->graphics_note = false;
	v->cur_shown = false;
}

static void leave(struct term_view *v)
{
	term_raw_leave();
	v->raw = false;
}

static int term_open(struct display *d, char *err, size_t n)
{
	struct term_view *v;

	if (!isatty(STDOUT_FILENO)) {
		snprintf(err, n, "--display term needs a terminal on standard output");
		return -1;
	}
	v = calloc(1, sizeof *v);
	if (!v) {
		snprintf(err, n, "out of memory");
		return -1;
	}
	v->out_fd = STDOUT_FILENO;
	v->in_fd = isatty(STDIN_FILENO) ? STDIN_FILENO : -1;
	if (!term_raw_open(v->in_fd, v->out_fd, enter_seq, leave_seq)) {
		free(v);
		snprintf(err, n, "the terminal is taken by another user of it");
		return -1;
	}
	d->impl = v;
	enter(v);
	return 0;
}

static void term_suspend(struct display *d)
{
	leave(d->impl);
}

static void term_resume(struct display *d)
{
	enter(d->impl);
}

static void term_close(struct display *d)
{
	struct term_view *v = d->impl;

	term_raw_close();
	free(v);
}

static void take_input(struct display *d)
{
	struct term_view *v = d->impl;
	struct pollfd p = { v->in_fd, POLLIN, 0 };
	uint8_t buf[256];
	struct key_event ev[256];

	if (v->in_fd < 0)
		return;
	while (poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) {
		ssize_t got = read(v->in_fd, buf, sizeof buf);
		bool host = false;
		int n;

		if (got <= 0)
			return;
		n = term_keys_parse(buf, (size_t)got, ev, 256, &host);
		if (n > 0)
			keyfeed_push(&d->m->keys, ev, n, clock_ns(&d->m->clock));
		if (host) {
			if (d->in_monitor)
				d->break_requested = true;
			else
				d->quit = true;
		}
	}
}

/* VGA colours are blue, green, red in bits 0-2; ANSI's are red, green, blue. */
static int ansi_colour(int vga)
{
	return (vga & 1) << 2 | (vga & 2) | (vga & 4) >> 2;
}

static void set_attr(struct term_view *v, uint8_t at, bool blink_enabled)
{
	int fg = at & 0x0F, bg = blink_enabled ? at >> 4 & 7 : at >> 4;
	char tmp[48];
	int n = snprintf(tmp, sizeof tmp, "\033[0;%d;%d%sm", (fg & 8 ? 90 : 30) + ansi_colour(fg),
	                 (bg & 8 ? 100 : 40) + ansi_colour(bg),
	                 blink_enabled && (at & 0x80) ? ";5" : "");

	put(v, tmp, (size_t)n);
}

static void draw_graphics_note(struct term_view *v)
{
	static const char note[] = "x86lab: the guest is in a graphics mode, which the terminal "
	                           "cannot show; use --display sdl or the monitor's screendump";

	if (v->graphics_note)
		return;
	put(v, "\033[0m\033[2J\033[H\033[?25l", 17);
	put(v, note, sizeof note - 1);
	v->graphics_note = true;
	v->shadow_valid = false;
	v->cur_shown = false;
}

static void draw_text(struct term_view *v, const struct vga *vga)
{
	bool blink_enabled = vga->attr[0x10] & 0x08;
	int cols, rows, at_row = -1, at_col = -1, cur_row = 0, cur_col = 0, last_attr = -1;
	bool cursor;
	struct winsize ws;
	int term_cols = MAX_COLS, term_rows = MAX_ROWS;

	/* A smaller terminal shows the top left part: a line longer than the
	 * terminal would wrap and scroll the rest. */
	if (ioctl(v->out_fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col && ws.ws_row) {
		term_cols = ws.ws_col;
		term_rows = ws.ws_row;
	}
	vga_text_size(vga, &cols, &rows);
	cols = cols > MAX_COLS ? MAX_COLS : cols > term_cols ? term_cols : cols;
	rows = rows > MAX_ROWS ? MAX_ROWS : rows > term_rows ? term_rows : rows;
	if (!v->shadow_valid || cols != v->cols || rows != v->rows || v->graphics_note ||
	    term_cols != v->term_cols || term_rows != v->term_rows) {
		put(v, "\033[0m\033[2J", 8);
		v->cols = cols;
		v->rows = rows;
		v->term_cols = term_cols;
		v->term_rows = term_rows;
		v->graphics_note = false;
		v->shadow_valid = false;
	}
	for (int r = 0; r < rows; r++)
		for (int c = 0; c < cols; c++) {
			uint8_t ch, at;
			uint16_t cell;
			char utf8[4];

			vga_text_cell(vga, r, c, &ch, &at);
			cell = (uint16_t)(ch << 8 | at);
			if (v->shadow_valid && v->shadow[r][c] == cell)
				continue;
			v->shadow[r][c] = cell;
			if (r != at_row || c != at_col)
				putf(v, "\033[%d;%dH", r + 1, c + 1);
			if (at != last_attr)
				set_attr(v, at, blink_enabled);
			last_attr = at;
			put(v, utf8, utf8_encode(cp437_unicode(ch), utf8));
			at_row = r;
			at_col = c + 1;
		}
	v->shadow_valid = true;
	cursor = vga_cursor(vga, &cur_row, &cur_col) && cur_row < rows && cur_col < cols;
	if (cursor &&
	    (at_row >= 0 || !v->cur_shown || cur_row != v->cur_row || cur_col != v->cur_col)) {
		putf(v, "\033[%d;%dH", cur_row + 1, cur_col + 1);
		if (!v->cur_shown)
			put(v, "\033[?25h", 6);
	} else if (!cursor && v->cur_shown) {
		put(v, "\033[?25l", 6);
	}
	v->cur_shown = cursor;
	v->cur_row = cur_row;
	v->cur_col = cur_col;
}

static void term_frame(struct display *d)
{
	struct term_view *v = d->impl;

	if (!v->raw)
		return;
	take_input(d);
	if (vga_is_text(&d->m->vga))
		draw_text(v, &d->m->vga);
	else
		draw_graphics_note(v);
	flush_out(v);
}

const struct display_ops display_term_ops = {
	.name = "term",
	.open = term_open,
	.frame = term_frame,
	.suspend = term_suspend,
	.resume = term_resume,
	.close = term_close,
	.frame_ns = 1000000000u / 30,
};
