; tests/guest/bios_warm_boot.asm — Ctrl-Alt-Del (--keys "{ctrl-alt-delete}"):
; the keyboard interrupt sets the warm-boot flag 40:72h = 1234h and has the
; 8042 pulse the reset line (IBM PC/AT Technical Reference); POST runs
; again, keeps the flag, and boots this test a second time.
%include "guest.inc"

	TEST	"booted again after Ctrl-Alt-Del, with 40:72h = 1234h"
	push	ds
	mov	ax, 0x40
	mov	ds, ax
	mov	bx, 200			; the keys come soon; 11 s at most
.wait:	cmp	word [0x72], 0x1234
	je	.again
	sti
	hlt
	dec	bx
	jnz	.wait
.again:	EXPECT	word [0x72], 0x1234
	pop	ds
	PASS
