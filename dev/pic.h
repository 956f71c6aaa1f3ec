/*
 * dev/pic.h — the two Intel 8259A interrupt controllers of a PC/AT: master at
 * 0x20-0x21, slave at 0xA0-0xA1 cascaded on master IR2, driving the CPU's INTR.
 */
#ifndef X86LAB_PIC_H
#define X86LAB_PIC_H

#include <stdbool.h>
#include <stdint.h>

#include "bus.h"
#include "irq.h"

/* One 8259A. 'level' is what the IR pins see now; 'edge' holds the rising
 * edges latched in edge-triggered mode (a request that drops before INTA is
 * lost, as the datasheet says for both triggering modes). */
struct pic_chip {
	uint8_t level, edge;
	uint8_t isr, imr;
	uint8_t vector_base; /* ICW2 & 0xF8 */
	uint8_t icw3;        /* master: slave inputs; slave: its id */
	uint8_t lowest;      /* IR with the lowest priority (7 until rotated) */
	uint8_t init_step;   /* 0 ready; 2, 3, 4: the ICW expected next */
	bool ltim;           /* ICW1 level-triggered mode */
	bool single;         /* ICW1 SNGL: no cascade */
	bool need_icw4;
	bool aeoi, sfnm;   /* ICW4 automatic EOI, special fully nested */
	bool rotate_aeoi;  /* OCW2 rotate in automatic EOI mode */
	bool special_mask; /* OCW3 special mask mode */
	bool read_isr;     /* OCW3: port 0 reads ISR instead of IRR */
	bool poll;         /* OCW3 poll: the next read is an acknowledge */
};

struct pic {
	struct pic_chip chip[2]; /* [0] master, [1] slave */
	void (*intr)(void *ctx, bool level);
	void *ctx;
	bool intr_level; /* last level passed to 'intr' */
};

/* Maps both chips on 'b'. Returns 0, or -1 if the ports are taken. Until the
 * guest programs them, both chips have every input masked. */
int pic_init(struct pic *p, struct bus *b, void (*intr)(void *ctx, bool level), void *ctx);
/* irq 0-15; level 1 = asserted. IRQ 2 is the cascade input driven by the
 * slave; as on the AT bus, a device asserting "IRQ 2" drives IRQ 9. */
void pic_set_irq(struct pic *p, int irq, int level);
/* An irq_line that calls pic_set_irq for 'irq'. */
struct irq_line pic_line(struct pic *p, int irq);
/* The INTA cycle: the vector, spurious IRQ 7 / IRQ 15 when nothing is there. */
int pic_inta(struct pic *p);
/* The cycle's two pulses, which pic_inta runs back to back (8259A data
 * sheet, "interrupt sequence"): the first freezes the master's choice and
 * puts it in service (returns its IR, or -1: spurious); the second makes the
 * chosen chip drive the vector. A slave request that vanishes between them
 * leaves the master's IR2 in service and gives the slave's IR7 vector:
 * spurious IRQ 15. Apart for tests that reproduce that race. */
int pic_inta_first(struct pic *p);
int pic_inta_second(struct pic *p, int master_ir);

#endif
