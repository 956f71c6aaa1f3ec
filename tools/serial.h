/*
 * tools/serial.h — where the guest's serial ports lead on the host:
 * stdout (and stdin when it is not a terminal), a file, or nowhere. The
 * UART model in dev/ sees only the uart_backend these hand it.
 */
#ifndef X86LAB_SERIAL_H
#define X86LAB_SERIAL_H

#include <stdbool.h>
#include <stdio.h>

#include "uart.h"

enum serial_kind { SERIAL_NONE, SERIAL_STDIO, SERIAL_FILE };

struct serial_port {
	enum serial_kind kind;
	const char *path;
	FILE *out;
	bool input; /* stdin is read (it is not a terminal) */
};

/* Parse "stdio", "file:PATH" or "none". Returns 0 or -1. */
int serial_parse(struct serial_port *s, const char *spec);
/* Open what the spec names. Returns 0, or -1 with errno set. */
int serial_open(struct serial_port *s, bool allow_input);
struct uart_backend serial_backend(struct serial_port *s);
void serial_close(struct serial_port *s);

#endif
