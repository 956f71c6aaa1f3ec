/*
 * tools/sst/harness.h — runs one SingleStepTests test on a bare CPU and
 * memory (no devices: every port reads as all ones) and compares the result
 * with the state captured from the chip. See ../shared/sst/README.md.
 */
#ifndef X86LAB_SST_HARNESS_H
#define X86LAB_SST_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bus.h"
#include "cpu.h"
#include "mem.h"
#include "moo.h"

struct sst_rig {
	struct mem mem;
	struct bus bus;
	struct cpu cpu;
	enum cpu_model model;
};

enum sst_verdict { SST_PASS, SST_FAIL };

/* How undefined flags are masked. */
enum sst_masking {
	SST_MASK_SUITE, /* 8086: metadata.json; 286: the architecturally undefined flags */
	SST_MASK_NONE,  /* compare every flag bit (to measure how exactly the chip is matched) */
};

int sst_rig_init(struct sst_rig *r, enum cpu_model model);
void sst_rig_free(struct sst_rig *r);

/* Run 't'. 'metadata_mask' is the file's flags-mask from metadata.json
 * (0xFFFF without one). On failure a readable report goes to 'report'. */
enum sst_verdict sst_run(struct sst_rig *r, const struct moo_test *t, uint16_t metadata_mask,
                         enum sst_masking masking, char *report, size_t len);

#endif
