/* Reader for SingleStepTests MOO files (docs: /work/shared/sst/FORMAT.md): one test at a time,
 * with every chunk bounds-checked so that damaged files fail with a message instead of a crash. */
#ifndef X86LAB_SST_MOO_H
#define X86LAB_SST_MOO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Register indices in the bit order of the REGS mask (FORMAT.md 3.4). */
enum {
	MOO_AX,
	MOO_BX,
	MOO_CX,
	MOO_DX,
	MOO_CS,
	MOO_SS,
	MOO_DS,
	MOO_ES,
	MOO_SP,
	MOO_BP,
	MOO_SI,
	MOO_DI,
	MOO_IP,
	MOO_FLAGS,
	MOO_NREGS
};

struct moo_ram {
	uint32_t addr;
	uint8_t val;
};

struct moo_state {
	uint16_t regmask; /* which regs[] are given (bit i = regs[i]) */
	uint16_t regs[MOO_NREGS];
	struct moo_ram *ram; /* owned by the moo_file, valid until the next moo_next */
	uint32_t nram;
};

struct moo_test {
	uint32_t index;       /* position in the file, 0-based, counted by the reader */
	char name[128];       /* NAME chunk, NUL-terminated, truncated if longer */
	const uint8_t *bytes; /* BYTS: instruction bytes, valid until the next moo_next */
	uint32_t nbytes;
	struct moo_state init, final;
	bool has_excp;
	uint8_t excp_vector;
	uint32_t excp_flags_addr;
	bool has_hash;
	uint8_t hash[20];

	/* Extras, for diagnostics and for checking the reader itself. */
	uint32_t stored_index;  /* the TEST index field as stored (0 in official 8086 files) */
	size_t offset;          /* offset of the TEST chunk header in the decompressed data */
	const uint8_t *payload; /* TEST payload from the index field on; valid until moo_next */
	uint32_t payload_len;
	uint32_t hash_chunk_pos; /* offset of the HASH chunk header within payload (has_hash) */
};

struct moo_file {
	char path[4096];
	char cpu[5]; /* "8086", "C286", ... NUL-terminated, trailing spaces kept as in the file */
	uint8_t major, minor;
	uint32_t count; /* test count from the MOO header */

	/* Private. */
	uint8_t *data; /* the whole decompressed file */
	size_t size;
	size_t pos;      /* next top-level chunk */
	uint32_t ntests; /* TEST chunks returned so far */
	bool broken;     /* an earlier moo_next failed; the read position means nothing */
	struct moo_ram *ram_buf[2]; /* INIT and FINA RAM, grown on demand */
	uint32_t ram_cap[2];
};

/* Open and decompress 'path' (gzip or plain). Returns 0, or -1 with a one-line message in err
   naming the file and what is wrong (missing, unreadable, not a MOO file, truncated header...).
   After -1 the file needs no moo_close (calling it is harmless). */
int moo_open(struct moo_file *f, const char *path, char *err, size_t errlen);

/* Same from a buffer in memory (copied); 'name' is used in messages. For tests of corrupt input. */
int moo_open_buffer(struct moo_file *f, const char *name, const uint8_t *data, size_t size,
                    char *err, size_t errlen);

/* Next test: 1 = *t filled, 0 = no more tests, -1 = corrupt data: err names the file, the test
   number and the byte offset in the decompressed data. Data that ends before the header's test
   count is corrupt (a truncated file). After -1 every further call returns -1. */
int moo_next(struct moo_file *f, struct moo_test *t, char *err, size_t errlen);

void moo_close(struct moo_file *f);

#endif
