/*
 * tools/gdb_cmds.h — the gdb packets answered while the guest is stopped,
 * without running it: registers, memory, breakpoints and watchpoints, and
 * queries (features, target description, threads).
 */
#ifndef X86LAB_GDB_CMDS_H
#define X86LAB_GDB_CMDS_H

#include <stdbool.h>
#include <stddef.h>

#include "gdb_conn.h"
#include "gdb_target.h"

/* What these packets see of the stub. */
struct gdb_view {
	struct machine *m;
	struct gdb_conn *conn;
	struct gdb_points *points;
	const char *xml; /* the target description */
	size_t xml_len;
	char *reply; /* GDB_PACKET_MAX + 1 bytes to build a reply in */
};

/* Answer 'pkt' (g, G, p, P, m, M, Z, z or q...). Returns false, having sent
 * nothing, when it is none of these. */
bool gdb_cmd_answer(const struct gdb_view *v, const char *pkt);

#endif
