/*
 * tests/display/test_sdl_input.c — the SDL window's keyboard, headless
 * (SDL's offscreen driver): key events pushed into SDL's queue reach a
 * guest (sdl_keys.asm) as the documented scancodes, SDL's repeat events
 * are dropped, and the host keys and closing the window stop the machine.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include <SDL.h>

#include "cli.h"
#include "display.h"
#include "machine.h"

static const char *guest_path;

static void to_stdout(void *ctx, uint8_t byte)
{
	(void)ctx;
	putchar(byte);
}

/* A machine with the display attached and 'code' at 1000:0100, registers
 * as for a .COM program. */
static struct machine *machine_with(struct display *d, const uint8_t *code, size_t len)
{
	struct machine *m = calloc(1, sizeof *m);
	struct machine_config cfg = {
		.model = CPU_386,
		.mem_size = 1u << 20,
		.debugcon_sink = to_stdout,
	};
	char err[256];

	assert_non_null(m);
	display_configure(d, m, &cfg);
	assert_int_equal(machine_init(m, &cfg, err, (int)sizeof err), 0);
	display_start(d);
	assert_int_equal(machine_load(m, 0x10100, code, (uint32_t)len), 0);
	for (int r = 0; r < 8; r++)
		m->cpu.reg[r] = 0;
	m->cpu.reg[REG_SP] = 0xFFFE;
	cpu_load_real_seg(&m->cpu, SEG_CS, 0x1000);
	cpu_load_real_seg(&m->cpu, SEG_DS, 0x1000);
	cpu_load_real_seg(&m->cpu, SEG_ES, 0x1000);
	cpu_load_real_seg(&m->cpu, SEG_SS, 0x1000);
	m->cpu.eip = 0x100;
	return m;
}

static struct display *open_sdl(bool in_monitor)
{
	char err[256];
	struct display *d = display_open(DISPLAY_SDL, "386", in_monitor, err, sizeof err);

	if (!d)
		fail_msg("cannot open the SDL display: %s", err);
	return d;
}

static void push_key(SDL_Scancode sc, bool down, bool repeat, uint16_t mod)
{
	SDL_Event e = { 0 };

	e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
	e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
	e.key.repeat = repeat;
	e.key.keysym.scancode = sc;
	e.key.keysym.mod = mod;
	assert_int_equal(SDL_PushEvent(&e), 1);
}

static void press(SDL_Scancode sc)
{
	push_key(sc, true, false, 0);
	push_key(sc, false, false, 0);
}

static void test_keys_reach_the_guest(void **state)
{
	struct display *d = open_sdl(false);
	uint8_t *code;
	size_t len;
	struct machine *m;

	(void)state;
	assert_int_equal(cli_read_file(guest_path, &code, &len, 65536), 0);
	m = machine_with(d, code, len);
	push_key(SDL_SCANCODE_A, true, false, 0);
	push_key(SDL_SCANCODE_A, true, true, 0); /* SDL's auto-repeat */
	push_key(SDL_SCANCODE_A, false, false, 0);
	press(SDL_SCANCODE_UP);
	press(SDL_SCANCODE_RCTRL);
	press(SDL_SCANCODE_KP_DIVIDE);
	press(SDL_SCANCODE_PAUSE);
	press(SDL_SCANCODE_PRINTSCREEN);
	push_key(SDL_SCANCODE_LSHIFT, true, false, KMOD_LSHIFT);
	press(SDL_SCANCODE_1);
	push_key(SDL_SCANCODE_LSHIFT, false, false, 0);
	press(SDL_SCANCODE_F7);
	assert_int_equal(machine_run(m, 100000000), MACHINE_EXIT);
	assert_int_equal(m->exit_status, 0);
	machine_free(m);
	free(m);
	free(code);
	display_close(d);
}

/* Ctrl+Alt+M stops the run in the monitor; the guest sees Ctrl and Alt go
 * down (they are its keys too) but not the M. */
static void test_break_in_key(void **state)
{
	static const uint8_t spin[] = { 0xEB, 0xFE }; /* jmp $ */
	struct display *d = open_sdl(true);
	struct machine *m = machine_with(d, spin, sizeof spin);

	(void)state;
	push_key(SDL_SCANCODE_LCTRL, true, false, KMOD_LCTRL);
	push_key(SDL_SCANCODE_LALT, true, false, KMOD_LCTRL | KMOD_LALT);
	push_key(SDL_SCANCODE_M, true, false, KMOD_LCTRL | KMOD_LALT);
	assert_int_equal(machine_run(m, 100000000), MACHINE_STOPPED);
	assert_true(d->break_requested);
	assert_false(d->quit);
	/* Ctrl (1D) is in the 8042's output buffer, Alt waits for the guest to
	 * read it; nothing else was queued. */
	assert_int_equal(m->kbd.obuf, 0x1D);
	assert_int_equal(m->keys.count, 1);
	assert_int_equal(m->keys.event[m->keys.head].code[0], 0x11);
	machine_free(m);
	free(m);
	display_close(d);
}

static void test_closing_the_window_stops(void **state)
{
	static const uint8_t spin[] = { 0xEB, 0xFE };
	struct display *d = open_sdl(false);
	struct machine *m = machine_with(d, spin, sizeof spin);
	SDL_Event e = { .type = SDL_QUIT };

	(void)state;
	assert_int_equal(SDL_PushEvent(&e), 1);
	assert_int_equal(machine_run(m, 100000000), MACHINE_STOPPED);
	assert_true(d->quit);
	machine_free(m);
	free(m);
	display_close(d);
}

/* With a window, HLT with interrupts on and no device armed waits for the
 * user's keys instead of ending the run (status 123 headless). */
static void test_halt_waits_for_keys(void **state)
{
	static const uint8_t wait[] = { 0xFB, 0xF4, 0xEB, 0xFD }; /* sti; hlt; jmp hlt */
	struct display *d = open_sdl(false);
	struct machine *m = machine_with(d, wait, sizeof wait);

	(void)state;
	assert_int_equal(machine_run(m, 2000000), MACHINE_LIMIT);
	assert_true(m->cpu.halted);
	machine_free(m);
	free(m);
	display_close(d);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_reach_the_guest),
		cmocka_unit_test(test_break_in_key),
		cmocka_unit_test(test_closing_the_window_stops),
		cmocka_unit_test(test_halt_waits_for_keys),
	};

	if (argc != 2) {
		fprintf(stderr, "usage: test_sdl_input SDL_KEYS.BIN\n");
		return 2;
	}
	guest_path = argv[1];
	/* Headless unless told otherwise (SDL_VIDEODRIVER=x11 under Xvfb). */
	setenv("SDL_VIDEODRIVER", "offscreen", 0);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
