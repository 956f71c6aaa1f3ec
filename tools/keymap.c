/*
 * tools/keymap.c — the US keyboard's keys by name with their scancode set 2
 * make codes (IBM PS/2 technical reference), and typed text as key events.
 */
#include "keymap.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

struct key {
	const char *name;
	uint8_t code;  /* set 2 make code */
	bool extended; /* prefixed by E0 */
};

static const struct key keys[] = {
	{ "a", 0x1C },
	{ "b", 0x32 },
	{ "c", 0x21 },
	{ "d", 0x23 },
	{ "e", 0x24 },
	{ "f", 0x2B },
	{ "g", 0x34 },
	{ "h", 0x33 },
	{ "i", 0x43 },
	{ "j", 0x3B },
	{ "k", 0x42 },
	{ "l", 0x4B },
	{ "m", 0x3A },
	{ "n", 0x31 },
	{ "o", 0x44 },
	{ "p", 0x4D },
	{ "q", 0x15 },
	{ "r", 0x2D },
	{ "s", 0x1B },
	{ "t", 0x2C },
	{ "u", 0x3C },
	{ "v", 0x2A },
	{ "w", 0x1D },
	{ "x", 0x22 },
	{ "y", 0x35 },
	{ "z", 0x1A },
	{ "1", 0x16 },
	{ "2", 0x1E },
	{ "3", 0x26 },
	{ "4", 0x25 },
	{ "5", 0x2E },
	{ "6", 0x36 },
	{ "7", 0x3D },
	{ "8", 0x3E },
	{ "9", 0x46 },
	{ "0", 0x45 },
	{ "`", 0x0E },
	{ "-", 0x4E },
	{ "=", 0x55 },
	{ "[", 0x54 },
	{ "]", 0x5B },
	{ "\\", 0x5D },
	{ ";", 0x4C },
	{ "'", 0x52 },
	{ ",", 0x41 },
	{ ".", 0x49 },
	{ "/", 0x4A },
	{ "space", 0x29 },
	{ "enter", 0x5A },
	{ "backspace", 0x66 },
	{ "tab", 0x0D },
	{ "esc", 0x76 },
	{ "shift", 0x12 },
	{ "rshift", 0x59 },
	{ "ctrl", 0x14 },
	{ "alt", 0x11 },
	{ "capslock", 0x58 },
	{ "numlock", 0x77 },
	{ "scrolllock", 0x7E },
	{ "f1", 0x05 },
	{ "f2", 0x06 },
	{ "f3", 0x04 },
	{ "f4", 0x0C },
	{ "f5", 0x03 },
	{ "f6", 0x0B },
	{ "f7", 0x83 },
	{ "f8", 0x0A },
	{ "f9", 0x01 },
	{ "f10", 0x09 },
	{ "f11", 0x78 },
	{ "f12", 0x07 },
	{ "rctrl", 0x14, true },
	{ "ralt", 0x11, true },
	{ "up", 0x75, true },
	{ "down", 0x72, true },
	{ "left", 0x6B, true },
	{ "right", 0x74, true },
	{ "home", 0x6C, true },
	{ "end", 0x69, true },
	{ "pgup", 0x7D, true },
	{ "pgdn", 0x7A, true },
	{ "insert", 0x70, true },
	{ "delete", 0x71, true },
};

/* The characters typed with Shift, and the key under each. */
static const char shifted[] = "~!@#$%^&*()_+{}|:\"<>?";
static const char unshifted[] = "`1234567890-=[]\\;',./";

static const struct key *find_key(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strlen(keys[i].name) == len && !strncasecmp(keys[i].name, name, len))
			return &keys[i];
	return NULL;
}

static struct key_event make_event(const struct key *k)
{
	struct key_event ev = { .n = 0 };

	if (k->extended)
		ev.code[ev.n++] = 0xE0;
	ev.code[ev.n++] = k->code;
	return ev;
}

static struct key_event break_event(const struct key *k)
{
	struct key_event ev = { .n = 0 };

	if (k->extended)
		ev.code[ev.n++] = 0xE0;
	ev.code[ev.n++] = 0xF0;
	ev.code[ev.n++] = k->code;
	return ev;
}

#define COMBO_MAX 8

int keymap_combo(const char *combo, size_t len, struct key_event *ev, int max)
{
	const struct key *held[COMBO_MAX];
	int n = 0;
	size_t start = 0;

	/* '-' is also a key: "ctrl--" presses Ctrl and minus. */
	while (start < len) {
		size_t end = start + 1;
		while (end < len && combo[end] != '-')
			end++;
		if (n == COMBO_MAX || !(held[n] = find_key(combo + start, end - start)))
			return -1;
		n++;
		start = end + 1;
		if (end < len && start == len)
			return -1; /* a trailing '-' names no key */
	}
	if (!n || 2 * n > max)
		return -1;
	for (int i = 0; i < n; i++) {
		ev[i] = make_event(held[i]);
		ev[2 * n - 1 - i] = break_event(held[i]);
	}
	return 2 * n;
}

/* The key and Shift state that type 'c', or NULL. */
static const struct key *key_for_char(char c, bool *shift)
{
	const char *s;
	char name[2] = { c, 0 };

	*shift = false;
	if (c == ' ')
		return find_key("space", 5);
	if (c == '\n')
		return find_key("enter", 5);
	if (c == '\t')
		return find_key("tab", 3);
	if (c == '\b')
		return find_key("backspace", 9);
	if (isupper((unsigned char)c)) {
		*shift = true;
		name[0] = (char)tolower((unsigned char)c);
	} else if (c && (s = strchr(shifted, c))) {
		*shift = true;
		name[0] = unshifted[s - shifted];
	}
	return find_key(name, 1);
}

int keymap_char(char c, struct key_event ev[4])
{
	bool shift;
	const struct key *k = key_for_char(c, &shift);
	int n = 0;

	if (!k)
		return -1;
	if (shift)
		ev[n++] = make_event(find_key("shift", 5));
	ev[n++] = make_event(k);
	ev[n++] = break_event(k);
	if (shift)
		ev[n++] = break_event(find_key("shift", 5));
	return n;
}

int keymap_text(const char *text, struct key_event *ev, int max, const char **bad, size_t *badlen)
{
	int n = 0;

	*bad = NULL;
	*badlen = 0;
	for (const char *p = text; *p;) {
		struct key_event typed[COMBO_MAX * 2];
		int got = 0;
		size_t used = 1;

		if (*p == '{') {
			const char *close = strchr(p + 1, '}');
			used = close ? (size_t)(close - p + 1) : strlen(p);
			if (close)
				got = keymap_combo(p + 1, used - 2, typed, COMBO_MAX * 2);
		} else {
			char c = *p;
			if (c == '\\' && (p[1] == 'n' || p[1] == 't' || p[1] == '\\')) {
				c = p[1] == 'n' ? '\n' : p[1] == 't' ? '\t' : '\\';
				used = 2;
			}
			got = keymap_char(c, typed);
		}
		if (got <= 0) {
			while ((p[used] & 0xC0) == 0x80) /* the rest of a UTF-8 character */
				used++;
			*bad = p;
			*badlen = used;
			return -1;
		}
		if (got > max - n)
			return -1; /* out of room: *bad stays NULL */
		memcpy(ev + n, typed, (size_t)got * sizeof *typed);
		n += got;
		p += used;
	}
	return n;
}

const char *keymap_names(void)
{
	return "a-z 0-9 ` - = [ ] \\ ; ' , . / space enter backspace tab esc shift rshift ctrl "
	       "rctrl alt ralt capslock numlock scrolllock f1-f12 up down left right home end "
	       "pgup pgdn insert delete";
}
