/*
 * tools/gdb_target.h — the machine as gdb sees it: the register set and its
 * target description, memory at linear addresses, and breakpoints and
 * watchpoints kept in a struct cpu_debug.
 */
#ifndef X86LAB_GDB_TARGET_H
#define X86LAB_GDB_TARGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "debug.h"
#include "machine.h"

/* Registers in gdb's i386 numbering: eax..edi, eip, eflags, cs, ss, ds, es,
 * fs, gs (the 'g' packet), then the x87 registers gdb's i386 description
 * requires, which this CPU does not have: they read as unavailable. */
enum { GDB_REG_EIP = 8, GDB_REG_EFLAGS = 9, GDB_NUM_GREGS = 16, GDB_NUM_REGS = 32 };

/* The target description (target.xml) into 'buf'; returns its length, or 0
 * when 'n' is too small. */
size_t gdb_target_xml(char *buf, size_t n);

/* Bits of register 'regno', or 0 when there is no such register. */
int gdb_reg_bits(int regno);
/* Register 'regno' as gdb's hex (target byte order) into 'out', which must
 * hold 2 * bits / 8 characters; unavailable registers are all 'x'. Returns
 * the characters written, or 0 for no such register. */
size_t gdb_reg_get(const struct cpu *c, int regno, char *out);
/* Set register 'regno' from 'hex'. Returns 0, or -1 when the value is not
 * hex or the register cannot be written (a segment in protected mode). */
int gdb_reg_set(struct cpu *c, int regno, const char *hex);

/* Guest memory at linear addresses, through the CPU's translation and
 * without side effects. Return the bytes done (stopping at the first one
 * without a translation). */
uint32_t gdb_mem_read(const struct machine *m, uint32_t lin, uint8_t *buf, uint32_t len);
uint32_t gdb_mem_write(struct machine *m, uint32_t lin, const uint8_t *buf, uint32_t len);

/* Z and z packet types. */
enum gdb_ztype { GDB_Z_SW, GDB_Z_HW, GDB_Z_WRITE, GDB_Z_READ, GDB_Z_ACCESS, GDB_Z_COUNT };

/* gdb's breakpoints and watchpoints, all in the CPU's debug state (no INT3
 * is ever written to guest memory). The types say how a stop is reported. */
struct gdb_points {
	struct cpu_debug dbg;
	uint8_t break_type[CPU_MAX_BREAKS];  /* GDB_Z_SW or GDB_Z_HW */
	uint8_t watch_type[CPU_MAX_WATCHES]; /* GDB_Z_WRITE, GDB_Z_READ or GDB_Z_ACCESS */
};

void gdb_points_clear(struct gdb_points *p);
/* Insert or remove one (inserting twice or removing what is absent is not an
 * error, as gdb may repeat a packet). Return 0, or -1 when the table is
 * full or the range is invalid. */
int gdb_points_insert(struct gdb_points *p, enum gdb_ztype type, uint32_t addr, uint32_t len);
int gdb_points_remove(struct gdb_points *p, enum gdb_ztype type, uint32_t addr, uint32_t len);
/* An enabled breakpoint at linear 'lin'. */
bool gdb_points_break_at(const struct gdb_points *p, uint32_t lin);

#endif
