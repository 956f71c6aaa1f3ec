/*
 * cpu/ops.h — the instruction handlers the opcode table points at, one family
 * per op_*.c file, and the sub-operation codes the table passes them.
 * Internal to cpu/.
 */
#ifndef X86LAB_OPS_H
#define X86LAB_OPS_H

#include "insn.h"

/* ALU operations. ORDER: ModRM.reg of group 1 (SDM Table A-6), then TEST. */
enum { ALU_ADD, ALU_OR, ALU_ADC, ALU_SBB, ALU_AND, ALU_SUB, ALU_XOR, ALU_CMP, ALU_TEST };
/* Shifts and rotates. ORDER: ModRM.reg of group 2. */
enum { SH_ROL, SH_ROR, SH_RCL, SH_RCR, SH_SHL, SH_SHR, SH_SAL6, SH_SAR };
/* Flag instructions (op_flagop). */
enum { FL_CMC, FL_CLC, FL_STC, FL_CLI, FL_STI, FL_CLD, FL_STD };
/* LOOP family (op_loop). ORDER: E0-E3. */
enum { LP_LOOPNE, LP_LOOPE, LP_LOOP, LP_JCXZ };
/* Bit tests (op_bt). ORDER: ModRM.reg 4-7 of group 8. */
enum { BT_BT, BT_BTS, BT_BTR, BT_BTC };
/* Descriptor-table instructions (op_lgdt family). */
enum { DT_GDT, DT_IDT };

/* op_arith.c */
exec_fn op_alu, op_incdec, op_not, op_neg;
/* op_muldiv.c */
exec_fn op_mul, op_imul, op_imul_rm, op_div, op_idiv;
/* op_bcd.c */
exec_fn op_daa, op_das, op_aaa, op_aas, op_aam, op_aad;
/* op_move.c */
exec_fn op_mov, op_mov_sreg, op_lea, op_lseg, op_xchg, op_xlat, op_movzx, op_movsx, op_cbw, op_cwd,
        op_lahf, op_sahf, op_salc, op_flagop, op_setcc, op_nop;
/* op_stack.c */
exec_fn op_push, op_pop, op_pusha, op_popa, op_pushf, op_popf, op_enter, op_leave;
/* op_ctrl.c */
exec_fn op_jcc, op_jmp, op_jmp_far, op_call, op_call_far, op_ret, op_retf, op_loop, op_int, op_int3,
        op_int1, op_into, op_iret, op_bound, op_hlt, op_wait, op_esc, op_undefined;
/* op_string.c */
exec_fn op_movs, op_cmps, op_stos, op_lods, op_scas, op_ins, op_outs;
/* op_shift.c */
exec_fn op_shift, op_shld, op_shrd;
/* op_bit.c */
exec_fn op_bt, op_bsf, op_bsr;
/* op_io.c */
exec_fn op_in, op_out;
/* Port access for IN/OUT/INS/OUTS: where I/O permission checks belong. */
uint32_t port_in(struct cpu *c, uint16_t port, int size);
void port_out(struct cpu *c, uint16_t port, uint32_t val, int size);

/* op_sys.c */
exec_fn op_lgdt, op_sgdt, op_smsw, op_lmsw, op_clts, op_mov_cr, op_mov_dr, op_invlpg, op_cpuid;
/* op_exchange.c */
exec_fn op_xadd, op_cmpxchg, op_bswap;
/* op_prot.c */
exec_fn op_sldt, op_str, op_lldt, op_ltr, op_verr, op_verw, op_lar, op_lsl, op_arpl;

#endif
