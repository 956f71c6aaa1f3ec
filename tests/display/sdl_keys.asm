; tests/display/sdl_keys.asm — the keys test_sdl_input.c presses in an SDL
; window, as the guest reads them from the 8042 on IRQ1 (set 1, translated
; from the keyboard's set 2). The expected bytes are those of Microsoft's
; "Keyboard Scan Code Specification" (set 1 column), including the
; sequences of the extended keys, Print Screen and Pause.
%include "guest.inc"
%include "irq.inc"

	cli
	SET_VECTOR 9, irq1		; INT 09h: IRQ1 after the remap
	PIC_MASTER 0xfd			; only IRQ1

TEST "every byte of the pressed keys arrives"
	sti
.wait:	hlt
	cmp	byte [count], want_len
	jb	.wait
	cli
	EXPECT	byte [count], want_len

TEST "the bytes are the documented set 1 codes, in order"
	xor	bx, bx
.cmp:	mov	al, [codes + bx]
	mov	ah, [want + bx]
	EXPECT	al, ah
	inc	bx
	cmp	bx, want_len
	jb	.cmp

TEST "nothing more comes (SDL's key repeat was ignored)"
	mov	cx, 4			; four frames, about 57 ms
	mov	dx, 0x3da
.frame:	in	al, dx
	test	al, 8
	jnz	.frame
.retr:	in	al, dx
	test	al, 8
	jz	.retr
	loop	.frame
	EXPECT	byte [count], want_len
PASS

want:	db	0x1e, 0x9e			; A, held across an SDL repeat event
	db	0xe0, 0x48, 0xe0, 0xc8		; Up
	db	0xe0, 0x1d, 0xe0, 0x9d		; right Ctrl
	db	0xe0, 0x35, 0xe0, 0xb5		; keypad /
	db	0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5	; Pause (no break of its own)
	db	0xe0, 0x2a, 0xe0, 0x37		; Print Screen down
	db	0xe0, 0xb7, 0xe0, 0xaa		; Print Screen up
	db	0x2a, 0x02, 0x82, 0xaa		; Shift + 1
	db	0x41, 0xc1			; F7
want_len equ $ - want

irq1:	push	ax
	push	bx
	in	al, 0x60
	mov	bl, [cs:count]
	xor	bh, bh
	cmp	bl, 64
	jae	.full
	mov	[cs:codes+bx], al
	inc	byte [cs:count]
.full:	mov	al, 0x20		; non-specific EOI
	out	0x20, al
	pop	bx
	pop	ax
	iret

count:	db	0
codes:	times 64 db 0
