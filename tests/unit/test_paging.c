/*
 * tests/unit/test_paging.c — the paging unit: two-level translation, #PF
 * with its error code and CR2, the U/S and R/W rights (386 and 486 with
 * CR0.WP), the accessed and dirty bits, the TLB (stale entries until a CR3
 * load or INVLPG), page-crossing accesses and the decoded-instruction cache
 * under a changing mapping. The CPU is put in protected mode with paging by
 * writing its registers; expected values come from the SDM, Vol. 3 chapter 4
 * (4.3 translation, 4.6 rights, 4.7 #PF error code, 4.8 A/D bits, 4.10 TLB)
 * and the 80386 Programmer's Reference chapter 5.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "cpu.h"
#include "debug.h"
#include "pagewalk.h"
#include "rig.h"

#define PD      0x100000u /* page directory */
#define PT_LOW  0x101000u /* identity map of linear 0-2 MiB (PDE 0) */
#define PT_TEST 0x102000u /* linear 4 MiB onwards (PDE 1): the pages under test */
#define LIN     0x400000u
#define FRAME_A 0x050000u
#define FRAME_B 0x051000u
#define FRAME_C 0x052000u
#define FRAME_D 0x053000u
#define CODE    (RIG_CS * 16 + RIG_IP) /* the rig's code, identity mapped */

static uint32_t peek32(struct rig *r, uint32_t phys)
{
	uint8_t b[4];

	mem_peek(&r->mem, phys, b, 4);
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static void poke32(struct rig *r, uint32_t phys, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };

	mem_poke(&r->mem, phys, b, 4);
}

static uint32_t pte_at(unsigned index)
{
	return PT_TEST + 4 * index;
}

/* Protected mode with paging, CPL 0, the rig's real-mode-shaped segment
 * caches; linear 0-2 MiB mapped to itself for user and supervisor, the test
 * pages at LIN left not present. DS points at LIN. */
static struct rig *paged_rig(enum cpu_model m)
{
	struct rig *r = rig_new(m);

	assert_non_null(r);
	rig_load(r, "", 0);
	for (unsigned i = 0; i < 512; i++)
		poke32(r, PT_LOW + 4 * i, i << 12 | PTE_P | PTE_RW | PTE_US);
	poke32(r, PD, PT_LOW | PTE_P | PTE_RW | PTE_US);
	poke32(r, PD + 4, PT_TEST | PTE_P | PTE_RW | PTE_US);
	r->cpu.cr3 = PD;
	r->cpu.cr0 = CR0_PE | CR0_PG;
	tlb_flush(&r->cpu.tlb);
	r->cpu.seg[SEG_DS].base = LIN;
	return r;
}

static void set_cpl(struct rig *r, int cpl)
{
	r->cpu.seg[SEG_CS].sel = (uint16_t)((r->cpu.seg[SEG_CS].sel & ~3) | cpl);
}

/* The error code of the first exception of the last rig_run_one(). */
static uint32_t first_error(const struct rig *r)
{
	return r->cpu.fault_chain[0].error;
}

static const uint8_t read_ax[] = { 0xa1, 0x00, 0x00 };                   /* mov ax,[0] */
static const uint8_t write_bx[] = { 0x89, 0x1e, 0x00, 0x00 };            /* mov [0],bx */
static const uint8_t load_cr3[] = { 0x0f, 0x22, 0xd8 };                  /* mov cr3,eax */
static const uint8_t invlpg_0[] = { 0x0f, 0x01, 0x3e, 0x00, 0x00 };      /* invlpg [0] */
static const uint8_t read_eax_ffe[] = { 0x66, 0xa1, 0xfe, 0x0f };        /* mov eax,[0ffeh] */
static const uint8_t write_ebx_ffe[] = { 0x66, 0x89, 0x1e, 0xfe, 0x0f }; /* mov [0ffeh],ebx */

static void expect_pf(struct rig *r, int vector, uint32_t error, uint32_t cr2)
{
	assert_int_equal(vector, EXC_PF);
	assert_int_equal(first_error(r), error);
	assert_int_equal(r->cpu.cr2, cr2);
}

/* SDM 4.3: CR3 -> PDE (bits 31:22) -> PTE (bits 21:12) -> frame + offset. */
static void test_translation_through_both_levels(void **state)
{
	struct rig *r = paged_rig(CPU_386);
	uint32_t phys;

	(void)state;
	poke32(r, pte_at(0), FRAME_A | PTE_P | PTE_RW);
	poke32(r, FRAME_A, 0x1234);
	assert_int_equal(rig_run_one(r, read_ax, sizeof read_ax), -1);
	assert_int_equal(r->cpu.reg[REG_AX] & 0xffff, 0x1234);
	r->cpu.reg[REG_BX] = 0xbeef;
	assert_int_equal(rig_run_one(r, write_bx, sizeof write_bx), -1);
	assert_int_equal(peek32(r, FRAME_A), 0xbeef);
	assert_true(cpu_linear_to_phys(&r->cpu, LIN + 0x123, &phys));
	assert_int_equal(phys, FRAME_A + 0x123);
	rig_free(r);
}

/* SDM 4.7: P=0 for a not-present entry at either level; W/R and U/S say
 * what the access was; CR2 holds the linear address. */
static void test_not_present_pde_and_pte_fault(void **state)
{
	struct rig *r = paged_rig(CPU_386);

	(void)state;
	r->cpu.seg[SEG_DS].base = 0x800000; /* PDE 2: not present */
	expect_pf(r, rig_run_one(r, read_ax, sizeof read_ax), 0, 0x800000);
	set_cpl(r, 3);
	expect_pf(r, rig_run_one(r, write_bx, sizeof write_bx), PF_WRITE | PF_USER, 0x800000);
	r->cpu.seg[SEG_DS].base = LIN + 0x1000; /* PTE 1: not present */
	expect_pf(r, rig_run_one(r, read_ax, sizeof read_ax), PF_USER, LIN + 0x1000);
	set_cpl(r, 0);
	expect_pf(r, rig_run_one(r, write_bx, sizeof write_bx), PF_WRITE, LIN + 0x1000);
	rig_free(r);
}

/* 386 manual 6.4.1.2, SDM 4.6: a user write to a read-only page faults; a
 * supervisor write succeeds on the 386 and on the 486 without CR0.WP, and
 * faults on the 486 with WP. */
static void test_write_protect(void **state)
{
	static const enum cpu_model models[] = { CPU_386, CPU_486 };

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct rig *r = paged_rig(models[i]);
		poke32(r, pte_at(0), FRAME_A | PTE_P | PTE_US);
		poke32(r, FRAME_A, 0x1111);
		r->cpu.reg[REG_BX] = 0x2222;
		set_cpl(r, 3);
		assert_int_equal(rig_run_one(r, read_ax, sizeof read_ax), -1);
		expect_pf(r, rig_run_one(r, write_bx, sizeof write_bx),
		          PF_PRESENT | PF_WRITE | PF_USER, LIN);
		assert_int_equal(peek32(r, FRAME_A), 0x1111);
		set_cpl(r, 0);
		assert_int_equal(rig_run_one(r, write_bx, sizeof write_bx), -1);
		assert_int_equal(peek32(r, FRAME_A), 0x2222);
		rig_free(r);
	}
	struct rig *r = paged_rig(CPU_486);
	poke32(r, pte_at(0), FRAME_A | PTE_P | PTE_US);
	poke32(r, FRAME_A, 0x1111);
	r->cpu.reg[REG_BX] = 0x2222;
	r->cpu.cr0 |= CR0_WP;
	expect_pf(r, rig_run_one(r, write_bx, sizeof write_bx), PF_PRESENT | PF_WRITE, LIN);
	assert_int_equal(peek32(r, FRAME_A), 0x1111);
	/* The rights are the AND of both levels: a read-only PDE protects a
	 * writable PTE (386 manual 6.4.1.3). */
	poke32(r, PD + 4, PT_TEST | PTE_P | PTE_US);
	poke32(r, pte_at(1), FRAME_B | PTE_P | PTE_RW | PTE_US);
	r->cpu.seg[SEG_DS].base = LIN + 0x1000;
	expect_pf(r, rig_run_one(r, write_bx, sizeof write_bx), PF_PRESENT | PF_WRITE,
	          LIN + 0x1000);
	rig_free(r);
}

/* SDM 4.6: a supervisor page (U/S=0 at either level) faults at CPL 3 with
 * P=1 and U/S=1; CPL 0 reads it. */
static void test_user_supervisor(void **state)
{
	struct rig *r = paged_rig(CPU_386);

	(void)state;
	poke32(r, pte_at(0), FRAME_A | PTE_P | PTE_RW);
	poke32(r, FRAME_A, 0x3333);
	assert_int_equal(rig_run_one(r, read_ax, sizeof read_ax), -1);
	set_cpl(r, 3);
	expect_pf(r, rig_run_one(r, read_ax, sizeof read_ax), PF_PRESENT | PF_USER, LIN);
	/* A user PTE under a supervisor PDE is a supervisor page. */
	poke32(r, PD + 4, PT_TEST | PTE_P | PTE_RW);
	poke32(r, pte_at(1), FRAME_B | PTE_P | PTE_RW | PTE_US);
	r->cpu.seg[SEG_DS].base = LIN + 0x1000;
	expect_pf(r, rig_run_one(r, read_ax, sizeof read_ax), PF_PRESENT | PF_USER, LIN + 0x1000);
	rig_free(r);
}

/* The CPU's own accesses to descriptor tables are supervisor accesses at any
 * CPL (SDM 4.6, "implicit supervisor-mode accesses"): LAR at CPL 3 reads a
 * GDT that lies in a supervisor-only page, where a data read of the same
 * page by the program faults. */
static void test_system_accesses_are_supervisor(void **state)
{
	static const uint8_t lar_ax_bx[] = { 0x0f, 0x02, 0xc3 };
	struct rig *r = paged_rig(CPU_386);

	(void)state;
	poke32(r, 0x13008, 0x0000ffff); /* GDT[1]: data, read/write, DPL 3 */
	poke32(r, 0x1300c, 0x00cff200);
	r->cpu.gdtr = (struct dtr){ 0x13000, 0x0f };
	poke32(r, PT_LOW + 4 * 0x13, 0x13000 | PTE_P | PTE_RW); /* supervisor only */
	set_cpl(r, 3);
	r->cpu.reg[REG_BX] = 0x0b;
	assert_int_equal(rig_run_one(r, lar_ax_bx, sizeof lar_ax_bx), -1);
	assert_true(cpu_flags(&r->cpu) & FLAG_ZF);
	assert_int_equal(r->cpu.reg[REG_AX] & 0xffff, 0xf200);
	r->cpu.seg[SEG_DS].base = 0x13000;
	expect_pf(r, rig_run_one(r, read_ax, sizeof read_ax), PF_PRESENT | PF_USER, 0x13000);
	rig_free(r);
}

/* SDM 4.8: A is set in the PDE and the PTE when a translation is used, D in
 * the PTE on the first write; reads leave D alone; a faulting write sets no
 * D. A TLB hit does not walk, so A cleared by software stays clear until
 * the translation is flushed and walked again. */
static void test_accessed_and_dirty_bits(void **state)
{
	struct rig *r = paged_rig(CPU_386);

	(void)state;
	poke32(r, pte_at(0), FRAME_A | PTE_P | PTE_RW);
	assert_false(peek32(r, PD + 4) & PTE_A);
	assert_int_equal(rig_run_one(r, read_ax, sizeof read_ax), -1);
	assert_true(peek32(r, PD + 4) & PTE_A);
	assert_int_equal(peek32(r, pte_at(0)), FRAME_A | PTE_P | PTE_RW | PTE_A);
	assert_int_equal(rig_run_one(r, write_bx, sizeof write_bx), -1);
	assert_int_equal(peek32(r, pte_at(0)), FRAME_A | PTE_P | PTE_RW | PTE_A | PTE_D);

	/* Software clears A and D: cached, the translation sets neither again. */
	poke32(r, pte_at(0), FRAME_A | PTE_P | PTE_RW);
	assert_int_equal(rig_run_one(r, read_ax, sizeof read_ax), -1);
	assert_int_equal(rig_run_one(r, write_bx, sizeof write_bx), -1);
	assert_int_equal(peek32(r, pte_at(0)), FRAME_A | PTE_P | PTE_RW);
	r->cpu.reg[REG_AX] = PD;
	assert_int_equal(rig_run_one(r, load_cr3, sizeof load_cr3), -1);
	assert_int_equal(rig_run_one(r, read_ax, sizeof read_ax), -1);
	assert_int_equal(peek32(r, pte_at(0)), FRAME_A | PTE_P | PTE_RW | PTE_A);

	/* A user write to a read-only page faults and leaves D clear. */
	poke32(r, pte_at(1), FRAME_B | PTE_P | PTE_US);
	r->cpu.seg[SEG_DS].base = LIN + 0x1000;
	set_cpl(r, 3);
	expect_pf(r, rig_run_one(r, write_bx, sizeof write_bx), PF_PRESENT | PF_WRITE | PF_USER,
	          LIN + 0x1000);
	assert_false(peek32(r, pte_at(1)) & PTE_D);
	rig_free(r);
}

/* SDM 4.10.4: a translation cached in the TLB survives a change of the page
 * table until CR3 is loaded. */
static void test_stale_tlb_entry_until_cr3_load(void **state)
{
	struct rig *r = paged_rig(CPU_386);

	(void)state;
	poke32(r, pte_at(0), FRAME_A | PTE_P | PTE_RW);
	poke32(r, FRAME_A, 0xaaaa);
	poke32(r, FRAME_B, 0xbbbb);
	assert_int_equal(rig_run_one(r, read_ax, sizeof read_ax), -1);
	assert_int_equal(r->cpu.reg[REG_AX] & 0xffff, 0xaaaa);
	poke32(r, pte_at(0), FRAME_B | PTE_P | PTE_RW);
	assert_int_equal(rig_run_one(r, read_ax, sizeof read_ax), -1);
	assert_int_equal(r->cpu.reg[REG_AX] & 0xffff, 0xaaaa); /* stale, as on the chip */
	r->cpu.reg[REG_AX] = PD;
	assert_int_equal(rig_run_one(r, load_cr3, sizeof load_cr3), -1);
	assert_int_equal(rig_run_one(r, read_ax, sizeof read_ax), -1);
	assert_int_equal(r->cpu.reg[REG_AX] & 0xffff, 0xbbbb);
	/* Not present after a flush: the stale entry is gone with it. */
	poke32(r, pte_at(0), 0);
	r->cpu.reg[REG_AX] = PD;
	assert_int_equal(rig_run_one(r, load_cr3, sizeof load_cr3), -1);
	expect_pf(r, rig_run_one(r, read_ax, sizeof read_ax), 0, LIN);
	rig_free(r);
}

/* INVLPG (486): drops the one page's translation; another page's entry
 * stays. */
static void test_invlpg_on_the_486(void **state)
{
	static const uint8_t invlpg_other[] = { 0x0f, 0x01, 0x3e, 0x00, 0x10 }; /* invlpg [1000h] */
	struct rig *r = paged_rig(CPU_486);

	(void)state;
	poke32(r, pte_at(0), FRAME_A | PTE_P | PTE_RW);
	poke32(r, FRAME_A, 0xaaaa);
	poke32(r, FRAME_B, 0xbbbb);
	assert_int_equal(rig_run_one(r, read_ax, sizeof read_ax), -1);
	poke32(r, pte_at(0), FRAME_B | PTE_P | PTE_RW);
	assert_int_equal(rig_run_one(r, invlpg_other, sizeof invlpg_other), -1);
	assert_int_equal(rig_run_one(r, read_ax, sizeof read_ax), -1);
	assert_int_equal(r->cpu.reg[REG_AX] & 0xffff, 0xaaaa);
	assert_int_equal(rig_run_one(r, invlpg_0, sizeof invlpg_0), -1);
	assert_int_equal(rig_run_one(r, read_ax, sizeof read_ax), -1);
	assert_int_equal(r->cpu.reg[REG_AX] & 0xffff, 0xbbbb);
	rig_free(r); /* the 386's #UD for INVLPG: test_decode */
}

/* An access that crosses into a second page translates both before it
 * touches memory: a fault on the second page leaves the first unwritten,
 * with CR2 the first byte of the second page (the address that faulted). */
static void test_page_crossing_accesses(void **state)
{
	struct rig *r = paged_rig(CPU_386);

	(void)state;
	poke32(r, pte_at(0), FRAME_A | PTE_P | PTE_RW);
	poke32(r, FRAME_A + 0xffc, 0x44332211);
	r->cpu.reg[REG_BX] = 0xddccbbaa;
	expect_pf(r, rig_run_one(r, write_ebx_ffe, sizeof write_ebx_ffe), PF_WRITE, LIN + 0x1000);
	assert_int_equal(peek32(r, FRAME_A + 0xffc), 0x44332211);
	expect_pf(r, rig_run_one(r, read_eax_ffe, sizeof read_eax_ffe), 0, LIN + 0x1000);

	/* Both present, in frames that are not adjacent. */
	poke32(r, pte_at(1), FRAME_C | PTE_P | PTE_RW);
	poke32(r, FRAME_C, 0x88776655);
	assert_int_equal(rig_run_one(r, read_eax_ffe, sizeof read_eax_ffe), -1);
	assert_int_equal(r->cpu.reg[REG_AX], 0x66554433);
	assert_int_equal(rig_run_one(r, write_ebx_ffe, sizeof write_ebx_ffe), -1);
	assert_int_equal(peek32(r, FRAME_A + 0xffc), 0xbbaa2211);
	assert_int_equal(peek32(r, FRAME_C), 0x8877ddcc);
	rig_free(r);
}

/* Instruction fetches are translated, and decoded instructions are cached
 * by physical address: two linear pages mapped to different code run their
 * own code; after a remap and a flush, the first page runs the other code. */
static void test_decoded_code_follows_the_mapping(void **state)
{
	static const uint8_t mov_ax_1[] = { 0xb8, 0x01, 0x00 }, mov_ax_2[] = { 0xb8, 0x02, 0x00 };
	struct rig *r = paged_rig(CPU_386);
	struct segcache home = r->cpu.seg[SEG_CS];

	(void)state;
	mem_poke(&r->mem, FRAME_C, mov_ax_1, sizeof mov_ax_1);
	mem_poke(&r->mem, FRAME_D, mov_ax_2, sizeof mov_ax_2);
	poke32(r, pte_at(2), FRAME_C | PTE_P);
	poke32(r, pte_at(3), FRAME_D | PTE_P);
	for (int round = 0; round < 2; round++) { /* the second time from the cache */
		for (unsigned page = 2; page <= 3; page++) {
			r->cpu.seg[SEG_CS].base = LIN + page * 0x1000;
			r->cpu.eip = 0;
			r->cpu.reg[REG_AX] = 0;
			cpu_run(&r->cpu, 1);
			assert_int_equal(r->cpu.reg[REG_AX], page == 2 ? 1 : 2);
		}
	}
	poke32(r, pte_at(2), FRAME_D | PTE_P);
	r->cpu.seg[SEG_CS].base = LIN + 0x2000;
	r->cpu.eip = 0;
	cpu_run(&r->cpu, 1);
	assert_int_equal(r->cpu.reg[REG_AX], 1); /* stale translation: the old code */
	r->cpu.seg[SEG_CS] = home;
	r->cpu.reg[REG_AX] = PD;
	assert_int_equal(rig_run_one(r, load_cr3, sizeof load_cr3), -1);
	r->cpu.seg[SEG_CS].base = LIN + 0x2000;
	r->cpu.eip = 0;
	r->cpu.reg[REG_AX] = 0;
	cpu_run(&r->cpu, 1);
	assert_int_equal(r->cpu.reg[REG_AX], 2);
	rig_free(r);
}

/* The 486's alignment check needs CR0.AM as well as EFLAGS.AC: with paging
 * on and AM clear, a misaligned user access goes through; with AM set it
 * raises #AC, but only once the page is known to be there: #PF ranks above
 * #AC (SDM Vol. 3, Table 6-2). */
static void test_alignment_check_under_paging(void **state)
{
	static const uint8_t read_odd[] = { 0xa1, 0x01, 0x00 }; /* mov ax,[1] */
	struct rig *r = paged_rig(CPU_486);
	struct segcache user_cs;

	(void)state;
	rig_ring0_handler(r, EXC_AC);
	poke32(r, pte_at(0), FRAME_A | PTE_P | PTE_RW | PTE_US);
	r->cpu.eflags |= FLAG_AC;
	set_cpl(r, 3);
	user_cs = r->cpu.seg[SEG_CS];
	assert_int_equal(rig_run_one(r, read_odd, sizeof read_odd), -1);
	r->cpu.cr0 |= CR0_AM;
	assert_int_equal(rig_run_one(r, read_odd, sizeof read_odd), EXC_AC);
	assert_int_equal(r->cpu.eip, RIG_HANDLER); /* delivered */
	r->cpu.seg[SEG_CS] = user_cs;
	r->cpu.seg[SEG_SS] = r->cpu.seg[SEG_ES];
	r->cpu.reg[REG_SP] = 0xfffe;
	r->cpu.seg[SEG_DS].base = LIN + 0x1000; /* not present */
	expect_pf(r, rig_run_one(r, read_odd, sizeof read_odd), PF_USER, LIN + 0x1001);
	rig_free(r);
}

/* SDM, MOV to CR0: PG without PE is #GP(0). The 386 keeps its reserved CR0
 * bits; the 486 takes WP and AM. */
static void test_mov_cr0(void **state)
{
	static const uint8_t load_cr0[] = { 0x0f, 0x22, 0xc0 }; /* mov cr0,eax */
	struct rig *r = rig_new(CPU_386);

	(void)state;
	rig_load(r, "", 0);
	r->cpu.reg[REG_AX] = CR0_PG;
	assert_int_equal(rig_run_one(r, load_cr0, sizeof load_cr0), EXC_GP);
	assert_int_equal(first_error(r), 0);
	assert_false(r->cpu.cr0 & CR0_PG);
	r->cpu.cr0 = CR0_PE;
	r->cpu.reg[REG_AX] = CR0_PE | CR0_WP | CR0_AM;
	assert_int_equal(rig_run_one(r, load_cr0, sizeof load_cr0), -1);
	assert_int_equal(r->cpu.cr0, CR0_PE);
	rig_free(r);

	r = rig_new(CPU_486);
	rig_load(r, "", 0);
	r->cpu.cr0 = CR0_PE;
	r->cpu.reg[REG_AX] = CR0_PE | CR0_WP | CR0_AM;
	assert_int_equal(rig_run_one(r, load_cr0, sizeof load_cr0), -1);
	assert_int_equal(r->cpu.cr0, CR0_PE | CR0_WP | CR0_AM);
	rig_free(r);
}

/* The debugger's view walks the tables (not the TLB) and changes nothing. */
static void test_linear_to_phys_has_no_side_effects(void **state)
{
	struct rig *r = paged_rig(CPU_386);
	struct page_walk w;
	uint32_t phys;

	(void)state;
	poke32(r, pte_at(0), FRAME_A | PTE_P);
	assert_true(cpu_linear_to_phys(&r->cpu, LIN + 4, &phys));
	assert_int_equal(phys, FRAME_A + 4);
	assert_int_equal(peek32(r, pte_at(0)), FRAME_A | PTE_P);
	assert_false(peek32(r, PD + 4) & PTE_A);
	assert_int_equal(r->cpu.tlb.entry[(LIN >> 12) % TLB_ENTRIES].tag, TLB_EMPTY);
	assert_false(cpu_linear_to_phys(&r->cpu, LIN + 0x1000, &phys));
	assert_false(cpu_page_walk(&r->cpu, LIN + 0x1000, &w));
	assert_true(w.pde_present);
	assert_false(w.pte_present);
	assert_int_equal(cpu_page_fault_code(&r->cpu, &w, false, true), PF_USER);
	assert_true(cpu_page_walk(&r->cpu, LIN, &w));
	assert_int_equal(cpu_page_fault_code(&r->cpu, &w, true, true),
	                 PF_PRESENT | PF_WRITE | PF_USER);
	assert_int_equal(cpu_page_fault_code(&r->cpu, &w, true, false), -1);
	rig_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_translation_through_both_levels),
		cmocka_unit_test(test_not_present_pde_and_pte_fault),
		cmocka_unit_test(test_write_protect),
		cmocka_unit_test(test_user_supervisor),
		cmocka_unit_test(test_system_accesses_are_supervisor),
		cmocka_unit_test(test_accessed_and_dirty_bits),
		cmocka_unit_test(test_stale_tlb_entry_until_cr3_load),
		cmocka_unit_test(test_invlpg_on_the_486),
		cmocka_unit_test(test_page_crossing_accesses),
		cmocka_unit_test(test_decoded_code_follows_the_mapping),
		cmocka_unit_test(test_alignment_check_under_paging),
		cmocka_unit_test(test_mov_cr0),
		cmocka_unit_test(test_linear_to_phys_has_no_side_effects),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
