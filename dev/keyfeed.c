/*
 * dev/keyfeed.c — pacing key events into the keyboard: the next event goes
 * in only once the keyboard and the 8042 have handed the last one to the
 * guest, so a slow or busy guest loses nothing.
 */
#include "keyfeed.h"

#include <string.h>

static void keyfeed_fire(void *ctx)
{
	struct keyfeed *f = ctx;
	uint64_t now = clock_ns(f->clk);

	if (!f->count)
		return;
	if (!kbd_idle(f->kbd)) {
		clock_arm(f->clk, f->timer, now + KEYFEED_POLL_NS);
		return;
	}
	kbd_key(f->kbd, f->event[f->head].code, f->event[f->head].n);
	f->head = (f->head + 1) % KEYFEED_MAX;
	f->count--;
	if (f->count)
		clock_arm(f->clk, f->timer, now + KEYFEED_GAP_NS);
}

int keyfeed_init(struct keyfeed *f, struct kbd *kbd, struct clock *clk)
{
	memset(f, 0, sizeof *f);
	f->kbd = kbd;
	f->clk = clk;
	f->timer = clock_add_timer(clk, keyfeed_fire, f);
	return f->timer < 0 ? -1 : 0;
}

int keyfeed_push(struct keyfeed *f, const struct key_event *ev, int n, uint64_t not_before_ns)
{
	uint64_t now = clock_ns(f->clk);

	if (f->timer < 0 || n < 0 || n > KEYFEED_MAX - f->count)
		return -1;
	for (int i = 0; i < n; i++)
		f->event[(f->head + f->count + i) % KEYFEED_MAX] = ev[i];
	if (!f->count && n)
		clock_arm(f->clk, f->timer, not_before_ns > now ? not_before_ns : now);
	f->count += n;
	return 0;
}
