/*
 * mem/phys.c — the physical address space: RAM from 0, ROM copies and MMIO
 * regions, the address-line mask and A20 gate, the per-page fast maps that
 * mem.h's inline accessors use, and the slow path behind them.
 */
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* The pages real-mode code reaches with A20 open (up to FFFF:FFFF = 0x10FFEF)
 * are in the fast map whatever the RAM size, so a ROM mapped there is read
 * directly too. */
#define FAST_MAP_MIN 0x110000u

#define ADDR_SPACE_END ((uint64_t)1 << 32)

/* Region indexes from the lookups: a hole, or an access to split into bytes. */
enum { HOLE = -1, SPLIT = -2 };

static uint32_t all_ones(int size)
{
	return size >= 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1;
}

static uint64_t region_end(const struct mem_region *r)
{
	return (uint64_t)r->base + r->size;
}

static bool region_has(const struct mem_region *r, uint32_t phys)
{
	return phys >= r->base && phys - r->base < r->size;
}

/* The region that answers for 'phys': the last registered one containing it,
 * since later mappings hide earlier ones, or HOLE. */
static int region_at(const struct mem *m, uint32_t phys)
{
	for (int i = m->nregions - 1; i >= 0; i--)
		if (region_has(&m->region[i], phys))
			return i;
	return HOLE;
}

/* Bytes from 'phys' onwards answered by the same region 'idx' (or HOLE):
 * up to its end, cut short where a later region begins. */
static uint64_t run_length(const struct mem *m, uint32_t phys, int idx)
{
	uint64_t end = idx != HOLE ? region_end(&m->region[idx]) : ADDR_SPACE_END;

	for (int i = idx + 1; i < m->nregions; i++) {
		uint32_t base = m->region[i].base;
		if (base > phys && base < end)
			end = base;
	}
	return end - phys;
}

static uint32_t load_le(const uint8_t *p, int size)
{
	uint32_t v = 0;

	for (int i = size - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static void store_le(uint8_t *p, uint32_t val, int size)
{
	for (int i = 0; i < size; i++)
		p[i] = (uint8_t)(val >> (8 * i));
}

static void mark_dirty(struct mem *m, uint32_t phys, int size)
{
	uint32_t pg = phys >> MEM_PAGE_SHIFT;

	if (pg < m->fast_pages) {
		m->page_dirty[pg] = 1;
		mem_code_written(m, pg, phys & MEM_PAGE_MASK, (uint32_t)size);
	}
}

/* One access that lies wholly inside region 'idx' (or a hole). */
static uint32_t region_read(struct mem *m, int idx, uint32_t phys, int size)
{
	if (idx == HOLE)
		return all_ones(size);
	const struct mem_region *r = &m->region[idx];
	uint32_t off = phys - r->base;
	if (r->kind != MEM_MMIO)
		return load_le(r->host + off, size);
	if (!r->ops->read)
		return all_ones(size);
	return r->ops->read(r->dev, off, size) & all_ones(size);
}

static void region_write(struct mem *m, int idx, uint32_t phys, uint32_t val, int size)
{
	if (idx == HOLE)
		return;
	const struct mem_region *r = &m->region[idx];
	uint32_t off = phys - r->base;
	switch (r->kind) {
	case MEM_RAM:
		store_le(r->host + off, val, size);
		mark_dirty(m, phys, size); /* whole accesses never cross a page */
		break;
	case MEM_ROM:
		break;
	case MEM_MMIO:
		if (r->ops->write)
			r->ops->write(r->dev, off, val & all_ones(size), size);
		break;
	}
}

/* The region that takes the access at masked address 'a' whole, or SPLIT
 * when it must go byte by byte: it crosses a page (the address mask may send the next
 * byte elsewhere) or a region boundary. */
static int whole_access_region(const struct mem *m, uint32_t a, int size)
{
	if ((a & MEM_PAGE_MASK) > MEM_PAGE_SIZE - (uint32_t)size)
		return SPLIT;
	int idx = region_at(m, a);
	return run_length(m, a, idx) >= (uint64_t)size ? idx : SPLIT;
}

/* 'mask': the address lines the access drives (A20 gated or not). */
static uint32_t read_masked(struct mem *m, uint32_t phys, int size, uint32_t mask)
{
	uint32_t a = phys & mask;
	int idx = whole_access_region(m, a, size);

	if (idx != SPLIT)
		return region_read(m, idx, a, size);
	uint32_t v = 0;
	for (int i = 0; i < size; i++) {
		uint32_t ai = (phys + (uint32_t)i) & mask;
		v |= region_read(m, region_at(m, ai), ai, 1) << (8 * i);
	}
	return v;
}

static void write_masked(struct mem *m, uint32_t phys, uint32_t val, int size, uint32_t mask)
{
	uint32_t a = phys & mask;
	int idx = whole_access_region(m, a, size);

	if (idx != SPLIT) {
		region_write(m, idx, a, val, size);
		return;
	}
	for (int i = 0; i < size; i++) {
		uint32_t ai = (phys + (uint32_t)i) & mask;
		region_write(m, region_at(m, ai), ai, (val >> (8 * i)) & 0xFF, 1);
	}
}

uint32_t mem_read_slow(struct mem *m, uint32_t phys, int size)
{
	return read_masked(m, phys, size, m->addr_mask);
}

void mem_write_slow(struct mem *m, uint32_t phys, uint32_t val, int size)
{
	write_masked(m, phys, val, size, m->addr_mask);
}

uint8_t mem_bus_read8(struct mem *m, uint32_t phys)
{
	return (uint8_t)read_masked(m, phys, 1, m->cpu_mask);
}

void mem_bus_write8(struct mem *m, uint32_t phys, uint8_t val)
{
	write_masked(m, phys, val, 1, m->cpu_mask);
}

/* Point the fast map at region 'r' for the pages it covers. Only pages that
 * are wholly RAM or wholly ROM can be reached directly; a page the region
 * covers partly, or an MMIO page, goes to the slow path. */
static void fast_map_region(struct mem *m, const struct mem_region *r)
{
	uint64_t end = region_end(r);
	uint64_t first = r->base >> MEM_PAGE_SHIFT;
	uint64_t last = (end - 1) >> MEM_PAGE_SHIFT;

	for (uint64_t pg = first; pg <= last && pg < m->fast_pages; pg++) {
		uint64_t start = pg << MEM_PAGE_SHIFT;
		bool whole = start >= r->base && start + MEM_PAGE_SIZE <= end;
		uint8_t *host = whole && r->host ? r->host + (start - r->base) : NULL;
		m->page_rd[pg] = host;
		m->page_wr[pg] = r->kind == MEM_RAM ? host : NULL;
	}
}

static struct mem_region *add_region(struct mem *m, uint32_t base, uint32_t size,
                                     enum mem_kind kind, const char *name)
{
	if (size == 0 || (uint64_t)base + size > ADDR_SPACE_END || m->nregions >= MEM_MAX_REGIONS)
		return NULL;
	struct mem_region *r = &m->region[m->nregions];
	memset(r, 0, sizeof(*r));
	r->base = base;
	r->size = size;
	r->kind = kind;
	r->name = name;
	return r;
}

static uint32_t line_mask(int addr_bits)
{
	return addr_bits >= 32 ? 0xFFFFFFFFu : (1u << addr_bits) - 1;
}

/* Addresses are 20 to 32 bits wide: fewer would not even reach the BIOS.
 * RAM is region 0 as soon as it exists, so mem_free finds it on failure. */
int mem_init(struct mem *m, uint32_t ram_size, int addr_bits)
{
	memset(m, 0, sizeof(*m));
	if (ram_size == 0 || addr_bits < 20 || addr_bits > 32)
		return -1;
	m->cpu_mask = line_mask(addr_bits);
	mem_set_a20(m, true);

	m->ram = calloc(ram_size, 1);
	if (!m->ram)
		return -1;
	m->ram_size = ram_size;
	struct mem_region *r = &m->region[0];
	*r = (struct mem_region){
		.size = ram_size, .kind = MEM_RAM, .host = m->ram, .name = "ram", .owned = true
	};
	m->nregions = 1;

	uint64_t span = ram_size > FAST_MAP_MIN ? ram_size : FAST_MAP_MIN;
	m->fast_pages = (uint32_t)((span + MEM_PAGE_MASK) >> MEM_PAGE_SHIFT);
	m->page_rd = calloc(m->fast_pages, sizeof(*m->page_rd));
	m->page_wr = calloc(m->fast_pages, sizeof(*m->page_wr));
	m->page_dirty = calloc(m->fast_pages, 1);
	m->page_code = calloc(m->fast_pages, sizeof(*m->page_code));
	m->page_gen = calloc(m->fast_pages, sizeof(*m->page_gen));
	if (!m->page_rd || !m->page_wr || !m->page_dirty || !m->page_code || !m->page_gen) {
		mem_free(m);
		return -1;
	}
	fast_map_region(m, r);
	return 0;
}

/* Frees what mem_init and the mappings allocated (RAM included, as region 0)
 * and leaves 'm' zeroed, so a second call, or one after a failed mem_init,
 * does nothing. */
void mem_free(struct mem *m)
{
	for (int i = 0; i < m->nregions; i++)
		if (m->region[i].owned)
			free(m->region[i].host);
	free(m->page_rd);
	free(m->page_wr);
	free(m->page_dirty);
	free(m->page_code);
	free(m->page_gen);
	memset(m, 0, sizeof(*m));
}

int mem_map_rom(struct mem *m, uint32_t base, const uint8_t *data, uint32_t size, const char *name)
{
	if (!data)
		return -1;
	struct mem_region *r = add_region(m, base, size, MEM_ROM, name);
	if (!r)
		return -1;
	r->host = malloc(size);
	if (!r->host)
		return -1;
	memcpy(r->host, data, size);
	r->owned = true;
	m->nregions++;
	fast_map_region(m, r);
	return 0;
}

int mem_map_mmio(struct mem *m, uint32_t base, uint32_t size, const struct mmio_ops *ops, void *dev,
                 const char *name)
{
	if (!ops)
		return -1;
	struct mem_region *r = add_region(m, base, size, MEM_MMIO, name);
	if (!r)
		return -1;
	r->ops = ops;
	r->dev = dev;
	m->nregions++;
	fast_map_region(m, r);
	return 0;
}

/* Pages are 4 KiB and the gate is bit 20, so closing it never splits a page:
 * the fast map stays valid and only the mask changes. */
void mem_set_a20(struct mem *m, bool open)
{
	m->a20_open = open;
	m->addr_mask = open ? m->cpu_mask : m->cpu_mask & ~(1u << 20);
}

bool mem_a20(const struct mem *m)
{
	return m->a20_open;
}

/* The host bytes behind 'phys' for a debugger, and how many follow in the same
 * region; NULL (with the run length) for MMIO and holes. */
static uint8_t *debug_bytes(const struct mem *m, uint32_t phys, uint64_t *run)
{
	int idx = region_at(m, phys);

	*run = run_length(m, phys, idx);
	if (idx == HOLE || m->region[idx].kind == MEM_MMIO)
		return NULL;
	return m->region[idx].host + (phys - m->region[idx].base);
}

static uint32_t clip_to_space(uint32_t phys, uint32_t len)
{
	uint64_t room = ADDR_SPACE_END - phys;
	return len < room ? len : (uint32_t)room;
}

/* Fills 'buf' with 'len' bytes, clipped at the 4 GiB end, and returns how many
 * were filled. MMIO is never called: those bytes read as 0xFF like holes. */
uint32_t mem_peek(const struct mem *m, uint32_t phys, void *buf, uint32_t len)
{
	uint8_t *out = buf;
	uint32_t total = clip_to_space(phys, len);

	for (uint32_t done = 0; done < total;) {
		uint64_t run;
		const uint8_t *src = debug_bytes(m, phys + done, &run);
		uint32_t n = run < total - done ? (uint32_t)run : total - done;
		if (src)
			memcpy(out + done, src, n);
		else
			memset(out + done, 0xFF, n);
		done += n;
	}
	return total;
}

/* Stores into RAM and ROM only and returns how many bytes were stored, so a
 * loader can tell whether an image landed whole. */
uint32_t mem_poke(struct mem *m, uint32_t phys, const void *buf, uint32_t len)
{
	const uint8_t *in = buf;
	uint32_t total = clip_to_space(phys, len);
	uint32_t stored = 0;

	for (uint32_t done = 0; done < total;) {
		uint64_t run;
		uint8_t *dst = debug_bytes(m, phys + done, &run);
		uint32_t n = run < total - done ? (uint32_t)run : total - done;
		if (dst) {
			memcpy(dst, in + done, n);
			stored += n;
			for (uint64_t a = phys + done; a < (uint64_t)phys + done + n;
			     a = (a | MEM_PAGE_MASK) + 1)
				if ((a >> MEM_PAGE_SHIFT) < m->fast_pages)
					mem_code_written(m, (uint32_t)(a >> MEM_PAGE_SHIFT), 0,
					                 MEM_PAGE_SIZE);
		}
		done += n;
	}
	return stored;
}

void mem_dirty_clear(struct mem *m)
{
	memset(m->page_dirty, 0, m->fast_pages);
}

/* Only the RAM part of a page is zeroed: the last page may be partly RAM, and
 * a ROM or MMIO region hiding RAM keeps its own contents. */
void mem_dirty_zero(struct mem *m)
{
	for (uint32_t pg = 0; pg < m->fast_pages; pg++) {
		if (!m->page_dirty[pg])
			continue;
		m->page_dirty[pg] = 0;
		mem_code_written(m, pg, 0, MEM_PAGE_SIZE);
		uint64_t start = (uint64_t)pg << MEM_PAGE_SHIFT;
		if (start >= m->ram_size)
			continue;
		uint64_t n =
		        m->ram_size - start < MEM_PAGE_SIZE ? m->ram_size - start : MEM_PAGE_SIZE;
		memset(m->ram + start, 0, n);
	}
}
