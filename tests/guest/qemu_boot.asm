; tests/guest/qemu_boot.asm — a boot sector that starts a guest test on
; another PC emulator the way x86lab's --load does: it reads the sectors
; after it to 1000:0100 and enters them as guest.inc expects (CS = DS = ES
; = SS = 1000h, SP = FFFEh, interrupts off). tests/guest/qemu_guest.sh
; builds the floppy image.
	cpu	8086
	bits	16
	org	0x7C00

SECTORS	equ	112			; 56 KiB: every guest test fits

	cli
	xor	ax, ax
	mov	ss, ax
	mov	sp, 0x7C00
	sti
	mov	ax, 0x1000
	mov	es, ax
	mov	bx, 0x0100
	mov	si, 1			; the next LBA to read (1 = after this sector)
.next:	cmp	si, SECTORS + 1
	ja	.go
	mov	ax, si			; LBA -> CHS on a 1.44M floppy (18 sectors, 2 heads)
	xor	dx, dx
	mov	cx, 18
	div	cx
	mov	cl, dl
	inc	cl			; sector 1-18
	xor	dx, dx
	mov	di, 2
	div	di			; AX = cylinder, DX = head
	mov	ch, al
	mov	dh, dl
	mov	dl, 0
	mov	ax, 0x0201
	int	0x13
	jc	.fail
	add	bx, 512
	jnc	.same
	mov	ax, es
	add	ax, 0x1000
	mov	es, ax
.same:	inc	si
	jmp	.next
.go:	cli
	mov	ax, 0x1000
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	mov	sp, 0xFFFE
	jmp	0x1000:0x0100
.fail:	mov	al, 2
	out	0xF4, al
	hlt

	times	510 - ($ - $$) db 0
	dw	0xAA55
