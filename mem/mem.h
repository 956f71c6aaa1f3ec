/*
 * mem/mem.h — physical memory: RAM, ROM and MMIO regions, the address lines
 * the CPU drives, the A20 gate, and dirty-page tracking. It knows nothing of
 * segments or CPUs; cpu/, dev/, tools/ and tests may include it.
 */
#ifndef X86LAB_MEM_H
#define X86LAB_MEM_H

#include <stdbool.h>
#include <stdint.h>

#define MEM_PAGE_SHIFT  12
#define MEM_PAGE_SIZE   (1u << MEM_PAGE_SHIFT)
#define MEM_PAGE_MASK   (MEM_PAGE_SIZE - 1)
#define MEM_MAX_REGIONS 16

enum mem_kind { MEM_RAM, MEM_ROM, MEM_MMIO };

/* A device that answers memory cycles itself (VGA window, later). 'off' is
 * relative to the region base. */
struct mmio_ops {
	uint32_t (*read)(void *dev, uint32_t off, int size);
	void (*write)(void *dev, uint32_t off, uint32_t val, int size);
};

struct mem_region {
	uint32_t base;
	uint32_t size;
	enum mem_kind kind;
	uint8_t *host; /* RAM and ROM contents; NULL for MMIO */
	const struct mmio_ops *ops;
	void *dev;
	const char *name;
	bool owned; /* 'host' was allocated here and is freed by mem_free */
};

struct mem {
	uint8_t *ram; /* region 0: RAM from physical address 0 */
	uint32_t ram_size;
	uint32_t cpu_mask;   /* address lines the CPU has: 20, 24 or 32 bits */
	uint32_t addr_mask;  /* cpu_mask with bit 20 cleared while the A20 gate is closed */
	bool a20_open;       /* the gate as last set; a 20-bit CPU has no line 20 to gate */
	uint32_t fast_pages; /* pages covered by page_rd/page_wr */
	uint8_t **page_rd;   /* per page: host memory to read directly, or NULL (slow path) */
	uint8_t **page_wr; /* per page: host memory to write directly, or NULL (ROM, MMIO, hole) */
	uint8_t *page_dirty; /* per page: set by every write until mem_dirty_clear */
	uint64_t *page_code; /* per page: which 64-byte lines hold instructions the CPU decoded */
	uint32_t *page_gen;  /* per page: bumped by a write to a page with decoded code */
	struct mem_region region[MEM_MAX_REGIONS];
	int nregions;
};

/* RAM of 'ram_size' bytes at physical 0; the CPU drives 'addr_bits' address
 * lines (20 on the 8086, 24 on the 286, 32 on the 386). The A20 gate starts
 * open. Returns 0, or -1 when memory cannot be had. */
int mem_init(struct mem *m, uint32_t ram_size, int addr_bits);
void mem_free(struct mem *m);

/* Map a copy of 'size' bytes as ROM at 'base' (writes are ignored). A later
 * mapping hides an earlier one where they overlap. Returns 0 or -1. */
int mem_map_rom(struct mem *m, uint32_t base, const uint8_t *data, uint32_t size, const char *name);
int mem_map_mmio(struct mem *m, uint32_t base, uint32_t size, const struct mmio_ops *ops, void *dev,
                 const char *name);

/* The A20 gate: closed, physical addresses wrap at 1 MiB as on the 8086. */
void mem_set_a20(struct mem *m, bool open);
bool mem_a20(const struct mem *m);

/* The slow paths: regions, MMIO, page and A20 boundaries. */
uint32_t mem_read_slow(struct mem *m, uint32_t phys, int size);
void mem_write_slow(struct mem *m, uint32_t phys, uint32_t val, int size);

#define MEM_CODE_LINE_SHIFT 6 /* decoded code is tracked in 64-byte lines */

/* The lines of page 'pg' that bytes [off, off+len) of it touch. */
static inline uint64_t mem_code_lines(uint32_t off, uint32_t len)
{
	uint32_t first = off >> MEM_CODE_LINE_SHIFT;
	uint32_t last = (off + len - 1) >> MEM_CODE_LINE_SHIFT;
	uint64_t upto = last >= 63 ? ~(uint64_t)0 : ((uint64_t)2 << last) - 1;

	return upto & ~(((uint64_t)1 << first) - 1);
}

/* Bytes [off, off+len) of a page of the fast map are written: instructions
 * decoded from those lines are stale (self-modifying code, a loader, a
 * debugger), so the page's generation moves on. A stack next to the code
 * in the same page does not disturb it. */
static inline void mem_code_written(struct mem *m, uint32_t pg, uint32_t off, uint32_t len)
{
	if (m->page_code[pg] & mem_code_lines(off, len)) {
		m->page_code[pg] = 0;
		m->page_gen[pg]++;
	}
}

/* Guest-visible physical accesses: little-endian, 'size' 1, 2 or 4. An access
 * inside one page cannot straddle the A20 or address-line wrap (both are page
 * aligned), so only page-crossing accesses need the byte-wise slow path. */
static inline uint32_t mem_read(struct mem *m, uint32_t phys, int size)
{
	uint32_t a = phys & m->addr_mask;
	uint32_t pg = a >> MEM_PAGE_SHIFT;
	uint32_t in = a & MEM_PAGE_MASK;

	if (pg < m->fast_pages && m->page_rd[pg] && in <= MEM_PAGE_SIZE - (uint32_t)size) {
		const uint8_t *p = m->page_rd[pg] + in;
		switch (size) {
		case 1:
			return p[0];
		case 2:
			return (uint32_t)p[0] | (uint32_t)p[1] << 8;
		default:
			return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
			       (uint32_t)p[3] << 24;
		}
	}
	return mem_read_slow(m, phys, size);
}

static inline void mem_write(struct mem *m, uint32_t phys, uint32_t val, int size)
{
	uint32_t a = phys & m->addr_mask;
	uint32_t pg = a >> MEM_PAGE_SHIFT;
	uint32_t in = a & MEM_PAGE_MASK;

	if (pg < m->fast_pages && m->page_wr[pg] && in <= MEM_PAGE_SIZE - (uint32_t)size) {
		uint8_t *p = m->page_wr[pg] + in;
		m->page_dirty[pg] = 1;
		if (m->page_code[pg])
			mem_code_written(m, pg, in, (uint32_t)size);
		p[0] = (uint8_t)val;
		if (size > 1)
			p[1] = (uint8_t)(val >> 8);
		if (size > 2) {
			p[2] = (uint8_t)(val >> 16);
			p[3] = (uint8_t)(val >> 24);
		}
		return;
	}
	mem_write_slow(m, phys, val, size);
}

/* A bus master's byte (the DMA controller): it drives the address lines
 * itself, so the CPU's A20 gate does not apply; otherwise as mem_read and
 * mem_write (MMIO, ROM, dirty pages and stale decoded code alike). */
uint8_t mem_bus_read8(struct mem *m, uint32_t phys);
void mem_bus_write8(struct mem *m, uint32_t phys, uint8_t val);

/* Debugger access: no MMIO side effects, no dirty marks; ROM can be written
 * (to load firmware). Bytes that are not RAM or ROM read as 0xFF. The
 * address is physical and is not masked by A20. Return the bytes handled. */
uint32_t mem_peek(const struct mem *m, uint32_t phys, void *buf, uint32_t len);
uint32_t mem_poke(struct mem *m, uint32_t phys, const void *buf, uint32_t len);

/* Dirty pages: a harness resets what a guest wrote without clearing all RAM. */
void mem_dirty_clear(struct mem *m);
/* Zero every RAM page written since the last call, then clear the marks. */
void mem_dirty_zero(struct mem *m);

#endif
