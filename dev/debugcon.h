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
#define POST_PORT     0x80

struct debugcon {
	void (*sink)(void *ctx, uint8_t byte); /* NULL: bytes are dropped */
	void *sink_ctx;
	uint64_t bytes; /* written so far */
};

struct exitport {
	void (*on_exit)(void *ctx, int status); /* called with the byte written */
	void *ctx;
};

/* The POST-code port: a BIOS writes its progress here (0x80 on a PC, 0x190
 * on some). Reading returns the last code, as POST-card ports do. */
struct postport {
	uint8_t last;                          /* the last code written */
	uint64_t count;                        /* codes written so far */
	void (*sink)(void *ctx, uint8_t code); /* NULL: codes are only recorded */
	void *ctx;
};

int debugcon_init(struct debugcon *d, struct bus *b, void (*sink)(void *, uint8_t), void *ctx);
int exitport_init(struct exitport *e, struct bus *b, void (*on_exit)(void *, int), void *ctx);

/* May be called again with another struct for a second port. */
int postport_init(struct postport *p, struct bus *b, uint16_t port, void (*sink)(void *, uint8_t),
                  void *ctx);
/* Let 'p' answer on one more port too, sharing its last code and count, as
 * boards whose BIOS writes to 0x190 or 0x84 still show one POST display.
 * Returns -1 when the port is taken. */
int postport_add_port(struct postport *p, struct bus *b, uint16_t port);

#endif
