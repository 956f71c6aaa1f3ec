/*
 * tests/unit/test_decode.c — the decoder and the opcode table against an
 * independent oracle: ndisasm (from the nasm package) decodes the same bytes,
 * and the length and mnemonic of every opcode form must agree. Also the #UD
 * sets of each model, from the Intel manuals and the SingleStepTests README.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "insn.h"

#define SLOT      16
#define MAX_SLOTS 8192

struct bytes {
	uint8_t b[SLOT];
};

static uint8_t fetch(void *ctx, uint32_t pos)
{
	const struct bytes *s = ctx;

	return pos < SLOT ? s->b[pos] : 0x90;
}

static enum decode_status decode_bytes(enum cpu_model m, bool code32, const struct bytes *s,
                                       struct insn *in)
{
	struct decode_env env = { &cpu_traits_table[m], code32, false, fetch, (void *)s };

	return decode(&env, in);
}

/* What ndisasm made of one slot: its length and mnemonic. */
struct oracle {
	int len;
	char mnem[32];
};

/* Run ndisasm once over all slots, each a sync point, and read back the
 * first instruction of every slot. */
static void ndisasm_slots(const struct bytes *slots, int n, int bits, struct oracle *out)
{
	char path[] = "/tmp/x86lab-decode-XXXXXX";
	int fd = mkstemp(path);
	char *cmd = malloc((size_t)n * 16 + 256), line[512];
	size_t used;
	FILE *p;

	assert_true(fd >= 0);
	for (int i = 0; i < n; i++)
		assert_int_equal(write(fd, slots[i].b, SLOT), SLOT);
	close(fd);
	used = (size_t)sprintf(cmd, "ndisasm -b %d", bits);
	for (int i = 0; i < n; i++)
		used += (size_t)sprintf(cmd + used, " -s %d", i * SLOT);
	sprintf(cmd + used, " %s", path);
	p = popen(cmd, "r");
	assert_non_null(p);
	memset(out, 0, sizeof *out * (size_t)n);
	int last = -1;
	while (fgets(line, sizeof line, p)) {
		unsigned off;
		char hex[64], mnem[32], *text;
		int at;
		/* Long instructions continue on a line of their own: "   -66". */
		if (sscanf(line, " -%63s", hex) == 1 && last >= 0) {
			out[last].len += (int)strlen(hex) / 2;
			continue;
		}
		last = -1;
		if (sscanf(line, "%x %63s %n", &off, hex, &at) != 2 || off % SLOT)
			continue;
		last = (int)(off / SLOT);
		/* ndisasm spells out a size prefix the instruction ignores: skip it. */
		text = line + at;
		while (!strncmp(text, "o32 ", 4) || !strncmp(text, "o16 ", 4) ||
		       !strncmp(text, "a32 ", 4) || !strncmp(text, "a16 ", 4))
			text += 4;
		if (sscanf(text, "%31s", mnem) != 1)
			continue;
		out[off / SLOT].len = (int)strlen(hex) / 2;
		snprintf(out[off / SLOT].mnem, sizeof out[0].mnem, "%s", mnem);
	}
	assert_int_equal(pclose(p), 0);
	unlink(path);
	free(cmd);
}

/* How the bytes are framed: prefixes in front, and the mode ndisasm and the
 * decoder assume (CS.D). */
struct variant {
	uint8_t prefix[2];
	int nprefix;
	bool code32;
};

/* Encodings to try for table index 'op': every ModRM.reg with a memory
 * operand, the register form, and with 32-bit addressing the SIB forms
 * (index and base, no base with disp32, disp8 and disp32). */
static int encodings(int op, const struct variant *v, struct bytes *out)
{
	static const uint8_t modrm16[] = { 0x06, 0x0e, 0x16, 0x1e, 0x26, 0x2e, 0x36, 0x3e, 0xc0 };
	static const uint8_t modrm32[][2] = { { 0x04, 0x25 }, { 0x0c, 0x88 }, { 0x54, 0x4d },
		                              { 0x9c, 0x00 }, { 0x05, 0 },    { 0x45, 0 },
		                              { 0xa6, 0 },    { 0xf8, 0 } };
	bool a32 = v->code32 != (v->nprefix && (v->prefix[0] == 0x67 || v->prefix[1] == 0x67));
	int count = a32 ? 8 : 9, n = 0;

	for (int k = 0; k < count; k++) {
		struct bytes *s = &out[n++];
		int i = 0;
		memset(s->b, 0x90, SLOT);
		for (int p = 0; p < v->nprefix; p++)
			s->b[i++] = v->prefix[p];
		if (op >= 0x100)
			s->b[i++] = 0x0f;
		s->b[i++] = (uint8_t)op;
		if (a32) {
			s->b[i++] = modrm32[k][0];
			if ((modrm32[k][0] & 7) == 4 && (modrm32[k][0] >> 6) != 3)
				s->b[i++] = modrm32[k][1];
		} else {
			s->b[i++] = modrm16[k];
		}
		for (int j = 0; j < 6; j++)
			s->b[i++] = (uint8_t)(0x11 * (j + 1));
	}
	return n;
}

/* Spelling differences between the table and ndisasm that are not errors. */
static bool same_mnemonic(const struct insn *in, bool code32, const char *theirs)
{
	const char *ours = in->op->name;

	(void)code32;
	if (in->osize == 4 && in->op->name32)
		ours = in->op->name32;
	if (strcmp(ours, theirs) == 0)
		return true;
	/* ndisasm writes a near RET with an odd operand size as RETNW. */
	if (strcmp(ours, "ret") == 0 && strncmp(theirs, "retn", 4) == 0)
		return theirs[4] == 'w' || theirs[4] == 'd';
	/* A size prefix that no operand shows: ndisasm adds 'w' or 'd' (RETD). */
	if (strncmp(ours, theirs, strlen(ours)) == 0 && strlen(theirs) == strlen(ours) + 1 &&
	    strchr("wd", theirs[strlen(ours)]))
		return true;
	/* 90 with a prefix is XCHG to ndisasm; JCXZ with ECX is JECXZ. */
	if (in->opcode == 0x90)
		return strcmp(theirs, "xchg") == 0;
	if (in->opcode == 0xe3 && in->asize == 4)
		return strcmp(theirs, "jecxz") == 0;
	if (strcmp(ours, "call far") == 0 || strcmp(ours, "jmp far") == 0)
		return strncmp(ours, theirs, strlen(theirs)) == 0;
	/* ESC: ndisasm names the coprocessor instruction. */
	return strcmp(ours, "esc") == 0 && theirs[0] == 'f';
}

/* Encodings the chips decode but ndisasm does not know (it prints 'db') or
 * reads differently: 82 (the SDM's alias of 80), group 2 /6 (SAL alias),
 * F6/F7 /1 (TEST alias), SETcc with a non-zero reg field and MOV CR/DR with
 * a memory-looking mod field (both ignored by the CPU), MOVZX/MOVSX from a
 * word into a word, ESC forms with no x87 meaning, WAIT (which ndisasm
 * merges with the next instruction), POP CS, the 8086's register forms
 * of LEA/LES/LDS, and BSWAP with a 16-bit operand (undefined in the SDM;
 * ndisasm refuses it). */
static bool ndisasm_gap(const struct insn *in)
{
	int op = in->opcode;

	if (op == 0x82 || op == 0x9b || op == 0x0f || op == 0x1b7 || op == 0x1bf ||
	    (op >= 0xd8 && op <= 0xdf) || (op >= 0x120 && op <= 0x123))
		return true;
	if ((op == 0xc0 || op == 0xc1 || (op >= 0xd0 && op <= 0xd3)) && in->reg == 6)
		return true;
	if ((op == 0xf6 || op == 0xf7) && in->reg == 1)
		return true;
	if ((in->op->attr & MEMONLY) && in->mod == 3)
		return true;
	if (op >= 0x1c8 && op <= 0x1cf && in->osize == 2)
		return true;
	return op >= 0x190 && op <= 0x19f && in->reg != 0;
}

/* An 8086 alias: ask ndisasm about the row that actually runs, by putting
 * its opcode (or its group's reg field) into the bytes. */
static void substitute_alias(struct bytes *s, int at, const struct insn *in)
{
	const struct opdesc *group = optab[in->opcode].group;

	if (in->op >= optab && in->op < optab + 0x100 && in->op != &optab[in->opcode])
		s->b[at] = (uint8_t)(in->op - optab);
	else if (group && in->op >= group && in->op < group + 8 && in->op != &group[in->reg])
		s->b[at + 1] = (uint8_t)((s->b[at + 1] & ~0x38) | (in->op - group) << 3);
}

/* Whether byte 'op' is a prefix on model 'm' (F1 is one before the 386). */
static bool is_prefix_on(enum cpu_model m, int op)
{
	const struct opdesc *row = &optab[op];

	if (row->isa > cpu_traits_table[m].isa && row->alias)
		row = row->alias;
	return (row->attr & PREFIX) && row->isa <= cpu_traits_table[m].isa;
}

/* Compare every decodable form of every opcode with ndisasm. For the 8086
 * the aliases are compared with ndisasm's view of the opcode they alias. */
static void compare_model(enum cpu_model m, const struct variant *v)
{
	struct bytes *slots = calloc(MAX_SLOTS, sizeof *slots);
	struct bytes *ours = calloc(MAX_SLOTS, sizeof *ours);
	struct oracle *o = calloc(MAX_SLOTS, sizeof *o);
	int n = 0, failures = 0, compared = 0;

	for (int op = 0; op < 0x200; op++) {
		if (op >= 0x100 && m == CPU_8086)
			break;
		if (op < 0x100 && is_prefix_on(m, op))
			continue; /* a prefix: the instructions after it are tested on their own */
		n += encodings(op, v, &slots[n]);
	}
	assert_true(n <= MAX_SLOTS);
	for (int i = 0; i < n; i++) {
		struct insn in;
		ours[i] = slots[i];
		if (decode_bytes(m, v->code32, &slots[i], &in) == DECODE_OK)
			substitute_alias(&slots[i], v->nprefix, &in);
	}
	ndisasm_slots(slots, n, v->code32 ? 32 : 16, o);
	for (int i = 0; i < n; i++) {
		struct insn in;
		if (decode_bytes(m, v->code32, &ours[i], &in) != DECODE_OK)
			continue;
		if (strcmp(in.op->name, "(undefined)") == 0 || ndisasm_gap(&in))
			continue;
		compared++;
		if (o[i].len == in.len && same_mnemonic(&in, v->code32, o[i].mnem))
			continue;
		failures++;
		fprintf(stderr,
		        "%s: bytes %02x %02x %02x %02x: x86lab '%s' length %d, ndisasm '%s' "
		        "length %d\n",
		        cpu_traits_table[m].name, ours[i].b[0], ours[i].b[1], ours[i].b[2],
		        ours[i].b[3], in.op->name, in.len, o[i].mnem, o[i].len);
	}
	fprintf(stderr,
	        "%s (%d-bit, %d prefix bytes): %d encodings agree with ndisasm, %d differ\n",
	        cpu_traits_table[m].name, v->code32 ? 32 : 16, v->nprefix, compared - failures,
	        failures);
	assert_true(compared > 500);
	assert_int_equal(failures, 0);
	free(slots);
	free(ours);
	free(o);
}

static const struct variant plain16 = { { 0 }, 0, false };

static void test_decode_8086_agrees_with_ndisasm(void **state)
{
	(void)state;
	compare_model(CPU_8086, &plain16);
}

static void test_decode_286_agrees_with_ndisasm(void **state)
{
	(void)state;
	compare_model(CPU_286, &plain16);
}

static void test_decode_386_agrees_with_ndisasm(void **state)
{
	static const struct variant variants[] = {
		{ { 0 }, 0, false },          { { 0x66 }, 1, false }, { { 0x67 }, 1, false },
		{ { 0x66, 0x67 }, 2, false }, { { 0 }, 0, true },     { { 0x66 }, 1, true },
		{ { 0x67 }, 1, true },
	};

	(void)state;
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++)
		compare_model(CPU_386, &variants[i]);
}

/* The 486 adds XADD, CMPXCHG, BSWAP, INVLPG and CPUID to the 0F map; every
 * other form must decode as on the 386. */
static void test_decode_486_agrees_with_ndisasm(void **state)
{
	static const struct variant variants[] = {
		{ { 0 }, 0, false }, { { 0x66 }, 1, false }, { { 0x67 }, 1, false },
		{ { 0 }, 0, true },  { { 0x66 }, 1, true },
	};

	(void)state;
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++)
		compare_model(CPU_486, &variants[i]);
}

static bool is_ud(enum cpu_model m, const uint8_t *bytes, int n)
{
	struct bytes s;
	struct insn in;

	memset(s.b, 0x90, SLOT);
	memcpy(s.b, bytes, (size_t)n);
	return decode_bytes(m, false, &s, &in) == DECODE_UD;
}

/* Which one-byte opcodes and group members raise #UD in real mode, from
 * the 80286 and 80386 manuals' opcode maps and the SingleStepTests README
 * (8F, C6 and C7 with reg != 0; FE /2-/7; FF /7). The 8086 has none. */
static void test_decode_ud_sets_match_the_manuals(void **state)
{
	static const struct {
		uint8_t op;
		uint8_t regs; /* bit r: ModRM.reg r raises #UD; 0xff = any ModRM */
		bool on386;   /* still #UD on the 386 */
	} expected[] = {
		{ 0x63, 0xff, true },  { 0x64, 0xff, false }, { 0x65, 0xff, false },
		{ 0x66, 0xff, false }, { 0x67, 0xff, false }, { 0x8f, 0xfe, true },
		{ 0xc6, 0xfe, true },  { 0xc7, 0xfe, true },  { 0xfe, 0xfc, true },
		{ 0xff, 0x80, true },
	};
	(void)state;
	for (enum cpu_model m = CPU_8086; m < CPU_MODEL_COUNT; m++) {
		for (int op = 0; op < 0x100; op++) {
			if (op == 0x0f)
				continue;
			for (int reg = 0; reg < 8; reg++) {
				uint8_t b[2] = { (uint8_t)op, (uint8_t)(0x06 | reg << 3) };
				bool want = false;
				for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
					if (expected[i].op == op && (expected[i].regs >> reg & 1))
						want = m == CPU_286 ||
						       (m >= CPU_386 && expected[i].on386);
				if (optab[op].attr & PREFIX && !want)
					continue; /* a prefix followed by 06: not this opcode's test
					           */
				if (is_ud(m, b, 2) != want)
					fprintf(stderr, "%s: %02x /%d: #UD expected %d\n",
					        cpu_traits_table[m].name, op, reg, want);
				assert_int_equal(is_ud(m, b, 2), want);
			}
		}
	}
}

/* Register forms of memory-only instructions: #UD from the 286 on. */
static void test_decode_register_form_of_lea_is_ud_on_286_only(void **state)
{
	static const uint8_t lea[] = { 0x8d, 0xc0 }, les[] = { 0xc4, 0xc0 },
	                     bound[] = { 0x62, 0xc0 }, callf[] = { 0xff, 0xd8 };
	(void)state;
	assert_false(is_ud(CPU_8086, lea, 2));
	assert_true(is_ud(CPU_286, lea, 2));
	assert_true(is_ud(CPU_286, les, 2));
	assert_true(is_ud(CPU_286, bound, 2));
	assert_true(is_ud(CPU_386, callf, 2));
}

/* The 0F map: the 286 has its system instructions (those of protected mode
 * raise #UD in real mode); the 386 adds Jcc rel16/32, SETcc, MOVZX … */
static void test_decode_0f_map_per_model(void **state)
{
	static const uint8_t sgdt[] = { 0x0f, 0x01, 0x06, 0, 0 }, sldt[] = { 0x0f, 0x00, 0xc0 },
	                     lar[] = { 0x0f, 0x02, 0xc0 }, clts[] = { 0x0f, 0x06 },
	                     jnz[] = { 0x0f, 0x85, 0, 0 }, movzx[] = { 0x0f, 0xb6, 0xc0 };
	struct bytes s;
	struct insn in;

	(void)state;
	assert_false(is_ud(CPU_286, sgdt, 5));
	assert_true(is_ud(CPU_286, sldt, 3));
	assert_true(is_ud(CPU_286, lar, 3));
	assert_false(is_ud(CPU_286, clts, 2));
	assert_true(is_ud(CPU_286, jnz, 4));
	assert_false(is_ud(CPU_386, jnz, 4));
	assert_true(is_ud(CPU_286, movzx, 3));
	assert_false(is_ud(CPU_386, movzx, 3));
	/* The 486's additions (i486 manual; SDM Vol. 2 per instruction). */
	static const uint8_t xadd[] = { 0x0f, 0xc1, 0xc0 }, bswap[] = { 0x0f, 0xc8 },
	                     cmpxchg[] = { 0x0f, 0xb1, 0xc0 }, cpuid[] = { 0x0f, 0xa2 },
	                     invlpg[] = { 0x0f, 0x01, 0x38 }, invlpg_reg[] = { 0x0f, 0x01, 0xf8 };
	assert_true(is_ud(CPU_386, xadd, 3));
	assert_true(is_ud(CPU_386, bswap, 2));
	assert_true(is_ud(CPU_386, cmpxchg, 3));
	assert_true(is_ud(CPU_386, cpuid, 2));
	assert_true(is_ud(CPU_386, invlpg, 3));
	assert_false(is_ud(CPU_486, xadd, 3));
	assert_false(is_ud(CPU_486, bswap, 2));
	assert_false(is_ud(CPU_486, cmpxchg, 3));
	assert_false(is_ud(CPU_486, cpuid, 2));
	assert_false(is_ud(CPU_486, invlpg, 3));
	assert_true(is_ud(CPU_486, invlpg_reg, 3)); /* a memory operand only */
	/* On the 8086, 0F is POP CS: one byte. */
	memset(s.b, 0x90, SLOT);
	s.b[0] = 0x0f;
	assert_int_equal(decode_bytes(CPU_8086, false, &s, &in), DECODE_OK);
	assert_int_equal(in.len, 1);
	assert_string_equal(in.op->name, "pop");
}

/* The 286 refuses instructions longer than 10 bytes (#GP), the 386 longer
 * than 15; the 8086 has no limit, but the decoder stops at 16 prefixes. */
static void test_decode_length_limits_per_model(void **state)
{
	struct bytes s;
	struct insn in;

	(void)state;
	memset(s.b, 0x26, SLOT); /* ES: prefixes */
	s.b[10] = 0x90;
	assert_int_equal(decode_bytes(CPU_286, false, &s, &in), DECODE_TOO_LONG);
	assert_int_equal(decode_bytes(CPU_386, false, &s, &in), DECODE_OK);
	assert_int_equal(in.len, 11);
	s.b[9] = 0x90;
	assert_int_equal(decode_bytes(CPU_286, false, &s, &in), DECODE_OK);
	assert_int_equal(in.len, 10);
	memset(s.b, 0x26, SLOT);
	assert_int_equal(decode_bytes(CPU_8086, false, &s, &in), DECODE_TOO_LONG);
	assert_int_equal(in.len, 16);
	/* An invalid opcode behind too many prefixes is still #UD on the 286. */
	memset(s.b, 0x26, SLOT);
	s.b[11] = 0x0f;
	s.b[12] = 0xff;
	assert_int_equal(decode_bytes(CPU_286, false, &s, &in), DECODE_UD);
}

/* Decoded fields: 16-bit forms are normalised to base + index, BP defaults
 * to SS, a segment prefix wins, immediates are sign-extended per kind. */
static void test_decode_fields_of_known_instructions(void **state)
{
	static const uint8_t add_bp_si[] = { 0x03, 0x42, 0xfe };          /* add ax,[bp+si-2] */
	static const uint8_t es_mov[] = { 0x26, 0x8b, 0x1e, 0x34, 0x12 }; /* mov bx,[es:0x1234] */
	static const uint8_t push_imm[] = { 0x6a, 0x80 };                 /* push byte -0x80 */
	static const uint8_t sib[] = { 0x67, 0x8b, 0x44, 0x8d, 0x10 }; /* mov ax,[ebp+ecx*4+0x10] */
	static const uint8_t enter[] = { 0xc8, 0x34, 0x12, 0x03 };     /* enter 0x1234,3 */
	struct bytes s;
	struct insn in;

	(void)state;
	memset(s.b, 0x90, SLOT);
	memcpy(s.b, add_bp_si, sizeof add_bp_si);
	assert_int_equal(decode_bytes(CPU_8086, false, &s, &in), DECODE_OK);
	assert_int_equal(in.base, REG_BP);
	assert_int_equal(in.index, REG_SI);
	assert_int_equal(in.seg, SEG_SS);
	assert_int_equal(in.disp, 0xfffe);
	assert_int_equal(in.len, 3);

	memset(s.b, 0x90, SLOT);
	memcpy(s.b, es_mov, sizeof es_mov);
	assert_int_equal(decode_bytes(CPU_286, false, &s, &in), DECODE_OK);
	assert_int_equal(in.seg, SEG_ES);
	assert_true(in.seg_override);
	assert_int_equal(in.base, -1);
	assert_int_equal(in.disp, 0x1234);
	assert_int_equal(in.reg, REG_BX);

	memset(s.b, 0x90, SLOT);
	memcpy(s.b, push_imm, sizeof push_imm);
	assert_int_equal(decode_bytes(CPU_286, false, &s, &in), DECODE_OK);
	assert_int_equal(in.imm, 0xffffff80u);
	assert_int_equal(in.osize, 2);

	memset(s.b, 0x90, SLOT);
	memcpy(s.b, sib, sizeof sib);
	assert_int_equal(decode_bytes(CPU_386, false, &s, &in), DECODE_OK);
	assert_int_equal(in.asize, 4);
	assert_int_equal(in.base, REG_BP);
	assert_int_equal(in.index, REG_CX);
	assert_int_equal(in.scale, 2);
	assert_int_equal(in.seg, SEG_SS);
	assert_int_equal(in.disp, 0x10);

	memset(s.b, 0x90, SLOT);
	memcpy(s.b, enter, sizeof enter);
	assert_int_equal(decode_bytes(CPU_286, false, &s, &in), DECODE_OK);
	assert_int_equal(in.imm, 0x1234);
	assert_int_equal(in.imm2, 3);
	/* The 8086 reads C8 as RETF imm16 (CA). */
	assert_int_equal(decode_bytes(CPU_8086, false, &s, &in), DECODE_OK);
	assert_string_equal(in.op->name, "retf");
	assert_int_equal(in.len, 3);
}

/* The table's own consistency (GUIDE: table self-tests). */
static void test_optab_rows_are_consistent(void **state)
{
	(void)state;
	for (int op = 0; op < 0x200; op++) {
		const struct opdesc *rows[9] = { &optab[op] };
		int n = 1;
		if (optab[op].group)
			for (int r = 0; r < 8; r++)
				rows[n++] = &optab[op].group[r];
		for (int i = 0; i < n; i++) {
			const struct opdesc *d = rows[i];
			/* Undefined flags are among those written. */
			assert_int_equal(d->undef & ~d->flags, 0);
			/* A row with ModRM operands has a ModRM byte (itself or its group). */
			for (int k = 0; k < 3 && i == 0 && !d->group; k++) {
				int o = d->opnd[k];
				if (o == Eb || o == Ew || o == Ev || o == Gb || o == Gv || o == M ||
				    o == Mp || o == Sw)
					assert_true(d->attr & MODRM);
			}
			/* LOCK is allowed only where the destination can be memory. */
			if (d->attr & LOCKOK && !d->group && i == 0)
				assert_true(d->opnd[0] == Eb || d->opnd[0] == Ev);
			/* Rows with a name have a handler or are prefixes / protected-mode only. */
			if (d->name && !d->exec)
				assert_true(d->attr & (PREFIX | PROT));
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_8086_agrees_with_ndisasm),
		cmocka_unit_test(test_decode_286_agrees_with_ndisasm),
		cmocka_unit_test(test_decode_386_agrees_with_ndisasm),
		cmocka_unit_test(test_decode_486_agrees_with_ndisasm),
		cmocka_unit_test(test_decode_ud_sets_match_the_manuals),
		cmocka_unit_test(test_decode_register_form_of_lea_is_ud_on_286_only),
		cmocka_unit_test(test_decode_0f_map_per_model),
		cmocka_unit_test(test_decode_length_limits_per_model),
		cmocka_unit_test(test_decode_fields_of_known_instructions),
		cmocka_unit_test(test_optab_rows_are_consistent),
	};
	return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
