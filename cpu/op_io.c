/*
 * cpu/op_io.c — IN and OUT, and the port path every I/O instruction takes to
 * the bus through struct cpu_io. With no bus attached, reads float high.
 * SDM Vol. 1, chapter 19 (I/O); protected-mode permission checks belong here.
 */
#include "access.h"
#include "debug_hooks.h"
#include "operand.h"
#include "ops.h"

uint32_t port_in(struct cpu *c, uint16_t port, int size)
{
	uint32_t v = c->io.in ? c->io.in(c->io.ctx, port, size) & size_mask(size) : size_mask(size);

	if (c->debug)
		debug_port(c, port, size, false, v);
	return v;
}

void port_out(struct cpu *c, uint16_t port, uint32_t val, int size)
{
	val &= size_mask(size);
	if (c->io.out)
		c->io.out(c->io.ctx, port, val, size);
	if (c->debug)
		debug_port(c, port, size, true, val);
}

/* The port is the immediate byte or DX; the data register is AL/AX/EAX. */
static uint16_t port_operand(struct cpu *c, const struct insn *in, int i)
{
	return (uint16_t)(in->opnd[i] == DX ? c->reg[REG_DX] : in->imm);
}

void op_in(struct cpu *c, const struct insn *in)
{
	reg_put(c, REG_AX, port_in(c, port_operand(c, in, 1), in->osize), in->osize);
}

void op_out(struct cpu *c, const struct insn *in)
{
	port_out(c, port_operand(c, in, 0), reg_get(c, REG_AX, in->osize), in->osize);
}
