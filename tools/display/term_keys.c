/*
 * tools/display/term_keys.c — decoding a raw terminal's input: the xterm
 * and VT220 sequences for cursor, editing and function keys, Ctrl-letter
 * control codes, Alt as an ESC prefix, and plain ASCII typed on a US
 * keyboard.
 */
#include "term_keys.h"

#include <string.h>

#include "keymap.h"

/* CSI n ~ : the VT220 editing and function keys by their number. */
static const char *tilde_key(int num)
{
	static const char *const names[] = {
		[1] = "home", [2] = "insert", [3] = "delete", [4] = "end",  [5] = "pgup",
		[6] = "pgdn", [7] = "home",   [8] = "end",    [11] = "f1",  [12] = "f2",
		[13] = "f3",  [14] = "f4",    [15] = "f5",    [17] = "f6",  [18] = "f7",
		[19] = "f8",  [20] = "f9",    [21] = "f10",   [23] = "f11", [24] = "f12",
	};

	return num > 0 && num < (int)(sizeof names / sizeof names[0]) ? names[num] : NULL;
}

/* The final letter of CSI or SS3 (ESC O) sequences. */
static const char *letter_key(uint8_t c)
{
	switch (c) {
	case 'A':
		return "up";
	case 'B':
		return "down";
	case 'C':
		return "right";
	case 'D':
		return "left";
	case 'H':
		return "home";
	case 'F':
		return "end";
	case 'P':
		return "f1";
	case 'Q':
		return "f2";
	case 'R':
		return "f3";
	case 'S':
		return "f4";
	default:
		return NULL;
	}
}

struct out {
	struct key_event *ev;
	int n, max;
};

static void add_combo(struct out *o, const char *combo)
{
	struct key_event tmp[16];
	int got = combo ? keymap_combo(combo, strlen(combo), tmp, 16) : -1;

	if (got > 0 && got <= o->max - o->n) {
		memcpy(o->ev + o->n, tmp, (size_t)got * sizeof *tmp);
		o->n += got;
	}
}

static void add_char(struct out *o, uint8_t c)
{
	struct key_event tmp[4];
	int got = keymap_char((char)c, tmp);

	if (got > 0 && got <= o->max - o->n) {
		memcpy(o->ev + o->n, tmp, (size_t)got * sizeof *tmp);
		o->n += got;
	}
}

/* An escape sequence starting at buf[0] == ESC; returns the bytes it used. */
static size_t escape(struct out *o, const uint8_t *buf, size_t len)
{
	size_t i = 2;
	int num = 0;

	if (len == 1) { /* ESC alone: the Esc key */
		add_combo(o, "esc");
		return 1;
	}
	if (buf[1] == '[') {
		while (i < len && ((buf[i] >= '0' && buf[i] <= '9') || buf[i] == ';')) {
			/* The first number is the key; after ';' come modifiers,
			 * which the guest gets no press for. */
			if (buf[i] == ';')
				num = num ? num : -1;
			else if (num >= 0 && num < 1000)
				num = num * 10 + (buf[i] - '0');
			i++;
		}
		if (i == len)
			return len;
		add_combo(o, buf[i] == '~' ? tilde_key(num) : letter_key(buf[i]));
		return i + 1;
	}
	if (buf[1] == 'O' && len > 2) {
		add_combo(o, letter_key(buf[2]));
		return 3;
	}
	if (buf[1] >= 0x20 && buf[1] < 0x7F) { /* Alt+key arrives as ESC key */
		struct key_event alt[2];

		if (keymap_combo("alt", 3, alt, 2) == 2 && o->max - o->n >= 6) {
			o->ev[o->n++] = alt[0];
			add_char(o, buf[1]);
			o->ev[o->n++] = alt[1];
		}
		return 2;
	}
	add_combo(o, "esc");
	return 1;
}

int term_keys_parse(const uint8_t *buf, size_t len, struct key_event *ev, int max, bool *host_key)
{
	struct out o = { ev, 0, max };
	size_t i = 0;

	*host_key = false;
	while (i < len && o.n < max) {
		uint8_t c = buf[i];
		char combo[8];

		if (c == 0x1B) {
			i += escape(&o, buf + i, len - i);
			continue;
		}
		i++;
		if (c == TERM_HOST_KEY)
			*host_key = true;
		else if (c == '\r' || c == '\n')
			add_combo(&o, "enter");
		else if (c == 0x7F || c == 0x08)
			add_combo(&o, "backspace");
		else if (c == '\t')
			add_combo(&o, "tab");
		else if (c >= 0x01 && c <= 0x1A) {
			strcpy(combo, "ctrl-");
			combo[5] = (char)('a' + c - 1);
			combo[6] = 0;
			add_combo(&o, combo);
		} else if (c >= 0x20 && c < 0x7F)
			add_char(&o, c);
	}
	return o.n;
}
