/*
 * tools/monitor/explain_protection.c — `explain` in protected mode: the
 * checks the CPU makes for the instruction at CS:EIP, worked out with the
 * live registers and descriptors. Memory operands against their segment's
 * limit and type; segment loads (MOV, POP, LDS/LES/LSS/LFS/LGS); far JMP,
 * CALL and RET; INT n and IRET. The rules are the SDM's (Vol. 3, 5.5-5.8
 * and 6.12, and the instruction pages of Vol. 2), written out as text.
 */
#include <inttypes.h>
#include <string.h>

#include "debug.h"
#include "desc.h"
#include "explain_text.h"

static const char *const sreg_name[SEG_COUNT] = { "ES", "CS", "SS", "DS", "FS", "GS" };

static bool peek(const struct cpu *c, uint32_t lin, int size, uint32_t *v)
{
	uint32_t phys;

	*v = 0;
	for (int i = 0; i < size; i++) {
		uint8_t b;
		if (!cpu_linear_to_phys(c, lin + (uint32_t)i, &phys) ||
		    mem_peek(c->mem, phys, &b, 1) != 1)
			return false;
		*v |= (uint32_t)b << (8 * i);
	}
	return true;
}

static bool is(const struct cpu_insn_info *in, const char *name)
{
	return in->mnemonic && strcmp(in->mnemonic, name) == 0;
}

/* Far JMP and CALL, direct (EA, 9A) or through memory (FF /5, FF /3). */
static bool far_jump_or_call(const struct cpu_insn_info *in, bool *call)
{
	*call = is(in, "call far") || (is(in, "call") && strstr(in->text, "far"));
	return *call || is(in, "jmp far") || (is(in, "jmp") && strstr(in->text, "far"));
}

static const char *fault_text(char *buf, size_t n, const char *exc, uint32_t code)
{
	snprintf(buf, n, "%s(0x%04" PRIX32 ")", exc, code);
	return buf;
}

/* ---- memory operands ---- */

static const char *rights_text(uint16_t attr)
{
	if (!(attr & ATTR_S))
		return "a system segment: neither read nor written through a segment register";
	if (attr & DESC_CODE)
		return (attr & DESC_READABLE) ? "code, readable: reads allowed, writes raise #GP(0)"
		                              : "code, execute-only: reads and writes raise #GP(0)";
	return (attr & DESC_WRITABLE) ? "data, writable: reads and writes allowed"
	                              : "data, read-only: reads allowed, writes raise #GP(0)";
}

/* SDM Vol. 3, 5.3 (limit checking) and 5.4 (type checking). */
static void memory_checks(FILE *out, const struct style *st, const struct cpu *c, int seg,
                          uint32_t off, int size)
{
	const struct segcache *s = &c->seg[seg];
	const char *exc = seg == SEG_SS ? "#SS(0)" : "#GP(0)";
	uint64_t last = (uint64_t)off + (uint64_t)(size > 0 ? size - 1 : 0);
	bool down = (s->attr & ATTR_S) && !(s->attr & DESC_CODE) && (s->attr & DESC_EXPAND_DOWN);
	uint32_t top = s->big ? 0xFFFFFFFFu : 0xFFFFu;
	bool inside;

	if (!(s->sel & 0xfffc) && seg != SEG_CS && seg != SEG_SS) {
		line(out, st, "limit",
		     "%s holds the null selector: any access through it raises #GP(0)",
		     sreg_name[seg]);
		return;
	}
	if (down) {
		inside = off > s->limit && last <= top;
		line(out, st, "limit",
		     "%s is expand-down: valid offsets are 0x%08" PRIX32 "-0x%08" PRIX32
		     " (above the limit 0x%08" PRIX32 "); 0x%08" PRIX32 "-0x%08" PRIX64 " %s",
		     sreg_name[seg], s->limit + 1, top, s->limit, off, last,
		     inside ? "is inside: allowed" : "is outside:");
	} else {
		inside = last <= s->limit;
		line(out, st, "limit",
		     "offsets 0x%08" PRIX32 "-0x%08" PRIX64 " against the limit 0x%08" PRIX32
		     " of %s: %s",
		     off, last, s->limit, sreg_name[seg], inside ? "inside, allowed" : "outside:");
	}
	if (!inside)
		line(out, st, "", "the access raises %s%s%s", st->value, exc, st->off);
	line(out, st, "rights", "%s: %s", sreg_name[seg], rights_text(s->attr));
}

/* ---- descriptors ---- */

/* The selector and its descriptor; false when there is none to check. */
static bool selector_lines(FILE *out, const struct style *st, const struct cpu *c, uint16_t sel,
                           struct desc *d, const char *what)
{
	line(out, st, "selector", "%s0x%04X%s (%s): index %u in the %s, RPL %d", st->value, sel,
	     st->off, what, sel >> 3, (sel & 4) ? "LDT" : "GDT", sel & 3);
	if (!(sel & 0xfffc))
		return false;
	if (!desc_peek(c, sel, d)) {
		line(out, st, "descriptor", "past the %s's limit: the load raises #GP(0x%04X)",
		     (sel & 4) ? "LDT" : "GDT", sel & 0xfffc);
		return false;
	}
	if (desc_is_gate(d))
		line(out, st, "descriptor", "%s -> %04X:%08" PRIX32 ", DPL %d, %s",
		     desc_type_name(d), d->gate_sel, d->gate_off, d->dpl,
		     d->present ? "present" : "not present");
	else
		line(out, st, "descriptor",
		     "%s, base 0x%08" PRIX32 ", limit 0x%08" PRIX32 ", DPL %d, %s%s",
		     desc_type_name(d), d->base, d->limit, d->dpl,
		     d->present ? "present" : "not present",
		     (!d->system && (d->attr & ATTR_DB)) ? ", 32-bit" : "");
	return true;
}

static void verdict(FILE *out, const struct style *st, const char *fault, const char *ok_text)
{
	if (fault)
		line(out, st, "result", "%s%s%s", st->value, fault, st->off);
	else
		line(out, st, "result", "%s", ok_text);
}

/* MOV Sreg, POP Sreg, LxS (SDM Vol. 2, MOV: "protected mode exceptions";
 * Vol. 3, 5.7 for SS, 5.6 for data segments). */
static void segment_load(FILE *out, const struct style *st, const struct cpu *c, int seg,
                         uint16_t sel)
{
	int cpl = cpu_cpl(c), rpl = sel & 3;
	const char *fault = NULL;
	char buf[32], ok[96];
	struct desc d;

	snprintf(ok, sizeof ok, "%s is loaded with this selector and its descriptor",
	         sreg_name[seg]);
	if (seg == SEG_CS) {
		line(out, st, "protection", "MOV and POP cannot load CS: #UD");
		return;
	}
	if (!selector_lines(out, st, c, sel, &d, sreg_name[seg])) {
		if (!(sel & 0xfffc))
			verdict(out, st,
			        seg == SEG_SS ? "#GP(0): SS cannot hold the null selector" : NULL,
			        "the null selector loads without checks; an access through it "
			        "raises "
			        "#GP(0)");
		return;
	}
	if (seg == SEG_SS) {
		bool writable = desc_is_data(&d) && (d.type & DESC_WRITABLE);
		line(out, st, "privilege", "SS needs RPL %d == CPL %d and DPL %d == CPL %d: %s",
		     rpl, cpl, d.dpl, cpl, rpl == cpl && d.dpl == cpl ? "yes" : "no");
		line(out, st, "type", "SS needs a writable data segment: %s",
		     writable ? "it is one" : "it is not");
		if (rpl != cpl || d.dpl != cpl || !writable)
			fault = fault_text(buf, sizeof buf, "#GP", sel & 0xfffc);
		else if (!d.present)
			fault = fault_text(buf, sizeof buf, "#SS", sel & 0xfffc);
		verdict(out, st, fault, ok);
		return;
	}
	bool readable = desc_is_data(&d) || (desc_is_code(&d) && (d.type & DESC_READABLE));
	bool conforming = desc_is_code(&d) && (d.type & DESC_CONFORMING);
	int eff = cpl > rpl ? cpl : rpl;
	line(out, st, "type", "%s needs a data or readable code segment: %s", sreg_name[seg],
	     readable ? "it is one" : "it is not");
	if (conforming)
		line(out, st, "privilege", "conforming code: no privilege check");
	else
		line(out, st, "privilege", "max(CPL %d, RPL %d) = %d <= DPL %d: %s", cpl, rpl, eff,
		     d.dpl, eff <= d.dpl ? "yes" : "no");
	if (!readable || (!conforming && eff > d.dpl))
		fault = fault_text(buf, sizeof buf, "#GP", sel & 0xfffc);
	else if (!d.present)
		fault = fault_text(buf, sizeof buf, "#NP", sel & 0xfffc);
	verdict(out, st, fault, ok);
}

/* The code segment a far transfer lands in, directly or through a gate
 * (SDM Vol. 3, 5.8.1-5.8.5). 'gate': through a call gate. */
static void code_target(FILE *out, const struct style *st, const struct cpu *c, bool call,
                        bool gate, uint16_t sel, uint32_t off, int rpl)
{
	int cpl = cpu_cpl(c);
	const char *fault = NULL;
	char buf[32], ok[128];
	struct desc d;

	if (!selector_lines(out, st, c, sel, &d, gate ? "the gate's target" : "the target")) {
		if (!(sel & 0xfffc))
			verdict(out, st, "#GP(0): a null code selector", NULL);
		return;
	}
	if (!desc_is_code(&d)) {
		verdict(out, st, fault_text(buf, sizeof buf, "#GP", sel & 0xfffc), NULL);
		return;
	}
	snprintf(ok, sizeof ok, "CS:EIP = %04X:%08" PRIX32 ", CPL stays %d", sel, off, cpl);
	if (d.type & DESC_CONFORMING) {
		line(out, st, "privilege", "conforming code: DPL %d <= CPL %d: %s%s", d.dpl, cpl,
		     d.dpl <= cpl ? "yes" : "no", gate ? "" : " (RPL is not checked)");
		if (d.dpl > cpl)
			fault = fault_text(buf, sizeof buf, "#GP", sel & 0xfffc);
	} else if (!gate) {
		line(out, st, "privilege",
		     "nonconforming code: RPL %d <= CPL %d and DPL %d == CPL %d: %s", rpl, cpl,
		     d.dpl, cpl, rpl <= cpl && d.dpl == cpl ? "yes" : "no");
		if (rpl > cpl || d.dpl != cpl)
			fault = fault_text(buf, sizeof buf, "#GP", sel & 0xfffc);
	} else if (call) {
		line(out, st, "privilege",
		     "nonconforming code through a gate: DPL %d <= CPL %d: %s", d.dpl, cpl,
		     d.dpl <= cpl ? "yes" : "no");
		if (d.dpl > cpl)
			fault = fault_text(buf, sizeof buf, "#GP", sel & 0xfffc);
		else if (d.dpl < cpl)
			snprintf(ok, sizeof ok,
			         "CS:EIP = %04X:%08" PRIX32
			         ", CPL %d -> %d: the stack switches to SS%d:ESP%d "
			         "from the TSS",
			         sel, off, cpl, d.dpl, d.dpl, d.dpl);
	} else {
		line(out, st, "privilege",
		     "JMP through a gate to nonconforming code: DPL %d == CPL %d: %s", d.dpl, cpl,
		     d.dpl == cpl ? "yes" : "no");
		if (d.dpl != cpl)
			fault = fault_text(buf, sizeof buf, "#GP", sel & 0xfffc);
	}
	if (!fault && !d.present)
		fault = fault_text(buf, sizeof buf, "#NP", sel & 0xfffc);
	if (!fault) {
		line(out, st, "limit",
		     "offset 0x%08" PRIX32 " against the limit 0x%08" PRIX32 ": %s", off, d.limit,
		     off <= d.limit ? "inside" : "outside: #GP(0)");
		if (off > d.limit)
			fault = "#GP(0)";
	}
	verdict(out, st, fault, ok);
}

static void far_transfer(FILE *out, const struct style *st, const struct cpu *c, bool call,
                         uint16_t sel, uint32_t off)
{
	int cpl = cpu_cpl(c), rpl = sel & 3, eff = cpl > rpl ? cpl : rpl;
	char buf[32];
	struct desc d;

	if (!(sel & 0xfffc) || !desc_peek(c, sel, &d) || !d.system) {
		code_target(out, st, c, call, false, sel, off, rpl);
		return;
	}
	selector_lines(out, st, c, sel, &d, call ? "CALL's target" : "JMP's target");
	if ((d.type & 7) == 4) { /* call gate */
		line(out, st, "privilege", "call gate: max(CPL %d, RPL %d) = %d <= gate DPL %d: %s",
		     cpl, rpl, eff, d.dpl, eff <= d.dpl ? "yes" : "no");
		if (eff > d.dpl) {
			verdict(out, st, fault_text(buf, sizeof buf, "#GP", sel & 0xfffc), NULL);
			return;
		}
		if (!d.present) {
			verdict(out, st, fault_text(buf, sizeof buf, "#NP", sel & 0xfffc), NULL);
			return;
		}
		line(out, st, "gate",
		     "the offset in the instruction is ignored; %d %s copied if the "
		     "privilege changes",
		     d.gate_params, (d.type & 8) ? "dwords" : "words");
		code_target(out, st, c, call, true, d.gate_sel, d.gate_off, d.gate_sel & 3);
	} else if (d.type == DESC_TASK_GATE || desc_is_tss(&d)) {
		bool busy = desc_is_tss(&d) && (d.type & 2);
		line(out, st, "privilege", "%s: max(CPL %d, RPL %d) = %d <= DPL %d: %s",
		     desc_is_tss(&d) ? "TSS" : "task gate", cpl, rpl, eff, d.dpl,
		     eff <= d.dpl ? "yes" : "no");
		if (eff > d.dpl || busy)
			verdict(out, st, fault_text(buf, sizeof buf, "#GP", sel & 0xfffc), NULL);
		else if (!d.present)
			verdict(out, st, fault_text(buf, sizeof buf, "#NP", sel & 0xfffc), NULL);
		else
			verdict(out, st, NULL, "a task switch (SDM Vol. 3, 7.3)");
	} else {
		verdict(out, st, fault_text(buf, sizeof buf, "#GP", sel & 0xfffc), NULL);
	}
}

/* RETF (SDM Vol. 2, RET: "protected mode"; Vol. 3, 5.8.6); IRET's checks
 * of CS are the same once it has said what it pops ('quiet'). */
static void far_return(FILE *out, const struct style *st, const struct cpu *c,
                       const struct cpu_insn_info *in, bool quiet)
{
	uint32_t sp = c->reg[REG_SP] & (c->seg[SEG_SS].big ? 0xFFFFFFFFu : 0xFFFFu), off, sel;
	int cpl = cpu_cpl(c), rpl;
	char buf[32];
	struct desc d;

	if (!peek(c, c->seg[SEG_SS].base + sp, in->osize, &off) ||
	    !peek(c, c->seg[SEG_SS].base + sp + in->osize, 2, &sel))
		return;
	rpl = sel & 3;
	if (!quiet)
		line(out, st, "return", "pops %0*" PRIX32 ":%04" PRIX32 " from SS:%0*" PRIX32,
		     in->osize * 2, off, sel, in->osize * 2, sp);
	if (!selector_lines(out, st, c, (uint16_t)sel, &d, "the return CS")) {
		if (!(sel & 0xfffc))
			verdict(out, st, "#GP(0): a null code selector", NULL);
		return;
	}
	line(out, st, "privilege", "RPL %d >= CPL %d: %s", rpl, cpl,
	     rpl > cpl    ? "yes, to an outer level: ESP and SS are popped too, and data segments "
	                    "the new CPL may not use become null"
	     : rpl == cpl ? "yes, same level"
	                  : "no");
	if (rpl < cpl || !desc_is_code(&d)) {
		verdict(out, st, fault_text(buf, sizeof buf, "#GP", sel & 0xfffc), NULL);
		return;
	}
	if (d.type & DESC_CONFORMING)
		line(out, st, "", "conforming code: DPL %d <= RPL %d: %s", d.dpl, rpl,
		     d.dpl <= rpl ? "yes" : "no");
	else
		line(out, st, "", "nonconforming code: DPL %d == RPL %d: %s", d.dpl, rpl,
		     d.dpl == rpl ? "yes" : "no");
	if ((d.type & DESC_CONFORMING) ? d.dpl > rpl : d.dpl != rpl)
		verdict(out, st, fault_text(buf, sizeof buf, "#GP", sel & 0xfffc), NULL);
	else if (!d.present)
		verdict(out, st, fault_text(buf, sizeof buf, "#NP", sel & 0xfffc), NULL);
	else
		verdict(out, st, off <= d.limit ? NULL : "#GP(0): the offset is past the limit",
		        "returns there");
}

/* INT n, INT3, INTO (SDM Vol. 3, 6.12.1; Vol. 2, INT n). */
static void software_interrupt(FILE *out, const struct style *st, const struct cpu *c, int v)
{
	uint32_t lo, hi, code = (uint32_t)v * 8 + 2;
	int cpl = cpu_cpl(c);
	char buf[32], ok[128];
	struct desc d, t;

	line(out, st, "IDT entry", "vector 0x%02X at IDT base 0x%08" PRIX32 " + 0x%03X", v,
	     c->idtr.base, v * 8);
	if ((uint32_t)v * 8 + 7 > c->idtr.limit) {
		line(out, st, "", "past the IDT limit 0x%04X", c->idtr.limit);
		verdict(out, st, fault_text(buf, sizeof buf, "#GP", code), NULL);
		return;
	}
	if (!peek(c, c->idtr.base + (uint32_t)v * 8, 4, &lo) ||
	    !peek(c, c->idtr.base + (uint32_t)v * 8 + 4, 4, &hi))
		return;
	desc_decode(lo, hi, c->model, &d);
	if (!desc_is_gate(&d) || (d.type & 7) == 4) {
		line(out, st, "descriptor", "%s: not an interrupt, trap or task gate",
		     desc_type_name(&d));
		verdict(out, st, fault_text(buf, sizeof buf, "#GP", code), NULL);
		return;
	}
	line(out, st, "descriptor", "%s -> %04X:%08" PRIX32 ", DPL %d, %s", desc_type_name(&d),
	     d.gate_sel, d.gate_off, d.dpl, d.present ? "present" : "not present");
	line(out, st, "privilege", "INT n needs CPL %d <= gate DPL %d: %s", cpl, d.dpl,
	     cpl <= d.dpl ? "yes" : "no");
	if (cpl > d.dpl) {
		verdict(out, st, fault_text(buf, sizeof buf, "#GP", code), NULL);
		return;
	}
	if (!d.present) {
		verdict(out, st, fault_text(buf, sizeof buf, "#NP", code), NULL);
		return;
	}
	if (d.type == DESC_TASK_GATE) {
		verdict(out, st, NULL, "a task switch to the TSS the gate names");
		return;
	}
	if (!desc_peek(c, d.gate_sel, &t) || !desc_is_code(&t) || t.dpl > cpl) {
		line(out, st, "handler", "selector %04X: needs a code segment with DPL <= CPL %d",
		     d.gate_sel, cpl);
		verdict(out, st, fault_text(buf, sizeof buf, "#GP", d.gate_sel & 0xfffc), NULL);
		return;
	}
	line(out, st, "handler", "%s, DPL %d", desc_type_name(&t), t.dpl);
	if (!(t.type & DESC_CONFORMING) && t.dpl < cpl)
		snprintf(ok, sizeof ok,
		         "enters the handler at CPL %d on the stack SS%d:ESP%d from the "
		         "TSS; %s",
		         t.dpl, t.dpl, t.dpl,
		         (d.type & 1) ? "a trap gate leaves IF alone"
		                      : "an interrupt gate clears IF");
	else
		snprintf(ok, sizeof ok, "enters the handler at CPL %d on the same stack; %s", cpl,
		         (d.type & 1) ? "a trap gate leaves IF alone"
		                      : "an interrupt gate clears IF");
	verdict(out, st, NULL, ok);
}

/* IRET (SDM Vol. 2, IRET: "protected mode"). */
static void interrupt_return(FILE *out, const struct style *st, const struct cpu *c,
                             const struct cpu_insn_info *in)
{
	uint32_t sp = c->reg[REG_SP] & (c->seg[SEG_SS].big ? 0xFFFFFFFFu : 0xFFFFu);
	uint32_t base = c->seg[SEG_SS].base, eip, cs, fl, link;

	if (cpu_flags(c) & FLAG_NT) {
		peek(c, c->tr.base, 2, &link);
		line(out, st, "return",
		     "NT = 1: a task return to the back link %04" PRIX32
		     " in the current TSS (%04X)",
		     link, c->tr.sel);
		return;
	}
	if (!peek(c, base + sp, in->osize, &eip) || !peek(c, base + sp + in->osize, 2, &cs) ||
	    !peek(c, base + sp + 2u * in->osize, in->osize, &fl))
		return;
	line(out, st, "return", "pops EIP %0*" PRIX32 ", CS %04" PRIX32 ", EFLAGS %0*" PRIX32,
	     in->osize * 2, eip, cs, in->osize * 2, fl);
	if (in->osize == 4 && (fl & FLAG_VM) && cpu_cpl(c) == 0) {
		line(out, st, "",
		     "VM = 1 at CPL 0: a return to virtual-8086 mode (ESP, SS, ES, DS, "
		     "FS, GS are popped too)");
		return;
	}
	far_return(out, st, c, in, true);
}

static int vector_of(const struct cpu_insn_info *in)
{
	if (is(in, "int3"))
		return 3;
	if (is(in, "into"))
		return 4;
	if (is(in, "int") && in->operand[0].cls == OPERAND_IMM)
		return (int)(in->operand[0].value & 0xff);
	return -1;
}

/* The selector a segment load takes: from a register, memory or the stack. */
static bool loaded_selector(const struct cpu *c, const struct cpu_insn_info *in, uint16_t *sel)
{
	const struct cpu_operand *src = &in->operand[1];
	uint32_t v, off;

	if (is(in, "pop")) {
		off = c->reg[REG_SP] & (c->seg[SEG_SS].big ? 0xFFFFFFFFu : 0xFFFFu);
		if (!peek(c, c->seg[SEG_SS].base + off, 2, &v))
			return false;
	} else if (src->cls == OPERAND_REG) {
		v = c->reg[src->reg];
	} else if (src->cls == OPERAND_MEM) {
		off = cpu_insn_ea(c, in);
		if (!peek(c, cpu_linear(c, in->seg % SEG_COUNT, off), 2, &v))
			return false;
	} else {
		return false;
	}
	*sel = (uint16_t)v;
	return true;
}

static int lxs_segment(const struct cpu_insn_info *in)
{
	static const struct {
		const char *name;
		int seg;
	} lxs[] = { { "lds", SEG_DS },
		    { "les", SEG_ES },
		    { "lss", SEG_SS },
		    { "lfs", SEG_FS },
		    { "lgs", SEG_GS } };

	for (size_t i = 0; i < sizeof lxs / sizeof lxs[0]; i++)
		if (is(in, lxs[i].name))
			return lxs[i].seg;
	return -1;
}

static bool far_pointer_in_memory(const struct cpu *c, const struct cpu_insn_info *in,
                                  uint16_t *sel, uint32_t *off)
{
	uint32_t ea = cpu_insn_ea(c, in), s;
	uint32_t lin = cpu_linear(c, in->seg % SEG_COUNT, ea);

	if (!peek(c, lin, in->osize, off) || !peek(c, lin + in->osize, 2, &s))
		return false;
	*sel = (uint16_t)s;
	return true;
}

void explain_protection(FILE *out, const struct style *st, struct cpu *c,
                        const struct cpu_insn_info *in)
{
	bool lea = is(in, "lea"), call, far = far_jump_or_call(in, &call);
	int lxs = lxs_segment(in), v = vector_of(in);
	uint16_t sel;
	uint32_t off;

	if (cpu_exec_mode(c) == MODE_REAL || in->status != INSN_OK)
		return;
	if (cpu_exec_mode(c) == MODE_V86) {
		line(out, st, "protection", "virtual-8086 mode, CPL 3, IOPL %d",
		     (int)(cpu_flags(c) >> 12) & 3);
		explain_iopl(out, st, c, in);
		return;
	}
	line(out, st, "protection", "protected mode, CPL %d (the RPL of CS)", cpu_cpl(c));
	explain_iopl(out, st, c, in);
	for (int i = 0; i < 3 && !lea && lxs < 0 && !far; i++) {
		const struct cpu_operand *o = &in->operand[i];
		if (o->cls == OPERAND_MEM)
			memory_checks(out, st, c, in->seg % SEG_COUNT, cpu_insn_ea(c, in), o->size);
		else if (o->cls == OPERAND_STRING)
			memory_checks(out, st, c, o->reg == REG_SI ? in->seg % SEG_COUNT : SEG_ES,
			              c->reg[o->reg] & (in->asize == 2 ? 0xFFFFu : 0xFFFFFFFFu),
			              o->size);
	}
	if ((is(in, "mov") || is(in, "pop")) && in->operand[0].cls == OPERAND_SREG) {
		if (loaded_selector(c, in, &sel))
			segment_load(out, st, c, in->operand[0].reg % SEG_COUNT, sel);
	} else if (lxs >= 0) {
		memory_checks(out, st, c, in->seg % SEG_COUNT, cpu_insn_ea(c, in), in->osize + 2);
		if (far_pointer_in_memory(c, in, &sel, &off))
			segment_load(out, st, c, lxs, sel);
	} else if (far && in->operand[0].cls == OPERAND_FAR) {
		far_transfer(out, st, c, call, in->operand[0].sel, in->operand[0].value);
	} else if (far) {
		memory_checks(out, st, c, in->seg % SEG_COUNT, cpu_insn_ea(c, in), in->osize + 2);
		if (far_pointer_in_memory(c, in, &sel, &off))
			far_transfer(out, st, c, call, sel, off);
	} else if (is(in, "retf")) {
		far_return(out, st, c, in, false);
	} else if (is(in, "iret") || is(in, "iretd") || is(in, "iretw")) {
		interrupt_return(out, st, c, in);
	} else if (v >= 0) {
		software_interrupt(out, st, c, v);
	}
}
