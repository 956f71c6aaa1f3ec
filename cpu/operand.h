/*
 * cpu/operand.h — generic operands: a handler asks for operand i of the
 * decoded instruction and gets its value, or a located place it can read and
 * write back without a second fault. Internal to cpu/.
 */
#ifndef X86LAB_OPERAND_H
#define X86LAB_OPERAND_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"
#include "insn.h"

/* A resolved operand: a register, or seg:off already checked for the access. */
struct loc {
	bool mem;
	uint8_t size;
	uint8_t reg; /* register number when !mem */
	uint8_t seg;
	uint32_t off;
};

enum access { ACC_READ, ACC_WRITE, ACC_RMW };

/* base + index << scale + disp, wrapped to the address size: the one place
 * an effective address is computed (the executor and cpu_insn_ea). */
static inline uint32_t effective_offset(const struct cpu *c, int base, int index, int scale,
                                        uint32_t disp, int asize)
{
	uint32_t off = disp;

	if (base >= 0)
		off += c->reg[base];
	if (index >= 0)
		off += c->reg[index] << scale;
	return asize == 2 ? off & 0xffff : off;
}

/* Offset of the ModRM/moffs memory operand (address-size wrapped). */
uint32_t operand_ea(const struct cpu *c, const struct insn *in);
struct loc operand_locate(struct cpu *c, const struct insn *in, int i, enum access acc);
uint32_t loc_read(struct cpu *c, const struct loc *l);
void loc_write(struct cpu *c, const struct loc *l, uint32_t v);
uint32_t operand_read(struct cpu *c, const struct insn *in, int i);
void operand_write(struct cpu *c, const struct insn *in, int i, uint32_t v);
/* Operand 'i' is a general register (not memory). */
bool operand_is_reg(const struct insn *in, int i);

#endif
