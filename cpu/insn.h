/*
 * cpu/insn.h — the opcode table's row type and the decoded instruction. One
 * table (optab.c) drives the decoder, the executor, the disassembler and the
 * monitor; this header is what they share. Internal to cpu/ and its tests.
 */
#ifndef X86LAB_INSN_H
#define X86LAB_INSN_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

/* Operand kinds, spelled as in the SDM opcode map (Vol. 2, App. A): the
 * letter says where the operand comes from, the suffix its size (b byte,
 * w word, d dword, v 16/32 by operand size, z 16/32 immediate). */
enum opnd {
	NONE,
	Eb,
	Ew,
	Ev,
	Gb,
	Gw,
	Gv,
	Sw,
	M,
	Mp,
	Ma,
	Ms,
	Cd,
	Dd,
	Rd, /* ModRM-coded */
	Ib,
	sIb,
	Iw,
	Iz,
	Iv,
	Ix,
	Jb,
	Jz,
	Ap,
	Ob,
	Ov, /* in the stream; Ix: like operand 0 */
	AL,
	CL,
	DX,
	eAX,
	ONE,
	Zb,
	Zv, /* implicit; Z: register in opcode bits 0-2 */
	rES,
	rCS,
	rSS,
	rDS,
	rFS,
	rGS, /* segment registers by name */
	Xb,
	Xv,
	Yb,
	Yv, /* strings: DS:eSI source, ES:eDI destination */
	OPND_COUNT
};

struct cpu;
struct insn;
typedef void exec_fn(struct cpu *c, const struct insn *in);

/* Attribute bits of a table row. */
enum {
	MODRM = 1u << 0,   /* a ModRM byte follows the opcode */
	MEMONLY = 1u << 1, /* ModRM must address memory (#UD otherwise) */
	NOWB = 1u << 2,    /* the first operand is only read (CMP, TEST) */
	LOCKOK = 1u << 3,  /* LOCK is allowed with a memory destination */
	STRING = 1u << 4,  /* REP applies: exec.c runs the loop */
	REPZ = 1u << 5,    /* REPE/REPNE also test ZF (CMPS, SCAS) */
	PREFIX = 1u << 6,  /* a prefix byte; 'sub' says which */
	PROT = 1u << 7,    /* #UD in real mode */
	JUMP = 1u << 8,    /* changes the flow: ends a decoded block */
	PRIV = 1u << 9,    /* CPL 0 only in protected mode */
};

/* Prefix kinds, in a PREFIX row's 'sub'. */
enum {
	PFX_SEG_ES,
	PFX_SEG_CS,
	PFX_SEG_SS,
	PFX_SEG_DS,
	PFX_SEG_FS,
	PFX_SEG_GS,
	PFX_OSIZE,
	PFX_ASIZE,
	PFX_LOCK,
	PFX_REPNE,
	PFX_REP
};

#define ARITH_FLAGS (FLAG_OF | FLAG_SF | FLAG_ZF | FLAG_AF | FLAG_PF | FLAG_CF)

struct opdesc {
	const char *name; /* NASM mnemonic; NULL = no instruction here */
	exec_fn *exec;
	uint8_t opnd[3]; /* enum opnd; destination first */
	uint8_t sub;     /* ALU operation, condition code, shift kind, prefix kind … */
	uint16_t attr;
	uint8_t isa;                /* first ISA_* level that has this row */
	uint16_t flags;             /* FLAGS bits written */
	uint16_t undef;             /* of those, architecturally undefined */
	const struct opdesc *group; /* non-NULL: refine by ModRM.reg (8 rows) */
	const struct opdesc *alias; /* on a CPU without #UD (8086): run this row instead */
	const char *what;   /* one sentence for the monitor's explain: what the instruction does */
	const char *name32; /* mnemonic with a 32-bit operand size (CWDE, MOVSD …): NASM spells
	                     * these by size; others take a w/d suffix only when the size
	                     * is not the mode's default (PUSHAD in 16-bit code) */
};

/* The one-byte map at 0x000-0x0FF, the 0F map at 0x100-0x1FF. */
extern const struct opdesc optab[0x200];

struct insn {
	const struct opdesc *op; /* table row, group already resolved */
	uint32_t eip; /* offset of the first byte when decoded (a cached copy may run elsewhere) */
	uint16_t opcode; /* index into optab */
	uint8_t len;     /* total length in bytes */
	uint8_t osize;   /* operand size in bytes: 1, 2 or 4 */
	uint8_t asize;   /* address size in bytes: 2 or 4 */
	uint8_t seg;     /* effective segment: override, else default (SS for BP/SP bases) */
	bool seg_override;
	uint8_t rep; /* 0, PFX_REP (F3) or PFX_REPNE (F2) */
	bool lock;
	bool has_modrm;
	uint8_t opnd[3];      /* operand kinds, merged from the group's parent */
	uint8_t mod, reg, rm; /* ModRM fields; for Z operands 'reg' holds opcode bits 0-2 */
	int8_t base, index;   /* REG_* or -1; 16-bit forms normalised here too */
	uint8_t scale;        /* log2: 0..3 */
	uint32_t disp;        /* sign-extended */
	uint32_t imm;         /* first immediate, extended per operand kind */
	uint32_t imm2;        /* second immediate: ENTER level, far-pointer selector */
	/* Where the fields are, for explanations: prefixes, opcode, ModRM, SIB,
	 * displacement, immediates follow each other in this order. */
	uint8_t pfx_len, opcode_len, disp_len, imm_len, imm2_len;
	bool has_sib;
	uint8_t modrm, sib;
	bool osize_prefix, asize_prefix; /* 66h / 67h present (shown when they change nothing) */
	/* Each operand resolved once at decode time, so that execution need not
	 * interpret its kind again: where it is, its size, its register. */
	struct {
		uint8_t where; /* LOC_* */
		uint8_t size;
		uint8_t reg;
	} loc[3];
};

enum { LOC_OTHER, LOC_REG, LOC_MEM, LOC_MOFFS, LOC_SREG }; /* insn.loc[].where */

/* What the decoder needs to know of the machine. */
struct decode_env {
	const struct cpu_traits *traits;
	bool code32; /* CS.D: 32-bit default operand and address size */
	bool prot;   /* protected mode: PROT rows exist */
	uint8_t (*fetch)(void *ctx, uint32_t pos); /* byte 'pos' of the instruction */
	void *ctx;
};

enum decode_status { DECODE_OK, DECODE_UD, DECODE_TOO_LONG };

/* Decode one instruction. Pure: it touches nothing but 'in' and reads bytes
 * through env->fetch (which may raise a fault of its own). */
enum decode_status decode(const struct decode_env *env, struct insn *in);

/* Size in bytes of operand kind 'k' for an instruction of operand size 'osize'. */
int opnd_size(int k, int osize);
/* The row to run on this CPU, or NULL for #UD. */
const struct opdesc *optab_resolve(const struct opdesc *row, const struct cpu_traits *t, bool prot);

#endif
