/*
 * cpu/alu.c — the arithmetic, logical, shift and rotate operations with the
 * flags the SDM documents for them (Vol. 1 Appendix A; Vol. 2 per
 * instruction). Where a flag is architecturally undefined, the value chosen
 * is the one the captured chips produce, so conformance needs no mask.
 */
#include "alu.h"

#include "access.h"
#include "cpu.h"
#include "flags.h"
#include "ops.h"

static uint32_t msb(uint32_t v, int size)
{
	return (v >> (size * 8 - 1)) & 1;
}

uint32_t alu_arith(int op, uint32_t a, uint32_t b, int size, uint32_t flags_in, uint32_t *flags_out)
{
	uint32_t mask = size_mask(size);
	uint32_t carry = flags_in & FLAG_CF ? 1 : 0;
	uint64_t wide;
	uint32_t r, f = 0;

	switch (op) {
	case ALU_ADD:
	case ALU_ADC:
		carry = op == ALU_ADC ? carry : 0;
		wide = (uint64_t)a + b + carry;
		r = (uint32_t)wide & mask;
		if (wide > mask)
			f |= FLAG_CF;
		if (msb((a ^ r) & (b ^ r), size))
			f |= FLAG_OF;
		break;
	case ALU_SUB:
	case ALU_SBB:
	case ALU_CMP:
		carry = op == ALU_SBB ? carry : 0;
		r = (a - b - carry) & mask;
		if ((uint64_t)a < (uint64_t)b + carry)
			f |= FLAG_CF;
		if (msb((a ^ b) & (a ^ r), size))
			f |= FLAG_OF;
		break;
	case ALU_OR:
		r = (a | b) & mask;
		break;
	case ALU_XOR:
		r = (a ^ b) & mask;
		break;
	default: /* AND, TEST */
		r = a & b & mask;
		break;
	}
	if (op != ALU_OR && op != ALU_XOR && op != ALU_AND && op != ALU_TEST)
		f |= (a ^ b ^ r) & FLAG_AF;
	*flags_out = f | flags_szp(r, size);
	return r;
}

/* Rotates through 'bits' (ROL/ROR) or 'bits'+1 (RCL/RCR, CF included). The
 * count reduction is exact: rotating by the width changes nothing but CF. */
static uint32_t rotate(int op, uint32_t a, unsigned count, int size, uint32_t cf, uint32_t *f)
{
	unsigned bits = (unsigned)size * 8;
	uint32_t mask = size_mask(size);
	uint32_t r;

	if (op == SH_ROL || op == SH_ROR) {
		unsigned n = count % bits;
		if (op == SH_ROR)
			n = (bits - n) % bits;
		r = n ? ((a << n) | (a >> (bits - n))) & mask : a;
		cf = op == SH_ROL ? r & 1 : msb(r, size);
	} else {
		unsigned n = count % (bits + 1);
		uint64_t wide_mask = ((uint64_t)1 << (bits + 1)) - 1;
		uint64_t v = ((uint64_t)cf << bits) | a;
		if (op == SH_RCR)
			n = (bits + 1 - n) % (bits + 1);
		if (n)
			v = ((v << n) | (v >> (bits + 1 - n))) & wide_mask;
		r = (uint32_t)v & mask;
		cf = (uint32_t)(v >> bits) & 1;
	}
	*f = cf ? FLAG_CF : 0;
	/* Left rotates: OF = MSB ^ CF; right rotates: OF = the top two bits XORed. */
	if (op == SH_ROL || op == SH_RCL) {
		if (msb(r, size) ^ cf)
			*f |= FLAG_OF;
	} else if (msb(r, size) ^ msb(r << 1, size)) {
		*f |= FLAG_OF;
	}
	return r;
}

/* Shifts by any count up to 255 (the 8086 does not mask CL): the last bit
 * shifted out is the carry; past the width everything is shifted out. The
 * undefined AF is what the chips leave: bit 4 of a left shift's result, and
 * a constant per model for right shifts (captured by SingleStepTests). */
static uint32_t shift(int op, uint32_t a, unsigned count, int size, bool shr_af, uint32_t *f)
{
	uint32_t mask = size_mask(size);
	unsigned before = count - 1; /* shifts done before the last one */
	uint32_t r, cf, of;

	if (op == SH_SHL || op == SH_SAL6) {
		uint64_t t = before < 64 ? (uint64_t)a << before : 0;
		cf = (uint32_t)(t >> (size * 8 - 1)) & 1;
		r = (uint32_t)(t << 1) & mask;
		of = msb(r, size) ^ cf;
		shr_af = (r >> 4) & 1;
	} else if (op == SH_SHR) {
		uint32_t t = before < 32 ? a >> before : 0;
		cf = t & 1;
		r = t >> 1;
		of = msb(t, size);
	} else { /* SAR */
		int64_t s = msb(a, size) ? (int64_t)a - ((int64_t)mask + 1) : (int64_t)a;
		int64_t t = s >> (before < 63 ? before : 63);
		cf = (uint32_t)t & 1;
		r = (uint32_t)(t >> 1) & mask;
		of = 0;
	}
	*f = (cf ? FLAG_CF : 0) | (of ? FLAG_OF : 0) | (shr_af ? FLAG_AF : 0) | flags_szp(r, size);
	return r;
}

uint32_t alu_shift(const struct cpu_traits *t, int op, uint32_t a, unsigned count, int size,
                   uint32_t flags_in, uint32_t *flags_out, uint32_t *flags_written)
{
	if (op == SH_SAL6 && t->shl6_setmo) {
		uint32_t r = size_mask(size);
		*flags_out = flags_szp(r, size);
		*flags_written = ARITH_FLAGS;
		return r;
	}
	if (op <= SH_RCR) {
		*flags_written = FLAG_OF | FLAG_CF;
		return rotate(op, a, count, size, flags_in & FLAG_CF ? 1 : 0, flags_out);
	}
	*flags_written = ARITH_FLAGS;
	return shift(op, a, count, size, t->shr_af, flags_out);
}
