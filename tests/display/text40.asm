; tests/display/text40.asm — 40x25 text set through the registers as the
; BIOS's mode 1 would (there is no BIOS here): the sequencer halves the dot
; clock, the CRTC shows 40 characters a row with an offset of 20 words.
; Blinking is switched off in the attribute controller (mode control bit
; 3), so attribute bit 7 gives the bright backgrounds 8-15. The cursor has
; mode 3's shape (lines 13-14) in the last cell. Screenshot: text40.png.
%include "guest.inc"
COLS	equ	40
ROWS	equ	25

TEST "40 columns through the VGA registers"
	mov	dx, 0x3c4
	mov	ax, 0x0801		; clocking mode: 9 dots, dot clock / 2
	out	dx, ax
	mov	dx, 0x3d4
	mov	ax, 0x0e11		; vertical retrace end: unlock CRTC 0-7
	out	dx, ax
	mov	si, crtc40
	mov	cx, crtc40_len
.crtc:	mov	ax, [si]
	out	dx, ax
	add	si, 2
	loop	.crtc
	mov	ax, 0x8e11		; lock them again
	out	dx, ax
	mov	dx, 0x3da
	in	al, dx			; the attribute flip-flop to "index"
	mov	dx, 0x3c0
	mov	al, 0x30		; mode control, palette source on
	out	dx, al
	mov	al, 0x04		; line graphics on, blink off
	out	dx, al
	call	fill_text
	mov	ax, 25 * 40 - 1
	mov	bx, 0x0d0e
	call	set_cursor
	mov	dx, 0x3d4
	mov	al, 0x01
	out	dx, al
	inc	dx
	in	al, dx
	EXPECT	al, 0x27
PASS

; Mode 1's horizontal timing (IBM VGA technical reference), index in the
; low byte for OUT DX, AX.
crtc40:	dw	0x2d00, 0x2701, 0x2802, 0x9003, 0x2b04, 0xa005, 0x1413
crtc40_len equ ($ - crtc40) / 2

%include "text_screen.inc"
