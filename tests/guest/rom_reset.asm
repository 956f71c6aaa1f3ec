; tests/guest/rom_reset.asm — a 64 KiB ROM image for --bios: the CPU must
; start at the reset vector (F000:FFF0 on every model; FFFF:0000 on the 8086
; is the same physical address) and the image must also be readable at
; F000:0000-FFFF. The check: the far jump lands, CS is F000, the ROM's own
; signature reads back at F000:0000, and writes to the ROM are ignored.
	cpu	8086
	bits	16
	org	0

signature:
	db	"x86lab ROM test", 0

start:	mov	ax, cs
	cmp	ax, 0xf000
	jne	fail
	mov	ds, ax
	cmp	word [signature], "x8"	; the first bytes of the image at F000:0000
	jne	fail
	mov	byte [signature], 0	; ROM ignores writes
	cmp	byte [signature], "x"
	jne	fail
	xor	ax, ax
	mov	ss, ax
	mov	sp, 0x7c00
	mov	si, ok_msg
.print:	cs lodsb
	test	al, al
	jz	.done
	out	0xe9, al
	jmp	.print
.done:	xor	al, al
	out	0xf4, al
	cli
	hlt

fail:	mov	al, 1
	out	0xf4, al
	cli
	hlt

ok_msg:	db	"reset vector reached, ROM mapped at F0000", 10, 0

	times	0xfff0 - ($ - $$) db 0xff
reset:	jmp	0xf000:start		; F000:FFF0, the first instruction fetched
	times	0x10000 - ($ - $$) db 0xff
