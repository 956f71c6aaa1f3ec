/*
 * dev/keyfeed.h — key events on their way from a front end to the keyboard,
 * handed over one at a time on guest time, as a typist would press them, so a
 * whole line queued at once never overflows the keyboard's small buffer.
 */
#ifndef X86LAB_KEYFEED_H
#define X86LAB_KEYFEED_H

#include <stdint.h>

#include "clock.h"
#include "kbd.h"

#define KEYFEED_MAX     1024     /* events waiting */
#define KEYFEED_GAP_NS  10000000 /* between events: 10 ms, 50 keys a second */
#define KEYFEED_POLL_NS 1000000  /* retry while the guest has not read the last one */

/* One make or break, as scancode set 2 bytes (with E0/F0 prefixes); Pause
 * is the longest, E1 14 77 E1 F0 14 F0 77 on its press alone. */
struct key_event {
	uint8_t code[8];
	uint8_t n;
};

struct keyfeed {
	struct kbd *kbd;
	struct clock *clk;
	int timer;
	struct key_event event[KEYFEED_MAX];
	int head, count;
};

/* Returns 0, or -1 when the clock has no timer left. */
int keyfeed_init(struct keyfeed *f, struct kbd *kbd, struct clock *clk);
/* Queue 'n' events; when none are waiting, the first goes in no earlier than
 * guest time 'not_before_ns'. Returns 0, or -1 (nothing queued) when they do
 * not fit. */
int keyfeed_push(struct keyfeed *f, const struct key_event *ev, int n, uint64_t not_before_ns);

#endif
