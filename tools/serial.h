/*
 * tools/serial.h — where the guest's serial ports lead on the host:
 * stdout (and stdin when it is not a terminal), a file, a pseudo-terminal,
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
	bool input;     /* stdin is read (it is not a terminal) */
	uint16_t port;  /* SERIAL_TCP */
	int fd;         /* the pty's master or the listening socket; -1: none */
	int client;     /* the connected TCP client; -1: none */
	char where[64]; /* what to tell the user: the pty's slave, the address */
};

/* Parse "stdio", "file:PATH", "pty", "tcp:PORT" or "none". Returns 0 or -1. */
int serial_parse(struct serial_port *s, const char *spec);
/* Open what the spec names. Returns 0, or -1 with errno set (EADDRINUSE:
 * the TCP port is taken). For a pty or TCP port 'where' then names it. */
int serial_open(struct serial_port *s, bool allow_input);
struct uart_backend serial_backend(struct serial_port *s);
void serial_close(struct serial_port *s);

#endif
