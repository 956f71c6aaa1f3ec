; tests/guest/qemu_boot.asm — a boot sector that starts a guest test on
; another PC emulator the way x86lab's --load does: it reads the 17
; sectors after it from the floppy to 1000:0100 and enters them with
; CS = DS = ES = SS = 1000h and SP = FFFEh (see guest.inc). Used by
; tests/guest/qemu_guest.sh, which puts a test binary behind it.
	cpu	8086
	bits	16
	org	0x7c00

	cli
	xor	ax, ax
	mov	ss, ax
	mov	sp, 0x7c00
	mov	ax, 0x1000
	mov	es, ax
	mov	bx, 0x0100
	mov	ax, 0x0211		; BIOS: read 17 sectors
	mov	cx, 0x0002		; cylinder 0, sector 2
	xor	dh, dh			; head 0 (DL: the boot drive)
	int	0x13
	mov	ax, 0x1000
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	mov	sp, 0xfffe
	jmp	0x1000:0x0100

	times	510-($-$$) db 0
	dw	0xaa55
