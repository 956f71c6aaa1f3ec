/*
 * tools/monitor/expr.h — the monitor's expressions (numbers, registers,
 * flags, symbols, C operators, memory reads) and addresses (SEG:OFF, l:, p:).
 */
#ifndef X86LAB_MON_EXPR_H
#define X86LAB_MON_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu.h"

/* Longest expression or address accepted (characters). */
#define EXPR_MAX_LEN 512
/* Deepest nesting of parentheses, unary operators and memory reads. */
#define EXPR_MAX_DEPTH 64

struct symtab;

/* What names in an expression refer to. 'cpu' may be NULL (then registers,
 * flags, memory and segment addresses are errors); 'syms' may be NULL. */
struct expr_env {
	struct cpu *cpu;
	const struct symtab *syms;
};

/* Evaluate an expression:
 *  - numbers: 31, 0x1f, 1fh, 0b11111 (decimal unless 0x, 0b or an h suffix);
 *  - registers al..bh, ax..di, eax..edi, cs ds es ss fs gs, ip, eip, flags,
 *    eflags, and the flags cf pf af zf sf tf if df of (0 or 1), any case;
 *  - symbols (case-sensitive; their value is their linear address);
 *  - byte[ADDR], word[ADDR], dword[ADDR]: memory at an address written as
 *    for expr_address with DS as the default segment, read with mem_peek;
 *  - + - * / % & | ^ ~ << >> == != < <= > >= && || ! and parentheses, with
 *    C precedence and 64-bit two's complement arithmetic; && and || do not
 *    evaluate their right side when the left decides.
 * Returns 0, or -1 with a one-line message in 'err' naming the problem and
 * its column (1-based), e.g. "unknown register or symbol 'foo' at column 5". */
int expr_eval(const struct expr_env *env, const char *text, int64_t *value, char *err,
              size_t errlen);

enum mon_addr_kind { ADDR_SEGOFF, ADDR_LINEAR, ADDR_PHYS };

struct mon_addr {
	enum mon_addr_kind kind;
	/* SEGOFF: as written. LINEAR: a real-mode view of the same byte, in the
	 * default segment when it reaches it (else lin>>4 : lin&15); PHYS: 0:0. */
	uint16_t seg;
	uint32_t off;
	uint32_t lin;  /* PHYS: equal to 'phys' (there is no way back from physical) */
	uint32_t phys; /* valid when phys_valid */
	bool phys_valid;
};

/* Parse an address:
 *  - SEG:OFF, each side an expression whose plain numbers are HEX, as
 *    debuggers write them: 1000:0100, b800:0, cs:ip, ds:si+2, es:di. A
 *    segment register on the left uses its cached base (cpu_linear); a number
 *    is a real-mode paragraph (SEG*16 + OFF) and needs real mode;
 *  - l:EXPR, a linear address; p:EXPR, a physical address;
 *  - an expression alone: an offset in segment 'defseg' (SEG_*), or, when it
 *    uses a symbol (start, start+4), a linear address.
 * Expressions other than SEG:OFF sides follow expr_eval (decimal unless 0x or
 * h). Fills 'lin' and, through cpu_linear_to_phys, 'phys'. Returns 0 or -1
 * with a message as expr_eval. */
int expr_address(const struct expr_env *env, const char *text, int defseg, struct mon_addr *out,
                 char *err, size_t errlen);

#endif
