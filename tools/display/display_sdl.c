/*
 * tools/display/display_sdl.c — the SDL2 window: the VGA screen at an
 * integer scale (the window resizes freely, the picture keeps whole pixels),
 * a status line under it, the keyboard as PS/2 scancodes, and the host keys
 * Ctrl+Alt+G (grab or release the keyboard) and Ctrl+Alt+M (break into the
 * monitor).
 *
 * Uploading and presenting a frame costs more than the guest can spare, so
 * the window lives on a thread of its own that does everything SDL does.
 * The CPU's thread keeps everything that touches the machine: between
 * slices it renders the screen into a canvas when the window thread is idle
 * (skipping the frame otherwise, so the guest never waits) and applies the
 * input the window thread queued.
 */
#include <SDL.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "display.h"
#include "font8x16.h"
#include "sdl_keys.h"

enum { STATUS_H = 16, STATUS_FG = 0xC0C0C0, STATUS_BG = 0x202020 };

/* How long the window thread waits for a frame before it looks at its
 * events again: input reaches the queue well within a frame. */
#define EVENT_POLL_NS 5000000u
/* How long the monitor's prompt waits for the window to take the last
 * frame; the prompt's own redraws retry after that. */
#define SUSPEND_WAIT_NS 200000000u

/* Input taken by the window thread, applied to the machine by the CPU's. */
enum sdl_input_kind { INPUT_KEY, INPUT_BREAK, INPUT_QUIT };

struct sdl_input {
	enum sdl_input_kind kind;
	struct key_event key;
};

enum { INPUT_MAX = 1024 };

enum sdl_start { START_PENDING, START_DONE, START_FAILED };

/* Owned by the window thread alone: every SDL object. */
struct sdl_window {
	SDL_Window *win;
	SDL_Renderer *ren;
	SDL_Texture *tex;
	int tex_w, tex_h;
	bool grabbed;
	bool swallowed[SDL_NUM_SCANCODES]; /* host-key presses whose release the guest must not see
	                                    */
	char title[160];
};

/* What the two threads share, under 'lock'. A canvas is the screen, then
 * the status line, 'w' pixels a row. The CPU's thread draws into
 * canvas[drawing]; a handed-over frame is the other one, which the window
 * thread reads until it is no longer 'presenting'. */
struct sdl_shared {
	pthread_mutex_t lock;
	pthread_cond_t changed; /* any field below changed */
	enum sdl_start start;
	char start_err[256];
	bool stop;
	bool frame_pending;
	bool presenting;
	const uint32_t *frame;
	int frame_w, frame_h;
	struct sdl_input input[INPUT_MAX];
	int input_head, input_count;
};

struct sdl_view {
	pthread_t thread;
	struct sdl_shared sh;
	struct sdl_window w; /* the window thread's */
	char cpu_name[32];   /* for the title, copied before the thread starts */
	/* The CPU thread's: its canvases, and what the window was last given,
	 * to skip frames where nothing changed. */
	uint32_t *canvas[2];
	int drawing;
	bool shown;
	uint64_t shown_changes;
	bool shown_chars_on, shown_cursor_on;
	char shown_status[128];
	uint64_t shown_at; /* host ns */
};

/* The window thread. */

static void set_grab(struct sdl_window *w, bool on)
{
	w->grabbed = on;
	SDL_SetWindowKeyboardGrab(w->win, on ? SDL_TRUE : SDL_FALSE);
}

/* Queue input for the machine; when the CPU's thread has not taken any
 * for a long time (INPUT_MAX events), the newest is dropped. */
static void queue_input(struct sdl_view *v, enum sdl_input_kind kind, const struct key_event *key)
{
	struct sdl_shared *sh = &v->sh;

	pthread_mutex_lock(&sh->lock);
	if (sh->input_count < INPUT_MAX) {
		struct sdl_input *in = &sh->input[(sh->input_head + sh->input_count) % INPUT_MAX];

		in->kind = kind;
		if (key)
			in->key = *key;
		sh->input_count++;
	}
	pthread_mutex_unlock(&sh->lock);
}

/* Ctrl+Alt+G and Ctrl+Alt+M belong to the host. Returns true when 'e' was
 * one of them (or the release of one). */
static bool host_key(struct sdl_view *v, const SDL_KeyboardEvent *e)
{
	struct sdl_window *w = &v->w;
	SDL_Scancode sc = e->keysym.scancode;
	bool ctrl_alt = (e->keysym.mod & KMOD_CTRL) && (e->keysym.mod & KMOD_ALT);

	if (e->type == SDL_KEYUP && sc < SDL_NUM_SCANCODES && w->swallowed[sc]) {
		w->swallowed[sc] = false;
		return true;
	}
	if (e->type != SDL_KEYDOWN || !ctrl_alt)
		return false;
	if (sc == SDL_SCANCODE_G)
		set_grab(w, !w->grabbed);
	else if (sc == SDL_SCANCODE_M)
		queue_input(v, INPUT_BREAK, NULL);
	else
		return false;
	w->swallowed[sc] = true;
	return true;
}

static void key_to_guest(struct sdl_view *v, const SDL_KeyboardEvent *e)
{
	struct key_event ev;

	if (e->repeat) /* the guest's keyboard repeats by itself */
		return;
	if (sdl_key_event(e->keysym.scancode, e->type == SDL_KEYDOWN, &ev))
		queue_input(v, INPUT_KEY, &ev);
}

/* Returns true when the window needs drawing again (uncovered, resized). */
static bool take_events(struct sdl_view *v)
{
	struct sdl_window *w = &v->w;
	bool redraw = false;
	SDL_Event e;

	while (SDL_PollEvent(&e)) {
		switch (e.type) {
		case SDL_QUIT:
			queue_input(v, INPUT_QUIT, NULL);
			break;
		case SDL_KEYDOWN:
		case SDL_KEYUP:
			if (!host_key(v, &e.key))
				key_to_guest(v, &e.key);
			break;
		case SDL_WINDOWEVENT:
			if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST && w->grabbed)
				set_grab(w, false);
			else if (e.window.event == SDL_WINDOWEVENT_EXPOSED ||
			         e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
				redraw = true;
			break;
		default:
			break;
		}
	}
	return redraw;
}

/* A new screen size (a mode change): a texture of that size, and the window
 * at a whole multiple of it, twice for the small graphics modes. */
static int fit_texture(struct sdl_window *w, int width, int height)
{
	int scale = width < 640 ? 2 : 1;

	if (w->tex && w->tex_w == width && w->tex_h == height)
		return 0;
	if (w->tex)
		SDL_DestroyTexture(w->tex);
	w->tex = SDL_CreateTexture(w->ren, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING,
	                           width, height);
	if (!w->tex)
		return -1;
	w->tex_w = width;
	w->tex_h = height;
	SDL_RenderSetLogicalSize(w->ren, width, height);
	SDL_SetWindowSize(w->win, width * scale, height * scale);
	return 0;
}

static void set_title(struct sdl_view *v)
{
	struct sdl_window *w = &v->w;
	char title[sizeof w->title];

	snprintf(title, sizeof title, "x86lab (%s)%s", v->cpu_name,
	         w->grabbed ? " - keyboard grabbed, Ctrl+Alt+G releases it" : "");
	if (strcmp(title, w->title)) {
		memcpy(w->title, title, sizeof title);
		SDL_SetWindowTitle(w->win, title);
	}
}

static void present(struct sdl_window *w)
{
	SDL_SetRenderDrawColor(w->ren, 0, 0, 0, 255);
	SDL_RenderClear(w->ren);
	if (w->tex)
		SDL_RenderCopy(w->ren, w->tex, NULL, NULL);
	SDL_RenderPresent(w->ren);
}

/* Show a frame handed over by the CPU's thread; the canvas is read only
 * here, before the thread says it is no longer presenting. */
static void show_frame(struct sdl_view *v, const uint32_t *canvas, int width, int height)
{
	struct sdl_window *w = &v->w;

	if (fit_texture(w, width, height) < 0)
		return;
	set_title(v);
	SDL_UpdateTexture(w->tex, NULL, canvas, width * (int)sizeof *canvas);
	present(w);
}

/* The window, or -1 with the reason in 'err' and nothing left open. */
static int open_window(struct sdl_window *w, char *err, size_t n)
{
	/* Key repeat comes from the emulated keyboard's typematic, in guest
	 * time; SDL's own repeat events are ignored (key_to_guest). */
	if (SDL_Init(SDL_INIT_VIDEO) < 0) {
		snprintf(err, n, "cannot start SDL: %s", SDL_GetError());
		return -1;
	}
	w->win = SDL_CreateWindow("x86lab", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 720,
	                          400 + STATUS_H, SDL_WINDOW_RESIZABLE);
	if (w->win)
		w->ren = SDL_CreateRenderer(w->win, -1, 0);
	if (!w->ren) {
		snprintf(err, n, "cannot open an SDL window: %s", SDL_GetError());
		if (w->win)
			SDL_DestroyWindow(w->win);
		SDL_Quit();
		return -1;
	}
	SDL_RenderSetIntegerScale(w->ren, SDL_TRUE);
	return 0;
}

static void close_window(struct sdl_window *w)
{
	if (w->tex)
		SDL_DestroyTexture(w->tex);
	SDL_DestroyRenderer(w->ren);
	SDL_DestroyWindow(w->win);
	SDL_Quit();
}

static void deadline_in(struct timespec *t, uint64_t ns)
{
	clock_gettime(CLOCK_MONOTONIC, t);
	ns += (uint64_t)t->tv_nsec;
	t->tv_sec += (time_t)(ns / 1000000000u);
	t->tv_nsec = (long)(ns % 1000000000u);
}

static void *window_thread(void *arg)
{
	struct sdl_view *v = arg;
	struct sdl_shared *sh = &v->sh;
	char err[sizeof sh->start_err];
	int opened = open_window(&v->w, err, sizeof err);

	pthread_mutex_lock(&sh->lock);
	sh->start = opened < 0 ? START_FAILED : START_DONE;
	if (opened < 0)
		memcpy(sh->start_err, err, sizeof err);
	pthread_cond_broadcast(&sh->changed);
	if (opened < 0) {
		pthread_mutex_unlock(&sh->lock);
		return NULL;
	}
	while (!sh->stop) {
		bool redraw;

		pthread_mutex_unlock(&sh->lock);
		redraw = take_events(v);
		pthread_mutex_lock(&sh->lock);
		if (sh->frame_pending) {
			const uint32_t *canvas = sh->frame;
			int width = sh->frame_w, height = sh->frame_h;

			sh->frame_pending = false;
			sh->presenting = true;
			pthread_mutex_unlock(&sh->lock);
			show_frame(v, canvas, width, height);
			pthread_mutex_lock(&sh->lock);
			sh->presenting = false;
			pthread_cond_broadcast(&sh->changed);
		} else if (redraw) {
			pthread_mutex_unlock(&sh->lock);
			present(&v->w);
			pthread_mutex_lock(&sh->lock);
		} else if (!sh->stop) {
			struct timespec until;

			deadline_in(&until, EVENT_POLL_NS);
			pthread_cond_timedwait(&sh->changed, &sh->lock, &until);
		}
	}
	pthread_mutex_unlock(&sh->lock);
	close_window(&v->w);
	return NULL;
}

/* The CPU's thread. */

static void free_view(struct sdl_view *v)
{
	free(v->canvas[0]);
	free(v->canvas[1]);
	free(v);
}

static int init_shared(struct sdl_shared *sh)
{
	pthread_condattr_t attr;
	int rc;

	if (pthread_condattr_init(&attr))
		return -1;
	rc = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	if (!rc)
		rc = pthread_cond_init(&sh->changed, &attr);
	pthread_condattr_destroy(&attr);
	if (rc)
		return -1;
	if (pthread_mutex_init(&sh->lock, NULL)) {
		pthread_cond_destroy(&sh->changed);
		return -1;
	}
	return 0;
}

static void destroy_shared(struct sdl_shared *sh)
{
	pthread_cond_destroy(&sh->changed);
	pthread_mutex_destroy(&sh->lock);
}

static int sdl_open(struct display *d, char *err, size_t n)
{
	struct sdl_view *v = calloc(1, sizeof *v);
	size_t canvas_size = (size_t)VGA_MAX_WIDTH * (VGA_MAX_HEIGHT + STATUS_H) * sizeof(uint32_t);
	struct sdl_shared *sh;
	sigset_t all, old_mask;
	int rc;

	if (v) {
		v->canvas[0] = malloc(canvas_size);
		v->canvas[1] = malloc(canvas_size);
	}
	if (!v || !v->canvas[0] || !v->canvas[1]) {
		snprintf(err, n, "cannot start SDL: out of memory");
		if (v)
			free_view(v);
		return -1;
	}
	snprintf(v->cpu_name, sizeof v->cpu_name, "%s", d->cpu_name ? d->cpu_name : "");
	sh = &v->sh;
	if (init_shared(sh) < 0) {
		snprintf(err, n, "cannot start SDL: cannot create a lock");
		free_view(v);
		return -1;
	}
	/* Signals (the monitor's Ctrl+C, SDL's own quit on SIGINT) go to the
	 * threads that were there before the window: it starts with them all
	 * blocked. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old_mask);
	rc = pthread_create(&v->thread, NULL, window_thread, v);
	pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
	if (rc) {
		snprintf(err, n, "cannot start SDL: cannot create a thread: %s", strerror(rc));
		destroy_shared(sh);
		free_view(v);
		return -1;
	}
	pthread_mutex_lock(&sh->lock);
	while (sh->start == START_PENDING)
		pthread_cond_wait(&sh->changed, &sh->lock);
	pthread_mutex_unlock(&sh->lock);
	if (sh->start == START_FAILED) {
		pthread_join(v->thread, NULL);
		snprintf(err, n, "%s", sh->start_err);
		destroy_shared(sh);
		free_view(v);
		return -1;
	}
	d->impl = v;
	return 0;
}

static void sdl_close(struct display *d)
{
	struct sdl_view *v = d->impl;

	pthread_mutex_lock(&v->sh.lock);
	v->sh.stop = true;
	pthread_cond_broadcast(&v->sh.changed);
	pthread_mutex_unlock(&v->sh.lock);
	pthread_join(v->thread, NULL);
	destroy_shared(&v->sh);
	free_view(v);
}

/* The window's input, into the machine between slices as before the window
 * had a thread: the guest sees keys at the same points of its run. */
static void apply_input(struct display *d, struct sdl_view *v)
{
	struct sdl_shared *sh = &v->sh;
	struct sdl_input in[64];
	int n;

	do {
		pthread_mutex_lock(&sh->lock);
		for (n = 0; n < (int)(sizeof in / sizeof in[0]) && sh->input_count > 0; n++) {
			in[n] = sh->input[sh->input_head];
			sh->input_head = (sh->input_head + 1) % INPUT_MAX;
			sh->input_count--;
		}
		pthread_mutex_unlock(&sh->lock);
		for (int i = 0; i < n; i++) {
			if (in[i].kind == INPUT_QUIT)
				d->quit = true;
			else if (in[i].kind == INPUT_BREAK)
				d->break_requested = true;
			else
				keyfeed_push(&d->m->keys, &in[i].key, 1, clock_ns(&d->m->clock));
		}
	} while (n == (int)(sizeof in / sizeof in[0]));
}

/* The status line in the font the VGA uses, one 8x16 cell a character. */
static void draw_status(struct display *d, uint32_t *canvas, int w, int y0)
{
	char text[128];
	size_t len;

	display_status_text(d, text, sizeof text);
	len = strlen(text);
	for (int y = 0; y < STATUS_H; y++) {
		uint32_t *row = canvas + (size_t)(y0 + y) * (size_t)w;

		for (int x = 0; x < w; x++) {
			size_t i = (size_t)x / 8;
			uint8_t ch = i < len ? (uint8_t)text[i] : ' ';
			bool on = x86lab_font8x16[ch * 16 + y] >> (7 - x % 8) & 1;

			row[x] = on ? STATUS_FG : STATUS_BG;
		}
	}
}

/* Rendering costs the guest's thread; most frames nothing changed: no write
 * to the VGA, the same blink phase, the same status line. Blinking follows
 * guest time, so a guest running faster than real time would blink (and
 * cost a redraw) nearly every frame: changes of the blink phase or the
 * status line alone are shown at most ten times a second. */
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

/* The window thread takes a frame when it has shown the last one. */
static bool window_ready(struct sdl_view *v)
{
	bool ready;

	pthread_mutex_lock(&v->sh.lock);
	ready = !v->sh.frame_pending && !v->sh.presenting;
	pthread_mutex_unlock(&v->sh.lock);
	return ready;
}

static void sdl_frame(struct display *d)
{
	struct sdl_view *v = d->impl;
	uint32_t *canvas = v->canvas[v->drawing];
	int w = 0, h = 0;

	if (!d->m)
		return;
	apply_input(d, v);
	/* A busy window skips this frame (the next call tries again): the
	 * guest never waits for the display. */
	if (!window_ready(v) || !screen_changed(d, v))
		return;
	vga_render(&d->m->vga, canvas, &w, &h);
	if (w <= 0 || h <= 0)
		return;
	draw_status(d, canvas, w, h);
	pthread_mutex_lock(&v->sh.lock);
	v->sh.frame = canvas;
	v->sh.frame_w = w;
	v->sh.frame_h = h + STATUS_H;
	v->sh.frame_pending = true;
	pthread_cond_broadcast(&v->sh.changed);
	pthread_mutex_unlock(&v->sh.lock);
	v->drawing ^= 1;
}

/* At the monitor's prompt the window stays as it is, with the new state:
 * the guest is stopped, so here waiting for the window costs it nothing. */
static void sdl_suspend(struct display *d)
{
	struct sdl_view *v = d->impl;
	struct timespec until;

	deadline_in(&until, SUSPEND_WAIT_NS);
	pthread_mutex_lock(&v->sh.lock);
	while (v->sh.frame_pending || v->sh.presenting)
		if (pthread_cond_timedwait(&v->sh.changed, &v->sh.lock, &until) == ETIMEDOUT)
			break;
	pthread_mutex_unlock(&v->sh.lock);
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
