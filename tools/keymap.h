/*
 * tools/keymap.h — key names and typed text as PS/2 key events (scancode set
 * 2), for the front ends: `--keys`, the monitor's sendkey, later the windows.
 */
#ifndef X86LAB_KEYMAP_H
#define X86LAB_KEYMAP_H

#include <stddef.h>

#include "keyfeed.h"

/* "a", "enter", "f1", "ctrl-alt-delete": the keys are pressed in order and
 * released in reverse. Returns the number of events written to 'ev' (at most
 * 'max'), or -1 when a name is unknown or 'max' is too small. */
int keymap_combo(const char *combo, size_t len, struct key_event *ev, int max);

/* Text as typed on a US keyboard: Shift is pressed for capitals and symbols,
 * "\n" is Enter, "\t" Tab, "\\" a backslash, and "{combo}" any combination
 * above ("{esc}", "{ctrl-c}"). Returns the number of events, or -1 with the
 * part of 'text' that names no key in '*bad' (its length in '*badlen'), or
 * with '*bad' NULL when the events do not fit in 'max'. */
int keymap_text(const char *text, struct key_event *ev, int max, const char **bad, size_t *badlen);

/* One character as typed on a US keyboard (with Shift for capitals and
 * symbols; '\n' Enter, '\t' Tab, '\b' Backspace). Returns the number of
 * events (at most 4), or -1 when no key types it. */
int keymap_char(char c, struct key_event ev[4]);

/* The names keymap_combo knows, space-separated (for help and errors). */
const char *keymap_names(void);

#endif
