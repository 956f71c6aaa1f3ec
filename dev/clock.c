/*
 * dev/clock.c — virtual guest time from the instruction count, and the
 * small deadline list devices use instead of being ticked.
 */
#include "clock.h"

#include <string.h>

void clock_init(struct clock *c, uint64_t ips, const uint64_t *insns)
{
	memset(c, 0, sizeof *c);
	c->ips = ips ? ips : CLOCK_DEFAULT_IPS;
	c->insns = insns;
}

/* insns * 1e9 / ips without overflowing 64 bits for long runs. */
uint64_t clock_ns(const struct clock *c)
{
	uint64_t n = *c->insns;

	return n / c->ips * 1000000000u + n % c->ips * 1000000000u / c->ips + c->idle_ns;
}

int clock_add_timer(struct clock *c, void (*fire)(void *ctx), void *ctx)
{
	if (c->ntimers == CLOCK_MAX_TIMERS)
		return -1;
	c->timer[c->ntimers] = (struct clock_timer){ .fire = fire, .ctx = ctx };
	return c->ntimers++;
}

void clock_bind_budget(struct clock *c, uint64_t *budget)
{
	c->budget = budget;
}

void clock_arm(struct clock *c, int id, uint64_t deadline_ns)
{
	c->timer[id].deadline = deadline_ns;
	c->timer[id].armed = true;
	if (c->budget && *c->budget) {
		uint64_t until = clock_insns_until(c, deadline_ns);
		if (until < *c->budget)
			*c->budget = until;
	}
}

void clock_disarm(struct clock *c, int id)
{
	c->timer[id].armed = false;
}

uint64_t clock_next(const struct clock *c)
{
	uint64_t next = UINT64_MAX;

	for (int i = 0; i < c->ntimers; i++)
		if (c->timer[i].armed && c->timer[i].deadline < next)
			next = c->timer[i].deadline;
	return next;
}

void clock_fire_due(struct clock *c)
{
	uint64_t now = clock_ns(c);

	for (int i = 0; i < c->ntimers; i++) {
		struct clock_timer *t = &c->timer[i];
		if (t->armed && t->deadline <= now) {
			t->armed = false;
			t->fire(t->ctx);
		}
	}
}

void clock_skip_to(struct clock *c, uint64_t ns)
{
	uint64_t now = clock_ns(c);

	if (ns > now)
		c->idle_ns += ns - now;
}

uint64_t clock_insns_until(const struct clock *c, uint64_t ns)
{
	uint64_t now = clock_ns(c), d;

	if (ns <= now)
		return 1;
	d = ns - now;
	/* d * ips / 1e9, rounded up, without overflow. */
	return d / 1000000000u * c->ips + (d % 1000000000u * c->ips + 999999999u) / 1000000000u;
}
