/* MOO reader: decompresses a whole test file into memory, then walks its chunks on demand.
 * Every length read from the file is checked against the chunk that contains it. */
#include "moo.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define MOO_HEADER_LEN 12u
#define MOO_MAX_FILE   (1024u * 1024u * 1024u) /* official files stay below 20 MB */
#define REGS_KNOWN     ((1u << MOO_NREGS) - 1u)

struct chunk {
	char tag[5];
	const uint8_t *p; /* payload */
	uint32_t len;
	size_t at; /* offset of the chunk header in the decompressed data */
};

/* Where we are, so that every error message can name file, test and offset. */
struct ctx {
	struct moo_file *f;
	char *err;
	size_t errlen;
};

static uint16_t rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Reports corrupt test data; the file is unusable afterwards. */
static int fail(const struct ctx *c, size_t at, const char *fmt, ...)
{
	char what[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	set_err(c->err, c->errlen, "%s: test %u at offset 0x%zx: %s", c->f->path, c->f->ntests, at,
	        what);
	c->f->broken = true;
	return -1;
}

static bool is_tag(const struct chunk *ch, const char *tag)
{
	return memcmp(ch->tag, tag, 4) == 0;
}

/* The tag as text for messages; tags from damaged files may hold any byte. */
static void printable_tag(const uint8_t *p, char out[5])
{
	for (int i = 0; i < 4; i++)
		out[i] = (p[i] >= 0x20 && p[i] < 0x7f) ? (char)p[i] : '?';
	out[4] = '\0';
}

/* Reads the chunk at *pos inside the parent span [*pos, end) of f->data. Returns 0, or -1 with
   a reason in 'why' when the header or the payload does not fit in the parent. */
static int take_chunk(const struct moo_file *f, size_t *pos, size_t end, struct chunk *ch,
                      char *why, size_t whylen)
{
	const uint8_t *h = f->data + *pos;

	ch->at = *pos;
	if (end - *pos < 8) {
		snprintf(why, whylen, "chunk header cut short: %zu of 8 bytes left", end - *pos);
		return -1;
	}
	printable_tag(h, ch->tag); /* no known tag contains '?', so matching stays exact */
	ch->len = rd32(h + 4);
	if (ch->len > end - *pos - 8) {
		snprintf(why, whylen,
		         "'%s' chunk of %u bytes runs past its parent (%zu bytes left)", ch->tag,
		         ch->len, end - *pos - 8);
		return -1;
	}
	ch->p = h + 8;
	*pos += 8 + (size_t)ch->len;
	return 0;
}

/* Sub-chunk walk shared by TEST, INIT and FINA: the next chunk within 'parent', or 0 at its end. */
static int next_sub(const struct ctx *c, const struct chunk *parent, size_t *pos, struct chunk *ch)
{
	size_t end = parent->at + 8 + parent->len;
	char why[160];

	if (*pos == end)
		return 0;
	if (take_chunk(c->f, pos, end, ch, why, sizeof(why)) < 0)
		return fail(c, *pos, "inside %.4s: %s", parent->tag, why);
	return 1;
}

static int ensure_ram(struct moo_file *f, int which, uint32_t n)
{
	struct moo_ram *grown;
	uint32_t cap = f->ram_cap[which] ? f->ram_cap[which] : 64;

	if (n <= f->ram_cap[which])
		return 0;
	while (cap < n)
		cap = cap > UINT32_MAX / 2 ? n : cap * 2;
	grown = realloc(f->ram_buf[which], (size_t)cap * sizeof(*grown));
	if (grown == NULL)
		return -1;
	f->ram_buf[which] = grown;
	f->ram_cap[which] = cap;
	return 0;
}

static int parse_regs(const struct ctx *c, const struct chunk *ch, struct moo_state *s)
{
	uint16_t mask;
	uint32_t need;
	const uint8_t *v;

	if (ch->len < 2)
		return fail(c, ch->at, "REGS chunk of %u bytes has no mask", ch->len);
	mask = rd16(ch->p);
	if (mask & ~REGS_KNOWN)
		return fail(c, ch->at, "REGS mask 0x%04x names registers beyond FLAGS", mask);
	need = 2;
	for (int i = 0; i < MOO_NREGS; i++)
		need += 2 * (mask >> i & 1);
	if (ch->len < need)
		return fail(c, ch->at, "REGS mask 0x%04x needs %u bytes, chunk has %u", mask, need,
		            ch->len);
	s->regmask = mask;
	v = ch->p + 2;
	for (int i = 0; i < MOO_NREGS; i++) {
		if (mask >> i & 1) {
			s->regs[i] = rd16(v);
			v += 2;
		}
	}
	return 0;
}

static int parse_ram(const struct ctx *c, const struct chunk *ch, struct moo_state *s, int which)
{
	uint32_t n;

	if (ch->len < 4)
		return fail(c, ch->at, "RAM chunk of %u bytes has no count", ch->len);
	n = rd32(ch->p);
	if ((uint64_t)n * 5 > ch->len - 4)
		return fail(c, ch->at, "RAM count %u needs %llu bytes, chunk has %u", n,
		            (unsigned long long)n * 5 + 4, ch->len);
	if (ensure_ram(c->f, which, n) < 0)
		return fail(c, ch->at, "out of memory for %u RAM entries", n);
	s->ram = c->f->ram_buf[which];
	s->nram = n;
	for (uint32_t k = 0; k < n; k++) {
		const uint8_t *e = ch->p + 4 + 5 * (size_t)k;

		s->ram[k].addr = rd32(e);
		s->ram[k].val = e[4];
	}
	return 0;
}

/* INIT or FINA: a container whose REGS and RAM are both required. */
static int parse_state(const struct ctx *c, const struct chunk *parent, struct moo_state *s,
                       int which)
{
	size_t pos = parent->at + 8;
	bool have_regs = false, have_ram = false;
	struct chunk ch;
	int r;

	while ((r = next_sub(c, parent, &pos, &ch)) > 0) {
		bool *seen = is_tag(&ch, "REGS")   ? &have_regs
		             : is_tag(&ch, "RAM ") ? &have_ram
		                                   : NULL;

		if (seen == NULL)
			continue; /* QUEU, RMSK, unknown: not needed here */
		if (*seen)
			return fail(c, ch.at, "second %.4s chunk in %.4s", ch.tag, parent->tag);
		*seen = true;
		r = is_tag(&ch, "REGS") ? parse_regs(c, &ch, s) : parse_ram(c, &ch, s, which);
		if (r < 0)
			return -1;
	}
	if (r < 0)
		return -1;
	if (!have_regs || !have_ram)
		return fail(c, parent->at, "%.4s chunk has no %s chunk", parent->tag,
		            have_regs ? "RAM" : "REGS");
	return 0;
}

/* NAME and BYTS share the layout u32 n, then n bytes. */
static int counted_bytes(const struct ctx *c, const struct chunk *ch, const uint8_t **p,
                         uint32_t *n)
{
	if (ch->len < 4)
		return fail(c, ch->at, "%.4s chunk of %u bytes has no length", ch->tag, ch->len);
	*n = rd32(ch->p);
	if (*n > ch->len - 4)
		return fail(c, ch->at, "%.4s length %u exceeds its chunk (%u bytes)", ch->tag, *n,
		            ch->len - 4);
	*p = ch->p + 4;
	return 0;
}

static int parse_name(const struct ctx *c, const struct chunk *ch, struct moo_test *t)
{
	const uint8_t *p = NULL;
	uint32_t n = 0;

	if (counted_bytes(c, ch, &p, &n) < 0)
		return -1;
	if (n > sizeof(t->name) - 1)
		n = sizeof(t->name) - 1;
	memcpy(t->name, p, n);
	t->name[n] = '\0';
	return 0;
}

static int parse_excp(const struct ctx *c, const struct chunk *ch, struct moo_test *t)
{
	if (ch->len < 5)
		return fail(c, ch->at, "EXCP chunk of %u bytes, needs 5", ch->len);
	t->has_excp = true;
	t->excp_vector = ch->p[0];
	t->excp_flags_addr = rd32(ch->p + 1);
	return 0;
}

static int parse_hash(const struct ctx *c, const struct chunk *ch, const struct chunk *test,
                      struct moo_test *t)
{
	if (ch->len < 20)
		return fail(c, ch->at, "HASH chunk of %u bytes, needs 20", ch->len);
	t->has_hash = true;
	memcpy(t->hash, ch->p, 20);
	t->hash_chunk_pos = (uint32_t)(ch->at - (test->at + 8));
	return 0;
}

/* Which sub-chunks a TEST has seen, to reject duplicates and missing ones. */
enum { SEEN_NAME = 1, SEEN_BYTS = 2, SEEN_INIT = 4, SEEN_FINA = 8, SEEN_EXCP = 16, SEEN_HASH = 32 };

static int seen_bit(const struct chunk *ch)
{
	static const char tags[][5] = { "NAME", "BYTS", "INIT", "FINA", "EXCP", "HASH" };

	for (int i = 0; i < 6; i++)
		if (is_tag(ch, tags[i]))
			return 1 << i;
	return 0;
}

static int parse_sub(const struct ctx *c, const struct chunk *ch, const struct chunk *test,
                     struct moo_test *t)
{
	switch (seen_bit(ch)) {
	case SEEN_NAME:
		return parse_name(c, ch, t);
	case SEEN_BYTS:
		return counted_bytes(c, ch, &t->bytes, &t->nbytes);
	case SEEN_INIT:
		return parse_state(c, ch, &t->init, 0);
	case SEEN_FINA:
		return parse_state(c, ch, &t->final, 1);
	case SEEN_EXCP:
		return parse_excp(c, ch, t);
	case SEEN_HASH:
		return parse_hash(c, ch, test, t);
	}
	return 0; /* GMET, CYCL, unknown */
}

static int parse_test(const struct ctx *c, const struct chunk *test, struct moo_test *t)
{
	const int required = SEEN_BYTS | SEEN_INIT | SEEN_FINA;
	size_t pos = test->at + 12;
	struct chunk ch;
	int seen = 0, r;

	memset(t, 0, sizeof(*t));
	if (test->len < 4)
		return fail(c, test->at, "TEST chunk of %u bytes has no index", test->len);
	t->index = c->f->ntests;
	t->stored_index = rd32(test->p);
	t->offset = test->at;
	t->payload = test->p;
	t->payload_len = test->len;
	while ((r = next_sub(c, test, &pos, &ch)) > 0) {
		int bit = seen_bit(&ch);

		if (seen & bit)
			return fail(c, ch.at, "second %.4s chunk in TEST", ch.tag);
		seen |= bit;
		if (parse_sub(c, &ch, test, t) < 0)
			return -1;
	}
	if (r < 0)
		return -1;
	if ((seen & required) != required)
		return fail(c, test->at, "TEST chunk has no %s chunk",
		            !(seen & SEEN_BYTS)   ? "BYTS"
		            : !(seen & SEEN_INIT) ? "INIT"
		                                  : "FINA");
	return 0;
}

int moo_next(struct moo_file *f, struct moo_test *t, char *err, size_t errlen)
{
	struct ctx c = { f, err, errlen };
	struct chunk ch;
	char why[160];

	if (f->broken) {
		set_err(err, errlen, "%s: not read further after an earlier error", f->path);
		return -1;
	}
	if (f->ntests >= f->count)
		return 0;
	for (;;) {
		if (f->pos == f->size)
			return fail(&c, f->pos, "data ends after %u of the %u tests in the header",
			            f->ntests, f->count);
		if (take_chunk(f, &f->pos, f->size, &ch, why, sizeof(why)) < 0)
			return fail(&c, f->pos, "%s", why);
		if (is_tag(&ch, "TEST"))
			break;
	}
	if (parse_test(&c, &ch, t) < 0)
		return -1;
	f->ntests++;
	return 1;
}

/* The MOO header must come first; everything after it is read by moo_next. */
static int parse_header(struct moo_file *f, char *err, size_t errlen)
{
	size_t pos = 0;
	struct chunk ch;
	char why[160];

	if (f->size == 0) {
		set_err(err, errlen, "%s: empty file, not a MOO file", f->path);
		return -1;
	}
	if (f->size < 4 || memcmp(f->data, "MOO ", 4) != 0) {
		char shown[5] = "";

		if (f->size >= 4)
			printable_tag(f->data, shown);
		set_err(err, errlen, "%s: offset 0x0: not a MOO file (starts with '%s', %zu bytes)",
		        f->path, shown, f->size);
		return -1;
	}
	if (take_chunk(f, &pos, f->size, &ch, why, sizeof(why)) < 0) {
		set_err(err, errlen, "%s: offset 0x0: MOO header: %s", f->path, why);
		return -1;
	}
	if (ch.len < MOO_HEADER_LEN) {
		set_err(err, errlen, "%s: offset 0x0: MOO header of %u bytes, needs %u", f->path,
		        ch.len, MOO_HEADER_LEN);
		return -1;
	}
	f->major = ch.p[0];
	f->minor = ch.p[1];
	if (f->major != 1) {
		set_err(err, errlen, "%s: offset 0x8: unsupported MOO version %u.%u", f->path,
		        f->major, f->minor);
		return -1;
	}
	f->count = rd32(ch.p + 4);
	memcpy(f->cpu, ch.p + 8, 4);
	f->cpu[4] = '\0';
	f->pos = pos;
	return 0;
}

static int set_path(struct moo_file *f, const char *path, char *err, size_t errlen)
{
	memset(f, 0, sizeof(*f));
	if (strlen(path) >= sizeof(f->path)) {
		set_err(err, errlen, "%.200s...: path too long", path);
		return -1;
	}
	strcpy(f->path, path);
	return 0;
}

int moo_open_buffer(struct moo_file *f, const char *name, const uint8_t *data, size_t size,
                    char *err, size_t errlen)
{
	if (set_path(f, name, err, errlen) < 0)
		return -1;
	f->data = malloc(size ? size : 1);
	if (f->data == NULL) {
		set_err(err, errlen, "%s: out of memory for %zu bytes", name, size);
		return -1;
	}
	if (size)
		memcpy(f->data, data, size);
	f->size = size;
	if (parse_header(f, err, errlen) < 0) {
		moo_close(f);
		return -1;
	}
	return 0;
}

static int gz_failed(gzFile gz, const char *path, char *err, size_t errlen)
{
	int code;
	const char *msg = gzerror(gz, &code);
	size_t n = strlen(path);

	if (code == Z_ERRNO)
		msg = strerror(errno);
	else if (strncmp(msg, path, n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		msg += n + 2; /* zlib names the file too */
	set_err(err, errlen, "%s: cannot read: %s", path, msg);
	return -1;
}

/* Decompresses the whole file into f->data; gzread passes plain files through unchanged. */
static int slurp(struct moo_file *f, gzFile gz, char *err, size_t errlen)
{
	size_t cap = 1 << 20;

	f->data = malloc(cap);
	for (;;) {
		int got;

		if (f->data == NULL) {
			set_err(err, errlen, "%s: out of memory for %zu bytes", f->path, cap);
			return -1;
		}
		got = gzread(gz, f->data + f->size, (unsigned)(cap - f->size));
		if (got < 0)
			return gz_failed(gz, f->path, err, errlen);
		if (got == 0) {
			int code;

			/* zlib leaves a cut-off gzip stream as Z_BUF_ERROR, in case the file grows
			 */
			gzerror(gz, &code);
			return code == Z_OK ? 0 : gz_failed(gz, f->path, err, errlen);
		}
		f->size += (size_t)got;
		if (f->size == cap) {
			uint8_t *grown;

			if (cap >= MOO_MAX_FILE) {
				set_err(err, errlen, "%s: larger than %u bytes decompressed",
				        f->path, MOO_MAX_FILE);
				return -1;
			}
			cap *= 2;
			grown = realloc(f->data, cap);
			if (grown == NULL)
				free(f->data);
			f->data = grown;
		}
	}
}

int moo_open(struct moo_file *f, const char *path, char *err, size_t errlen)
{
	gzFile gz;
	int r;

	if (set_path(f, path, err, errlen) < 0)
		return -1;
	errno = 0;
	gz = gzopen(path, "rb");
	if (gz == NULL) {
		set_err(err, errlen, "%s: cannot open: %s", path,
		        errno ? strerror(errno) : "out of memory");
		return -1;
	}
	r = slurp(f, gz, err, errlen);
	gzclose(gz);
	if (r == 0)
		r = parse_header(f, err, errlen);
	if (r < 0)
		moo_close(f);
	return r;
}

void moo_close(struct moo_file *f)
{
	free(f->data);
	free(f->ram_buf[0]);
	free(f->ram_buf[1]);
	f->data = NULL;
	f->ram_buf[0] = f->ram_buf[1] = NULL;
	f->ram_cap[0] = f->ram_cap[1] = 0;
	f->size = f->pos = 0;
	f->count = f->ntests = 0;
}
