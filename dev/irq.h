/*
 * dev/irq.h — an interrupt request line as a value: a device raises or
 * lowers it; the board decides where it goes (a PIC input).
 */
#ifndef X86LAB_IRQ_H
#define X86LAB_IRQ_H

struct irq_line {
	void (*set)(void *ctx, int line, int level);
	void *ctx;
	int line;
};

static inline void irq_set(const struct irq_line *l, int level)
{
	if (l->set)
		l->set(l->ctx, l->line, level);
}

#endif
