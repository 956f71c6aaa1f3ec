/*
 * cpu/op_io.c — IN and OUT, and the port path every I/O instruction takes to
 * the bus through struct cpu_io. With no bus attached, reads float high.
 * In protected mode, CPL > IOPL or virtual-8086 mode sends every port access
 * through the TSS I/O permission bitmap. SDM Vol. 1, chapter 19 (I/O).
 */
#include "access.h"
#include "debug_hooks.h"
#include "operand.h"
#include "ops.h"
#include "prot.h"

/* SDM Vol. 1, 19.5.2: the bits of every port accessed must be clear in the
 * bitmap at the TSS offset in its word 66h; a bitmap or TSS too short to
 * hold them (or a 16-bit TSS, which has none) denies the access. */
void io_permission(struct cpu *c, uint16_t port, int size)
{
	uint32_t base, at, bits;

	if ((c->tr.attr & ATTR_TYPE) != DESC_TSS32_BUSY || c->tr.limit < 0x67)
		cpu_fault(c, EXC_GP, 0);
	base = cpu_lin_read(c, c->tr.base + 0x66, 2, true);
	at = base + port / 8u;
	if (at + 1 > c->tr.limit)
		cpu_fault(c, EXC_GP, 0);
	bits = cpu_lin_read(c, c->tr.base + at, 2, true) >> (port % 8u);
	if (bits & ((1u << size) - 1))
		cpu_fault(c, EXC_GP, 0);
}

static inline void check_port(struct cpu *c, uint16_t port, int size)
{
	if (__builtin_expect(cpu_prot(c), 0) && ((c->eflags & FLAG_VM) || cpu_cpl(c) > cpu_iopl(c)))
		io_permission(c, port, size);
}

uint32_t port_in(struct cpu *c, uint16_t port, int size)
{
	check_port(c, port, size);
	uint32_t v = c->io.in ? c->io.in(c->io.ctx, port, size) & size_mask(size) : size_mask(size);

	if (c->debug)
		debug_port(c, port, size, false, v);
	return v;
}

void port_out(struct cpu *c, uint16_t port, uint32_t val, int size)
{
	check_port(c, port, size);
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
