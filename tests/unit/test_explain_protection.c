/*
 * tests/unit/test_explain_protection.c — the verdicts of `explain` in
 * protected mode (explain_protection.c) on descriptors built here, against
 * the SDM's rules: each case names the rule and the fault with the error
 * code the SDM gives (Vol. 3, 5.5-5.8, 6.12, and 6.13 for error codes:
 * selector index with TI, or vector * 8 + 2 for an IDT entry), and what
 * IOPL and the I/O permission bitmap decide (explain_iopl.c).
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

#define GDT_LIN 0x20000
#define IDT_LIN 0x21000

/* Access bytes (SDM Vol. 3, Figure 3-8 and Table 3-1). */
enum {
	CODE_DPL0 = 0x9a,
	CODE_DPL3 = 0xfa,
	DATA_DPL0 = 0x92,
	DATA_DPL0_ABSENT = 0x12,
	DATA_DOWN_DPL0 = 0x96,
	INTR_GATE32_DPL0 = 0x8e,
	INTR_GATE32_ABSENT = 0x0e,
};

static void put_desc(struct rig *r, uint32_t table, int index, uint32_t base, uint32_t limit,
                     uint8_t access)
{
	uint8_t d[8] = { (uint8_t)limit,
		         (uint8_t)(limit >> 8),
		         (uint8_t)base,
		         (uint8_t)(base >> 8),
		         (uint8_t)(base >> 16),
		         access,
		         (uint8_t)((limit >> 16) & 0xf),
		         (uint8_t)(base >> 24) };

	mem_poke(&r->mem, table + (uint32_t)index * 8, d, 8);
}

static void put_gate(struct rig *r, int vector, uint16_t sel, uint32_t off, uint8_t access)
{
	uint8_t d[8] = {
		(uint8_t)off, (uint8_t)(off >> 8),  (uint8_t)sel,        (uint8_t)(sel >> 8), 0,
		access,       (uint8_t)(off >> 16), (uint8_t)(off >> 24)
	};

	mem_poke(&r->mem, IDT_LIN + (uint32_t)vector * 8, d, 8);
}

/* A 386 in protected mode at CPL 'cpl', running 'code' at 0008:0100 (or
 * 001B:0100 at CPL 3), with this GDT: 08 code DPL 0, 10 data DPL 0, 18 data
 * not present, 20 expand-down data with limit 0FFF, 28 code DPL 3; and IDT
 * gates 0B (not present) and 0D (DPL 0). */
static struct rig *protected_rig(int cpl, const void *code, size_t len)
{
	struct rig *r = rig_new(CPU_386);

	assert_non_null(r);
	rig_load(r, code, len);
	put_desc(r, GDT_LIN, 1, 0x10000, 0xffff, CODE_DPL0);
	put_desc(r, GDT_LIN, 2, 0x10000, 0xffff, DATA_DPL0);
	put_desc(r, GDT_LIN, 3, 0x10000, 0xffff, DATA_DPL0_ABSENT);
	put_desc(r, GDT_LIN, 4, 0x30000, 0x0fff, DATA_DOWN_DPL0);
	put_desc(r, GDT_LIN, 5, 0x10000, 0xffff, CODE_DPL3);
	put_gate(r, 0x0b, 0x08, 0x200, INTR_GATE32_ABSENT);
	put_gate(r, 0x0d, 0x08, 0x200, INTR_GATE32_DPL0);
	r->cpu.gdtr = (struct dtr){ GDT_LIN, 6 * 8 - 1 };
	r->cpu.idtr = (struct dtr){ IDT_LIN, 0x0e * 8 - 1 };
	r->cpu.cr0 |= CR0_PE;
	r->cpu.seg[SEG_CS] = (struct segcache){ cpl ? 0x2b : 0x08, 0x10000, 0xffff,
		                                cpl ? CODE_DPL3 : CODE_DPL0, false };
	r->cpu.seg[SEG_SS] = (struct segcache){ 0x10, 0x10000, 0xffff, DATA_DPL0, false };
	r->cpu.seg[SEG_ES] = (struct segcache){ 0x20, 0x30000, 0x0fff, DATA_DOWN_DPL0, false };
	return r;
}

static char *explain(struct rig *r)
{
	struct cpu_insn_info info;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	cpu_inspect(&r->cpu, r->cpu.seg[SEG_CS].sel, r->cpu.seg[SEG_CS].base, r->cpu.eip, &info);
	explain_print(f, &r->cpu, &info, false);
	fclose(f);
	return text;
}

static void expect(struct rig *r, const char *want)
{
	char *text = explain(r);

	if (!strstr(text, want))
		fail_msg("\"%s\" not found in:\n%s", want, text);
	free(text);
	rig_free(r);
}

static const uint8_t mov_ds_ax[] = { 0x8e, 0xd8 };
static const uint8_t mov_ss_ax[] = { 0x8e, 0xd0 };

/* 5.6: data segment loads need max(CPL, RPL) <= DPL, else #GP(selector). */
static void test_cpl3_loading_dpl0_data_is_gp(void **state)
{
	struct rig *r = protected_rig(3, mov_ds_ax, sizeof mov_ds_ax);

	(void)state;
	r->cpu.reg[REG_AX] = 0x10;
	expect(r, "result        #GP(0x0010)");
}

/* The same at CPL 0 loads DS. */
static void test_cpl0_loading_dpl0_data_loads(void **state)
{
	struct rig *r = protected_rig(0, mov_ds_ax, sizeof mov_ds_ax);

	(void)state;
	r->cpu.reg[REG_AX] = 0x10;
	expect(r, "result        DS is loaded");
}

/* RPL 3 in the selector is enough to fail at CPL 0 (max(CPL, RPL)). */
static void test_rpl3_selector_is_gp_at_cpl0(void **state)
{
	struct rig *r = protected_rig(0, mov_ds_ax, sizeof mov_ds_ax);

	(void)state;
	r->cpu.reg[REG_AX] = 0x13;
	expect(r, "result        #GP(0x0010)");
}

/* MOV SS: a not-present (but otherwise valid) stack segment is #SS(selector). */
static void test_ss_not_present_is_ss_fault(void **state)
{
	struct rig *r = protected_rig(0, mov_ss_ax, sizeof mov_ss_ax);

	(void)state;
	r->cpu.reg[REG_AX] = 0x18;
	expect(r, "result        #SS(0x0018)");
}

/* MOV SS with a code segment: not a writable data segment, #GP(selector). */
static void test_ss_with_code_is_gp(void **state)
{
	struct rig *r = protected_rig(0, mov_ss_ax, sizeof mov_ss_ax);

	(void)state;
	r->cpu.reg[REG_AX] = 0x08;
	expect(r, "result        #GP(0x0008)");
}

/* 6.12.1.1: INT n through a gate whose DPL is below CPL: #GP(vector*8+2). */
static void test_int_through_dpl0_gate_at_cpl3_is_gp(void **state)
{
	static const uint8_t code[] = { 0xcd, 0x0d };
	struct rig *r = protected_rig(3, code, sizeof code);

	(void)state;
	expect(r, "result        #GP(0x006A)");
}

/* 6.13: a not-present gate is #NP with the IDT flag in the error code. */
static void test_int_through_absent_gate_is_np(void **state)
{
	static const uint8_t code[] = { 0xcd, 0x0b };
	struct rig *r = protected_rig(0, code, sizeof code);

	(void)state;
	expect(r, "result        #NP(0x005A)");
}

/* INT n past the IDT limit: #GP(vector*8+2). */
static void test_int_past_idt_limit_is_gp(void **state)
{
	static const uint8_t code[] = { 0xcd, 0x21 };
	struct rig *r = protected_rig(0, code, sizeof code);

	(void)state;
	expect(r, "result        #GP(0x010A)");
}

/* 5.3: an expand-down segment with limit 0FFF allows offsets 1000-FFFF. */
static void test_expand_down_below_limit_is_gp(void **state)
{
	static const uint8_t code[] = { 0x26, 0xa0, 0x10, 0x00 }; /* mov al, [es:0x10] */
	struct rig *r = protected_rig(0, code, sizeof code);

	(void)state;
	expect(r, "the access raises #GP(0)");
}

static void test_expand_down_above_limit_is_allowed(void **state)
{
	static const uint8_t code[] = { 0x26, 0xa0, 0x00, 0x20 }; /* mov al, [es:0x2000] */
	struct rig *r = protected_rig(0, code, sizeof code);

	(void)state;
	expect(r, "is inside: allowed");
}

/* A stack access past SS's limit is #SS(0), not #GP(0). */
static void test_stack_operand_past_limit_is_ss(void **state)
{
	static const uint8_t code[] = { 0x8b, 0x46, 0x00 }; /* mov ax, [bp+0] */
	struct rig *r = protected_rig(0, code, sizeof code);

	(void)state;
	r->cpu.seg[SEG_SS].limit = 0x7fff;
	r->cpu.reg[REG_BP] = 0x8000;
	expect(r, "the access raises #SS(0)");
}

/* 5.8.1: a far JMP to nonconforming code needs DPL == CPL. */
static void test_far_jmp_to_dpl3_code_at_cpl0_is_gp(void **state)
{
	static const uint8_t code[] = { 0xea, 0x00, 0x00, 0x28, 0x00 }; /* jmp 0x28:0 */
	struct rig *r = protected_rig(0, code, sizeof code);

	(void)state;
	expect(r, "result        #GP(0x0028)");
}

/* A 32-bit TSS at 0x22000 whose I/O permission bitmap (at 0x68) covers
 * ports 0-3FF; port 'denied' has its bit set (SDM Vol. 1, 18.5.2). */
static void load_tss_with_bitmap(struct rig *r, uint16_t denied)
{
	uint8_t map_base[2] = { 0x68, 0 }, bit = (uint8_t)(1u << (denied & 7));

	mem_poke(&r->mem, 0x22000 + 0x66, map_base, 2);
	mem_poke(&r->mem, 0x22000 + 0x68 + denied / 8, &bit, 1);
	r->cpu.tr = (struct segcache){ 0x30, 0x22000, 0x68 + 0x80, 0x89, false };
}

static const uint8_t out_dx_al[] = { 0xee };

/* CPL 3 > IOPL 0: the bitmap decides; a clear bit allows the port. */
static void test_io_above_iopl_with_clear_bit_is_allowed(void **state)
{
	struct rig *r = protected_rig(3, out_dx_al, sizeof out_dx_al);

	(void)state;
	load_tss_with_bitmap(r, 0x3f9);
	r->cpu.reg[REG_DX] = 0x3f8;
	expect(r, "result        the access is allowed");
}

static void test_io_above_iopl_with_set_bit_is_gp(void **state)
{
	struct rig *r = protected_rig(3, out_dx_al, sizeof out_dx_al);

	(void)state;
	load_tss_with_bitmap(r, 0x3f8);
	r->cpu.reg[REG_DX] = 0x3f8;
	expect(r, "result        #GP(0)");
}

/* CLI at CPL 3 with IOPL 0: #GP(0) (SDM Vol. 2, CLI). */
static void test_cli_above_iopl_is_gp(void **state)
{
	static const uint8_t cli[] = { 0xfa };
	struct rig *r = protected_rig(3, cli, sizeof cli);

	(void)state;
	expect(r, "CPL 3 <= IOPL 0: #GP(0)");
}

/* Virtual-8086 mode: INT n with IOPL < 3 is #GP(0) (SDM Vol. 3, 20.2.7). */
static void test_v86_int_below_iopl3_is_gp(void **state)
{
	static const uint8_t code[] = { 0xcd, 0x21 };
	struct rig *r = protected_rig(0, code, sizeof code);

	(void)state;
	r->cpu.eflags |= FLAG_VM;
	expect(r, "IOPL 0 < 3: #GP(0)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpl3_loading_dpl0_data_is_gp),
		cmocka_unit_test(test_cpl0_loading_dpl0_data_loads),
		cmocka_unit_test(test_rpl3_selector_is_gp_at_cpl0),
		cmocka_unit_test(test_ss_not_present_is_ss_fault),
		cmocka_unit_test(test_ss_with_code_is_gp),
		cmocka_unit_test(test_int_through_dpl0_gate_at_cpl3_is_gp),
		cmocka_unit_test(test_int_through_absent_gate_is_np),
		cmocka_unit_test(test_int_past_idt_limit_is_gp),
		cmocka_unit_test(test_expand_down_below_limit_is_gp),
		cmocka_unit_test(test_expand_down_above_limit_is_allowed),
		cmocka_unit_test(test_stack_operand_past_limit_is_ss),
		cmocka_unit_test(test_far_jmp_to_dpl3_code_at_cpl0_is_gp),
		cmocka_unit_test(test_io_above_iopl_with_clear_bit_is_allowed),
		cmocka_unit_test(test_io_above_iopl_with_set_bit_is_gp),
		cmocka_unit_test(test_cli_above_iopl_is_gp),
		cmocka_unit_test(test_v86_int_below_iopl3_is_gp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
