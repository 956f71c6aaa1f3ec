; bios/int13_disk.asm — INT 13h, the disk services: the entry point, which
; sends floppy drives (DL < 80h) to int13_floppy.asm and hard disks to
; int13_ata.asm, and the common return path that records the status in the
; BDA (40:41h floppy, 40:74h hard disk) and sets CF when it is not zero.
; Function numbers, registers and status codes as in RBIL INT 13h and the
; IBM PC/AT Technical Reference.

; The caller's registers, saved on entry (BP points at them).
D_AX	equ	0
D_BX	equ	2
D_CX	equ	4
D_DX	equ	6
D_SI	equ	8
D_DI	equ	10
D_DS	equ	14
D_ES	equ	16
; Locals below the frame.
L_PHYS_LO	equ	-2	; word: the buffer's physical address
L_PHYS_HI	equ	-4
L_LEFT		equ	-6	; word: sectors still to go
L_DONE		equ	-8	; word: sectors done
L_CYL		equ	-10	; word: cylinder
L_HEAD		equ	-11	; byte
L_SECT		equ	-12	; byte
L_SPT		equ	-13	; byte
L_CYLS		equ	-14	; byte (floppy) ...
L_OP		equ	-15	; byte: 2 read, 3 write, 4 verify (the AH values)
L_DRIVE		equ	-16	; byte: 0/1
L_LBA_LO	equ	-18	; word: hard disk LBA
L_LBA_HI	equ	-20
DISK_LOCALS	equ	20

int13_disk:
	sti
	cld
	push	es
	push	ds
	push	bp
	push	di
	push	si
	push	dx
	push	cx
	push	bx
	push	ax
	mov	bp, sp
	sub	sp, DISK_LOCALS
	mov	si, BDA_SEG
	mov	ds, si
	test	dl, 0x80
	jnz	.hard
	jmp	floppy_service
.hard:	jmp	ata_service

; disk_return: end INT 13h with status AH (in the caller's AH, the BDA, and
; CF = status != 0). The caller's AL is what the frame holds.
disk_return:
	mov	[bp+D_AX+1], ah
	test	byte [bp+D_DX], 0x80
	jnz	.hard
	mov	[BDA_FD_STATUS], ah
	jmp	disk_pop
.hard:	mov	[BDA_HD_STATUS], ah
disk_pop:
	mov	sp, bp
	pop	ax
	pop	bx
	pop	cx
	pop	dx
	pop	si
	pop	di
	pop	bp
	pop	ds
	pop	es
	cmp	ah, 1			; CF = (AH == 0) ...
	cmc				; ... inverted: CF = (AH != 0)
	jmp	iret_cf

; disk_return_plain: end INT 13h with CF clear and AH as the frame holds it
; (functions whose AH is not a status, like 15h).
disk_return_plain:
	mov	sp, bp
	pop	ax
	pop	bx
	pop	cx
	pop	dx
	pop	si
	pop	di
	pop	bp
	pop	ds
	pop	es
	clc
	jmp	iret_cf

; buffer_phys: DX:AX = the physical address of ES:BX (the frame's).
buffer_phys:
	push	cx
	mov	ax, [bp+D_ES]
	mov	cl, 4
	rol	ax, cl
	mov	dx, ax
	and	dx, 0x000F
	and	ax, 0xFFF0
	add	ax, [bp+D_BX]
	adc	dx, 0
	pop	cx
	ret
