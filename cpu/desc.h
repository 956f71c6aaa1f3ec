/*
 * cpu/desc.h — segment and gate descriptors as the GDT, LDT and IDT hold
 * them, decoded into named fields, and the names of their types. Used by the
 * protected-mode checks and by debuggers that show the tables.
 * SDM Vol. 3, 3.4.5 (segment descriptors), 5.8.3 and 6.11 (gates), 7.2.2 (TSS).
 */
#ifndef X86LAB_DESC_H
#define X86LAB_DESC_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

/* The 'type' field of a system descriptor (S = 0). ORDER: the encoding. */
enum {
	DESC_TSS16_AVAIL = 1,
	DESC_LDT = 2,
	DESC_TSS16_BUSY = 3,
	DESC_CALL_GATE16 = 4,
	DESC_TASK_GATE = 5,
	DESC_INTR_GATE16 = 6,
	DESC_TRAP_GATE16 = 7,
	DESC_TSS32_AVAIL = 9,
	DESC_TSS32_BUSY = 11,
	DESC_CALL_GATE32 = 12,
	DESC_INTR_GATE32 = 14,
	DESC_TRAP_GATE32 = 15,
};

/* Bits of 'type' for code and data segments (S = 1). */
enum {
	DESC_ACCESSED = 1,
	DESC_WRITABLE = 2,    /* data */
	DESC_READABLE = 2,    /* code */
	DESC_EXPAND_DOWN = 4, /* data */
	DESC_CONFORMING = 4,  /* code */
	DESC_CODE = 8,
};

/* Bits of struct segcache.attr (the layout of LAR's result, shifted down 8). */
enum {
	ATTR_TYPE = 0x0f,
	ATTR_S = 0x10,
	ATTR_DPL = 0x60,
	ATTR_P = 0x80,
	ATTR_AVL = 0x1000,
	ATTR_DB = 0x4000,
	ATTR_G = 0x8000,
};

struct desc {
	uint32_t lo, hi; /* the raw descriptor */
	uint32_t base;   /* segments: linear base */
	uint32_t limit;  /* segments: last valid offset (G applied) */
	uint16_t attr;   /* as struct segcache.attr */
	uint8_t type;    /* 4-bit type */
	uint8_t dpl;
	bool system; /* S = 0: TSS, LDT or gate */
	bool present;
	/* Gates: the target selector and offset, and a call gate's parameter
	 * count (dwords for a 32-bit gate, words for a 16-bit one). */
	uint16_t gate_sel;
	uint32_t gate_off;
	uint8_t gate_params;
	enum cpu_model model; /* whose format: the 286 has no 32-bit system types */
};

/* Decode 8 bytes as the 'model' reads them: the 286 ignores the top word
 * (its bases are 24 bits, its limits 16 bits and it has no G or D/B bit). */
void desc_decode(uint32_t lo, uint32_t hi, enum cpu_model model, struct desc *d);

/* Type predicates on decoded descriptors. */
static inline bool desc_is_code(const struct desc *d)
{
	return !d->system && (d->type & DESC_CODE);
}

static inline bool desc_is_data(const struct desc *d)
{
	return !d->system && !(d->type & DESC_CODE);
}

static inline bool desc_is_gate(const struct desc *d)
{
	return d->system && (d->type & 7) >= 4;
}

static inline bool desc_is_tss(const struct desc *d)
{
	return d->system && (d->type & 5) == 1;
}

/* "32-bit interrupt gate", "code, execute/read, conforming", "data,
 * read/write, expand-down", "reserved"… for displays and explanations. */
const char *desc_type_name(const struct desc *d);

/* Read the descriptor that selector 'sel' names (GDT or, with TI set, the
 * current LDT) without side effects, as a debugger does. Returns false when
 * it lies outside the table's limit or is not in memory. */
bool desc_peek(const struct cpu *c, uint16_t sel, struct desc *d);

#endif
