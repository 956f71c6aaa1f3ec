/*
 * dev/kbd.c — the 8042 keyboard controller (command byte, output port,
 * output buffer, set 2 -> set 1 translation), the PS/2 keyboard's command
 * set and queue, and port 0x92. Commands complete at once: IBF never shows.
 */
#include "kbd.h"

#include <string.h>

enum { ST_OBF = 0x01, ST_SYS = 0x04, ST_CMD = 0x08, ST_NOT_INHIBITED = 0x10 };
enum { CMD_IRQ1 = 0x01, CMD_SYS = 0x04, CMD_KBD_OFF = 0x10, CMD_AUX_OFF = 0x20, CMD_XLAT = 0x40 };
enum { OUT_RESET = 0x01, OUT_A20 = 0x02, OUT_IRQ1 = 0x10 };
enum { PORT_A_RESET = 0x01, PORT_A_A20 = 0x02 };
enum { KBD_ACK = 0xFA, KBD_RESEND = 0xFE, KBD_BAT_OK = 0xAA, KBD_ECHO = 0xEE };

/* The output port at power-on: the 8042's port pins reset high, so A20 is
 * open (the 286/386 fetch their first instruction just below 16 MiB/4 GiB)
 * until the BIOS closes it; the CPU is out of reset; bit 4 (IRQ1) and bit 5
 * (IRQ12) are low. */
#define OUT_PORT_POWER_ON 0xCF

/* Set 2 to set 1, as the 8042 translates what the keyboard sends (IBM PS/2
 * keyboard and 8042 documentation). A zero entry passes the byte unchanged:
 * the codes not listed are rare keys, and bytes from 0x85 up are replies
 * (FA, AA, EE, FE, AB) or prefixes (E0, E1) that pass through. */
static const uint8_t set2_to_set1[0x85] = {
	[0x01] = 0x43, /* F9 */
	[0x03] = 0x3F, /* F5 */
	[0x04] = 0x3D, /* F3 */
	[0x05] = 0x3B, /* F1 */
	[0x06] = 0x3C, /* F2 */
	[0x07] = 0x58, /* F12 */
	[0x09] = 0x44, /* F10 */
	[0x0A] = 0x42, /* F8 */
	[0x0B] = 0x40, /* F6 */
	[0x0C] = 0x3E, /* F4 */
	[0x0D] = 0x0F, /* Tab */
	[0x0E] = 0x29, /* ` */
	[0x11] = 0x38, /* Alt (E0: right Alt) */
	[0x12] = 0x2A, /* left Shift */
	[0x14] = 0x1D, /* Ctrl (E0: right Ctrl) */
	[0x15] = 0x10, /* Q */
	[0x16] = 0x02, /* 1 */
	[0x1A] = 0x2C, /* Z */
	[0x1B] = 0x1F, /* S */
	[0x1C] = 0x1E, /* A */
	[0x1D] = 0x11, /* W */
	[0x1E] = 0x03, /* 2 */
	[0x21] = 0x2E, /* C */
	[0x22] = 0x2D, /* X */
	[0x23] = 0x20, /* D */
	[0x24] = 0x12, /* E */
	[0x25] = 0x05, /* 4 */
	[0x26] = 0x04, /* 3 */
	[0x29] = 0x39, /* Space */
	[0x2A] = 0x2F, /* V */
	[0x2B] = 0x21, /* F */
	[0x2C] = 0x14, /* T */
	[0x2D] = 0x13, /* R */
	[0x2E] = 0x06, /* 5 */
	[0x31] = 0x31, /* N */
	[0x32] = 0x30, /* B */
	[0x33] = 0x23, /* H */
	[0x34] = 0x22, /* G */
	[0x35] = 0x15, /* Y */
	[0x36] = 0x07, /* 6 */
	[0x3A] = 0x32, /* M */
	[0x3B] = 0x24, /* J */
	[0x3C] = 0x16, /* U */
	[0x3D] = 0x08, /* 7 */
	[0x3E] = 0x09, /* 8 */
	[0x41] = 0x33, /* , */
	[0x42] = 0x25, /* K */
	[0x43] = 0x17, /* I */
	[0x44] = 0x18, /* O */
	[0x45] = 0x0B, /* 0 */
	[0x46] = 0x0A, /* 9 */
	[0x49] = 0x34, /* . */
	[0x4A] = 0x35, /* / (E0: keypad /) */
	[0x4B] = 0x26, /* L */
	[0x4C] = 0x27, /* ; */
	[0x4D] = 0x19, /* P */
	[0x4E] = 0x0C, /* - */
	[0x52] = 0x28, /* ' */
	[0x54] = 0x1A, /* [ */
	[0x55] = 0x0D, /* = */
	[0x58] = 0x3A, /* Caps Lock */
	[0x59] = 0x36, /* right Shift */
	[0x5A] = 0x1C, /* Enter (E0: keypad Enter) */
	[0x5B] = 0x1B, /* ] */
	[0x5D] = 0x2B, /* \ */
	[0x61] = 0x56, /* the 102-key board's extra \ */
	[0x66] = 0x0E, /* Backspace */
	[0x69] = 0x4F, /* keypad 1 (E0: End) */
	[0x6B] = 0x4B, /* keypad 4 (E0: Left) */
	[0x6C] = 0x47, /* keypad 7 (E0: Home) */
	[0x70] = 0x52, /* keypad 0 (E0: Insert) */
	[0x71] = 0x53, /* keypad . (E0: Delete) */
	[0x72] = 0x50, /* keypad 2 (E0: Down) */
	[0x73] = 0x4C, /* keypad 5 */
	[0x74] = 0x4D, /* keypad 6 (E0: Right) */
	[0x75] = 0x48, /* keypad 8 (E0: Up) */
	[0x76] = 0x01, /* Esc */
	[0x77] = 0x45, /* Num Lock */
	[0x78] = 0x57, /* F11 */
	[0x79] = 0x4E, /* keypad + */
	[0x7A] = 0x51, /* keypad 3 (E0: Page Down) */
	[0x7B] = 0x4A, /* keypad - */
	[0x7C] = 0x37, /* keypad * (E0 12 E0 7C: Print Screen) */
	[0x7D] = 0x49, /* keypad 9 (E0: Page Up) */
	[0x7E] = 0x46, /* Scroll Lock */
	[0x83] = 0x41, /* F7: also the keyboard ID's second byte, so translated ID is AB 41 */
	[0x84] = 0x54, /* Alt+SysRq */
};

static uint8_t translate(uint8_t b)
{
	return b < sizeof set2_to_set1 && set2_to_set1[b] ? set2_to_set1[b] : b;
}

/* ---- the controller's output side ---- */

/* IRQ1 follows a full output buffer while the command byte enables it. Replies
 * to controller commands raise it too, as on the AT's 8042. */
static void update_irq(struct kbd *k)
{
	bool level = k->obf && (k->cmd & CMD_IRQ1);

	if (level != k->irq_level) {
		k->irq_level = level;
		irq_set(&k->irq1, level);
	}
}

static uint8_t queue_pop(struct kbd *k)
{
	uint8_t b = k->queue[k->qhead];

	k->qhead = (k->qhead + 1) % KBD_QUEUE_SIZE;
	k->qcount--;
	return b;
}

/* Move a controller reply, or else the keyboard's next byte, into an empty
 * output buffer. Keyboard bytes wait in the queue while the interface is
 * disabled. With translation, an F0 prefix yields nothing and marks the next code a break. */
static void deliver(struct kbd *k)
{
	if (!k->obf && k->reply_due) {
		k->obuf = k->reply;
		k->obf = true;
		k->reply_due = false;
	}
	while (!k->obf && k->qcount && !(k->cmd & CMD_KBD_OFF)) {
		uint8_t b = queue_pop(k);

		if (k->cmd & CMD_XLAT) {
			if (b == 0xF0) {
				k->break_next = true;
				continue;
			}
			b = translate(b) | (k->break_next ? 0x80 : 0);
			k->break_next = false;
		}
		k->obuf = b;
		k->obf = true;
	}
	update_irq(k);
}

/* A controller reply waits, like a keyboard byte, for the output buffer to
 * empty, but goes ahead of the keyboard's queue and past a disabled
 * keyboard interface: nothing is lost. */
static void reply(struct kbd *k, uint8_t b)
{
	k->reply = b;
	k->reply_due = true;
	deliver(k);
}

static void set_cmd_byte(struct kbd *k, uint8_t v)
{
	k->cmd = v;
	deliver(k);
}

/* ---- reset and A20 ---- */

/* The A20 gate is open while either the 8042's output port or port 0x92
 * opens it (the PS/2 design ORs the two). */
static void update_a20(struct kbd *k)
{
	bool open = (k->out_port & OUT_A20) || (k->port_a & PORT_A_A20);

	if (open != k->a20) {
		k->a20 = open;
		if (k->lines.a20)
			k->lines.a20(k->lines.ctx, open);
	}
}

static void pulse_reset(struct kbd *k)
{
	if (k->lines.reset)
		k->lines.reset(k->lines.ctx);
}

/* Bit 0 low holds the CPU in reset; the 8042 releases it again, so the bit
 * reads back high afterwards. */
static void write_out_port(struct kbd *k, uint8_t v)
{
	k->out_port = v | OUT_RESET;
	update_a20(k);
	if (!(v & OUT_RESET))
		pulse_reset(k);
}

/* ---- the keyboard ---- */

static void kbd_send(struct kbd *k, uint8_t b)
{
	if (k->qcount == KBD_QUEUE_SIZE)
		return;
	k->queue[(k->qhead + k->qcount) % KBD_QUEUE_SIZE] = b;
	k->qcount++;
	k->last_sent = b;
	deliver(k);
}

uint64_t kbd_typematic_delay_ns(uint8_t typematic)
{
	return (uint64_t)(1 + (typematic >> 5 & 3)) * 250000000u;
}

/* IBM's keyboard documentation gives the period as (8 + A) * 2^B * 4.17 ms;
 * 4.17 ms is 1/240 s, which makes the default 0x0B exactly 10.9 per second. */
uint64_t kbd_typematic_period_ns(uint8_t typematic)
{
	uint64_t a = typematic & 7, b = typematic >> 3 & 3;

	return ((8 + a) << b) * 1000000000u / 240;
}

static void repeat_stop(struct kbd *k)
{
	k->repeat_n = 0;
	if (k->repeat_timer >= 0)
		clock_disarm(k->clk, k->repeat_timer);
}

/* A held key sends its make code again. While the host has not taken what
 * the keyboard sent, no repeat is added behind it: the repeat waits a full
 * delay (or period, once repeating) from then. Key events paced in by
 * keyfeed hand over a release only after the guest read the press, so a
 * guest slow to read would otherwise see a tapped key repeat. */
static void repeat_fire(void *ctx)
{
	struct kbd *k = ctx;
	uint64_t now = clock_ns(k->clk);

	if (!k->repeat_n || !k->scanning)
		return;
	if (k->qcount || k->obf) {
		k->repeat_due = now + (k->repeating ? kbd_typematic_period_ns(k->typematic)
		                                    : kbd_typematic_delay_ns(k->typematic));
		clock_arm(k->clk, k->repeat_timer, k->repeat_due);
		return;
	}
	for (int i = 0; i < k->repeat_n; i++)
		kbd_send(k, k->repeat_code[i]);
	k->repeating = true;
	/* From the last deadline rather than from now: the rate does not drift
	 * with the granularity of guest time. */
	k->repeat_due += kbd_typematic_period_ns(k->typematic);
	clock_arm(k->clk, k->repeat_timer, k->repeat_due);
}

/* Which key an event presses or releases: its last byte with an E0 prefix
 * or not. Print Screen's make (E0 12 E0 7C) repeats as E0 7C, and Pause
 * (E1 ...) has no break and does not repeat. */
static void repeat_track(struct kbd *k, const uint8_t *code, int n)
{
	bool is_break = false, e0 = code[0] == 0xE0;

	if (code[0] == 0xE1) {
		repeat_stop(k);
		return;
	}
	for (int i = 0; i < n; i++)
		is_break |= code[i] == 0xF0;
	if (is_break) {
		/* The key is the byte after the (first) F0: Print Screen's break
		 * E0 F0 7C E0 F0 12 releases 7C. */
		int i = 0;
		while (code[i] != 0xF0)
			i++;
		uint8_t key = i + 1 < n ? code[i + 1] : 0;
		bool held = k->repeat_n && k->repeat_code[k->repeat_n - 1] == key &&
		            (k->repeat_n == 2) == e0;
		if (held)
			repeat_stop(k);
		return;
	}
	if (k->repeat_timer < 0)
		return;
	k->repeat_n = e0 ? 2 : 1;
	k->repeating = false;
	k->repeat_code[0] = e0 ? 0xE0 : code[n - 1];
	k->repeat_code[1] = code[n - 1];
	k->repeat_due = clock_ns(k->clk) + kbd_typematic_delay_ns(k->typematic);
	clock_arm(k->clk, k->repeat_timer, k->repeat_due);
}

static void kbd_defaults(struct kbd *k)
{
	repeat_stop(k);
	k->qhead = k->qcount = 0;
	k->kbd_pending = 0;
	k->leds = 0;
	k->typematic = 0x2B; /* 10.9 characters per second after 500 ms */
}

/* The argument byte of ED, F3 or F0. Only set 2 exists here: selecting
 * another set is acknowledged and ignored. */
static void kbd_argument(struct kbd *k, uint8_t cmd, uint8_t v)
{
	kbd_send(k, KBD_ACK);
	if (cmd == 0xED)
		k->leds = v & 7;
	else if (cmd == 0xF3)
		k->typematic = v & 0x7F;
	else if (cmd == 0xF0 && v == 0)
		kbd_send(k, 0x02);
}

/* A byte the host sends to the keyboard. A byte with bit 7 set where an
 * argument was due is a new command, as on a real keyboard. */
static void kbd_write(struct kbd *k, uint8_t v)
{
	uint8_t pending = k->kbd_pending;

	k->kbd_pending = 0;
	if (pending && !(v & 0x80)) {
		kbd_argument(k, pending, v);
		return;
	}
	switch (v) {
	case 0xED: /* set LEDs */
	case 0xF3: /* typematic rate and delay */
	case 0xF0: /* scancode set */
		kbd_send(k, KBD_ACK);
		k->kbd_pending = v;
		break;
	case 0xEE:
		kbd_send(k, KBD_ECHO);
		break;
	case 0xF2: /* identify: an MF2 keyboard */
		kbd_send(k, KBD_ACK);
		kbd_send(k, 0xAB);
		kbd_send(k, 0x83);
		break;
	case 0xF4:
	case 0xF5:
	case 0xF6: /* enable; disable with defaults; defaults */
		kbd_defaults(k);
		k->scanning = v != 0xF5;
		kbd_send(k, KBD_ACK);
		break;
	case 0xF7:
	case 0xF8:
	case 0xF9:
	case 0xFA:
	case 0xFB:
	case 0xFC:
	case 0xFD: /* set 3 key types: nothing to change in set 2 */
		kbd_send(k, KBD_ACK);
		break;
	case 0xFE:
		kbd_send(k, k->last_sent);
		break;
	case 0xFF: /* reset: the self test (BAT) passes at once */
		kbd_defaults(k);
		k->scanning = true;
		kbd_send(k, KBD_ACK);
		kbd_send(k, KBD_BAT_OK);
		break;
	default:
		kbd_send(k, KBD_RESEND);
		break;
	}
}

bool kbd_idle(const struct kbd *k)
{
	return k->scanning && !k->qcount && !k->obf;
}

void kbd_key(struct kbd *k, const uint8_t *scancode_set2, int n)
{
	if (!k->scanning || n <= 0)
		return;
	/* Tracked even when the queue has no room, so that a lost release
	 * still ends the repeat. */
	repeat_track(k, scancode_set2, n);
	if (n > KBD_QUEUE_SIZE - k->qcount)
		return;
	for (int i = 0; i < n; i++)
		kbd_send(k, scancode_set2[i]);
}

/* ---- the controller's commands ---- */

static void controller_command(struct kbd *k, uint8_t c)
{
	if (c >= 0xF0) { /* pulse output port lines: a low bit 0 resets the CPU */
		if (!(c & OUT_RESET))
			pulse_reset(k);
		return;
	}
	switch (c) {
	case 0x20:
		reply(k, k->cmd);
		break;
	case 0x60:
	case 0xD1:
		k->pending = c; /* the data byte follows on 0x60 */
		break;
	case 0xA7:
		set_cmd_byte(k, k->cmd | CMD_AUX_OFF);
		break;
	case 0xA8:
		set_cmd_byte(k, k->cmd & ~CMD_AUX_OFF);
		break;
	case 0xAA: /* self test; passing it sets the system flag */
		k->cmd |= CMD_SYS;
		reply(k, 0x55);
		break;
	case 0xAB: /* keyboard interface test: no clock or data line stuck */
		reply(k, 0x00);
		break;
	case 0xAD:
		set_cmd_byte(k, k->cmd | CMD_KBD_OFF);
		break;
	case 0xAE:
		set_cmd_byte(k, k->cmd & ~CMD_KBD_OFF);
		break;
	case 0xD0:
		reply(k, (uint8_t)((k->out_port & ~OUT_IRQ1) | (k->irq_level ? OUT_IRQ1 : 0)));
		break;
	case 0xDD:
		write_out_port(k, k->out_port & ~OUT_A20);
		break;
	case 0xDF:
		write_out_port(k, k->out_port | OUT_A20);
		break;
	default: /* the rest (mouse, input port, RAM) is not emulated */
		break;
	}
}

/* ---- ports ---- */

static uint32_t data_read(void *dev, uint16_t port, int size)
{
	struct kbd *k = dev;
	uint8_t b = k->obuf;

	(void)port;
	(void)size;
	k->obf = false;
	update_irq(k); /* lower IRQ1 so the next byte makes a new edge */
	deliver(k);
	return b;
}

static void data_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct kbd *k = dev;
	uint8_t v = (uint8_t)val, pending = k->pending;

	(void)port;
	(void)size;
	k->last_cmd = false;
	k->pending = 0;
	if (pending == 0x60)
		set_cmd_byte(k, v);
	else if (pending == 0xD1)
		write_out_port(k, v);
	else
		kbd_write(k, v);
}

static uint32_t status_read(void *dev, uint16_t port, int size)
{
	struct kbd *k = dev;

	(void)port;
	(void)size;
	return (k->obf ? ST_OBF : 0) | (k->cmd & CMD_SYS ? ST_SYS : 0) |
	       (k->last_cmd ? ST_CMD : 0) | ST_NOT_INHIBITED;
}

static void command_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct kbd *k = dev;

	(void)port;
	(void)size;
	k->last_cmd = true;
	k->pending = 0;
	controller_command(k, (uint8_t)val);
}

static uint32_t port_a_read(void *dev, uint16_t port, int size)
{
	struct kbd *k = dev;

	(void)port;
	(void)size;
	return k->port_a;
}

/* Bit 0 resets the CPU on its rising edge; it reads back as written, so a
 * guest clears it before it can reset that way again. */
static void port_a_write(void *dev, uint16_t port, uint32_t val, int size)
{
	struct kbd *k = dev;
	uint8_t old = k->port_a;

	(void)port;
	(void)size;
	k->port_a = (uint8_t)val;
	update_a20(k);
	if ((val & PORT_A_RESET) && !(old & PORT_A_RESET))
		pulse_reset(k);
}

static const struct port_ops data_ops = { data_read, data_write };
static const struct port_ops status_ops = { status_read, command_write };
static const struct port_ops port_a_ops = { port_a_read, port_a_write };

int kbd_init(struct kbd *k, struct bus *b, struct clock *clk, struct irq_line irq1,
             const struct kbd_lines *lines)
{
	memset(k, 0, sizeof *k);
	if (lines)
		k->lines = *lines;
	k->irq1 = irq1;
	k->clk = clk;
	k->repeat_timer = clk ? clock_add_timer(clk, repeat_fire, k) : -1;
	k->cmd = KBD_POWER_ON_CMD;
	k->out_port = OUT_PORT_POWER_ON;
	k->scanning = true;
	kbd_defaults(k);
	k->a20 = true;
	if (k->lines.a20) /* tell the board the power-on state */
		k->lines.a20(k->lines.ctx, true);
	if (bus_map(b, 0x60, 1, "kbd", &data_ops, k, IO_8) ||
	    bus_map(b, 0x64, 1, "kbd-ctl", &status_ops, k, IO_8) ||
	    bus_map(b, 0x92, 1, "port-a", &port_a_ops, k, IO_8))
		return -1;
	return 0;
}
