/* Tests of metadata.json lookups, the JSON parser under malformed input, the revocation list
 * and test file names. Usage: test_metadata [SST_DIR]  (else $X86LAB_SST_DIR); missing data
 * is a failure, not a skip. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "metadata.h"

#define ERRLEN 512

static void join_path(char *out, size_t size, const char *dir, const char *name)
{
	if (dir == NULL || *dir == '\0')
		fail_msg("no SingleStepTests data folder: pass it as the first argument or set "
		         "X86LAB_SST_DIR (it holds 8086/ and 80286/)");
	if ((size_t)snprintf(out, size, "%s/%s", dir, name) >= size)
		fail_msg("path too long: %s/%s", dir, name);
}

static void load_md(void **state, const char *rel, struct sst_metadata *md)
{
	char path[4096], err[ERRLEN];

	join_path(path, sizeof(path), *state, rel);
	if (sst_metadata_load(md, path, err, sizeof(err)) < 0)
		fail_msg("%s", err);
}

static void assert_status(const struct sst_metadata *md, unsigned op, int reg, const char *want)
{
	const char *got = sst_metadata_status(md, op, reg);

	if (want == NULL ? got != NULL : got == NULL || strcmp(got, want) != 0)
		fail_msg("status of %04X.%d: got %s, want %s", op, reg, got ? got : "NULL",
		         want ? want : "NULL");
}

/* Expected values were read from the files with python3's json module while writing this test:
   python3 -c "import json; o=json.load(open('8086/metadata.json'))['opcodes']; print(o['F6'])" */
static void test_8086_known_entries(void **state)
{
	struct sst_metadata md;

	load_md(state, "8086/metadata.json", &md);
	assert_string_equal(md.cpu, "8086");
	assert_int_equal(sst_metadata_flags_mask(&md, 0xF6, 6), 63274);
	assert_int_equal(sst_metadata_flags_mask(&md, 0xF6, 1), 65519);
	assert_int_equal(sst_metadata_flags_mask(&md, 0x27, -1), 63487);
	assert_int_equal(sst_metadata_flags_mask(&md, 0x37, -1), 63291);
	assert_int_equal(sst_metadata_flags_mask(&md, 0xD4, -1), 63470);
	assert_int_equal(sst_metadata_flags_mask(&md, 0xD0, 6), 63274); /* SETMO: all six */
	assert_int_equal(sst_metadata_flags_mask(&md, 0xD2, 4), 63471);
	assert_int_equal(sst_metadata_flags_mask(&md, 0x00, -1), 0xFFFF);  /* no flags-mask */
	assert_int_equal(sst_metadata_flags_mask(&md, 0x27, 3), 63487);    /* no reg object */
	assert_int_equal(sst_metadata_flags_mask(&md, 0xF6, -1), 0xFFFF);  /* group, no reg */
	assert_int_equal(sst_metadata_flags_mask(&md, 0x0F01, 0), 0xFFFF); /* not in the file */
	assert_int_equal(sst_metadata_flags_mask(&md, 0x1234, -1), 0xFFFF);
	assert_int_equal(sst_metadata_flags_mask(&md, 0xF6, 8), 0xFFFF);
	assert_status(&md, 0x00, -1, "normal");
	assert_status(&md, 0xF6, 1, "alias");
	assert_status(&md, 0xD0, 6, "undocumented");
	assert_status(&md, 0xFE, 2, "undefined");
	assert_status(&md, 0x26, -1, "prefix");
	assert_status(&md, 0xD8, -1, "fpu");
	assert_status(&md, 0x60, -1, "alias");
	assert_status(&md, 0xF6, -1, NULL);
	assert_status(&md, 0x0F00, 0, NULL);
	sst_metadata_free(&md);
}

static void test_80286_known_entries(void **state)
{
	struct sst_metadata md;

	load_md(state, "80286/metadata.json", &md);
	assert_string_equal(md.cpu, "286");
	assert_int_equal(sst_metadata_flags_mask(&md, 0xF6, 6), 63274);
	assert_int_equal(sst_metadata_flags_mask(&md, 0xD0, 6), 65519); /* masked like SHL */
	assert_int_equal(sst_metadata_flags_mask(&md, 0xD2, 4), 63470);
	assert_int_equal(sst_metadata_flags_mask(&md, 0xC1, 0), 63487);
	assert_int_equal(sst_metadata_flags_mask(&md, 0xC0, 0), 0xFFFF);
	assert_int_equal(sst_metadata_flags_mask(&md, 0x69, -1), 65323);
	assert_status(&md, 0x0F, -1, "extension");
	assert_status(&md, 0x0F00, 0, "normal");
	assert_status(&md, 0x0F01, 5, "undefined");
	assert_status(&md, 0x0F02, -1, "normal");
	assert_status(&md, 0x0F07, -1, NULL);
	assert_status(&md, 0x60, -1, "normal");
	assert_status(&md, 0xC0, 0, "normal");
	sst_metadata_free(&md);
}

/* The "flags" letters and the "flags-mask" number are two spellings of the same fact; check
   every entry's looked-up mask against the letters (flag bits per FORMAT.md section 5). */
static uint16_t mask_from_letters(const char *flags)
{
	static const uint16_t bit[8] = { 0x800, 0x400, 0x200, 0x80, 0x40, 0x10, 0x04, 0x01 };
	uint16_t mask = 0xFFFF;

	assert_int_equal(strlen(flags), 8);
	for (int i = 0; i < 8; i++)
		if (flags[i] != '.')
			mask &= (uint16_t)~bit[i];
	return mask;
}

/* Returns the number of entries that carry "flags". */
static int check_entry(const struct sst_metadata *md, unsigned op, int reg,
                       const struct sst_json_value *e)
{
	const struct sst_json_value *flags = sst_json_get(e, "flags");
	const struct sst_json_value *status = sst_json_get(e, "status");
	uint16_t want = flags ? mask_from_letters(flags->str) : 0xFFFF;

	if (sst_metadata_flags_mask(md, op, reg) != want)
		fail_msg("%04X.%d: mask %u, letters say %u", op, reg,
		         sst_metadata_flags_mask(md, op, reg), want);
	assert_status(md, op, reg, status ? status->str : NULL);
	return flags != NULL;
}

static void check_all_entries(void **state, const char *rel, int want_entries, int want_flags)
{
	struct sst_metadata md;
	int entries = 0, with_flags = 0;

	load_md(state, rel, &md);
	for (const struct sst_json_value *o = sst_json_get(md.doc.root, "opcodes")->first; o;
	     o = o->next) {
		unsigned op = (unsigned)strtoul(o->key, NULL, 16);
		const struct sst_json_value *regs = sst_json_get(o, "reg");

		with_flags += check_entry(&md, op, -1, o);
		entries++;
		for (const struct sst_json_value *r = regs ? regs->first : NULL; r; r = r->next) {
			with_flags += check_entry(&md, op, r->key[0] - '0', r);
			entries++;
		}
	}
	/* Counts from python3 json: entries at opcode and reg level, and those with "flags". */
	assert_int_equal(entries, want_entries);
	assert_int_equal(with_flags, want_flags);
	sst_metadata_free(&md);
}

static void test_all_entries_8086(void **state)
{
	check_all_entries(state, "8086/metadata.json", 376, 76);
}

static void test_all_entries_80286(void **state)
{
	check_all_entries(state, "80286/metadata.json", 415, 90);
}

/* ---- the JSON parser ---- */

static void expect_json_error(const char *text, size_t len, const char *needle)
{
	struct sst_json doc;
	char err[ERRLEN] = "";

	if (sst_json_parse(&doc, "t.json", text, len, err, sizeof(err)) != -1)
		fail_msg("accepted bad JSON: %.*s", (int)(len > 60 ? 60 : len), text);
	if (strstr(err, needle) == NULL)
		fail_msg("expected \"%s\" in \"%s\"", needle, err);
}

static void expect_json_bad(const char *text, const char *needle)
{
	expect_json_error(text, strlen(text), needle);
}

static void test_json_values(void **state)
{
	static const char text[] =
	        "{\"a\": [1, -2.5e1, true, false, null, \"x\\u00e9\\ud83d\\ude00\","
	        "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"],\n \"b\": {}, \"c\": [], \"a\": 0}";
	const struct sst_json_value *a, *v;
	struct sst_json doc;
	char err[ERRLEN];
	long long n;

	(void)state;
	assert_int_equal(sst_json_parse(&doc, "t.json", text, strlen(text), err, sizeof(err)), 0);
	assert_int_equal(doc.root->type, SST_JSON_OBJECT);
	assert_int_equal(doc.root->count, 4);
	a = sst_json_get(doc.root, "a"); /* the first of two "a" members */
	assert_int_equal(a->type, SST_JSON_ARRAY);
	assert_int_equal(a->count, 7);
	v = a->first;
	assert_true(sst_json_int(v, 0, 10, &n) && n == 1);
	v = v->next;
	assert_true(sst_json_int(v, -100, 100, &n) && n == -25);
	assert_false(sst_json_int(v, 0, 100, &n));
	assert_int_equal((v = v->next)->type, SST_JSON_TRUE);
	assert_int_equal((v = v->next)->type, SST_JSON_FALSE);
	assert_int_equal((v = v->next)->type, SST_JSON_NULL);
	v = v->next;
	assert_int_equal(v->str_len, 7);
	assert_memory_equal(v->str, "x\xc3\xa9\xf0\x9f\x98\x80", 8);
	v = v->next;
	assert_string_equal(v->str, "\"\\/\b\f\n\r\t");
	assert_null(v->next);
	assert_int_equal(sst_json_get(doc.root, "b")->line, 2);
	assert_int_equal(sst_json_get(doc.root, "c")->count, 0);
	assert_null(sst_json_get(doc.root, "zz"));
	assert_null(sst_json_get(a, "a"));
	sst_json_free(&doc);

	assert_int_equal(sst_json_parse(&doc, "t.json", " 0.5 ", 5, err, sizeof(err)), 0);
	assert_false(sst_json_int(doc.root, 0, 1, &n));
	sst_json_free(&doc);
}

static void test_json_malformed(void **state)
{
	(void)state;
	expect_json_bad("", "t.json:1: data ends where a value should be");
	expect_json_bad("   \n\n ", "t.json:3:");
	expect_json_bad("{\"a\": 1,}", "expected a member name");
	expect_json_bad("[1, 2,]", "expected a value, found ']'");
	expect_json_bad("{\"a\" 1}", "expected ':'");
	expect_json_bad("{\"a\": 1 \"b\": 2}", "expected ',' or '}'");
	expect_json_bad("[1]]", "after the end");
	expect_json_bad("{a: 1}", "expected a member name in quotes, found 'a'");
	expect_json_bad("[tru]", "unknown word");
	expect_json_bad("\"abc", "string not terminated");
	expect_json_bad("\"abc\\", "string not terminated");
	expect_json_bad("[\"a\\qb\"]", "bad escape: backslash followed by 'q'");
	expect_json_bad("[\"a\\x41\"]", "bad escape");
	expect_json_bad("[\"\\u12\"]", "4 hex digits");
	expect_json_bad("[\"\\u12G4\"]", "4 hex digits");
	expect_json_bad("[\"\\ud800\"]", "high surrogate without a low one");
	expect_json_bad("[\"\\ud800\\u0041\"]", "high surrogate without a low one");
	expect_json_bad("[\"\\udc00\"]", "low surrogate without a high one");
	expect_json_bad("[\"a\nb\"]", "control character 0x0a");
	expect_json_error("[\"a\0b\"]", 6, "control character 0x00");
	expect_json_error("[1\0]", 4, "found byte 0x00");
	expect_json_bad("[01]", "malformed number");
	expect_json_bad("[-]", "malformed number");
	expect_json_bad("[1.]", "no digits after '.'");
	expect_json_bad("[1e+]", "no digits in the exponent");
	expect_json_bad("[+1]", "expected a value, found '+'");
	expect_json_bad("[1e999]", "out of range");
	expect_json_bad("[-1e999]", "out of range");
	expect_json_bad("{\n\"a\":\n[1e400]}", "t.json:3: number 1e400 out of range");
}

/* Exactly SST_JSON_MAX_DEPTH containers nest; one more is refused, as is a stack-breaking
   depth (a recursive parser without a limit would crash here). */
static void test_json_depth(void **state)
{
	size_t deep = 200000;
	char *text = malloc(2 * deep + 1);
	struct sst_json doc;
	char err[ERRLEN];

	(void)state;
	memset(text, '[', deep);
	memset(text + deep, ']', deep);
	expect_json_error(text, 2 * deep, "nested deeper than 64 levels");
	memcpy(text + SST_JSON_MAX_DEPTH, text + deep, SST_JSON_MAX_DEPTH);
	assert_int_equal(
	        sst_json_parse(&doc, "t.json", text, 2 * SST_JSON_MAX_DEPTH, err, sizeof(err)), 0);
	sst_json_free(&doc);
	memset(text, '[', SST_JSON_MAX_DEPTH + 1);
	memset(text + SST_JSON_MAX_DEPTH + 1, ']', SST_JSON_MAX_DEPTH + 1);
	expect_json_error(text, 2 * SST_JSON_MAX_DEPTH + 2, "nested deeper");
	memset(text, '{', deep); /* objects: every level needs a key, so this fails earlier */
	expect_json_error(text, deep, "t.json:1:");
	free(text);
}

/* A metadata-shaped document cut at every length: each proper prefix is invalid and must fail
   cleanly (run under AddressSanitizer to catch out-of-bounds reads). */
static void test_json_truncated_everywhere(void **state)
{
	static const char text[] =
	        "{\"cpu\": \"8086\",\n \"opcodes\": {\n  \"27\": {\"status\": \"normal\", "
	        "\"flags\": "
	        "\"o.......\", \"flags-mask\": 63487},\n  \"F6\": {\"reg\": {\"6\": {\"status\": "
	        "\"normal\\u0020\", \"flags-mask\": 6.3274e4}}}, \"x\": [true, false, null, "
	        "-1.5E-3]\n}}";
	struct sst_json doc;
	char err[ERRLEN];

	(void)state;
	assert_int_equal(sst_json_parse(&doc, "t.json", text, strlen(text), err, sizeof(err)), 0);
	sst_json_free(&doc);
	for (size_t len = 0; len < strlen(text); len++) {
		char *copy = malloc(len ? len : 1); /* exact size, so ASan sees any over-read */

		memcpy(copy, text, len);
		expect_json_error(copy, len, "t.json:");
		free(copy);
	}
}

/* ---- metadata.json errors, through files so that messages name file:line ---- */

struct tmpdir {
	char dir[32];
	char path[64];
};

static const char *write_tmp(struct tmpdir *t, const char *name, const char *text, size_t len)
{
	FILE *fp;

	if (t->dir[0] == '\0') {
		strcpy(t->dir, "/tmp/x86lab-md-XXXXXX");
		assert_non_null(mkdtemp(t->dir));
	}
	snprintf(t->path, sizeof(t->path), "%s/%s", t->dir, name);
	fp = fopen(t->path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	fclose(fp);
	return t->path;
}

static void remove_tmp(struct tmpdir *t, const char *name)
{
	snprintf(t->path, sizeof(t->path), "%s/%s", t->dir, name);
	unlink(t->path);
}

static void expect_md_error(struct tmpdir *t, const char *text, const char *needle)
{
	struct sst_metadata md;
	char err[ERRLEN] = "", want[128];
	const char *path = write_tmp(t, "metadata.json", text, strlen(text));

	assert_int_equal(sst_metadata_load(&md, path, err, sizeof(err)), -1);
	snprintf(want, sizeof(want), "%s:", path);
	if (strstr(err, needle) == NULL || strncmp(err, want, strlen(want)) != 0)
		fail_msg("expected \"%s%s\" in \"%s\"", want, needle, err);
	sst_metadata_free(&md); /* harmless after a failed load */
}

/* The corners of the opcode space, which the shipped files barely touch. */
static void test_metadata_synthetic(void **state)
{
	static const char text[] =
	        "{\"opcodes\": {\"FF\": {\"status\": \"a\", \"flags-mask\": 1},\n"
	        "\"0FFF\": {\"status\": \"b\", \"flags-mask\": 2, \"extra\": [{}, null]},\n"
	        "\"0f80\": {\"reg\": {\"7\": {\"flags-mask\": 3, \"status\": \"c\\u00e9\"}}},\n"
	        "\"7f\": {}}}";
	struct tmpdir t = { "" };
	struct sst_metadata md;
	char err[ERRLEN];

	(void)state;
	if (sst_metadata_load(&md, write_tmp(&t, "md.json", text, strlen(text)), err, sizeof(err)) <
	    0)
		fail_msg("%s", err);
	assert_string_equal(md.cpu, "");
	assert_int_equal(sst_metadata_flags_mask(&md, 0xFF, -1), 1);
	assert_int_equal(sst_metadata_flags_mask(&md, 0xFF, 3), 1);
	assert_int_equal(sst_metadata_flags_mask(&md, 0x0FFF, -1), 2);
	assert_int_equal(sst_metadata_flags_mask(&md, 0x0F80, 7), 3);
	assert_int_equal(sst_metadata_flags_mask(&md, 0x0F80, 6), 0xFFFF);
	assert_int_equal(sst_metadata_flags_mask(&md, 0x0F80, -1), 0xFFFF);
	assert_int_equal(sst_metadata_flags_mask(&md, 0x0F7F, -1), 0xFFFF);
	assert_int_equal(sst_metadata_flags_mask(&md, 0x7F, -1), 0xFFFF);
	assert_int_equal(sst_metadata_flags_mask(&md, 0x1FFF, -1), 0xFFFF);
	assert_status(&md, 0xFF, -1, "a");
	assert_status(&md, 0x0FFF, 0, "b");
	assert_status(&md, 0x0F80, 7, "c\xc3\xa9");
	assert_status(&md, 0x0F80, 0, NULL);
	assert_status(&md, 0x7F, -1, NULL);
	assert_status(&md, 0x0F7F, -1, NULL);
	assert_status(&md, 0xFE, -1, NULL);
	sst_metadata_free(&md);
	remove_tmp(&t, "md.json");
	rmdir(t.dir);
}

static void test_metadata_errors(void **state)
{
	struct tmpdir t = { "" };
	struct sst_metadata md;
	char err[ERRLEN];

	(void)state;
	expect_md_error(&t, "{\"opcodes\": {\n\"27\": {\"flags-mask\": 65536}}}",
	                "2: \"flags-mask\"");
	expect_md_error(&t, "{\"opcodes\": {\"27\": {\"flags-mask\": -1}}}", "in 0..65535");
	expect_md_error(&t, "{\"opcodes\": {\"27\": {\"flags-mask\": 1.5}}}", "in 0..65535");
	expect_md_error(&t, "{\"opcodes\": {\"27\": {\"flags-mask\": \"1\"}}}", "in 0..65535");
	expect_md_error(&t, "{\"opcodes\": {\"27\": {\"flags-mask\": 1e999}}}", "out of range");
	expect_md_error(&t, "{\"opcodes\": {\"27\": {\"status\": 1}}}", "not a string");
	expect_md_error(&t, "{\"opcodes\": {\"G7\": {}}}", "opcode key \"G7\"");
	expect_md_error(&t, "{\"opcodes\": {\"1F01\": {}}}", "opcode key \"1F01\"");
	expect_md_error(&t, "{\"opcodes\": {\"27\": {}, \"27\": {}}}", "appears twice");
	expect_md_error(&t, "{\"opcodes\": {\"F6\": {\"reg\": {\"8\": {}}}}}", "reg key \"8\"");
	expect_md_error(&t, "{\"opcodes\": {\"F6\": {\"reg\": [1]}}}", "\"reg\" is not an object");
	expect_md_error(&t, "{\"opcodes\": {\"F6\": 3}}", "not an object");
	expect_md_error(&t, "{\"opcodes\": []}", "no \"opcodes\" object");
	expect_md_error(&t, "[]", "the top level is not an object");
	expect_md_error(&t, "{\"opcodes\": {\"27\": {\"status\": \"normal\"}",
	                "1: expected ',' or '}', found end of data");
	expect_md_error(&t, "{\"opcodes\": {\"27\": {\"status\": \"nor\\mal\"}}}", "bad escape");
	remove_tmp(&t, "metadata.json");

	/* A missing file names the file. */
	snprintf(t.path, sizeof(t.path), "%s/none.json", t.dir);
	assert_int_equal(sst_metadata_load(&md, t.path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "none.json: cannot open"));
	assert_int_equal(rmdir(t.dir), 0);
}

/* The real file cut short: the message names the file and a line. */
static void test_metadata_truncated_file(void **state)
{
	char path[4096], err[ERRLEN], want[128];
	struct tmpdir t = { "" };
	struct sst_metadata md;
	FILE *fp;
	char *text;
	long size;

	join_path(path, sizeof(path), *state, "8086/metadata.json");
	fp = fopen(path, "rb");
	if (fp == NULL)
		fail_msg("cannot open %s", path);
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	rewind(fp);
	text = malloc((size_t)size);
	assert_int_equal(fread(text, 1, (size_t)size, fp), (size_t)size);
	fclose(fp);
	for (int part = 1; part < 8; part++) {
		const char *tmp = write_tmp(&t, "cut.json", text, (size_t)size * (size_t)part / 8);

		assert_int_equal(sst_metadata_load(&md, tmp, err, sizeof(err)), -1);
		snprintf(want, sizeof(want), "%s:", tmp);
		assert_int_equal(strncmp(err, want, strlen(want)), 0);
		assert_true(atoi(err + strlen(want)) > 1); /* a line number deep in the file */
	}
	remove_tmp(&t, "cut.json");
	rmdir(t.dir);
	free(text);
}

/* ---- revocation list ---- */

static void test_revocations_real(void **state)
{
	char path[4096], err[ERRLEN];
	struct sst_revocations r;
	uint8_t zero[20] = { 0 };

	join_path(path, sizeof(path), *state, "80286/revocation_list.txt");
	if (sst_revocations_load(&r, path, err, sizeof(err)) < 0)
		fail_msg("%s", err);
	assert_int_equal(r.count, 0); /* README: "The list is empty today" */
	assert_false(sst_revoked(&r, zero));
	sst_revocations_free(&r);
}

static void test_revocations_synthetic(void **state)
{
	static const char good[] = "# a comment\n\n"
	                           "  0b796f0cf88c29174f23f6515809f5eb5683e57c  # F6.6 test 0\r\n"
	                           "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\n"
	                           "\t0000000000000000000000000000000000000001";
	static const uint8_t listed[20] = { 0x0b, 0x79, 0x6f, 0x0c, 0xf8, 0x8c, 0x29,
		                            0x17, 0x4f, 0x23, 0xf6, 0x51, 0x58, 0x09,
		                            0xf5, 0xeb, 0x56, 0x83, 0xe5, 0x7c };
	static const char *const bad[] = {
		"# ok\n\n0b796f0cf88c29174f23f6515809f5eb5683e57\n",   /* 39 digits */
		"# ok\n\n0b796f0cf88c29174f23f6515809f5eb5683e57c0\n", /* 41 digits */
		"# ok\n\n0b796f0cf88c29174f23f6515809f5eb5683e57g\n",  /* not hex */
		"# ok\n\n0b796f0cf88c29174f23 f6515809f5eb5683e57c\n", /* space inside */
	};
	uint8_t other[20];
	struct tmpdir t = { "" };
	struct sst_revocations r;
	char err[ERRLEN], want[128];
	const char *path;

	(void)state;
	path = write_tmp(&t, "rev.txt", good, strlen(good));
	assert_int_equal(sst_revocations_load(&r, path, err, sizeof(err)), 0);
	assert_int_equal(r.count, 3);
	assert_true(sst_revoked(&r, listed));
	memcpy(other, listed, 20);
	other[19] ^= 1;
	assert_false(sst_revoked(&r, other));
	memset(other, 0xFF, 20);
	assert_true(sst_revoked(&r, other));
	memset(other, 0, 20);
	other[19] = 1;
	assert_true(sst_revoked(&r, other));
	other[19] = 2;
	assert_false(sst_revoked(&r, other));
	sst_revocations_free(&r);

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		path = write_tmp(&t, "rev.txt", bad[i], strlen(bad[i]));
		assert_int_equal(sst_revocations_load(&r, path, err, sizeof(err)), -1);
		snprintf(want, sizeof(want), "%s:3: ", path);
		if (strncmp(err, want, strlen(want)) != 0)
			fail_msg("expected \"%s...\", got \"%s\"", want, err);
		sst_revocations_free(&r);
	}
	path = write_tmp(&t, "rev.txt", "ab\0cd\n", 6);
	assert_int_equal(sst_revocations_load(&r, path, err, sizeof(err)), -1);
	remove_tmp(&t, "rev.txt");
	assert_int_equal(sst_revocations_load(&r, t.path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cannot open"));
	rmdir(t.dir);
}

/* ---- file names ---- */

static void expect_name(const char *name, int ok, unsigned want_op, int want_reg)
{
	unsigned op = 0xDEAD;
	int reg = 99;

	if (sst_parse_filename(name, &op, &reg) != (ok ? 0 : -1))
		fail_msg("%s: expected %s", name, ok ? "success" : "failure");
	if (ok && (op != want_op || reg != want_reg))
		fail_msg("%s: got %X.%d, want %X.%d", name, op, reg, want_op, want_reg);
	if (!ok && (op != 0xDEAD || reg != 99))
		fail_msg("%s: outputs written on failure", name);
}

static void test_parse_filename(void **state)
{
	(void)state;
	expect_name("F6.7.MOO.gz", 1, 0xF6, 7);
	expect_name("27.MOO", 1, 0x27, -1);
	expect_name("0F01.2.MOO.gz", 1, 0x0F01, 2);
	expect_name("0F.MOO.gz", 1, 0x0F, -1);
	expect_name("/work/shared/sst/80286/80.0.MOO.gz", 1, 0x80, 0);
	expect_name("dir.7.MOO/00.MOO.gz", 1, 0x00, -1);
	expect_name("ff.moo.gz", 1, 0xFF, -1);
	expect_name("F6.8.MOO.gz", 0, 0, 0);
	expect_name("F6.77.MOO.gz", 0, 0, 0);
	expect_name("F6.MOO.zip", 0, 0, 0);
	expect_name("F6.7.MOO.gz.bak", 0, 0, 0);
	expect_name("F6.7", 0, 0, 0);
	expect_name("F.MOO", 0, 0, 0);
	expect_name("123.MOO", 0, 0, 0);
	expect_name("1F01.MOO", 0, 0, 0);
	expect_name("MOO.gz", 0, 0, 0);
	expect_name("F6.MOO/", 0, 0, 0);
	expect_name("", 0, 0, 0);
}

int main(int argc, char **argv)
{
	/* ctest passes the folder as argv[1]; the environment variable is for manual runs. */
	void *dir = argc > 1 ? argv[1] : getenv("X86LAB_SST_DIR");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_values),
		cmocka_unit_test(test_json_malformed),
		cmocka_unit_test(test_json_depth),
		cmocka_unit_test(test_json_truncated_everywhere),
		cmocka_unit_test(test_metadata_synthetic),
		cmocka_unit_test(test_metadata_errors),
		cmocka_unit_test(test_revocations_synthetic),
		cmocka_unit_test(test_parse_filename),
		cmocka_unit_test_prestate(test_8086_known_entries, dir),
		cmocka_unit_test_prestate(test_80286_known_entries, dir),
		cmocka_unit_test_prestate(test_all_entries_8086, dir),
		cmocka_unit_test_prestate(test_all_entries_80286, dir),
		cmocka_unit_test_prestate(test_metadata_truncated_file, dir),
		cmocka_unit_test_prestate(test_revocations_real, dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
