/*
 * tools/gdb_cmds.c — the gdb packets that read or change the stopped
 * machine: g/G and p/P (registers), m/M (memory), Z/z (breakpoints and
 * watchpoints) and the q queries. Arguments are checked in full before
 * anything changes; anything malformed is answered E01.
 */
#include <stdio.h>
#include <string.h>

#include "gdb_cmds.h"
#include "gdb_packet.h"

static void send_str(const struct gdb_view *v, const char *s)
{
	gdb_conn_send_str(v->conn, s);
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* --- registers and memory --- */

static void cmd_read_regs(const struct gdb_view *v)
{
	size_t n = 0;

	for (int r = 0; r < GDB_NUM_GREGS; r++)
		n += gdb_reg_get(&v->m->cpu, r, v->reply + n);
	gdb_conn_send(v->conn, v->reply, n);
}

/* All values are checked before any is written. */
static void cmd_write_regs(const struct gdb_view *v, const char *hex)
{
	uint8_t scratch[4 * GDB_NUM_GREGS];
	int rc = 0;

	if (strlen(hex) < sizeof scratch * 2 || !gdb_unhex(hex, scratch, sizeof scratch)) {
		send_str(v, "E01");
		return;
	}
	for (int r = 0; r < GDB_NUM_GREGS; r++)
		rc |= gdb_reg_set(&v->m->cpu, r, hex + 8 * r);
	send_str(v, rc ? "E01" : "OK");
}

static void cmd_read_reg(const struct gdb_view *v, const char *args)
{
	uint64_t r;
	size_t n;

	if (!gdb_parse_hex(&args, &r) || *args || r >= GDB_NUM_REGS) {
		send_str(v, "E01");
		return;
	}
	n = gdb_reg_get(&v->m->cpu, (int)r, v->reply);
	gdb_conn_send(v->conn, v->reply, n);
}

static void cmd_write_reg(const struct gdb_view *v, const char *args)
{
	uint64_t r;

	if (!gdb_parse_hex(&args, &r) || *args != '=' || r >= GDB_NUM_GREGS ||
	    strlen(args + 1) != 8 || gdb_reg_set(&v->m->cpu, (int)r, args + 1) < 0)
		send_str(v, "E01");
	else
		send_str(v, "OK");
}

/* Replies may carry fewer bytes than asked for; gdb asks again for the rest. */
static void cmd_read_mem(const struct gdb_view *v, const char *args)
{
	uint8_t buf[GDB_PACKET_MAX / 2];
	uint32_t addr, len, n;

	if (!gdb_parse_addr_len(&args, &addr, &len) || *args) {
		send_str(v, "E01");
		return;
	}
	if (len > sizeof buf)
		len = sizeof buf;
	n = gdb_mem_read(v->m, addr, buf, len);
	if (n == 0 && len > 0) {
		send_str(v, "E01");
		return;
	}
	gdb_hex(v->reply, buf, n);
	gdb_conn_send(v->conn, v->reply, 2 * (size_t)n);
}

static void cmd_write_mem(const struct gdb_view *v, const char *args)
{
	uint8_t buf[GDB_PACKET_MAX / 2];
	uint32_t addr, len;

	if (!gdb_parse_addr_len(&args, &addr, &len) || *args != ':' || len > sizeof buf ||
	    strlen(args + 1) != 2 * (size_t)len || !gdb_unhex(args + 1, buf, len) ||
	    gdb_mem_write(v->m, addr, buf, len) != len)
		send_str(v, "E01");
	else
		send_str(v, "OK");
}

/* Z/z TYPE,ADDR,KIND: KIND is the length of a watchpoint (and 1 for an x86
 * breakpoint). Unknown types get the empty reply, as the protocol asks. */
static void cmd_point(const struct gdb_view *v, const char *args, bool insert)
{
	uint64_t type;
	uint32_t addr, len;
	int rc;

	if (!gdb_parse_hex(&args, &type) || *args++ != ',' ||
	    !gdb_parse_addr_len(&args, &addr, &len) || (*args && *args != ';')) {
		send_str(v, "E01");
		return;
	}
	if (type >= GDB_Z_COUNT) {
		send_str(v, "");
		return;
	}
	rc = insert ? gdb_points_insert(v->points, (enum gdb_ztype)type, addr, len)
	            : gdb_points_remove(v->points, (enum gdb_ztype)type, addr, len);
	send_str(v, rc ? "E01" : "OK");
}

/* --- queries --- */

/* qXfer:features:read:ANNEX:OFFSET,LENGTH, answered 'm' (more) or 'l' (last). */
static void cmd_xfer_features(const struct gdb_view *v, const char *args)
{
	static const char annex[] = "target.xml:";
	uint32_t off, len;
	size_t used, n;

	if (!starts_with(args, annex)) {
		send_str(v, "E00");
		return;
	}
	args += strlen(annex);
	if (!gdb_parse_addr_len(&args, &off, &len) || *args) {
		send_str(v, "E01");
		return;
	}
	if (off >= v->xml_len) {
		send_str(v, "l");
		return;
	}
	if (len > v->xml_len - off)
		len = (uint32_t)(v->xml_len - off);
	n = gdb_escape(v->reply + 1, GDB_PACKET_MAX - 1, (const uint8_t *)v->xml + off, len, &used);
	v->reply[0] = off + used >= v->xml_len ? 'l' : 'm';
	gdb_conn_send(v->conn, v->reply, n + 1);
}

static void cmd_query(const struct gdb_view *v, const char *pkt)
{
	char features[128];

	if (starts_with(pkt, "qSupported")) {
		snprintf(features, sizeof features,
		         "PacketSize=%x;qXfer:features:read+;swbreak+;hwbreak+;QStartNoAckMode+",
		         GDB_PACKET_MAX);
		send_str(v, features);
	} else if (starts_with(pkt, "qXfer:features:read:")) {
		cmd_xfer_features(v, pkt + strlen("qXfer:features:read:"));
	} else if (starts_with(pkt, "qAttached")) {
		send_str(v, "1"); /* like an attached process: gdb detaches, not kills, on quit */
	} else if (strcmp(pkt, "qC") == 0) {
		send_str(v, "QC1");
	} else if (strcmp(pkt, "qfThreadInfo") == 0) {
		send_str(v, "m1");
	} else if (strcmp(pkt, "qsThreadInfo") == 0) {
		send_str(v, "l");
	} else {
		send_str(v, "");
	}
}

bool gdb_cmd_answer(const struct gdb_view *v, const char *pkt)
{
	switch (pkt[0]) {
	case 'g':
		cmd_read_regs(v);
		return true;
	case 'G':
		cmd_write_regs(v, pkt + 1);
		return true;
	case 'p':
		cmd_read_reg(v, pkt + 1);
		return true;
	case 'P':
		cmd_write_reg(v, pkt + 1);
		return true;
	case 'm':
		cmd_read_mem(v, pkt + 1);
		return true;
	case 'M':
		cmd_write_mem(v, pkt + 1);
		return true;
	case 'Z':
	case 'z':
		cmd_point(v, pkt + 1, pkt[0] == 'Z');
		return true;
	case 'q':
		cmd_query(v, pkt);
		return true;
	default:
		return false;
	}
}
