/*
 * cpu/desc_table.c — the CPU's own accesses to the GDT and LDT: finding a
 * selector's descriptor with the table-limit fault, and writing back the
 * accessed and busy bits. SDM Vol. 3, 3.4.2 and 3.5.1. Every access is a
 * system access through cpu_lin_read/cpu_lin_write.
 */
#include "access.h"
#include "prot.h"

_Noreturn void sel_fault(struct cpu *c, int vector, uint16_t sel)
{
	cpu_fault(c, vector, (sel & 0xfffcu) | c->err_ext);
}

uint32_t desc_addr(struct cpu *c, uint16_t sel, int vector)
{
	uint32_t idx = sel & 0xfff8u;

	if (sel & 4) {
		if (sel_null(c->ldtr.sel) || idx + 7 > c->ldtr.limit)
			sel_fault(c, vector, sel);
		return c->ldtr.base + idx;
	}
	if (idx + 7 > c->gdtr.limit)
		sel_fault(c, vector, sel);
	return c->gdtr.base + idx;
}

void desc_load(struct cpu *c, uint16_t sel, struct desc *d, int vector)
{
	uint32_t addr = desc_addr(c, sel, vector);
	uint32_t lo = cpu_lin_read(c, addr, 4, true);
	uint32_t hi = cpu_lin_read(c, addr + 4, 4, true);

	desc_decode(lo, hi, c->model, d);
	desc_model_types(c, d);
}

void desc_set_type_bit(struct cpu *c, uint16_t sel, int bit, bool on)
{
	uint32_t addr = desc_addr(c, sel, EXC_GP) + 5;
	uint32_t access = cpu_lin_read(c, addr, 1, true);
	uint32_t updated = on ? access | (1u << bit) : access & ~(1u << bit);

	if (updated != access)
		cpu_lin_write(c, addr, updated, 1, true);
}
