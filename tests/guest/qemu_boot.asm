; tests/guest/qemu_boot.asm — a floppy boot sector that runs a guest test
; under QEMU (or any PC) as x86lab runs it: the 16 sectors after this one
; loaded at 1000:0100, DS=ES=SS=1000, SP=FFFE, then a far jump there. A read
; error exits with status 1 through port 0xF4. Used by qemu_run.sh.
	bits	16
	org	0x7c00
	cli
	xor	ax, ax
	mov	ds, ax
	mov	ss, ax
	mov	sp, 0x7c00
	mov	ax, 0x1000
	mov	es, ax
	mov	bx, 0x100
	mov	ax, 0x0210		; read 16 sectors (8 KiB)
	mov	cx, 0x0002		; cylinder 0, from sector 2
	xor	dh, dh			; head 0; DL is the boot drive
	int	0x13
	jc	fail
	mov	ax, 0x1000
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	mov	sp, 0xfffe
	jmp	0x1000:0x100
fail:	mov	al, 1
	out	0xf4, al
	hlt
	times	510 - ($ - $$) db 0
	dw	0xaa55
