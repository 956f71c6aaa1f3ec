/*
 * tools/display/term_raw.h — the host terminal with its input in raw mode
 * (for the terminal display and for a serial console on stdio), and put
 * back as it was when x86lab leaves it, exits, or dies of a signal.
 */
#ifndef X86LAB_TERM_RAW_H
#define X86LAB_TERM_RAW_H

#include <stdbool.h>

/* Take the terminal: remember the settings of 'in_fd' (-1: no terminal
 * input) and the strings to write to 'out_fd' on entering and leaving raw
 * mode (NULL: none), and catch the signals that would otherwise leave it
 * raw. Raw input keeps Ctrl-C and Ctrl-\ as signals (they are the host's);
 * Ctrl-Z goes to the guest, since a stopped x86lab would leave the terminal
 * raw. One owner at a time: returns false if the terminal is taken. */
bool term_raw_open(int in_fd, int out_fd, const char *enter_seq, const char *leave_seq);
/* Raw mode on (again); then the enter string. */
void term_raw_enter(void);
/* The settings as they were, after the leave string. Async-signal-safe. */
void term_raw_leave(void);
/* Leave, and give the signals back to their previous handlers. */
void term_raw_close(void);
/* The out_fd given to term_raw_open. */
int term_raw_out_fd(void);

#endif
