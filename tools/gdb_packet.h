/*
 * tools/gdb_packet.h — the framing of gdb's remote serial protocol, without
 * sockets: a byte-at-a-time receiver, the framer, binary escaping and hex.
 * Pure functions over caller-owned buffers, so they can be unit-tested.
 */
#ifndef X86LAB_GDB_PACKET_H
#define X86LAB_GDB_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest payload accepted from gdb (advertised as PacketSize) and the
 * longest one sent back. Both are fixed: no buffer grows with the input. */
#define GDB_PACKET_MAX 4096
/* '$' + payload + '#' + two checksum digits. */
#define GDB_FRAME_MAX (GDB_PACKET_MAX + 4)

enum gdb_rx_event {
	GDB_RX_NONE,      /* nothing complete yet */
	GDB_RX_PACKET,    /* a packet with a good checksum: rx->buf, rx->len */
	GDB_RX_BAD_CSUM,  /* wrong or non-hex checksum: answer with a nack */
	GDB_RX_OVERLONG,  /* longer than GDB_PACKET_MAX: dropped, answer E01 */
	GDB_RX_INTERRUPT, /* Ctrl-C (0x03) between packets */
	GDB_RX_ACK,       /* '+' */
	GDB_RX_NACK,      /* '-': resend the last packet */
};

enum gdb_rx_state { GDB_RX_IDLE, GDB_RX_DATA, GDB_RX_CSUM1, GDB_RX_CSUM2 };

struct gdb_rx {
	enum gdb_rx_state state;
	char buf[GDB_PACKET_MAX + 1]; /* the payload, NUL-terminated */
	size_t len;
	bool overlong;
	uint8_t sum;  /* of the payload bytes seen */
	uint8_t want; /* the checksum gdb sent */
	bool bad_hex; /* a checksum digit was not hex */
};

void gdb_rx_init(struct gdb_rx *rx);
/* Feed one byte received from gdb; says what, if anything, it completed. */
enum gdb_rx_event gdb_rx_byte(struct gdb_rx *rx, uint8_t byte);

/* '$' payload '#' checksum into 'out'. Returns the frame's length, or 0 when
 * it does not fit in 'outsz' bytes. The payload must already be escaped if
 * it holds binary data. */
size_t gdb_frame(char *out, size_t outsz, const char *payload, size_t len);

/* Copy 'len' bytes into 'out' with '#', '$', '}' and '*' escaped as gdb's
 * binary replies need. Stops before overflowing 'outsz'; returns the bytes
 * written and the input bytes consumed in *used. */
size_t gdb_escape(char *out, size_t outsz, const uint8_t *in, size_t len, size_t *used);

/* A hex number of 1 to 16 digits at *p; *p moves past it. */
bool gdb_parse_hex(const char **p, uint64_t *out);
/* Exactly 2*n hex digits at 'hex' into 'out'. */
bool gdb_unhex(const char *hex, uint8_t *out, size_t n);
/* 2*n lowercase hex digits of 'in' into 'out' (no NUL). */
void gdb_hex(char *out, const uint8_t *in, size_t n);
/* "ADDR,LEN" as in m, M and Z packets; *p moves past it. */
bool gdb_parse_addr_len(const char **p, uint32_t *addr, uint32_t *len);

#endif
