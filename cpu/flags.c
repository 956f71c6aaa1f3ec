/*
 * cpu/flags.c — condition codes and the guarded FLAGS load used by POPF,
 * IRET and the front ends. The representation itself is in flags.h.
 */
#include "flags.h"

#include "prot.h"

bool flags_cond(const struct cpu *c, int cc)
{
	uint32_t f = c->eflags;
	bool r;

	switch (cc >> 1) {
	case 0:
		r = f & FLAG_OF;
		break;
	case 1:
		r = f & FLAG_CF;
		break;
	case 2:
		r = f & FLAG_ZF;
		break;
	case 3:
		r = f & (FLAG_CF | FLAG_ZF);
		break;
	case 4:
		r = f & FLAG_SF;
		break;
	case 5:
		r = f & FLAG_PF;
		break;
	case 6:
		r = !(f & FLAG_SF) != !(f & FLAG_OF);
		break;
	default:
		r = (f & FLAG_ZF) || (!(f & FLAG_SF) != !(f & FLAG_OF));
		break;
	}
	return (cc & 1) ? !r : r;
}

/* Bits outside 'flags_real_rw' keep their value (VM, RF and the fixed bits);
 * the fixed-one bits are forced, so FLAGS always reads as the chip shows it. */
void flags_load(struct cpu *c, uint32_t value, int size)
{
	uint32_t rw = c->traits->flags_real_rw;

	if (size == 2)
		rw &= 0xffff;
	c->eflags = ((c->eflags & ~rw) | (value & rw)) | c->traits->flags_fixed1;
}

uint32_t cpu_flags(const struct cpu *c)
{
	return flags_get(c);
}

void cpu_set_flags(struct cpu *c, uint32_t value)
{
	flags_load(c, value, 4);
}

/* The FLAGS an IRET or POPF may load at the current CPL and IOPL: IOPL only
 * at CPL 0, IF only at CPL <= IOPL; VM and RF are IRET's alone (SDM: POPF). */
uint32_t flags_writable(const struct cpu *c, int size)
{
	uint32_t rw = c->traits->flags_real_rw;

	if (cpu_prot(c)) {
		rw |= FLAG_IOPL | FLAG_NT; /* fixed in the 286's real mode only */
		if (cpu_cpl(c) > 0)
			rw &= ~(uint32_t)FLAG_IOPL;
		if (cpu_cpl(c) > cpu_iopl(c))
			rw &= ~(uint32_t)FLAG_IF;
	}
	return size == 2 ? rw & 0xffff : rw;
}
