/*
 * tests/unit/test_dis.c — `x86lab disasm` against ndisasm (the nasm
 * package), the independent oracle: every one- and two-byte opcode with a
 * spread of ModRM/SIB/displacement/immediate forms, and random byte
 * streams, in 16- and 32-bit mode. Lines must be the same text after
 * collapsing white space; the only differences allowed are listed in
 * 'known_quirk' below, each with its reason. argv[1]: the x86lab program.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpu.h"
#include "inspect.h"

#define SLOT 16

static const char *x86lab_path;

struct line {
	uint32_t off;
	char hex[64];
	char text[128];
};

struct listing {
	struct line *lines;
	int n, cap;
};

struct tally {
	const char *cpu; /* the model x86lab disassembles for (--cpu) */
	int same, quirk, differ, later, x87;
};

/* Collapse runs of white space, as the comparison is defined. */
static void squeeze(char *s)
{
	char *o = s, *start = s;
	bool space = false;

	for (; *s; s++) {
		if (isspace((unsigned char)*s)) {
			space = true;
			continue;
		}
		if (space && o != start)
			*o++ = ' ';
		space = false;
		*o++ = *s;
	}
	*o = '\0';
}

/* Read an ndisasm-layout listing; continuation lines ("   -66") extend the hex. */
static void read_listing(FILE *f, struct listing *l)
{
	char buf[512];

	while (fgets(buf, sizeof buf, f)) {
		char hex[64];
		unsigned off;
		int at;
		if (sscanf(buf, " -%63s", hex) == 1 && l->n > 0) {
			struct line *last = &l->lines[l->n - 1];
			size_t used = strlen(last->hex);
			snprintf(last->hex + used, sizeof last->hex - used, "%s", hex);
			continue;
		}
		if (sscanf(buf, "%x %63s %n", &off, hex, &at) != 2)
			continue;
		if (l->n == l->cap) {
			l->cap = l->cap ? 2 * l->cap : 1024;
			l->lines = realloc(l->lines, sizeof *l->lines * (size_t)l->cap);
			assert_non_null(l->lines);
		}
		struct line *ln = &l->lines[l->n++];
		ln->off = off;
		snprintf(ln->hex, sizeof ln->hex, "%s", hex);
		snprintf(ln->text, sizeof ln->text, "%s", buf + at);
		ln->text[strcspn(ln->text, "\n")] = '\0';
		squeeze(ln->text);
	}
}

static void run_tool(const char *cmd, struct listing *l)
{
	FILE *p = popen(cmd, "r");

	assert_non_null(p);
	read_listing(p, l);
	assert_int_equal(pclose(p), 0);
}

static uint8_t hexbyte(const char *h)
{
	unsigned v = 0;

	sscanf(h, "%2x", &v);
	return (uint8_t)v;
}

/* The mnemonics x86lab's table knows, gathered once (cpu_mnemonic walks the table). */
static const char *known[512];
static int nknown;

static void gather_mnemonics(void)
{
	for (nknown = 0; nknown < 512 && cpu_mnemonic(nknown); nknown++)
		known[nknown] = cpu_mnemonic(nknown);
}

/* An instruction ndisasm knows from a CPU later than 'cpu' (or the x87):
 * x86lab shows these bytes as 'db'. The 486's additions are those of the
 * i486 manual (SDM Vol. 2 per instruction). */
static bool later_than(const char *cpu, const char *ndisasm_text)
{
	static const char *const added_by_486[] = { "xadd", "cmpxchg", "bswap", "invlpg", "cpuid" };
	char m[32] = "";

	sscanf(ndisasm_text, "%31s", m);
	if (strcmp(cpu, "386") == 0)
		for (size_t i = 0; i < sizeof added_by_486 / sizeof added_by_486[0]; i++)
			if (strcmp(m, added_by_486[i]) == 0)
				return true;
	for (int i = 0; i < nknown; i++)
		if (strcmp(m, known[i]) == 0)
			return false;
	return true;
}

static bool is_prefix_byte(uint8_t b)
{
	return b == 0x26 || b == 0x2e || b == 0x36 || b == 0x3e || b == 0x64 || b == 0x65 ||
	       b == 0x66 || b == 0x67 || b == 0xf0 || b == 0xf2 || b == 0xf3;
}

/* ndisasm gave up on the instruction: 'db', or a prefix printed alone. */
static bool ndisasm_gave_up(const char *text)
{
	static const char *const alone[] = { "es",  "cs",  "ss",  "ds",   "fs",  "gs",    "o16",
		                             "o32", "a16", "a32", "lock", "rep", "repne", "repe" };

	if (strncmp(text, "db ", 3) == 0)
		return true;
	for (size_t i = 0; i < sizeof alone / sizeof alone[0]; i++)
		if (strcmp(text, alone[i]) == 0)
			return true;
	return false;
}

/* Differences that are ndisasm's, each with the reason it is not ours. */
static const char *known_quirk(const struct line *ours, const struct line *theirs)
{
	uint8_t b[16] = { 0 };
	int n = (int)strlen(ours->hex) / 2, i = 0;
	bool rep_prefix = false;

	for (int k = 0; k < n && k < 16; k++)
		b[k] = hexbyte(ours->hex + 2 * k);
	bool asize_prefix = false;
	for (; i < n && is_prefix_byte(b[i]); i++) {
		rep_prefix |= b[i] == 0xf2 || b[i] == 0xf3;
		asize_prefix |= b[i] == 0x67;
	}
	uint8_t op = b[i], op2 = b[i + 1], reg = (uint8_t)((b[i + 1] >> 3) & 7);
	if (ndisasm_gave_up(theirs->text)) {
		if (op == 0x82)
			return "82 is the SDM's alias of 80; ndisasm does not decode it";
		if ((op == 0xc0 || op == 0xc1 || (op >= 0xd0 && op <= 0xd3)) && reg == 6)
			return "group 2 /6 (SAL alias) is not in ndisasm's table";
		if ((op == 0xf6 || op == 0xf7) && reg == 1)
			return "F6/F7 /1 (TEST alias) is not in ndisasm's table";
		if (op == 0x0f && op2 >= 0x90 && op2 <= 0x9f)
			return "SETcc with a reg field other than 0: the CPU ignores it, ndisasm "
			       "does not";
		if (op == 0x0f && op2 >= 0x20 && op2 <= 0x23)
			return "MOV CR/DR: the CPU ignores the mod field, ndisasm wants mod=3";
		if (op == 0x0f && (op2 == 0xb7 || op2 == 0xbf))
			return "MOVZX/MOVSX r16,r/m16: ndisasm does not accept the 16-bit form";
		if (op == 0x0f && op2 >= 0xc8 && op2 <= 0xcf)
			return "BSWAP r16: undefined in the SDM, shown by x86lab, refused by "
			       "ndisasm";
	}
	if (rep_prefix && (strstr(theirs->text, "bnd ") || strstr(theirs->text, "xacquire") ||
	                   strstr(theirs->text, "xrelease")))
		return "F2/F3 before a non-string instruction: ndisasm shows later CPUs' MPX/TSX "
		       "hints";
	if (op == 0x9b)
		return "ndisasm folds WAIT into the next instruction";
	if (op >= 0xd8 && op <= 0xdf && (op2 >> 6) == 3 && asize_prefix)
		return "x87 register form after 67h (no address to size): ndisasm switches to its "
		       "two-operand template (fadd st0,st1 for fadd st1)";
	if (op == 0x90 && rep_prefix && strcmp(theirs->text, "pause") == 0)
		return "F3 90 is PAUSE from the Pentium 4 on; on the 386 it is REP NOP";
	const char *h = theirs->hex;
	while (strlen(h) >= 2 && is_prefix_byte(hexbyte(h)))
		h += 2;
	if (ndisasm_gave_up(ours->text) && strlen(h) >= 4 && strncmp(h, "0F1", 3) == 0 &&
	    strchr("89ABCDEF", h[3]))
		return "0F 18-1F are the Pentium Pro's hint NOPs, a later CPU's instructions";
	return NULL;
}

/* x87 encodings that no coprocessor defines (D9 /1 with memory, DD C8 …):
 * the CPU still takes them as ESC with their ModRM, which x86lab shows;
 * ndisasm stops at the opcode byte. */
static bool is_x87(const struct line *ours)
{
	int n = (int)strlen(ours->hex) / 2, i = 0;

	while (i < n && is_prefix_byte(hexbyte(ours->hex + 2 * i)))
		i++;
	return i < n && hexbyte(ours->hex + 2 * i) >= 0xd8 && hexbyte(ours->hex + 2 * i) <= 0xdf;
}

static void compare(const struct listing *ours, const struct listing *theirs, bool code32,
                    bool first_of_slot_only, struct tally *t)
{
	int j = 0;

	for (int i = 0; i < ours->n; i++) {
		const struct line *a = &ours->lines[i];
		if (first_of_slot_only && a->off % SLOT)
			continue;
		while (j < theirs->n && theirs->lines[j].off < a->off)
			j++;
		if (j == theirs->n || theirs->lines[j].off != a->off)
			continue; /* out of step after an earlier difference */
		const struct line *b = &theirs->lines[j];
		const char *why;
		if (strcmp(a->hex, b->hex) == 0 && strcmp(a->text, b->text) == 0) {
			t->same++;
		} else if (ndisasm_gave_up(a->text) && !ndisasm_gave_up(b->text) &&
		           later_than(t->cpu, b->text)) {
			t->later++;
		} else if (is_x87(a) && ndisasm_gave_up(b->text)) {
			t->x87++;
		} else if ((why = known_quirk(a, b)) != NULL) {
			t->quirk++;
		} else {
			if (t->differ++ < (getenv("DIS_VERBOSE") ? 100000 : 40))
				fprintf(stderr, "%s %08X: x86lab '%s %s', ndisasm '%s %s'\n",
				        code32 ? "32" : "16", a->off, a->hex, a->text, b->hex,
				        b->text);
		}
	}
}

static void write_file(const char *path, const uint8_t *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

/* Every opcode: each ModRM reg with each mod, a register form, and SIB forms. */
static size_t opcode_corpus(uint8_t *buf, size_t cap, int prefix)
{
	static const uint8_t modrms[] = { 0x00, 0x06, 0x0e, 0x16, 0x1e, 0x26, 0x2e, 0x36, 0x3e,
		                          0x47, 0x4f, 0x57, 0x5f, 0x62, 0x6a, 0x72, 0x7a, 0x84,
		                          0x8c, 0x94, 0x9c, 0xa6, 0xae, 0xb6, 0xbe, 0xc0, 0xc9,
		                          0xd2, 0xdb, 0xe4, 0xed, 0xf6, 0xff, 0x04, 0x44, 0x05 };
	size_t n = 0;

	for (int op = 0; op < 0x200; op++) {
		for (size_t k = 0; k < sizeof modrms && n + SLOT <= cap; k++) {
			uint8_t *s = buf + n;
			int i = 0;
			memset(s, 0x90, SLOT);
			if (prefix)
				s[i++] = (uint8_t)prefix;
			if (op >= 0x100)
				s[i++] = 0x0f;
			s[i++] = (uint8_t)op;
			s[i++] = modrms[k];
			s[i++] = (uint8_t)(0x25 + 0x11 * k);
			for (int j = 0; j < 5; j++)
				s[i++] = (uint8_t)(0x81 + 0x13 * j + k);
			n += SLOT;
		}
	}
	return n;
}

static void sync_points(char *cmd, size_t cap, size_t n)
{
	size_t used = strlen(cmd);

	for (size_t off = 0; off < n && used + 16 < cap; off += SLOT)
		used += (size_t)snprintf(cmd + used, cap - used, " -s %zu", off);
}

/* Disassemble 'n' bytes with both tools and compare. Opcode corpora put one
 * instruction in each 16-byte slot and tell ndisasm to resynchronise at every
 * slot; random streams are compared as they fall. */
static void compare_chunk(const uint8_t *data, size_t n, int bits, bool slots, struct tally *t)
{
	char path[] = "/tmp/x86lab-dis-XXXXXX";
	size_t cmdcap = n / SLOT * 12 + 512;
	char *cmd = malloc(cmdcap);
	struct listing ours = { 0 }, theirs = { 0 };
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	write_file(path, data, n);
	snprintf(cmd, cmdcap, "%s disasm --cpu %s --bits %d %s", x86lab_path, t->cpu, bits, path);
	run_tool(cmd, &ours);
	snprintf(cmd, cmdcap, "ndisasm -b %d", bits);
	if (slots)
		sync_points(cmd, cmdcap, n);
	strcat(cmd, " ");
	strcat(cmd, path);
	run_tool(cmd, &theirs);
	compare(&ours, &theirs, bits == 32, slots, t);
	unlink(path);
	free(ours.lines);
	free(theirs.lines);
	free(cmd);
}

/* A shell command line must stay well under 128 KiB: 4096 sync points at a time. */
#define CHUNK (4096 * SLOT)

static void differential(int bits, int prefix, bool random, struct tally *t)
{
	size_t cap = 0x200 * 40 * SLOT, n;
	uint8_t *buf = malloc(cap);

	if (random) {
		uint32_t x = 0x1234567u + (uint32_t)bits;
		n = 1u << 16;
		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			buf[i] = (uint8_t)(x >> 16);
		}
		compare_chunk(buf, n, bits, false, t);
	} else {
		n = opcode_corpus(buf, cap, prefix);
		for (size_t at = 0; at < n; at += CHUNK)
			compare_chunk(buf + at, n - at < CHUNK ? n - at : CHUNK, bits, true, t);
	}
	free(buf);
}

static void report(const char *what, const struct tally *t)
{
	int total = t->same + t->quirk + t->differ + t->later + t->x87;
	fprintf(stderr,
	        "%s: %d lines; %d identical to ndisasm (%.1f%%), %d known ndisasm quirks, "
	        "%d later-CPU instructions shown as db, %d undefined x87 forms shown as ESC, %d "
	        "differ\n",
	        what, total, t->same, total ? 100.0 * t->same / total : 0.0, t->quirk, t->later,
	        t->x87, t->differ);
}

static void every_opcode(const char *cpu)
{
	static const int prefixes[] = { 0, 0x66, 0x67, 0x26 };
	struct tally t = { .cpu = cpu };
	char what[64];

	for (int bits = 16; bits <= 32; bits += 16)
		for (size_t p = 0; p < sizeof prefixes / sizeof prefixes[0]; p++)
			differential(bits, prefixes[p], false, &t);
	snprintf(what, sizeof what, "%s opcode forms", cpu);
	report(what, &t);
	assert_true(t.same > 10000);
	assert_int_equal(t.differ, 0);
}

static void test_dis_every_opcode_matches_ndisasm(void **state)
{
	(void)state;
	every_opcode("386");
}

static void test_dis_every_486_opcode_matches_ndisasm(void **state)
{
	(void)state;
	every_opcode("486");
}

static void test_dis_random_streams_match_ndisasm(void **state)
{
	struct tally t = { .cpu = "386" };

	(void)state;
	differential(16, 0, true, &t);
	differential(32, 0, true, &t);
	report("random bytes", &t);
	assert_true(t.same > 10000);
	assert_int_equal(t.differ, 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dis_every_opcode_matches_ndisasm),
		cmocka_unit_test(test_dis_every_486_opcode_matches_ndisasm),
		cmocka_unit_test(test_dis_random_streams_match_ndisasm),
	};

	if (argc < 2) {
		fprintf(stderr, "usage: test_dis PATH-TO-x86lab\n");
		return 1;
	}
	x86lab_path = argv[1];
	gather_mnemonics();
	return cmocka_run_group_tests_name("dis", tests, NULL, NULL);
}
