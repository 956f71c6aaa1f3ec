/*
 * tests/unit/test_mem.c — physical memory: RAM, ROM, MMIO, the address lines
 * and A20 gate, peek/poke and dirty pages (mem/phys.c through mem.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "mem.h"

#define MIB 0x100000u

/* ---- fixtures ---- */

static struct mem *new_mem(uint32_t ram_size, int addr_bits)
{
	struct mem *m = calloc(1, sizeof(*m));
	assert_non_null(m);
	assert_int_equal(mem_init(m, ram_size, addr_bits), 0);
	return m;
}

static void free_mem(struct mem *m)
{
	mem_free(m);
	free(m);
}

/* Byte 'off' of every test ROM: recognisable and different on each page. */
static uint8_t rom_byte(uint32_t off)
{
	return (uint8_t)(off * 7 + 3);
}

static uint32_t rom_dword(uint32_t off)
{
	return rom_byte(off) | rom_byte(off + 1) << 8 | rom_byte(off + 2) << 16 |
	       (uint32_t)rom_byte(off + 3) << 24;
}

/* Maps a ROM built from rom_byte() and frees the image at once: mem keeps a
 * copy, so the mapping must not depend on the caller's buffer. */
static int map_test_rom(struct mem *m, uint32_t base, uint32_t size, const char *name)
{
	uint8_t *img = malloc(size ? size : 1);
	assert_non_null(img);
	for (uint32_t i = 0; i < size; i++)
		img[i] = rom_byte(i);
	int rc = mem_map_rom(m, base, img, size, name);
	free(img);
	return rc;
}

/* A device that records the last MMIO cycle and answers 0xA5000000 | off. */
struct mmio_log {
	int reads, writes;
	uint32_t off[8];
	int size[8];
	uint32_t val;
};

static uint32_t log_read(void *dev, uint32_t off, int size)
{
	struct mmio_log *l = dev;
	l->off[l->reads % 8] = off;
	l->size[l->reads % 8] = size;
	l->reads++;
	return 0xA5000000u | off;
}

static void log_write(void *dev, uint32_t off, uint32_t val, int size)
{
	struct mmio_log *l = dev;
	l->off[l->writes % 8] = off;
	l->size[l->writes % 8] = size;
	l->val = val;
	l->writes++;
}

static const struct mmio_ops log_ops = { log_read, log_write };

static uint8_t peek8(const struct mem *m, uint32_t phys)
{
	uint8_t b = 0;
	assert_int_equal(mem_peek(m, phys, &b, 1), 1);
	return b;
}

static void poke8(struct mem *m, uint32_t phys, uint8_t b)
{
	assert_int_equal(mem_poke(m, phys, &b, 1), 1);
}

static int dirty_count(const struct mem *m)
{
	int n = 0;
	for (uint32_t pg = 0; pg < m->fast_pages; pg++)
		n += m->page_dirty[pg] != 0;
	return n;
}

/* ---- RAM ---- */

static void test_ram_after_init_reads_zero(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	assert_int_equal(mem_read(m, 0, 4), 0);
	assert_int_equal(mem_read(m, 0x7FFFC, 4), 0);
	assert_int_equal(mem_read(m, MIB - 4, 4), 0);
	assert_true(mem_a20(m));
	free_mem(m);
}

static void test_ram_byte_word_dword_write_reads_back_little_endian(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	mem_write(m, 0x1000, 0x11223344, 4);
	assert_int_equal(mem_read(m, 0x1000, 1), 0x44);
	assert_int_equal(mem_read(m, 0x1001, 1), 0x33);
	assert_int_equal(mem_read(m, 0x1002, 1), 0x22);
	assert_int_equal(mem_read(m, 0x1003, 1), 0x11);
	assert_int_equal(mem_read(m, 0x1001, 2), 0x2233);
	assert_int_equal(mem_read(m, 0x1000, 4), 0x11223344);

	mem_write(m, 0x2000, 0xBEEF, 2);
	assert_int_equal(mem_read(m, 0x2000, 1), 0xEF);
	assert_int_equal(mem_read(m, 0x2001, 1), 0xBE);
	mem_write(m, 0x2001, 0x1AB, 1); /* only the low byte is stored */
	assert_int_equal(mem_read(m, 0x2000, 4), 0x0000ABEF);
	assert_int_equal(m->ram[0x2001], 0xAB);
	free_mem(m);
}

static void test_ram_dword_across_page_boundary_reads_back_and_dirties_both_pages(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	mem_write(m, 0x1FFE, 0xAABBCCDD, 4);
	assert_int_equal(mem_read(m, 0x1FFE, 1), 0xDD);
	assert_int_equal(mem_read(m, 0x1FFF, 1), 0xCC);
	assert_int_equal(mem_read(m, 0x2000, 1), 0xBB);
	assert_int_equal(mem_read(m, 0x2001, 1), 0xAA);
	assert_int_equal(mem_read(m, 0x1FFE, 4), 0xAABBCCDD);
	assert_int_equal(mem_read(m, 0x1FFF, 2), 0xBBCC);
	assert_int_equal(m->page_dirty[1], 1);
	assert_int_equal(m->page_dirty[2], 1);
	assert_int_equal(dirty_count(m), 2);
	free_mem(m);
}

static void test_ram_fast_map_covers_ram_and_first_64k_above_1mib(void **state)
{
	(void)state;
	struct mem *m = new_mem(640 * 1024, 24);
	assert_int_equal(m->fast_pages, 0x110);
	assert_ptr_equal(m->page_rd[0x9F], m->ram + 0x9F000);
	assert_ptr_equal(m->page_wr[0x9F], m->ram + 0x9F000);
	assert_null(m->page_rd[0xA0]);
	free_mem(m);

	m = new_mem(4 * MIB + 0x800, 32); /* last page only half RAM */
	assert_int_equal(m->fast_pages, 0x401);
	assert_non_null(m->page_rd[0x3FF]);
	assert_null(m->page_rd[0x400]);
	free_mem(m);
}

static void test_ram_end_not_page_aligned_bytes_beyond_read_ff(void **state)
{
	(void)state;
	struct mem *m = new_mem(0x1010, 32);
	mem_write(m, 0x100E, 0x1234, 2);
	assert_int_equal(mem_read(m, 0x100E, 2), 0x1234);
	mem_write(m, 0x100F, 0x77665544, 4); /* one byte lands in RAM */
	assert_int_equal(mem_read(m, 0x100E, 4), 0xFFFF4434);
	assert_int_equal(mem_read(m, 0x1010, 1), 0xFF);
	assert_int_equal(m->page_dirty[1], 1);
	free_mem(m);
}

/* ---- address lines and the A20 gate ---- */

static void test_a20_closed_word_at_fffff_reads_fffff_and_zero(void **state)
{
	(void)state;
	struct mem *m = new_mem(2 * MIB, 24);
	poke8(m, 0xFFFFF, 0x12);
	poke8(m, 0x00000, 0x34);
	poke8(m, 0x100000, 0x56);

	mem_set_a20(m, false);
	assert_false(mem_a20(m));
	assert_int_equal(mem_read(m, 0xFFFFF, 2), 0x3412);
	mem_write(m, 0xFFFFF, 0xBBAA, 2);
	assert_int_equal(peek8(m, 0xFFFFF), 0xAA);
	assert_int_equal(peek8(m, 0x00000), 0xBB);
	assert_int_equal(peek8(m, 0x100000), 0x56);

	mem_set_a20(m, true);
	assert_true(mem_a20(m));
	assert_int_equal(mem_read(m, 0xFFFFF, 2), 0x56AA);
	free_mem(m);
}

static void test_a20_closed_ffff_0010_reaches_address_zero(void **state)
{
	(void)state;
	struct mem *m = new_mem(2 * MIB, 24);
	uint32_t lin = 0xFFFFu * 16 + 0x0010; /* FFFF:0010 */
	assert_int_equal(lin, 0x100000);
	mem_set_a20(m, false);
	mem_write(m, lin, 0xC3C2C1C0, 4);
	assert_int_equal(mem_read(m, 0, 4), 0xC3C2C1C0);
	assert_int_equal(m->ram[0], 0xC0);
	assert_int_equal(m->ram[0x100000], 0);
	free_mem(m);
}

static void test_a20_open_ffff_ffff_reaches_10ffef(void **state)
{
	(void)state;
	struct mem *m = new_mem(2 * MIB, 24);
	uint32_t lin = 0xFFFFu * 16 + 0xFFFF; /* FFFF:FFFF */
	assert_int_equal(lin, 0x10FFEF);
	mem_write(m, lin, 0x5A, 1);
	assert_int_equal(mem_read(m, lin, 1), 0x5A);
	assert_int_equal(peek8(m, 0x10FFEF), 0x5A);
	assert_int_equal(peek8(m, 0x0FFEF), 0x00);
	free_mem(m);
}

static void test_a20_open_small_ram_hma_reads_ff_through_slow_path(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 24);
	assert_null(m->page_rd[0x10F]);
	assert_int_equal(mem_read(m, 0x10FFEF, 1), 0xFF);
	mem_write(m, 0x10FFEF, 0x00, 1);
	assert_int_equal(mem_read(m, 0x10FFEF, 1), 0xFF);
	assert_int_equal(mem_read(m, 0x0FFEF, 1), 0x00);
	free_mem(m);
}

static void test_cpu_20bit_a20_open_still_wraps_at_1mib(void **state)
{
	(void)state;
	struct mem *m = new_mem(2 * MIB, 20);
	assert_true(mem_a20(m));
	mem_write(m, 0x100010, 0x99, 1);
	assert_int_equal(peek8(m, 0x10), 0x99);
	assert_int_equal(peek8(m, 0x100010), 0x00);
	assert_int_equal(mem_read(m, 0xFFFFF, 2), 0x0000);
	poke8(m, 0x0, 0x42);
	assert_int_equal(mem_read(m, 0xFFFFF, 2), 0x4200);
	mem_set_a20(m, false);
	assert_false(mem_a20(m));
	mem_set_a20(m, true);
	assert_true(mem_a20(m));
	assert_int_equal(mem_read(m, 0x100000, 1), 0x42);
	free_mem(m);
}

static void test_cpu_24bit_address_wraps_at_16mib(void **state)
{
	(void)state;
	struct mem *m = new_mem(2 * MIB, 24);
	mem_write(m, 0x1000005, 0x77, 1);
	assert_int_equal(peek8(m, 0x5), 0x77);
	assert_int_equal(mem_read(m, 0xFF000005, 1), 0x77);
	free_mem(m);
}

static void test_init_bad_arguments_fail_and_free_is_safe(void **state)
{
	(void)state;
	struct mem m;
	assert_int_equal(mem_init(&m, 0, 32), -1);
	mem_free(&m);
	mem_free(&m);
	assert_int_equal(mem_init(&m, MIB, 16), -1);
	assert_int_equal(mem_init(&m, MIB, 33), -1);
	mem_free(&m);
	assert_int_equal(mem_init(&m, MIB, 32), 0);
	mem_free(&m);
	mem_free(&m);
	assert_null(m.ram);
	assert_int_equal(m.nregions, 0);
}

/* ---- ROM ---- */

static void test_rom_page_aligned_write_ignored_read_fast(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	assert_int_equal(map_test_rom(m, 0xF0000, 0x10000, "bios"), 0);
	assert_ptr_equal(m->page_rd[0xF0], m->region[1].host);
	assert_null(m->page_wr[0xF0]);

	assert_int_equal(mem_read(m, 0xF0010, 1), rom_byte(0x10));
	mem_write(m, 0xF0010, ~rom_byte(0x10) & 0xFFu, 1);
	mem_write(m, 0xFFFF0, 0, 4);
	assert_int_equal(mem_read(m, 0xF0010, 1), rom_byte(0x10));
	assert_int_equal(mem_read(m, 0xFFFF0, 4), rom_dword(0xFFF0));
	assert_int_equal(dirty_count(m), 0);
	free_mem(m);
}

static void test_rom_unaligned_write_ignored_and_page_neighbours_stay_ram(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	assert_int_equal(map_test_rom(m, 0xC8100, 0x80, "option"), 0);
	assert_null(m->page_rd[0xC8]);
	assert_null(m->page_wr[0xC8]);

	assert_int_equal(mem_read(m, 0xC8100, 2), rom_byte(0) | rom_byte(1) << 8);
	mem_write(m, 0xC8100, 0xFFFF, 2);
	assert_int_equal(mem_read(m, 0xC8100, 2), rom_byte(0) | rom_byte(1) << 8);

	mem_write(m, 0xC80FE, 0x1234, 2); /* RAM just below */
	assert_int_equal(mem_read(m, 0xC80FE, 2), 0x1234);
	mem_write(m, 0xC80FF, 0xAAAA, 2); /* straddles RAM and ROM */
	assert_int_equal(mem_read(m, 0xC80FF, 2), 0xAA | rom_byte(0) << 8);
	mem_write(m, 0xC8180, 0x5678, 2); /* RAM just above */
	assert_int_equal(mem_read(m, 0xC8180, 2), 0x5678);
	assert_int_equal(m->page_dirty[0xC8], 1);
	free_mem(m);
}

static void test_rom_mapped_over_ram_hides_written_ram(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	mem_write(m, 0xF0000, 0xDEADBEEF, 4);
	assert_int_equal(map_test_rom(m, 0xF0000, 0x10000, "bios"), 0);
	assert_int_equal(mem_read(m, 0xF0000, 4), rom_dword(0));
	assert_int_equal(peek8(m, 0xF0000), rom_byte(0));
	assert_int_equal(m->ram[0xF0000], 0xEF); /* still there underneath */
	free_mem(m);
}

static void test_rom_alias_at_top_of_4gib_reads_same_bytes_as_f0000(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	assert_int_equal(map_test_rom(m, 0xF0000, 0x10000, "bios"), 0);
	assert_int_equal(map_test_rom(m, 0xFFFF0000, 0x10000, "bios-high"), 0);
	for (uint32_t off = 0; off < 0x10000; off += 0x0FFD)
		assert_int_equal(mem_read(m, 0xFFFF0000 + off, 1), mem_read(m, 0xF0000 + off, 1));
	assert_int_equal(mem_read(m, 0xFFFFFFF0, 4), mem_read(m, 0xFFFF0, 4));
	assert_int_equal(mem_read(m, 0xFFFFFFFF, 1), rom_byte(0xFFFF));
	mem_write(m, 0xFFFFFFF0, 0, 4); /* outside the fast map: slow path */
	assert_int_equal(mem_read(m, 0xFFFFFFF0, 4), mem_read(m, 0xFFFF0, 4));
	assert_int_not_equal(mem_read(m, 0xFFFFFFF0, 4), 0);
	free_mem(m);
}

static void test_rom_bad_size_or_wrap_fails(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	assert_int_equal(map_test_rom(m, 0xF0000, 0, "empty"), -1);
	assert_int_equal(map_test_rom(m, 0xFFFF0001, 0x10000, "wraps"), -1);
	assert_int_equal(mem_map_mmio(m, 0xA0000, 0, &log_ops, NULL, "empty"), -1);
	assert_int_equal(m->nregions, 1);
	assert_int_equal(map_test_rom(m, 0xFFFF0000, 0x10000, "ends at 4 GiB"), 0);
	assert_int_equal(m->nregions, 2);
	free_mem(m);
}

static void test_regions_beyond_max_fail(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	for (int i = 1; i < MEM_MAX_REGIONS; i++)
		assert_int_equal(map_test_rom(m, 0xC0000 + (uint32_t)i * 0x1000, 0x1000, "r"), 0);
	assert_int_equal(m->nregions, MEM_MAX_REGIONS);
	assert_int_equal(map_test_rom(m, 0xE0000, 0x1000, "one too many"), -1);
	assert_int_equal(mem_map_mmio(m, 0xA0000, 0x1000, &log_ops, NULL, "too"), -1);
	assert_int_equal(m->nregions, MEM_MAX_REGIONS);
	assert_int_equal(mem_read(m, 0xE0000, 1), 0); /* still RAM */
	free_mem(m);
}

/* ---- holes and MMIO ---- */

static void test_unmapped_reads_all_ones_by_size_and_ignores_writes(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	assert_int_equal(mem_read(m, 0x200000, 1), 0xFF);
	assert_int_equal(mem_read(m, 0x200000, 2), 0xFFFF);
	assert_int_equal(mem_read(m, 0x200000, 4), 0xFFFFFFFF);
	mem_write(m, 0x200000, 0, 4);
	assert_int_equal(mem_read(m, 0x200000, 4), 0xFFFFFFFF);
	assert_int_equal(mem_read(m, 0x80000000, 4), 0xFFFFFFFF);
	mem_write(m, 0xFFFFE, 0x00000000, 4); /* half RAM, half hole */
	assert_int_equal(mem_read(m, 0xFFFFE, 4), 0xFFFF0000);
	free_mem(m);
}

static void test_mmio_dispatch_passes_offset_from_base_and_size(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	struct mmio_log log = { 0 };
	assert_int_equal(mem_map_mmio(m, 0xA0000, 0x20000, &log_ops, &log, "vga"), 0);
	assert_null(m->page_rd[0xA0]);
	assert_null(m->page_wr[0xBF]);

	assert_int_equal(mem_read(m, 0xA0010, 2), 0x0010); /* masked to the size */
	assert_int_equal(log.reads, 1);
	assert_int_equal(log.off[0], 0x10);
	assert_int_equal(log.size[0], 2);
	assert_int_equal(mem_read(m, 0xB0004, 4), 0xA5010004);
	assert_int_equal(log.off[1], 0x10004);

	mem_write(m, 0xB8000, 0x0741, 2);
	assert_int_equal(log.writes, 1);
	assert_int_equal(log.off[0], 0x18000);
	assert_int_equal(log.size[0], 2);
	assert_int_equal(log.val, 0x0741);
	assert_int_equal(m->ram[0xB8000], 0); /* RAM below is hidden */
	assert_int_equal(dirty_count(m), 0);
	free_mem(m);
}

static void test_mmio_page_crossing_word_becomes_two_byte_cycles(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	struct mmio_log log = { 0 };
	assert_int_equal(mem_map_mmio(m, 0xA0000, 0x20000, &log_ops, &log, "vga"), 0);
	assert_int_equal(mem_read(m, 0xA0FFF, 2), 0x00FF | (0x00 << 8));
	assert_int_equal(log.reads, 2);
	assert_int_equal(log.off[0], 0xFFF);
	assert_int_equal(log.size[0], 1);
	assert_int_equal(log.off[1], 0x1000);
	assert_int_equal(log.size[1], 1);

	mem_write(m, 0xA1FFF, 0xBBAA, 2);
	assert_int_equal(log.writes, 2);
	assert_int_equal(log.off[1], 0x2000);
	assert_int_equal(log.val, 0xBB);
	free_mem(m);
}

static void test_later_mapping_hides_earlier_one(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	struct mmio_log log = { 0 };
	assert_int_equal(mem_map_mmio(m, 0xC0000, 0x10000, &log_ops, &log, "dev"), 0);
	assert_int_equal(map_test_rom(m, 0xC4000, 0x1000, "rom"), 0);
	assert_ptr_equal(m->page_rd[0xC4], m->region[2].host);
	assert_int_equal(mem_read(m, 0xC4000, 1), rom_byte(0));
	assert_int_equal(log.reads, 0);
	assert_int_equal(mem_read(m, 0xC5003, 1), 0x03); /* MMIO again: low byte of 0xA5005003 */
	assert_int_equal(log.reads, 1);
	assert_int_equal(log.off[0], 0x5003);
	free_mem(m);
}

/* ---- debugger access ---- */

static void test_peek_poke_leave_no_dirty_marks_and_poke_writes_rom(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	assert_int_equal(map_test_rom(m, 0xF0000, 0x10000, "bios"), 0);

	uint8_t code[4] = { 0xEA, 0x5B, 0xE0, 0x00 };
	assert_int_equal(mem_poke(m, 0xFFFF0, code, 4), 4);
	assert_int_equal(mem_read(m, 0xFFFF0, 4), 0x00E05BEA);
	assert_int_equal(mem_poke(m, 0x7C00, code, 4), 4);
	assert_int_equal(mem_read(m, 0x7C00, 4), 0x00E05BEA);
	assert_int_equal(dirty_count(m), 0);

	uint8_t buf[4];
	assert_int_equal(mem_peek(m, 0x7C00, buf, 4), 4);
	assert_memory_equal(buf, code, 4);
	assert_int_equal(dirty_count(m), 0);
	free_mem(m);
}

static void test_peek_is_unmasked_and_spans_ram_rom_and_holes(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 24);
	assert_int_equal(map_test_rom(m, 0xF0000, 0x10000, "bios"), 0);
	mem_set_a20(m, false);
	poke8(m, 0xEFFFF, 0x11);

	uint8_t buf[4];
	assert_int_equal(mem_peek(m, 0xEFFFF, buf, 2), 2);
	assert_int_equal(buf[0], 0x11);
	assert_int_equal(buf[1], rom_byte(0));
	assert_int_equal(mem_peek(m, 0xFFFFE, buf, 4), 4); /* not wrapped by A20 */
	assert_int_equal(buf[0], rom_byte(0xFFFE));
	assert_int_equal(buf[1], rom_byte(0xFFFF));
	assert_int_equal(buf[2], 0xFF);
	assert_int_equal(buf[3], 0xFF);
	assert_int_equal(mem_peek(m, 0xFFFFFFFE, buf, 4), 2); /* clipped at 4 GiB */
	free_mem(m);
}

static void test_peek_poke_never_call_mmio(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	struct mmio_log log = { 0 };
	assert_int_equal(mem_map_mmio(m, 0xA0000, 0x20000, &log_ops, &log, "vga"), 0);
	uint8_t buf[3] = { 1, 2, 3 };
	assert_int_equal(mem_poke(m, 0x9FFFF, buf, 3), 1); /* only the RAM byte */
	assert_int_equal(mem_peek(m, 0x9FFFF, buf, 3), 3);
	assert_int_equal(buf[0], 1);
	assert_int_equal(buf[1], 0xFF);
	assert_int_equal(buf[2], 0xFF);
	assert_int_equal(log.reads, 0);
	assert_int_equal(log.writes, 0);
	free_mem(m);
}

/* ---- dirty pages ---- */

static void test_dirty_zero_clears_written_pages_and_keeps_others(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	poke8(m, 0x3000, 0x33); /* loaded image: not dirty */
	mem_write(m, 0x5004, 0x55555555, 4);
	mem_write(m, 0x7FFF, 0x7777, 2);
	assert_int_equal(dirty_count(m), 3);
	assert_int_equal(m->page_dirty[5], 1);

	mem_dirty_zero(m);
	assert_int_equal(dirty_count(m), 0);
	assert_int_equal(mem_read(m, 0x5004, 4), 0);
	assert_int_equal(mem_read(m, 0x7FFF, 2), 0);
	assert_int_equal(mem_read(m, 0x3000, 1), 0x33);
	free_mem(m);
}

static void test_dirty_clear_forgets_marks_so_zero_keeps_contents(void **state)
{
	(void)state;
	struct mem *m = new_mem(MIB, 32);
	mem_write(m, 0x9000, 0x99, 1);
	mem_dirty_clear(m);
	assert_int_equal(dirty_count(m), 0);
	mem_write(m, 0xA000, 0xAA, 1);
	mem_dirty_zero(m);
	assert_int_equal(mem_read(m, 0x9000, 1), 0x99);
	assert_int_equal(mem_read(m, 0xA000, 1), 0x00);
	free_mem(m);
}

static void test_dirty_zero_keeps_rom_over_a_written_page(void **state)
{
	(void)state;
	struct mem *m = new_mem(0x1800, 32); /* last page half RAM */
	assert_int_equal(map_test_rom(m, 0x1400, 0x100, "rom"), 0);
	mem_write(m, 0x1000, 0x12345678, 4); /* slow path RAM write */
	mem_write(m, 0x1400, 0, 4);
	assert_int_equal(m->page_dirty[1], 1);
	mem_dirty_zero(m);
	assert_int_equal(mem_read(m, 0x1000, 4), 0);
	assert_int_equal(mem_read(m, 0x1400, 1), rom_byte(0));
	assert_int_equal(mem_read(m, 0x1800, 1), 0xFF);
	free_mem(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ram_after_init_reads_zero),
		cmocka_unit_test(test_ram_byte_word_dword_write_reads_back_little_endian),
		cmocka_unit_test(
		        test_ram_dword_across_page_boundary_reads_back_and_dirties_both_pages),
		cmocka_unit_test(test_ram_fast_map_covers_ram_and_first_64k_above_1mib),
		cmocka_unit_test(test_ram_end_not_page_aligned_bytes_beyond_read_ff),
		cmocka_unit_test(test_a20_closed_word_at_fffff_reads_fffff_and_zero),
		cmocka_unit_test(test_a20_closed_ffff_0010_reaches_address_zero),
		cmocka_unit_test(test_a20_open_ffff_ffff_reaches_10ffef),
		cmocka_unit_test(test_a20_open_small_ram_hma_reads_ff_through_slow_path),
		cmocka_unit_test(test_cpu_20bit_a20_open_still_wraps_at_1mib),
		cmocka_unit_test(test_cpu_24bit_address_wraps_at_16mib),
		cmocka_unit_test(test_init_bad_arguments_fail_and_free_is_safe),
		cmocka_unit_test(test_rom_page_aligned_write_ignored_read_fast),
		cmocka_unit_test(test_rom_unaligned_write_ignored_and_page_neighbours_stay_ram),
		cmocka_unit_test(test_rom_mapped_over_ram_hides_written_ram),
		cmocka_unit_test(test_rom_alias_at_top_of_4gib_reads_same_bytes_as_f0000),
		cmocka_unit_test(test_rom_bad_size_or_wrap_fails),
		cmocka_unit_test(test_regions_beyond_max_fail),
		cmocka_unit_test(test_unmapped_reads_all_ones_by_size_and_ignores_writes),
		cmocka_unit_test(test_mmio_dispatch_passes_offset_from_base_and_size),
		cmocka_unit_test(test_mmio_page_crossing_word_becomes_two_byte_cycles),
		cmocka_unit_test(test_later_mapping_hides_earlier_one),
		cmocka_unit_test(test_peek_poke_leave_no_dirty_marks_and_poke_writes_rom),
		cmocka_unit_test(test_peek_is_unmasked_and_spans_ram_rom_and_holes),
		cmocka_unit_test(test_peek_poke_never_call_mmio),
		cmocka_unit_test(test_dirty_zero_clears_written_pages_and_keeps_others),
		cmocka_unit_test(test_dirty_clear_forgets_marks_so_zero_keeps_contents),
		cmocka_unit_test(test_dirty_zero_keeps_rom_over_a_written_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
