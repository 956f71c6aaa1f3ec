/*
 * tools/sst/model_diff.h — which tests of a suite captured on one chip
 * another x86lab model is documented to run differently, decided from the
 * test's input alone, so that a model can be checked against the parts of
 * an older chip's suite it shares (the 386 on the 80286 real-mode suite).
 */
#ifndef X86LAB_SST_MODEL_DIFF_H
#define X86LAB_SST_MODEL_DIFF_H

#include "cpu.h"
#include "moo.h"

/* The kinds of difference, for counting. ORDER: sst_diff_names. */
enum sst_diff {
	SST_DIFF_NONE,
	SST_DIFF_LENGTH,       /* instruction longer than the suite chip's limit */
	SST_DIFF_STACK_FAULT,  /* a real-mode overrun in the stack segment */
	SST_DIFF_STRING_FAULT, /* the 286's late string overrun */
	SST_DIFF_FLAGS_12_14,  /* POPF/IRET of IOPL or NT in real mode */
	SST_DIFF_FS_GS,        /* MOV to/from FS, GS */
	SST_DIFF_ESC_OPERAND,  /* ESC with no coprocessor and an operand at FFFF */
	SST_DIFF_COUNT
};

/* One line per kind: what differs and where Intel documents it. */
extern const char *const sst_diff_names[SST_DIFF_COUNT];

/* How 'model' is documented to differ on test 't' of a suite captured on
 * 'suite_model', or SST_DIFF_NONE when it must match the chip exactly. */
enum sst_diff sst_model_difference(enum cpu_model suite_model, enum cpu_model model,
                                   const struct moo_test *t);

#endif
