; tests/monitor/spin.asm — a guest that never ends by itself: for Ctrl-C and
; the --max-insns limit.
	cpu	8086
	bits	16
	org	0x100

start:	inc	ax
	jmp	start
