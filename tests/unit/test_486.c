/*
 * tests/unit/test_486.c — what the 486 model adds to the 386: XADD,
 * CMPXCHG, BSWAP and CPUID (SDM Vol. 2 per instruction), the EFLAGS.AC bit
 * a 386 cannot set, and the alignment check (SDM Vol. 3, 6.15, interrupt
 * 17: CR0.AM, EFLAGS.AC, CPL 3, a misaligned data access, error code 0).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cpu.h"
#include "rig.h"

#define DATA (RIG_CS * 16) /* DS:0 */

static struct rig *rig486(void)
{
	struct rig *r = rig_new(CPU_486);

	assert_non_null(r);
	rig_load(r, "", 0);
	return r;
}

/* XADD: TEMP = SRC + DEST; SRC = DEST; DEST = TEMP; flags as ADD. */
static void test_xadd(void **state)
{
	static const uint8_t xadd_eax_ebx[] = { 0x66, 0x0f, 0xc1, 0xd8 };
	static const uint8_t xadd_mem_ax[] = { 0x0f, 0xc1, 0x06, 0x00, 0x00 };
	struct rig *r = rig486();

	(void)state;
	r->cpu.reg[REG_AX] = 0xffffffffu;
	r->cpu.reg[REG_BX] = 2;
	assert_int_equal(rig_run_one(r, xadd_eax_ebx, sizeof xadd_eax_ebx), -1);
	assert_int_equal(r->cpu.reg[REG_AX], 1);
	assert_int_equal(r->cpu.reg[REG_BX], 0xffffffffu);
	assert_true(cpu_flags(&r->cpu) & FLAG_CF);
	rig_poke16(r, DATA, 5);
	r->cpu.reg[REG_AX] = 7;
	assert_int_equal(rig_run_one(r, xadd_mem_ax, sizeof xadd_mem_ax), -1);
	assert_int_equal(rig_peek16(r, DATA), 12);
	assert_int_equal(r->cpu.reg[REG_AX], 5);
	rig_free(r);
}

/* CMPXCHG: equal, the source goes to memory and ZF=1; not equal, memory
 * goes to the accumulator and ZF=0. */
static void test_cmpxchg(void **state)
{
	static const uint8_t cmpxchg_mem_cx[] = { 0x0f, 0xb1, 0x0e, 0x00, 0x00 };
	struct rig *r = rig486();

	(void)state;
	rig_poke16(r, DATA, 5);
	r->cpu.reg[REG_AX] = 5;
	r->cpu.reg[REG_CX] = 9;
	assert_int_equal(rig_run_one(r, cmpxchg_mem_cx, sizeof cmpxchg_mem_cx), -1);
	assert_int_equal(rig_peek16(r, DATA), 9);
	assert_true(cpu_flags(&r->cpu) & FLAG_ZF);
	assert_int_equal(rig_run_one(r, cmpxchg_mem_cx, sizeof cmpxchg_mem_cx), -1);
	assert_int_equal(r->cpu.reg[REG_AX], 9);
	assert_int_equal(rig_peek16(r, DATA), 9);
	assert_false(cpu_flags(&r->cpu) & FLAG_ZF);
	assert_true(cpu_flags(&r->cpu) & FLAG_CF); /* 5 - 9 borrows */
	rig_free(r);
}

static void test_bswap_and_cpuid(void **state)
{
	static const uint8_t bswap_eax[] = { 0x66, 0x0f, 0xc8 }, cpuid[] = { 0x0f, 0xa2 };
	struct rig *r = rig486();

	(void)state;
	r->cpu.reg[REG_AX] = 0x12345678;
	assert_int_equal(rig_run_one(r, bswap_eax, sizeof bswap_eax), -1);
	assert_int_equal(r->cpu.reg[REG_AX], 0x78563412);
	r->cpu.reg[REG_AX] = 0;
	assert_int_equal(rig_run_one(r, cpuid, sizeof cpuid), -1);
	assert_int_equal(r->cpu.reg[REG_AX], 1);
	assert_memory_equal(&r->cpu.reg[REG_BX], "Genu", 4);
	assert_memory_equal(&r->cpu.reg[REG_DX], "ineI", 4);
	assert_memory_equal(&r->cpu.reg[REG_CX], "ntel", 4);
	r->cpu.reg[REG_AX] = 1;
	assert_int_equal(rig_run_one(r, cpuid, sizeof cpuid), -1);
	assert_int_equal((r->cpu.reg[REG_AX] >> 8) & 0xf, 4); /* family 4 */
	rig_free(r);

	r = rig_new(CPU_386);
	rig_load(r, "", 0);
	assert_int_equal(rig_run_one(r, cpuid, sizeof cpuid), EXC_UD);
	rig_free(r);
}

/* POPFD with AC set: the 486 keeps it, the 386 cannot (the classic test). */
static void test_ac_flag_settable_on_486_only(void **state)
{
	static const uint8_t popfd[] = { 0x66, 0x9d };

	(void)state;
	for (enum cpu_model m = CPU_386; m <= CPU_486; m++) {
		struct rig *r = rig_new(m);
		rig_load(r, "", 0);
		r->cpu.reg[REG_SP] = 0xfff0;
		rig_poke16(r, DATA + 0xfff0, 0x0002);
		rig_poke16(r, DATA + 0xfff2, 0x0004); /* bit 18 */
		assert_int_equal(rig_run_one(r, popfd, sizeof popfd), -1);
		assert_int_equal((cpu_flags(&r->cpu) & FLAG_AC) != 0, m == CPU_486);
		rig_free(r);
	}
}

/* #AC needs all of CR0.AM, EFLAGS.AC, CPL 3 and a misaligned address; it
 * pushes an error code of 0 on the ring-0 stack. */
static void test_alignment_check(void **state)
{
	static const uint8_t read_odd[] = { 0xa1, 0x01, 0x00 }, read_even[] = { 0xa1, 0x02, 0x00 };
	struct rig *r = rig486();

	(void)state;
	rig_ring0_handler(r, EXC_AC);
	r->cpu.cr0 = CR0_PE | CR0_AM;
	r->cpu.eflags |= FLAG_AC;
	r->cpu.seg[SEG_CS].sel |= 3;
	struct segcache user_cs = r->cpu.seg[SEG_CS];
	assert_int_equal(rig_run_one(r, read_odd, sizeof read_odd), EXC_AC);
	assert_int_equal(r->cpu.seg[SEG_CS].sel, 0x08); /* delivered: in the handler */
	assert_int_equal(r->cpu.eip, RIG_HANDLER);
	assert_int_equal(r->cpu.reg[REG_SP], 0xfff0 - 24); /* error, EIP, CS, EFLAGS, ESP, SS */
	assert_int_equal(rig_peek16(r, RIG_STACK0 + 0xfff0 - 24), 0);      /* the error code */
	assert_int_equal(rig_peek16(r, RIG_STACK0 + 0xfff0 - 20), RIG_IP); /* the faulting EIP */
	r->cpu.seg[SEG_CS] = user_cs; /* back to CPL 3 for the cases below */
	r->cpu.seg[SEG_SS] = r->cpu.seg[SEG_DS];
	r->cpu.reg[REG_SP] = 0xfffe;
	assert_int_equal(rig_run_one(r, read_even, sizeof read_even), -1);
	r->cpu.seg[SEG_CS].sel &= (uint16_t)~3;
	assert_int_equal(rig_run_one(r, read_odd, sizeof read_odd), -1); /* CPL 0 */
	r->cpu.seg[SEG_CS].sel |= 3;
	r->cpu.cr0 = CR0_PE;
	assert_int_equal(rig_run_one(r, read_odd, sizeof read_odd), -1); /* AM clear */
	r->cpu.cr0 = CR0_PE | CR0_AM;
	r->cpu.eflags &= ~(uint32_t)FLAG_AC;
	assert_int_equal(rig_run_one(r, read_odd, sizeof read_odd), -1); /* AC clear */
	rig_free(r);
}

/* IRETD from ring 0 to virtual-8086 mode loads the whole EFLAGS image (SDM:
 * IRET, "return to virtual-8086 mode"): on the 486 that includes AC. */
static void test_iret_to_v86_keeps_ac(void **state)
{
	static const uint8_t iretd[] = { 0x66, 0xcf };
	static const uint32_t frame[9] = {
		0x0100, 0x2000, FLAG_VM | FLAG_AC | 2, 0xfffe, 0x2000, 0x2000, 0x2000,
		0x2000, 0x2000
	}; /* EIP CS EFLAGS ESP SS ES DS FS GS */
	struct rig *r = rig486();

	(void)state;
	rig_ring0_handler(r, EXC_GP);
	r->cpu.cr0 = CR0_PE;
	r->cpu.seg[SEG_CS].sel = 0x08; /* ring 0 */
	r->cpu.reg[REG_SP] = 0xff00;
	for (int i = 0; i < 9; i++)
		rig_poke32(r, DATA + 0xff00 + 4u * (uint32_t)i, frame[i]);
	assert_int_equal(rig_run_one(r, iretd, sizeof iretd), -1);
	assert_true(cpu_flags(&r->cpu) & FLAG_VM);
	assert_true(cpu_flags(&r->cpu) & FLAG_AC);
	assert_int_equal(r->cpu.seg[SEG_CS].base, 0x20000);
	rig_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xadd),
		cmocka_unit_test(test_cmpxchg),
		cmocka_unit_test(test_bswap_and_cpuid),
		cmocka_unit_test(test_ac_flag_settable_on_486_only),
		cmocka_unit_test(test_alignment_check),
		cmocka_unit_test(test_iret_to_v86_keeps_ac),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
