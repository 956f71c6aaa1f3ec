/*
 * tools/monitor/cmd_paging.c — the paging unit seen from the monitor: 'cr'
 * (CR0, CR2, CR3 bit by bit, and loading them), 'pagewalk' (one linear
 * address through the tables, and who may access it), 'tlb' (the cached
 * translations). The walk has no side effects (cpu/pagewalk.h).
 * SDM Vol. 3, 2.5 (control registers) and chapter 4 (paging).
 */
#include <inttypes.h>
#include <strings.h>

#include "monitor.h"
#include "pagewalk.h"

struct cr0_bit {
	uint32_t bit;
	const char *name;
	const char *what;
	const char *if0, *if1;
};

/* ORDER: bit number. Only the bits the model has are shown (traits->cr0_rw). */
static const struct cr0_bit cr0_bits[] = {
	{ CR0_PE, "PE", "protection enable", "real mode", "protected mode" },
	{ CR0_MP, "MP", "monitor coprocessor", "WAIT ignores TS",
	  "WAIT raises #NM while TS is set" },
	{ CR0_EM, "EM", "emulation", "ESC instructions go to the coprocessor",
	  "ESC instructions raise #NM, for software emulation" },
	{ CR0_TS, "TS", "task switched", "the coprocessor state belongs to this task",
	  "the next ESC raises #NM, to save the coprocessor state" },
	{ CR0_ET, "ET", "extension type", "80287 protocol", "80387 protocol" },
	{ 1u << 5, "NE", "numeric error", "coprocessor errors through IRQ 13",
	  "coprocessor errors raise #MF" },
	{ CR0_WP, "WP", "write protect", "supervisor writes ignore read-only pages",
	  "supervisor writes to read-only pages raise #PF" },
	{ CR0_AM, "AM", "alignment mask", "no alignment check",
	  "misaligned accesses at CPL 3 raise #AC when EFLAGS.AC is set" },
	{ 1u << 29, "NW", "not write-through", "cache writes go through",
	  "cache write-back (no write-through)" },
	{ 1u << 30, "CD", "cache disable", "the cache fills", "the cache does not fill" },
	{ CR0_PG, "PG", "paging", "linear addresses are physical addresses",
	  "linear addresses go through the page tables at CR3" },
};

static void show_cr(struct monitor *m)
{
	const struct cpu *c = m->cpu;
	uint32_t has = c->traits->cr0_rw;

	fprintf(m->out, "CR0  %08" PRIX32 "\n", c->cr0);
	for (size_t i = 0; i < sizeof cr0_bits / sizeof cr0_bits[0]; i++) {
		const struct cr0_bit *b = &cr0_bits[i];
		bool on = (c->cr0 & b->bit) != 0;
		if (has & b->bit)
			fprintf(m->out, "  %s=%d  %-20s %s\n", b->name, on, b->what,
			        on ? b->if1 : b->if0);
	}
	fprintf(m->out, "CR2  %08" PRIX32 "  the linear address of the last page fault\n", c->cr2);
	fprintf(m->out, "CR3  %08" PRIX32 "  page directory at physical %08" PRIX32 "\n", c->cr3,
	        c->cr3 & PTE_FRAME);
}

/* 'cr NAME VALUE': as MOV CRn would load it, without the privilege check
 * (cpu_set_control_reg). */
static int load_cr(struct monitor *m, const struct mon_args *a)
{
	static const char *const names[] = { "cr0", NULL, "cr2", "cr3" };
	int64_t v;
	int n = -1;

	for (int i = 0; i < 4; i++)
		if (names[i] && strcasecmp(a->argv[0], names[i]) == 0)
			n = i;
	if (n < 0) {
		mon_error(m, "cr: '%s' is not CR0, CR2 or CR3", a->argv[0]);
		return -1;
	}
	if (mon_count(m, a->rest[1], 0, 0xFFFFFFFF, "the value", &v) < 0)
		return -1;
	if (!cpu_set_control_reg(m->cpu, n, (uint32_t)v)) {
		mon_error(m, "cr: PG needs PE (MOV CR0 would raise #GP(0))");
		return -1;
	}
	return 0;
}

int mcmd_cr(struct monitor *m, const struct mon_args *a)
{
	if (!m->cpu->traits->has_32bit) {
		mon_error(m, "cr: the %s has no control registers%s", m->cpu->traits->name,
		          m->cpu->model == CPU_286 ? " ('sregs' shows its MSW)" : "");
		return -1;
	}
	if (a->argc == 0) {
		show_cr(m);
		return 0;
	}
	if (a->argc != 2) {
		mon_error(m, "usage: cr [CR0|CR2|CR3 VALUE] (e.g. 'cr cr3 0x100000')");
		return -1;
	}
	return load_cr(m, a);
}

static void entry_line(struct monitor *m, const char *name, uint32_t at, uint32_t e, bool pte)
{
	fprintf(m->out, "%s  at %08" PRIX32 " = %08" PRIX32, name, at, e);
	if (!(e & PTE_P)) {
		fprintf(m->out, "  P=0 not present (bits 1-31 are free for the system)\n");
		return;
	}
	fprintf(m->out, "  P=1 R/W=%d U/S=%d A=%d", (e & PTE_RW) != 0, (e & PTE_US) != 0,
	        (e & PTE_A) != 0);
	if (pte)
		fprintf(m->out, " D=%d", (e & PTE_D) != 0);
	if (e & (PTE_PWT | PTE_PCD))
		fprintf(m->out, " PWT=%d PCD=%d", (e & PTE_PWT) != 0, (e & PTE_PCD) != 0);
	fprintf(m->out, "  %s %08" PRIX32 ", %s, %s\n", pte ? "frame" : "page table", e & PTE_FRAME,
	        (e & PTE_US) ? "user" : "supervisor only", (e & PTE_RW) ? "writable" : "read-only");
}

/* Why an access through 'w' faults, for the line after its error code. */
static const char *fault_reason(const struct page_walk *w, bool user)
{
	if (!w->pde_present)
		return "PDE not present";
	if (!w->pte_present)
		return "PTE not present";
	if (user && !(w->pde & PTE_US))
		return "U/S=0 in the PDE: supervisor only";
	if (user && !(w->pte & PTE_US))
		return "U/S=0 in the PTE: supervisor only";
	if (!(w->pde & PTE_RW))
		return user ? "R/W=0 in the PDE: read-only" : "R/W=0 in the PDE and CR0.WP=1";
	return user ? "R/W=0 in the PTE: read-only" : "R/W=0 in the PTE and CR0.WP=1";
}

static void access_lines(struct monitor *m, const struct page_walk *w)
{
	static const struct {
		bool write, user;
		const char *who;
	} kinds[] = {
		{ false, true, "read  at CPL 3:  " },
		{ false, false, "read  at CPL 0-2:" },
		{ true, true, "write at CPL 3:  " },
		{ true, false, "write at CPL 0-2:" },
	};
	const struct cpu *c = m->cpu;

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		int code = cpu_page_fault_code(c, w, kinds[i].write, kinds[i].user);
		fprintf(m->out, "  %s ", kinds[i].who);
		if (code < 0) {
			bool ignores =
			        kinds[i].write && !kinds[i].user && !(w->pde & w->pte & PTE_RW);
			fprintf(m->out, "allowed%s\n",
			        !ignores ? ""
			        : (c->traits->cr0_rw & CR0_WP)
			                ? " (read-only, but CR0.WP=0)"
			                : " (read-only, but the 386 ignores R/W "
			                  "for supervisor writes)");
		} else {
			fprintf(m->out, "#PF(0x%04X): %s\n", code, fault_reason(w, kinds[i].user));
		}
	}
}

int mcmd_pagewalk(struct monitor *m, const struct mon_args *a)
{
	const struct cpu *c = m->cpu;
	struct page_walk w;
	int64_t lin;
	uint32_t phys;

	if (a->argc != 1) {
		mon_error(m, "usage: pagewalk LINEAR (e.g. 'pagewalk 0x401000')");
		return -1;
	}
	if (mon_count(m, a->rest[0], 0, 0xFFFFFFFF, "the linear address", &lin) < 0)
		return -1;
	if (!(c->cr0 & CR0_PG)) {
		cpu_linear_to_phys(c, (uint32_t)lin, &phys);
		fprintf(m->out,
		        "paging is off (CR0.PG=0): linear %08" PRIX32 " is physical %08" PRIX32
		        "\n",
		        (uint32_t)lin, phys);
		return 0;
	}
	cpu_page_walk(c, (uint32_t)lin, &w);
	fprintf(m->out,
	        "linear %08" PRIX32 ": directory index %03" PRIX32 ", table index %03" PRIX32
	        ", offset %03" PRIX32 "\n",
	        w.lin, w.lin >> 22, (w.lin >> 12) & 0x3ff, w.lin & 0xfff);
	fprintf(m->out, "CR3  %08" PRIX32 "  page directory at %08" PRIX32 "\n", c->cr3,
	        c->cr3 & PTE_FRAME);
	entry_line(m, "PDE", w.pde_addr, w.pde, false);
	if (w.pde_present)
		entry_line(m, "PTE", w.pte_addr, w.pte, true);
	if (w.pde_present && w.pte_present)
		fprintf(m->out, "physical %08" PRIX32 "\n", w.phys);
	else
		fprintf(m->out, "no translation: %s\n",
		        w.pde_present ? "PTE not present" : "PDE not present");
	access_lines(m, &w);
	return 0;
}

int mcmd_tlb(struct monitor *m, const struct mon_args *a)
{
	const struct tlb *t = &m->cpu->tlb;
	int valid = 0;

	(void)a;
	for (int i = 0; i < TLB_ENTRIES; i++)
		valid += t->entry[i].tag != TLB_EMPTY;
	fprintf(m->out, "TLB: %d entries, direct-mapped on the linear page number; %d valid%s\n",
	        TLB_ENTRIES, valid, (m->cpu->cr0 & CR0_PG) ? "" : " (paging is off: not used)");
	if (!valid)
		return 0;
	fprintf(m->out, "  linear    physical  rights\n");
	for (int i = 0; i < TLB_ENTRIES; i++) {
		const struct tlb_entry *e = &t->entry[i];
		if (e->tag == TLB_EMPTY)
			continue;
		fprintf(m->out, "  %08" PRIX32 "  %08" PRIX32 "  %s, %s, %s\n", e->tag, e->frame,
		        (e->rights & PAGE_USER) ? "user" : "supervisor",
		        (e->rights & PAGE_WRITABLE) ? "writable" : "read-only",
		        (e->rights & PAGE_DIRTY) ? "dirty" : "clean (a write walks to set D)");
	}
	return 0;
}
