/*
 * tools/monitor/cmd_expr.c — expressions and names: print, display (shown at
 * every stop), undisplay, symbols, and the small session commands (info,
 * source, quit).
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "monitor.h"

static void mon_print_value(struct monitor *m, int64_t v)
{
	if (v < 0)
		fprintf(m->out, "%" PRId64 " (-0x%" PRIX64 ")", v, (uint64_t)0 - (uint64_t)v);
	else if (v < 0x7F && isprint((int)v))
		fprintf(m->out, "0x%" PRIX64 " (%" PRId64 " '%c')", v, v, (char)v);
	else
		fprintf(m->out, "0x%" PRIX64 " (%" PRId64 ")", v, v);
}

int mcmd_print(struct monitor *m, const struct mon_args *a)
{
	int64_t v;

	if (a->argc == 0) {
		mon_error(m, "usage: print EXPR (e.g. 'print ax + 2' or 'p word[ds:0x200]')");
		return -1;
	}
	if (mon_eval(m, a->rest[0], &v) < 0)
		return -1;
	fprintf(m->out, "= ");
	mon_print_value(m, v);
	fputc('\n', m->out);
	return 0;
}

/* "1: ax = 0x0005 (5)", or the error in place of the value. */
static void show_display(struct monitor *m, int i)
{
	char err[200] = "";
	int64_t v;

	fprintf(m->out, "%d: %s = ", m->display_ids[i], m->displays[i]);
	if (expr_eval(&m->env, m->displays[i], &v, err, sizeof err) != 0) {
		fprintf(m->out, "(%s)\n", err[0] ? err : "cannot be evaluated");
		return;
	}
	mon_print_value(m, v);
	fputc('\n', m->out);
}

void mon_show_displays(struct monitor *m)
{
	for (int i = 0; i < MON_MAX_DISPLAYS; i++)
		if (m->displays[i])
			show_display(m, i);
}

void mon_displays_free(struct monitor *m)
{
	for (int i = 0; i < MON_MAX_DISPLAYS; i++) {
		free(m->displays[i]);
		m->displays[i] = NULL;
	}
}

static int add_display(struct monitor *m, const char *text)
{
	int64_t v;

	if (mon_eval(m, text, &v) < 0)
		return -1;
	for (int i = 0; i < MON_MAX_DISPLAYS; i++) {
		if (m->displays[i])
			continue;
		m->displays[i] = strdup(text);
		if (!m->displays[i])
			break;
		m->display_ids[i] = m->next_display_id++;
		show_display(m, i);
		return 0;
	}
	mon_error(m, "at most %d displays; 'undisplay N' removes one", MON_MAX_DISPLAYS);
	return -1;
}

int mcmd_display(struct monitor *m, const struct mon_args *a)
{
	if (a->argc == 0) {
		mon_show_displays(m);
		return 0;
	}
	return add_display(m, a->rest[0]);
}

static int remove_display(struct monitor *m, const char *text)
{
	int64_t id;

	if (mon_count(m, text, 1, INT32_MAX, "a display number", &id) < 0)
		return -1;
	for (int i = 0; i < MON_MAX_DISPLAYS; i++) {
		if (m->displays[i] && m->display_ids[i] == id) {
			free(m->displays[i]);
			m->displays[i] = NULL;
			return 0;
		}
	}
	mon_error(m, "there is no display %" PRId64 "; 'info display' lists them", id);
	return -1;
}

int mcmd_undisplay(struct monitor *m, const struct mon_args *a)
{
	if (a->argc == 0) {
		mon_displays_free(m);
		return 0;
	}
	for (int i = 0; i < a->argc; i++)
		if (remove_display(m, a->argv[i]) < 0)
			return -1;
	return 0;
}

static int info_display(struct monitor *m)
{
	bool any = false;

	for (int i = 0; i < MON_MAX_DISPLAYS; i++) {
		if (!m->displays[i])
			continue;
		fprintf(m->out, "%d: %s\n", m->display_ids[i], m->displays[i]);
		any = true;
	}
	if (!any)
		fprintf(m->out, "no displays; 'display EXPR' adds one\n");
	return 0;
}

/* The built-in BIOS's listing, as the build left it; the ROM starts at F0000. */
#define BIOS_ROM_BASE 0xF0000

int mcmd_symbols(struct monitor *m, const struct mon_args *a)
{
	char err[512] = "";
	int64_t base = 0;
	const char *path;
	int n;

	if (a->argc < 1 || a->argc > 2) {
		mon_error(m, "usage: symbols FILE [BASE] (e.g. 'symbols prog.lst 0x10100'), or "
		             "'symbols bios'");
		return -1;
	}
	path = a->argv[0];
	if (a->argc == 1 && strcmp(path, "bios") == 0) {
		path = X86LAB_BIOS_LISTING;
		base = BIOS_ROM_BASE;
	}
	if (a->argc == 2 && mon_count(m, a->rest[1], 0, 0xFFFFFFFF, "BASE", &base) < 0)
		return -1;
	n = symtab_load(m->syms, path, (uint32_t)base, err, sizeof err);
	if (n < 0) {
		mon_error(m, "%s", err[0] ? err : "cannot load the symbols");
		return -1;
	}
	fprintf(m->out, "%d symbol%s from %s\n", n, n == 1 ? "" : "s", path);
	return 0;
}

int mcmd_info(struct monitor *m, const struct mon_args *a)
{
	static const char *const breaks[] = { "breakpoints", "break", "b", "watchpoints" };
	const char *what = a->argc == 1 ? a->argv[0] : "";

	for (size_t i = 0; i < sizeof breaks / sizeof breaks[0]; i++)
		if (strcmp(what, breaks[i]) == 0)
			return mon_info_breakpoints(m);
	if (strcmp(what, "display") == 0)
		return info_display(m);
	if (strcmp(what, "registers") == 0 || strcmp(what, "regs") == 0)
		return mcmd_regs(m, a);
	mon_error(m, "usage: info breakpoints | info display | info registers");
	return -1;
}

int mcmd_source(struct monitor *m, const struct mon_args *a)
{
	if (a->argc != 1) {
		mon_error(m, "usage: source FILE (e.g. 'source setup.cmd')");
		return -1;
	}
	return mon_source(m, a->argv[0]);
}

int mcmd_quit(struct monitor *m, const struct mon_args *a)
{
	(void)a;
	m->quit = true;
	return 0;
}
