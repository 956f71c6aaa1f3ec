/*
 * tools/sst/harness.c — one SingleStepTests test: load the initial registers
 * and RAM, run (8086: one instruction; 286: until the HLT after it), compare
 * registers and RAM with the captured final state, masking only what the
 * suite documents as undefined. Memory is reset by dirty pages, not cleared.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"

/* RAM for real-mode addresses up to FFFF:FFFF (0x10FFEF) and some margin. */
#define RIG_RAM (2u << 20)
/* The 286 runs until HLT; no test needs more instructions than this. */
#define RIG_MAX_INSNS 1000

static const char *const reg_names[MOO_NREGS] = { "ax", "bx", "cx", "dx", "cs", "ss", "ds",
	                                          "es", "sp", "bp", "si", "di", "ip", "flags" };

/* ORDER: MOO_* register order to CPU registers (general ones only). */
static const int gpr_of[MOO_NREGS] = { REG_AX, REG_BX, REG_CX, REG_DX, -1,     -1, -1,
	                               -1,     REG_SP, REG_BP, REG_SI, REG_DI, -1, -1 };
static const int seg_of[MOO_NREGS] = { -1,     -1, -1, -1, SEG_CS, SEG_SS, SEG_DS,
	                               SEG_ES, -1, -1, -1, -1,     -1,     -1 };

int sst_rig_init(struct sst_rig *r, enum cpu_model model)
{
	memset(r, 0, sizeof *r);
	r->model = model;
	if (mem_init(&r->mem, RIG_RAM, cpu_traits_table[model].addr_bits))
		return -1;
	bus_init(&r->bus);
	cpu_init(&r->cpu, model, &r->mem, NULL);
	return 0;
}

void sst_rig_free(struct sst_rig *r)
{
	cpu_free(&r->cpu);
	mem_free(&r->mem);
}

static uint16_t initial_flags(const struct sst_rig *r, const struct moo_test *t)
{
	uint16_t f = t->init.regs[MOO_FLAGS];

	/* The 286 cannot hold bits 12-15 in real mode; the captured initial value
	 * is what was handed to LOADALL (suite README). */
	return r->model == CPU_8086 ? f : f & 0x0fff;
}

static void load_state(struct sst_rig *r, const struct moo_test *t)
{
	struct cpu *c = &r->cpu;

	cpu_reset(c);
	for (int i = 0; i < MOO_NREGS; i++) {
		if (gpr_of[i] >= 0)
			c->reg[gpr_of[i]] = t->init.regs[i];
		else if (seg_of[i] >= 0)
			cpu_load_real_seg(c, seg_of[i], t->init.regs[i]);
	}
	c->eip = t->init.regs[MOO_IP];
	cpu_set_flags(c, initial_flags(r, t));
	for (uint32_t i = 0; i < t->init.nram; i++)
		mem_poke(&r->mem, t->init.ram[i].addr, &t->init.ram[i].val, 1);
}

static uint16_t actual_reg(const struct cpu *c, int i)
{
	if (gpr_of[i] >= 0)
		return (uint16_t)c->reg[gpr_of[i]];
	if (seg_of[i] >= 0)
		return c->seg[seg_of[i]].sel;
	return (uint16_t)(i == MOO_IP ? c->eip : cpu_flags(c));
}

static uint16_t expected_reg(const struct sst_rig *r, const struct moo_test *t, int i)
{
	if (t->final.regmask & (1u << i))
		return t->final.regs[i];
	return i == MOO_FLAGS ? initial_flags(r, t) : t->init.regs[i];
}

static void say(char *report, size_t len, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*used >= len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(report + *used, len - *used, fmt, ap);
	va_end(ap);
	if (n > 0)
		*used += (size_t)n;
}

static void describe_flags(char *report, size_t len, size_t *used, uint16_t diff)
{
	static const struct {
		uint16_t bit;
		const char *name;
	} names[] = { { 0x800, "OF" }, { 0x400, "DF" }, { 0x200, "IF" },
		      { 0x100, "TF" }, { 0x80, "SF" },  { 0x40, "ZF" },
		      { 0x10, "AF" },  { 0x04, "PF" },  { 0x01, "CF" } };

	say(report, len, used, " (differs in");
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (diff & names[i].bit)
			say(report, len, used, " %s", names[i].name);
	if (diff & 0xf02a)
		say(report, len, used, " bits %04x", diff & 0xf02a);
	say(report, len, used, ")");
}

/* The physical address of the FLAGS word an interrupt pushed, from the final
 * SS:SP (suite README, "flags pushed on the stack"). */
static uint32_t pushed_flags_addr(const struct sst_rig *r, const struct moo_test *t, int byte)
{
	uint32_t ss = expected_reg(r, t, MOO_SS), sp = expected_reg(r, t, MOO_SP);
	uint32_t a = (ss << 4) + ((sp + 4u + (uint32_t)byte) & 0xffff);

	return r->model == CPU_8086 ? a & 0xfffff : a;
}

static bool went_through_ivt(const struct sst_rig *r, const struct moo_test *t)
{
	if (r->model != CPU_8086)
		return t->has_excp;
	/* 8086 files have no EXCP record: a divide error ends at 0000:0400. */
	return expected_reg(r, t, MOO_CS) == 0 && expected_reg(r, t, MOO_IP) == 0x400;
}

static bool listed(const struct moo_state *s, uint32_t addr)
{
	for (uint32_t i = 0; i < s->nram; i++)
		if (s->ram[i].addr == addr)
			return true;
	return false;
}

static bool compare_byte(struct sst_rig *r, uint32_t addr, uint8_t want, uint8_t mask, char *report,
                         size_t len, size_t *used)
{
	uint8_t got = 0xff;

	mem_peek(&r->mem, addr, &got, 1);
	if (((got ^ want) & mask) == 0)
		return true;
	say(report, len, used, "  mem[%05x]: expected %02x got %02x\n", addr, want, got);
	return false;
}

static bool compare_memory(struct sst_rig *r, const struct moo_test *t, uint16_t fmask,
                           char *report, size_t len, size_t *used)
{
	bool ok = true, ivt = went_through_ivt(r, t);
	uint32_t flo = pushed_flags_addr(r, t, 0), fhi = pushed_flags_addr(r, t, 1);

	for (uint32_t i = 0; i < t->final.nram; i++) {
		uint32_t a = t->final.ram[i].addr;
		uint8_t mask = 0xff;
		if (ivt && a == flo)
			mask = (uint8_t)fmask;
		else if (ivt && a == fhi)
			mask = (uint8_t)(fmask >> 8);
		ok &= compare_byte(r, a, t->final.ram[i].val, mask, report, len, used);
	}
	/* 286 files list only changed bytes: the others must still hold their
	 * initial value, which catches stray writes. */
	if (r->model != CPU_8086)
		for (uint32_t i = 0; i < t->init.nram; i++)
			if (!listed(&t->final, t->init.ram[i].addr))
				ok &= compare_byte(r, t->init.ram[i].addr, t->init.ram[i].val, 0xff,
				                   report, len, used);
	return ok;
}

static void run(struct sst_rig *r)
{
	struct cpu *c = &r->cpu;

	if (r->model == CPU_8086) {
		cpu_run(c, 1);
		return;
	}
	/* Every 286 test ends with a HLT (after the instruction, or where a
	 * jump or an interrupt lands); run until it has executed. */
	for (int i = 0; i < RIG_MAX_INSNS && !c->halted && !c->shutdown; i++)
		cpu_run(c, 1);
}

/* Put back zero in every byte the test wrote or listed, so the next test
 * starts from the same memory. */
static void reset_memory(struct sst_rig *r, const struct moo_test *t)
{
	static const uint8_t zero;

	mem_dirty_zero(&r->mem);
	for (uint32_t i = 0; i < t->init.nram; i++)
		mem_poke(&r->mem, t->init.ram[i].addr, &zero, 1);
}

enum sst_verdict sst_run(struct sst_rig *r, const struct moo_test *t, uint16_t metadata_mask,
                         enum sst_masking masking, char *report, size_t len)
{
	struct cpu *c = &r->cpu;
	uint16_t fmask = 0xffff;
	size_t used = 0;
	bool ok = true;

	report[0] = '\0';
	load_state(r, t);
	if (masking == SST_MASK_SUITE)
		fmask = r->model == CPU_8086 ? metadata_mask : (uint16_t)~cpu_undefined_flags(c);
	run(r);
	if (r->model != CPU_8086 && !c->halted)
		say(report, len, &used, "  did not reach the HLT after %d instructions%s\n",
		    RIG_MAX_INSNS, c->shutdown ? " (shutdown)" : "");
	for (int i = 0; i < MOO_NREGS; i++) {
		uint16_t want = expected_reg(r, t, i), got = actual_reg(c, i);
		uint16_t mask = i == MOO_FLAGS ? fmask : 0xffff;
		if (((want ^ got) & mask) == 0)
			continue;
		ok = false;
		say(report, len, &used, "  %s: expected %04x got %04x", reg_names[i], want, got);
		if (i == MOO_FLAGS)
			describe_flags(report, len, &used, (uint16_t)((want ^ got) & mask));
		say(report, len, &used, "\n");
	}
	ok &= compare_memory(r, t, fmask, report, len, &used);
	reset_memory(r, t);
	return ok && used == 0 ? SST_PASS : SST_FAIL;
}
