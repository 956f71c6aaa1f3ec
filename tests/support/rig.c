/*
 * tests/support/rig.c — the test machine of rig.h: memory, a CPU, a port
 * callback that records OUTs and an interrupt acknowledge returning a set vector.
 */
#include "rig.h"

#include <stdlib.h>
#include <string.h>

static uint32_t rig_in(void *ctx, uint16_t port, int size)
{
	(void)ctx;
	(void)port;
	return size == 1 ? 0xff : size == 2 ? 0xffff : 0xffffffffu;
}

static void rig_out(void *ctx, uint16_t port, uint32_t val, int size)
{
	struct rig *r = ctx;

	(void)size;
	if (r->nout < 64) {
		r->out_port[r->nout] = port;
		r->out_val[r->nout++] = val;
	}
	if (r->raise_after_out && r->nout == r->raise_after_out)
		cpu_set_intr(&r->cpu, true);
}

static int rig_inta(void *ctx)
{
	struct rig *r = ctx;

	r->acks++;
	cpu_set_intr(&r->cpu, false); /* acknowledged: the request is served */
	return r->vector;
}

struct rig *rig_new(enum cpu_model model)
{
	struct rig *r = calloc(1, sizeof *r);
	struct cpu_io io = { rig_in, rig_out, rig_inta, NULL };

	if (!r || mem_init(&r->mem, 2u << 20, cpu_traits_table[model].addr_bits)) {
		free(r);
		return NULL;
	}
	io.ctx = r;
	cpu_init(&r->cpu, model, &r->mem, &io);
	return r;
}

void rig_free(struct rig *r)
{
	if (!r)
		return;
	cpu_free(&r->cpu);
	mem_free(&r->mem);
	free(r);
}

void rig_load(struct rig *r, const void *code, size_t len)
{
	mem_poke(&r->mem, RIG_CS * 16 + RIG_IP, code, (uint32_t)len);
	for (int s = SEG_ES; s <= SEG_DS; s++)
		cpu_load_real_seg(&r->cpu, s, RIG_CS);
	r->cpu.eip = RIG_IP;
	r->cpu.reg[REG_SP] = 0xfffe;
}

void rig_set_vector(struct rig *r, int vector, uint16_t seg, uint16_t off)
{
	rig_poke16(r, (uint32_t)vector * 4, off);
	rig_poke16(r, (uint32_t)vector * 4 + 2, seg);
}

uint8_t rig_peek8(struct rig *r, uint32_t phys)
{
	uint8_t b = 0;

	mem_peek(&r->mem, phys, &b, 1);
	return b;
}

uint16_t rig_peek16(struct rig *r, uint32_t phys)
{
	return (uint16_t)(rig_peek8(r, phys) | rig_peek8(r, phys + 1) << 8);
}

uint32_t rig_peek32(struct rig *r, uint32_t phys)
{
	return rig_peek16(r, phys) | (uint32_t)rig_peek16(r, phys + 2) << 16;
}

void rig_poke16(struct rig *r, uint32_t phys, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)v, (uint8_t)(v >> 8) };

	mem_poke(&r->mem, phys, b, 2);
}

void rig_poke32(struct rig *r, uint32_t phys, uint32_t v)
{
	rig_poke16(r, phys, (uint16_t)v);
	rig_poke16(r, phys + 2, (uint16_t)(v >> 16));
}

void rig_ring0_handler(struct rig *r, int vector)
{
	static const uint8_t hlt = 0xf4;
	const uint32_t gdt = 0x30000, tss = 0x31000, idt = 0x32000;

	rig_poke32(r, gdt + 0x08, 0x0000ffff);
	rig_poke32(r, gdt + 0x0c, 0x00009a01);
	rig_poke32(r, gdt + 0x10, 0x0000ffff);
	rig_poke32(r, gdt + 0x14, 0x00009202);
	rig_poke32(r, gdt + 0x18, 0x10000067);
	rig_poke32(r, gdt + 0x1c, 0x00008903);
	rig_poke32(r, tss + 4, 0xfff0);
	rig_poke32(r, tss + 8, 0x10);
	rig_poke32(r, idt + (uint32_t)vector * 8, 0x00080000 | RIG_HANDLER);
	rig_poke32(r, idt + (uint32_t)vector * 8 + 4, 0x00008e00);
	mem_poke(&r->mem, RIG_CS * 16 + RIG_HANDLER, &hlt, 1);
	r->cpu.gdtr = (struct dtr){ gdt, 0x1f };
	r->cpu.idtr = (struct dtr){ idt, 0x7ff };
	r->cpu.tr = (struct segcache){ .sel = 0x18, .base = tss, .limit = 0x67, .attr = 0x8b };
}

int rig_run_one(struct rig *r, const uint8_t *code, size_t len)
{
	struct segcache cs = r->cpu.seg[SEG_CS];

	mem_poke(&r->mem, RIG_CS * 16 + RIG_IP, code, (uint32_t)len);
	r->cpu.eip = RIG_IP;
	r->cpu.fault_chain_len = 0;
	cpu_run(&r->cpu, 1);
	if (r->cpu.fault_chain_len == 0)
		return -1;
	if (r->cpu.shutdown) {
		r->cpu.seg[SEG_CS] = cs;
		r->cpu.shutdown = false;
		r->cpu.delivering = 0;
	}
	return r->cpu.fault_chain[0].vector;
}
