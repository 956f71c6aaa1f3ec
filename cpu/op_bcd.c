/*
 * cpu/op_bcd.c — decimal adjustment: DAA DAS AAA AAS AAM AAD. AAM and AAD
 * take any base from their immediate byte (the documented forms use 10).
 * SDM Vol. 2 per instruction; 8086 manual for the 8086's AAA/AAS.
 */
#include "access.h"
#include "alu.h"
#include "flags.h"
#include "operand.h"
#include "ops.h"

/* DAA and DAS share one shape: adjust the low digit, then the high one. The
 * 8086 tests the high digit against 9F when the low digit was adjusted for a
 * half carry, and its DAS takes no carry from the low adjustment (captured
 * by SingleStepTests); later chips follow the SDM's pseudo-code. The
 * undefined OF is the signed overflow of AL plus (minus) the whole adjustment,
 * as both chips leave it. */
static void decimal_adjust(struct cpu *c, bool subtract)
{
	bool quirk = c->traits->bcd_8086;
	uint8_t al = reg8(c, REG_AX), old_al = al;
	bool old_cf = flag(c, FLAG_CF), old_af = flag(c, FLAG_AF), cf = false, af = false;

	if ((al & 0x0f) > 9 || old_af) {
		bool carry = subtract ? al < 6 : al > 0xf9;
		cf = old_cf || (carry && !(quirk && subtract));
		al = (uint8_t)(subtract ? al - 6 : al + 6);
		af = true;
	}
	if (old_al > (quirk && old_af ? 0x9f : 0x99) || old_cf) {
		al = (uint8_t)(subtract ? al - 0x60 : al + 0x60);
		cf = true;
	}
	uint8_t adj = (uint8_t)(subtract ? old_al - al : al - old_al);
	bool of = subtract ? ((old_al ^ adj) & (old_al ^ al)) & 0x80
	                   : ((old_al ^ al) & (adj ^ al)) & 0x80;
	reg8_set(c, REG_AX, al);
	flags_set(c, ARITH_FLAGS,
	          flags_szp(al, 1) | (cf ? FLAG_CF : 0) | (af ? FLAG_AF : 0) | (of ? FLAG_OF : 0));
}

void op_daa(struct cpu *c, const struct insn *in)
{
	(void)in;
	decimal_adjust(c, false);
}

void op_das(struct cpu *c, const struct insn *in)
{
	(void)in;
	decimal_adjust(c, true);
}

/* AAA and AAS: the 8086 adjusts AL and AH separately; later chips add or
 * subtract 0106h/6 on the whole of AX, so a carry out of AL reaches AH. The
 * undefined SF, ZF, PF and OF are those of the byte addition AL +/- 6 (or of
 * AL unchanged), as both chips leave them (captured by SingleStepTests). */
static void ascii_adjust(struct cpu *c, bool subtract)
{
	uint32_t ax = c->reg[REG_AX] & 0xffff;
	bool adjust = (ax & 0x0f) > 9 || flag(c, FLAG_AF);
	uint32_t f = flags_szp(ax & 0xff, 1);

	if (adjust)
		alu_arith(subtract ? ALU_SUB : ALU_ADD, ax & 0xff, 6, 1, 0, &f);

	if (adjust) {
		if (c->traits->bcd_8086) {
			uint8_t al = (uint8_t)(subtract ? ax - 6 : ax + 6);
			uint8_t ah = (uint8_t)((ax >> 8) + (subtract ? -1 : 1));
			ax = (uint32_t)ah << 8 | al;
		} else {
			ax = subtract ? ax - 6 - 0x100 : ax + 0x106;
		}
	}
	ax &= 0xff0f;
	reg_put(c, REG_AX, ax, 2);
	f &= FLAG_SF | FLAG_ZF | FLAG_PF | FLAG_OF;
	flags_set(c, ARITH_FLAGS, f | (adjust ? FLAG_AF | FLAG_CF : 0));
}

void op_aaa(struct cpu *c, const struct insn *in)
{
	(void)in;
	ascii_adjust(c, false);
}

void op_aas(struct cpu *c, const struct insn *in)
{
	(void)in;
	ascii_adjust(c, true);
}

void op_aam(struct cpu *c, const struct insn *in)
{
	uint8_t base = (uint8_t)in->imm;
	uint8_t al = reg8(c, REG_AX);

	if (base == 0)
		cpu_fault_noerr(c, EXC_DE);
	al = al % base;
	reg_put(c, REG_AX, (uint32_t)(reg8(c, REG_AX) / base) << 8 | al, 2);
	flags_set(c, ARITH_FLAGS, flags_szp(al, 1));
}

/* AAD is AL + AH * base done by the adder, which is where the (undefined)
 * OF, AF and CF the chips leave come from; the 286 leaves OF = CF. */
void op_aad(struct cpu *c, const struct insn *in)
{
	uint8_t product = (uint8_t)(reg8(c, REG_AX + 4) * (uint8_t)in->imm);
	uint32_t f;
	uint32_t al = alu_arith(ALU_ADD, reg8(c, REG_AX), product, 1, 0, &f);

	if (c->traits->aad_of_carry)
		f = (f & ~(uint32_t)FLAG_OF) | (f & FLAG_CF ? FLAG_OF : 0);
	reg_put(c, REG_AX, al, 2);
	flags_set(c, ARITH_FLAGS, f);
}
