/*
 * tools/monitor/symbols.c — the symbol table (symbols.h): a name-sorted
 * array for lookups and completion, an address-sorted index for nearest-
 * symbol queries, and the readers for nasm listings and "name = ADDRESS".
 */
#include "symbols.h"

#include <ctype.h>
#include <limits.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NAME_MAX_LEN 255

/* nasm's listing layout (listing.c): a line number, a space, the 8-digit
 * offset, then the bytes; the source text starts 33 columns after the
 * offset column (column 40 while line numbers fit in six digits). */
#define LIST_SOURCE_SKIP 33

struct symbol {
	char *name;
	uint32_t lin;
	uint32_t seq; /* definition order: the later of two definitions wins */
};

/* A growable array of symbols: the table itself, or one file being read. */
struct symlist {
	struct symbol *v;
	int n, cap;
};

/* The address index: the same symbols by address (then definition order). */
struct addr_entry {
	uint32_t lin;
	uint32_t seq;
	const char *name; /* owned by 'all' */
};

struct symtab {
	struct symlist all;         /* sorted by name, one entry per name */
	struct addr_entry *by_addr; /* all.n entries */
	int addr_cap;
	uint32_t next_seq;
};

/* What reading one file needs to remember from line to line. */
struct reader {
	const char *path;
	int line;
	uint32_t base;
	struct symtab *t; /* for sequence numbers */
	struct symlist got;
	int first_pending; /* labels from 'first_pending' on wait for an offset; -1: none */
	char parent[NAME_MAX_LEN + 1]; /* the last non-local label, for .local names */
	int macro_depth;               /* inside %macro ... %endmacro: definitions, not code */
	bool in_struc;                 /* inside struc ... endstruc: field offsets, not code */
	bool have_end;
	uint32_t end_off; /* offset just past the last bytes listed */
	char *err;
	size_t errlen;
};

struct symtab *symtab_new(void)
{
	return calloc(1, sizeof(struct symtab));
}

static void list_free(struct symlist *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
	*l = (struct symlist){ 0 };
}

void symtab_free(struct symtab *t)
{
	if (!t)
		return;
	list_free(&t->all);
	free(t->by_addr);
	free(t);
}

static bool list_reserve(struct symlist *l, int more)
{
	int cap = l->cap ? l->cap : 64;
	struct symbol *v;

	if (more > INT_MAX / 4 - l->n)
		return false;
	while (cap < l->n + more)
		cap *= 2;
	if (cap == l->cap)
		return true;
	v = realloc(l->v, (size_t)cap * sizeof *v);
	if (!v)
		return false;
	l->v = v;
	l->cap = cap;
	return true;
}

static bool list_push(struct symlist *l, const char *name, size_t len, uint32_t lin, uint32_t seq)
{
	char *copy;

	if (!list_reserve(l, 1))
		return false;
	copy = malloc(len + 1);
	if (!copy)
		return false;
	memcpy(copy, name, len);
	copy[len] = 0;
	l->v[l->n++] = (struct symbol){ copy, lin, seq };
	return true;
}

static int by_name_then_seq(const void *a, const void *b)
{
	const struct symbol *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* Sort by name and keep only the latest definition of each. */
static void dedupe(struct symlist *l)
{
	int out = 0;

	if (l->n < 2)
		return; /* also keeps a NULL array away from qsort */
	qsort(l->v, (size_t)l->n, sizeof *l->v, by_name_then_seq);
	for (int i = 0; i < l->n; i++) {
		if (i + 1 < l->n && !strcmp(l->v[i].name, l->v[i + 1].name)) {
			free(l->v[i].name);
			continue;
		}
		l->v[out++] = l->v[i];
	}
	l->n = out;
}

static int by_addr_then_seq(const void *a, const void *b)
{
	const struct addr_entry *x = a, *y = b;

	if (x->lin != y->lin)
		return x->lin < y->lin ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Room for 'n' index entries, taken before the table changes so that a
 * merge either fails untouched or succeeds whole. */
static bool reserve_index(struct symtab *t, int n)
{
	struct addr_entry *v;

	if (n <= t->addr_cap)
		return true;
	v = realloc(t->by_addr, (size_t)n * sizeof *v);
	if (!v)
		return false;
	t->by_addr = v;
	t->addr_cap = n;
	return true;
}

static void rebuild_index(struct symtab *t)
{
	for (int i = 0; i < t->all.n; i++)
		t->by_addr[i] =
		        (struct addr_entry){ t->all.v[i].lin, t->all.v[i].seq, t->all.v[i].name };
	if (t->all.n > 1)
		qsort(t->by_addr, (size_t)t->all.n, sizeof *t->by_addr, by_addr_then_seq);
}

/* Move the symbols of 'l' into the table; 'l' is left empty either way. */
static bool merge(struct symtab *t, struct symlist *l)
{
	if (!list_reserve(&t->all, l->n) || !reserve_index(t, t->all.n + l->n)) {
		list_free(l);
		return false;
	}
	if (l->n)
		memcpy(t->all.v + t->all.n, l->v, (size_t)l->n * sizeof *l->v);
	t->all.n += l->n;
	free(l->v);
	*l = (struct symlist){ 0 };
	dedupe(&t->all);
	rebuild_index(t);
	return true;
}

bool symtab_add(struct symtab *t, const char *name, uint32_t lin)
{
	struct symlist one = { 0 };

	if (!t || !name || !*name || strlen(name) > NAME_MAX_LEN)
		return false;
	if (!list_push(&one, name, strlen(name), lin, t->next_seq++)) {
		list_free(&one);
		return false;
	}
	return merge(t, &one);
}

int symtab_count(const struct symtab *t)
{
	return t ? t->all.n : 0;
}

static const struct symbol *find(const struct symtab *t, const char *name)
{
	int lo = 0, hi = t->all.n - 1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		int c = strcmp(name, t->all.v[mid].name);
		if (!c)
			return &t->all.v[mid];
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return NULL;
}

bool symtab_lookup(const struct symtab *t, const char *name, uint32_t *lin)
{
	const struct symbol *s = t && name ? find(t, name) : NULL;

	if (s && lin)
		*lin = s->lin;
	return s != NULL;
}

const char *symtab_near(const struct symtab *t, uint32_t lin, uint32_t max_distance,
                        uint32_t *distance)
{
	int lo = 0, hi, found = -1;

	if (!t || !t->all.n)
		return NULL;
	hi = t->all.n - 1;
	while (lo <= hi) { /* the last entry at or below 'lin' */
		int mid = lo + (hi - lo) / 2;
		if (t->by_addr[mid].lin <= lin) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	if (found < 0 || lin - t->by_addr[found].lin > max_distance)
		return NULL;
	if (distance)
		*distance = lin - t->by_addr[found].lin;
	return t->by_addr[found].name;
}

const char *symtab_name(const struct symtab *t, int i)
{
	return t && i >= 0 && i < t->all.n ? t->all.v[i].name : NULL;
}

/* ---- reading files ---- */

#ifdef __GNUC__
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

static bool fail(struct reader *r, const char *fmt, ...) PRINTF_LIKE(2, 3);

static bool fail(struct reader *r, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!r->err || !r->errlen)
		return false;
	n = r->line ? snprintf(r->err, r->errlen, "%s:%d: ", r->path, r->line)
	            : snprintf(r->err, r->errlen, "%s: ", r->path);
	if (n < 0 || (size_t)n >= r->errlen)
		return false;
	va_start(ap, fmt);
	vsnprintf(r->err + n, r->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return false;
}

static bool is_name_start(char ch)
{
	return isalpha((unsigned char)ch) || ch == '_' || ch == '.' || ch == '?' || ch == '$' ||
	       ch == '@';
}

static bool is_name_char(char ch)
{
	return is_name_start(ch) || isdigit((unsigned char)ch) || ch == '#' || ch == '~';
}

static const char *skip_space(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return s;
}

static void strip_comment(char *s)
{
	s[strcspn(s, "#;")] = 0;
}

/* Does 's' start with 'word' (any case) followed by a non-name character? */
static bool starts_with_word(const char *s, const char *word)
{
	size_t n = strlen(word);

	return !strncasecmp(s, word, n) && !is_name_char(s[n]);
}

static bool hex_value(const char *s, size_t n, uint64_t max, uint32_t *v)
{
	uint64_t r = 0;

	if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		n -= 2;
	} else if (n > 1 && (s[n - 1] == 'h' || s[n - 1] == 'H')) {
		n--;
	}
	if (!n || n > 16)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return false;
		r = r << 4 | (uint64_t)(isdigit((unsigned char)s[i])
		                                ? s[i] - '0'
		                                : tolower((unsigned char)s[i]) - 'a' + 10);
	}
	if (r > max)
		return false;
	*v = (uint32_t)r;
	return true;
}

static bool add_symbol(struct reader *r, const char *name, size_t len, uint32_t lin)
{
	if (!list_push(&r->got, name, len, lin, r->t->next_seq++))
		return fail(r, "out of memory");
	return true;
}

/* "name = ADDRESS": linear hex, or SEG:OFF in hex. */
static bool read_assignment(struct reader *r, const char *s)
{
	const char *name = s, *addr, *colon;
	size_t len = 0, alen;
	uint32_t seg, off;

	while (is_name_char(name[len]))
		len++;
	addr = skip_space(name + len);
	if (!len || !is_name_start(name[0]) || *addr != '=')
		return fail(r, "expected 'name = ADDRESS' or a nasm listing line");
	if (len > NAME_MAX_LEN)
		return fail(r, "name longer than %d characters", NAME_MAX_LEN);
	addr = skip_space(addr + 1);
	alen = strlen(addr);
	while (alen && isspace((unsigned char)addr[alen - 1]))
		alen--;
	colon = memchr(addr, ':', alen);
	if (!colon) {
		if (!hex_value(addr, alen, UINT32_MAX, &off))
			return fail(r, "bad address '%.*s' (hex, like 0x7c00, 7c00h or 0000:7c00)",
			            (int)alen, addr);
		return add_symbol(r, name, len, off);
	}
	if (!hex_value(addr, (size_t)(colon - addr), 0xffff, &seg) ||
	    !hex_value(colon + 1, alen - (size_t)(colon + 1 - addr), UINT32_MAX, &off))
		return fail(r, "bad address '%.*s' (SEG:OFF in hex, like 0000:7c00)", (int)alen,
		            addr);
	return add_symbol(r, name, len, (seg << 4) + off);
}

/* The bytes a listing line shows: hex pairs, ?? for reserved space,
 * <rep Nh> repeating them and <res Nh> reserving N. */
static uint32_t listed_bytes(const char *s, size_t n)
{
	uint32_t digits = 0, extra = 0, times = 1;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '<') {
			const char *num = s + i + 5;
			uint32_t v;
			size_t k = 0;
			while (i + 5 + k < n && isxdigit((unsigned char)num[k]))
				k++;
			if (i + 5 <= n && hex_value(num, k, UINT32_MAX, &v)) {
				if (!strncmp(s + i, "<rep ", 5))
					times = v;
				else if (!strncmp(s + i, "<res ", 5))
					extra += v;
			}
			while (i < n && s[i] != '>')
				i++;
		} else if (isxdigit((unsigned char)s[i]) || s[i] == '?') {
			digits++;
		}
	}
	return digits / 2 * times + extra;
}

static void resolve_pending(struct reader *r, uint32_t off)
{
	if (r->first_pending < 0)
		return;
	for (int i = r->first_pending; i < r->got.n; i++)
		r->got.v[i].lin = r->base + off;
	r->first_pending = -1;
}

/* Track %macro bodies and struc blocks, whose labels are not code addresses. */
static bool skip_block_line(struct reader *r, const char *src)
{
	if (starts_with_word(src, "%macro") || starts_with_word(src, "%imacro") ||
	    starts_with_word(src, "%rmacro") || starts_with_word(src, "%rimacro")) {
		r->macro_depth++;
		return true;
	}
	if (starts_with_word(src, "%endmacro") || starts_with_word(src, "%endm")) {
		if (r->macro_depth)
			r->macro_depth--;
		return true;
	}
	if (starts_with_word(src, "struc")) {
		r->in_struc = true;
		return true;
	}
	if (starts_with_word(src, "endstruc")) {
		r->in_struc = false;
		return true;
	}
	return r->macro_depth > 0 || r->in_struc;
}

/* The label at the start of a listing line's source text, if any. */
static bool listing_label(struct reader *r, const char *src, bool has_off, uint32_t off)
{
	size_t len = 0;
	const char *after;
	char full[2 * NAME_MAX_LEN + 2];
	bool local;

	while (is_name_char(src[len]))
		len++;
	after = skip_space(src + len);
	if (!len || !is_name_start(src[0]) || *after != ':' ||
	    starts_with_word(skip_space(after + 1), "equ"))
		return true;
	if (len > NAME_MAX_LEN)
		return fail(r, "label longer than %d characters", NAME_MAX_LEN);
	if (!strncmp(src, "..@", 3))
		return true; /* a macro-local label: noise in a student's listing */
	local = src[0] == '.' && src[1] != '.';
	if (local)
		snprintf(full, sizeof full, "%s%.*s", r->parent, (int)len, src);
	else
		snprintf(full, sizeof full, "%.*s", (int)len, src);
	if (!local && src[0] != '.')
		snprintf(r->parent, sizeof r->parent, "%.*s", (int)len, src);
	if (!add_symbol(r, full, strlen(full), r->base + off))
		return false;
	if (!has_off && r->first_pending < 0)
		r->first_pending = r->got.n - 1;
	return true;
}

/* One line of a nasm listing; 'q' is where the offset column starts. */
static bool read_listing(struct reader *r, char *s, size_t q)
{
	size_t n = strlen(s), data_end = q + LIST_SOURCE_SKIP < n ? q + LIST_SOURCE_SKIP : n;
	bool has_off = n >= q + 8 && (n == q + 8 || s[q + 8] == ' ');
	uint32_t off = 0;
	char *src = s + (n > q + LIST_SOURCE_SKIP ? q + LIST_SOURCE_SKIP : n);

	for (size_t i = 0; has_off && i < 8; i++)
		has_off = isxdigit((unsigned char)s[q + i]);
	if (memchr(s + q, '*', data_end - q))
		return true; /* nasm's own warning or error line */
	if (has_off) {
		hex_value(s + q, 8, UINT32_MAX, &off);
		resolve_pending(r, off);
		r->end_off = off + listed_bytes(s + q + 9, data_end > q + 9 ? data_end - q - 9 : 0);
		r->have_end = true;
	}
	strip_comment(src);
	if (skip_block_line(r, skip_space(src)))
		return true;
	return listing_label(r, skip_space(src), has_off, off);
}

static bool read_line(struct reader *r, char *s)
{
	size_t q = 0;

	s[strcspn(s, "\r\n")] = 0;
	while (s[q] == ' ')
		q++;
	if (isdigit((unsigned char)s[q])) {
		while (isdigit((unsigned char)s[q]))
			q++;
		if (s[q] == ' ' || !s[q])
			return read_listing(r, s, s[q] ? q + 1 : q);
	}
	strip_comment(s);
	if (!*skip_space(s))
		return true;
	return read_assignment(r, skip_space(s));
}

static bool read_file(struct reader *r, FILE *f)
{
	char *buf = NULL;
	size_t cap = 0;
	bool ok = true;

	while (ok && getline(&buf, &cap, f) >= 0) {
		r->line++;
		ok = read_line(r, buf);
	}
	free(buf);
	if (ok && ferror(f)) {
		r->line = 0;
		ok = fail(r, "read error: %s", strerror(errno));
	}
	if (ok)
		resolve_pending(r, r->have_end ? r->end_off : 0);
	return ok;
}

int symtab_load(struct symtab *t, const char *path, uint32_t base, char *err, size_t errlen)
{
	struct reader r = { .path = path ? path : "(null)",
		            .base = base,
		            .t = t,
		            .first_pending = -1,
		            .err = err,
		            .errlen = errlen };
	FILE *f;
	int count = 0;
	bool ok;

	if (err && errlen)
		err[0] = 0;
	if (!t || !path) {
		fail(&r, "no symbol table or file");
		return -1;
	}
	f = fopen(path, "r");
	if (!f) {
		fail(&r, "cannot open: %s", strerror(errno));
		return -1;
	}
	ok = read_file(&r, f);
	fclose(f);
	if (ok) {
		dedupe(&r.got);
		count = r.got.n;
		ok = merge(t, &r.got) || fail(&r, "out of memory");
	}
	list_free(&r.got);
	return ok ? count : -1;
}
