/*
 * dev/pit.h — the Intel 8254 interval timer at 0x40-0x43 and system control
 * port B at 0x61 (channel 2 gate, speaker enable, refresh toggle, OUT2).
 */
#ifndef X86LAB_PIT_H
#define X86LAB_PIT_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"
#include "clock.h"
#include "irq.h"

#define PIT_HZ 1193182u /* the input clock of every channel */

/* One counter. Its state is a segment of time: from tick 'start' on, with
 * initial count 'n', the counting element and OUT follow from the mode and
 * the ticks elapsed. Anything that changes this (a count, a control word, a
 * gate edge) begins a new segment; nothing is ticked. Ticks are counted from
 * guest time zero. */
struct pit_channel {
	uint8_t mode;      /* 0-5 (6 and 7 are 2 and 3) */
	uint8_t mode_bits; /* as programmed, for the read-back status */
	uint8_t rw;        /* 1 LSB, 2 MSB, 3 LSB then MSB */
	bool bcd;
	uint32_t cr; /* count register: the last count written, 0 stored as 65536/10000 */
	uint32_t n;  /* the count the running segment uses */
	uint64_t start;
	bool running; /* a segment is in effect */
	bool paused;  /* modes 0 and 4 with gate low: the count holds at 'paused_e' */
	uint64_t paused_e;
	bool pending; /* modes 2 and 3: a new count waits for the current cycle's end */
	uint64_t pending_at, pending_start;
	uint64_t null_until; /* the null-count status bit is set before this tick */
	uint32_t held_ce;    /* the counting element while no segment runs */
	bool idle_out;       /* OUT while no segment runs */
	bool gate;
	bool wr_msb; /* LSB-then-MSB flip-flops */
	bool rd_msb;
	uint8_t wr_lsb;
	bool count_latched, status_latched;
	uint16_t latch;
	uint8_t status;
};

struct pit {
	struct pit_channel ch[3];
	struct clock *clk;
	struct irq_line irq0;
	int timer;
	bool irq_level;    /* OUT0 as last passed to irq0 */
	uint64_t irq_next; /* the tick OUT0 changes next, as last computed */
	uint8_t port_b;    /* port 0x61 bits 0-3 as written */
};

/* Maps the ports and takes a clock timer. Returns 0 or -1. */
int pit_init(struct pit *p, struct bus *b, struct clock *clk, struct irq_line irq0);
/* The speaker cone follows OUT2: channel 2 gated on and the speaker enabled
 * (port 0x61 bits 0 and 1), with a count loaded. */
bool pit_speaker_on(const struct pit *p);

#endif
