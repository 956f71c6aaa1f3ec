/*
 * tools/serial.c — serial-port backends on the host: bytes the guest sends
 * go to stdout or a file; bytes for the guest come from stdin when it is a
 * pipe or a file (a terminal belongs to the front end).
 */
#include "serial.h"

#include <poll.h>
#include <string.h>
#include <unistd.h>

int serial_parse(struct serial_port *s, const char *spec)
{
	*s = (struct serial_port){ 0 };
	if (strcmp(spec, "none") == 0)
		s->kind = SERIAL_NONE;
	else if (strcmp(spec, "stdio") == 0)
		s->kind = SERIAL_STDIO;
	else if (strncmp(spec, "file:", 5) == 0 && spec[5])
		s->kind = SERIAL_FILE, s->path = spec + 5;
	else
		return -1;
	return 0;
}

int serial_open(struct serial_port *s, bool allow_input)
{
	if (s->kind == SERIAL_STDIO) {
		s->out = stdout;
		s->input = allow_input && !isatty(STDIN_FILENO);
	} else if (s->kind == SERIAL_FILE) {
		s->out = fopen(s->path, "wb");
		if (!s->out)
			return -1;
	}
	return 0;
}

static void serial_write(void *ctx, uint8_t byte)
{
	struct serial_port *s = ctx;

	fputc(byte, s->out);
	if (byte == '\n' || s->out != stdout)
		fflush(s->out);
}

/* One byte from stdin if one is there now: the guest never waits on the host. */
static int serial_read(void *ctx)
{
	struct serial_port *s = ctx;
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
	unsigned char b;

	if (!s->input || poll(&p, 1, 0) != 1)
		return -1;
	if (read(STDIN_FILENO, &b, 1) != 1) {
		s->input = false; /* end of input */
		return -1;
	}
	return b;
}

struct uart_backend serial_backend(struct serial_port *s)
{
	if (s->kind == SERIAL_NONE)
		return (struct uart_backend){ 0 };
	return (struct uart_backend){ serial_write, serial_read, s };
}

void serial_close(struct serial_port *s)
{
	if (s->out && s->out != stdout)
		fclose(s->out);
	else if (s->out)
		fflush(s->out);
	s->out = NULL;
}
