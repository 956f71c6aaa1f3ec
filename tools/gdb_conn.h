/*
 * tools/gdb_conn.h — the gdb stub's TCP side: one listening socket, at most
 * one debugger connected at a time, packets in and out with acks.
 */
#ifndef X86LAB_GDB_CONN_H
#define X86LAB_GDB_CONN_H

#include <stdbool.h>
#include <stddef.h>

#include "gdb_packet.h"

struct gdb_conn {
	int listen_fd;
	int fd;     /* the debugger, or -1 */
	bool noack; /* after QStartNoAckMode: no '+'/'-' either way */
	struct gdb_rx rx;
	unsigned char in[1024]; /* received, not yet fed to 'rx' */
	size_t in_len, in_pos;
	char last[GDB_FRAME_MAX]; /* the last frame sent, for a nack */
	size_t last_len;
	char where[96]; /* "HOST:PORT" as bound */
};

enum gdb_conn_event {
	GDB_CONN_PACKET,    /* rx.buf holds one (acknowledged) */
	GDB_CONN_INTERRUPT, /* Ctrl-C */
	GDB_CONN_IDLE,      /* the timeout passed with nothing */
	GDB_CONN_CLOSED,    /* the debugger went away (or the connection broke) */
};

/* Bind and listen on host:port (port 0: any free port). Returns 0, or -1
 * with one line in 'err'. */
int gdb_conn_listen(struct gdb_conn *c, const char *host, int port, char *err, size_t errlen);
/* Wait up to 'timeout_ms' (-1: forever) for a debugger. Returns 1 when one
 * is connected, 0 on timeout, -1 when the listening socket fails. */
int gdb_conn_accept(struct gdb_conn *c, int timeout_ms);
/* The next event from the debugger, waiting up to 'timeout_ms' (-1: forever).
 * Acks, nacks and malformed packets are handled here. A second debugger
 * that tries to connect meanwhile is turned away. */
enum gdb_conn_event gdb_conn_next(struct gdb_conn *c, int timeout_ms);
/* Frame and send one packet. Returns 0, or -1 when the connection broke. */
int gdb_conn_send(struct gdb_conn *c, const char *payload, size_t len);
int gdb_conn_send_str(struct gdb_conn *c, const char *payload);
/* Close the debugger's connection; keep listening. */
void gdb_conn_drop(struct gdb_conn *c);
void gdb_conn_close(struct gdb_conn *c);

#endif
