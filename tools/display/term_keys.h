/*
 * tools/display/term_keys.h — what a terminal in raw mode sends (characters,
 * control characters, escape sequences for arrows and function keys) as
 * PS/2 key presses and releases. A terminal reports no releases, so each
 * key is pressed and released at once.
 */
#ifndef X86LAB_TERM_KEYS_H
#define X86LAB_TERM_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keyfeed.h"

/* The host key of the terminal display: Ctrl-] (0x1D). */
#define TERM_HOST_KEY 0x1D

/* Turn 'len' bytes read from the terminal into at most 'max' events.
 * '*host_key' is set when the host key was among them. Bytes that name no
 * key (UTF-8 beyond ASCII, unknown sequences) are skipped. Returns the
 * number of events. */
int term_keys_parse(const uint8_t *buf, size_t len, struct key_event *ev, int max, bool *host_key);

#endif
