/*
 * dev/machine.h — the board: one struct that owns a CPU, memory, the port bus
 * and the devices, built from a machine_config. No global state: a test can
 * build ten machines side by side. Included by tools/ and tests.
 */
#ifndef X86LAB_MACHINE_H
#define X86LAB_MACHINE_H

#include <stdbool.h>
#include <stdint.h>

#include "ata.h"
#include "block.h"
#include "bus.h"
#include "clock.h"
#include "cmos.h"
#include "cpu.h"
#include "debugcon.h"
#include "dma.h"
#include "fdc.h"
#include "kbd.h"
#include "keyfeed.h"
#include "mem.h"
#include "pic.h"
#include "pit.h"
#include "uart.h"
#include "vga.h"

struct machine_config {
	enum cpu_model model;
	bool reset_on_triple_fault; /* a triple fault resets the CPU, as a PC's board does */
	uint32_t mem_size;          /* bytes of RAM from physical 0 */
	const uint8_t *bios;        /* 64 or 128 KiB ROM image, or NULL */
	uint32_t bios_size;
	void (*debugcon_sink)(void *ctx, uint8_t byte); /* port 0xE9 output, or NULL */
	void *debugcon_ctx;
	uint64_t ips;                  /* guest instructions per second of guest time; 0: default */
	int64_t rtc_time;              /* the RTC's time at power-on, seconds since 1970 UTC */
	const uint8_t *nvram;          /* 128 bytes of CMOS to start from, or NULL */
	struct uart_backend serial[2]; /* COM1 and COM2 (a NULL write: nothing attached) */
	void (*post_sink)(void *ctx, uint8_t code); /* POST codes on port 0x80, or NULL */
	void *post_ctx;
	uint16_t post_port2; /* a second POST-code port besides 0x80 (0: none) */
	/* Called between slices with the guest time; a front end may sleep in
	 * it to keep guest time to the wall clock (NULL: run flat out). */
	void (*pace)(void *ctx, uint64_t guest_ns);
	void *pace_ctx;
	const struct block_dev *disk[2]; /* ATA primary master and slave, or NULL (copied) */
	/* Floppy drives A: and B:, or NULL; sizes as fdc_geometry_for (copied). */
	const struct block_dev *floppy[2];
	/* The boot order for the BIOS in CMOS byte 0x3D (cmos_set_boot_order);
	 * 0 leaves the byte as the CMOS file had it. */
	uint8_t boot_order;
};

enum machine_stop {
	MACHINE_EXIT,        /* the guest wrote the exit port; status in 'exit_status' */
	MACHINE_HALT,        /* HLT with interrupts off: the end of a bare-metal program */
	MACHINE_HALT_IF,     /* HLT with interrupts on and no timer that can wake it */
	MACHINE_LIMIT,       /* the instruction limit was reached */
	MACHINE_SHUTDOWN,    /* triple fault */
	MACHINE_STOPPED,     /* a front end asked to stop */
	MACHINE_UNSUPPORTED, /* the guest needs what is not emulated yet (cpu.unsupported) */
	MACHINE_DEBUG,       /* a breakpoint, watchpoint or catch (cpu.debug->event) */
};

struct machine {
	struct cpu cpu;
	struct mem mem;
	struct bus bus;
	struct debugcon debugcon;
	struct exitport exitport;
	struct postport post;
	struct clock clock;
	struct pic pic;
	struct pit pit;
	struct cmos cmos;
	struct uart uart[2];
	struct kbd kbd;
	struct keyfeed keys; /* key events from the front ends, paced into the keyboard */
	struct ata ata;      /* the primary IDE channel, on IRQ14 */
	struct vga vga;      /* at 0x3B0-0x3DF and 0xA0000-0xBFFFF */
	struct dma dma;      /* the 8237A pair */
	struct fdc fdc;      /* the floppy controller, IRQ6 and DMA 2 */
	void (*pace)(void *ctx, uint64_t guest_ns); /* from machine_config */
	void *pace_ctx;
	bool reset_pending; /* the 8042 or port 0x92 pulsed the CPU's reset line */
	bool reset_on_triple_fault;
	uint64_t triple_faults; /* shutdowns turned into resets */
	bool exited;
	int exit_status;
};

/* Returns 0, or -1 with a reason in 'err' (ROM of the wrong size, no memory,
 * a floppy image of no floppy's size). */
int machine_init(struct machine *m, const struct machine_config *cfg, char *err, int errlen);
void machine_free(struct machine *m);
/* Place 'len' bytes at physical 'phys' (RAM or ROM). Returns 0, or -1 if they
 * do not fit in RAM. */
int machine_load(struct machine *m, uint32_t phys, const uint8_t *data, uint32_t len);
/* Run until the guest ends or 'max_insns' instructions (0 = no limit); time
 * the CPU spends halted, waiting for an interrupt, counts as the
 * instructions it would have run. */
enum machine_stop machine_run(struct machine *m, uint64_t max_insns);

#endif
