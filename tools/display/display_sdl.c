/*
 * tools/display/display_sdl.c — the SDL2 window: the VGA screen at an
 * integer scale (the window resizes freely, the picture keeps whole pixels),
 * a status line under it, the keyboard as PS/2 scancodes, and the host keys
 * Ctrl+Alt+G (grab or release the keyboard) and Ctrl+Alt+M (break into the
 * monitor).
 */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "font8x16.h"
#include "sdl_keys.h"

enum { STATUS_H = 16, STATUS_FG = 0xC0C0C0, STATUS_BG = 0x202020 };

struct sdl_view {
	SDL_Window *win;
	SDL_Renderer *ren;
	SDL_Texture *tex;
	int tex_w, tex_h;
	uint32_t *canvas; /* the screen, then the status line, tex_w pixels a row */
	bool grabbed;
	bool swallowed[SDL_NUM_SCANCODES]; /* host-key presses whose release the guest must not see
	                                    */
	char title[160];
	/* What the window shows, to skip frames where nothing changed. */
	bool shown;
	uint64_t shown_changes;
	bool shown_chars_on, shown_cursor_on;
	char shown_status[128];
	uint64_t shown_at; /* host ns */
};

static int sdl_open(struct display *d, char *err, size_t n)
{
	struct sdl_view *v = calloc(1, sizeof *v);

	if (!v) {
		snprintf(err, n, "out of memory");
		return -1;
	}
	v->canvas = malloc((size_t)VGA_MAX_WIDTH * (VGA_MAX_HEIGHT + STATUS_H) * sizeof *v->canvas);
	/* Key repeat comes from the emulated keyboard's typematic, in guest
	 * time; SDL's own repeat events are ignored below. */
	if (!v->canvas || SDL_Init(SDL_INIT_VIDEO) < 0) {
		snprintf(err, n, "cannot start SDL: %s",
		         v->canvas ? SDL_GetError() : "out of memory");
		free(v->canvas);
		free(v);
		return -1;
	}
	v->win = SDL_CreateWindow("x86lab", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 720,
	                          400 + STATUS_H, SDL_WINDOW_RESIZABLE);
	if (v->win)
		v->ren = SDL_CreateRenderer(v->win, -1, 0);
	if (!v->ren) {
		snprintf(err, n, "cannot open an SDL window: %s", SDL_GetError());
		if (v->win)
			SDL_DestroyWindow(v->win);
		SDL_Quit();
		free(v->canvas);
		free(v);
		return -1;
	}
	SDL_RenderSetIntegerScale(v->ren, SDL_TRUE);
	d->impl = v;
	return 0;
}

static void sdl_close(struct display *d)
{
	struct sdl_view *v = d->impl;

	if (v->tex)
		SDL_DestroyTexture(v->tex);
	SDL_DestroyRenderer(v->ren);
	SDL_DestroyWindow(v->win);
	SDL_Quit();
	free(v->canvas);
	free(v);
}

static void set_grab(struct sdl_view *v, bool on)
{
	v->grabbed = on;
	SDL_SetWindowKeyboardGrab(v->win, on ? SDL_TRUE : SDL_FALSE);
}

/* Ctrl+Alt+G and Ctrl+Alt+M belong to the host. Returns true when 'e' was
 * one of them (or the release of one). */
static bool host_key(struct display *d, struct sdl_view *v, const SDL_KeyboardEvent *e)
{
	SDL_Scancode sc = e->keysym.scancode;
	bool ctrl_alt = (e->keysym.mod & KMOD_CTRL) && (e->keysym.mod & KMOD_ALT);

	if (e->type == SDL_KEYUP && sc < SDL_NUM_SCANCODES && v->swallowed[sc]) {
		v->swallowed[sc] = false;
		return true;
	}
	if (e->type != SDL_KEYDOWN || !ctrl_alt)
		return false;
	if (sc == SDL_SCANCODE_G)
		set_grab(v, !v->grabbed);
	else if (sc == SDL_SCANCODE_M)
		d->break_requested = true;
	else
		return false;
	v->swallowed[sc] = true;
	return true;
}

static void key_to_guest(struct display *d, const SDL_KeyboardEvent *e)
{
	struct key_event ev;

	if (e->repeat) /* the guest's keyboard repeats by itself */
		return;
	if (sdl_key_event(e->keysym.scancode, e->type == SDL_KEYDOWN, &ev))
		keyfeed_push(&d->m->keys, &ev, 1, clock_ns(&d->m->clock));
}

static void take_events(struct display *d, struct sdl_view *v)
{
	SDL_Event e;

	while (SDL_PollEvent(&e)) {
		switch (e.type) {
		case SDL_QUIT:
			d->quit = true;
			break;
		case SDL_KEYDOWN:
		case SDL_KEYUP:
			if (!host_key(d, v, &e.key))
				key_to_guest(d, &e.key);
			break;
		case SDL_WINDOWEVENT:
			if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST && v->grabbed)
				set_grab(v, false);
			else if (e.window.event == SDL_WINDOWEVENT_EXPOSED ||
			         e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
				v->shown = false;
			break;
		default:
			break;
		}
	}
}

/* The status line in the font the VGA uses, one 8x16 cell a character. */
static void draw_status(struct display *d, struct sdl_view *v, int w, int y0)
{
	char text[128];
	size_t len;

	display_status_text(d, text, sizeof text);
	len = strlen(text);
	for (int y = 0; y < STATUS_H; y++) {
		uint32_t *row = v->canvas + (size_t)(y0 + y) * (size_t)w;

		for (int x = 0; x < w; x++) {
			size_t i = (size_t)x / 8;
			uint8_t ch = i < len ? (uint8_t)text[i] : ' ';
			bool on = x86lab_font8x16[ch * 16 + y] >> (7 - x % 8) & 1;

			row[x] = on ? STATUS_FG : STATUS_BG;
		}
	}
}

/* A new screen size (a mode change): a texture of that size, and the window
 * at a whole multiple of it, twice for the small graphics modes. */
static int fit_texture(struct sdl_view *v, int w, int h)
{
	int scale = w < 640 ? 2 : 1;

	if (v->tex && v->tex_w == w && v->tex_h == h)
		return 0;
	if (v->tex)
		SDL_DestroyTexture(v->tex);
	v->tex = SDL_CreateTexture(v->ren, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING, w,
	                           h);
	if (!v->tex)
		return -1;
	v->tex_w = w;
	v->tex_h = h;
	SDL_RenderSetLogicalSize(v->ren, w, h);
	SDL_SetWindowSize(v->win, w * scale, h * scale);
	return 0;
}

static void set_title(struct display *d, struct sdl_view *v)
{
	char title[sizeof v->title];

	snprintf(title, sizeof title, "x86lab (%s)%s", d->cpu_name,
	         v->grabbed ? " - keyboard grabbed, Ctrl+Alt+G releases it" : "");
	if (strcmp(title, v->title)) {
		memcpy(v->title, title, sizeof title);
		SDL_SetWindowTitle(v->win, title);
	}
}

/* Rendering and presenting cost more than the guest can spare at 60 frames
 * a second; most frames nothing changed: no write to the VGA, the same
 * blink phase, the same status line. Blinking follows guest time, so a
 * guest running faster than real time would blink (and cost a redraw)
 * nearly every frame: changes of the blink phase or the status line alone
 * are shown at most ten times a second. */
#define BLINK_REDRAW_NS 100000000u

static bool screen_changed(struct display *d, struct sdl_view *v)
{
	const struct vga *vga = &d->m->vga;
	bool chars_on, cursor_on;
	char status[sizeof v->shown_status];
	uint64_t now = display_now_ns();

	vga_blink_phase(vga, clock_ns(&d->m->clock), &chars_on, &cursor_on);
	display_status_text(d, status, sizeof status);
	if (v->shown && v->shown_changes == vga->changes) {
		if (v->shown_chars_on == chars_on && v->shown_cursor_on == cursor_on &&
		    !strcmp(v->shown_status, status))
			return false;
		if (now - v->shown_at < BLINK_REDRAW_NS)
			return false;
	}
	v->shown = true;
	v->shown_at = now;
	v->shown_changes = vga->changes;
	v->shown_chars_on = chars_on;
	v->shown_cursor_on = cursor_on;
	memcpy(v->shown_status, status, sizeof status);
	return true;
}

static void sdl_frame(struct display *d)
{
	struct sdl_view *v = d->impl;
	int w = 0, h = 0;

	if (!d->m)
		return;
	take_events(d, v);
	if (!screen_changed(d, v))
		return;
	vga_render(&d->m->vga, v->canvas, &w, &h);
	if (w <= 0 || h <= 0)
		return;
	draw_status(d, v, w, h);
	if (fit_texture(v, w, h + STATUS_H) < 0)
		return;
	set_title(d, v);
	SDL_UpdateTexture(v->tex, NULL, v->canvas, w * (int)sizeof *v->canvas);
	SDL_SetRenderDrawColor(v->ren, 0, 0, 0, 255);
	SDL_RenderClear(v->ren);
	SDL_RenderCopy(v->ren, v->tex, NULL, NULL);
	SDL_RenderPresent(v->ren);
}

/* At the monitor's prompt the window stays as it is, with the new state. */
static void sdl_suspend(struct display *d)
{
	sdl_frame(d);
}

const struct display_ops display_sdl_ops = {
	.name = "sdl",
	.open = sdl_open,
	.frame = sdl_frame,
	.suspend = sdl_suspend,
	.resume = NULL,
	.close = sdl_close,
	.frame_ns = 1000000000u / 60,
};
