/*
 * dev/kbd.h — the Intel 8042 keyboard controller at 0x60/0x64 with a PS/2
 * keyboard (scancode set 2) behind it, and system control port A at 0x92.
 */
#ifndef X86LAB_KBD_H
#define X86LAB_KBD_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"
#include "clock.h"
#include "irq.h"

#define KBD_QUEUE_SIZE 32 /* bytes the keyboard holds while the host cannot take them */

/* Power-on command byte: keyboard interrupt on, system flag, translation on.
 * This is the state a PC BIOS leaves, so bare programs run without a BIOS
 * (x86lab run --load) see set 1 scancodes on IRQ1 as under DOS. The system
 * flag being set means a BIOS that checks it takes its warm-boot path, which
 * with CMOS shutdown byte 0 is the normal POST. */
#define KBD_POWER_ON_CMD 0x45

/* The board's side of the 8042's output port and of port 0x92. */
struct kbd_lines {
	void (*a20)(void *ctx, bool open); /* the A20 gate as the two ports drive it */
	void (*reset)(void *ctx);          /* pulse the CPU's reset line */
	void *ctx;
};

struct kbd {
	struct kbd_lines lines;
	struct irq_line irq1;
	struct clock *clk; /* replies are immediate; typematic repeat runs on it */

	/* The 8042. */
	uint8_t cmd;      /* command byte */
	uint8_t out_port; /* output port: bit 0 reset (1 = run), bit 1 A20 */
	uint8_t port_a;   /* port 0x92 as last written */
	uint8_t obuf;     /* output buffer */
	bool obf;         /* output buffer full */
	uint8_t reply;    /* a controller command's answer waiting for the buffer */
	bool reply_due;
	bool last_cmd;   /* the last write went to 0x64 (status bit 3) */
	uint8_t pending; /* controller command waiting for its data byte, or 0 */
	bool a20;        /* the gate as last passed to lines.a20 */
	bool irq_level;  /* IRQ1 as last passed to irq1 */
	bool break_next; /* translation: an F0 prefix came; the next code is a break */

	/* The keyboard. */
	uint8_t queue[KBD_QUEUE_SIZE]; /* bytes waiting for the output buffer */
	int qhead, qcount;
	uint8_t kbd_pending; /* keyboard command waiting for its argument, or 0 */
	bool scanning;       /* F4 enable / F5 disable */
	uint8_t leds;        /* ED: bit 0 Scroll, 1 Num, 2 Caps Lock */
	uint8_t typematic;   /* F3: rate and delay */
	uint8_t last_sent;   /* for the keyboard's FE resend command */
	/* Typematic repeat: the last key pressed and not yet released sends
	 * its make code again after the delay, then at the rate. */
	int repeat_timer; /* clock timer id, or -1 */
	uint8_t repeat_code[2];
	uint8_t repeat_n;    /* 0: no key repeats */
	uint64_t repeat_due; /* guest ns of the next repeat */
	bool repeating;      /* the first repeat went out: the period applies */
};

/* Maps 0x60, 0x64 and 0x92. Returns 0 or -1. Tells lines->a20 the gate is
 * open, as at power-on. 'lines' (may be NULL) is copied. */
int kbd_init(struct kbd *k, struct bus *b, struct clock *clk, struct irq_line irq1,
             const struct kbd_lines *lines);
/* A key event from a front end or a test: set 2 bytes (make or break, with
 * E0/F0 prefixes). Dropped while the keyboard does not scan, or whole when
 * the keyboard's queue has no room for it. A make starts the key's
 * typematic repeat (guest time, at the F3 rate and delay) until its break
 * or another key's make; front ends send only presses and releases. */
void kbd_key(struct kbd *k, const uint8_t *scancode_set2, int n);
/* The keyboard scans and everything it sent has reached the guest: a key
 * given now is the next byte the guest reads. */
bool kbd_idle(const struct kbd *k);
/* The typematic delay and repeat period F3's argument byte selects, in ns:
 * delay (1 + bits 5-6) * 250 ms, period (8 + bits 0-2) * 2^(bits 3-4) / 240 s. */
uint64_t kbd_typematic_delay_ns(uint8_t typematic);
uint64_t kbd_typematic_period_ns(uint8_t typematic);

#endif
