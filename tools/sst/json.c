/* A small JSON parser (RFC 8259) for the SingleStepTests side files: values go into a tree
 * allocated from an arena, nesting is bounded, and every error names the file and line. */
#include "json.h"

#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TEXT_FILE (64u * 1024u * 1024u) /* the metadata files are about 60 KB */
#define ARENA_BLOCK   (64u * 1024u)
#define MAX_NUMBER    127                /* longer number literals are rejected, not truncated */
#define EXACT_INT     9007199254740992.0 /* 2^53: integers beyond this are not exact doubles */
void sst_set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Parses exactly n hex digits. */
bool sst_parse_hex(const char *s, size_t n, unsigned long *out)
{
	unsigned long v = 0;

	for (size_t i = 0; i < n; i++) {
		int d = cli_hex_digit(s[i]);

		if (d < 0)
			return false;
		v = v << 4 | (unsigned long)d;
	}
	*out = v;
	return true;
}

/* Reads a whole (small) file; *buf is NUL-terminated for convenience. */
int sst_read_text_file(const char *path, char **buf, size_t *len, char *err, size_t errlen)
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 4096, got;
	char *data = NULL;

	*buf = NULL;
	*len = 0;
	if (fp == NULL) {
		sst_set_err(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	for (;;) {
		char *grown = realloc(data, cap + 1);

		if (grown == NULL) {
			sst_set_err(err, errlen, "%s: out of memory", path);
			break;
		}
		data = grown;
		got = fread(data + *len, 1, cap - *len, fp);
		*len += got;
		if (*len < cap) {
			if (ferror(fp)) {
				sst_set_err(err, errlen, "%s: cannot read: %s", path,
				            strerror(errno));
				break;
			}
			fclose(fp);
			data[*len] = '\0';
			*buf = data;
			return 0;
		}
		if (cap >= MAX_TEXT_FILE) {
			sst_set_err(err, errlen, "%s: larger than %u bytes", path, MAX_TEXT_FILE);
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
	sst_set_err(ps->err, ps->errlen, "%s:%u: %s", ps->name, ps->line, what);
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

	if (stop - ps->p < 5 || !sst_parse_hex(ps->p + 1, 4, cp))
		return perr(ps, "\\u must be followed by 4 hex digits");
	ps->p += 5;
	if (*cp >= 0xDC00 && *cp <= 0xDFFF)
		return perr(ps, "\\u%04lX is a low surrogate without a high one", *cp);
	if (*cp < 0xD800 || *cp > 0xDBFF)
		return true;
	if (stop - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u' ||
	    !sst_parse_hex(ps->p + 2, 4, &lo) || lo < 0xDC00 || lo > 0xDFFF)
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
	if (sst_read_text_file(path, &text, &len, err, errlen) < 0)
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
