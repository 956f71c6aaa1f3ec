; tests/display/text80_blink.asm — the screen of text80.asm, then 20
; vertical retraces: the VGA's character blink (every 32 frames, 16 on and
; 16 off) is in its "off" half, so characters with attribute bit 7 show as
; their background, while the cursor (every 16 frames, 8 on, 8 off) is
; on again. Screenshot: text80_blink.png.
%include "guest.inc"
COLS	equ	80
ROWS	equ	25

TEST "fill the 80-column screen and wait 20 frames"
	call	fill_text
	mov	ax, 5 * 80 + 10
	mov	bx, 0x0609
	call	set_cursor
	mov	cx, 20
	call	wait_retraces
PASS

%include "text_screen.inc"
