/*
 * tools/serial.c — serial-port backends on the host: bytes the guest sends
 * go to stdout, a file, a pty or a TCP client; bytes for the guest come from
 * stdin (a pipe, a file, or a terminal nobody else reads), the pty or the
 * TCP client. Nothing here ever blocks the guest.
 */
#define _GNU_SOURCE /* accept4, cfmakeraw, posix_openpt */

#include "serial.h"
#include "term_raw.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

/* "tcp:PORT" with PORT 1-65535 and nothing after it. */
static int parse_port(const char *arg, uint16_t *port)
{
	char *end;
	long v;

	if (*arg < '0' || *arg > '9')
		return -1;
	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || *end || v < 1 || v > 65535)
		return -1;
	*port = (uint16_t)v;
	return 0;
}

int serial_parse(struct serial_port *s, const char *spec)
{
	*s = (struct serial_port){ .fd = -1, .client = -1 };
	if (strcmp(spec, "none") == 0)
		s->kind = SERIAL_NONE;
	else if (strcmp(spec, "stdio") == 0)
		s->kind = SERIAL_STDIO;
	else if (strncmp(spec, "file:", 5) == 0 && spec[5])
		s->kind = SERIAL_FILE, s->path = spec + 5;
	else if (strcmp(spec, "pty") == 0)
		s->kind = SERIAL_PTY, s->path = spec;
	else if (strncmp(spec, "tcp:", 4) == 0 && parse_port(spec + 4, &s->port) == 0)
		s->kind = SERIAL_TCP, s->path = spec;
	else
		return -1;
	return 0;
}

/* Raw: the guest sees every byte as typed, and gets back none it did not send. */
static int open_pty(struct serial_port *s)
{
	struct termios t;
	int fd = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK);
	const char *name;

	if (fd < 0)
		return -1;
	if (grantpt(fd) < 0 || unlockpt(fd) < 0 || !(name = ptsname(fd)) || tcgetattr(fd, &t) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	cfmakeraw(&t);
	tcsetattr(fd, TCSANOW, &t);
	snprintf(s->where, sizeof s->where, "%s", name);
	s->fd = fd;
	return 0;
}

/* Loopback only: a serial console is not for the network. */
static int open_tcp(struct serial_port *s)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(s->port) };
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0), one = 1;

	if (fd < 0)
		return -1;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(fd, 1) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	snprintf(s->where, sizeof s->where, "127.0.0.1:%u", (unsigned)s->port);
	s->fd = fd;
	return 0;
}

int serial_open(struct serial_port *s, bool allow_input, bool allow_terminal)
{
	switch (s->kind) {
	case SERIAL_STDIO:
		s->out = stdout;
		s->flush_each = isatty(STDOUT_FILENO);
		if (!isatty(STDIN_FILENO)) {
			s->input = allow_input;
		} else if (allow_input && allow_terminal &&
		           term_raw_open(STDIN_FILENO, -1, NULL, NULL)) {
			term_raw_enter();
			s->input = s->terminal = true;
		}
		return 0;
	case SERIAL_FILE:
		s->out = fopen(s->path, "wb");
		return s->out ? 0 : -1;
	case SERIAL_PTY:
		return open_pty(s);
	case SERIAL_TCP:
		return open_tcp(s);
	case SERIAL_NONE:
		break;
	}
	return 0;
}

static bool ready(int fd, short events)
{
	struct pollfd p = { fd, events, 0 };

	return poll(&p, 1, 0) == 1 && (p.revents & events);
}

/* A client that knocked since the last look is taken; one at a time. */
static bool tcp_connected(struct serial_port *s)
{
	if (s->client < 0 && ready(s->fd, POLLIN))
		s->client = accept4(s->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	return s->client >= 0;
}

static void tcp_hang_up(struct serial_port *s)
{
	close(s->client);
	s->client = -1;
}

static void serial_write(void *ctx, uint8_t byte)
{
	struct serial_port *s = ctx;

	switch (s->kind) {
	case SERIAL_PTY:
		/* A full buffer (nobody reading the slave) drops the byte, as a
		 * line with nothing on its far end would. */
		(void)!write(s->fd, &byte, 1);
		break;
	case SERIAL_TCP:
		if (tcp_connected(s) && send(s->client, &byte, 1, MSG_NOSIGNAL) < 0 &&
		    errno != EAGAIN && errno != EWOULDBLOCK)
			tcp_hang_up(s);
		break;
	default:
		fputc(byte, s->out);
		if (byte == '\n' || s->out != stdout || s->flush_each)
			fflush(s->out);
	}
}

/* 1: a byte from 'fd'; -1: none now; 0: the far end has gone (EOF or error). */
static int read_now(int fd, unsigned char *b)
{
	if (!ready(fd, POLLIN))
		return -1;
	return read(fd, b, 1) == 1;
}

/* One byte for the guest if one is there now: the guest never waits on the host. */
static int serial_read(void *ctx)
{
	struct serial_port *s = ctx;
	unsigned char b;
	int n = -1;

	switch (s->kind) {
	case SERIAL_PTY:
		/* Nobody on the slave side is a hang-up: no input, and no error. */
		n = read_now(s->fd, &b);
		break;
	case SERIAL_TCP:
		if (tcp_connected(s) && (n = read_now(s->client, &b)) == 0)
			tcp_hang_up(s); /* the next client may connect */
		break;
	default:
		if (s->input && (n = read_now(STDIN_FILENO, &b)) == 0)
			s->input = false; /* end of input */
	}
	return n == 1 ? b : -1;
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
	if (s->terminal)
		term_raw_close();
	s->terminal = s->input = false;
	if (s->client >= 0)
		close(s->client);
	if (s->fd >= 0)
		close(s->fd);
	s->client = s->fd = -1;
}
