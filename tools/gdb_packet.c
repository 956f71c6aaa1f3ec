/*
 * tools/gdb_packet.c — framing of gdb's remote serial protocol: receiving
 * $payload#cs byte by byte, framing replies, binary escapes and hex.
 */
#include "gdb_packet.h"

#include "cli.h"

void gdb_rx_init(struct gdb_rx *rx)
{
	rx->state = GDB_RX_IDLE;
	rx->len = 0;
	rx->buf[0] = '\0';
	rx->overlong = false;
	rx->sum = 0;
	rx->want = 0;
	rx->bad_hex = false;
}

static void start_packet(struct gdb_rx *rx)
{
	gdb_rx_init(rx);
	rx->state = GDB_RX_DATA;
}

/* Between packets only acks, Ctrl-C and '$' mean something; line noise and
 * stray bytes are skipped, as gdb itself does. */
static enum gdb_rx_event idle_byte(struct gdb_rx *rx, uint8_t byte)
{
	switch (byte) {
	case '$':
		start_packet(rx);
		return GDB_RX_NONE;
	case '+':
		return GDB_RX_ACK;
	case '-':
		return GDB_RX_NACK;
	case 0x03:
		return GDB_RX_INTERRUPT;
	default:
		return GDB_RX_NONE;
	}
}

/* An overlong payload is still read to its end (and its checksum) so that
 * the stream stays in step; it is then refused as a whole. */
static void data_byte(struct gdb_rx *rx, uint8_t byte)
{
	if (byte == '$') { /* a new packet without the old one's end: resync */
		start_packet(rx);
		return;
	}
	if (byte == '#') {
		rx->state = GDB_RX_CSUM1;
		return;
	}
	rx->sum = (uint8_t)(rx->sum + byte);
	if (rx->len < GDB_PACKET_MAX)
		rx->buf[rx->len++] = (char)byte;
	else
		rx->overlong = true;
}

static enum gdb_rx_event finish(struct gdb_rx *rx)
{
	rx->state = GDB_RX_IDLE;
	rx->buf[rx->len] = '\0';
	if (rx->bad_hex || rx->want != rx->sum)
		return GDB_RX_BAD_CSUM;
	if (rx->overlong)
		return GDB_RX_OVERLONG;
	return GDB_RX_PACKET;
}

enum gdb_rx_event gdb_rx_byte(struct gdb_rx *rx, uint8_t byte)
{
	int v;

	switch (rx->state) {
	case GDB_RX_IDLE:
		return idle_byte(rx, byte);
	case GDB_RX_DATA:
		data_byte(rx, byte);
		return GDB_RX_NONE;
	case GDB_RX_CSUM1:
	case GDB_RX_CSUM2:
		v = cli_hex_digit((char)byte);
		if (v < 0)
			rx->bad_hex = true;
		else
			rx->want = (uint8_t)(rx->want << 4 | v);
		if (rx->state == GDB_RX_CSUM1) {
			rx->state = GDB_RX_CSUM2;
			return GDB_RX_NONE;
		}
		return finish(rx);
	}
	return GDB_RX_NONE;
}

size_t gdb_frame(char *out, size_t outsz, const char *payload, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	uint8_t sum = 0;

	if (outsz < len + 4)
		return 0;
	out[0] = '$';
	for (size_t i = 0; i < len; i++) {
		out[1 + i] = payload[i];
		sum = (uint8_t)(sum + (uint8_t)payload[i]);
	}
	out[1 + len] = '#';
	out[2 + len] = digits[sum >> 4];
	out[3 + len] = digits[sum & 15];
	return len + 4;
}

size_t gdb_escape(char *out, size_t outsz, const uint8_t *in, size_t len, size_t *used)
{
	size_t o = 0, i;

	for (i = 0; i < len; i++) {
		bool special = in[i] == '#' || in[i] == '$' || in[i] == '}' || in[i] == '*';
		size_t need = special ? 2 : 1;
		if (o + need > outsz)
			break;
		if (special) {
			out[o++] = '}';
			out[o++] = (char)(in[i] ^ 0x20);
		} else {
			out[o++] = (char)in[i];
		}
	}
	*used = i;
	return o;
}

bool gdb_parse_hex(const char **p, uint64_t *out)
{
	const char *s = *p;
	uint64_t v = 0;
	int n = 0;

	for (int d; (d = cli_hex_digit(*s)) >= 0; s++) {
		if (++n > 16)
			return false;
		v = v << 4 | (uint64_t)d;
	}
	if (n == 0)
		return false;
	*out = v;
	*p = s;
	return true;
}

bool gdb_unhex(const char *hex, uint8_t *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int hi = cli_hex_digit(hex[2 * i]);
		int lo = hi < 0 ? -1 : cli_hex_digit(hex[2 * i + 1]);
		if (lo < 0)
			return false;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}

void gdb_hex(char *out, const uint8_t *in, size_t n)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
}

bool gdb_parse_addr_len(const char **p, uint32_t *addr, uint32_t *len)
{
	uint64_t a, l;

	if (!gdb_parse_hex(p, &a) || a > UINT32_MAX || **p != ',')
		return false;
	(*p)++;
	if (!gdb_parse_hex(p, &l) || l > UINT32_MAX)
		return false;
	*addr = (uint32_t)a;
	*len = (uint32_t)l;
	return true;
}
