; tests/display/text80.asm — 80x25 colour text as the VGA comes up (mode 3,
; no BIOS): the pattern of text_screen.inc, and the cursor at row 5,
; column 10 with the shape of scan lines 6-9. Ends at once, so the blink
; phase is "on": blinking characters still show. Screenshot: text80.png.
%include "guest.inc"
COLS	equ	80
ROWS	equ	25

TEST "fill the 80-column screen"
	call	fill_text
	mov	ax, 5 * 80 + 10
	mov	bx, 0x0609
	call	set_cursor
PASS

%include "text_screen.inc"
