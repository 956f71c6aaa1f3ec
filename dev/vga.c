/*
 * dev/vga.c — the VGA's registers (misc output, sequencer, graphics and
 * attribute controllers, CRTC, DAC, input status 1) and the CPU's view of
 * the four planes through the memory window. Rendering is in vga_render.c.
 */
#include "vga.h"

#include <stdlib.h>
#include <string.h>

enum {
	PORT_FIRST = 0x3B0,
	PORT_COUNT = 0x30,
	WINDOW_BASE = 0xA0000,
	WINDOW_SIZE = 0x20000,
};

enum { MISC_COLOUR = 0x01 };
enum { SEQ_MAP_MASK = 2, SEQ_MEMORY_MODE = 4 };
enum { SEQ4_ODD_EVEN_OFF = 0x04, SEQ4_CHAIN4 = 0x08 };
enum {
	GC_SET_RESET,
	GC_ENABLE_SR,
	GC_COLOR_COMPARE,
	GC_ROTATE,
	GC_READ_MAP,
	GC_MODE,
	GC_MISC,
	GC_DONT_CARE,
	GC_BIT_MASK
};
enum { CRTC_OVERFLOW = 0x07, CRTC_VRETRACE_END = 0x11 };
enum { CRTC11_PROTECT = 0x80 };

/* Input status 1 timing of the 640x400/720x400 70 Hz modes: 449 lines of
 * which 400 show and lines 412-413 are the vertical retrace; in each line
 * 80 of 100 character clocks show. */
#define FRAME_NS       VGA_FRAME_NS
#define FRAME_LINES    449u
#define ACTIVE_LINES   400u
#define VRETRACE_FIRST 412u
#define VRETRACE_END   414u
enum { IS1_NOT_ACTIVE = 0x01, IS1_VRETRACE = 0x08 };

/* Register values of the standard modes (IBM VGA technical reference). */
struct vga_mode_regs {
	uint8_t misc;
	uint8_t seq[VGA_SEQ_REGS];
	uint8_t crtc[VGA_CRTC_REGS];
	uint8_t gc[VGA_GC_REGS];
	uint8_t attr[VGA_ATTR_REGS];
};

static const struct vga_mode_regs mode_03 = {
	0x67,
	{ 0x03, 0x00, 0x03, 0x00, 0x02 },
	{ 0x5F, 0x4F, 0x50, 0x82, 0x55, 0x81, 0xBF, 0x1F, 0x00, 0x4F, 0x0D, 0x0E, 0x00,
	  0x00, 0x00, 0x00, 0x9C, 0x8E, 0x8F, 0x28, 0x1F, 0x96, 0xB9, 0xA3, 0xFF },
	{ 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0E, 0x00, 0xFF },
	{ 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3A,
	  0x3B, 0x3C, 0x3D, 0x3E, 0x3F, 0x0C, 0x00, 0x0F, 0x08, 0x00 },
};

static const struct vga_mode_regs mode_13 = {
	0x63,
	{ 0x03, 0x01, 0x0F, 0x00, 0x0E },
	{ 0x5F, 0x4F, 0x50, 0x82, 0x54, 0x80, 0xBF, 0x1F, 0x00, 0x41, 0x00, 0x00, 0x00,
	  0x00, 0x00, 0x00, 0x9C, 0x0E, 0x8F, 0x28, 0x40, 0x96, 0xB9, 0xA3, 0xFF },
	{ 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x05, 0x0F, 0xFF },
	{ 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A,
	  0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x41, 0x00, 0x0F, 0x00, 0x00 },
};

int vga_set_mode(struct vga *v, int mode)
{
	const struct vga_mode_regs *r = mode == 0x03 ? &mode_03 : mode == 0x13 ? &mode_13 : NULL;

	if (!r)
		return -1;
	v->misc = r->misc;
	memcpy(v->seq, r->seq, sizeof v->seq);
	memcpy(v->crtc, r->crtc, sizeof v->crtc);
	memcpy(v->gc, r->gc, sizeof v->gc);
	memcpy(v->attr, r->attr, sizeof v->attr);
	v->attr_index = 0x20; /* palette source on: the screen shows */
	v->attr_data = false;
	v->changes++;
	return 0;
}

/* The first 64 DAC entries as the BIOS sets them for 16-colour modes: the
 * EGA's 64 colours, where bits 2/1/0 are red/green/blue at 2/3 intensity
 * and bits 5/4/3 add 1/3 to each. */
static void default_palette(struct vga *v)
{
	for (int i = 0; i < 64; i++) {
		v->dac[i][0] = (uint8_t)((i >> 2 & 1) * 0x2A + (i >> 5 & 1) * 0x15);
		v->dac[i][1] = (uint8_t)((i >> 1 & 1) * 0x2A + (i >> 4 & 1) * 0x15);
		v->dac[i][2] = (uint8_t)((i & 1) * 0x2A + (i >> 3 & 1) * 0x15);
	}
	v->pel_mask = 0xFF;
}

/* Input status 1 from where guest time stands in the current frame. */
static uint8_t input_status_1(const struct vga *v)
{
	uint64_t pos = clock_ns(v->clk) % FRAME_NS;
	uint64_t line = pos * FRAME_LINES / FRAME_NS;
	uint64_t in_line = pos * FRAME_LINES % FRAME_NS; /* 0..FRAME_NS-1 across the line */
	uint8_t st = 0;

	if (line >= ACTIVE_LINES || in_line >= FRAME_NS / 100 * 80)
		st |= IS1_NOT_ACTIVE;
	if (line >= VRETRACE_FIRST && line < VRETRACE_END)
		st |= IS1_VRETRACE;
	return st;
}

/* The CRTC and input status 1 answer at 0x3Bx or 0x3Dx as misc bit 0 says;
 * at the other address they are not there. */
static bool crtc_here(const struct vga *v, uint16_t port)
{
	bool colour = v->misc & MISC_COLOUR;

	return (port & 0xFFF0) == (colour ? 0x3D0 : 0x3B0);
}

static uint8_t dac_read_data(struct vga *v)
{
	uint8_t val = v->dac[v->dac_read][v->dac_read_comp];

	if (++v->dac_read_comp == 3) {
		v->dac_read_comp = 0;
		v->dac_read++;
	}
	return val;
}

static void dac_write_data(struct vga *v, uint8_t val)
{
	v->dac[v->dac_write][v->dac_write_comp] = val & 0x3F;
	if (++v->dac_write_comp == 3) {
		v->dac_write_comp = 0;
		v->dac_write++;
	}
}

static uint32_t vga_port_read(void *dev, uint16_t off, int size)
{
	struct vga *v = dev;
	uint16_t port = (uint16_t)(PORT_FIRST + off);

	(void)size;
	switch (port) {
	case 0x3B4:
	case 0x3D4:
		return crtc_here(v, port) ? v->crtc_index : 0xFF;
	case 0x3B5:
	case 0x3D5:
		if (!crtc_here(v, port))
			return 0xFF;
		return v->crtc_index < VGA_CRTC_REGS ? v->crtc[v->crtc_index] : 0xFF;
	case 0x3BA:
	case 0x3DA:
		if (!crtc_here(v, port))
			return 0xFF;
		v->attr_data = false; /* reading it resets the attribute flip-flop */
		return input_status_1(v);
	case 0x3C0:
		return v->attr_index;
	case 0x3C1:
		return (v->attr_index & 0x1F) < VGA_ATTR_REGS ? v->attr[v->attr_index & 0x1F]
		                                              : 0xFF;
	case 0x3C2:
		return 0x10; /* input status 0: switch sense reads as a colour monitor */
	case 0x3C4:
		return v->seq_index;
	case 0x3C5:
		return v->seq_index < VGA_SEQ_REGS ? v->seq[v->seq_index] : 0xFF;
	case 0x3C6:
		return v->pel_mask;
	case 0x3C7:
		return v->dac_reading ? 0x03 : 0x00;
	case 0x3C8:
		return v->dac_write;
	case 0x3C9:
		return dac_read_data(v);
	case 0x3CC:
		return v->misc;
	case 0x3CE:
		return v->gc_index;
	case 0x3CF:
		return v->gc_index < VGA_GC_REGS ? v->gc[v->gc_index] : 0xFF;
	default:
		return 0xFF;
	}
}

static void crtc_write(struct vga *v, uint8_t val)
{
	if (v->crtc_index >= VGA_CRTC_REGS)
		return;
	/* Register 0x11 bit 7 protects 0-7, except bit 4 (line compare bit 8)
	 * of the overflow register. */
	if (v->crtc_index <= 7 && (v->crtc[CRTC_VRETRACE_END] & CRTC11_PROTECT)) {
		if (v->crtc_index == CRTC_OVERFLOW)
			v->crtc[CRTC_OVERFLOW] =
			        (uint8_t)((v->crtc[CRTC_OVERFLOW] & ~0x10) | (val & 0x10));
		return;
	}
	v->crtc[v->crtc_index] = val;
}

static void attr_write(struct vga *v, uint8_t val)
{
	if (!v->attr_data)
		v->attr_index = val & 0x3F;
	else if ((v->attr_index & 0x1F) < VGA_ATTR_REGS)
		v->attr[v->attr_index & 0x1F] = val;
	v->attr_data = !v->attr_data;
}

static void vga_port_write(void *dev, uint16_t off, uint32_t val32, int size)
{
	struct vga *v = dev;
	uint16_t port = (uint16_t)(PORT_FIRST + off);
	uint8_t val = (uint8_t)val32;

	(void)size;
	v->changes++;
	switch (port) {
	case 0x3B4:
	case 0x3D4:
		if (crtc_here(v, port))
			v->crtc_index = val;
		break;
	case 0x3B5:
	case 0x3D5:
		if (crtc_here(v, port))
			crtc_write(v, val);
		break;
	case 0x3C0:
		attr_write(v, val);
		break;
	case 0x3C2:
		v->misc = val;
		break;
	case 0x3C4:
		v->seq_index = val;
		break;
	case 0x3C5:
		if (v->seq_index < VGA_SEQ_REGS)
			v->seq[v->seq_index] = val;
		break;
	case 0x3C6:
		v->pel_mask = val;
		break;
	case 0x3C7:
		v->dac_read = val;
		v->dac_read_comp = 0;
		v->dac_reading = true;
		break;
	case 0x3C8:
		v->dac_write = val;
		v->dac_write_comp = 0;
		v->dac_reading = false;
		break;
	case 0x3C9:
		dac_write_data(v, val);
		break;
	case 0x3CE:
		v->gc_index = val;
		break;
	case 0x3CF:
		if (v->gc_index < VGA_GC_REGS)
			v->gc[v->gc_index] = val;
		break;
	default:
		break;
	}
}

static const struct port_ops vga_port_ops = { vga_port_read, vga_port_write };

/* Where CPU window offset 'off' (from 0xA0000) falls in the planes: the
 * plane (or -1 for all four, planar) and the address in it. Returns false
 * outside the window that GC misc bits 2-3 select. */
static bool locate(const struct vga *v, uint32_t off, int *plane, uint32_t *addr)
{
	static const uint32_t base[4] = { 0, 0, 0x10000, 0x18000 };
	static const uint32_t size[4] = { 0x20000, 0x10000, 0x8000, 0x8000 };
	int map = v->gc[GC_MISC] >> 2 & 3;
	uint32_t a;

	if (off < base[map] || off - base[map] >= size[map])
		return false;
	a = off - base[map];
	/* As on the hardware, chain-4 and odd/even take the plane from the low
	 * address bits but leave the address alone, so only every fourth or
	 * second byte of a plane is used; the CRTC's doubleword and word modes
	 * read them back that way. */
	if (v->seq[SEQ_MEMORY_MODE] & SEQ4_CHAIN4) {
		*plane = (int)(a & 3);
		*addr = a & ~3u & (VGA_PLANE_SIZE - 1);
	} else if (!(v->seq[SEQ_MEMORY_MODE] & SEQ4_ODD_EVEN_OFF)) {
		*plane = (int)(a & 1);
		*addr = a & ~1u & (VGA_PLANE_SIZE - 1);
	} else {
		*plane = -1;
		*addr = a & (VGA_PLANE_SIZE - 1);
	}
	return true;
}

static uint8_t mem_read_byte(struct vga *v, uint32_t off)
{
	int plane;
	uint32_t a;

	if (!locate(v, off, &plane, &a))
		return 0xFF;
	for (int i = 0; i < 4; i++)
		v->latch[i] = v->plane[i][a];
	if (plane >= 0)
		return v->latch[plane];
	if (v->gc[GC_MODE] & 0x08) {
		/* Read mode 1: bits where every plane not ignored matches the
		 * colour compare register. */
		uint8_t diff = 0;
		for (int i = 0; i < 4; i++) {
			if (!(v->gc[GC_DONT_CARE] >> i & 1))
				continue;
			uint8_t want = (v->gc[GC_COLOR_COMPARE] >> i & 1) ? 0xFF : 0x00;
			diff |= (uint8_t)(v->latch[i] ^ want);
		}
		return (uint8_t)~diff;
	}
	return v->latch[v->gc[GC_READ_MAP] & 3];
}

/* Write modes 0-3 for planar memory: rotate, set/reset, the logical
 * operation with the latches and the bit mask. */
static uint8_t planar_value(const struct vga *v, int i, uint8_t val)
{
	int mode = v->gc[GC_MODE] & 3, rot = v->gc[GC_ROTATE] & 7;
	uint8_t mask = v->gc[GC_BIT_MASK], data;
	uint8_t rotated = (uint8_t)((val >> rot) | (val << ((8 - rot) & 7)));

	switch (mode) {
	case 1:
		return v->latch[i];
	case 2:
		data = (val >> i & 1) ? 0xFF : 0x00;
		break;
	case 3:
		mask &= rotated;
		data = (v->gc[GC_SET_RESET] >> i & 1) ? 0xFF : 0x00;
		break;
	default:
		data = (v->gc[GC_ENABLE_SR] >> i & 1)
		               ? ((v->gc[GC_SET_RESET] >> i & 1) ? 0xFF : 0x00)
		               : rotated;
		break;
	}
	if (mode != 3) {
		switch (v->gc[GC_ROTATE] >> 3 & 3) {
		case 1:
			data &= v->latch[i];
			break;
		case 2:
			data |= v->latch[i];
			break;
		case 3:
			data ^= v->latch[i];
			break;
		default:
			break;
		}
	}
	return (uint8_t)((data & mask) | (v->latch[i] & ~mask));
}

static void mem_write_byte(struct vga *v, uint32_t off, uint8_t val)
{
	uint8_t map_mask = v->seq[SEQ_MAP_MASK];
	int plane;
	uint32_t a;

	if (!locate(v, off, &plane, &a))
		return;
	/* Chain-4 and odd/even writes go to the one plane the address picks,
	 * if the map mask lets them. */
	if (plane >= 0) {
		if (map_mask >> plane & 1)
			v->plane[plane][a] = val;
		return;
	}
	for (int i = 0; i < 4; i++)
		if (map_mask >> i & 1)
			v->plane[i][a] = planar_value(v, i, val);
}

static uint32_t vga_mem_read(void *dev, uint32_t off, int size)
{
	uint32_t val = 0;

	for (int i = 0; i < size; i++)
		val |= (uint32_t)mem_read_byte(dev, off + (uint32_t)i) << (8 * i);
	return val;
}

static void vga_mem_write(void *dev, uint32_t off, uint32_t val, int size)
{
	((struct vga *)dev)->changes++;
	for (int i = 0; i < size; i++)
		mem_write_byte(dev, off + (uint32_t)i, (uint8_t)(val >> (8 * i)));
}

static const struct mmio_ops vga_mmio_ops = { vga_mem_read, vga_mem_write };

int vga_init(struct vga *v, struct bus *b, struct mem *m, struct clock *clk)
{
	uint8_t *planes = calloc(4, VGA_PLANE_SIZE);

	memset(v, 0, sizeof *v);
	if (!planes)
		return -1;
	for (int i = 0; i < 4; i++)
		v->plane[i] = planes + (size_t)i * VGA_PLANE_SIZE;
	v->clk = clk;
	default_palette(v);
	vga_set_mode(v, 0x03);
	if (bus_map(b, PORT_FIRST, PORT_COUNT, "vga", &vga_port_ops, v, IO_8) ||
	    mem_map_mmio(m, WINDOW_BASE, WINDOW_SIZE, &vga_mmio_ops, v, "vga")) {
		vga_free(v);
		return -1;
	}
	return 0;
}

void vga_load_font(struct vga *v, const uint8_t *glyphs, int height)
{
	if (height < 1 || height > 32)
		return;
	for (int ch = 0; ch < 256; ch++)
		memcpy(v->plane[2] + ch * 32, glyphs + ch * height, (size_t)height);
	v->changes++;
}

void vga_free(struct vga *v)
{
	free(v->plane[0]);
	memset(v->plane, 0, sizeof v->plane);
}
