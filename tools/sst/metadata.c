/* SingleStepTests side files: a small JSON parser (tree in an arena, bounded depth, exact error
 * lines), the metadata.json lookup built on it, the revocation list and test file names. */
#include "metadata.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TEXT_FILE (64u * 1024u * 1024u) /* the metadata files are about 60 KB */
#define ARENA_BLOCK   (64u * 1024u)
#define MAX_NUMBER    127                /* longer number literals are rejected, not truncated */
#define EXACT_INT     9007199254740992.0 /* 2^53: integers beyond this are not exact doubles */

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Parses exactly n hex digits. */
static bool parse_hex(const char *s, size_t n, unsigned long *out)
{
	unsigned long v = 0;

	for (size_t i = 0; i < n; i++) {
		int d = hex_digit(s[i]);

		if (d < 0)
			return false;
		v = v << 4 | (unsigned long)d;
	}
	*out = v;
	return true;
}

/* Reads a whole (small) file; *buf is NUL-terminated for convenience. */
static int read_file(const char *path, char **buf, size_t *len, char *err, size_t errlen)
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 4096, got;
	char *data = NULL;

	*buf = NULL;
	*len = 0;
	if (fp == NULL) {
		set_err(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	for (;;) {
		char *grown = realloc(data, cap + 1);

		if (grown == NULL) {
			set_err(err, errlen, "%s: out of memory", path);
			break;
		}
		data = grown;
		got = fread(data + *len, 1, cap - *len, fp);
		*len += got;
		if (*len < cap) {
			if (ferror(fp)) {
				set_err(err, errlen, "%s: cannot read: %s", path, strerror(errno));
				break;
			}
			fclose(fp);
			data[*len] = '\0';
			*buf = data;
			return 0;
		}
		if (cap >= MAX_TEXT_FILE) {
			set_err(err, errlen, "%s: larger than %u bytes", path, MAX_TEXT_FILE);
			break;
		}
		cap *= 2;
	}
	free(data);
	fclose(fp);
	return -1;
}

/* ---- JSON ---- */

struct sst_json_block {
	struct sst_json_block *next;
	size_t used, cap;
	max_align_t data[]; /* max_align_t keeps every allocation suitably aligned */
};

/* Zeroed memory that lives until sst_json_free. */
static void *arena_alloc(struct sst_json *doc, size_t size)
{
	struct sst_json_block *b = doc->blocks;
	size_t units = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t);
	void *p;

	if (b == NULL || b->cap - b->used < units) {
		size_t cap = units > ARENA_BLOCK / sizeof(max_align_t)
		                     ? units
		                     : ARENA_BLOCK / sizeof(max_align_t);

		b = malloc(sizeof(*b) + cap * sizeof(max_align_t));
		if (b == NULL)
			return NULL;
		b->used = 0;
		b->cap = cap;
		b->next = doc->blocks;
		doc->blocks = b;
	}
	p = b->data + b->used;
	b->used += units;
	memset(p, 0, units * sizeof(max_align_t));
	return p;
}

void sst_json_free(struct sst_json *doc)
{
	while (doc->blocks) {
		struct sst_json_block *next = doc->blocks->next;

		free(doc->blocks);
		doc->blocks = next;
	}
	doc->root = NULL;
}

struct parser {
	const char *p, *end;
	unsigned line;
	const char *name;
	char *err;
	size_t errlen;
	struct sst_json *doc;
};

/* Records the first error with name:line and returns NULL so callers can 'return perr(...)'. */
static void *perr(struct parser *ps, const char *fmt, ...)
{
	char what[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	set_err(ps->err, ps->errlen, "%s:%u: %s", ps->name, ps->line, what);
	return NULL;
}

/* Describes the character at the read position for messages, printable or not. */
static const char *describe_here(const struct parser *ps, char buf[16])
{
	unsigned char c;

	if (ps->p >= ps->end)
		return "end of data";
	c = (unsigned char)*ps->p;
	if (c > 0x20 && c < 0x7f)
		snprintf(buf, 16, "'%c'", c);
	else
		snprintf(buf, 16, "byte 0x%02x", c);
	return buf;
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end) {
		char c = *ps->p;

		if (c == '\n')
			ps->line++;
		else if (c != ' ' && c != '\t' && c != '\r')
			return;
		ps->p++;
	}
}

static bool at(const struct parser *ps, char c)
{
	return ps->p < ps->end && *ps->p == c;
}

static struct sst_json_value *new_value(struct parser *ps, enum sst_json_type type)
{
	struct sst_json_value *v = arena_alloc(ps->doc, sizeof(*v));

	if (v == NULL)
		return perr(ps, "out of memory");
	v->type = type;
	v->line = ps->line;
	return v;
}

static char *put_utf8(char *o, unsigned long cp)
{
	if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xC0 | cp >> 6);
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xE0 | cp >> 12);
		*o++ = (char)(0x80 | (cp >> 6 & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*o++ = (char)(0xF0 | cp >> 18);
		*o++ = (char)(0x80 | (cp >> 12 & 0x3F));
		*o++ = (char)(0x80 | (cp >> 6 & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	}
	return o;
}

/* \uXXXX at ps->p (pointing at the 'u'), with surrogate pairs joined. */
static bool unicode_escape(struct parser *ps, const char *stop, unsigned long *cp)
{
	unsigned long lo;

	if (stop - ps->p < 5 || !parse_hex(ps->p + 1, 4, cp))
		return perr(ps, "\\u must be followed by 4 hex digits");
	ps->p += 5;
	if (*cp >= 0xDC00 && *cp <= 0xDFFF)
		return perr(ps, "\\u%04lX is a low surrogate without a high one", *cp);
	if (*cp < 0xD800 || *cp > 0xDBFF)
		return true;
	if (stop - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u' ||
	    !parse_hex(ps->p + 2, 4, &lo) || lo < 0xDC00 || lo > 0xDFFF)
		return perr(ps, "\\u%04lX is a high surrogate without a low one", *cp);
	ps->p += 6;
	*cp = 0x10000 + ((*cp - 0xD800) << 10) + (lo - 0xDC00);
	return true;
}

static bool simple_escape(struct parser *ps, char *out)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *hit = memchr(from, *ps->p, sizeof(from) - 1);
	char where[16];

	if (hit == NULL)
		return perr(ps, "bad escape: backslash followed by %s", describe_here(ps, where));
	*out = to[hit - from];
	ps->p++;
	return true;
}

/* Decodes the string whose opening quote is at ps->p. Decoded text never exceeds the raw text,
   so the raw length bounds the allocation. */
static bool parse_string(struct parser *ps, const char **out, size_t *outlen)
{
	const char *stop = ps->p + 1;
	char *buf, *o;

	while (stop < ps->end && *stop != '"')
		stop += (*stop == '\\' && ps->end - stop >= 2) ? 2 : 1;
	if (stop >= ps->end)
		return perr(ps, "string not terminated");
	o = buf = arena_alloc(ps->doc, (size_t)(stop - ps->p));
	if (buf == NULL)
		return perr(ps, "out of memory");
	ps->p++;
	while (ps->p < stop) {
		unsigned char c = (unsigned char)*ps->p;
		unsigned long cp = 0;

		if (c < 0x20)
			return perr(ps, "control character 0x%02x inside a string", c);
		ps->p++;
		if (c != '\\') {
			*o++ = (char)c;
		} else if (*ps->p == 'u') {
			if (!unicode_escape(ps, stop, &cp))
				return false;
			o = put_utf8(o, cp);
		} else if (!simple_escape(ps, o++)) {
			return false;
		}
	}
	*o = '\0';
	ps->p = stop + 1;
	*out = buf;
	*outlen = (size_t)(o - buf);
	return true;
}

static size_t count_digits(const struct parser *ps, const char *s)
{
	size_t n = 0;

	while (s + n < ps->end && s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/* Checks the JSON number grammar first so that strtod sees only what JSON allows. */
static struct sst_json_value *parse_number(struct parser *ps)
{
	const char *s = ps->p;
	char text[MAX_NUMBER + 1];
	struct sst_json_value *v;
	size_t n;

	s += at(ps, '-');
	n = count_digits(ps, s);
	if (n == 0 || (n > 1 && *s == '0'))
		return perr(ps, "malformed number");
	s += n;
	if (s < ps->end && *s == '.') {
		n = count_digits(ps, ++s);
		if (n == 0)
			return perr(ps, "malformed number: no digits after '.'");
		s += n;
	}
	if (s < ps->end && (*s == 'e' || *s == 'E')) {
		s++;
		if (s < ps->end && (*s == '+' || *s == '-'))
			s++;
		n = count_digits(ps, s);
		if (n == 0)
			return perr(ps, "malformed number: no digits in the exponent");
		s += n;
	}
	if (s - ps->p > MAX_NUMBER)
		return perr(ps, "number longer than %d characters", MAX_NUMBER);
	memcpy(text, ps->p, (size_t)(s - ps->p));
	text[s - ps->p] = '\0';
	v = new_value(ps, SST_JSON_NUMBER);
	if (v == NULL)
		return NULL;
	errno = 0;
	v->number = strtod(text, NULL);
	if (errno == ERANGE)
		return perr(ps, "number %s out of range", text);
	ps->p = s;
	return v;
}

static struct sst_json_value *parse_literal(struct parser *ps)
{
	static const struct {
		const char *text;
		enum sst_json_type type;
	} words[] = { { "true", SST_JSON_TRUE },
		      { "false", SST_JSON_FALSE },
		      { "null", SST_JSON_NULL } };

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t n = strlen(words[i].text);

		if ((size_t)(ps->end - ps->p) >= n && memcmp(ps->p, words[i].text, n) == 0) {
			ps->p += n;
			return new_value(ps, words[i].type);
		}
	}
	return perr(ps, "unknown word (expected true, false or null)");
}

static struct sst_json_value *parse_value(struct parser *ps, int depth);

/* Arrays and objects; 'depth' counts the containers around this one. */
static struct sst_json_value *parse_container(struct parser *ps, int depth, enum sst_json_type type)
{
	const char close = type == SST_JSON_OBJECT ? '}' : ']';
	struct sst_json_value *v, *child;
	const struct sst_json_value **tail;
	char where[16];

	if (depth >= SST_JSON_MAX_DEPTH)
		return perr(ps, "nested deeper than %d levels", SST_JSON_MAX_DEPTH);
	v = new_value(ps, type);
	if (v == NULL)
		return NULL;
	tail = &v->first;
	ps->p++;
	skip_ws(ps);
	if (at(ps, close)) {
		ps->p++;
		return v;
	}
	for (;;) {
		const char *key = NULL;
		size_t keylen;

		if (type == SST_JSON_OBJECT) {
			skip_ws(ps);
			if (!at(ps, '"'))
				return perr(ps, "expected a member name in quotes, found %s",
				            describe_here(ps, where));
			if (!parse_string(ps, &key, &keylen))
				return NULL;
			skip_ws(ps);
			if (!at(ps, ':'))
				return perr(ps, "expected ':' after \"%s\"", key);
			ps->p++;
		}
		child = parse_value(ps, depth + 1);
		if (child == NULL)
			return NULL;
		child->key = key;
		*tail = child;
		tail = &child->next;
		v->count++;
		skip_ws(ps);
		if (at(ps, ',')) {
			ps->p++;
		} else if (at(ps, close)) {
			ps->p++;
			return v;
		} else {
			return perr(ps, "expected ',' or '%c', found %s", close,
			            describe_here(ps, where));
		}
	}
}

static struct sst_json_value *parse_value(struct parser *ps, int depth)
{
	char where[16];

	skip_ws(ps);
	if (ps->p >= ps->end)
		return perr(ps, "data ends where a value should be");
	switch (*ps->p) {
	case '{':
		return parse_container(ps, depth, SST_JSON_OBJECT);
	case '[':
		return parse_container(ps, depth, SST_JSON_ARRAY);
	case '"': {
		struct sst_json_value *v = new_value(ps, SST_JSON_STRING);

		if (v == NULL || !parse_string(ps, &v->str, &v->str_len))
			return NULL;
		return v;
	}
	case 't':
	case 'f':
	case 'n':
		return parse_literal(ps);
	}
	if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
		return parse_number(ps);
	return perr(ps, "expected a value, found %s", describe_here(ps, where));
}

int sst_json_parse(struct sst_json *doc, const char *name, const char *text, size_t len, char *err,
                   size_t errlen)
{
	struct parser ps = { text, text + len, 1, name, err, errlen, doc };
	char where[16];

	memset(doc, 0, sizeof(*doc));
	doc->root = parse_value(&ps, 0);
	if (doc->root != NULL) {
		skip_ws(&ps);
		if (ps.p == ps.end)
			return 0;
		perr(&ps, "unexpected %s after the end of the JSON value",
		     describe_here(&ps, where));
	}
	sst_json_free(doc);
	return -1;
}

int sst_json_load(struct sst_json *doc, const char *path, char *err, size_t errlen)
{
	char *text;
	size_t len;
	int r;

	memset(doc, 0, sizeof(*doc));
	if (read_file(path, &text, &len, err, errlen) < 0)
		return -1;
	r = sst_json_parse(doc, path, text, len, err, errlen);
	free(text);
	return r;
}

const struct sst_json_value *sst_json_get(const struct sst_json_value *obj, const char *key)
{
	if (obj == NULL || obj->type != SST_JSON_OBJECT)
		return NULL;
	for (const struct sst_json_value *m = obj->first; m; m = m->next)
		if (strcmp(m->key, key) == 0)
			return m;
	return NULL;
}

bool sst_json_int(const struct sst_json_value *v, long long min, long long max, long long *out)
{
	double lo = (double)min < -EXACT_INT ? -EXACT_INT : (double)min;
	double hi = (double)max > EXACT_INT ? EXACT_INT : (double)max;
	long long n;

	if (v == NULL || v->type != SST_JSON_NUMBER || v->number < lo || v->number > hi)
		return false;
	n = (long long)v->number;
	if ((double)n != v->number)
		return false;
	*out = n;
	return true;
}

/* ---- metadata.json ---- */

/* Table slot of an opcode: 0x00-0xFF as is, 0x0F00-0x0FFF after them; -1 for anything else. */
static int opcode_slot(unsigned op)
{
	if (op <= 0xFF)
		return (int)op;
	if ((op & ~0xFFu) == 0x0F00)
		return 0x100 + (int)(op & 0xFF);
	return -1;
}

/* "XX" or "0FXX". */
static int key_slot(const char *key)
{
	size_t n = strlen(key);
	unsigned long v;

	if ((n != 2 && n != 4) || !parse_hex(key, n, &v))
		return -1;
	return n == 4 && (v & 0xFF00) != 0x0F00 ? -1 : opcode_slot((unsigned)v);
}

static int md_error(const char *path, const struct sst_json_value *v, char *err, size_t errlen,
                    const char *what)
{
	set_err(err, errlen, "%s:%u: %s", path, v->line, what);
	return -1;
}

/* One opcode or reg object: status and flags-mask; other fields (flags, arch) are not needed. */
static int load_entry(const char *path, const struct sst_json_value *obj, struct sst_md_entry *e,
                      char *err, size_t errlen)
{
	const struct sst_json_value *status = sst_json_get(obj, "status");
	const struct sst_json_value *mask = sst_json_get(obj, "flags-mask");
	char what[160];
	long long n;

	if (obj->type != SST_JSON_OBJECT) {
		snprintf(what, sizeof(what), "entry \"%s\" is not an object", obj->key);
		return md_error(path, obj, err, errlen, what);
	}
	if (e->present) {
		snprintf(what, sizeof(what), "entry \"%s\" appears twice", obj->key);
		return md_error(path, obj, err, errlen, what);
	}
	e->present = true;
	e->flags_mask = 0xFFFF;
	if (status != NULL && status->type != SST_JSON_STRING)
		return md_error(path, status, err, errlen, "\"status\" is not a string");
	e->status = status ? status->str : NULL;
	if (mask != NULL && !sst_json_int(mask, 0, 0xFFFF, &n))
		return md_error(path, mask, err, errlen,
		                "\"flags-mask\" is not an integer in 0..65535");
	if (mask != NULL)
		e->flags_mask = (uint16_t)n;
	return 0;
}

static int load_regs(const char *path, const struct sst_json_value *regs, struct sst_md_entry *e8,
                     char *err, size_t errlen)
{
	if (regs->type != SST_JSON_OBJECT)
		return md_error(path, regs, err, errlen, "\"reg\" is not an object");
	for (const struct sst_json_value *r = regs->first; r; r = r->next) {
		if (r->key[0] < '0' || r->key[0] > '7' || r->key[1] != '\0') {
			char what[160];

			snprintf(what, sizeof(what), "reg key \"%s\" is not 0..7", r->key);
			return md_error(path, r, err, errlen, what);
		}
		if (load_entry(path, r, &e8[r->key[0] - '0'], err, errlen) < 0)
			return -1;
	}
	return 0;
}

static int load_opcodes(struct sst_metadata *md, const char *path, const struct sst_json_value *ops,
                        char *err, size_t errlen)
{
	for (const struct sst_json_value *o = ops->first; o; o = o->next) {
		int slot = key_slot(o->key);
		const struct sst_json_value *regs;

		if (slot < 0) {
			char what[160];

			snprintf(what, sizeof(what), "opcode key \"%s\" is not XX or 0FXX in hex",
			         o->key);
			return md_error(path, o, err, errlen, what);
		}
		if (load_entry(path, o, &md->op[slot], err, errlen) < 0)
			return -1;
		regs = sst_json_get(o, "reg");
		if (regs == NULL)
			continue;
		md->op[slot].has_reg = true;
		if (load_regs(path, regs, &md->reg[slot * 8], err, errlen) < 0)
			return -1;
	}
	return 0;
}

static int load_metadata_tree(struct sst_metadata *md, const char *path, char *err, size_t errlen)
{
	const struct sst_json_value *root = md->doc.root;
	const struct sst_json_value *cpu = sst_json_get(root, "cpu");
	const struct sst_json_value *ops = sst_json_get(root, "opcodes");

	if (root->type != SST_JSON_OBJECT)
		return md_error(path, root, err, errlen, "the top level is not an object");
	if (ops == NULL || ops->type != SST_JSON_OBJECT)
		return md_error(path, ops ? ops : root, err, errlen,
		                "no \"opcodes\" object at the top level");
	if (cpu != NULL && cpu->type == SST_JSON_STRING)
		snprintf(md->cpu, sizeof(md->cpu), "%s", cpu->str);
	md->op = calloc(SST_MD_SLOTS * 9, sizeof(*md->op));
	if (md->op == NULL) {
		set_err(err, errlen, "%s: out of memory", path);
		return -1;
	}
	md->reg = md->op + SST_MD_SLOTS;
	return load_opcodes(md, path, ops, err, errlen);
}

int sst_metadata_load(struct sst_metadata *md, const char *path, char *err, size_t errlen)
{
	memset(md, 0, sizeof(*md));
	if (sst_json_load(&md->doc, path, err, errlen) < 0)
		return -1;
	if (load_metadata_tree(md, path, err, errlen) < 0) {
		sst_metadata_free(md);
		return -1;
	}
	return 0;
}

void sst_metadata_free(struct sst_metadata *md)
{
	free(md->op); /* md->reg shares this allocation */
	md->op = md->reg = NULL;
	sst_json_free(&md->doc);
}

static const struct sst_md_entry *md_lookup(const struct sst_metadata *md, unsigned op, int reg)
{
	int slot = opcode_slot(op);
	const struct sst_md_entry *e;

	if (md->op == NULL || slot < 0 || reg < -1 || reg > 7)
		return NULL;
	e = &md->op[slot];
	if (!e->present)
		return NULL;
	if (reg >= 0 && e->has_reg)
		e = &md->reg[slot * 8 + reg];
	return e->present ? e : NULL;
}

uint16_t sst_metadata_flags_mask(const struct sst_metadata *md, unsigned op, int reg)
{
	const struct sst_md_entry *e = md_lookup(md, op, reg);

	return e ? e->flags_mask : 0xFFFF;
}

const char *sst_metadata_status(const struct sst_metadata *md, unsigned op, int reg)
{
	const struct sst_md_entry *e = md_lookup(md, op, reg);

	return e ? e->status : NULL;
}

/* ---- revocation_list.txt ---- */

static int compare_hash(const void *a, const void *b)
{
	return memcmp(a, b, 20);
}

/* One line without its newline: blank, comment, or a hash (possibly followed by a comment). */
static int revocation_line(struct sst_revocations *r, char *line, size_t cap)
{
	char *hash = line, *end = strchr(line, '#');
	size_t n;

	if (end == NULL)
		end = line + strlen(line);
	while (hash < end && (*hash == ' ' || *hash == '\t'))
		hash++;
	while (end > hash && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	n = (size_t)(end - hash);
	if (n == 0)
		return 0;
	if (n != 40 || r->count == cap)
		return -1;
	for (int i = 0; i < 20; i++) {
		unsigned long byte;

		if (!parse_hex(hash + 2 * i, 2, &byte))
			return -1;
		r->hashes[r->count][i] = (uint8_t)byte;
	}
	r->count++;
	return 0;
}

int sst_revocations_load(struct sst_revocations *r, const char *path, char *err, size_t errlen)
{
	char *text, *line;
	size_t len, lines = 1;
	unsigned lineno = 0;

	memset(r, 0, sizeof(*r));
	if (read_file(path, &text, &len, err, errlen) < 0)
		return -1;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	r->hashes = malloc(lines * sizeof(*r->hashes));
	if (r->hashes == NULL) {
		set_err(err, errlen, "%s: out of memory", path);
		free(text);
		return -1;
	}
	for (line = text; line < text + len; lineno++) {
		char *nl = memchr(line, '\n', (size_t)(text + len - line));

		if (nl != NULL)
			*nl = '\0';
		if (strlen(line) != (size_t)((nl ? nl : text + len) - line) ||
		    revocation_line(r, line, lines) < 0) {
			set_err(err, errlen, "%s:%u: expected a 40-hex-digit hash or a # comment",
			        path, lineno + 1);
			free(text);
			sst_revocations_free(r);
			return -1;
		}
		line = nl ? nl + 1 : text + len;
	}
	free(text);
	qsort(r->hashes, r->count, sizeof(*r->hashes), compare_hash);
	return 0;
}

bool sst_revoked(const struct sst_revocations *r, const uint8_t hash[20])
{
	return r->count > 0 && bsearch(hash, r->hashes, r->count, sizeof(*r->hashes), compare_hash);
}

void sst_revocations_free(struct sst_revocations *r)
{
	free(r->hashes);
	r->hashes = NULL;
	r->count = 0;
}

/* ---- file names ---- */

static bool same_ci(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = (*a >= 'a' && *a <= 'z') ? (char)(*a - 32) : *a;
		char y = (*b >= 'a' && *b <= 'z') ? (char)(*b - 32) : *b;

		if (x != y)
			return false;
	}
	return *a == *b;
}

int sst_parse_filename(const char *path, unsigned *op, int *reg)
{
	const char *base = strrchr(path, '/');
	unsigned long v;
	size_t n = 0;
	int r = -1;

	base = base ? base + 1 : path;
	while (hex_digit(base[n]) >= 0)
		n++;
	if ((n != 2 && n != 4) || !parse_hex(base, n, &v) || (n == 4 && (v & 0xFF00) != 0x0F00))
		return -1;
	base += n;
	if (base[0] == '.' && base[1] >= '0' && base[1] <= '7' && base[2] == '.') {
		r = base[1] - '0';
		base += 2;
	}
	if (!same_ci(base, ".MOO") && !same_ci(base, ".MOO.gz"))
		return -1;
	*op = (unsigned)v;
	*reg = r;
	return 0;
}
