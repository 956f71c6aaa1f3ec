/*
 * tools/serial.h — where the guest's serial ports lead on the host:
 * stdout and stdin (a terminal in raw mode, a pipe or a file), a file, a pseudo-terminal,
 * a TCP port on 127.0.0.1, or nowhere. The UART model in dev/ sees only the
 * uart_backend these hand it.
 */
#ifndef X86LAB_SERIAL_H
#define X86LAB_SERIAL_H

#include <stdbool.h>
#include <stdio.h>

#include "uart.h"

enum serial_kind { SERIAL_NONE, SERIAL_STDIO, SERIAL_FILE, SERIAL_PTY, SERIAL_TCP };

struct serial_port {
	enum serial_kind kind;
	const char *path; /* the file, or the spec for error messages */
	FILE *out;
	bool input;      /* stdin is read */
	bool terminal;   /* ... and it is a terminal, in raw mode while open */
	bool flush_each; /* stdout is a terminal: show every byte at once */
	uint16_t port;   /* SERIAL_TCP */
	int fd;          /* the pty's master or the listening socket; -1: none */
	int client;      /* the connected TCP client; -1: none */
	char where[64];  /* what to tell the user: the pty's slave, the address */
};

/* Parse "stdio", "file:PATH", "pty", "tcp:PORT" or "none". Returns 0 or -1. */
int serial_parse(struct serial_port *s, const char *spec);
/* Open what the spec names. Returns 0, or -1 with errno set (EADDRINUSE:
 * the TCP port is taken). For a pty or TCP port 'where' then names it.
 * 'stdio' reads stdin if 'allow_input', and when stdin is a terminal only
 * if 'allow_terminal' too (nothing else reads it: not the monitor, not the
 * terminal display); the terminal is then raw, so that the guest sees each
 * key as typed, until serial_close. */
int serial_open(struct serial_port *s, bool allow_input, bool allow_terminal);
struct uart_backend serial_backend(struct serial_port *s);
void serial_close(struct serial_port *s);

#endif
