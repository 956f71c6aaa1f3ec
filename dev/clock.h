/*
 * dev/clock.h — guest time. It is virtual: it advances with the instructions
 * the CPU retires, at 'ips' instructions per second, and jumps ahead while
 * the CPU is halted, so the same image with the same input always runs the
 * same way. Devices post deadlines here instead of being ticked.
 */
#ifndef X86LAB_CLOCK_H
#define X86LAB_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#define CLOCK_MAX_TIMERS  16
#define CLOCK_DEFAULT_IPS 10000000u /* 10 million instructions per second */

struct clock_timer {
	uint64_t deadline; /* guest nanoseconds */
	void (*fire)(void *ctx);
	void *ctx;
	bool armed;
};

struct clock {
	uint64_t ips;          /* guest instructions per second of guest time */
	const uint64_t *insns; /* the CPU's retired-instruction counter */
	uint64_t *budget;      /* the instructions the running slice may still start, or NULL */
	uint64_t idle_ns;      /* time skipped while the CPU waited for an interrupt */
	struct clock_timer timer[CLOCK_MAX_TIMERS];
	int ntimers;
};

void clock_init(struct clock *c, uint64_t ips, const uint64_t *insns);
/* The running CPU's slice budget: a deadline armed during a slice (a guest
 * programming the PIT, say) that comes before the slice's end shortens it,
 * so that the timer fires on time rather than at the next slice. */
void clock_bind_budget(struct clock *c, uint64_t *budget);
/* Nanoseconds of guest time since power-on. */
uint64_t clock_ns(const struct clock *c);
/* A timer that calls 'fire' when armed and due. Returns its id, or -1 when full. */
int clock_add_timer(struct clock *c, void (*fire)(void *ctx), void *ctx);
void clock_arm(struct clock *c, int id, uint64_t deadline_ns);
void clock_disarm(struct clock *c, int id);
/* The earliest armed deadline, or UINT64_MAX. */
uint64_t clock_next(const struct clock *c);
/* Call the timers whose deadline has come (each is disarmed before it fires,
 * so it may arm itself again). */
void clock_fire_due(struct clock *c);
/* The CPU is halted: move guest time forward to 'ns' (if it is later). */
void clock_skip_to(struct clock *c, uint64_t ns);
/* How many instructions run from now until guest time 'ns' (at least 1). */
uint64_t clock_insns_until(const struct clock *c, uint64_t ns);

#endif
