/*
 * tests/bench/bench_paging.c — the interpreter's speed on tests/bench/bench.asm
 * with paging on: the boot sector of 'make bench', a real-mode program, runs
 * in virtual-8086 mode (set up by writing the registers: IOPL 3, a TSS whose
 * I/O bitmap allows every port) with CR0.PG and the first 4 MiB mapped to
 * themselves as user pages. The same run with paging off is printed beside
 * it, so that only CR0.PG differs. The seconds are the process's CPU
 * time, which a shared machine disturbs less than the wall clock. Figures,
 * not a test.
 * Usage: bench_paging BENCH.BIN
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cpu.h"
#include "mem.h"

#define PAGE_DIR   0x100000u
#define PAGE_TABLE 0x101000u
#define TSS        0x102000u /* 68h bytes, then the I/O bitmap (8 KiB) and FFh */
#define TSS_LIMIT  (0x68u + 0x2000u)

struct bench {
	struct mem mem;
	struct cpu cpu;
};

static uint32_t no_in(void *ctx, uint16_t port, int size)
{
	(void)ctx;
	(void)port;
	(void)size;
	return 0xffffffffu;
}

/* bench.asm ends with OUT 0F4h. */
static void exit_port(void *ctx, uint16_t port, uint32_t val, int size)
{
	struct bench *b = ctx;

	(void)val;
	(void)size;
	if (port == 0xf4)
		cpu_request_stop(&b->cpu);
}

static void poke32(struct mem *m, uint32_t phys, uint32_t v)
{
	uint8_t bytes[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16),
		             (uint8_t)(v >> 24) };

	mem_poke(m, phys, bytes, 4);
}

static double run(const uint8_t *image, size_t len, bool paging, uint64_t *insns)
{
	struct bench *b = calloc(1, sizeof *b);
	struct cpu_io io = { no_in, exit_port, NULL, NULL };
	struct timespec t0, t1;

	if (!b || mem_init(&b->mem, 4u << 20, 32)) {
		fprintf(stderr, "bench_paging: out of memory\n");
		exit(1);
	}
	io.ctx = b;
	cpu_init(&b->cpu, CPU_386, &b->mem, &io);
	mem_poke(&b->mem, 0x7c00, image, (uint32_t)len);
	for (int s = 0; s < SEG_COUNT; s++)
		b->cpu.seg[s] = (struct segcache){ .limit = 0xffff, .attr = 0xf3 };
	b->cpu.eip = 0x7c00;
	poke32(&b->mem, TSS + 0x64, 0x68u << 16); /* I/O map base; the map is all zero */
	poke32(&b->mem, TSS + TSS_LIMIT - 1, 0xff);
	b->cpu.tr = (struct segcache){ .sel = 8, .base = TSS, .limit = TSS_LIMIT, .attr = 0x8b };
	b->cpu.eflags = FLAG_VM | FLAG_IOPL | 2;
	b->cpu.cr0 = CR0_PE;
	if (paging) {
		for (uint32_t i = 0; i < 1024; i++)
			poke32(&b->mem, PAGE_TABLE + 4 * i, i << 12 | 7); /* P, R/W, U/S */
		poke32(&b->mem, PAGE_DIR, PAGE_TABLE | 7);
		b->cpu.cr3 = PAGE_DIR;
		b->cpu.cr0 |= CR0_PG;
		tlb_flush(&b->cpu.tlb);
	}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
	enum cpu_stop stop;
	while ((stop = cpu_run(&b->cpu, 1u << 24)) == CPU_STOP_BUDGET)
		;
	if (stop != CPU_STOP_REQUEST) { /* not the OUT to port F4h: the figures mean nothing */
		fprintf(stderr, "bench_paging: the guest stopped early (cpu_run returned %d)\n",
		        (int)stop);
		exit(1);
	}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
	*insns = b->cpu.insns;
	cpu_free(&b->cpu);
	mem_free(&b->mem);
	free(b);
	return (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
	static uint8_t image[512];
	FILE *f;
	size_t len;

	if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: bench_paging BENCH.BIN\n");
		return 2;
	}
	len = fread(image, 1, sizeof image, f);
	fclose(f);
	for (int paging = 0; paging <= 1; paging++) {
		uint64_t insns;
		double s = run(image, len, paging, &insns);
		printf("  386 virtual-8086 mode, paging %-3s %11llu instructions %7.3f s CPU %8.1f "
		       "MIPS\n",
		       paging ? "on" : "off", (unsigned long long)insns, s,
		       (double)insns / s / 1e6);
	}
	return 0;
}
