/*
 * tests/unit/test_expr.c — the monitor's expressions and addresses (expr.h) from tables:
 * values, number forms, registers, flags, symbols, memory reads, exact error messages.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "expr.h"
#include "rig.h"
#include "symbols.h"

struct fixture {
	struct rig *rig;
	struct symtab *syms;
	struct expr_env env;
};

/* A 386 in real mode: CS=1000 IP=0100, DS=2000, ES=3000, SS=4000, CF and
 * ZF set, and four bytes 11 22 33 44 at DS:0020 (linear 0x20020). */
static int setup(void **state)
{
	static const uint8_t data[] = { 0x11, 0x22, 0x33, 0x44 };
	struct fixture *f = calloc(1, sizeof *f);
	struct cpu *c;

	f->rig = rig_new(CPU_386);
	f->syms = symtab_new();
	if (!f->rig || !f->syms)
		return -1;
	c = &f->rig->cpu;
	rig_load(f->rig, "\x90", 1);
	cpu_load_real_seg(c, SEG_DS, 0x2000);
	cpu_load_real_seg(c, SEG_ES, 0x3000);
	cpu_load_real_seg(c, SEG_SS, 0x4000);
	c->reg[REG_AX] = 0x12345678;
	c->reg[REG_BX] = 0x1000;
	c->reg[REG_CX] = 5;
	c->reg[REG_DX] = 0xffff8001;
	c->reg[REG_SI] = 0x20;
	c->reg[REG_DI] = 0x30;
	c->reg[REG_BP] = 0xfff0;
	c->reg[REG_SP] = 0xfffe;
	cpu_set_flags(c, FLAG_CF | FLAG_ZF);
	mem_poke(&f->rig->mem, 0x20020, data, sizeof data);
	symtab_add(f->syms, "start", 0x7c00);
	symtab_add(f->syms, "buf", 0x20020);
	symtab_add(f->syms, "start.loop", 0x7c07);
	f->env = (struct expr_env){ c, f->syms };
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	rig_free(f->rig);
	symtab_free(f->syms);
	free(f);
	return 0;
}

struct value_case {
	const char *text;
	int64_t value;
};

static const struct value_case value_cases[] = {
	/* number forms: decimal unless 0x, 0b or an h suffix */
	{ "31", 31 },
	{ "0x1f", 31 },
	{ "0X1F", 31 },
	{ "1fh", 31 },
	{ "1FH", 31 },
	{ "0b11111", 31 },
	{ "0ffh", 255 },
	{ "0", 0 },
	{ "0xffffffffffffffff", -1 },
	/* precedence and associativity, as in C */
	{ "1 + 2 * 3", 7 },
	{ "(1 + 2) * 3", 9 },
	{ "10 - 4 - 3", 3 },
	{ "100 / 7", 14 },
	{ "100 % 7", 2 },
	{ "-5 / 2", -2 },
	{ "-5 % 2", -1 },
	{ "2 + 3 << 1", 10 },
	{ "1 << 4 | 1", 17 },
	{ "1 | 2 ^ 3 & 4", 3 },
	{ "6 & 3 == 3", 0 },
	{ "1 < 2 == 1", 1 },
	{ "5 > 3", 1 },
	{ "5 >= 5", 1 },
	{ "5 <= 4", 0 },
	{ "4 != 4", 0 },
	{ "3 == 3 && 4 != 5", 1 },
	{ "0 || 0 && 1", 0 },
	{ "1 || 0 && 0", 1 },
	{ "!0", 1 },
	{ "!5", 0 },
	{ "~0", -1 },
	{ "~0 & 0xff", 255 },
	{ "-(-3)", 3 },
	{ "- - 3", 3 },
	{ "+4", 4 },
	{ "-1 >> 1", -1 },
	{ "0x100 >> 4", 0x10 },
	{ "1 << 63", INT64_MIN },
	{ "0x7fffffffffffffff + 1", INT64_MIN },
	{ "((((7))))", 7 },
	{ "  42  ", 42 },
	/* && and || do not evaluate a side that cannot matter */
	{ "0 && 1 / 0", 0 },
	{ "1 || 1 / 0", 1 },
	/* registers of each size, any case */
	{ "al", 0x78 },
	{ "ah", 0x56 },
	{ "ax", 0x5678 },
	{ "AX", 0x5678 },
	{ "eax", 0x12345678 },
	{ "bl", 0x00 },
	{ "bh", 0x10 },
	{ "bx", 0x1000 },
	{ "cx", 5 },
	{ "dx", 0x8001 },
	{ "edx", 0xffff8001 },
	{ "si", 0x20 },
	{ "esi", 0x20 },
	{ "di", 0x30 },
	{ "bp", 0xfff0 },
	{ "sp", 0xfffe },
	{ "cs", 0x1000 },
	{ "ds", 0x2000 },
	{ "es", 0x3000 },
	{ "ss", 0x4000 },
	{ "fs", 0 },
	{ "ip", 0x100 },
	{ "eip", 0x100 },
	{ "ax + bx", 0x6678 },
	{ "ds * 16 + si", 0x20020 },
	/* flags, each 0 or 1 */
	{ "cf", 1 },
	{ "zf", 1 },
	{ "sf", 0 },
	{ "of", 0 },
	{ "if", 0 },
	{ "CF", 1 },
	{ "flags & 0x41", 0x41 },
	{ "eflags & 1", 1 },
	{ "cf && zf", 1 },
	/* symbols are their linear addresses */
	{ "start", 0x7c00 },
	{ "start + 4", 0x7c04 },
	{ "start.loop - start", 7 },
	/* memory through every kind of address */
	{ "byte[ds:si]", 0x11 },
	{ "word[ds:si]", 0x2211 },
	{ "dword[ds:si]", 0x44332211 },
	{ "byte [ds:si+1]", 0x22 },
	{ "word[si]", 0x2211 },
	{ "byte[si+1]", 0x22 },
	{ "word[l:0x20022]", 0x4433 },
	{ "word[p:0x20022]", 0x4433 },
	{ "word[2000:20]", 0x2211 },
	{ "WORD[2000:0020]", 0x2211 },
	{ "word[buf]", 0x2211 },
	{ "byte[buf+3]", 0x44 },
	{ "byte[ds:si] + 1", 0x12 },
	{ "byte[ds:si + byte[ds:si] - 0x10]", 0x22 },
	{ "word[(si)]", 0x2211 },
};

static void test_values(void **state)
{
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof value_cases / sizeof value_cases[0]; i++) {
		const struct value_case *k = &value_cases[i];
		char err[128] = "";
		int64_t v = -12345;
		int rc = expr_eval(&f->env, k->text, &v, err, sizeof err);
		if (rc != 0)
			fail_msg("'%s': unexpected error: %s", k->text, err);
		if (v != k->value)
			fail_msg("'%s' = %lld, expected %lld", k->text, (long long)v,
			         (long long)k->value);
	}
}

struct error_case {
	const char *text;
	const char *message;
};

static const struct error_case error_cases[] = {
	{ "", "expected a value at column 1" },
	{ "   ", "expected a value at column 1" },
	{ "foo", "unknown register or symbol 'foo' at column 1" },
	{ "1 + foo", "unknown register or symbol 'foo' at column 5" },
	{ "Start", "unknown register or symbol 'Start' at column 1" },
	{ "1 / 0", "division by zero at column 3" },
	{ "7 % (2 - 2)", "division by zero at column 3" },
	{ "(1 + 2", "missing ')' for '(' at column 1" },
	{ "((1)", "missing ')' for '(' at column 1" },
	{ "1 + 2)", "unexpected ')' at column 6 (no '(' to match)" },
	{ "1 2", "unexpected '2' at column 3" },
	{ "ax bx", "unexpected 'bx' at column 4" },
	{ "1 # 2", "unexpected '#' at column 3" },
	{ "7c00", "'7c00' is not a decimal number at column 1 (write 0x7c00 or 7c00h for hex)" },
	{ "0x", "bad number '0x' at column 1" },
	{ "0b102", "bad number '0b102' at column 1" },
	{ "12q", "bad number '12q' at column 1" },
	{ "99999999999999999999", "number too large at column 1" },
	{ "0x10000000000000000", "number too large at column 1" },
	{ "1 +", "expected a value at column 4 (the input ended)" },
	{ "*2", "expected a value at column 1, found '*'" },
	{ "\x01", "expected a value at column 1, found '\\x01'" },
	{ "1 << 64", "shift count 64 is outside 0..63 at column 3" },
	{ "1 >> -1", "shift count -1 is outside 0..63 at column 3" },
	{ "word[si", "missing ']' for '[' at column 5" },
	{ "word[]", "expected an address at column 6" },
	{ "byte[12345:0]", "segment 0x12345 is out of range (0 to 0xffff) at column 6" },
	{ "byte[ds:nope]", "bad number 'nope' at column 9" },
	{ "word", "unknown register or symbol 'word' at column 1" },
};

static void test_errors(void **state)
{
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
		const struct error_case *k = &error_cases[i];
		char err[160] = "";
		int64_t v = 77;
		int rc = expr_eval(&f->env, k->text, &v, err, sizeof err);
		if (rc != -1)
			fail_msg("'%s': expected an error, got %lld", k->text, (long long)v);
		if (strcmp(err, k->message))
			fail_msg("'%s': message \"%s\", expected \"%s\"", k->text, err, k->message);
		assert_int_equal(v, 77); /* the value is left alone on error */
	}
}

static void test_limits(void **state)
{
	struct fixture *f = *state;
	char text[EXPR_MAX_LEN + 64], err[128];
	int64_t v;

	memset(text, '1', EXPR_MAX_LEN);
	text[EXPR_MAX_LEN] = 0;
	assert_int_equal(expr_eval(&f->env, "1", &v, err, sizeof err), 0);
	assert_int_equal(expr_eval(&f->env, text, &v, err, sizeof err), -1);
	assert_string_equal(err, "number too large at column 1"); /* long, but not too long */
	text[EXPR_MAX_LEN] = '1';
	text[EXPR_MAX_LEN + 1] = 0;
	assert_int_equal(expr_eval(&f->env, text, &v, err, sizeof err), -1);
	assert_string_equal(err, "expression too long (more than 512 characters)");

	memset(text, '(', 100);
	strcpy(text + 100, "1");
	assert_int_equal(expr_eval(&f->env, text, &v, err, sizeof err), -1);
	assert_string_equal(err, "expression nested too deeply at column 65");
	memset(text, '-', 100);
	assert_int_equal(expr_eval(&f->env, text, &v, err, sizeof err), -1);
	assert_string_equal(err, "expression nested too deeply at column 65");

	assert_int_equal(expr_eval(&f->env, NULL, &v, err, sizeof err), -1);
	assert_string_equal(err, "no expression");
	assert_int_equal(expr_eval(&f->env, "1 +", &v, NULL, 0), -1); /* no buffer: still safe */
	assert_int_equal(expr_eval(&f->env, "foo", &v, err, 8), -1);  /* truncated, terminated */
	assert_int_equal(strlen(err), 7);
}

static void test_without_a_machine(void **state)
{
	struct fixture *f = *state;
	struct expr_env none = { NULL, f->syms };
	char err[128];
	int64_t v;

	assert_int_equal(expr_eval(&none, "start + 1", &v, err, sizeof err), 0);
	assert_int_equal(v, 0x7c01);
	assert_int_equal(expr_eval(&none, "ax", &v, err, sizeof err), -1);
	assert_string_equal(err, "no machine to read 'ax' from at column 1");
	assert_int_equal(expr_eval(NULL, "2 * 21", &v, err, sizeof err), 0);
	assert_int_equal(v, 42);
}

/* Random text from the expression alphabet: errors or values, never a crash. */
static void test_random_input_never_crashes(void **state)
{
	static const char alphabet[] = "0123456789abcdefxhl:p[]()+-*/%&|^~<>=! axbxsiwordbyte\t.$@";
	struct fixture *f = *state;
	uint32_t seed = 12345;
	char text[48], err[160];
	struct mon_addr a;
	int64_t v;

	for (int round = 0; round < 20000; round++) {
		int n = (int)(seed % 40);
		for (int i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		text[n] = 0;
		seed = seed * 1103515245u + 12345u;
		if (expr_eval(&f->env, text, &v, err, sizeof err))
			assert_true(err[0] != 0);
		if (expr_address(&f->env, text, SEG_DS, &a, err, sizeof err))
			assert_true(err[0] != 0);
	}
}

struct address_case {
	const char *text;
	int defseg;
	enum mon_addr_kind kind;
	uint16_t seg;
	uint32_t off, lin, phys;
};

static const struct address_case address_cases[] = {
	{ "1000:0100", SEG_DS, ADDR_SEGOFF, 0x1000, 0x100, 0x10100, 0x10100 },
	{ "cs:ip", SEG_DS, ADDR_SEGOFF, 0x1000, 0x100, 0x10100, 0x10100 },
	{ "CS:IP", SEG_DS, ADDR_SEGOFF, 0x1000, 0x100, 0x10100, 0x10100 },
	{ "ds:si+2", SEG_DS, ADDR_SEGOFF, 0x2000, 0x22, 0x20022, 0x20022 },
	{ "ds:si+10", SEG_DS, ADDR_SEGOFF, 0x2000, 0x30, 0x20030, 0x20030 }, /* hex */
	{ "es:di", SEG_DS, ADDR_SEGOFF, 0x3000, 0x30, 0x30030, 0x30030 },
	{ "ss:bp-2", SEG_DS, ADDR_SEGOFF, 0x4000, 0xffee, 0x4ffee, 0x4ffee },
	{ "b800:0", SEG_DS, ADDR_SEGOFF, 0xb800, 0, 0xb8000, 0xb8000 },
	{ "0:7c00", SEG_DS, ADDR_SEGOFF, 0, 0x7c00, 0x7c00, 0x7c00 },
	{ " 1000 : 0100 ", SEG_DS, ADDR_SEGOFF, 0x1000, 0x100, 0x10100, 0x10100 },
	{ "2000:word[ds:si]", SEG_DS, ADDR_SEGOFF, 0x2000, 0x2211, 0x22211, 0x22211 },
	{ "0x200", SEG_CS, ADDR_SEGOFF, 0x1000, 0x200, 0x10200, 0x10200 },
	{ "si", SEG_DS, ADDR_SEGOFF, 0x2000, 0x20, 0x20020, 0x20020 },
	{ "bp - 2", SEG_SS, ADDR_SEGOFF, 0x4000, 0xffee, 0x4ffee, 0x4ffee },
	{ "l:0x7c00", SEG_DS, ADDR_LINEAR, 0x07c0, 0, 0x7c00, 0x7c00 },
	{ "l:0x20024", SEG_DS, ADDR_LINEAR, 0x2000, 0x24, 0x20024, 0x20024 },
	{ "L:7c00h", SEG_DS, ADDR_LINEAR, 0x07c0, 0, 0x7c00, 0x7c00 },
	{ "p:0x10100", SEG_DS, ADDR_PHYS, 0, 0, 0x10100, 0x10100 },
	{ "start", SEG_DS, ADDR_LINEAR, 0x07c0, 0, 0x7c00, 0x7c00 },
	{ "start+2", SEG_CS, ADDR_LINEAR, 0x07c0, 2, 0x7c02, 0x7c02 },
	{ "buf", SEG_DS, ADDR_LINEAR, 0x2000, 0x20, 0x20020, 0x20020 },
	{ "ffff:0010", SEG_DS, ADDR_SEGOFF, 0xffff, 0x10, 0x100000, 0x100000 },
};

static void test_addresses(void **state)
{
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof address_cases / sizeof address_cases[0]; i++) {
		const struct address_case *k = &address_cases[i];
		struct mon_addr a;
		char err[160] = "";
		if (expr_address(&f->env, k->text, k->defseg, &a, err, sizeof err))
			fail_msg("'%s': unexpected error: %s", k->text, err);
		if (a.kind != k->kind || a.seg != k->seg || a.off != k->off || a.lin != k->lin ||
		    !a.phys_valid || a.phys != k->phys)
			fail_msg("'%s': kind %d %04x:%x lin %#x phys %#x, expected kind %d %04x:%x "
			         "lin %#x phys %#x",
			         k->text, a.kind, a.seg, a.off, a.lin, a.phys, k->kind, k->seg,
			         k->off, k->lin, k->phys);
	}
}

static const struct error_case address_errors[] = {
	{ "", "expected an address at column 1" },
	{ "12345:0", "segment 0x12345 is out of range (0 to 0xffff) at column 1" },
	{ "1000:", "expected a value at column 6" },
	{ ":100", "expected a value at column 1" },
	{ "1000:zz", "bad number 'zz' at column 6" },
	{ "ds:0-1", "offset -0x1 is out of range (0 to 0xffffffff) at column 4" },
	{ "l:", "expected a value at column 3" },
	{ "l:7c00", "'7c00' is not a decimal number at column 3 (write 0x7c00 or 7c00h for hex)" },
	{ "p:0x100000000",
	  "physical address 0x100000000 is out of range (0 to 0xffffffff) at column 3" },
	{ "nowhere", "unknown register or symbol 'nowhere' at column 1" },
	{ "1000:0100 junk", "unexpected 'junk' at column 11" },
};

static void test_address_errors(void **state)
{
	struct fixture *f = *state;

	for (size_t i = 0; i < sizeof address_errors / sizeof address_errors[0]; i++) {
		const struct error_case *k = &address_errors[i];
		struct mon_addr a = { .lin = 99 };
		char err[160] = "";
		if (expr_address(&f->env, k->text, SEG_DS, &a, err, sizeof err) != -1)
			fail_msg("'%s': expected an error", k->text);
		if (strcmp(err, k->message))
			fail_msg("'%s': message \"%s\", expected \"%s\"", k->text, err, k->message);
		assert_int_equal(a.lin, 99);
	}
}

/* FFFF:0010 is linear 0x100000: A20 decides where it lands. */
static void test_a20_and_address_lines(void **state)
{
	struct fixture *f = *state;
	struct mon_addr a;
	char err[128];
	struct rig *r86 = rig_new(CPU_8086);
	struct expr_env env86 = { &r86->cpu, NULL };

	mem_set_a20(&f->rig->mem, false);
	assert_int_equal(expr_address(&f->env, "ffff:0010", SEG_DS, &a, err, sizeof err), 0);
	assert_int_equal(a.lin, 0x100000);
	assert_int_equal(a.phys, 0);
	mem_set_a20(&f->rig->mem, true);

	assert_int_equal(expr_address(&env86, "ffff:0010", SEG_DS, &a, err, sizeof err), 0);
	assert_int_equal(a.lin, 0x100000);
	assert_int_equal(a.phys, 0); /* 20 address lines */
	rig_free(r86);
}

static void test_protected_mode_needs_a_register_or_linear(void **state)
{
	struct fixture *f = *state;
	struct mon_addr a;
	char err[160];

	f->rig->cpu.cr0 |= CR0_PE;
	assert_int_equal(expr_address(&f->env, "1000:0100", SEG_DS, &a, err, sizeof err), -1);
	assert_string_equal(err, "a numeric segment is a real-mode paragraph (column 1); in "
	                         "protected mode write a segment register, l: or p:");
	assert_int_equal(expr_address(&f->env, "ds:10", SEG_DS, &a, err, sizeof err), 0);
	assert_int_equal(a.lin, 0x20010); /* the cached base */
	f->rig->cpu.cr0 &= ~(uint32_t)CR0_PE;
}

static void test_addresses_without_a_machine(void **state)
{
	struct fixture *f = *state;
	struct expr_env none = { NULL, f->syms };
	struct mon_addr a;
	char err[160];

	assert_int_equal(expr_address(&none, "1000:0100", SEG_DS, &a, err, sizeof err), 0);
	assert_int_equal(a.lin, 0x10100);
	assert_false(a.phys_valid);
	assert_int_equal(expr_address(&none, "p:0x500", SEG_DS, &a, err, sizeof err), 0);
	assert_true(a.phys_valid);
	assert_int_equal(expr_address(&none, "start", SEG_DS, &a, err, sizeof err), 0);
	assert_int_equal(a.lin, 0x7c00);
	assert_int_equal(expr_address(&none, "0x100", SEG_DS, &a, err, sizeof err), -1);
	assert_string_equal(err, "no machine: an offset needs a segment (column 1); write SEG:OFF, "
	                         "l: or p:");
	assert_int_equal(expr_address(&f->env, "1", 42, &a, err, sizeof err), -1);
	assert_string_equal(err, "no such default segment (42)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_without_a_machine, setup, teardown),
		cmocka_unit_test_setup_teardown(test_random_input_never_crashes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_addresses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_address_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a20_and_address_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_protected_mode_needs_a_register_or_linear,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_addresses_without_a_machine, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
