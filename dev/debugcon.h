/*
 * dev/debugcon.h — the conventional report ports for guest programs: the debug
 * console at 0xE9 (Bochs/QEMU) and an exit port at 0xF4 (like QEMU's
 * isa-debug-exit, but the status is the byte written). Host output stays out
 * of dev/: bytes go to a sink the front end provides.
 */
#ifndef X86LAB_DEBUGCON_H
#define X86LAB_DEBUGCON_H

#include <stdint.h>

#include "bus.h"

#define DEBUGCON_PORT 0xE9
#define EXIT_PORT     0xF4

struct debugcon {
	void (*sink)(void *ctx, uint8_t byte); /* NULL: bytes are dropped */
	void *sink_ctx;
	uint64_t bytes; /* written so far */
};

struct exitport {
	void (*on_exit)(void *ctx, int status); /* called with the byte written */
	void *ctx;
};

int debugcon_init(struct debugcon *d, struct bus *b, void (*sink)(void *, uint8_t), void *ctx);
int exitport_init(struct exitport *e, struct bus *b, void (*on_exit)(void *, int), void *ctx);

#endif
