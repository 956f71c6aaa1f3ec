/* Tests of the MOO reader: every shipped test file against MANIFEST.json and the README counts,
 * hand-decoded tests, SHA-1 of each 80286 test, and damaged input built in memory.
 * Usage: test_moo [SST_DIR]  (else $X86LAB_SST_DIR); missing data is a failure, not a skip. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "metadata.h"
#include "moo.h"

#define ERRLEN 512

/* ---- SHA-1 (FIPS 180-4, section 6.1), to check HASH chunks independently of the reader ---- */

struct sha1 {
	uint32_t h[5];
	uint8_t block[64];
	size_t fill;
	uint64_t total;
};

static uint32_t rol(uint32_t x, int n)
{
	return x << n | x >> (32 - n);
}

static void sha1_block(struct sha1 *s)
{
	uint32_t w[80], a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];

	for (int t = 0; t < 16; t++)
		w[t] = (uint32_t)s->block[4 * t] << 24 | (uint32_t)s->block[4 * t + 1] << 16 |
		       (uint32_t)s->block[4 * t + 2] << 8 | s->block[4 * t + 3];
	for (int t = 16; t < 80; t++)
		w[t] = rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
	for (int t = 0; t < 80; t++) {
		uint32_t f, k, tmp;

		if (t < 20) {
			f = (b & c) | (~b & d);
			k = 0x5A827999;
		} else if (t < 40) {
			f = b ^ c ^ d;
			k = 0x6ED9EBA1;
		} else if (t < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8F1BBCDC;
		} else {
			f = b ^ c ^ d;
			k = 0xCA62C1D6;
		}
		tmp = rol(a, 5) + f + e + k + w[t];
		e = d;
		d = c;
		c = rol(b, 30);
		b = a;
		a = tmp;
	}
	s->h[0] += a;
	s->h[1] += b;
	s->h[2] += c;
	s->h[3] += d;
	s->h[4] += e;
}

static void sha1_add(struct sha1 *s, const uint8_t *p, size_t n)
{
	s->total += n;
	while (n--) {
		s->block[s->fill++] = *p++;
		if (s->fill == 64) {
			sha1_block(s);
			s->fill = 0;
		}
	}
}

static void sha1(const uint8_t *p, size_t n, uint8_t out[20])
{
	struct sha1 s = {
		{ 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0 }, { 0 }, 0, 0
	};
	uint64_t bits;
	uint8_t len[8];

	sha1_add(&s, p, n);
	bits = s.total * 8;
	sha1_add(&s, (const uint8_t *)"\x80", 1);
	while (s.fill != 56)
		sha1_add(&s, (const uint8_t *)"", 1);
	for (int i = 0; i < 8; i++)
		len[i] = (uint8_t)(bits >> (56 - 8 * i));
	sha1_add(&s, len, 8);
	for (int i = 0; i < 20; i++)
		out[i] = (uint8_t)(s.h[i / 4] >> (24 - 8 * (i % 4)));
}

static void hex_to_bytes(const char *hex, uint8_t *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned v;

		assert_int_equal(sscanf(hex + 2 * i, "%2x", &v), 1);
		out[i] = (uint8_t)v;
	}
}

static void test_sha1_known_vectors(void **state)
{
	uint8_t got[20], want[20];

	(void)state;
	/* FIPS 180-2 appendix A examples. */
	sha1((const uint8_t *)"abc", 3, got);
	hex_to_bytes("a9993e364706816aba3e25717850c26c9cd0d89d", want, 20);
	assert_memory_equal(got, want, 20);
	sha1((const uint8_t *)"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, got);
	hex_to_bytes("84983e441c3bd26ebaae4aa1f95129e5e54670f1", want, 20);
	assert_memory_equal(got, want, 20);
	sha1((const uint8_t *)"", 0, got);
	hex_to_bytes("da39a3ee5e6b4b0d3255bfef95601890afd80709", want, 20);
	assert_memory_equal(got, want, 20);
}

/* ---- the shipped data ---- */

struct suite_facts {
	const char *folder;
	const char *cpu; /* header CPU id */
	unsigned files;  /* README "Counts (this folder)" */
	unsigned tests;
	unsigned excp;
	bool hashes;        /* FORMAT.md 3.9: only the 80286 files carry HASH */
	uint32_t phys_mask; /* 8086 addresses wrap at 1 MiB, the 286 ones do not */
	bool ends_with_hlt; /* FORMAT.md 3.2: every 80286 BYTS ends in F4 */
};

static const char *sst_dir(void **state)
{
	const char *dir = *state;

	if (dir == NULL || *dir == '\0')
		fail_msg("no SingleStepTests data folder: pass it as the first argument or set "
		         "X86LAB_SST_DIR (it holds 8086/ and 80286/ with *.MOO.gz)");
	return dir;
}

static void join_path(char *out, size_t size, const char *dir, const char *name)
{
	if ((size_t)snprintf(out, size, "%s/%s", dir, name) >= size)
		fail_msg("path too long: %s/%s", dir, name);
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static const struct sst_json_value *manifest_entry(const struct sst_json_value *files,
                                                   const char *name)
{
	for (const struct sst_json_value *e = files->first; e; e = e->next) {
		const struct sst_json_value *f = sst_json_get(e, "file");

		if (f && f->type == SST_JSON_STRING && strcmp(f->str, name) == 0)
			return e;
	}
	return NULL;
}

static long long manifest_int(const struct sst_json_value *entry, const char *key)
{
	long long n = -1;

	if (!sst_json_int(sst_json_get(entry, key), 0, 1000000000, &n))
		fail_msg("MANIFEST entry without integer \"%s\"", key);
	return n;
}

/* Each instruction byte is also in the initial RAM at CS:IP+k, offset wrapping at 64 KiB. */
static bool bytes_in_ram(const struct moo_test *t, uint32_t phys_mask)
{
	const uint16_t *r = t->init.regs;

	for (uint32_t k = 0; k < t->nbytes; k++) {
		uint32_t addr = ((uint32_t)r[MOO_CS] * 16 + ((r[MOO_IP] + k) & 0xFFFF)) & phys_mask;
		bool found = false;

		for (uint32_t i = 0; i < t->init.nram && !found; i++)
			found = t->init.ram[i].addr == addr && t->init.ram[i].val == t->bytes[k];
		if (!found)
			return false;
	}
	return true;
}

/* FORMAT.md 3.8: the recorded FLAGS address is (SS<<4)+((SP+4)&0xFFFF), rounded down to even,
   with SS and SP from the final state (or the initial one when the final state omits them). */
static uint32_t expected_excp_addr(const struct moo_test *t)
{
	uint16_t ss = t->final.regmask >> MOO_SS & 1 ? t->final.regs[MOO_SS] : t->init.regs[MOO_SS];
	uint16_t sp = t->final.regmask >> MOO_SP & 1 ? t->final.regs[MOO_SP] : t->init.regs[MOO_SP];

	return ((uint32_t)ss * 16 + ((sp + 4u) & 0xFFFF)) & ~1u;
}

static void check_test(const struct suite_facts *sf, const char *file, const struct moo_test *t,
                       uint32_t position)
{
	uint8_t digest[20];

	if (t->index != position || t->stored_index != position)
		fail_msg("%s test %u: index %u, stored index %u", file, position, t->index,
		         t->stored_index);
	if (t->init.regmask != 0x3FFF)
		fail_msg("%s test %u: INIT regmask 0x%04x", file, position, t->init.regmask);
	if (t->final.regmask & ~0x3FFF)
		fail_msg("%s test %u: FINA regmask 0x%04x", file, position, t->final.regmask);
	if (t->nbytes == 0 || !bytes_in_ram(t, sf->phys_mask))
		fail_msg("%s test %u: instruction bytes not found at CS:IP", file, position);
	if (sf->ends_with_hlt && t->bytes[t->nbytes - 1] != 0xF4)
		fail_msg("%s test %u: BYTS do not end with F4", file, position);
	if (t->has_hash != sf->hashes)
		fail_msg("%s test %u: has_hash is %d", file, position, t->has_hash);
	if (t->has_excp && t->excp_flags_addr != expected_excp_addr(t))
		fail_msg("%s test %u: EXCP address 0x%x", file, position, t->excp_flags_addr);
	if (!t->has_hash)
		return;
	sha1(t->payload, t->hash_chunk_pos, digest);
	if (memcmp(digest, t->hash, 20) != 0)
		fail_msg("%s test %u: HASH differs from the SHA-1 of the TEST payload", file,
		         position);
}

/* Reads one file completely; returns the tests read and counts EXCP records in *excp. */
static uint32_t read_file_checked(const struct suite_facts *sf, const char *path, const char *file,
                                  unsigned *excp)
{
	struct moo_file f;
	struct moo_test t;
	char err[ERRLEN];
	uint32_t n = 0;
	int r;

	if (moo_open(&f, path, err, sizeof(err)) < 0)
		fail_msg("%s", err);
	if (strcmp(f.cpu, sf->cpu) != 0 || f.major != 1)
		fail_msg("%s: CPU '%s', version %u.%u", file, f.cpu, f.major, f.minor);
	while ((r = moo_next(&f, &t, err, sizeof(err))) == 1) {
		check_test(sf, file, &t, n);
		*excp += t.has_excp;
		n++;
	}
	if (r < 0)
		fail_msg("%s", err);
	if (n != f.count)
		fail_msg("%s: read %u tests, header says %u", file, n, f.count);
	moo_close(&f);
	return n;
}

static void check_suite(void **state, const struct suite_facts *sf)
{
	char folder[4096], path[4096], err[ERRLEN];
	unsigned files = 0, tests = 0, excp = 0;
	struct sst_json manifest;
	const struct sst_json_value *list;
	struct dirent *de;
	DIR *d;

	join_path(folder, sizeof(folder), sst_dir(state), sf->folder);
	join_path(path, sizeof(path), folder, "MANIFEST.json");
	if (sst_json_load(&manifest, path, err, sizeof(err)) < 0)
		fail_msg("%s", err);
	list = sst_json_get(manifest.root, "files");
	assert_non_null(list);
	d = opendir(folder);
	if (d == NULL)
		fail_msg("cannot open the data folder %s", folder);
	while ((de = readdir(d)) != NULL) {
		const struct sst_json_value *entry;
		unsigned file_excp = 0;
		uint32_t n;

		if (!has_suffix(de->d_name, ".MOO.gz"))
			continue;
		entry = manifest_entry(list, de->d_name);
		if (entry == NULL)
			fail_msg("%s/%s is not in MANIFEST.json", folder, de->d_name);
		join_path(path, sizeof(path), folder, de->d_name);
		n = read_file_checked(sf, path, de->d_name, &file_excp);
		if (n != manifest_int(entry, "tests") ||
		    file_excp != manifest_int(entry, "with_EXCP"))
			fail_msg("%s: %u tests, %u with EXCP; MANIFEST says %lld, %lld", de->d_name,
			         n, file_excp, manifest_int(entry, "tests"),
			         manifest_int(entry, "with_EXCP"));
		files++;
		tests += n;
		excp += file_excp;
	}
	closedir(d);
	assert_int_equal(files, list->count);
	sst_json_free(&manifest);
	if (files != sf->files || tests != sf->tests || excp != sf->excp)
		fail_msg("%s: %u files, %u tests, %u EXCP; README says %u, %u, %u", sf->folder,
		         files, tests, excp, sf->files, sf->tests, sf->excp);
	print_message("%s: %u files, %u tests, %u with EXCP\n", sf->folder, files, tests, excp);
}

static void test_suite_8086(void **state)
{
	static const struct suite_facts facts = { "8086", "8086", 322,     80500,
		                                  0,      false,  0xFFFFF, false };

	check_suite(state, &facts);
}

static void test_suite_80286(void **state)
{
	static const struct suite_facts facts = { "80286", "C286", 325,        184125,
		                                  5277,    true,   0xFFFFFFFF, true };

	check_suite(state, &facts);
}

/* Opens dir/rel and returns test number 'which'. */
static void read_one(void **state, const char *rel, uint32_t which, struct moo_file *f,
                     struct moo_test *t)
{
	char path[4096], err[ERRLEN];

	join_path(path, sizeof(path), sst_dir(state), rel);
	if (moo_open(f, path, err, sizeof(err)) < 0)
		fail_msg("%s", err);
	for (uint32_t i = 0; i <= which; i++)
		if (moo_next(f, t, err, sizeof(err)) != 1)
			fail_msg("%s: test %u missing: %s", rel, i, err);
}

static void assert_ram(const struct moo_state *s, uint32_t i, uint32_t addr, uint8_t val)
{
	assert_true(i < s->nram);
	assert_int_equal(s->ram[i].addr, addr);
	assert_int_equal(s->ram[i].val, val);
}

/* 8086/27.MOO.gz, test 1 (DAA). Values decoded from the raw decompressed bytes, independently
   of moo.c: python3 gzip.open(...).read()[308:588] dumped as hex and read by hand, then
   cross-checked with a short struct-based Python reader written from FORMAT.md:
     0134 'TEST' len 0x116, index 01 00 00 00, 'NAME' len 7: n=3 "daa", 'BYTS' len 5: n=1 27,
     'INIT' len 0x5c: 'REGS' len 0x1e: ff 3f 35 d4 fb ea 5c 26 b1 00 ad 72 39 6c 5d d0 4f 69
     54 26 00 00 ec 42 25 5b 65 f0 86 f8; 'RAM ' n=5: 81b35=27 81b36..81b39=90; 'QUEU';
     'FINA' len 0x42: 'REGS' len 6: 00 30 66 f0 06 f0; 'RAM ' n=5 (same as INIT); ... */
static void test_known_8086(void **state)
{
	static const uint16_t init[MOO_NREGS] = { 0xD435, 0xEAFB, 0x265C, 0x00B1, 0x72AD,
		                                  0x6C39, 0xD05D, 0x694F, 0x2654, 0x0000,
		                                  0x42EC, 0x5B25, 0xF065, 0xF886 };
	struct moo_file f;
	struct moo_test t;

	read_one(state, "8086/27.MOO.gz", 1, &f, &t);
	assert_string_equal(f.cpu, "8086");
	assert_int_equal(f.count, 250);
	assert_int_equal(t.index, 1);
	assert_int_equal(t.offset, 0x134);
	assert_string_equal(t.name, "daa");
	assert_int_equal(t.nbytes, 1);
	assert_int_equal(t.bytes[0], 0x27);
	assert_int_equal(t.init.regmask, 0x3FFF);
	assert_memory_equal(t.init.regs, init, sizeof(init));
	assert_int_equal(t.init.nram, 5);
	assert_ram(&t.init, 0, 0x81B35, 0x27);
	assert_ram(&t.init, 4, 0x81B39, 0x90);
	assert_int_equal(t.final.regmask, 0x3000);
	assert_int_equal(t.final.regs[MOO_IP], 0xF066);
	assert_int_equal(t.final.regs[MOO_FLAGS], 0xF006);
	assert_int_equal(t.final.nram, 5);
	assert_ram(&t.final, 0, 0x81B35, 0x27);
	assert_ram(&t.final, 3, 0x81B38, 0x90);
	assert_false(t.has_hash);
	assert_false(t.has_excp);
	moo_close(&f);
}

/* 80286/F6.6.MOO.gz, test 0 (DIV with a divide error, memory operand above 1 MiB). Decoded
   with the same Python reader from the raw bytes at offset 0x3b (GMET NAME BYTS INIT FINA
   CYCL EXCP HASH), and the hash cross-checked with hashlib.sha1 over the payload. */
static void test_known_80286(void **state)
{
	static const uint16_t init[MOO_NREGS] = { 0x3D0E, 0xFFFF, 0x0000, 0xD934, 0x0DC3,
		                                  0xB65A, 0xFF57, 0x0014, 0xED8A, 0x0142,
		                                  0x5E43, 0xD470, 0x9AA0, 0x6417 };
	static const uint8_t bytes[] = { 0xF6, 0xB4, 0x3B, 0x3D, 0xF4 };
	uint8_t hash[20];
	struct moo_file f;
	struct moo_test t;

	read_one(state, "80286/F6.6.MOO.gz", 0, &f, &t);
	assert_string_equal(f.cpu, "C286");
	assert_int_equal(f.count, 625);
	assert_int_equal(t.offset, 0x3B);
	assert_string_equal(t.name, "div byte [si+3D3Bh]");
	assert_int_equal(t.nbytes, sizeof(bytes));
	assert_memory_equal(t.bytes, bytes, sizeof(bytes));
	assert_memory_equal(t.init.regs, init, sizeof(init));
	assert_int_equal(t.init.nram, 21);
	assert_ram(&t.init, 0, 0x176D0, 0xF6);
	assert_ram(&t.init, 10, 0x1090EE, 0x05); /* the divisor, above 1 MiB */
	assert_ram(&t.init, 20, 0xF4BD7, 0xB8);
	assert_int_equal(t.final.regmask, 0x3110);
	assert_int_equal(t.final.regs[MOO_CS], 0xE7AA);
	assert_int_equal(t.final.regs[MOO_SP], 0xED84);
	assert_int_equal(t.final.regs[MOO_IP], 0xD133);
	assert_int_equal(t.final.regs[MOO_FLAGS], 0x0492);
	assert_int_equal(t.final.nram, 6);
	assert_ram(&t.final, 0, 0xC5328, 0x92);
	assert_ram(&t.final, 5, 0xC5325, 0x9A);
	assert_true(t.has_excp);
	assert_int_equal(t.excp_vector, 0);
	assert_int_equal(t.excp_flags_addr, 0xC5328);
	assert_true(t.has_hash);
	hex_to_bytes("0b796f0cf88c29174f23f6515809f5eb5683e57c", hash, 20);
	assert_memory_equal(t.hash, hash, 20);
	moo_close(&f);
}

/* ---- damaged input, built in memory ---- */

struct builder {
	uint8_t d[16384];
	size_t n;
};

static void put(struct builder *b, const void *p, size_t n)
{
	assert_true(b->n + n <= sizeof(b->d));
	memcpy(b->d + b->n, p, n);
	b->n += n;
}

static void put_le(struct builder *b, uint32_t v, int bytes)
{
	for (int i = 0; i < bytes; i++) {
		uint8_t byte = (uint8_t)(v >> 8 * i);

		put(b, &byte, 1);
	}
}

static size_t open_chunk(struct builder *b, const char *tag)
{
	size_t at = b->n;

	put(b, tag, 4);
	put_le(b, 0, 4);
	return at;
}

static void close_chunk(struct builder *b, size_t at)
{
	uint32_t len = (uint32_t)(b->n - at - 8);

	for (int i = 0; i < 4; i++)
		b->d[at + 4 + (size_t)i] = (uint8_t)(len >> 8 * i);
}

static void put_counted(struct builder *b, const char *tag, const void *p, uint32_t n)
{
	size_t at = open_chunk(b, tag);

	put_le(b, n, 4);
	put(b, p, n);
	close_chunk(b, at);
}

static void put_header(struct builder *b, uint32_t count)
{
	size_t at = open_chunk(b, "MOO ");

	put_le(b, 1, 1);
	put_le(b, 0, 1);
	put_le(b, 0, 2);
	put_le(b, count, 4);
	put(b, "8086", 4);
	close_chunk(b, at);
}

static void put_ram(struct builder *b, uint32_t n, uint32_t base)
{
	size_t at = open_chunk(b, "RAM ");

	put_le(b, n, 4);
	for (uint32_t i = 0; i < n; i++) {
		put_le(b, base + i, 4);
		put_le(b, (uint8_t)(i * 7), 1);
	}
	close_chunk(b, at);
}

/* Test 0: the usual order. Test 1: sub-chunks shuffled, unknown tags, longer payloads, an EXCP
   and a HASH, a long NAME and many RAM entries, so that the reader relies on none of it. */
static void build_valid(struct builder *b)
{
	static const uint8_t code[] = { 0x90, 0xF4 };
	size_t test, state, regs;
	char long_name[128]; /* one more than moo_test.name can hold with its NUL */

	memset(long_name, 'n', sizeof(long_name));
	b->n = 0;
	put_header(b, 2);
	put_counted(b, "META", "whatever", 8);

	test = open_chunk(b, "TEST");
	put_le(b, 0, 4);
	put_counted(b, "NAME", "nop", 3);
	put_counted(b, "BYTS", code, 2);
	state = open_chunk(b, "INIT");
	regs = open_chunk(b, "REGS");
	put_le(b, 0x3FFF, 2);
	for (int i = 0; i < MOO_NREGS; i++)
		put_le(b, 0x1000u + (unsigned)i, 2);
	close_chunk(b, regs);
	put_ram(b, 2, 0x10000);
	put_counted(b, "QUEU", code, 2);
	close_chunk(b, state);
	state = open_chunk(b, "FINA");
	regs = open_chunk(b, "REGS");
	put_le(b, 0x3000, 2);
	put_le(b, 0x1013, 2); /* IP */
	put_le(b, 0xF002, 2); /* FLAGS */
	close_chunk(b, regs);
	put_ram(b, 0, 0);
	close_chunk(b, state);
	put_counted(b, "CYCL", "", 0);
	close_chunk(b, test);

	test = open_chunk(b, "TEST");
	put_le(b, 0, 4); /* like the official 8086 files */
	state = open_chunk(b, "FINA");
	put_counted(b, "ZZZZ", "??", 2);
	put_ram(b, 1, 0x20);
	regs = open_chunk(b, "REGS");
	put_le(b, 0x0001, 2);
	put_le(b, 0xBEEF, 2);
	put_le(b, 0xFFFF, 2); /* extra bytes after the known fields */
	close_chunk(b, regs);
	close_chunk(b, state);
	state = open_chunk(b, "HASH");
	put(b, "0123456789abcdefghijEXTRA", 25);
	close_chunk(b, state);
	state = open_chunk(b, "EXCP");
	put_le(b, 13, 1);
	put_le(b, 0x12345, 4);
	close_chunk(b, state);
	state = open_chunk(b, "INIT");
	put_ram(b, 700, 0x30000);
	regs = open_chunk(b, "REGS");
	put_le(b, 0x3FFF, 2);
	for (int i = 0; i < MOO_NREGS; i++)
		put_le(b, 0x2000u + (unsigned)i, 2);
	close_chunk(b, regs);
	close_chunk(b, state);
	put_counted(b, "BYTS", code, 1);
	put_counted(b, "NAME", long_name, sizeof(long_name));
	close_chunk(b, test);
}

static void test_synthetic_valid(void **state)
{
	struct builder *b = malloc(sizeof(*b));
	struct moo_file f;
	struct moo_test t;
	char err[ERRLEN];

	(void)state;
	build_valid(b);
	assert_int_equal(moo_open_buffer(&f, "valid.moo", b->d, b->n, err, sizeof(err)), 0);
	assert_int_equal(f.count, 2);
	assert_string_equal(f.cpu, "8086");
	assert_int_equal(moo_next(&f, &t, err, sizeof(err)), 1);
	assert_string_equal(t.name, "nop");
	assert_int_equal(t.init.regs[MOO_FLAGS], 0x100D);
	assert_int_equal(t.init.nram, 2);
	assert_ram(&t.init, 1, 0x10001, 7);
	assert_int_equal(t.final.regs[MOO_IP], 0x1013);
	assert_int_equal(t.final.nram, 0);
	assert_false(t.has_hash || t.has_excp);

	assert_int_equal(moo_next(&f, &t, err, sizeof(err)), 1);
	assert_int_equal(t.index, 1);
	assert_int_equal(t.stored_index, 0);
	assert_int_equal(strlen(t.name), sizeof(t.name) - 1);
	assert_int_equal(t.nbytes, 1);
	assert_int_equal(t.init.regs[MOO_DI], 0x200B);
	assert_int_equal(t.init.nram, 700);
	assert_ram(&t.init, 699, 0x30000 + 699, (uint8_t)(699 * 7));
	assert_int_equal(t.final.regmask, 1);
	assert_int_equal(t.final.regs[MOO_AX], 0xBEEF);
	assert_ram(&t.final, 0, 0x20, 0);
	assert_true(t.has_excp);
	assert_int_equal(t.excp_vector, 13);
	assert_int_equal(t.excp_flags_addr, 0x12345);
	assert_true(t.has_hash);
	assert_memory_equal(t.hash, "0123456789abcdefghij", 20);

	assert_int_equal(moo_next(&f, &t, err, sizeof(err)), 0);
	assert_int_equal(moo_next(&f, &t, err, sizeof(err)), 0);
	moo_close(&f);
	free(b);
}

/* The offset named in a message must lie inside the data that was there. */
static void assert_names_offset(const char *err, size_t limit)
{
	const char *at = strstr(err, "offset 0x");
	unsigned long off = 0;

	if (at == NULL || sscanf(at, "offset 0x%lx", &off) != 1)
		fail_msg("no offset in \"%s\"", err);
	if (off > limit)
		fail_msg("offset beyond the %zu bytes of data in \"%s\"", limit, err);
}

/* Every proper prefix of a valid file must be rejected, never read out of bounds. (Run the
   test under -fsanitize=address to make out-of-bounds reads fail loudly.) */
static void test_truncated_everywhere(void **state)
{
	struct builder *b = malloc(sizeof(*b));
	char err[ERRLEN];

	(void)state;
	build_valid(b);
	for (size_t len = 0; len < b->n; len++) {
		struct moo_file f;
		struct moo_test t;
		int r;

		err[0] = '\0';
		if (moo_open_buffer(&f, "cut.moo", b->d, len, err, sizeof(err)) < 0) {
			if (len == 0)
				assert_non_null(strstr(err, "empty"));
			else
				assert_names_offset(err, len);
			assert_non_null(strstr(err, "cut.moo"));
			continue;
		}
		while ((r = moo_next(&f, &t, err, sizeof(err))) == 1)
			;
		if (r != -1)
			fail_msg("a file cut to %zu of %zu bytes was read without error", len,
			         b->n);
		assert_non_null(strstr(err, "cut.moo: test "));
		assert_names_offset(err, len);
		assert_int_equal(moo_next(&f, &t, err, sizeof(err)), -1); /* stays failed */
		moo_close(&f);
	}
	free(b);
}

/* Reads until the first non-1 result and expects -1 with 'needle' in the message. */
static void expect_next_error(const uint8_t *data, size_t n, const char *needle)
{
	struct moo_file f;
	struct moo_test t;
	char err[ERRLEN];
	int r;

	assert_int_equal(moo_open_buffer(&f, "bad.moo", data, n, err, sizeof(err)), 0);
	while ((r = moo_next(&f, &t, err, sizeof(err))) == 1)
		;
	assert_int_equal(r, -1);
	if (strstr(err, needle) == NULL)
		fail_msg("expected \"%s\" in \"%s\"", needle, err);
	assert_names_offset(err, n);
	moo_close(&f);
}

static void test_huge_chunk_length(void **state)
{
	struct builder *b = malloc(sizeof(*b));
	size_t test;

	(void)state;
	b->n = 0;
	put_header(b, 1);
	test = open_chunk(b, "TEST");
	put_le(b, 0, 4);
	put_counted(b, "NAME", "x", 1);
	close_chunk(b, test);
	memset(b->d + test + 4, 0xFF, 4); /* the TEST length */
	expect_next_error(b->d, b->n, "'TEST' chunk of 4294967295 bytes runs past");

	/* The same inside a TEST: the sub-chunk must fit in its parent, not just in the file. */
	b->n = 0;
	put_header(b, 1);
	test = open_chunk(b, "TEST");
	put_le(b, 0, 4);
	put_counted(b, "NAME", "x", 1);
	close_chunk(b, test);
	memset(b->d + test + 16, 0xFF, 4);
	put_counted(b, "PADD", "0123456789012345678901234567890123456789", 40);
	expect_next_error(b->d, b->n, "inside TEST: 'NAME' chunk of 4294967295 bytes");
	free(b);
}

static void test_ram_count_overflow(void **state)
{
	struct builder *b = malloc(sizeof(*b));
	size_t test, init, ram;

	(void)state;
	b->n = 0;
	put_header(b, 1);
	test = open_chunk(b, "TEST");
	put_le(b, 0, 4);
	init = open_chunk(b, "INIT");
	ram = open_chunk(b, "RAM ");
	put_le(b, 0x33333334, 4); /* 5 * count is 4 in 32-bit arithmetic */
	put_le(b, 0x1234, 4);
	put_le(b, 0x56, 1);
	close_chunk(b, ram);
	close_chunk(b, init);
	close_chunk(b, test);
	expect_next_error(b->d, b->n, "RAM count 858993460 needs 4294967304 bytes, chunk has 9");

	/* A count that fits the RAM chunk's declared length, which overruns INIT. */
	b->n = 0;
	put_header(b, 1);
	test = open_chunk(b, "TEST");
	put_le(b, 0, 4);
	init = open_chunk(b, "INIT");
	put_ram(b, 3, 0);
	close_chunk(b, init);
	close_chunk(b, test);
	b->d[init + 4] -= 5; /* INIT now ends inside the RAM chunk */
	expect_next_error(b->d, b->n, "inside INIT: 'RAM ' chunk of 19 bytes runs past");
	free(b);
}

/* A one-test file whose TEST holds a single 'tag' chunk of 'len' zero bytes, inside INIT for
   RAM; the reader must reject it with 'needle'. */
static void put_small_chunk_test(struct builder *b, const char *tag, uint32_t len,
                                 const char *needle)
{
	size_t test, init = 0, chunk;
	bool in_init = strcmp(tag, "RAM ") == 0;

	b->n = 0;
	put_header(b, 1);
	test = open_chunk(b, "TEST");
	put_le(b, 0, 4);
	if (in_init)
		init = open_chunk(b, "INIT");
	chunk = open_chunk(b, tag);
	for (uint32_t i = 0; i < len; i++)
		put_le(b, 0, 1);
	close_chunk(b, chunk);
	if (in_init)
		close_chunk(b, init);
	close_chunk(b, test);
	expect_next_error(b->d, b->n, needle);
}

static void test_bad_fields(void **state)
{
	struct builder *b = malloc(sizeof(*b));
	size_t test, init, regs;

	(void)state;
	b->n = 0; /* REGS whose mask asks for more values than the chunk holds */
	put_header(b, 1);
	test = open_chunk(b, "TEST");
	put_le(b, 0, 4);
	init = open_chunk(b, "INIT");
	regs = open_chunk(b, "REGS");
	put_le(b, 0x3FFF, 2);
	put_le(b, 0, 2);
	close_chunk(b, regs);
	close_chunk(b, init);
	close_chunk(b, test);
	expect_next_error(b->d, b->n, "REGS mask 0x3fff needs 30 bytes, chunk has 4");

	b->n = 0; /* bits 14-15 name no 16-bit register */
	put_header(b, 1);
	test = open_chunk(b, "TEST");
	put_le(b, 0, 4);
	init = open_chunk(b, "INIT");
	regs = open_chunk(b, "REGS");
	put_le(b, 0x4000, 2);
	put_le(b, 0, 2);
	close_chunk(b, regs);
	close_chunk(b, init);
	close_chunk(b, test);
	expect_next_error(b->d, b->n, "REGS mask 0x4000 names registers beyond FLAGS");

	b->n = 0; /* two chunks of one kind would leave the meaning open */
	put_header(b, 1);
	test = open_chunk(b, "TEST");
	put_le(b, 0, 4);
	put_counted(b, "BYTS", "\x90", 1);
	put_counted(b, "BYTS", "\x90", 1);
	close_chunk(b, test);
	expect_next_error(b->d, b->n, "second BYTS chunk in TEST");
	b->n = 0;
	put_header(b, 1);
	test = open_chunk(b, "TEST");
	put_le(b, 0, 4);
	init = open_chunk(b, "FINA");
	put_ram(b, 0, 0);
	put_ram(b, 1, 0);
	close_chunk(b, init);
	close_chunk(b, test);
	expect_next_error(b->d, b->n, "second RAM  chunk in FINA");

	b->n = 0; /* a TEST without INIT */
	put_header(b, 1);
	test = open_chunk(b, "TEST");
	put_le(b, 0, 4);
	put_counted(b, "BYTS", "\x90", 1);
	close_chunk(b, test);
	expect_next_error(b->d, b->n, "TEST chunk has no INIT chunk");

	b->n = 0; /* the header promises more tests than there are */
	put_header(b, 3);
	expect_next_error(b->d, b->n, "data ends after 0 of the 3 tests");

	b->n = 0; /* counted fields and fixed-size chunks that are too short */
	put_header(b, 1);
	test = open_chunk(b, "TEST");
	put_le(b, 0, 4);
	put_counted(b, "BYTS", "\x90\x90\x90", 3);
	b->d[b->n - 7] = 4; /* BYTS count 4, but 3 bytes follow */
	close_chunk(b, test);
	expect_next_error(b->d, b->n, "BYTS length 4 exceeds its chunk (3 bytes)");
	put_small_chunk_test(b, "HASH", 19, "HASH chunk of 19 bytes, needs 20");
	put_small_chunk_test(b, "EXCP", 4, "EXCP chunk of 4 bytes, needs 5");
	put_small_chunk_test(b, "RAM ", 3, "RAM chunk of 3 bytes has no count");
	put_small_chunk_test(b, "NAME", 3, "NAME chunk of 3 bytes has no length");
	free(b);
}

/* After an error the reader stops, even if later tests are intact. */
static void test_error_is_final(void **state)
{
	struct builder *b = malloc(sizeof(*b));
	struct moo_file f;
	struct moo_test t;
	char err[ERRLEN];
	uint8_t *init;

	(void)state;
	build_valid(b);
	init = b->d;
	while (memcmp(init, "INIT", 4) != 0)
		init++; /* build_valid wrote one, so this stops inside the buffer */
	init[0] = 'X';  /* test 0 loses its INIT; test 1 is fine */
	assert_int_equal(moo_open_buffer(&f, "bad.moo", b->d, b->n, err, sizeof(err)), 0);
	assert_int_equal(moo_next(&f, &t, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "bad.moo: test 0 at offset 0x"));
	assert_non_null(strstr(err, "TEST chunk has no INIT chunk"));
	assert_int_equal(moo_next(&f, &t, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "earlier error"));
	moo_close(&f);
	free(b);
}

static void expect_open_error(const uint8_t *data, size_t n, const char *needle)
{
	struct moo_file f;
	char err[ERRLEN] = "";

	assert_int_equal(moo_open_buffer(&f, "hdr.moo", data, n, err, sizeof(err)), -1);
	if (strstr(err, needle) == NULL || strstr(err, "hdr.moo") == NULL)
		fail_msg("expected \"%s\" in \"%s\"", needle, err);
	moo_close(&f); /* harmless after a failed open */
}

static void test_bad_headers(void **state)
{
	struct builder b;

	(void)state;
	expect_open_error(NULL, 0, "empty file");
	expect_open_error((const uint8_t *)"MOX \x0c\0\0\0", 8,
	                  "not a MOO file (starts with 'MOX '");
	expect_open_error((const uint8_t *)"\x1f\x8b\x08\x00", 4, "not a MOO file");
	expect_open_error((const uint8_t *)"MOO \x04\0\0\0\x01\0\0\0", 12, "needs 12");
	expect_open_error((const uint8_t *)"MOO \xff\xff\xff\xff\x01\0\0\0", 12, "runs past");
	b.n = 0;
	put_header(&b, 0);
	b.d[8] = 2; /* major version */
	expect_open_error(b.d, b.n, "unsupported MOO version 2.0");
}

static void test_open_files(void **state)
{
	char dir[] = "/tmp/x86lab-moo-XXXXXX", path[64], err[ERRLEN];
	static const char garbage[] = "this is not gzip and not MOO either\n";
	struct moo_file f;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/missing.MOO.gz", dir);
	assert_int_equal(moo_open(&f, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "cannot open"));

	snprintf(path, sizeof(path), "%s/garbage.MOO.gz", dir);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	fwrite(garbage, 1, sizeof(garbage) - 1, fp);
	fclose(fp);
	assert_int_equal(moo_open(&f, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not a MOO file"));
	assert_int_equal(unlink(path), 0);

	/* A gzip header followed by garbage: zlib must report it, not hand back junk. */
	fp = fopen(path, "wb");
	assert_non_null(fp);
	fwrite("\x1f\x8b\x08\x00\0\0\0\0\0\x03", 1, 10, fp);
	fwrite(garbage, 1, sizeof(garbage) - 1, fp);
	fclose(fp);
	assert_int_equal(moo_open(&f, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, path));
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* A gzip file cut in half must fail when opened, not look like a shorter valid file. */
static void test_truncated_gzip(void **state)
{
	char src[4096], dir[] = "/tmp/x86lab-moo-XXXXXX", path[64], err[ERRLEN];
	struct moo_file f;
	uint8_t *data;
	long size;
	FILE *fp;

	join_path(src, sizeof(src), sst_dir(state), "8086/27.MOO.gz");
	fp = fopen(src, "rb");
	if (fp == NULL)
		fail_msg("cannot open %s", src);
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	rewind(fp);
	data = malloc((size_t)size);
	assert_int_equal(fread(data, 1, (size_t)size, fp), (size_t)size);
	fclose(fp);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/half.MOO.gz", dir);
	fp = fopen(path, "wb");
	fwrite(data, 1, (size_t)size / 2, fp);
	fclose(fp);
	assert_int_equal(moo_open(&f, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "unexpected end of file")); /* zlib's words */
	unlink(path);
	rmdir(dir);
	free(data);
}

int main(int argc, char **argv)
{
	/* ctest passes the folder as argv[1]; the environment variable is for manual runs. */
	void *dir = argc > 1 ? argv[1] : getenv("X86LAB_SST_DIR");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha1_known_vectors),
		cmocka_unit_test(test_synthetic_valid),
		cmocka_unit_test(test_truncated_everywhere),
		cmocka_unit_test(test_huge_chunk_length),
		cmocka_unit_test(test_ram_count_overflow),
		cmocka_unit_test(test_bad_fields),
		cmocka_unit_test(test_error_is_final),
		cmocka_unit_test(test_bad_headers),
		cmocka_unit_test(test_open_files),
		cmocka_unit_test_prestate(test_truncated_gzip, dir),
		cmocka_unit_test_prestate(test_known_8086, dir),
		cmocka_unit_test_prestate(test_known_80286, dir),
		cmocka_unit_test_prestate(test_suite_8086, dir),
		cmocka_unit_test_prestate(test_suite_80286, dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
