; tests/guest/kbd_keys.asm — keys typed by the host reach the guest through
; IRQ1, as a PC BIOS's INT 09h handler takes them: run with --keys 'Hi\n'.
; The 8042 translates to scancode set 1 (the power-on command byte), so the
; handler sees Shift, H and I, and Enter as documented set 1 codes.
%include "guest.inc"
%include "irq.inc"

	cli
	SET_VECTOR 9, irq1		; INT 09h: IRQ1 after the remap
	PIC_MASTER 0xfd			; only IRQ1

TEST "the keys arrive one IRQ1 at a time, then Enter"
	sti
.wait:	hlt
	cmp	byte [count], 7
	jb	.wait
	cli
	EXPECT	byte [count], 7

TEST "Shift down, H, Shift up: set 1 codes 2A 23 A3 AA"
	EXPECT	word [codes], 0x232A
	EXPECT	word [codes+2], 0xAAA3

TEST "i then Enter: 17 97 1C"
	EXPECT	word [codes+4], 0x9717
	EXPECT	byte [codes+6], 0x1C
PASS

irq1:	push	ax
	push	bx
	in	al, 0x60
	mov	bl, [cs:count]
	xor	bh, bh
	cmp	bl, 16
	jae	.full
	mov	[cs:codes+bx], al
	inc	byte [cs:count]
.full:	mov	al, 0x20		; non-specific EOI
	out	0x20, al
	pop	bx
	pop	ax
	iret

count:	db	0
codes:	times 16 db 0
