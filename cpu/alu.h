/*
 * cpu/alu.h — pure arithmetic: (operation, operands, size, incoming flags) to
 * (result, outgoing flags). No CPU state, so the tests can drive it from
 * tables. Internal to cpu/ and its tests.
 */
#ifndef X86LAB_ALU_H
#define X86LAB_ALU_H

#include <stdbool.h>
#include <stdint.h>

/* ADD OR ADC SBB AND SUB XOR CMP TEST (ALU_* in ops.h) on 'size' bytes.
 * 'flags_in' supplies CF for ADC/SBB; '*flags_out' receives all six
 * arithmetic flags (AF is cleared by the logical operations). */
uint32_t alu_arith(int op, uint32_t a, uint32_t b, int size, uint32_t flags_in,
                   uint32_t *flags_out);

struct cpu_traits;

/* ROL ROR RCL RCR SHL SHR SAL/SETMO SAR (SH_* in ops.h) by 'count' (not 0,
 * already masked as the model masks it). '*flags_written' says which flags
 * the operation changed: rotates change only OF and CF. The model decides
 * what /6 is (the 8086's SETMO sets the operand to all ones) and the
 * undefined AF. */
uint32_t alu_shift(const struct cpu_traits *t, int op, uint32_t a, unsigned count, int size,
                   uint32_t flags_in, uint32_t *flags_out, uint32_t *flags_written);

#endif
