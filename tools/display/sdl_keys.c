/*
 * tools/display/sdl_keys.c — the table from SDL scancodes (USB HID usage
 * numbers) to set 2 make codes, from IBM's PS/2 keyboard reference and
 * Microsoft's "Keyboard Scan Code Specification", with the E0 prefix of the
 * 101-key board's added keys, and the two keys whose codes are sequences.
 */
#include "sdl_keys.h"

struct ps2_key {
	uint8_t code;  /* set 2 make code; 0: no such key */
	bool extended; /* E0 prefix */
};

static const struct ps2_key keys[SDL_NUM_SCANCODES] = {
	[SDL_SCANCODE_A] = { 0x1C },
	[SDL_SCANCODE_B] = { 0x32 },
	[SDL_SCANCODE_C] = { 0x21 },
	[SDL_SCANCODE_D] = { 0x23 },
	[SDL_SCANCODE_E] = { 0x24 },
	[SDL_SCANCODE_F] = { 0x2B },
	[SDL_SCANCODE_G] = { 0x34 },
	[SDL_SCANCODE_H] = { 0x33 },
	[SDL_SCANCODE_I] = { 0x43 },
	[SDL_SCANCODE_J] = { 0x3B },
	[SDL_SCANCODE_K] = { 0x42 },
	[SDL_SCANCODE_L] = { 0x4B },
	[SDL_SCANCODE_M] = { 0x3A },
	[SDL_SCANCODE_N] = { 0x31 },
	[SDL_SCANCODE_O] = { 0x44 },
	[SDL_SCANCODE_P] = { 0x4D },
	[SDL_SCANCODE_Q] = { 0x15 },
	[SDL_SCANCODE_R] = { 0x2D },
	[SDL_SCANCODE_S] = { 0x1B },
	[SDL_SCANCODE_T] = { 0x2C },
	[SDL_SCANCODE_U] = { 0x3C },
	[SDL_SCANCODE_V] = { 0x2A },
	[SDL_SCANCODE_W] = { 0x1D },
	[SDL_SCANCODE_X] = { 0x22 },
	[SDL_SCANCODE_Y] = { 0x35 },
	[SDL_SCANCODE_Z] = { 0x1A },
	[SDL_SCANCODE_1] = { 0x16 },
	[SDL_SCANCODE_2] = { 0x1E },
	[SDL_SCANCODE_3] = { 0x26 },
	[SDL_SCANCODE_4] = { 0x25 },
	[SDL_SCANCODE_5] = { 0x2E },
	[SDL_SCANCODE_6] = { 0x36 },
	[SDL_SCANCODE_7] = { 0x3D },
	[SDL_SCANCODE_8] = { 0x3E },
	[SDL_SCANCODE_9] = { 0x46 },
	[SDL_SCANCODE_0] = { 0x45 },
	[SDL_SCANCODE_RETURN] = { 0x5A },
	[SDL_SCANCODE_ESCAPE] = { 0x76 },
	[SDL_SCANCODE_BACKSPACE] = { 0x66 },
	[SDL_SCANCODE_TAB] = { 0x0D },
	[SDL_SCANCODE_SPACE] = { 0x29 },
	[SDL_SCANCODE_MINUS] = { 0x4E },
	[SDL_SCANCODE_EQUALS] = { 0x55 },
	[SDL_SCANCODE_LEFTBRACKET] = { 0x54 },
	[SDL_SCANCODE_RIGHTBRACKET] = { 0x5B },
	[SDL_SCANCODE_BACKSLASH] = { 0x5D },
	[SDL_SCANCODE_NONUSHASH] = { 0x5D }, /* the same key position on ISO boards */
	[SDL_SCANCODE_SEMICOLON] = { 0x4C },
	[SDL_SCANCODE_APOSTROPHE] = { 0x52 },
	[SDL_SCANCODE_GRAVE] = { 0x0E },
	[SDL_SCANCODE_COMMA] = { 0x41 },
	[SDL_SCANCODE_PERIOD] = { 0x49 },
	[SDL_SCANCODE_SLASH] = { 0x4A },
	[SDL_SCANCODE_CAPSLOCK] = { 0x58 },
	[SDL_SCANCODE_F1] = { 0x05 },
	[SDL_SCANCODE_F2] = { 0x06 },
	[SDL_SCANCODE_F3] = { 0x04 },
	[SDL_SCANCODE_F4] = { 0x0C },
	[SDL_SCANCODE_F5] = { 0x03 },
	[SDL_SCANCODE_F6] = { 0x0B },
	[SDL_SCANCODE_F7] = { 0x83 },
	[SDL_SCANCODE_F8] = { 0x0A },
	[SDL_SCANCODE_F9] = { 0x01 },
	[SDL_SCANCODE_F10] = { 0x09 },
	[SDL_SCANCODE_F11] = { 0x78 },
	[SDL_SCANCODE_F12] = { 0x07 },
	[SDL_SCANCODE_SCROLLLOCK] = { 0x7E },
	[SDL_SCANCODE_INSERT] = { 0x70, true },
	[SDL_SCANCODE_HOME] = { 0x6C, true },
	[SDL_SCANCODE_PAGEUP] = { 0x7D, true },
	[SDL_SCANCODE_DELETE] = { 0x71, true },
	[SDL_SCANCODE_END] = { 0x69, true },
	[SDL_SCANCODE_PAGEDOWN] = { 0x7A, true },
	[SDL_SCANCODE_RIGHT] = { 0x74, true },
	[SDL_SCANCODE_LEFT] = { 0x6B, true },
	[SDL_SCANCODE_DOWN] = { 0x72, true },
	[SDL_SCANCODE_UP] = { 0x75, true },
	[SDL_SCANCODE_NUMLOCKCLEAR] = { 0x77 },
	[SDL_SCANCODE_KP_DIVIDE] = { 0x4A, true },
	[SDL_SCANCODE_KP_MULTIPLY] = { 0x7C },
	[SDL_SCANCODE_KP_MINUS] = { 0x7B },
	[SDL_SCANCODE_KP_PLUS] = { 0x79 },
	[SDL_SCANCODE_KP_ENTER] = { 0x5A, true },
	[SDL_SCANCODE_KP_1] = { 0x69 },
	[SDL_SCANCODE_KP_2] = { 0x72 },
	[SDL_SCANCODE_KP_3] = { 0x7A },
	[SDL_SCANCODE_KP_4] = { 0x6B },
	[SDL_SCANCODE_KP_5] = { 0x73 },
	[SDL_SCANCODE_KP_6] = { 0x74 },
	[SDL_SCANCODE_KP_7] = { 0x6C },
	[SDL_SCANCODE_KP_8] = { 0x75 },
	[SDL_SCANCODE_KP_9] = { 0x7D },
	[SDL_SCANCODE_KP_0] = { 0x70 },
	[SDL_SCANCODE_KP_PERIOD] = { 0x71 },
	[SDL_SCANCODE_NONUSBACKSLASH] = { 0x61 },
	[SDL_SCANCODE_APPLICATION] = { 0x2F, true },
	[SDL_SCANCODE_LCTRL] = { 0x14 },
	[SDL_SCANCODE_LSHIFT] = { 0x12 },
	[SDL_SCANCODE_LALT] = { 0x11 },
	[SDL_SCANCODE_LGUI] = { 0x1F, true },
	[SDL_SCANCODE_RCTRL] = { 0x14, true },
	[SDL_SCANCODE_RSHIFT] = { 0x59 },
	[SDL_SCANCODE_RALT] = { 0x11, true },
	[SDL_SCANCODE_RGUI] = { 0x27, true },
};

static void put(struct key_event *ev, const uint8_t *bytes, int n)
{
	for (int i = 0; i < n; i++)
		ev->code[i] = bytes[i];
	ev->n = (uint8_t)n;
}

bool sdl_key_event(SDL_Scancode sc, bool down, struct key_event *ev)
{
	const struct ps2_key *k;

	/* Pause sends its whole make-and-break sequence on the press. */
	if (sc == SDL_SCANCODE_PAUSE) {
		if (!down)
			return false;
		put(ev, (const uint8_t[]){ 0xE1, 0x14, 0x77, 0xE1, 0xF0, 0x14, 0xF0, 0x77 }, 8);
		return true;
	}
	/* Print Screen is E0 12 E0 7C: a fake left Shift around keypad '*'. */
	if (sc == SDL_SCANCODE_PRINTSCREEN) {
		if (down)
			put(ev, (const uint8_t[]){ 0xE0, 0x12, 0xE0, 0x7C }, 4);
		else
			put(ev, (const uint8_t[]){ 0xE0, 0xF0, 0x7C, 0xE0, 0xF0, 0x12 }, 6);
		return true;
	}
	if ((int)sc < 0 || sc >= SDL_NUM_SCANCODES || !keys[sc].code)
		return false;
	k = &keys[sc];
	ev->n = 0;
	if (k->extended)
		ev->code[ev->n++] = 0xE0;
	if (!down)
		ev->code[ev->n++] = 0xF0;
	ev->code[ev->n++] = k->code;
	return true;
}
