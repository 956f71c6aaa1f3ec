; tests/display/term_spin.asm — "Hello" in light grey on blue at the top
; left of the text screen, then a loop that never ends: the guest for
; term_restore.py, which stops x86lab with signals.
	bits	16
	org	0x100

	mov	ax, 0xb800
	mov	es, ax
	xor	di, di
	mov	si, text
	mov	ah, 0x17
.put:	lodsb
	test	al, al
	jz	.spin
	stosw
	jmp	.put
.spin:	jmp	.spin

text:	db	"Hello", 0
