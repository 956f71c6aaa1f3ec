/*
 * tools/gdbstub.h — a gdb remote-protocol stub for a struct machine: gdb
 * connects over TCP and controls the guest (registers, memory, stepping,
 * breakpoints, watchpoints). Used by 'x86lab run --gdb' and the monitor.
 */
#ifndef X86LAB_GDBSTUB_H
#define X86LAB_GDBSTUB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "machine.h"

struct gdbstub;

/* Listen on host:port (host NULL = 127.0.0.1; 0.0.0.0 only when the caller
 * passes it; port 0 = any free port, see gdbstub_address). Returns NULL and
 * one line in 'err' on failure (port in use, bad host). */
struct gdbstub *gdbstub_listen(struct machine *m, const char *host, int port, char *err,
                               size_t errlen);

/* "127.0.0.1:1234": where the stub listens, with the port actually bound. */
const char *gdbstub_address(const struct gdbstub *g);

enum gdbstub_end {
	GDBSTUB_GUEST_ENDED, /* the guest stopped for good: *stop says how */
	GDBSTUB_DETACHED,    /* the debugger detached or went away; the guest is stopped */
	GDBSTUB_KILLED,      /* the debugger killed the guest */
	GDBSTUB_ERROR,       /* the listening socket failed */
};

/* Serve the debugger. With 'wait' (QEMU's -S), block until one attaches,
 * the guest stopped before its first instruction; otherwise run the guest
 * (in slices, between which a debugger may attach and Ctrl-C is seen).
 * While attached, gdb decides what runs. 'max_insns' is as in machine_run
 * (0 = none), counted on m->cpu.insns. The CPU's debug state (m->cpu.debug)
 * is replaced while serving and restored before returning. */
enum gdbstub_end gdbstub_serve(struct gdbstub *g, bool wait, uint64_t max_insns,
                               enum machine_stop *stop);

void gdbstub_close(struct gdbstub *g);

#endif
