/* A small JSON (RFC 8259) parser for the SingleStepTests side files: a read-only tree in an
 * arena, bounded depth, and errors that name the file and line. No external library. */
#ifndef X86LAB_SST_JSON_H
#define X86LAB_SST_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- JSON (RFC 8259), parsed into a read-only tree ---- */

#define SST_JSON_MAX_DEPTH 64 /* deeper nesting is rejected instead of exhausting the stack */

enum sst_json_type {
	SST_JSON_NULL,
	SST_JSON_FALSE,
	SST_JSON_TRUE,
	SST_JSON_NUMBER,
	SST_JSON_STRING,
	SST_JSON_ARRAY,
	SST_JSON_OBJECT
};

struct sst_json_value {
	enum sst_json_type type;
	unsigned line; /* 1-based line where the value starts */
	const char
	        *key; /* member name when inside an object (decoded, NUL-terminated), else NULL */
	const char *str; /* SST_JSON_STRING: decoded UTF-8, NUL-terminated (may hold \u0000) */
	size_t str_len;
	double number;                      /* SST_JSON_NUMBER */
	const struct sst_json_value *first; /* arrays and objects: first element or member */
	const struct sst_json_value *next;  /* next element or member of the parent */
	size_t count;                       /* arrays and objects: number of children */
};

struct sst_json {
	const struct sst_json_value *root;
	struct sst_json_block *blocks; /* private: the memory holding every value and string */
};

/* 0, or -1 with "name:line: what is wrong" in err. On -1 nothing needs freeing. */
int sst_json_parse(struct sst_json *doc, const char *name, const char *text, size_t len, char *err,
                   size_t errlen);
int sst_json_load(struct sst_json *doc, const char *path, char *err, size_t errlen);
void sst_json_free(struct sst_json *doc);
/* The first member named 'key', or NULL (also when obj is NULL or not an object). */
const struct sst_json_value *sst_json_get(const struct sst_json_value *obj, const char *key);
/* True when v is a number holding an integer in [min, max]; stores it in *out. */
bool sst_json_int(const struct sst_json_value *v, long long min, long long max, long long *out);

/* Shared with metadata.c: a one-line error in 'err', and a whole text file read into a
 * NUL-terminated malloc'd buffer (0, or -1 with a message naming the file). */
void sst_set_err(char *err, size_t errlen, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
int sst_read_text_file(const char *path, char **buf, size_t *len, char *err, size_t errlen);
/* 'n' hex digits at 's' into '*out' (false if any is not one). */
bool sst_parse_hex(const char *s, size_t n, unsigned long *out);

#endif
