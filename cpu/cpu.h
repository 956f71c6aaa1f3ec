/*
 * cpu/cpu.h — the processor as the rest of x86lab sees it: registers,
 * descriptor caches, the model's traits, and the run loop. It reaches memory
 * only through mem/mem.h and ports only through 'struct cpu_io'.
 * May be included by dev/machine.c, tools/ and tests; never by mem/.
 */
#ifndef X86LAB_CPU_H
#define X86LAB_CPU_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "mem.h"
#include "tlb.h"

/* General registers in ModRM encoding order. ORDER: reg field of ModRM. */
enum { REG_AX, REG_CX, REG_DX, REG_BX, REG_SP, REG_BP, REG_SI, REG_DI };
/* Segment registers in ModRM encoding order (MOV Sw). */
enum { SEG_ES, SEG_CS, SEG_SS, SEG_DS, SEG_FS, SEG_GS, SEG_COUNT };

enum {
	FLAG_CF = 1u << 0,
	FLAG_PF = 1u << 2,
	FLAG_AF = 1u << 4,
	FLAG_ZF = 1u << 6,
	FLAG_SF = 1u << 7,
	FLAG_TF = 1u << 8,
	FLAG_IF = 1u << 9,
	FLAG_DF = 1u << 10,
	FLAG_OF = 1u << 11,
	FLAG_IOPL = 3u << 12,
	FLAG_NT = 1u << 14,
	FLAG_RF = 1u << 16,
	FLAG_VM = 1u << 17,
	FLAG_AC = 1u << 18, /* 486 */
};

enum {
	CR0_PE = 1u << 0,
	CR0_MP = 1u << 1,
	CR0_EM = 1u << 2,
	CR0_TS = 1u << 3,
	CR0_ET = 1u << 4,
	CR0_WP = 1u << 16, /* 486 */
	CR0_AM = 1u << 18, /* 486 */
	CR0_PG = 1u << 31,
};

/* Exception vectors (SDM Vol. 3, 6.3.1). */
enum {
	EXC_DE = 0,
	EXC_DB = 1,
	EXC_NMI = 2,
	EXC_BP = 3,
	EXC_OF = 4,
	EXC_BR = 5,
	EXC_UD = 6,
	EXC_NM = 7,
	EXC_DF = 8,
	EXC_TS = 10,
	EXC_NP = 11,
	EXC_SS = 12,
	EXC_GP = 13,
	EXC_PF = 14,
	EXC_AC = 17, /* 486 */
};

enum cpu_model { CPU_8086, CPU_286, CPU_386, CPU_486, CPU_MODEL_COUNT };

/* Instruction-set levels, for the opcode table's 'isa' column. */
enum { ISA_86, ISA_186, ISA_286, ISA_386, ISA_486 };

/* What differs between the models, as data. Code that reads a field here is
 * where a model difference lives; grep for the field name to find them. */
struct cpu_traits {
	const char *name;     /* "8086", "286", "386", "486" */
	uint8_t isa;          /* highest ISA_* level this model decodes */
	uint8_t addr_bits;    /* physical address lines: 20, 24, 32 */
	uint8_t max_insn_len; /* longer instructions raise #GP(0); 0 = no limit */
	uint8_t shift_mask;   /* shift/rotate counts are ANDed with this */
	bool has_ud;          /* false: undefined opcodes run as documented aliases */
	bool push_sp_after;   /* PUSH SP stores SP after the decrement (8086) */
	bool de_after;        /* #DE pushes the next instruction's address (8086) */
	bool seg_wrap; /* a word at offset FFFF wraps inside the segment (8086); else a fault */
	bool string_late_fault; /* string accesses at offset FFFF wrap, update SI/DI, then #GP (286)
	                         */
	bool fault_restores_sp; /* a faulting instruction leaves SP as it found it (386) */
	uint8_t real_ss_fault;  /* the vector for a real-mode stack overrun: #GP on the 286, #SS
	                           later */
	bool bcd_8086; /* DAA/DAS compare with 9F after a half carry; AAA/AAS adjust AL, AH apart */
	bool sreg_2bit;       /* MOV to/from Sreg decodes only two bits of the reg field */
	bool esc_reads;       /* ESC with no coprocessor reads its memory operand (286) */
	bool rep_negates;     /* a REP prefix negates MUL/IMUL/IDIV results (8086 microcode) */
	bool idiv_min_faults; /* IDIV quotient of exactly -2^(n-1) raises #DE (8086) */
	bool shl6_setmo;      /* D0-D3 /6 are SETMO/SETMOC (8086), else SHL */
	bool shr_af;       /* the (undefined) AF that SHR and SAR leave: 0 on the 8086, 1 later */
	bool aad_of_carry; /* AAD leaves OF equal to CF (286) instead of the adder's overflow */
	bool mul_af;       /* the (undefined) AF that MUL and IMUL leave: 0 on the 8086, 1 later */
	bool has_32bit;    /* operand/address-size prefixes, 32-bit registers */
	bool debug_regs;   /* DR0-DR7, RF and the breakpoints they raise (386) */
	uint32_t flags_fixed1;  /* FLAGS bits that always read as one */
	uint32_t flags_real_rw; /* FLAGS bits POPF/IRET/SAHF-wide writes may change in real mode */
	uint32_t cr0_rw;        /* CR0 bits MOV CR0 may change (WP, AM, NE, CD, NW: 486) */
	uint32_t cpuid_signature; /* CPUID leaf 1 EAX: family, model, stepping (486) */
};

extern const struct cpu_traits cpu_traits_table[CPU_MODEL_COUNT];
/* The model named 'name' ("8086", "286", "386", "486"), or -1. */
int cpu_model_by_name(const char *name);

struct segcache {
	uint16_t sel;
	uint32_t base;
	uint32_t limit;
	/* Bits 8-23 of the descriptor's high dword, shifted down: the access
	 * byte in bits 0-7 (type, S, DPL, P) and AVL, D/B, G in bits 12, 14, 15
	 * (the layout LAR returns, shifted). Real mode: 0x93, writable data. */
	uint16_t attr;
	bool big; /* D/B bit: 32-bit default operand size (CS) or stack (SS) */
	/* SEGCHK_* bits: what an access must check beyond the limit. 0 for a
	 * real-mode segment, so that the common case costs one test. */
	uint8_t checks;
};

/* struct segcache.checks (protected mode; cpu/access.c applies them). */
enum {
	SEGCHK_NOREAD = 1,  /* execute-only code: data reads fault */
	SEGCHK_NOWRITE = 2, /* code or read-only data: writes fault */
	SEGCHK_DOWN = 4,    /* expand-down: valid offsets lie above the limit */
	SEGCHK_NULL = 8,    /* loaded with a null selector: every access faults */
};

struct dtr {
	uint32_t base;
	uint16_t limit;
};

/* How the CPU reaches the port space and the interrupt controller. */
struct cpu_io {
	uint32_t (*in)(void *ctx, uint16_t port, int size);
	void (*out)(void *ctx, uint16_t port, uint32_t val, int size);
	int (*inta)(void *ctx); /* interrupt acknowledge: the vector to take */
	void *ctx;
};

enum cpu_stop {
	CPU_STOP_BUDGET,      /* ran the instructions it was given */
	CPU_STOP_HALT,        /* HLT and nothing to wake it in this slice */
	CPU_STOP_SHUTDOWN,    /* triple fault */
	CPU_STOP_REQUEST,     /* a device or front end asked (cpu_request_stop) */
	CPU_STOP_UNSUPPORTED, /* the guest needs what is not emulated yet: see 'unsupported' */
	CPU_STOP_DEBUG,       /* a breakpoint, watchpoint or catch: see debug->event */
};

struct cpu {
	uint32_t reg[8];
	uint32_t eip;
	uint32_t eflags; /* read and written through cpu/flags.h only */
	struct segcache seg[SEG_COUNT];
	uint32_t cr0, cr2, cr3;
	uint32_t dr[8];   /* DR0-3 addresses, DR6 status, DR7 control; MOV maps DR4/5 to DR6/7 */
	uint8_t dr_armed; /* what DR7 enables: DR_ARMED_* (cpu/debugreg.h), 0 for nothing */
	uint8_t dr_hits;  /* DR6 B0-B3 of the data breakpoints the current instruction hit */
	struct dtr gdtr, idtr;
	/* LDTR and TR: the selector and the cached descriptor, like a segment
	 * register. attr 0 with a null selector: not loaded. */
	struct segcache ldtr, tr;

	enum cpu_model model;
	const struct cpu_traits *traits;
	struct mem *mem;
	struct cpu_io io;

	bool halted;
	bool intr_line; /* the INTR pin, driven by the interrupt controller */
	bool stop_requested;
	const char *unsupported; /* why the CPU stopped with CPU_STOP_UNSUPPORTED */
	bool inhibit_intr;       /* the one-instruction shadow after MOV SS, POP SS, STI */
	bool overrun_read;       /* a 286 string read wrapped at FFFF: #GP once SI/DI moved */
	bool overrun_write;      /* a 286 string write wrapped at FFFF: #GP at the next step */
	bool rep_count_due;      /* a 286 REP iteration has yet to count CX down (op_string.c) */
	uint64_t insns;          /* instructions retired */
	uint64_t budget;         /* instructions cpu_run may still start */

	/* Per-instruction state for the fault path. */
	uint32_t insn_eip; /* offset of the current instruction's first byte */
	uint32_t next_eip; /* offset after it, once decoded */
	uint32_t insn_esp; /* ESP before it: a fault restores it */
	int fault_vector;  /* exception being delivered, or -1 */
	uint32_t fault_error;
	bool fault_has_error;
	int delivering; /* vector + 1 of the exception being delivered, or 0 */
	/* A fault (not #DB) is being delivered: the EFLAGS image the handler
	 * gets has RF set, so that the restarted instruction is not stopped by
	 * an instruction breakpoint again (SDM Vol. 3, 17.3.1.1). */
	bool fault_rf;
	/* The EXT bit of selector error codes: set while delivering an event
	 * that the program did not ask for (an exception or an external
	 * interrupt), SDM Vol. 3, 6.13. */
	uint8_t err_ext;
	/* The exceptions of a double or triple fault, first one first, for the
	 * shutdown message (cpu_triple_fault_text). */
	struct fault_record {
		int8_t vector;
		bool has_error;
		uint32_t error;
	} fault_chain[3];
	int fault_chain_len;
	/* What a protected-mode interrupt or gate call changes before its last
	 * push (stack switch, virtual-8086 segments, flags): a fault on the way
	 * puts it back, so the event can be delivered again (cpu/prot.h). */
	struct cpu_undo {
		bool valid;
		uint32_t esp, eflags;
		struct segcache seg[SEG_COUNT];
	} undo;
	bool shutdown;
	jmp_buf fault_jmp;

	struct icache *icache;   /* decoded instructions (cpu/icache.c); NULL: decode every time */
	struct cpu_debug *debug; /* a debugger's breakpoints and hooks (cpu/debug.h), or NULL */
	/* Cached translations while CR0.PG is set (cpu/paging.c); last, so that
	 * its 3 KiB do not push the fields above apart. */
	struct tlb tlb;
};

/* cpu_init allocates the decoded-instruction cache (the CPU works without
 * it if memory is short); cpu_free releases it. */
void cpu_init(struct cpu *c, enum cpu_model model, struct mem *mem, const struct cpu_io *io);
void cpu_free(struct cpu *c);
/* Power-on state: CS:IP = F000:FFF0 with CS base FFFF0000 on the 286/386. */
void cpu_reset(struct cpu *c);
/* Run at most 'budget' instructions (a REP string instruction counts once,
 * or once per 65536 iterations of a 32-bit count). */
enum cpu_stop cpu_run(struct cpu *c, uint64_t budget);
void cpu_set_intr(struct cpu *c, bool level);
/* Ask cpu_run to return at the next instruction boundary. */
void cpu_request_stop(struct cpu *c);

/* The FLAGS bits that the instruction at CS:IP leaves architecturally
 * undefined (SDM and the 8086/286 manuals), given the current registers:
 * a shift by 0 leaves nothing undefined, by 1 only AF. Reads memory without
 * side effects; an undecodable instruction gives 0. For the monitor's
 * explanations and the conformance harness. */
uint32_t cpu_undefined_flags(struct cpu *c);

/* The current privilege level: 0 in real mode, 3 in virtual-8086 mode,
 * otherwise the RPL of CS (which the CPU keeps equal to the CPL). */
static inline int cpu_cpl(const struct cpu *c)
{
	if (!(c->cr0 & CR0_PE))
		return 0;
	return (c->eflags & FLAG_VM) ? 3 : c->seg[SEG_CS].sel & 3;
}

/* "#GP(0x0010) while delivering #DF while delivering #NP": the faults that
 * shut the CPU down, last one first. */
void cpu_triple_fault_text(const struct cpu *c, char *buf, int n);

/* Register views for front ends and tests. */
uint32_t cpu_flags(const struct cpu *c);
void cpu_set_flags(struct cpu *c, uint32_t value);
/* Real-mode segment load: selector and base = sel * 16, limit 0xFFFF. */
void cpu_load_real_seg(struct cpu *c, int seg, uint16_t sel);

#endif
