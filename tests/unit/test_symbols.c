/*
 * tests/unit/test_symbols.c — the monitor's symbol tables (symbols.h): a real nasm listing
 * of fixtures/symbols.asm, "name = ADDRESS" files, errors, reloads, nearest and completion.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "symbols.h"

#ifndef SYMBOLS_LISTING
#error "SYMBOLS_LISTING: the nasm listing of fixtures/symbols.asm (tests/CMakeLists.txt)"
#endif

/* Write 'text' to a fresh temporary file; its name goes to 'path'. */
static void write_temp(char *path, size_t size, const char *text)
{
	const char *dir = getenv("TMPDIR");
	FILE *f;
	int fd;

	snprintf(path, size, "%s/x86lab-symXXXXXX", dir && *dir ? dir : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int load_text(struct symtab *t, const char *text, uint32_t base, char *err, size_t errlen,
                     char *path, size_t pathlen)
{
	int n;

	write_temp(path, pathlen, text);
	n = symtab_load(t, path, base, err, errlen);
	unlink(path);
	return n;
}

static void assert_symbol(const struct symtab *t, const char *name, uint32_t lin)
{
	uint32_t got = 0;

	if (!symtab_lookup(t, name, &got))
		fail_msg("symbol '%s' is missing", name);
	if (got != lin)
		fail_msg("symbol '%s' = %#x, expected %#x", name, got, lin);
}

struct expected {
	const char *name;
	uint32_t lin;
};

/* The listing's offsets start at 0; the boot sector is loaded at 0x7c00. */
static const struct expected listing_symbols[] = {
	{ "start", 0x7c00 },      /* a label alone on its line: the next byte */
	{ "start.loop", 0x7c07 }, /* ".loop:	dec cx" */
	{ "print", 0x7c0f },      /* alone, after a macro expansion */
	{ "print.next", 0x7c12 }, /* locals take the latest non-local label */
	{ "print.done", 0x7c1b },
	{ "message", 0x7c1c },     /* a ';' inside the string is no comment */
	{ "origin", 0x7c26 },      /* a label before istruc */
	{ "end_of_code", 0x7c2c }, /* the last line: just past the last bytes */
};

static void test_nasm_listing(void **state)
{
	struct symtab *t = symtab_new();
	char err[256] = "";
	int n;

	(void)state;
	n = symtab_load(t, SYMBOLS_LISTING, 0x7c00, err, sizeof err);
	if (n < 0)
		fail_msg("%s", err);
	assert_int_equal(n, sizeof listing_symbols / sizeof listing_symbols[0]);
	for (size_t i = 0; i < sizeof listing_symbols / sizeof listing_symbols[0]; i++)
		assert_symbol(t, listing_symbols[i].name, listing_symbols[i].lin);
	/* an equ constant, struc fields and a macro-local label are not addresses */
	assert_false(symtab_lookup(t, "COUNT", NULL));
	assert_false(symtab_lookup(t, "point", NULL));
	assert_false(symtab_lookup(t, ".x", NULL));
	assert_false(symtab_lookup(t, "start.x", NULL));
	assert_false(symtab_lookup(t, "again", NULL));
	symtab_free(t);
}

static void test_nasm_listing_fragments(void **state)
{
	/* written by hand in nasm's layout: the source starts at column 40 */
	static const char text[] =
	        "     1                                  section .text\n"
	        "     2                                  main:\n"
	        "     3 00000000 B80100                  \tmov ax, 1\n"
	        "     4                                  ..start: ; nasm's special label\n"
	        "     5 00000003 90                      .l1: nop ; main.l1\n"
	        "     6 00000004 ????                    scratch: resw 1\n"
	        "     6          ******************       warning: uninitialized space\n"
	        "     7 00000006 00<rep 10h>             table: times 16 db 0\n"
	        "     8                                  tail:\n";
	struct symtab *t = symtab_new();
	char err[256] = "", path[256];

	(void)state;
	assert_int_equal(load_text(t, text, 0x10000, err, sizeof err, path, sizeof path), 6);
	assert_symbol(t, "main", 0x10000);
	assert_symbol(t, "..start", 0x10003);
	assert_symbol(t, "main.l1", 0x10003); /* ..start does not become the parent */
	assert_symbol(t, "scratch", 0x10004);
	assert_symbol(t, "table", 0x10006);
	assert_symbol(t, "tail", 0x10016);
	assert_false(symtab_lookup(t, "warning", NULL));
	symtab_free(t);
}

static void test_name_equals_address(void **state)
{
	static const char text[] = "# symbols for the BIOS data area\n"
	                           "bda = 0x400      ; linear, with 0x\n"
	                           "kbd_head = 41ah\n"
	                           "boot_sector = 0000:7C00\n"
	                           "video = B800:0000   # SEG:OFF in hex\n"
	                           "  indented=0x10\n"
	                           "\n"
	                           "big = 0xFFFFFFFF\n"
	                           "plain = 7c00\n";
	struct symtab *t = symtab_new();
	char err[256] = "", path[256];

	(void)state;
	/* 'base' applies to listings only */
	assert_int_equal(load_text(t, text, 0x5000, err, sizeof err, path, sizeof path), 7);
	assert_symbol(t, "bda", 0x400);
	assert_symbol(t, "kbd_head", 0x41a);
	assert_symbol(t, "boot_sector", 0x7c00);
	assert_symbol(t, "video", 0xb8000);
	assert_symbol(t, "indented", 0x10);
	assert_symbol(t, "big", 0xffffffff);
	assert_symbol(t, "plain", 0x7c00);
	symtab_free(t);
}

struct error_case {
	const char *text;
	const char *message; /* after "PATH:" */
};

static const struct error_case error_cases[] = {
	{ "a = 1\nb = \n", "2: bad address '' (hex, like 0x7c00, 7c00h or 0000:7c00)" },
	{ "a = xyz\n", "1: bad address 'xyz' (hex, like 0x7c00, 7c00h or 0000:7c00)" },
	{ "a = 0x100000000\n",
	  "1: bad address '0x100000000' (hex, like 0x7c00, 7c00h or 0000:7c00)" },
	{ "a = 10000:0\n", "1: bad address '10000:0' (SEG:OFF in hex, like 0000:7c00)" },
	{ "ok = 1\n\njust some words\n", "3: expected 'name = ADDRESS' or a nasm listing line" },
	{ "= 5\n", "1: expected 'name = ADDRESS' or a nasm listing line" },
};

static void test_errors_name_file_and_line(void **state)
{
	struct symtab *t = symtab_new();
	char err[256], path[256], want[512];

	(void)state;
	symtab_add(t, "kept", 0x1234);
	for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
		err[0] = 0;
		assert_int_equal(
		        load_text(t, error_cases[i].text, 0, err, sizeof err, path, sizeof path),
		        -1);
		snprintf(want, sizeof want, "%s:%s", path, error_cases[i].message);
		assert_string_equal(err, want);
	}
	/* all or nothing: the good lines before an error were not added */
	assert_false(symtab_lookup(t, "a", NULL));
	assert_false(symtab_lookup(t, "ok", NULL));
	assert_int_equal(symtab_count(t), 1);

	assert_int_equal(symtab_load(t, "/nonexistent/x86lab.sym", 0, err, sizeof err), -1);
	assert_string_equal(err, "/nonexistent/x86lab.sym: cannot open: No such file or directory");
	symtab_free(t);
}

static void test_reload_moves_symbols(void **state)
{
	struct symtab *t = symtab_new();
	char err[256], path[256];

	(void)state;
	assert_int_equal(load_text(t, "# nothing yet\n\n", 0, err, sizeof err, path, sizeof path),
	                 0);
	assert_null(symtab_near(t, 0x100, 0x100, NULL));
	assert_int_equal(load_text(t, "a = 100\nb = 200\n", 0, err, sizeof err, path, sizeof path),
	                 2);
	assert_int_equal(
	        load_text(t, "b = 300\nc = 400\nc = 500\n", 0, err, sizeof err, path, sizeof path),
	        2);
	assert_symbol(t, "a", 0x100);
	assert_symbol(t, "b", 0x300); /* the newer definition wins */
	assert_symbol(t, "c", 0x500); /* within one file, the later line wins */
	assert_int_equal(symtab_count(t), 3);
	symtab_free(t);
}

static void test_near(void **state)
{
	struct symtab *t = symtab_new();
	uint32_t d = 99;

	(void)state;
	symtab_add(t, "start", 0x7c00);
	symtab_add(t, "start.loop", 0x7c07);
	symtab_add(t, "data", 0x7d00);
	symtab_add(t, "data_alias", 0x7d00);

	assert_string_equal(symtab_near(t, 0x7c00, 16, &d), "start");
	assert_int_equal(d, 0);
	assert_string_equal(symtab_near(t, 0x7c05, 16, &d), "start");
	assert_int_equal(d, 5);
	assert_string_equal(symtab_near(t, 0x7c09, 16, &d), "start.loop");
	assert_int_equal(d, 2);
	assert_null(symtab_near(t, 0x7c30, 16, &d)); /* too far from start.loop */
	assert_string_equal(symtab_near(t, 0x7c30, 0x100, NULL), "start.loop");
	assert_null(symtab_near(t, 0x7bff, 0xffffffff, &d));              /* nothing at or below */
	assert_string_equal(symtab_near(t, 0x7d01, 4, &d), "data_alias"); /* defined last */
	assert_null(symtab_near(NULL, 0, 0, NULL));
	symtab_free(t);
}

static void test_names_in_order_for_completion(void **state)
{
	struct symtab *t = symtab_new();

	(void)state;
	assert_null(symtab_name(t, 0));
	symtab_add(t, "zeta", 3);
	symtab_add(t, "alpha", 2);
	symtab_add(t, "Mid", 1);
	assert_string_equal(symtab_name(t, 0), "Mid");
	assert_string_equal(symtab_name(t, 1), "alpha");
	assert_string_equal(symtab_name(t, 2), "zeta");
	assert_null(symtab_name(t, 3));
	assert_null(symtab_name(t, -1));
	assert_false(symtab_add(t, "", 1));
	assert_false(symtab_lookup(t, "ALPHA", NULL)); /* names are case-sensitive */
	symtab_free(t);
	symtab_free(NULL);
}

/* Random lines in both formats' alphabet: a count or an error, never a crash. */
static void test_random_files_never_crash(void **state)
{
	static const char *const pieces[] = {
		"     1 ", "00000010 ", "B80100",     "<rep 4h>",  "<res 8h>", "??",       "***",
		"label",   ".loc",      "..@1",       ":",         " = ",      "0x7c00",   "b800:0",
		"; c",     "# c",       "%macro m 0", "%endmacro", "struc",    "endstruc", " ",
		"\t",      "\n",        "equ",        "9",         "h"
	};
	struct symtab *t = symtab_new();
	uint32_t seed = 7;
	char text[2048], err[256], path[256];

	(void)state;
	for (int round = 0; round < 300; round++) {
		size_t o = 0;
		for (int i = 0; i < 120; i++) {
			const char *p;
			seed = seed * 1103515245u + 12345u;
			p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
			if (o + strlen(p) + 1 >= sizeof text)
				break;
			strcpy(text + o, p);
			o += strlen(p);
		}
		err[0] = 0;
		if (load_text(t, text, 0x1000, err, sizeof err, path, sizeof path) < 0)
			assert_true(err[0] != 0);
	}
	symtab_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nasm_listing),
		cmocka_unit_test(test_nasm_listing_fragments),
		cmocka_unit_test(test_name_equals_address),
		cmocka_unit_test(test_errors_name_file_and_line),
		cmocka_unit_test(test_reload_moves_symbols),
		cmocka_unit_test(test_near),
		cmocka_unit_test(test_names_in_order_for_completion),
		cmocka_unit_test(test_random_files_never_crash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
