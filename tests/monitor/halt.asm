; tests/monitor/halt.asm — a guest that ends with HLT: interrupts off (the
; normal end of a bare-metal program, status 0), then, after 'set if 1' in a
; transcript, HLT with nothing to wake the CPU (status 123).
	cpu	8086
	bits	16
	org	0x100

start:	mov	ax, 1
	hlt
