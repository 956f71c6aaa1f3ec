/*
 * tools/monitor/cmd_sysregs.c — 'set' for what the CPU keeps beyond the
 * general registers: CR0, CR2, CR3, DR0-DR7, GDTR and IDTR (base and
 * limit), LDTR and TR (a selector whose descriptor is read from the GDT),
 * and segment registers in protected mode, which take their descriptor from
 * the table as a segment load would, without its checks. A debugger may put
 * the CPU in any state; the checks are the guest's business.
 */
#include <inttypes.h>
#include <string.h>
#include <strings.h>

#include "desc.h"
#include "monitor.h"

enum sys_kind { SYS_CR, SYS_DR, SYS_DTR, SYS_LDTR, SYS_TR };

static const struct {
	const char *name;
	enum sys_kind kind;
	int index;
	enum cpu_model from; /* the first model that has it */
} sys_regs[] = {
	{ "cr0", SYS_CR, 0, CPU_286 },    { "msw", SYS_CR, 0, CPU_286 },
	{ "cr2", SYS_CR, 2, CPU_386 },    { "cr3", SYS_CR, 3, CPU_386 },
	{ "dr0", SYS_DR, 0, CPU_386 },    { "dr1", SYS_DR, 1, CPU_386 },
	{ "dr2", SYS_DR, 2, CPU_386 },    { "dr3", SYS_DR, 3, CPU_386 },
	{ "dr6", SYS_DR, 6, CPU_386 },    { "dr7", SYS_DR, 7, CPU_386 },
	{ "gdtr", SYS_DTR, 0, CPU_286 },  { "idtr", SYS_DTR, 1, CPU_286 },
	{ "ldtr", SYS_LDTR, 0, CPU_286 }, { "tr", SYS_TR, 0, CPU_286 },
};

const char *mon_sysreg_name(int i)
{
	return i < (int)(sizeof sys_regs / sizeof sys_regs[0]) ? sys_regs[i].name : NULL;
}

static const char *table_name(uint16_t sel)
{
	return (sel & 4) ? "LDT" : "GDT";
}

/* The descriptor 'sel' names, or an error that says why there is none. */
static int read_desc(struct monitor *m, uint16_t sel, struct desc *d)
{
	if (desc_peek(m->cpu, sel, d))
		return 0;
	mon_error(m, "selector 0x%04X: entry %u is outside the %s (or not in memory)", sel,
	          sel >> 3, table_name(sel));
	return -1;
}

static void cache_from(struct segcache *s, uint16_t sel, const struct desc *d)
{
	*s = (struct segcache){ .sel = sel,
		                .base = d->base,
		                .limit = d->limit,
		                .attr = d->attr,
		                .big = (d->attr & ATTR_DB) != 0 };
}

int mon_set_segment(struct monitor *m, int seg, uint16_t sel)
{
	struct cpu *c = m->cpu;
	struct desc d;

	if (cpu_exec_mode(c) != MODE_PROTECTED) {
		cpu_load_real_seg(c, seg, sel);
		return 0;
	}
	if (!(sel & 0xfffc)) { /* a null selector: usable in DS, ES, FS, GS until used */
		c->seg[seg] = (struct segcache){ .sel = sel };
		return 0;
	}
	if (read_desc(m, sel, &d) < 0)
		return -1;
	if (d.system) {
		mon_error(m, "selector 0x%04X names a %s, not a code or data segment", sel,
		          desc_type_name(&d));
		return -1;
	}
	cache_from(&c->seg[seg], sel, &d);
	return 0;
}

static int set_system_selector(struct monitor *m, enum sys_kind kind, uint16_t sel)
{
	struct segcache *s = kind == SYS_LDTR ? &m->cpu->ldtr : &m->cpu->tr;
	struct desc d;

	if (!(sel & 0xfffc) && kind == SYS_LDTR) {
		*s = (struct segcache){ .sel = sel };
		return 0;
	}
	if (sel & 4) {
		mon_error(m, "selector 0x%04X: %s descriptors live in the GDT (TI must be 0)", sel,
		          kind == SYS_LDTR ? "LDT" : "TSS");
		return -1;
	}
	if (read_desc(m, sel, &d) < 0)
		return -1;
	if (kind == SYS_LDTR ? !(d.system && d.type == DESC_LDT) : !desc_is_tss(&d)) {
		mon_error(m, "selector 0x%04X names a %s, not %s", sel, desc_type_name(&d),
		          kind == SYS_LDTR ? "an LDT" : "a TSS");
		return -1;
	}
	cache_from(s, sel, &d);
	return 0;
}

int mon_set_system(struct monitor *m, const char *name, const char *value, const struct mon_args *a)
{
	struct cpu *c = m->cpu;
	int64_t v, limit;
	size_t i;

	for (i = 0; i < sizeof sys_regs / sizeof sys_regs[0]; i++)
		if (strcasecmp(sys_regs[i].name, name) == 0)
			break;
	if (i == sizeof sys_regs / sizeof sys_regs[0])
		return 1;
	if (c->model < sys_regs[i].from) {
		mon_error(m, "'%s' is not a register of the %s; 'help set' lists them", name,
		          c->traits->name);
		return -1;
	}
	if (sys_regs[i].kind == SYS_DTR) {
		if (a->argc != 3) {
			mon_error(m, "usage: set %s BASE LIMIT (e.g. 'set %s 0x1000 0x3f')", name,
			          name);
			return -1;
		}
		if (mon_count(m, a->argv[1], 0, 0xFFFFFFFF, "the base", &v) < 0 ||
		    mon_count(m, a->rest[2], 0, 0xFFFF, "the limit", &limit) < 0)
			return -1;
		if (c->model == CPU_286)
			v &= 0x00FFFFFF; /* the 286's 24-bit bases */
		*(sys_regs[i].index ? &c->idtr : &c->gdtr) =
		        (struct dtr){ (uint32_t)v, (uint16_t)limit };
		return 0;
	}
	if (mon_count(m, value, 0, sys_regs[i].kind >= SYS_LDTR ? 0xFFFF : 0xFFFFFFFF, "the value",
	              &v) < 0)
		return -1;
	switch (sys_regs[i].kind) {
	case SYS_CR:
		if (!cpu_set_control_reg(c, sys_regs[i].index, (uint32_t)v)) {
			mon_error(m, "set: PG needs PE (MOV CR0 would raise #GP(0))");
			return -1;
		}
		return 0;
	case SYS_DR:
		cpu_set_debug_reg(c, sys_regs[i].index, (uint32_t)v);
		return 0;
	default:
		return set_system_selector(m, sys_regs[i].kind, (uint16_t)v);
	}
}
