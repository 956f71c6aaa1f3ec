; tests/guest/halt_masked.asm — HLT with interrupts enabled while the timer
; runs but its IRQ is masked: nothing will ever wake the CPU, yet guest time
; goes on. The instruction limit must still end the run (status 124), and
; quickly, as time spent halted counts against it.
	cpu	8086
	bits	16
	org	0x100

	mov	al, 0x34		; PIT channel 0, mode 2: a timer that keeps running
	out	0x43, al
	mov	al, 0xa9
	out	0x40, al
	mov	al, 0x04
	out	0x40, al
	mov	al, 0xff		; every IRQ masked (the PIC is not even initialised)
	out	0x21, al
	sti
	hlt
	mov	al, 1			; never reached
	out	0xf4, al
