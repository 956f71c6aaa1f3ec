; tests/guest/pit_tick.asm — a PIT-driven tick counter, as a PC BIOS sets it
; up: the PICs remapped (IRQ0-7 -> INT 08h-0Fh), PIT channel 0 in mode 2
; (rate generator), an IRQ0 handler that counts and sends EOI, and HLT to
; wait between ticks. Guest time is virtual, so the counts are exact.
%include "guest.inc"

TICKS	equ	20

	cli
	xor	ax, ax
	mov	es, ax
	mov	word [es:8*4], irq0		; INT 08h: IRQ0 after the remap
	mov	word [es:8*4+2], cs
	push	cs
	pop	es

	; The PIC pair as the PC/AT's BIOS programs it (8259A datasheet: ICW1-ICW4).
	mov	al, 0x11		; ICW1: edge triggered, cascade, ICW4 follows
	out	0x20, al
	out	0xa0, al
	mov	al, 0x08		; ICW2: master vectors 08h-0Fh
	out	0x21, al
	mov	al, 0x70		; slave vectors 70h-77h
	out	0xa1, al
	mov	al, 0x04		; ICW3: a slave on master IRQ2
	out	0x21, al
	mov	al, 0x02		; the slave's cascade identity
	out	0xa1, al
	mov	al, 0x01		; ICW4: 8086 mode, normal EOI
	out	0x21, al
	out	0xa1, al
	mov	al, 0xfe		; OCW1: only IRQ0 unmasked
	out	0x21, al
	mov	al, 0xff
	out	0xa1, al

TEST "PIC mask reads back"
	in	al, 0x21
	EXPECT	al, 0xfe

	; Channel 0, mode 2, LSB then MSB, binary: 1193 ticks of 1.193182 MHz = 1 ms.
	mov	al, 0x34
	out	0x43, al
	mov	ax, 1193
	out	0x40, al
	mov	al, ah
	out	0x40, al

TEST "IRQ0 counts while the CPU halts"
	sti
.wait:	hlt				; woken by each IRQ0
	cmp	word [ticks], TICKS
	jb	.wait
	cli
	EXPECT	word [ticks], TICKS

TEST "the latched count is below the reload value"
	mov	al, 0x00		; counter latch command, channel 0
	out	0x43, al
	in	al, 0x40
	mov	ah, al
	in	al, 0x40
	xchg	al, ah
	cmp	ax, 1193
	mov	ax, 0
	jb	.below
	mov	ax, 1
.below:	EXPECT	ax, 0
PASS

irq0:	push	ax
	inc	word [cs:ticks]
	mov	al, 0x20		; non-specific EOI
	out	0x20, al
	pop	ax
	iret

ticks:	dw	0
