/* SingleStepTests side files: metadata.json (undefined-flag masks and opcode status), the
 * revocation list and test file names. The JSON parser they use is in json.h. */
#ifndef X86LAB_SST_METADATA_H
#define X86LAB_SST_METADATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "json.h"

/* ---- metadata.json ---- */

#define SST_MD_SLOTS 512 /* opcodes 0x00-0xFF, then 0x0F00-0x0FFF */

struct sst_md_entry {
	bool present;
	bool has_reg;        /* opcode level: a "reg" object gives per-ModRM-reg entries */
	uint16_t flags_mask; /* 0xFFFF when the entry has no "flags-mask" */
	const char *status;  /* points into the metadata's JSON tree; NULL if absent */
};

struct sst_metadata {
	char cpu[16];             /* the "cpu" field ("8086", "286"), "" if absent */
	struct sst_md_entry *op;  /* [SST_MD_SLOTS] opcode-level entries */
	struct sst_md_entry *reg; /* [SST_MD_SLOTS * 8] entries of "reg" objects */
	struct sst_json doc;      /* owns the status strings */
};

/* 0, or -1 with a message naming the file and line. */
int sst_metadata_load(struct sst_metadata *md, const char *path, char *err, size_t errlen);
void sst_metadata_free(struct sst_metadata *md);
/* The flags-mask for opcode 'op' (0x00-0xFF, or 0x0F00|xx) and ModRM reg 'reg' (0-7; -1 for
   non-group opcodes). Falls back to the opcode-level entry when there is no reg object. 0xFFFF
   when the entry has no flags-mask or does not exist. */
uint16_t sst_metadata_flags_mask(const struct sst_metadata *md, unsigned op, int reg);
/* "normal", "alias", "undocumented", "undefined", "prefix", "fpu", "extension", ... or NULL when
   the entry does not exist or has no status. Same lookup rules as sst_metadata_flags_mask. */
const char *sst_metadata_status(const struct sst_metadata *md, unsigned op, int reg);

/* ---- revocation_list.txt ---- */

struct sst_revocations {
	uint8_t (*hashes)[20]; /* sorted, for bsearch */
	size_t count;
};

/* 40-hex-digit hashes, '#' comments, blank lines; bad lines are an error naming file:line. */
int sst_revocations_load(struct sst_revocations *r, const char *path, char *err, size_t errlen);
bool sst_revoked(const struct sst_revocations *r, const uint8_t hash[20]);
void sst_revocations_free(struct sst_revocations *r);

/* ---- file names ---- */

/* Parse a test file name like "F6.7.MOO.gz", "27.MOO", "0F01.2.MOO.gz" (directory part allowed)
   into opcode and reg (-1 if none). Returns 0 or -1; the outputs are only written on success. */
int sst_parse_filename(const char *path, unsigned *op, int *reg);

#endif
