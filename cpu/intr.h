/*
 * cpu/intr.h — interrupt and exception delivery (IVT in real mode; the IDT
 * will join it for protected mode). Internal to cpu/.
 */
#ifndef X86LAB_INTR_H
#define X86LAB_INTR_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"
#include "debug.h"

/* Enter the handler of 'vector' with the current CS:EIP as return address.
 * 'source' says what raised it (for a debugger's catch). */
void intr_deliver(struct cpu *c, int vector, enum cpu_intr_source source, bool has_error,
                  uint32_t error);
/* Return from an interrupt handler (IRET) with operand size 'size'. */
void intr_return(struct cpu *c, int size);

#endif
