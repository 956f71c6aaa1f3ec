/*
 * tools/gdb_target.c — the machine as gdb sees it: i386 registers in gdb's
 * numbering and the target description that names them, and guest memory
 * at linear addresses.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gdb_packet.h"
#include "gdb_target.h"

struct reg_desc {
	const char *name;
	int bits;
	const char *type;
	const char *group; /* NULL: gdb's default for the type */
};

/* gdb's i386 core feature must list these 32 registers in this order (gdb
 * rejects a description without the x87 ones). */
static const struct reg_desc regs[GDB_NUM_REGS] = {
	{ "eax", 32, "int32", NULL },    { "ecx", 32, "int32", NULL },
	{ "edx", 32, "int32", NULL },    { "ebx", 32, "int32", NULL },
	{ "esp", 32, "data_ptr", NULL }, { "ebp", 32, "data_ptr", NULL },
	{ "esi", 32, "int32", NULL },    { "edi", 32, "int32", NULL },
	{ "eip", 32, "code_ptr", NULL }, { "eflags", 32, "x86lab_eflags", NULL },
	{ "cs", 32, "int32", NULL },     { "ss", 32, "int32", NULL },
	{ "ds", 32, "int32", NULL },     { "es", 32, "int32", NULL },
	{ "fs", 32, "int32", NULL },     { "gs", 32, "int32", NULL },
	{ "st0", 80, "i387_ext", NULL }, { "st1", 80, "i387_ext", NULL },
	{ "st2", 80, "i387_ext", NULL }, { "st3", 80, "i387_ext", NULL },
	{ "st4", 80, "i387_ext", NULL }, { "st5", 80, "i387_ext", NULL },
	{ "st6", 80, "i387_ext", NULL }, { "st7", 80, "i387_ext", NULL },
	{ "fctrl", 32, "int", "float" }, { "fstat", 32, "int", "float" },
	{ "ftag", 32, "int", "float" },  { "fiseg", 32, "int", "float" },
	{ "fioff", 32, "int", "float" }, { "foseg", 32, "int", "float" },
	{ "fooff", 32, "int", "float" }, { "fop", 32, "int", "float" },
};

/* gdb numbers the segment registers cs, ss, ds, es, fs, gs. */
static const int gdb_seg[6] = { SEG_CS, SEG_SS, SEG_DS, SEG_ES, SEG_FS, SEG_GS };

/* The FLAGS bits by name, so 'info registers' prints [ ZF PF ]. */
static const struct {
	const char *name;
	int bit;
} eflags_fields[] = {
	{ "CF", 0 },  { "PF", 2 },   { "AF", 4 },   { "ZF", 6 },  { "SF", 7 },  { "TF", 8 },
	{ "IF", 9 },  { "DF", 10 },  { "OF", 11 },  { "NT", 14 }, { "RF", 16 }, { "VM", 17 },
	{ "AC", 18 }, { "VIF", 19 }, { "VIP", 20 }, { "ID", 21 },
};

/* Appends with snprintf; 'overflow' records a buffer that was too small. */
struct text {
	char *buf;
	size_t n, len;
	bool overflow;
};

static void put(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (t->overflow)
		return;
	va_start(ap, fmt);
	w = vsnprintf(t->buf + t->len, t->n - t->len, fmt, ap);
	va_end(ap);
	if (w < 0 || (size_t)w >= t->n - t->len)
		t->overflow = true;
	else
		t->len += (size_t)w;
}

size_t gdb_target_xml(char *buf, size_t n)
{
	struct text t = { buf, n, 0, n == 0 };

	put(&t, "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
	        "<target version=\"1.0\">\n<architecture>i8086</architecture>\n"
	        "<osabi>none</osabi>\n<feature name=\"org.gnu.gdb.i386.core\">\n"
	        "<flags id=\"x86lab_eflags\" size=\"4\">\n");
	for (size_t i = 0; i < sizeof eflags_fields / sizeof eflags_fields[0]; i++)
		put(&t, "<field name=\"%s\" start=\"%d\" end=\"%d\"/>\n", eflags_fields[i].name,
		    eflags_fields[i].bit, eflags_fields[i].bit);
	put(&t, "</flags>\n");
	for (int i = 0; i < GDB_NUM_REGS; i++) {
		put(&t, "<reg name=\"%s\" bitsize=\"%d\" regnum=\"%d\"", regs[i].name, regs[i].bits,
		    i);
		put(&t, " type=\"%s\"", regs[i].type);
		if (regs[i].group)
			put(&t, " group=\"%s\"", regs[i].group);
		put(&t, "/>\n");
	}
	put(&t, "</feature>\n</target>\n");
	return t.overflow ? 0 : t.len;
}

int gdb_reg_bits(int regno)
{
	return regno >= 0 && regno < GDB_NUM_REGS ? regs[regno].bits : 0;
}

static uint32_t greg_value(const struct cpu *c, int regno)
{
	if (regno < 8)
		return c->reg[regno];
	if (regno == GDB_REG_EIP)
		return c->eip;
	if (regno == GDB_REG_EFLAGS)
		return cpu_flags(c);
	return c->seg[gdb_seg[regno - 10]].sel;
}

size_t gdb_reg_get(const struct cpu *c, int regno, char *out)
{
	size_t chars = (size_t)gdb_reg_bits(regno) / 4;
	uint32_t v;
	uint8_t b[4];

	if (chars == 0)
		return 0;
	if (regno >= GDB_NUM_GREGS) { /* no FPU: the x87 registers do not exist */
		memset(out, 'x', chars);
		return chars;
	}
	v = greg_value(c, regno);
	for (int i = 0; i < 4; i++)
		b[i] = (uint8_t)(v >> (8 * i));
	gdb_hex(out, b, 4);
	return 8;
}

/* A real-mode segment register takes any value; in protected mode a load
 * needs a descriptor, which a debugger write cannot do here. */
static int set_seg(struct cpu *c, int seg, uint16_t sel)
{
	if (c->cr0 & CR0_PE)
		return c->seg[seg].sel == sel ? 0 : -1;
	cpu_load_real_seg(c, seg, sel);
	return 0;
}

int gdb_reg_set(struct cpu *c, int regno, const char *hex)
{
	uint8_t b[4];
	uint32_t v, narrow;

	if (regno < 0 || regno >= GDB_NUM_GREGS || !gdb_unhex(hex, b, 4))
		return -1;
	v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
	/* The 8086 and 286 have no upper halves to keep a value in. */
	narrow = c->traits->has_32bit ? v : v & 0xffff;
	if (regno < 8)
		c->reg[regno] = narrow;
	else if (regno == GDB_REG_EIP)
		c->eip = narrow;
	else if (regno == GDB_REG_EFLAGS)
		cpu_set_flags(c, v);
	else
		return set_seg(c, gdb_seg[regno - 10], (uint16_t)v);
	return 0;
}

/* Bytes from 'lin' up to the end of its page, at most 'left'. */
static uint32_t page_chunk(uint32_t lin, uint32_t left)
{
	uint32_t room = MEM_PAGE_SIZE - (lin & MEM_PAGE_MASK);

	return room < left ? room : left;
}

uint32_t gdb_mem_read(const struct machine *m, uint32_t lin, uint8_t *buf, uint32_t len)
{
	uint32_t done = 0;

	while (done < len) {
		uint32_t a = lin + done, phys, n = page_chunk(a, len - done);
		if (!cpu_linear_to_phys(&m->cpu, a, &phys) ||
		    mem_peek(&m->mem, phys, buf + done, n) != n)
			break;
		done += n;
	}
	return done;
}

uint32_t gdb_mem_write(struct machine *m, uint32_t lin, const uint8_t *buf, uint32_t len)
{
	uint32_t done = 0;

	while (done < len) {
		uint32_t a = lin + done, phys, n = page_chunk(a, len - done);
		if (!cpu_linear_to_phys(&m->cpu, a, &phys) ||
		    mem_poke(&m->mem, phys, buf + done, n) != n)
			break;
		done += n;
	}
	return done;
}
