/*
 * tools/display/display.c — choosing a front end (--display auto), and
 * running it between the CPU's slices: it draws at its own rate in host
 * time, whatever the guest's speed, and passes key events and stop
 * requests into the machine there, on an instruction boundary.
 */
#include "display.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

uint64_t display_now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

int display_parse_kind(const char *name, enum display_kind *kind)
{
	static const struct {
		const char *name;
		enum display_kind kind;
	} names[] = { { "sdl", DISPLAY_SDL },
		      { "term", DISPLAY_TERM },
		      { "none", DISPLAY_NONE },
		      { "auto", DISPLAY_AUTO } };

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(name, names[i].name)) {
			*kind = names[i].kind;
			return 0;
		}
	return -1;
}

static bool env_set(const char *name)
{
	const char *v = getenv(name);

	return v && *v;
}

enum display_kind display_resolve(enum display_kind kind)
{
	if (kind != DISPLAY_AUTO)
		return kind;
	if (env_set("DISPLAY") || env_set("WAYLAND_DISPLAY") || env_set("SDL_VIDEODRIVER"))
		return DISPLAY_SDL;
	if (isatty(STDOUT_FILENO) && isatty(STDIN_FILENO))
		return DISPLAY_TERM;
	return DISPLAY_NONE;
}

struct display *display_open(enum display_kind kind, const char *cpu_name, bool in_monitor,
                             char *err, size_t n)
{
	const struct display_ops *ops = kind == DISPLAY_SDL    ? &display_sdl_ops
	                                : kind == DISPLAY_TERM ? &display_term_ops
	                                                       : NULL;
	struct display *d;

	if (!ops) {
		snprintf(err, n, "no front end to open");
		return NULL;
	}
	d = calloc(1, sizeof *d);
	if (!d) {
		snprintf(err, n, "out of memory");
		return NULL;
	}
	d->ops = ops;
	d->cpu_name = cpu_name;
	d->in_monitor = in_monitor;
	if (ops->open(d, err, n) < 0) {
		free(d);
		return NULL;
	}
	return d;
}

void display_close(struct display *d)
{
	if (!d)
		return;
	d->ops->close(d);
	free(d);
}

/* Instructions per second over the last half second or more of host time. */
static void sample_ips(struct display *d)
{
	uint64_t now = display_now_ns(), insns = d->m->cpu.insns;

	if (d->ips_wall && insns >= d->ips_insns && now - d->ips_wall < 500000000u)
		return;
	if (d->ips_wall && insns >= d->ips_insns && now > d->ips_wall)
		d->ips = (double)(insns - d->ips_insns) * 1e9 / (double)(now - d->ips_wall);
	d->ips_wall = now;
	d->ips_insns = insns;
}

void display_update(struct display *d)
{
	if (!d->m)
		return;
	sample_ips(d);
	d->ops->frame(d);
	d->next_frame = display_now_ns() + d->ops->frame_ns;
	/* Between slices the machine takes a stop request at the next
	 * instruction boundary; at the monitor's prompt there is no run to
	 * stop. In the monitor, closing the window stops the run like the
	 * break-in key (the monitor's quit ends the session). */
	if ((d->state == DSTATE_RUNNING || d->state == DSTATE_HALTED) &&
	    (d->quit || (d->break_requested && d->in_monitor)))
		d->m->cpu.stop_requested = true;
}

/* Guest time between the front end's looks at its input while the guest
 * waits in HLT. */
#define DISPLAY_TICK_NS 10000000u

static void display_tick(void *ctx)
{
	struct display *d = ctx;

	clock_arm(&d->m->clock, d->tick_timer, clock_ns(&d->m->clock) + DISPLAY_TICK_NS);
}

void display_start(struct display *d)
{
	d->tick_timer = clock_add_timer(&d->m->clock, display_tick, d);
	if (d->tick_timer >= 0)
		display_tick(d);
}

/* A guest waiting in HLT jumps guest time to its next event; with a front
 * end the user should not see its clocks race ahead while it idles, so
 * while the CPU is halted guest time is kept to the wall clock (as
 * --realtime does always), sleeping at most until the next frame. A guest
 * that falls more than 100 ms behind starts counting again. */
static void wait_while_halted(struct display *d, uint64_t guest_ns)
{
	uint64_t now = display_now_ns(), due;

	if (!d->m->cpu.halted) {
		d->idle = false;
		return;
	}
	if (!d->idle || guest_ns < d->idle_guest ||
	    now - d->idle_wall > guest_ns - d->idle_guest + 100000000u) {
		d->idle = true;
		d->idle_wall = now;
		d->idle_guest = guest_ns;
		return;
	}
	due = d->idle_wall + (guest_ns - d->idle_guest);
	if (due > d->next_frame && d->next_frame > now)
		due = d->next_frame;
	if (due > now) {
		struct timespec t = { (time_t)((due - now) / 1000000000u),
			              (long)((due - now) % 1000000000u) };
		nanosleep(&t, NULL);
	}
}

static void display_pace(void *ctx, uint64_t guest_ns)
{
	struct display *d = ctx;

	if (d->inner_pace)
		d->inner_pace(d->inner_ctx, guest_ns);
	else
		wait_while_halted(d, guest_ns);
	if (display_now_ns() >= d->next_frame) {
		if (d->state == DSTATE_RUNNING || d->state == DSTATE_HALTED)
			d->state = d->m->cpu.halted ? DSTATE_HALTED : DSTATE_RUNNING;
		display_update(d);
	}
}

void display_configure(struct display *d, struct machine *m, struct machine_config *cfg)
{
	d->m = m;
	d->inner_pace = cfg->pace;
	d->inner_ctx = cfg->pace_ctx;
	cfg->pace = display_pace;
	cfg->pace_ctx = d;
	d->ips_wall = 0;
	d->ips = 0;
}

void display_set_state(struct display *d, enum display_state s)
{
	d->state = s;
}

void display_suspend(struct display *d)
{
	if (d->ops->suspend)
		d->ops->suspend(d);
}

void display_resume(struct display *d)
{
	d->break_requested = false;
	if (d->in_monitor)
		d->quit = false;
	if (d->ops->resume)
		d->ops->resume(d);
}

void display_status_text(const struct display *d, char *buf, size_t n)
{
	static const char *const state_text[] = {
		[DSTATE_RUNNING] = "running", [DSTATE_HALTED] = "halted",
		[DSTATE_STOPPED] = "stopped", [DSTATE_BREAK] = "stopped at breakpoint",
		[DSTATE_ENDED] = "ended",
	};
	const struct cpu *c = &d->m->cpu;
	const char *mode = !(c->cr0 & CR0_PE)      ? "real mode"
	                   : (c->eflags & FLAG_VM) ? "virtual-8086 mode"
	                                           : "protected mode";

	snprintf(buf, n, "%s %s  %.1f MIPS  %s", d->cpu_name, mode, d->ips / 1e6,
	         state_text[d->state]);
}
