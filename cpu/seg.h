/*
 * cpu/seg.h — segment register loads. Real mode and virtual-8086 mode load
 * base = selector * 16; protected-mode descriptor checks will live here too.
 * Internal to cpu/.
 */
#ifndef X86LAB_SEG_H
#define X86LAB_SEG_H

#include <stdint.h>

#include "cpu.h"

/* Load segment register 'seg' as MOV/POP/LxS do, with the mode's checks.
 * Loading SS holds off interrupts for one instruction. */
void seg_load(struct cpu *c, int seg, uint16_t sel);

#endif
