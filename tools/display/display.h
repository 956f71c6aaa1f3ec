/*
 * tools/display/display.h — the front ends that show the guest's screen and
 * take its keyboard (an SDL2 window, the terminal, or none), the choice
 * between them, and the hook through which they run beside the CPU loop.
 */
#ifndef X86LAB_DISPLAY_H
#define X86LAB_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "machine.h"

enum display_kind { DISPLAY_NONE, DISPLAY_SDL, DISPLAY_TERM, DISPLAY_AUTO };

/* What the command line asks for: --display and --screenshot. */
struct display_opts {
	enum display_kind kind;
	const char *screenshot; /* PNG written when the command ends, or NULL */
};

/* Where the machine stands, for the window's status line. */
enum display_state {
	DSTATE_RUNNING,
	DSTATE_HALTED,  /* HLT, waiting for an interrupt */
	DSTATE_STOPPED, /* in the monitor, at its prompt */
	DSTATE_BREAK,   /* in the monitor, stopped at a breakpoint or watchpoint */
	DSTATE_ENDED,   /* the guest has ended */
};

struct display;

/* One front end's operations; 'impl' in struct display is its own. */
struct display_ops {
	const char *name;
	int (*open)(struct display *d, char *err, size_t n);
	/* Draw the screen if it changed and take the host's input. */
	void (*frame)(struct display *d);
	/* The monitor takes the terminal (suspend) and gives it back (resume). */
	void (*suspend)(struct display *d);
	void (*resume)(struct display *d);
	void (*close)(struct display *d);
	uint64_t frame_ns; /* how often 'frame' runs, in host time */
};

struct display {
	const struct display_ops *ops;
	void *impl;
	struct machine *m;
	const char *cpu_name;
	bool in_monitor;      /* the break-in key stops the run rather than nothing */
	bool quit;            /* the user closed the window or asked to quit */
	bool break_requested; /* the break-in host key was pressed */
	enum display_state state;
	/* The pace hook the display wraps (--realtime), or NULL. */
	void (*inner_pace)(void *ctx, uint64_t guest_ns);
	void *inner_ctx;
	uint64_t next_frame;            /* host ns */
	int tick_timer;                 /* guest clock timer that keeps HLT waiting for input */
	bool idle;                      /* the CPU was halted at the last slice's end */
	uint64_t idle_wall, idle_guest; /* host and guest ns when it started idling */
	uint64_t ips_wall, ips_insns;   /* the last instructions-per-second sample */
	double ips;
};

extern const struct display_ops display_sdl_ops;
extern const struct display_ops display_term_ops;

/* "sdl", "term", "none", "auto". Returns 0 or -1. */
int display_parse_kind(const char *name, enum display_kind *kind);
/* auto: SDL when a display server is reachable (DISPLAY or WAYLAND_DISPLAY
 * set, or SDL_VIDEODRIVER naming a driver), else the terminal when stdout
 * is one, else none. */
enum display_kind display_resolve(enum display_kind kind);

/* Open a front end (not DISPLAY_NONE or DISPLAY_AUTO). Returns NULL with a
 * reason in 'err'. */
struct display *display_open(enum display_kind kind, const char *cpu_name, bool in_monitor,
                             char *err, size_t n);
void display_close(struct display *d);

/* Attach to a machine (again after the monitor rebuilds it): the display
 * wraps the configuration's pace hook so that it runs between slices. Call
 * before machine_init with the machine's configuration. */
void display_configure(struct display *d, struct machine *m, struct machine_config *cfg);
/* After machine_init: a guest waiting in HLT with nothing else to wake it
 * waits for the front end's keys (rather than ending the run), without
 * spinning the host. */
void display_start(struct display *d);
/* Draw now and take input, whatever the time. */
void display_update(struct display *d);
void display_set_state(struct display *d, enum display_state s);
void display_suspend(struct display *d);
void display_resume(struct display *d);

/* The status line: "386 real mode  12.3 MIPS  running". */
void display_status_text(const struct display *d, char *buf, size_t n);
/* Host time in ns (CLOCK_MONOTONIC). */
uint64_t display_now_ns(void);

#endif
