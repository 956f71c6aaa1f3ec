/*
 * tools/display/term_raw.c — the host terminal in raw input mode and back.
 * A signal handler can reach nothing but static storage, so what it needs
 * to restore the terminal is this file's one piece of static state.
 */
#include "term_raw.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const int handled_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV,
	                               SIGBUS, SIGFPE,  SIGILL, SIGABRT };
enum { NSIGNALS = sizeof handled_signals / sizeof handled_signals[0] };

static struct {
	bool owned; /* term_raw_open ... term_raw_close */
	int in_fd, out_fd;
	const char *enter_seq, *leave_seq;
	bool have_termios;
	struct termios saved;
	volatile sig_atomic_t active; /* raw mode (and what enter_seq starts) is on */
	bool atexit_set;
	bool signal_set[NSIGNALS];
	struct sigaction old_action[NSIGNALS];
} term = { .in_fd = -1, .out_fd = -1 };

static void write_all(const char *s)
{
	size_t len = s ? strlen(s) : 0, done = 0;

	while (term.out_fd >= 0 && done < len) {
		ssize_t w = write(term.out_fd, s + done, len - done);
		if (w <= 0)
			return; /* nothing more to do about it */
		done += (size_t)w;
	}
}

void term_raw_leave(void)
{
	if (!term.active)
		return;
	term.active = 0;
	write_all(term.leave_seq);
	if (term.have_termios)
		tcsetattr(term.in_fd, TCSANOW, &term.saved);
}

static void on_fatal_signal(int sig)
{
	term_raw_leave();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void leave_at_exit(void)
{
	term_raw_leave();
}

bool term_raw_open(int in_fd, int out_fd, const char *enter_seq, const char *leave_seq)
{
	if (term.owned)
		return false;
	term.owned = true;
	term.in_fd = in_fd;
	term.out_fd = out_fd;
	term.enter_seq = enter_seq;
	term.leave_seq = leave_seq;
	term.have_termios = in_fd >= 0 && tcgetattr(in_fd, &term.saved) == 0;
	for (int i = 0; i < NSIGNALS; i++) {
		struct sigaction sa, old;

		term.signal_set[i] = false;
		sigaction(handled_signals[i], NULL, &old);
		/* The monitor has its own Ctrl-C: it stops the guest, and the
		 * terminal is given back while the prompt is up. */
		if (handled_signals[i] == SIGINT && old.sa_handler != SIG_DFL)
			continue;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_fatal_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(handled_signals[i], &sa, &term.old_action[i]);
		term.signal_set[i] = true;
	}
	if (!term.atexit_set) {
		atexit(leave_at_exit);
		term.atexit_set = true;
	}
	return true;
}

void term_raw_enter(void)
{
	if (term.active)
		return;
	if (term.have_termios) {
		struct termios raw = term.saved;

		raw.c_iflag &= (tcflag_t) ~(IXON | ICRNL | INLCR | IGNCR | BRKINT | ISTRIP);
		raw.c_lflag &= (tcflag_t) ~(ICANON | ECHO | IEXTEN);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		raw.c_cc[VSUSP] = _POSIX_VDISABLE;
		tcsetattr(term.in_fd, TCSAFLUSH, &raw);
	}
	term.active = 1;
	write_all(term.enter_seq);
}

void term_raw_close(void)
{
	if (!term.owned)
		return;
	term_raw_leave();
	for (int i = 0; i < NSIGNALS; i++)
		if (term.signal_set[i])
			sigaction(handled_signals[i], &term.old_action[i], NULL);
	term.owned = false;
}

int term_raw_out_fd(void)
{
	return term.out_fd;
}
