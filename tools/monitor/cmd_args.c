/*
 * tools/monitor/cmd_args.c — what every command needs from its arguments:
 * words, numbers and addresses (through expr.h), which physical memory is
 * really there, and addresses written back as text.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

#include "monitor.h"

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* A quoted word: \" and \\ stand for " and \. Returns the text after the
 * closing quote, or NULL when there is none. */
static const char *take_quoted(const char *s, char **w, const char *end)
{
	for (s++; *s && *s != '"'; s++) {
		if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
			s++;
		if (*w < end - 1)
			*(*w)++ = *s;
	}
	return *s == '"' ? s + 1 : NULL;
}

/* One word into 'out' (quotes removed): returns the text after it, or NULL
 * for an unterminated quote. */
static const char *take_word(const char *s, char **out, char **buf, const char *end)
{
	char *w = *buf;

	if (*s == '"') {
		s = take_quoted(s, &w, end);
		if (!s)
			return NULL;
	} else {
		for (; *s && *s != ' ' && *s != '\t' && w < end - 1; s++)
			*w++ = *s;
	}
	*w++ = '\0';
	*out = *buf;
	*buf = w;
	return s;
}

/* The command word: "x/w" gives name "x" and format "w". */
static const char *take_name(const char *s, struct mon_args *a, char **buf, const char *end)
{
	char *w = *buf;

	a->name = w;
	for (; *s && *s != ' ' && *s != '\t' && *s != '/' && w < end - 2; s++)
		*w++ = *s;
	*w++ = '\0';
	a->fmt = w;
	if (*s == '/')
		for (s++; *s && *s != ' ' && *s != '\t' && w < end - 1; s++)
			*w++ = *s;
	*w++ = '\0';
	*buf = w;
	return s;
}

int mon_split(char *buf, size_t bufsize, const char *line, struct mon_args *a)
{
	const char *end = buf + bufsize;
	const char *s = skip_space(line);

	memset(a, 0, sizeof *a);
	s = skip_space(take_name(s, a, &buf, end));
	while (*s) {
		if (a->argc == MON_MAX_ARGS)
			return -1;
		a->rest[a->argc] = s;
		s = take_word(s, &a->argv[a->argc], &buf, end);
		if (!s)
			return -1;
		a->argc++;
		s = skip_space(s);
	}
	return 0;
}

int mon_eval(struct monitor *m, const char *text, int64_t *value)
{
	char err[200] = "";

	if (expr_eval(&m->env, text, value, err, sizeof err) != 0) {
		mon_error(m, "%s", err[0] ? err : "bad expression");
		return -1;
	}
	return 0;
}

int mon_count(struct monitor *m, const char *text, int64_t min, int64_t max, const char *what,
              int64_t *out)
{
	if (mon_eval(m, text, out) < 0)
		return -1;
	if (*out >= min && *out <= max)
		return 0;
	if (max == INT64_MAX)
		mon_error(m, "%s must be at least %" PRId64 ", not %" PRId64, what, min, *out);
	else if (max > 9 && min == 0)
		mon_error(m, "%s must be from 0 to 0x%" PRIX64 ", not %s", what, (uint64_t)max,
		          text);
	else
		mon_error(m, "%s must be from %" PRId64 " to %" PRId64 ", not %s", what, min, max,
		          text);
	return -1;
}

int mon_address(struct monitor *m, const char *text, int defseg, struct mon_addr *a)
{
	char err[200] = "";

	if (expr_address(&m->env, text, defseg, a, err, sizeof err) != 0) {
		mon_error(m, "%s", err[0] ? err : "bad address");
		return -1;
	}
	return 0;
}

uint32_t mon_addr_lin(const struct mon_addr *a, uint32_t delta)
{
	return (a->kind == ADDR_PHYS ? a->phys : a->lin) + delta;
}

bool mon_addr_phys(struct monitor *m, const struct mon_addr *a, uint32_t delta, uint32_t *phys)
{
	if (a->kind == ADDR_PHYS) {
		*phys = a->phys + delta;
		return true;
	}
	return cpu_linear_to_phys(m->cpu, a->lin + delta, phys);
}

/* SEG:OFF for addresses given as SEG:OFF or linear (expr_address gives a
 * real-mode view of those), p:ADDR for physical ones. */
void mon_addr_text(const struct mon_addr *a, uint32_t delta, char *buf, size_t n)
{
	uint32_t off = a->off + delta;

	if (a->kind == ADDR_PHYS)
		snprintf(buf, n, "p:0x%05" PRIX32, a->phys + delta);
	else if (off <= 0xFFFF)
		snprintf(buf, n, "%04X:%04" PRIX32, a->seg, off);
	else
		snprintf(buf, n, "%04X:%08" PRIX32, a->seg, off);
}

/* The region that answers at 'phys': later mappings hide earlier ones. */
static bool mon_phys_backed(const struct mem *mem, uint32_t phys)
{
	for (int i = mem->nregions - 1; i >= 0; i--) {
		const struct mem_region *r = &mem->region[i];
		if (phys >= r->base && phys - r->base < r->size)
			return r->kind != MEM_MMIO;
	}
	return false;
}

int mon_check_backed(struct monitor *m, uint32_t phys, uint32_t len, const char *what)
{
	const struct mem *mem = &m->machine->mem;
	uint64_t end = (uint64_t)phys + len;

	/* Regions are whole pages: one byte per page tells. */
	for (uint64_t a = phys; a < end; a = (a | MEM_PAGE_MASK) + 1) {
		if (!mon_phys_backed(mem, (uint32_t)a)) {
			mon_error(m,
			          "%s: no RAM or ROM at physical 0x%08" PRIX64
			          " (RAM is 0-0x%" PRIX32 ")",
			          what, a, mem->ram_size - 1);
			return -1;
		}
	}
	return 0;
}

void mon_csip_text(const struct cpu *c, char *buf, size_t n)
{
	run_format_csip(c, buf, n);
}

void mon_sym_text(const struct monitor *m, uint32_t lin, uint32_t max, char *buf, size_t n)
{
	uint32_t dist = 0;
	const char *name = m->syms ? symtab_near(m->syms, lin, max, &dist) : NULL;

	if (!name)
		buf[0] = '\0';
	else if (dist == 0)
		snprintf(buf, n, "%s", name);
	else
		snprintf(buf, n, "%s+0x%" PRIX32, name, dist);
}

void mon_sym_suffix(const struct monitor *m, uint32_t lin, char *buf, size_t n)
{
	char sym[80];

	mon_sym_text(m, lin, MON_SYM_NEAR, sym, sizeof sym);
	if (sym[0])
		snprintf(buf, n, " <%s>", sym);
	else
		buf[0] = '\0';
}
