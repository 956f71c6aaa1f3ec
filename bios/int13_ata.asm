; bios/int13_ata.asm — INT 13h for hard disks 80h and 81h, the primary IDE
; master and slave, by PIO in LBA mode: reset, status, read/write/verify
; (CHS, translated to LBA through the geometry shown to the caller), drive
; parameters, disk type, and the enhanced disk drive functions 41h-48h
; (RBIL INT 13h AH=41h-48h; Phoenix "Enhanced Disk Drive Specification"
; 1.1: fixed-disk access subset). Commands and status bits: ATA-3.
;
; The geometry INT 13h shows keeps the disk's own heads and sectors while
; the cylinders fit in 1024, and doubles the heads (up to 255) until they do,
; as BIOSes' "LBA-assisted translation" does.

ATA_BSY		equ	0x80
ATA_DRQ		equ	0x08
ATA_ERR		equ	0x01
ATA_IDENTIFY	equ	0xEC
ATA_READ	equ	0x20
ATA_WRITE	equ	0x30
IDENTIFY_BUF	equ	0x1000		; 0000:1000, free while POST runs

; ata_wait: until BSY clears; AL = status, CF=1 after a time-out.
ata_wait:
	push	cx
	push	dx
	mov	dx, ATA_CMD
	mov	cx, 0xFFFF
.poll:	in	al, dx
	test	al, ATA_BSY
	jz	.ready
	loop	.poll
	pop	dx
	pop	cx
	stc
	ret
.ready:	pop	dx
	pop	cx
	clc
	ret

; ata_post: IDENTIFY DEVICE on the master and the slave; each disk that
; answers gets its INT 13h geometry in the EBDA and a parameter table
; (INT 41h for 80h, INT 46h for 81h); 40:75h counts them.
ata_post:
	call	get_ebda
	mov	ax, BDA_SEG
	mov	ds, ax
	mov	byte [BDA_HD_COUNT], 0
	xor	bx, bx			; drive 0, then 1
.drive:	push	bx
	call	ata_identify
	pop	bx
	inc	bx
	cmp	bx, 2
	jb	.drive
	mov	al, [es:EBDA_HD0 + HD_PRESENT]
	add	al, [es:EBDA_HD0 + EBDA_HD_SIZE + HD_PRESENT]
	mov	[BDA_HD_COUNT], al
	mov	[es:EBDA_HD_COUNT], al
	ret

; ata_identify: drive BX (0 master, 1 slave); ES = EBDA, DS = BDA.
ata_identify:
	mov	dx, ATA_DRIVE
	mov	al, bl
	mov	cl, 4
	shl	al, cl
	or	al, 0xA0
	out	dx, al
	mov	dx, ATA_CMD
	in	al, dx
	cmp	al, 0xFF		; nothing on the bus
	je	.none
	test	al, al
	jz	.none
	call	ata_wait
	jc	.none
	mov	al, ATA_IDENTIFY
	out	dx, al
	call	ata_wait
	jc	.none
	test	al, ATA_ERR
	jnz	.none
	test	al, ATA_DRQ
	jz	.none
	push	es
	xor	ax, ax
	mov	es, ax
	mov	di, IDENTIFY_BUF
	mov	cx, 256
	mov	dx, ATA_DATA
.word:	in	ax, dx
	stosw
	loop	.word
	pop	es
	; the EBDA slot of this drive
	mov	di, bx
	mov	cl, 4
	shl	di, cl
	add	di, EBDA_HD0
	push	ds
	xor	ax, ax
	mov	ds, ax
	mov	ax, [IDENTIFY_BUF + 60*2]	; LBA sectors (words 60-61)
	mov	dx, [IDENTIFY_BUF + 61*2]
	mov	[es:di+HD_TOTAL], ax
	mov	[es:di+HD_TOTAL+2], dx
	mov	cx, [IDENTIFY_BUF + 3*2]	; heads
	mov	si, [IDENTIFY_BUF + 6*2]	; sectors per track
	pop	ds
	test	cx, cx
	jz	.default
	test	si, si
	jz	.default
	cmp	cx, 16
	ja	.default
	cmp	si, 63
	jbe	.translate
.default:
	mov	cx, 16
	mov	si, 63
.translate:
	mov	[es:di+HD_SPT], si
.try:	mov	ax, cx
	push	dx
	mul	si			; AX = heads * sectors per track
	pop	dx
	mov	[es:di+HD_HEADS], cx
	push	ax
	mov	ax, [es:di+HD_TOTAL]
	mov	dx, [es:di+HD_TOTAL+2]
	pop	bx			; BX = heads * sectors
	cmp	dx, bx
	jae	.double			; the quotient would not fit in 16 bits
	div	bx
	cmp	ax, 1024
	ja	.double
	test	ax, ax			; smaller than a cylinder: one, partly there
	jnz	.cyls
	inc	ax
	jmp	.cyls
.double:
	cmp	cx, 255
	jae	.cap
	shl	cx, 1
	cmp	cx, 255
	jb	.try
	mov	cx, 255
	jmp	.try
.cap:	mov	ax, 1024
.cyls:	mov	[es:di+HD_CYLS], ax
	mov	byte [es:di+HD_PRESENT], 1
	call	ata_fdpt
.none:	ret

; ata_fdpt: the fixed disk parameter table of the drive at EBDA offset DI
; (IBM PC/AT Technical Reference: cylinders, heads, ..., sectors per track
; at byte 14), pointed at by INT 41h (80h) or INT 46h (81h).
ata_fdpt:
	push	bx
	mov	bx, di
	sub	bx, EBDA_HD0
	add	bx, HD_FDPT		; 16 bytes per table, like the slots
	mov	ax, [es:di+HD_CYLS]
	mov	[es:bx], ax
	mov	al, [es:di+HD_HEADS]
	mov	[es:bx+2], al
	mov	al, [es:di+HD_SPT]
	mov	[es:bx+14], al
	push	ds
	xor	ax, ax
	mov	ds, ax
	mov	ax, 0x41 * 4
	cmp	di, EBDA_HD0
	je	.vector
	mov	ax, 0x46 * 4
.vector:
	mov	si, ax
	mov	[si], bx
	mov	[si+2], es
	pop	ds
	pop	bx
	ret

; ata_slot: ES:DI = the EBDA geometry of drive DL (80h/81h); CF=1 if absent.
ata_slot:
	call	get_ebda
	mov	al, dl
	sub	al, 0x80
	cmp	al, 1
	ja	.none
	xor	ah, ah
	mov	di, ax
	mov	cl, 4
	shl	di, cl
	add	di, EBDA_HD0
	cmp	byte [es:di+HD_PRESENT], 1
	jne	.none
	clc
	ret
.none:	stc
	ret

ata_service:
	cmp	ah, 0x41
	jae	ata_edd
	cmp	ah, 0x15
	je	hd_type
	cmp	ah, 0x01
	je	hd_status
	push	ax
	push	cx
	call	ata_slot
	pop	cx
	pop	ax
	jc	hd_bad
	cmp	ah, 0x00
	je	hd_ok
	cmp	ah, 0x02
	je	hd_transfer
	cmp	ah, 0x03
	je	hd_transfer
	cmp	ah, 0x04
	je	hd_transfer
	cmp	ah, 0x08
	je	hd_params
	cmp	ah, 0x09		; initialise drive parameters
	je	hd_ok
	cmp	ah, 0x0C		; seek
	je	hd_ok
	cmp	ah, 0x0D		; alternate reset
	je	hd_ok
	cmp	ah, 0x10		; test unit ready
	je	hd_ok
	cmp	ah, 0x11		; recalibrate
	je	hd_ok
hd_bad:	mov	ah, DISK_BAD_CMD
	jmp	disk_return
hd_ok:	xor	ah, ah
	jmp	disk_return
ata_edd:	push	ax
	push	cx
	call	ata_slot
	pop	cx
	pop	ax
	jc	hd_bad
	cmp	ah, 0x41
	je	edd_check
	cmp	ah, 0x42
	je	edd_transfer
	cmp	ah, 0x43
	je	edd_transfer
	cmp	ah, 0x44
	je	edd_transfer
	cmp	ah, 0x47
	je	edd_seek
	cmp	ah, 0x48
	je	edd_params
	jmp	hd_bad

hd_status:
	mov	ah, [BDA_HD_STATUS]
	jmp	disk_return

; --- AH=15h: AH = 03h (a fixed disk) and CX:DX its sectors as INT 13h
; addresses them, or AH = 00h (no such drive) ---
hd_type:
	call	ata_slot
	mov	byte [bp+D_AX+1], 0
	jc	.done
	mov	byte [bp+D_AX+1], 3
	call	chs_capacity
	mov	[bp+D_CX], dx
	mov	[bp+D_DX], ax
.done:	mov	byte [BDA_HD_STATUS], 0
	jmp	disk_return_plain

; chs_capacity: DX:AX = cylinders * heads * sectors of the slot at ES:DI.
chs_capacity:
	mov	ax, [es:di+HD_CYLS]
	mul	word [es:di+HD_HEADS]	; fits 16 bits x 255: DX:AX
	push	dx
	mul	word [es:di+HD_SPT]	; low word * spt
	push	ax
	push	dx
	mov	bx, sp
	mov	ax, [ss:bx+4]		; high word * spt, added to the high half
	mul	word [es:di+HD_SPT]
	pop	dx
	add	dx, ax
	pop	ax
	add	sp, 2
	ret

; --- AH=08h: CH = last cylinder (low 8 bits), CL = sectors per track and
; the cylinder's bits 8-9 in its top bits, DH = last head, DL = disks ---
hd_params:
	mov	ax, [es:di+HD_CYLS]
	dec	ax
	mov	[bp+D_CX+1], al
	mov	cl, 6
	shl	ah, cl
	or	ah, [es:di+HD_SPT]
	mov	[bp+D_CX], ah
	mov	al, [es:di+HD_HEADS]
	dec	al
	mov	[bp+D_DX+1], al
	mov	al, [BDA_HD_COUNT]
	mov	[bp+D_DX], al
	mov	byte [bp+D_AX], 0
	xor	ah, ah
	jmp	disk_return

; --- AH=02h/03h/04h: AL sectors at cylinder CH + CL bits 6-7, sector CL
; bits 0-5, head DH, to or from ES:BX; AL returns the sectors done ---
hd_transfer:
	mov	[bp+L_OP], ah
	mov	byte [bp+D_AX], 0
	xor	ah, ah
	mov	[bp+L_LEFT], ax
	test	al, al
	jz	hd_bad
	cmp	al, 128
	ja	hd_bad
	mov	bl, cl
	and	bl, 0x3F
	jz	hd_bad
	cmp	bl, [es:di+HD_SPT]
	ja	hd_bad
	cmp	dh, [es:di+HD_HEADS]
	jae	hd_bad
	mov	al, cl
	mov	cl, 6
	shr	al, cl
	mov	ah, al
	mov	al, ch
	cmp	ax, [es:di+HD_CYLS]
	jae	hd_bad
	mov	[bp+L_HEAD], dh
	; LBA = (cylinder * heads + head) * sectors per track + sector - 1
	mul	word [es:di+HD_HEADS]	; < 1024 * 255: fits in 18 bits, DX:AX
	add	al, [bp+L_HEAD]
	adc	ah, 0
	adc	dx, 0
	push	bx
	push	dx
	mul	word [es:di+HD_SPT]
	mov	cx, ax
	mov	bx, dx
	pop	ax
	mul	word [es:di+HD_SPT]
	add	bx, ax			; BX:CX = the product
	pop	ax
	and	ax, 0x3F
	dec	ax
	add	cx, ax
	adc	bx, 0
	mov	ax, cx
	mov	dx, bx
	mov	cx, [bp+L_LEFT]
	mov	bx, [bp+D_BX]
	mov	si, [bp+D_ES]
	call	ata_transfer
	mov	[bp+D_AX], cl
	jmp	disk_return

; ata_transfer: CX sectors (1-128) from LBA DX:AX of the drive at ES:DI
; (EBDA), to or from SI:BX, by the operation in [L_OP] (2 read, 3 write,
; 4 verify, also 42h-44h). AH = status, CX = sectors done.
ata_transfer:
	push	cx
	; the whole request must lie on the disk
	mov	[bp+L_LBA_LO], ax
	mov	[bp+L_LBA_HI], dx
	add	ax, cx
	adc	dx, 0
	cmp	dx, [es:di+HD_TOTAL+2]
	jb	.fits
	ja	.past
	cmp	ax, [es:di+HD_TOTAL]
	jbe	.fits
.past:	pop	cx
	xor	cx, cx
	mov	ah, DISK_NOT_FOUND
	ret
.fits:	pop	cx
	mov	[bp+L_LEFT], cx
	mov	word [bp+L_DONE], 0
	mov	al, [bp+L_OP]
	and	al, 0x0F
	cmp	al, 4			; verify: the sectors exist, nothing moves
	jne	.go
	xor	ah, ah
	ret
.go:	mov	[bp+L_PHYS_LO], bx	; the buffer, advanced 512 bytes a sector
	mov	[bp+L_PHYS_HI], si	; by its segment
	call	ata_wait
	jc	.timeout
	mov	dx, ATA_DRIVE
	mov	al, [bp+L_LBA_HI+1]
	and	al, 0x0F
	or	al, 0xE0		; LBA mode
	cmp	di, EBDA_HD0
	je	.master
	or	al, 0x10
.master:
	out	dx, al
	mov	dx, ATA_COUNT
	mov	al, cl
	out	dx, al
	inc	dx
	mov	al, [bp+L_LBA_LO]
	out	dx, al
	inc	dx
	mov	al, [bp+L_LBA_LO+1]
	out	dx, al
	inc	dx
	mov	al, [bp+L_LBA_HI]
	out	dx, al
	mov	dx, ATA_CMD
	mov	al, ATA_READ
	test	byte [bp+L_OP], 1	; 03h and 43h write
	jz	.cmd
	mov	al, ATA_WRITE
.cmd:	out	dx, al
.sector:
	call	ata_wait
	jc	.timeout
	test	al, ATA_ERR
	jnz	.error
	test	al, ATA_DRQ
	jz	.error
	push	ds
	push	es
	push	di
	mov	cx, 256
	mov	dx, ATA_DATA
	test	byte [bp+L_OP], 1
	jnz	.write
	mov	es, [bp+L_PHYS_HI]
	mov	di, [bp+L_PHYS_LO]
.in:	in	ax, dx
	stosw
	loop	.in
	jmp	.moved
.write:	mov	ds, [bp+L_PHYS_HI]
	mov	si, [bp+L_PHYS_LO]
.out:	lodsw
	out	dx, ax
	loop	.out
.moved:	pop	di
	pop	es
	pop	ds
	add	word [bp+L_PHYS_HI], 0x20
	inc	word [bp+L_DONE]
	dec	word [bp+L_LEFT]
	jnz	.sector
	call	ata_wait		; a write ends when the disk has it
	mov	cx, [bp+L_DONE]
	xor	ah, ah
	ret
.error:	mov	cx, [bp+L_DONE]
	mov	ah, DISK_NOT_FOUND
	ret
.timeout:
	mov	cx, [bp+L_DONE]
	mov	ah, DISK_TIMEOUT
	ret

; --- AH=41h: BX = 55AAh asks; answers BX = AA55h, AH = 21h (EDD 1.1),
; CX = 1 (functions 42h-44h, 47h, 48h) ---
edd_check:
	cmp	bx, 0x55AA
	jne	hd_bad
	mov	word [bp+D_BX], 0xAA55
	mov	word [bp+D_CX], 0x0001
	mov	byte [bp+D_AX+1], 0x21
	mov	byte [BDA_HD_STATUS], 0
	jmp	disk_return_plain

; edd_packet: SI = the caller's disk address packet (DS:SI), in the frame's
; DS; checks its size (10h or more), block count (at most 127) and that the
; LBA's high dword is 0. CF=1 if it is not acceptable.
edd_packet:
	mov	si, [bp+D_SI]
	push	ds
	mov	ds, [bp+D_DS]
	cmp	byte [si], 0x10
	jb	.bad
	cmp	word [si+2], 127
	ja	.bad
	cmp	word [si+12], 0
	jne	.bad
	cmp	word [si+14], 0
	jne	.bad
	pop	ds
	clc
	ret
.bad:	pop	ds
	stc
	ret

; --- AH=42h read, 43h write, 44h verify: the packet at DS:SI: byte 0 its
; size, word 2 the block count (updated with the blocks done), dword 4 the
; buffer (offset, segment), qword 8 the LBA ---
edd_transfer:
	mov	[bp+L_OP], ah
	call	edd_packet
	jc	hd_bad
	push	ds
	mov	ds, [bp+D_DS]
	mov	cx, [si+2]
	mov	bx, [si+4]
	mov	ax, [si+8]
	mov	dx, [si+10]
	mov	si, [si+6]
	pop	ds
	jcxz	.none
	call	ata_transfer
	jmp	.count
.none:	xor	ah, ah
.count:	push	ds
	mov	ds, [bp+D_DS]
	mov	si, [bp+D_SI]
	mov	[si+2], cx
	pop	ds
	jmp	disk_return

; --- AH=47h: seek to the packet's LBA: accepted when it is on the disk ---
edd_seek:
	call	edd_packet
	jc	hd_bad
	push	ds
	mov	ds, [bp+D_DS]
	mov	ax, [si+8]
	mov	dx, [si+10]
	pop	ds
	mov	byte [bp+L_OP], 4
	mov	cx, 1
	call	ata_transfer
	jmp	disk_return

; --- AH=48h: drive parameters into the buffer at DS:SI (word 0 its size,
; at least 1Ah): flags (2: the CHS fields are valid), cylinders, heads,
; sectors per track (dwords), total sectors (qword), bytes per sector ---
edd_params:
	mov	si, [bp+D_SI]
	push	ds
	mov	ds, [bp+D_DS]
	cmp	word [si], 0x1A
	jb	.bad
	mov	word [si], 0x1A
	mov	word [si+2], 0x0002
	mov	ax, [es:di+HD_CYLS]
	mov	[si+4], ax
	mov	ax, [es:di+HD_HEADS]
	mov	[si+8], ax
	mov	ax, [es:di+HD_SPT]
	mov	[si+12], ax
	xor	ax, ax
	mov	[si+6], ax
	mov	[si+10], ax
	mov	[si+14], ax
	mov	[si+20], ax
	mov	[si+22], ax
	mov	ax, [es:di+HD_TOTAL]
	mov	[si+16], ax
	mov	ax, [es:di+HD_TOTAL+2]
	mov	[si+18], ax
	mov	word [si+24], 512
	pop	ds
	xor	ah, ah
	jmp	disk_return
.bad:	pop	ds
	jmp	hd_bad
