/*
 * tests/unit/test_explain.c — the monitor's explain text (explain.h) for instructions decoded
 * by cpu_inspect: fields, address arithmetic, segments and A20, flags, and a step's changes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "explain.h"
#include "inspect.h"
#include "rig.h"

#define DATA_LIN 0x11024 /* DS:1024 with DS = 1000 */

/* A rig with 'code' at 1000:0100 and the registers the cases below use. */
static struct rig *machine(enum cpu_model model, const void *code, size_t len)
{
	struct rig *r = rig_new(model);

	assert_non_null(r);
	rig_load(r, code, len);
	r->cpu.reg[REG_BX] = 0x1000;
	r->cpu.reg[REG_SI] = 0x0020;
	r->cpu.reg[REG_BP] = 0xfff0;
	r->cpu.reg[REG_CX] = 3;
	rig_poke16(r, DATA_LIN, 0xbeef);
	return r;
}

/* The explanation of the instruction at CS:IP, as one string to free. */
static char *explain(struct rig *r, bool color)
{
	struct cpu_insn_info info;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	cpu_inspect(&r->cpu, r->cpu.seg[SEG_CS].sel, r->cpu.seg[SEG_CS].base, r->cpu.eip, &info);
	explain_print(f, &r->cpu, &info, color);
	fclose(f);
	return text;
}

/* Is 'want' one whole line of 'text'? */
static bool has_line(const char *text, const char *want)
{
	size_t n = strlen(want);

	for (const char *p = text; (p = strstr(p, want)) != NULL; p++) {
		if ((p == text || p[-1] == '\n') && (p[n] == '\n' || !p[n]))
			return true;
	}
	return false;
}

static void assert_line(const char *text, const char *want)
{
	if (!has_line(text, want))
		fail_msg("line not found:\n%s\nin:\n%s", want, text);
}

static void assert_no_text(const char *text, const char *unwanted)
{
	if (strstr(text, unwanted))
		fail_msg("unexpected \"%s\" in:\n%s", unwanted, text);
}

struct explain_case {
	const char *name;
	enum cpu_model model;
	uint8_t code[8];
	size_t len;
	const char *lines[6];
};

static const struct explain_case cases[] = {
	{ "mov ax,[bx+si+4]",
	  CPU_286,
	  { 0x8b, 0x40, 0x04 },
	  3,
	  { "1000:0100  8B 40 04                 mov ax,[bx+si+0x4]",
	    "  ModRM         40           mod=01 reg=000 rm=000",
	    "    rm=000                   [bx+si+disp8]",
	    "  offset        bx + si + 4 = 0x1000 + 0x0020 + 0x0004 = 0x1024",
	    "  linear        DS:1024 = 0x1000*16 + 0x1024 = 0x11024 linear -> physical 0x11024",
	    "  value         word at physical 0x11024 = 0xBEEF" } },
	{ "the default segment for BP is SS",
	  CPU_286,
	  { 0x8b, 0x46, 0xfe },
	  3,
	  { "  displacement  FE           -2 (one byte, sign-extended)",
	    "  offset        bp - 2 = 0xFFF0 - 0x0002 = 0xFFEE",
	    "  segment       SS, the default: the address uses BP or SP, which point into the "
	    "stack",
	    "  linear        SS:FFEE = 0x1000*16 + 0xFFEE = 0x1FFEE linear -> physical 0x1FFEE" } },
	{ "a segment override",
	  CPU_286,
	  { 0x26, 0x89, 0x40, 0x04 },
	  4,
	  { "  prefix        26           ES: segment override: the memory operand uses ES",
	    "  segment       ES, from the ES: prefix (the default would be DS: data lives in DS "
	    "unless told otherwise)",
	    "  linear        ES:1024 = 0x1000*16 + 0x1024 = 0x11024 linear -> physical 0x11024" } },
	{ "a direct address",
	  CPU_8086,
	  { 0xa1, 0x24, 0x10 },
	  3,
	  { "  displacement  24 10        0x1024, the address itself",
	    "  offset        0x1024, given in the instruction",
	    "  value         word at physical 0x11024 = 0xBEEF" } },
	{ "32-bit addressing with a SIB byte",
	  CPU_386,
	  { 0x66, 0x67, 0x8b, 0x44, 0x8b, 0x08 },
	  6,
	  { "  prefix        66           operand size: 32-bit operands",
	    "  SIB           8B           scale=10 index=001 base=011",
	    "    scale=10                 x4",
	    "  offset        ebx + ecx*4 + 8 = 0x00001000 + 0x00000003*4 + 0x00000008 = 0x00001014",
	    "  value         dword at physical 0x11014 = 0x00000000" } },
	{ "a group opcode and a sign-extended immediate",
	  CPU_286,
	  { 0x83, 0xc0, 0xff },
	  3,
	  { "    mod=11                   register operand: rm names a register, no memory is used",
	    "    reg=000                  opcode extension /0: selects add",
	    "    rm=000                   ax",
	    "  immediate     FF           0xFF = -1, sign-extended to the operand size",
	    "  flags written OF SF ZF AF PF CF", "  undefined     none" } },
	{ "a segment register in the reg field",
	  CPU_286,
	  { 0x8c, 0xd8 },
	  2,
	  { "    reg=011                  ds", "    rm=000                   ax" } },
	{ "a register in the opcode byte",
	  CPU_8086,
	  { 0xbb, 0x34, 0x12 },
	  3,
	  { "                             low 3 bits 011 select bx",
	    "  immediate     34 12        0x1234 (little-endian: low byte first)",
	    "  what          Loads the immediate value into the register." } },
	{ "a conditional jump reads a flag",
	  CPU_286,
	  { 0x75, 0xfe },
	  2,
	  { "  relative      FE           -2, added to the IP of the next instruction",
	    "  target        CS:0100 = next IP 0x0102 - 0x0002", "  flags read    ZF=0",
	    "  flags written none" } },
	{ "flags left undefined",
	  CPU_286,
	  { 0x21, 0xd8 },
	  2,
	  { "  flags written OF SF ZF AF PF CF", "  undefined     AF" } },
	{ "a repeated string instruction",
	  CPU_286,
	  { 0xf3, 0xa4 },
	  2,
	  { "  prefix        F3           REP: repeat while CX != 0",
	    "  source        DS:SI, si = 0x0020 (DS unless a prefix says otherwise)",
	    "  destination   ES:DI, di = 0x0000 (always ES: no prefix can change it)",
	    "  direction     DF = 0: SI and DI go up by 1 after each element",
	    "  repeat        cx = 3: at most 3 more times, counting cx down",
	    "  flags read    DF=0" } },
	{ "an invalid opcode",
	  CPU_286,
	  { 0x0f, 0xff },
	  2,
	  { "  invalid       not an instruction on the 286: it raises #UD (invalid opcode, "
	    "interrupt 6)" } },
};

static void test_explain_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct explain_case *k = &cases[i];
		struct rig *r = machine(k->model, k->code, k->len);
		char *text = explain(r, false);
		for (int j = 0; j < 6 && k->lines[j]; j++) {
			if (!has_line(text, k->lines[j]))
				fail_msg("%s: line not found:\n%s\nin:\n%s", k->name, k->lines[j],
				         text);
		}
		assert_no_text(text, "\033[");
		free(text);
		rig_free(r);
	}
}

/* BX = FFF0: bx + si + 4 passes 64 KiB and 16-bit addressing wraps it. */
static void test_offset_wraps_at_64k(void **state)
{
	static const uint8_t code[] = { 0x8b, 0x40, 0x04 };
	struct rig *r = machine(CPU_8086, code, sizeof code);
	char *text;

	(void)state;
	r->cpu.reg[REG_BX] = 0xfff0;
	text = explain(r, false);
	assert_line(text, "  offset        bx + si + 4 = 0xFFF0 + 0x0020 + 0x0004 = 0x10014");
	assert_line(text,
	            "                wraps to 0x0014: 16-bit addressing keeps only the low 16 "
	            "bits");
	assert_line(text, "  linear        DS:0014 = 0x1000*16 + 0x0014 = 0x10014 linear -> "
	                  "physical 0x10014");
	free(text);
	rig_free(r);
}

/* FFFF:0010 is linear 0x100000: the 8086 drops bit 20, the 286 with A20 closed holds it at 0. */
static void test_a20_and_the_8086_wrap(void **state)
{
	static const uint8_t code[] = { 0x3e, 0xa1, 0x10, 0x00 }; /* mov ax,[ds:0x10] */
	struct rig *r = machine(CPU_286, code, sizeof code);
	char *text;

	(void)state;
	cpu_load_real_seg(&r->cpu, SEG_DS, 0xffff);
	mem_set_a20(&r->mem, false);
	text = explain(r, false);
	assert_line(text, "  linear        DS:0010 = 0xFFFF*16 + 0x0010 = 0x100000 linear -> "
	                  "physical 0x00000");
	assert_line(text, "                A20 is closed: address line 20 is held at 0, so the "
	                  "address wraps around 1 MiB as on the 8086");
	free(text);
	mem_set_a20(&r->mem, true);
	text = explain(r, false);
	assert_line(text, "  linear        DS:0010 = 0xFFFF*16 + 0x0010 = 0x100000 linear -> "
	                  "physical 0x100000");
	assert_no_text(text, "wraps");
	free(text);
	rig_free(r);

	r = machine(CPU_8086, code, sizeof code);
	cpu_load_real_seg(&r->cpu, SEG_DS, 0xffff);
	text = explain(r, false);
	assert_line(text, "                the 8086 has 20 address lines: the bits above them are "
	                  "dropped, so the address wraps around");
	free(text);
	rig_free(r);
}

static void test_interrupt_vector(void **state)
{
	static const uint8_t code[] = { 0xcd, 0x21 };
	struct rig *r = machine(CPU_8086, code, sizeof code);
	char *text;

	(void)state;
	rig_set_vector(r, 0x21, 0x1234, 0x5678);
	text = explain(r, false);
	assert_line(text, "  vector        21h * 4 = 0x0084: the handler is at 1234:5678 (the far "
	                  "pointer stored there)");
	assert_line(text, "  flags written IF TF");
	free(text);
	rig_free(r);
}

static void test_colour_only_when_asked(void **state)
{
	static const uint8_t code[] = { 0x8b, 0x40, 0x04 };
	struct rig *r = machine(CPU_286, code, sizeof code);
	char *text = explain(r, true);

	(void)state;
	assert_non_null(strstr(text, "\033[1m"));
	assert_non_null(strstr(text, "\033[0m"));
	free(text);
	rig_free(r);
}

/* An info that does not add up (as a buggy decoder might give) prints what it can. */
static void test_inconsistent_info_is_safe(void **state)
{
	static const uint8_t code[] = { 0x90 };
	struct rig *r = machine(CPU_286, code, sizeof code);
	struct cpu_insn_info info = { .status = INSN_OK,
		                      .len = 2,
		                      .opcode_len = 1,
		                      .has_modrm = true,
		                      .disp_len = 4,
		                      .imm_len = 4,
		                      .mnemonic = "nop",
		                      .text = "nop" };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	(void)state;
	explain_print(f, &r->cpu, &info, false);
	fclose(f);
	assert_line(text, "  what          (no description yet)");
	assert_no_text(text, "ModRM");
	free(text);
	rig_free(r);
}

/* Capture explain_changes after running one instruction. */
static char *step_and_compare(struct rig *r, uint32_t mem_lin, size_t mem_len)
{
	struct regsnap before;
	uint8_t old[16];
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	regsnap_take(&before, &r->cpu);
	mem_peek(&r->mem, mem_lin, old, (uint32_t)mem_len);
	cpu_run(&r->cpu, 1);
	f = open_memstream(&text, &len);
	assert_non_null(f);
	explain_changes(f, &before, &r->cpu, mem_lin, old, mem_len, false);
	fclose(f);
	return text;
}

static void test_changes_after_a_step(void **state)
{
	static const uint8_t add[] = { 0x01, 0xd8 };              /* add ax,bx */
	static const uint8_t store[] = { 0x89, 0x40, 0x04 };      /* mov [bx+si+4],ax */
	static const uint8_t wide[] = { 0x66, 0xb8, 0, 0, 1, 0 }; /* mov eax,0x10000 */
	static const uint8_t nop[] = { 0x90 };
	struct rig *r = machine(CPU_286, add, sizeof add);
	char *text;

	(void)state;
	r->cpu.reg[REG_AX] = 0xf000;
	cpu_set_flags(&r->cpu, FLAG_ZF);
	text = step_and_compare(r, 0, 0);
	assert_line(text, "  ax            0xF000 -> 0x0000");
	assert_line(text, "  flags         PF 0 -> 1, CF 0 -> 1");
	assert_line(text, "  cs:ip         1000:0100 -> 1000:0102");
	free(text);
	rig_free(r);

	r = machine(CPU_286, store, sizeof store);
	r->cpu.reg[REG_AX] = 0x1234;
	text = step_and_compare(r, DATA_LIN, 2);
	assert_line(text, "  memory        linear 0x11024: EF BE -> 34 12");
	assert_no_text(text, "  ax ");
	free(text);
	rig_free(r);

	r = machine(CPU_386, wide, sizeof wide);
	text = step_and_compare(r, 0, 0);
	assert_line(text, "  eax           0x00000000 -> 0x00010000");
	free(text);
	rig_free(r);

	r = machine(CPU_8086, nop, sizeof nop);
	text = step_and_compare(r, 0, 0);
	assert_line(text, "  cs:ip         1000:0100 -> 1000:0101");
	assert_line(text, "                no register, flag or memory changed");
	free(text);
	rig_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_explain_cases),
		cmocka_unit_test(test_offset_wraps_at_64k),
		cmocka_unit_test(test_a20_and_the_8086_wrap),
		cmocka_unit_test(test_interrupt_vector),
		cmocka_unit_test(test_colour_only_when_asked),
		cmocka_unit_test(test_inconsistent_info_is_safe),
		cmocka_unit_test(test_changes_after_a_step),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
