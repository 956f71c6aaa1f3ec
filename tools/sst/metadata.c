/* SingleStepTests side files: the metadata.json lookup (undefined-flag masks and opcode
 * status), the revocation list and test file names. */
#include "metadata.h"

#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

	if ((n != 2 && n != 4) || !sst_parse_hex(key, n, &v))
		return -1;
	return n == 4 && (v & 0xFF00) != 0x0F00 ? -1 : opcode_slot((unsigned)v);
}

static int md_error(const char *path, const struct sst_json_value *v, char *err, size_t errlen,
                    const char *what)
{
	sst_set_err(err, errlen, "%s:%u: %s", path, v->line, what);
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
		sst_set_err(err, errlen, "%s: out of memory", path);
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

		if (!sst_parse_hex(hash + 2 * i, 2, &byte))
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
	if (sst_read_text_file(path, &text, &len, err, errlen) < 0)
		return -1;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	r->hashes = malloc(lines * sizeof(*r->hashes));
	if (r->hashes == NULL) {
		sst_set_err(err, errlen, "%s: out of memory", path);
		free(text);
		return -1;
	}
	for (line = text; line < text + len; lineno++) {
		char *nl = memchr(line, '\n', (size_t)(text + len - line));

		if (nl != NULL)
			*nl = '\0';
		if (strlen(line) != (size_t)((nl ? nl : text + len) - line) ||
		    revocation_line(r, line, lines) < 0) {
			sst_set_err(err, errlen,
			            "%s:%u: expected a 40-hex-digit hash or a # comment", path,
			            lineno + 1);
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
	while (cli_hex_digit(base[n]) >= 0)
		n++;
	if ((n != 2 && n != 4) || !sst_parse_hex(base, n, &v) || (n == 4 && (v & 0xFF00) != 0x0F00))
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
