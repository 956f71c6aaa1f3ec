/*
 * cpu/op_string.c — one iteration of MOVS CMPS STOS LODS SCAS INS OUTS. The
 * REP loop is in exec.c. The source is seg:eSI (DS unless overridden), the
 * destination always ES:eDI; DF picks the direction. SDM Vol. 2 per instruction.
 */
#include "access.h"
#include "alu.h"
#include "flags.h"
#include "operand.h"
#include "ops.h"

static uint32_t index_of(const struct cpu *c, const struct insn *in, int reg)
{
	return in->asize == 2 ? c->reg[reg] & 0xffff : c->reg[reg];
}

/* Move SI or DI to the next element; a 286 segment overrun on the access
 * just made is raised here, after the move, as the chip does. */
static void advance(struct cpu *c, const struct insn *in, int reg)
{
	uint32_t mask = in->asize == 2 ? 0xffffu : 0xffffffffu;
	uint32_t delta = flag(c, FLAG_DF) ? (uint32_t)-in->osize : (uint32_t)in->osize;

	c->reg[reg] = (c->reg[reg] & ~mask) | ((c->reg[reg] + delta) & mask);
	overrun_raise(c, &c->overrun_read);
}

/* The 286's point in an iteration where REP counts CX down: before the
 * iteration's last read (captured by SingleStepTests). A write overrun of the
 * previous iteration is raised just after it. Other chips count in exec.c. */
static void string_count(struct cpu *c, const struct insn *in)
{
	if (!c->rep_count_due || !c->traits->string_late_fault)
		return;
	c->rep_count_due = false;
	count_down(c, in->asize);
	overrun_raise(c, &c->overrun_write);
}

static uint32_t read_source(struct cpu *c, const struct insn *in)
{
	return cpu_read_string(c, in->seg, index_of(c, in, REG_SI), in->osize);
}

static uint32_t read_dest(struct cpu *c, const struct insn *in)
{
	return cpu_read_string(c, SEG_ES, index_of(c, in, REG_DI), in->osize);
}

static void write_dest(struct cpu *c, const struct insn *in, uint32_t v)
{
	cpu_write_string(c, SEG_ES, index_of(c, in, REG_DI), v, in->osize);
}

static void compare(struct cpu *c, const struct insn *in, uint32_t a, uint32_t b)
{
	uint32_t f;

	alu_arith(ALU_CMP, a, b, in->osize, 0, &f);
	flags_set(c, ARITH_FLAGS, f);
}

void op_movs(struct cpu *c, const struct insn *in)
{
	uint32_t v;

	string_count(c, in);
	v = read_source(c, in);

	advance(c, in, REG_SI);
	write_dest(c, in, v);
	advance(c, in, REG_DI);
}

/* The 286 reads ES:DI first (captured: an overrun at DI leaves SI alone). */
void op_cmps(struct cpu *c, const struct insn *in)
{
	uint32_t b = read_dest(c, in), a;

	advance(c, in, REG_DI);
	string_count(c, in);
	a = read_source(c, in);
	advance(c, in, REG_SI);
	compare(c, in, a, b);
}

void op_stos(struct cpu *c, const struct insn *in)
{
	string_count(c, in);
	write_dest(c, in, reg_get(c, REG_AX, in->osize));
	advance(c, in, REG_DI);
}

void op_lods(struct cpu *c, const struct insn *in)
{
	uint32_t v;

	string_count(c, in);
	v = read_source(c, in);

	advance(c, in, REG_SI);
	reg_put(c, REG_AX, v, in->osize);
}

void op_scas(struct cpu *c, const struct insn *in)
{
	uint32_t v;

	string_count(c, in);
	v = read_dest(c, in);

	advance(c, in, REG_DI);
	compare(c, in, reg_get(c, REG_AX, in->osize), v);
}

/* INS checks the destination before reading the port, whose read may have
 * side effects that a restarted instruction must not repeat. */
void op_ins(struct cpu *c, const struct insn *in)
{
	uint32_t di = index_of(c, in, REG_DI);

	string_count(c, in);
	if (!c->traits->seg_wrap && !c->traits->string_late_fault)
		cpu_check(c, SEG_ES, di, in->osize);
	write_dest(c, in, port_in(c, (uint16_t)c->reg[REG_DX], in->osize));
	advance(c, in, REG_DI);
}

void op_outs(struct cpu *c, const struct insn *in)
{
	uint32_t v;

	string_count(c, in);
	v = read_source(c, in);

	advance(c, in, REG_SI);
	port_out(c, (uint16_t)c->reg[REG_DX], v, in->osize);
}
