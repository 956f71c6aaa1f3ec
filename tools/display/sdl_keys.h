/*
 * tools/display/sdl_keys.h — SDL's scancodes (the key's place on the
 * keyboard, not its character) as PS/2 scancode set 2 key events.
 */
#ifndef X86LAB_SDL_KEYS_H
#define X86LAB_SDL_KEYS_H

#include <SDL.h>
#include <stdbool.h>

#include "keyfeed.h"

/* The event for pressing ('down') or releasing the key. Returns false for a
 * key the PS/2 keyboard does not have, and for Pause's release, which
 * sends nothing. */
bool sdl_key_event(SDL_Scancode sc, bool down, struct key_event *ev);

#endif
