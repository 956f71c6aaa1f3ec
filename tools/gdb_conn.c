/*
 * tools/gdb_conn.c — the gdb stub's TCP side: listening, accepting one
 * debugger at a time, reading packets through the framing layer, acks and
 * nacks, and sending replies. POSIX sockets and poll(); no threads.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "gdb_conn.h"

/* A debugger that stops reading for this long is taken as gone, so that a
 * stuck peer cannot hang the emulator in send(). */
#define SEND_TIMEOUT_S 10

static void set_cloexec(int fd)
{
	int fl = fcntl(fd, F_GETFD);

	if (fl >= 0)
		fcntl(fd, F_SETFD, fl | FD_CLOEXEC);
}

static void set_nonblock(int fd, bool on)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl >= 0)
		fcntl(fd, F_SETFL, on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK);
}

/* "127.0.0.1:1234" or "[::1]:1234", with the port the kernel chose for 0. */
static void describe_bound(struct gdb_conn *c)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	char host[64], serv[16];

	snprintf(c->where, sizeof c->where, "?");
	if (getsockname(c->listen_fd, (struct sockaddr *)&ss, &sl) != 0 ||
	    getnameinfo((struct sockaddr *)&ss, sl, host, sizeof host, serv, sizeof serv,
	                NI_NUMERICHOST | NI_NUMERICSERV) != 0)
		return;
	if (ss.ss_family == AF_INET6)
		snprintf(c->where, sizeof c->where, "[%s]:%s", host, serv);
	else
		snprintf(c->where, sizeof c->where, "%s:%s", host, serv);
}

static int bind_one(const struct addrinfo *ai)
{
	int one = 1;
	int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);

	if (fd < 0)
		return -1;
	/* A stub restarted right after a session can take its port back. */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 1) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

int gdb_conn_listen(struct gdb_conn *c, const char *host, int port, char *err, size_t errlen)
{
	struct addrinfo hints, *res = NULL;
	char serv[16];
	int rc, e = EADDRNOTAVAIL;

	memset(c, 0, sizeof *c);
	c->fd = c->listen_fd = -1;
	gdb_rx_init(&c->rx);
	if (!host)
		host = "127.0.0.1";
	if (port < 0 || port > 65535) {
		snprintf(err, errlen, "port %d is not between 0 and 65535", port);
		return -1;
	}
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
	snprintf(serv, sizeof serv, "%d", port);
	rc = getaddrinfo(host, serv, &hints, &res);
	if (rc != 0) {
		snprintf(err, errlen, "cannot use host '%s': %s", host, gai_strerror(rc));
		return -1;
	}
	for (const struct addrinfo *ai = res; ai && c->listen_fd < 0; ai = ai->ai_next) {
		c->listen_fd = bind_one(ai);
		if (c->listen_fd < 0)
			e = errno;
	}
	freeaddrinfo(res);
	if (c->listen_fd < 0) {
		snprintf(err, errlen, "cannot listen on %s:%d: %s", host, port, strerror(e));
		return -1;
	}
	set_cloexec(c->listen_fd);
	set_nonblock(c->listen_fd, true); /* accept() after poll() must not block */
	describe_bound(c);
	return 0;
}

static void setup_peer(struct gdb_conn *c, int fd)
{
	int one = 1;
	struct timeval tv = { SEND_TIMEOUT_S, 0 };

	set_cloexec(fd);
	set_nonblock(fd, false);
	/* gdb's small request/reply packets would otherwise wait on Nagle. */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
	c->fd = fd;
	c->noack = false;
	c->in_len = c->in_pos = 0;
	c->last_len = 0;
	gdb_rx_init(&c->rx);
}

int gdb_conn_accept(struct gdb_conn *c, int timeout_ms)
{
	struct pollfd p = { c->listen_fd, POLLIN, 0 };
	int n, fd;

	if (c->fd >= 0)
		return 1;
	n = poll(&p, 1, timeout_ms);
	if (n < 0)
		return errno == EINTR ? 0 : -1;
	if (n == 0)
		return 0;
	fd = accept(c->listen_fd, NULL, NULL);
	if (fd < 0) /* the peer gave up between poll and accept, or a signal */
		return (errno == EAGAIN || errno == EWOULDBLOCK || errno == ECONNABORTED ||
		        errno == EINTR)
		               ? 0
		               : -1;
	setup_peer(c, fd);
	return 1;
}

/* One debugger at a time: a second one is closed at once rather than left
 * hanging in the backlog. */
static void turn_away(struct gdb_conn *c)
{
	int fd = accept(c->listen_fd, NULL, NULL);

	if (fd >= 0)
		close(fd);
}

static int send_all(struct gdb_conn *c, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = send(c->fd, buf, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			gdb_conn_drop(c);
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int gdb_conn_send(struct gdb_conn *c, const char *payload, size_t len)
{
	size_t n;

	if (c->fd < 0)
		return -1;
	n = gdb_frame(c->last, sizeof c->last, payload, len);
	if (n == 0)
		return -1;
	c->last_len = n;
	return send_all(c, c->last, n);
}

int gdb_conn_send_str(struct gdb_conn *c, const char *payload)
{
	return gdb_conn_send(c, payload, strlen(payload));
}

static int ack(struct gdb_conn *c, const char *what)
{
	return c->noack ? 0 : send_all(c, what, 1);
}

/* Act on one framing event; true when it is something for the caller. */
static bool handle_rx(struct gdb_conn *c, enum gdb_rx_event ev)
{
	switch (ev) {
	case GDB_RX_PACKET:
		ack(c, "+");
		return true;
	case GDB_RX_INTERRUPT:
		return true;
	case GDB_RX_BAD_CSUM:
		ack(c, "-");
		return false;
	case GDB_RX_OVERLONG:
		if (ack(c, "+") == 0)
			gdb_conn_send_str(c, "E01");
		return false;
	case GDB_RX_NACK:
		if (c->last_len > 0)
			send_all(c, c->last, c->last_len);
		return false;
	case GDB_RX_ACK:
	case GDB_RX_NONE:
		return false;
	}
	return false;
}

/* 1: the debugger's socket has something (data or hangup); 0: timeout. */
static int wait_readable(struct gdb_conn *c, int timeout_ms)
{
	struct pollfd p[2] = { { c->fd, POLLIN, 0 }, { c->listen_fd, POLLIN, 0 } };

	for (;;) {
		int n = poll(p, 2, timeout_ms);
		if (n < 0)
			return errno == EINTR ? 0 : 1; /* a real error shows in recv() */
		if (n == 0)
			return 0;
		if (p[1].revents & POLLIN)
			turn_away(c);
		if (p[0].revents)
			return 1;
	}
}

enum gdb_conn_event gdb_conn_next(struct gdb_conn *c, int timeout_ms)
{
	for (;;) {
		ssize_t n;

		while (c->fd >= 0 && c->in_pos < c->in_len) {
			enum gdb_rx_event ev = gdb_rx_byte(&c->rx, c->in[c->in_pos++]);
			if (handle_rx(c, ev))
				return ev == GDB_RX_PACKET ? GDB_CONN_PACKET : GDB_CONN_INTERRUPT;
		}
		if (c->fd < 0)
			return GDB_CONN_CLOSED;
		if (wait_readable(c, timeout_ms) == 0)
			return GDB_CONN_IDLE;
		n = recv(c->fd, c->in, sizeof c->in, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			gdb_conn_drop(c);
			return GDB_CONN_CLOSED;
		}
		c->in_len = (size_t)n;
		c->in_pos = 0;
	}
}

void gdb_conn_drop(struct gdb_conn *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
	c->in_len = c->in_pos = 0;
	c->noack = false;
	gdb_rx_init(&c->rx);
}

void gdb_conn_close(struct gdb_conn *c)
{
	gdb_conn_drop(c);
	if (c->listen_fd >= 0)
		close(c->listen_fd);
	c->listen_fd = -1;
}
