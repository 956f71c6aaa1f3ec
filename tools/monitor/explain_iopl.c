/*
 * tools/monitor/explain_iopl.c — `explain` for the instructions that IOPL
 * guards, in protected and virtual-8086 mode: IN, OUT, INS, OUTS (CPL <=
 * IOPL, else the TSS's I/O permission bitmap decides; in virtual-8086 mode
 * always the bitmap), CLI and STI (CPL <= IOPL), and in virtual-8086 mode
 * PUSHF, POPF, INT n and IRET (IOPL 3). SDM Vol. 3, 19.5-19.6 (Vol. 1,
 * 18.5) for I/O, 20.2.7 for virtual-8086 mode.
 */
#include <inttypes.h>
#include <string.h>

#include "debug.h"
#include "explain_text.h"

static bool starts(const struct cpu_insn_info *in, const char *prefix)
{
	return in->mnemonic && strncmp(in->mnemonic, prefix, strlen(prefix)) == 0;
}

static bool is(const struct cpu_insn_info *in, const char *name)
{
	return in->mnemonic && strcmp(in->mnemonic, name) == 0;
}

static int iopl_of(const struct cpu *c)
{
	return (int)(cpu_flags(c) >> 12) & 3;
}

/* The port an I/O instruction uses (immediate or DX) and its width. */
static void io_port(const struct cpu *c, const struct cpu_insn_info *in, uint32_t *port, int *size)
{
	*port = c->reg[REG_DX] & 0xffff;
	*size = 1;
	for (int i = 0; i < 3; i++) {
		const struct cpu_operand *o = &in->operand[i];
		if (o->cls == OPERAND_IMM)
			*port = o->value & 0xff;
		else if ((o->cls == OPERAND_REG && o->reg == REG_AX) || o->cls == OPERAND_STRING)
			*size = o->size;
	}
}

static bool peek8(const struct cpu *c, uint32_t lin, uint8_t *b)
{
	uint32_t phys;

	return cpu_linear_to_phys(c, lin, &phys) && mem_peek(c->mem, phys, b, 1) == 1;
}

/* The I/O permission bitmap in the current 32-bit TSS (SDM Vol. 1, 18.5.2):
 * one bit per port, all bits of the access clear, inside the TSS limit. */
static void io_bitmap(FILE *out, const struct style *st, const struct cpu *c, uint32_t port,
                      int size)
{
	const struct segcache *tr = &c->tr;
	uint8_t lo, hi;
	uint32_t map, at;
	bool allowed = true;

	if ((tr->attr & 0x1f) != 0x09 && (tr->attr & 0x1f) != 0x0b) {
		line(out, st, "I/O bitmap", "TR holds no 32-bit TSS, so there is no bitmap");
		line(out, st, "result", "%s#GP(0)%s", st->value, st->off);
		return;
	}
	if (!peek8(c, tr->base + 0x66, &lo) || !peek8(c, tr->base + 0x67, &hi))
		return;
	map = (uint32_t)lo | (uint32_t)hi << 8;
	at = map + port / 8;
	if (at + 1 > tr->limit) {
		line(out, st, "I/O bitmap",
		     "bytes 0x%04" PRIX32 "-0x%04" PRIX32 " of the TSS (map base 0x%04" PRIX32
		     " + port / 8) are past its limit 0x%04" PRIX32,
		     at, at + 1, map, tr->limit);
		line(out, st, "result", "%s#GP(0)%s", st->value, st->off);
		return;
	}
	if (!peek8(c, tr->base + at, &lo) || !peek8(c, tr->base + at + 1, &hi))
		return;
	for (int i = 0; i < size; i++) {
		uint32_t bit = (port & 7) + (uint32_t)i;
		if (((uint32_t)lo | (uint32_t)hi << 8) >> bit & 1)
			allowed = false;
	}
	line(out, st, "I/O bitmap",
	     "bits %" PRIu32 "-%" PRIu32 " of byte 0x%04" PRIX32
	     " in the TSS (map base 0x%04" PRIX32 "): %s",
	     port & 7, (port & 7) + (uint32_t)size - 1, at, map,
	     allowed ? "all clear" : "not all clear");
	if (allowed)
		line(out, st, "result", "the access is allowed");
	else
		line(out, st, "result", "%s#GP(0)%s", st->value, st->off);
}

void explain_iopl(FILE *out, const struct style *st, const struct cpu *c,
                  const struct cpu_insn_info *in)
{
	enum cpu_exec_mode mode = cpu_exec_mode(c);
	int cpl = cpu_cpl(c), iopl = iopl_of(c);
	bool v86 = mode == MODE_V86;

	if (is(in, "in") || is(in, "out") || starts(in, "ins") || starts(in, "outs")) {
		uint32_t port;
		int size;
		io_port(c, in, &port, &size);
		if (!v86 && cpl <= iopl) {
			line(out, st, "I/O", "CPL %d <= IOPL %d: port 0x%04" PRIX32 " is allowed",
			     cpl, iopl, port);
			return;
		}
		line(out, st, "I/O", "%s: the I/O permission bitmap decides for port 0x%04" PRIX32,
		     v86 ? "virtual-8086 mode" : "CPL above IOPL", port);
		io_bitmap(out, st, c, port, size);
	} else if (is(in, "cli") || is(in, "sti")) {
		bool ok = v86 ? iopl == 3 : cpl <= iopl;
		if (v86)
			line(out, st, "IOPL", "virtual-8086 mode needs IOPL 3, IOPL is %d: %s",
			     iopl, ok ? "allowed" : "#GP(0)");
		else
			line(out, st, "IOPL", "CPL %d <= IOPL %d: %s", cpl, iopl,
			     ok ? "allowed" : "#GP(0)");
	} else if (v86 && (starts(in, "pushf") || starts(in, "popf") || starts(in, "iret") ||
	                   is(in, "int") || is(in, "into"))) {
		line(out, st, "IOPL", "IOPL-sensitive in virtual-8086 mode: IOPL %d %s", iopl,
		     iopl == 3 ? "= 3: allowed"
		               : "< 3: #GP(0), the monitor in protected mode "
		                 "emulates it");
	} else if (!v86 && starts(in, "popf")) {
		line(out, st, "IOPL",
		     "POPF changes IF only if CPL %d <= IOPL %d (%s), IOPL only at "
		     "CPL 0 (%s); it never faults for them",
		     cpl, iopl, cpl <= iopl ? "yes" : "no", cpl == 0 ? "yes" : "no");
	}
}
