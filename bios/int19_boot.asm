; bios/int19_boot.asm — INT 19h, the bootstrap loader: tries the devices in
; the order CMOS byte 3Dh names (low nibble first; 1 floppy A:, 2 hard disk
; 80h; the order --boot sets), loads each one's first sector to 0000:7C00
; and jumps there with DL = the drive, if the sector ends with the boot
; signature 55h AAh. INT 18h, where the IBM PC had ROM BASIC, says that
; nothing could boot and stops the machine.

BOOT_ADDR	equ	0x7C00

int19_boot:
	sti
	cld
	xor	ax, ax
	mov	ds, ax
	mov	es, ax
	mov	al, CMOS_BOOT_ORDER
	call	cmos_read
	test	al, al
	jnz	.order
	mov	al, 0x21		; none set: A:, then C:
.order:	mov	bl, al
	mov	bh, 2			; two devices at most
.device:
	mov	al, bl
	and	al, 0x0F
	mov	dl, 0x00
	cmp	al, 1
	je	.try
	mov	dl, 0x80
	cmp	al, 2
	jne	.next
.try:	call	boot_from
.next:	mov	cl, 4
	shr	bl, cl
	dec	bh
	jnz	.device
	int	0x18

; boot_from: load and start drive DL's boot sector; returns if it cannot,
; after saying why.
boot_from:
	push	bx
	push	ds
	mov	ax, BDA_SEG
	mov	ds, ax
	test	dl, dl
	js	.hard
	test	byte [BDA_EQUIPMENT], 0x01	; no floppy drive: nothing to say
	jmp	.present
.hard:	cmp	byte [BDA_HD_COUNT], 0
	je	.absent
	test	sp, sp			; ZF=0
.present:
	pop	ds
	jnz	.read_retry
	pop	bx
	ret
.absent:
	pop	ds
	pop	bx
	ret
.read_retry:
	mov	di, 3			; floppies may need a reset and a retry
.read:	push	dx
	xor	ax, ax
	mov	es, ax
	mov	bx, BOOT_ADDR
	mov	ax, 0x0201
	mov	cx, 0x0001
	mov	dh, 0
	int	0x13
	pop	dx
	jnc	.loaded
	push	ax
	xor	ah, ah			; reset, then again
	int	0x13
	pop	ax
	dec	di
	jnz	.read
	mov	si, boot_msg_read
	call	boot_message
	pop	bx
	ret
.loaded:
	cmp	word [es:BOOT_ADDR + 510], 0xAA55
	je	.start
	mov	si, boot_msg_signature
	call	boot_message
	pop	bx
	ret
.start:	push	cs
	pop	ds
	mov	si, boot_msg_booting
	call	boot_message
	xor	ax, ax
	mov	ds, ax
	mov	es, ax
	jmp	0x0000:BOOT_ADDR

; boot_message: "Boot from A:/C: " and the text at CS:SI.
boot_message:
	push	ds
	push	si
	push	cs
	pop	ds
	mov	si, boot_msg_from
	call	print_string
	mov	al, 'A'
	test	dl, 0x80
	jz	.letter
	mov	al, 'C'
.letter:
	call	print_char
	pop	si
	call	print_string
	pop	ds
	ret

boot_msg_from:		db	"Boot from ", 0
boot_msg_booting:	db	": ok", 13, 10, 0
boot_msg_read:		db	": the first sector cannot be read (no disk?)", 13, 10, 0
boot_msg_signature:	db	": not bootable (no 55AA signature)", 13, 10, 0
