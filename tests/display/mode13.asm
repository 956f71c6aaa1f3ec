; tests/display/mode13.asm — 320x200 in 256 colours set through the
; registers (the values of BIOS mode 13h in IBM's VGA technical reference;
; there is no BIOS here), a DAC palette of its own, and pixel (x, y) in
; colour (x + 2y) mod 256. Screenshot: mode13.png; render_expected.py
; recomputes the palette and the pixels.
%include "guest.inc"

TEST "mode 13h through the VGA registers"
	mov	dx, 0x3c2
	mov	al, 0x63
	out	dx, al
	mov	dx, 0x3c4
	mov	si, seq13
	mov	cx, 5
	call	out_indexed
	mov	dx, 0x3d4
	mov	ax, 0x0e11		; unlock CRTC 0-7
	out	dx, ax
	mov	si, crtc13
	mov	cx, 25
	call	out_indexed
	mov	dx, 0x3ce
	mov	si, gc13
	mov	cx, 9
	call	out_indexed
	mov	dx, 0x3da
	in	al, dx			; the attribute flip-flop to "index"
	mov	dx, 0x3c0
	xor	bx, bx
.attr:	mov	al, bl
	out	dx, al
	mov	al, [attr13 + bx]
	out	dx, al
	inc	bx
	cmp	bx, 21
	jb	.attr
	mov	al, 0x20		; palette source on: the screen shows
	out	dx, al

TEST "the DAC: entry i = (i / 4, 5i mod 64, 63 - i / 4)"
	mov	dx, 0x3c8
	xor	al, al
	out	dx, al
	inc	dx
	xor	bx, bx
.dac:	mov	al, bl
	shr	al, 1
	shr	al, 1
	out	dx, al			; red
	mov	al, bl
	mov	ah, 5
	mul	ah
	and	al, 63
	out	dx, al			; green
	mov	al, bl
	shr	al, 1
	shr	al, 1
	neg	al
	add	al, 63
	out	dx, al			; blue
	inc	bx
	cmp	bx, 256
	jb	.dac

TEST "pixels: colour (x + 2y) mod 256"
	mov	ax, 0xa000
	mov	es, ax
	xor	di, di
	xor	dx, dx			; y
.row:	mov	al, dl
	add	al, dl			; 2y
	mov	cx, 320
.pixel:	stosb
	inc	al
	loop	.pixel
	inc	dx
	cmp	dx, 200
	jb	.row
	mov	al, [es:321]		; (1, 1)
	EXPECT	al, 3
PASS

; out_indexed: CX registers from index 0, values at SI, through the
; index/data pair at DX.
out_indexed:
	xor	bl, bl
.next:	mov	al, bl
	mov	ah, [si]
	out	dx, ax
	inc	si
	inc	bl
	loop	.next
	ret

seq13:	db	0x03, 0x01, 0x0f, 0x00, 0x0e
crtc13:	db	0x5f, 0x4f, 0x50, 0x82, 0x54, 0x80, 0xbf, 0x1f, 0x00, 0x41, 0x00, 0x00, 0x00
	db	0x00, 0x00, 0x00, 0x9c, 0x0e, 0x8f, 0x28, 0x40, 0x96, 0xb9, 0xa3, 0xff
gc13:	db	0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x05, 0x0f, 0xff
attr13:	db	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a
	db	0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x41, 0x00, 0x0f, 0x00, 0x00
