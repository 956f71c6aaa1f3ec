/*
 * tools/monitor/mcmd_break.c — breakpoints, watchpoints, iowatches and
 * catches under one numbering; their copy in the CPU's 'struct cpu_debug'
 * (attached only while something needs it); what to do when one fires.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "monitor.h"

static const char *const kind_names[] = {
	[POINT_BREAK] = "breakpoint",
	[POINT_WATCH] = "watchpoint",
	[POINT_IOWATCH] = "iowatch",
	[POINT_CATCH] = "catch",
};

static int kind_limit(enum mon_point_kind kind)
{
	if (kind == POINT_BREAK)
		return CPU_MAX_BREAKS - 1; /* one is kept for next, until and finish */
	if (kind == POINT_WATCH)
		return CPU_MAX_WATCHES;
	return kind == POINT_IOWATCH ? CPU_MAX_IOWATCHES : 256;
}

static struct mon_point *new_point(struct monitor *m, enum mon_point_kind kind)
{
	struct mon_point *slot = NULL;
	int same = 0;

	for (int i = 0; i < MON_MAX_POINTS; i++) {
		if (m->points[i].id == 0 && !slot)
			slot = &m->points[i];
		else if (m->points[i].id && m->points[i].kind == kind)
			same++;
	}
	if (!slot || same >= kind_limit(kind)) {
		mon_error(m, "too many %ss (at most %d); 'delete N' removes one", kind_names[kind],
		          slot ? kind_limit(kind) : MON_MAX_POINTS);
		return NULL;
	}
	memset(slot, 0, sizeof *slot);
	slot->id = m->next_point_id++;
	slot->kind = kind;
	slot->enabled = true;
	return slot;
}

static struct mon_point *find_point(struct monitor *m, int id)
{
	for (int i = 0; i < MON_MAX_POINTS; i++)
		if (m->points[i].id == id && id != 0)
			return &m->points[i];
	return NULL;
}

void mon_points_free(struct monitor *m)
{
	memset(m->points, 0, sizeof m->points);
}

/* An address for a breakpoint or watchpoint: it must have memory behind it. */
static int point_address(struct monitor *m, const char *text, int defseg, uint32_t len,
                         const char *what, struct mon_addr *addr)
{
	uint32_t phys;

	if (mon_address(m, text, defseg, addr) < 0)
		return -1;
	if (!mon_addr_phys(m, addr, 0, &phys)) {
		mon_error(m, "%s: %s has no physical address now", what, text);
		return -1;
	}
	return mon_check_backed(m, phys, len, what);
}

static void describe_break(struct monitor *m, struct mon_point *p)
{
	char addr[32], sym[96];

	mon_addr_text(&p->addr, 0, addr, sizeof addr);
	mon_sym_suffix(m, p->lin, sym, sizeof sym);
	snprintf(p->where, sizeof p->where, "%s%s", addr, sym);
}

static int add_break(struct monitor *m, const struct mon_args *a, bool temporary)
{
	struct mon_addr addr;
	struct mon_point *p;
	int64_t v;

	if (a->argc < 1 || (a->argc > 1 && (strcmp(a->argv[1], "if") != 0 || a->argc < 3))) {
		mon_error(m, "usage: %s ADDR [if EXPR] (e.g. '%s loop if cx == 1')", a->name,
		          a->name);
		return -1;
	}
	if (point_address(m, a->argv[0], SEG_CS, 1, a->name, &addr) < 0)
		return -1;
	if (a->argc > 2 && (strlen(a->rest[2]) >= sizeof p->cond || mon_eval(m, a->rest[2], &v)))
		return -1;
	p = new_point(m, POINT_BREAK);
	if (!p)
		return -1;
	p->temporary = temporary;
	p->addr = addr;
	p->lin = mon_addr_lin(&addr, 0);
	if (a->argc > 2)
		snprintf(p->cond, sizeof p->cond, "%s", a->rest[2]);
	describe_break(m, p);
	fprintf(m->out, "%s %d at %s%s%s\n", temporary ? "temporary breakpoint" : "breakpoint",
	        p->id, p->where, p->cond[0] ? " if " : "", p->cond);
	return 0;
}

int mcmd_break(struct monitor *m, const struct mon_args *a)
{
	return add_break(m, a, false);
}

int mcmd_tbreak(struct monitor *m, const struct mon_args *a)
{
	return add_break(m, a, true);
}

/* r, w or rw before the address; 'fallback' when absent. Returns the
 * index of the next word. */
static int access_word(const struct mon_args *a, uint8_t fallback, uint8_t *access)
{
	static const struct {
		const char *word;
		uint8_t access;
	} words[] = { { "r", WATCH_READ }, { "w", WATCH_WRITE }, { "rw", WATCH_RW } };

	*access = fallback;
	for (size_t i = 0; a->argc > 0 && i < sizeof words / sizeof words[0]; i++) {
		if (strcmp(a->argv[0], words[i].word) == 0) {
			*access = words[i].access;
			return 1;
		}
	}
	return 0;
}

static const char *access_text(uint8_t access)
{
	return access == WATCH_READ ? "r" : access == WATCH_WRITE ? "w" : "rw";
}

int mcmd_watch(struct monitor *m, const struct mon_args *a)
{
	struct mon_addr addr;
	struct mon_point *p;
	uint8_t access;
	int i = access_word(a, WATCH_WRITE, &access);
	int64_t len = 1;
	uint32_t phys;

	if (a->argc <= i || a->argc > i + 2) {
		mon_error(m, "usage: watch [r|w|rw] ADDR [LEN] (e.g. 'watch w ds:0200 2')");
		return -1;
	}
	if (mon_address(m, a->argv[i], SEG_DS, &addr) < 0 ||
	    (a->argc == i + 2 && mon_count(m, a->rest[i + 1], 1, 0x10000, "LEN", &len) < 0))
		return -1;
	if (!mon_addr_phys(m, &addr, 0, &phys) ||
	    mon_check_backed(m, phys, (uint32_t)len, "watch") < 0)
		return -1;
	p = new_point(m, POINT_WATCH);
	if (!p)
		return -1;
	p->addr = addr;
	p->lin = mon_addr_lin(&addr, 0);
	p->len = (uint32_t)len;
	p->access = access;
	mon_addr_text(&addr, 0, p->where, sizeof p->where);
	fprintf(m->out, "watchpoint %d: %s %s, %" PRIu32 " byte%s\n", p->id, access_text(access),
	        p->where, p->len, p->len == 1 ? "" : "s");
	return 0;
}

/* PORT or FIRST-LAST; each part an expression. */
static int port_range(struct monitor *m, const char *text, uint16_t *first, uint16_t *last)
{
	char buf[128];
	const char *dash = strchr(text + 1, '-');
	int64_t a, b;

	snprintf(buf, sizeof buf, "%.*s", dash ? (int)(dash - text) : (int)strlen(text), text);
	if (mon_count(m, buf, 0, 0xFFFF, "a port", &a) < 0)
		return -1;
	b = a;
	if (dash && mon_count(m, dash + 1, 0, 0xFFFF, "a port", &b) < 0)
		return -1;
	if (b < a) {
		mon_error(m, "the port range %s runs backwards", text);
		return -1;
	}
	*first = (uint16_t)a;
	*last = (uint16_t)b;
	return 0;
}

int mcmd_iowatch(struct monitor *m, const struct mon_args *a)
{
	struct mon_point *p;
	uint8_t access;
	int i = access_word(a, WATCH_RW, &access);
	uint16_t first, last;

	if (a->argc != i + 1) {
		mon_error(m, "usage: iowatch [r|w|rw] PORT[-PORT] (e.g. 'iowatch w 0xe9')");
		return -1;
	}
	if (port_range(m, a->argv[i], &first, &last) < 0)
		return -1;
	p = new_point(m, POINT_IOWATCH);
	if (!p)
		return -1;
	p->access = access;
	p->first = first;
	p->last = last;
	if (first == last)
		snprintf(p->where, sizeof p->where, "port 0x%04X", first);
	else
		snprintf(p->where, sizeof p->where, "ports 0x%04X-0x%04X", first, last);
	fprintf(m->out, "iowatch %d: %s %s\n", p->id, access_text(access), p->where);
	return 0;
}

/* The SDM's mnemonics for the exception vectors (Vol. 3, Table 6-1). */
static const char *const exception_names[32] = {
	"#DE", "#DB", "NMI", "#BP", "#OF",        "#BR", "#UD", "#NM", "#DF", "(reserved)", "#TS",
	"#NP", "#SS", "#GP", "#PF", "(reserved)", "#MF", "#AC", "#MC", "#XM", "#VE",        "#CP",
};

int mcmd_catch(struct monitor *m, const struct mon_args *a)
{
	bool mode = a->argc == 1 && strcmp(a->argv[0], "mode") == 0;
	bool exception = a->argc == 2 && strcmp(a->argv[0], "exception") == 0;
	struct mon_point *p;
	int64_t v = 0;

	if (!mode && !exception && (a->argc != 2 || strcmp(a->argv[0], "int") != 0)) {
		mon_error(m, "usage: catch int N | catch exception N | catch mode (e.g. 'catch int "
		             "0x21', 'catch exception 13')");
		return -1;
	}
	if (!mode && mon_count(m, a->rest[1], 0, exception ? 31 : 255,
	                       exception ? "the exception" : "the vector", &v) < 0)
		return -1;
	p = new_point(m, POINT_CATCH);
	if (!p)
		return -1;
	p->vector = (int)v;
	p->catch_kind = mode ? CATCH_MODE : exception ? CATCH_EXCEPTION : CATCH_INT;
	if (mode)
		snprintf(p->where, sizeof p->where, "mode changes (real, protected, virtual-8086)");
	else if (exception)
		snprintf(p->where, sizeof p->where, "exception %d %s", p->vector,
		         exception_names[v] ? exception_names[v] : "(reserved)");
	else
		snprintf(p->where, sizeof p->where, "int 0x%02X", p->vector);
	fprintf(m->out, "catch %d: %s\n", p->id, p->where);
	return 0;
}

/* Apply 'fn' to each point named in the arguments; with none, to all. */
static int for_points(struct monitor *m, const struct mon_args *a,
                      void (*fn)(struct monitor *, struct mon_point *))
{
	int64_t id;

	if (a->argc == 0) {
		for (int i = 0; i < MON_MAX_POINTS; i++)
			if (m->points[i].id)
				fn(m, &m->points[i]);
		return 0;
	}
	for (int i = 0; i < a->argc; i++) {
		struct mon_point *p;
		if (mon_count(m, a->argv[i], 1, INT64_MAX, "a breakpoint number", &id) < 0)
			return -1;
		p = find_point(m, (int)id);
		if (!p) {
			mon_error(m,
			          "there is no breakpoint %" PRId64
			          "; 'info breakpoints' lists them",
			          id);
			return -1;
		}
		fn(m, p);
	}
	return 0;
}

static void delete_one(struct monitor *m, struct mon_point *p)
{
	fprintf(m->out, "deleted %s %d\n", kind_names[p->kind], p->id);
	p->id = 0;
}

static void enable_one(struct monitor *m, struct mon_point *p)
{
	(void)m;
	p->enabled = true;
}

static void disable_one(struct monitor *m, struct mon_point *p)
{
	(void)m;
	p->enabled = false;
}

int mcmd_delete(struct monitor *m, const struct mon_args *a)
{
	return for_points(m, a, delete_one);
}

int mcmd_enable(struct monitor *m, const struct mon_args *a)
{
	return for_points(m, a, enable_one);
}

int mcmd_disable(struct monitor *m, const struct mon_args *a)
{
	return for_points(m, a, disable_one);
}

static const char *type_text(const struct mon_point *p)
{
	if (p->kind == POINT_BREAK)
		return p->temporary ? "tbreak" : "break";
	if (p->kind == POINT_WATCH)
		return p->access == WATCH_READ    ? "watch r"
		       : p->access == WATCH_WRITE ? "watch w"
		                                  : "watch rw";
	if (p->kind == POINT_IOWATCH)
		return p->access == WATCH_READ    ? "iowatch r"
		       : p->access == WATCH_WRITE ? "iowatch w"
		                                  : "iowatch rw";
	return "catch";
}

int mon_info_breakpoints(struct monitor *m)
{
	bool any = false;

	for (int i = 0; i < MON_MAX_POINTS; i++) {
		const struct mon_point *p = &m->points[i];
		if (!p->id)
			continue;
		if (!any)
			fprintf(m->out, "Num  Type        On   Hits  Where\n");
		any = true;
		fprintf(m->out, "%-4d %-11s %-3s %6" PRIu64 "  %s", p->id, type_text(p),
		        p->enabled ? "yes" : "no", p->hits, p->where);
		if (p->kind == POINT_WATCH)
			fprintf(m->out, ", %" PRIu32 " byte%s", p->len, p->len == 1 ? "" : "s");
		if (p->cond[0])
			fprintf(m->out, "  if %s", p->cond);
		fputc('\n', m->out);
	}
	if (!any)
		fprintf(m->out, "no breakpoints, watchpoints, iowatches or catches\n");
	return 0;
}
