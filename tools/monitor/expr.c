/*
 * tools/monitor/expr.c — the monitor's expression evaluator and address
 * parser (expr.h): recursive descent over one input string, no allocation.
 */
#include "expr.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "debug.h"
#include "symbols.h"

struct parser {
	const struct expr_env *env;
	const char *text; /* the whole input: columns count from its start */
	size_t pos, end;  /* what is being parsed now: text[pos..end) */
	bool hex;         /* plain numbers are hexadecimal (the sides of SEG:OFF) */
	bool skip;        /* parse only: the right side of a decided && or || */
	bool used_symbol; /* the value derives from a symbol: as an address it is linear */
	int depth;
	char *err;
	size_t errlen;
};

enum binop {
	OP_MUL,
	OP_DIV,
	OP_MOD,
	OP_ADD,
	OP_SUB,
	OP_SHL,
	OP_SHR,
	OP_LT,
	OP_LE,
	OP_GT,
	OP_GE,
	OP_EQ,
	OP_NE,
	OP_AND,
	OP_XOR,
	OP_OR,
	OP_LAND,
	OP_LOR
};

/* Two-character operators come first so that "<<" is not read as "<". */
static const struct {
	const char *tok;
	enum binop op;
	int prec; /* higher binds tighter, as in C */
} binops[] = {
	{ "<<", OP_SHL, 8 }, { ">>", OP_SHR, 8 }, { "<=", OP_LE, 7 },   { ">=", OP_GE, 7 },
	{ "==", OP_EQ, 6 },  { "!=", OP_NE, 6 },  { "&&", OP_LAND, 2 }, { "||", OP_LOR, 1 },
	{ "*", OP_MUL, 10 }, { "/", OP_DIV, 10 }, { "%", OP_MOD, 10 },  { "+", OP_ADD, 9 },
	{ "-", OP_SUB, 9 },  { "<", OP_LT, 7 },   { ">", OP_GT, 7 },    { "&", OP_AND, 5 },
	{ "^", OP_XOR, 4 },  { "|", OP_OR, 3 },
};

enum reg_kind { R8, R16, R32, RSEG, RIP, REIP, RFLAGS, REFLAGS, RFLAG };

static const struct {
	const char *name;
	enum reg_kind kind;
	uint32_t index; /* register number, SEG_*, or the flag's mask */
} registers[] = {
	{ "al", R8, 0 },          { "cl", R8, 1 },          { "dl", R8, 2 },
	{ "bl", R8, 3 },          { "ah", R8, 4 },          { "ch", R8, 5 },
	{ "dh", R8, 6 },          { "bh", R8, 7 },          { "ax", R16, REG_AX },
	{ "cx", R16, REG_CX },    { "dx", R16, REG_DX },    { "bx", R16, REG_BX },
	{ "sp", R16, REG_SP },    { "bp", R16, REG_BP },    { "si", R16, REG_SI },
	{ "di", R16, REG_DI },    { "eax", R32, REG_AX },   { "ecx", R32, REG_CX },
	{ "edx", R32, REG_DX },   { "ebx", R32, REG_BX },   { "esp", R32, REG_SP },
	{ "ebp", R32, REG_BP },   { "esi", R32, REG_SI },   { "edi", R32, REG_DI },
	{ "es", RSEG, SEG_ES },   { "cs", RSEG, SEG_CS },   { "ss", RSEG, SEG_SS },
	{ "ds", RSEG, SEG_DS },   { "fs", RSEG, SEG_FS },   { "gs", RSEG, SEG_GS },
	{ "ip", RIP, 0 },         { "eip", REIP, 0 },       { "flags", RFLAGS, 0 },
	{ "eflags", REFLAGS, 0 }, { "cf", RFLAG, FLAG_CF }, { "pf", RFLAG, FLAG_PF },
	{ "af", RFLAG, FLAG_AF }, { "zf", RFLAG, FLAG_ZF }, { "sf", RFLAG, FLAG_SF },
	{ "tf", RFLAG, FLAG_TF }, { "if", RFLAG, FLAG_IF }, { "df", RFLAG, FLAG_DF },
	{ "of", RFLAG, FLAG_OF },
};

static bool parse_binary(struct parser *p, int min_prec, int64_t *v);
static bool parse_address(struct parser *p, size_t start, size_t end, int defseg,
                          struct mon_addr *out);

static size_t column(size_t at)
{
	return at + 1;
}

#ifdef __GNUC__
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

static bool fail(struct parser *p, const char *fmt, ...) PRINTF_LIKE(2, 3);

static bool fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	if (p->err && p->errlen) {
		va_start(ap, fmt);
		vsnprintf(p->err, p->errlen, fmt, ap);
		va_end(ap);
	}
	return false;
}

/* A short, printable, one-line copy of text[at..at+len) for a message. */
static const char *quote(char *buf, size_t size, const char *s, size_t len)
{
	size_t o = 0;

	for (size_t i = 0; i < len && o + 8 < size; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (i == 24) {
			o += (size_t)snprintf(buf + o, size - o, "...");
			break;
		}
		if (isprint(ch))
			buf[o++] = (char)ch;
		else
			o += (size_t)snprintf(buf + o, size - o, "\\x%02x", ch);
	}
	buf[o] = 0;
	return buf;
}

static bool is_word_char(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_' || ch == '.' || ch == '$' || ch == '@' ||
	       ch == '?';
}

static bool is_name_start(char ch)
{
	return isalpha((unsigned char)ch) || ch == '_' || ch == '.' || ch == '$' || ch == '@' ||
	       ch == '?';
}

static void skip_space(struct parser *p)
{
	while (p->pos < p->end && isspace((unsigned char)p->text[p->pos]))
		p->pos++;
}

/* The length of the run of word characters at text[at]. */
static size_t word_len(const struct parser *p, size_t at)
{
	size_t n = 0;

	while (at + n < p->end && is_word_char(p->text[at + n]))
		n++;
	return n;
}

static bool all_digits(const char *s, size_t n, int base)
{
	for (size_t i = 0; i < n; i++) {
		int ch = tolower((unsigned char)s[i]);
		int d = isdigit(ch) ? ch - '0' : isxdigit(ch) ? ch - 'a' + 10 : 99;
		if (d >= base)
			return false;
	}
	return n > 0;
}

static bool convert(struct parser *p, size_t at, const char *s, size_t n, int base, int64_t *v)
{
	uint64_t r = 0;

	for (size_t i = 0; i < n; i++) {
		int ch = tolower((unsigned char)s[i]);
		unsigned d = (unsigned)(isdigit(ch) ? ch - '0' : ch - 'a' + 10);
		if (r > (UINT64_MAX - d) / (unsigned)base)
			return fail(p, "number too large at column %zu", column(at));
		r = r * (unsigned)base + d;
	}
	*v = (int64_t)r; /* 64-bit two's complement: 0xffffffffffffffff is -1 */
	return true;
}

/* Decide the base of the number text[at..at+n): 0x and 0b prefixes, an h
 * suffix, else the parser's default. Returns the digits through 'from', 'len'. */
static int number_base(const struct parser *p, const char *s, size_t n, size_t *from, size_t *len)
{
	*from = 0;
	*len = n;
	if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		*from = 2;
		*len = n - 2;
		return 16;
	}
	if (n > 1 && (s[n - 1] == 'h' || s[n - 1] == 'H') && all_digits(s, n - 1, 16)) {
		*len = n - 1;
		return 16;
	}
	if (!p->hex && n > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
		*from = 2;
		*len = n - 2;
		return 2;
	}
	return p->hex ? 16 : 10;
}

static bool parse_number(struct parser *p, int64_t *v)
{
	size_t at = p->pos, n = word_len(p, at), from, len;
	const char *s = p->text + at;
	int base = number_base(p, s, n, &from, &len);
	char q[64];

	p->pos += n;
	if (all_digits(s + from, len, base))
		return convert(p, at, s + from, len, base, v);
	quote(q, sizeof q, s, n);
	if (base == 10 && all_digits(s, n, 16))
		return fail(
		        p, "'%s' is not a decimal number at column %zu (write 0x%s or %sh for hex)",
		        q, column(at), q, q);
	return fail(p, "bad number '%s' at column %zu", q, column(at));
}

static int find_register(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof registers / sizeof registers[0]; i++) {
		if (strlen(registers[i].name) == n && !strncasecmp(registers[i].name, s, n))
			return (int)i;
	}
	return -1;
}

static int64_t register_value(const struct cpu *c, int i)
{
	uint32_t idx = registers[i].index;

	switch (registers[i].kind) {
	case R8:
		return (c->reg[idx & 3] >> (idx & 4 ? 8 : 0)) & 0xff;
	case R16:
		return c->reg[idx] & 0xffff;
	case R32:
		return c->reg[idx];
	case RSEG:
		return c->seg[idx].sel;
	case RIP:
		return c->eip & 0xffff;
	case REIP:
		return c->eip;
	case RFLAGS:
		return cpu_flags(c) & 0xffff;
	case REFLAGS:
		return cpu_flags(c);
	case RFLAG:
		return (cpu_flags(c) & idx) != 0;
	}
	return 0;
}

/* The ']' closing the '[' at text[open], skipping nested brackets. */
static bool find_close(const struct parser *p, size_t open, size_t *close)
{
	int depth = 0;

	for (size_t i = open; i < p->end; i++) {
		char ch = p->text[i];
		if (ch == '[' || ch == '(')
			depth++;
		else if ((ch == ']' || ch == ')') && --depth == 0) {
			*close = i;
			return ch == ']';
		}
	}
	return false;
}

static bool enter(struct parser *p, size_t at)
{
	if (++p->depth > EXPR_MAX_DEPTH)
		return fail(p, "expression nested too deeply at column %zu", column(at));
	return true;
}

/* byte[ADDR], word[ADDR], dword[ADDR]; p->pos is at the '['. */
static bool parse_memory(struct parser *p, int size, int64_t *v)
{
	size_t open = p->pos, close;
	struct mon_addr a;
	uint8_t b[4] = { 0 };

	if (!find_close(p, open, &close))
		return fail(p, "missing ']' for '[' at column %zu", column(open));
	if (!enter(p, open) || !parse_address(p, open + 1, close, SEG_DS, &a))
		return false;
	p->depth--;
	p->pos = close + 1;
	*v = 0;
	if (p->skip)
		return true;
	if (!a.phys_valid)
		return fail(p, "linear address 0x%" PRIx32 " has no physical address at column %zu",
		            a.lin, column(open));
	mem_peek(p->env->cpu->mem, a.phys, b, (uint32_t)size);
	for (int i = size - 1; i >= 0; i--)
		*v = *v << 8 | b[i];
	return true;
}

static int memory_size(const char *s, size_t n)
{
	if (n == 4 && !strncasecmp(s, "byte", 4))
		return 1;
	if (n == 4 && !strncasecmp(s, "word", 4))
		return 2;
	if (n == 5 && !strncasecmp(s, "dword", 5))
		return 4;
	return 0;
}

static bool parse_name(struct parser *p, int64_t *v)
{
	size_t at = p->pos, n = word_len(p, at);
	const char *s = p->text + at;
	int size = memory_size(s, n), reg = find_register(s, n);
	uint32_t lin;
	char q[64];

	p->pos += n;
	skip_space(p);
	if (size && p->pos < p->end && p->text[p->pos] == '[')
		return parse_memory(p, size, v);
	if (reg >= 0) {
		if (!p->env->cpu)
			return fail(p, "no machine to read '%s' from at column %zu",
			            quote(q, sizeof q, s, n), column(at));
		*v = register_value(p->env->cpu, reg);
		return true;
	}
	if (n < 256 && p->env->syms) {
		char name[256];
		memcpy(name, s, n);
		name[n] = 0;
		if (symtab_lookup(p->env->syms, name, &lin)) {
			p->used_symbol = true;
			*v = lin;
			return true;
		}
	}
	if (p->hex) {
		p->pos = at;
		return parse_number(p, v);
	}
	return fail(p, "unknown register or symbol '%s' at column %zu", quote(q, sizeof q, s, n),
	            column(at));
}

static bool parse_primary(struct parser *p, int64_t *v)
{
	size_t at;
	char q[64];

	skip_space(p);
	at = p->pos;
	if (at >= p->end)
		return fail(p, "expected a value at column %zu (the input ended)", column(at));
	if (p->text[at] == '(') {
		p->pos++;
		if (!enter(p, at) || !parse_binary(p, 1, v))
			return false;
		p->depth--;
		skip_space(p);
		if (p->pos >= p->end || p->text[p->pos] != ')')
			return fail(p, "missing ')' for '(' at column %zu", column(at));
		p->pos++;
		return true;
	}
	if (isdigit((unsigned char)p->text[at]))
		return parse_number(p, v);
	if (is_name_start(p->text[at]))
		return parse_name(p, v);
	return fail(p, "expected a value at column %zu, found '%s'", column(at),
	            quote(q, sizeof q, p->text + at, 1));
}

static bool parse_unary(struct parser *p, int64_t *v)
{
	char op;
	size_t at;

	skip_space(p);
	at = p->pos;
	op = at < p->end ? p->text[at] : 0;
	if (op != '-' && op != '+' && op != '~' && op != '!')
		return parse_primary(p, v);
	p->pos++;
	if (!enter(p, at) || !parse_unary(p, v))
		return false;
	p->depth--;
	if (op == '-')
		*v = (int64_t)(0 - (uint64_t)*v);
	else if (op == '~')
		*v = ~*v;
	else if (op == '!')
		*v = !*v;
	return true;
}

static int find_binop(const struct parser *p)
{
	for (size_t i = 0; i < sizeof binops / sizeof binops[0]; i++) {
		size_t n = strlen(binops[i].tok);
		if (p->pos + n <= p->end && !strncmp(p->text + p->pos, binops[i].tok, n))
			return (int)i;
	}
	return -1;
}

static int64_t shift_right(int64_t a, int64_t n)
{
	/* Arithmetic, spelled out: >> of a negative value is implementation-defined. */
	return a < 0 ? ~(~a >> n) : a >> n;
}

static bool apply(struct parser *p, enum binop op, size_t at, int64_t *a, int64_t b)
{
	uint64_t ua = (uint64_t)*a, ub = (uint64_t)b;

	switch (op) {
	case OP_DIV:
	case OP_MOD:
		if (b == 0)
			return fail(p, "division by zero at column %zu", column(at));
		if (*a == INT64_MIN && b == -1) /* the one quotient that does not fit */
			*a = op == OP_DIV ? INT64_MIN : 0;
		else
			*a = op == OP_DIV ? *a / b : *a % b;
		return true;
	case OP_SHL:
	case OP_SHR:
		if (b < 0 || b > 63)
			return fail(p, "shift count %" PRId64 " is outside 0..63 at column %zu", b,
			            column(at));
		*a = op == OP_SHL ? (int64_t)(ua << b) : shift_right(*a, b);
		return true;
	case OP_MUL:
		*a = (int64_t)(ua * ub);
		return true;
	case OP_ADD:
		*a = (int64_t)(ua + ub);
		return true;
	case OP_SUB:
		*a = (int64_t)(ua - ub);
		return true;
	case OP_LT:
		*a = *a < b;
		return true;
	case OP_LE:
		*a = *a <= b;
		return true;
	case OP_GT:
		*a = *a > b;
		return true;
	case OP_GE:
		*a = *a >= b;
		return true;
	case OP_EQ:
		*a = *a == b;
		return true;
	case OP_NE:
		*a = *a != b;
		return true;
	case OP_AND:
		*a &= b;
		return true;
	case OP_XOR:
		*a ^= b;
		return true;
	case OP_OR:
		*a |= b;
		return true;
	case OP_LAND:
		*a = *a && b;
		return true;
	case OP_LOR:
		*a = *a || b;
		return true;
	}
	return true;
}

/* Precedence climbing: operators binding at least as tightly as 'min_prec'. */
static bool parse_binary(struct parser *p, int min_prec, int64_t *v)
{
	if (!parse_unary(p, v))
		return false;
	for (;;) {
		int i;
		size_t at;
		int64_t rhs;
		bool outer_skip = p->skip;

		skip_space(p);
		at = p->pos;
		i = find_binop(p);
		if (i < 0 || binops[i].prec < min_prec)
			return true;
		p->pos += strlen(binops[i].tok);
		if ((binops[i].op == OP_LAND && !*v) || (binops[i].op == OP_LOR && *v))
			p->skip = true;
		if (!parse_binary(p, binops[i].prec + 1, &rhs))
			return false;
		p->skip = outer_skip;
		if (!p->skip && !apply(p, binops[i].op, at, v, rhs))
			return false;
	}
}

/* Evaluate all of text[start..end) as one expression. */
static bool eval_range(struct parser *p, size_t start, size_t end, bool hex, int64_t *v,
                       bool *used_symbol)
{
	struct parser sub = *p;
	char q[64];

	sub.pos = start;
	sub.end = end;
	sub.hex = hex;
	sub.used_symbol = false;
	skip_space(&sub);
	if (sub.pos >= end)
		return fail(p, "expected a value at column %zu", column(start));
	if (!parse_binary(&sub, 1, v))
		return false;
	skip_space(&sub);
	if (sub.pos < end) {
		size_t n = word_len(&sub, sub.pos);
		const char *s = p->text + sub.pos;
		if (*s == ')')
			return fail(p, "unexpected ')' at column %zu (no '(' to match)",
			            column(sub.pos));
		return fail(p, "unexpected '%s' at column %zu", quote(q, sizeof q, s, n ? n : 1),
		            column(sub.pos));
	}
	if (used_symbol)
		*used_symbol = sub.used_symbol;
	return true;
}

static bool in_range(struct parser *p, int64_t v, int64_t max, const char *what, size_t at)
{
	if (v >= 0 && v <= max)
		return true;
	return fail(p, "%s %s0x%" PRIx64 " is out of range (0 to 0x%" PRIx64 ") at column %zu",
	            what, v < 0 ? "-" : "", v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v,
	            (uint64_t)max, column(at));
}

static void trim(const char *text, size_t *start, size_t *end)
{
	while (*start < *end && isspace((unsigned char)text[*start]))
		(*start)++;
	while (*end > *start && isspace((unsigned char)text[*end - 1]))
		(*end)--;
}

/* The ':' of SEG:OFF, outside brackets and parentheses. */
static bool find_colon(const char *text, size_t start, size_t end, size_t *colon)
{
	int depth = 0;

	for (size_t i = start; i < end; i++) {
		if (text[i] == '[' || text[i] == '(')
			depth++;
		else if (text[i] == ']' || text[i] == ')')
			depth--;
		else if (text[i] == ':' && depth == 0) {
			*colon = i;
			return true;
		}
	}
	return false;
}

static void translate(const struct cpu *c, struct mon_addr *a)
{
	a->phys_valid = c && cpu_linear_to_phys(c, a->lin, &a->phys);
}

/* A real-mode seg:off view of a linear address, in 'defseg' when it reaches it. */
static void real_view(const struct cpu *c, int defseg, struct mon_addr *a)
{
	if (c && a->lin >= c->seg[defseg].base && a->lin - c->seg[defseg].base <= 0xffff) {
		a->seg = c->seg[defseg].sel;
		a->off = a->lin - c->seg[defseg].base;
		return;
	}
	a->seg = (uint16_t)(a->lin >> 4 > 0xffff ? 0xffff : a->lin >> 4);
	a->off = a->lin - ((uint32_t)a->seg << 4);
}

static int segment_register(const char *text, size_t start, size_t end)
{
	int r = find_register(text + start, end - start);

	return r >= 0 && registers[r].kind == RSEG ? (int)registers[r].index : -1;
}

static bool parse_segoff(struct parser *p, size_t start, size_t colon, size_t end,
                         struct mon_addr *out)
{
	size_t s0 = start, s1 = colon;
	int64_t seg, off;
	int sreg;
	struct cpu *c = p->env->cpu;

	trim(p->text, &s0, &s1);
	if (!eval_range(p, colon + 1, end, true, &off, NULL) ||
	    !in_range(p, off, UINT32_MAX, "offset", colon + 1))
		return false;
	out->kind = ADDR_SEGOFF;
	out->off = (uint32_t)off;
	sreg = segment_register(p->text, s0, s1);
	if (sreg >= 0) {
		if (!c)
			return fail(p, "no machine to read '%.*s' from at column %zu",
			            (int)(s1 - s0), p->text + s0, column(s0));
		out->seg = c->seg[sreg].sel;
		out->lin = cpu_linear(c, sreg, out->off);
		return true;
	}
	if (!eval_range(p, start, colon, true, &seg, NULL) ||
	    !in_range(p, seg, 0xffff, "segment", s0))
		return false;
	if (c && (c->cr0 & CR0_PE))
		return fail(p,
		            "a numeric segment is a real-mode paragraph (column %zu); in "
		            "protected mode write a segment register, l: or p:",
		            column(s0));
	out->seg = (uint16_t)seg;
	out->lin = ((uint32_t)seg << 4) + out->off;
	return true;
}

static bool parse_flat(struct parser *p, size_t start, size_t end, enum mon_addr_kind kind,
                       struct mon_addr *out)
{
	int64_t v;

	if (!eval_range(p, start, end, false, &v, NULL) ||
	    !in_range(p, v, UINT32_MAX, kind == ADDR_PHYS ? "physical address" : "linear address",
	              start))
		return false;
	out->kind = kind;
	out->lin = (uint32_t)v;
	if (kind == ADDR_PHYS) {
		out->phys = out->lin;
		out->phys_valid = true;
	}
	return true;
}

static bool parse_offset(struct parser *p, size_t start, size_t end, int defseg,
                         struct mon_addr *out)
{
	int64_t v;
	bool symbolic;
	struct cpu *c = p->env->cpu;

	if (!eval_range(p, start, end, false, &v, &symbolic) ||
	    !in_range(p, v, UINT32_MAX, symbolic ? "linear address" : "offset", start))
		return false;
	if (symbolic) {
		out->kind = ADDR_LINEAR;
		out->lin = (uint32_t)v;
		real_view(c, defseg, out);
		return true;
	}
	if (!c)
		return fail(p,
		            "no machine: an offset needs a segment (column %zu); write SEG:OFF, "
		            "l: or p:",
		            column(start));
	out->kind = ADDR_SEGOFF;
	out->seg = c->seg[defseg].sel;
	out->off = (uint32_t)v;
	out->lin = cpu_linear(c, defseg, out->off);
	return true;
}

static bool parse_address(struct parser *p, size_t start, size_t end, int defseg,
                          struct mon_addr *out)
{
	size_t colon;
	char kind;

	*out = (struct mon_addr){ 0 };
	trim(p->text, &start, &end);
	if (start >= end)
		return fail(p, "expected an address at column %zu", column(start));
	kind = (char)tolower((unsigned char)p->text[start]);
	if (end - start >= 2 && p->text[start + 1] == ':' && (kind == 'l' || kind == 'p')) {
		if (!parse_flat(p, start + 2, end, kind == 'l' ? ADDR_LINEAR : ADDR_PHYS, out))
			return false;
		if (kind == 'l') {
			real_view(p->env->cpu, defseg, out);
			translate(p->env->cpu, out);
		}
		return true;
	}
	if (find_colon(p->text, start, end, &colon)) {
		if (!parse_segoff(p, start, colon, end, out))
			return false;
	} else if (!parse_offset(p, start, end, defseg, out)) {
		return false;
	}
	translate(p->env->cpu, out);
	return true;
}

static bool start_parser(struct parser *p, const struct expr_env *env, const char *text, char *err,
                         size_t errlen)
{
	static const struct expr_env none = { NULL, NULL };

	*p = (struct parser){
		.env = env ? env : &none, .text = text, .err = err, .errlen = errlen
	};
	if (err && errlen)
		err[0] = 0;
	if (!text)
		return fail(p, "no expression");
	p->end = strnlen(text, EXPR_MAX_LEN + 1);
	if (p->end > EXPR_MAX_LEN)
		return fail(p, "expression too long (more than %d characters)", EXPR_MAX_LEN);
	return true;
}

int expr_eval(const struct expr_env *env, const char *text, int64_t *value, char *err,
              size_t errlen)
{
	struct parser p;
	int64_t v;

	if (!start_parser(&p, env, text, err, errlen) || !eval_range(&p, 0, p.end, false, &v, NULL))
		return -1;
	if (value)
		*value = v;
	return 0;
}

int expr_address(const struct expr_env *env, const char *text, int defseg, struct mon_addr *out,
                 char *err, size_t errlen)
{
	struct parser p;
	struct mon_addr a;

	if (!start_parser(&p, env, text, err, errlen))
		return -1;
	if (defseg < 0 || defseg >= SEG_COUNT) {
		fail(&p, "no such default segment (%d)", defseg);
		return -1;
	}
	if (!parse_address(&p, 0, p.end, defseg, &a))
		return -1;
	if (out)
		*out = a;
	return 0;
}
