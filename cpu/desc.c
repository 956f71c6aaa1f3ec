/*
 * cpu/desc.c — decoding of segment and gate descriptors and the names of
 * their types (SDM Vol. 3, Tables 3-1 and 3-2; 80286 manual, chapter 6).
 */
#include "desc.h"

#include "debug.h"

void desc_decode(uint32_t lo, uint32_t hi, enum cpu_model model, struct desc *d)
{
	*d = (struct desc){ .lo = lo, .hi = hi, .model = model };
	if (model == CPU_286)
		hi &= 0x0000ffffu;
	d->attr = (uint16_t)(hi >> 8) & (model == CPU_286 ? 0x00ff : 0xf0ff);
	d->type = d->attr & ATTR_TYPE;
	d->system = !(d->attr & ATTR_S);
	d->dpl = (uint8_t)((d->attr & ATTR_DPL) >> 5);
	d->present = (d->attr & ATTR_P) != 0;
	d->base = (lo >> 16) | (hi & 0xff) << 16 | (hi & 0xff000000u);
	d->limit = (lo & 0xffff) | (hi & 0x000f0000u);
	if (d->attr & ATTR_G)
		d->limit = d->limit << 12 | 0xfff;
	d->gate_sel = (uint16_t)(lo >> 16);
	d->gate_off = (lo & 0xffff) | ((d->type & 8) ? (hi & 0xffff0000u) : 0);
	d->gate_params = hi & 0x1f;
}

static const char *const system_names[16] = {
	"reserved",
	"16-bit TSS (available)",
	"LDT",
	"16-bit TSS (busy)",
	"16-bit call gate",
	"task gate",
	"16-bit interrupt gate",
	"16-bit trap gate",
	"reserved",
	"32-bit TSS (available)",
	"reserved",
	"32-bit TSS (busy)",
	"32-bit call gate",
	"reserved",
	"32-bit interrupt gate",
	"32-bit trap gate",
};

/* Code and data types with the accessed bit dropped (Table 3-1). */
static const char *const segment_names[8] = {
	"data, read-only",
	"data, read/write",
	"data, read-only, expand-down",
	"data, read/write, expand-down",
	"code, execute-only",
	"code, execute/read",
	"code, execute-only, conforming",
	"code, execute/read, conforming",
};

const char *desc_type_name(const struct desc *d)
{
	/* The 286 defines system types 1-7 only (80286 PRM, descriptor types). */
	if (d->system && d->model == CPU_286 && d->type >= 8)
		return "reserved (a 386 type)";
	return d->system ? system_names[d->type] : segment_names[d->type >> 1];
}

bool desc_peek(const struct cpu *c, uint16_t sel, struct desc *d)
{
	uint32_t base = (sel & 4) ? c->ldtr.base : c->gdtr.base;
	uint32_t limit = (sel & 4) ? c->ldtr.limit : c->gdtr.limit;
	uint32_t idx = sel & 0xfff8u;
	uint8_t raw[8];

	if ((sel & 4) && !(c->ldtr.sel & 0xfffc))
		return false;
	if (idx + 7 > limit)
		return false;
	for (int i = 0; i < 8; i++) {
		uint32_t phys;
		if (!cpu_linear_to_phys(c, base + idx + (uint32_t)i, &phys) ||
		    mem_peek(c->mem, phys, &raw[i], 1) != 1)
			return false;
	}
	desc_decode((uint32_t)raw[0] | (uint32_t)raw[1] << 8 | (uint32_t)raw[2] << 16 |
	                    (uint32_t)raw[3] << 24,
	            (uint32_t)raw[4] | (uint32_t)raw[5] << 8 | (uint32_t)raw[6] << 16 |
	                    (uint32_t)raw[7] << 24,
	            c->model, d);
	return true;
}
