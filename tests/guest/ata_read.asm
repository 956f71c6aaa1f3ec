; tests/guest/ata_read.asm — PIO on the primary IDE master, polling the
; status (no IRQ): read sector 3 and check its signature, write sector 4
; and read it back (run with --hda ata_disk.img; see ata_read.sh).
%include "guest.inc"

ATA_DATA	equ	0x1F0
ATA_COUNT	equ	0x1F2
ATA_SELECT	equ	0x1F6
ATA_STATUS	equ	0x1F7
ST_BSY		equ	0x80
ST_DRQ		equ	0x08
ST_ERR		equ	0x01

g_main:
	TEST	"ata: read sector 3 by LBA"
	mov	al, 3
	mov	bl, 0x20		; READ SECTORS
	call	ata_command
	call	wait_drq
	EXPECT	al, 0x58
	mov	di, buf
	call	read_sector
	mov	si, buf
	mov	di, signature
	mov	cx, signature_len
	cld
	repe	cmpsb
	EXPECT	cx, 0

	TEST	"ata: write sector 4"
	mov	di, buf
	mov	cx, 256
	mov	ax, 0x1234
.fill:	stosw
	add	ax, 0x0103
	loop	.fill
	mov	al, 4
	mov	bl, 0x30		; WRITE SECTORS
	call	ata_command
	call	wait_drq
	mov	si, buf
	mov	dx, ATA_DATA
	mov	cx, 256
.out:	lodsw
	out	dx, ax
	loop	.out
	call	wait_idle
	EXPECT	al, 0x50

	TEST	"ata: read sector 4 back"
	mov	al, 4
	mov	bl, 0x20
	call	ata_command
	call	wait_drq
	mov	di, buf2
	call	read_sector
	mov	si, buf
	mov	di, buf2
	mov	cx, 256
	repe	cmpsw
	EXPECT	cx, 0
	PASS

; One sector at LBA AL (below 256) with command BL, drive 0.
ata_command:
	push	ax
	mov	dx, ATA_SELECT
	mov	al, 0xE0		; LBA, master
	out	dx, al
	mov	dx, ATA_COUNT
	mov	al, 1
	out	dx, al
	inc	dx			; LBA low
	pop	ax
	out	dx, al
	xor	al, al
	inc	dx			; LBA mid
	out	dx, al
	inc	dx			; LBA high
	out	dx, al
	mov	dx, ATA_STATUS
	mov	al, bl
	out	dx, al
	ret

; Poll until not busy and DRQ (or ERR); the status is left in AL.
wait_drq:
	mov	dx, ATA_STATUS
.poll:	in	al, dx
	test	al, ST_BSY
	jnz	.poll
	test	al, ST_DRQ | ST_ERR
	jz	.poll
	ret

wait_idle:
	mov	dx, ATA_STATUS
.poll:	in	al, dx
	test	al, ST_BSY
	jnz	.poll
	ret

read_sector:
	mov	dx, ATA_DATA
	mov	cx, 256
	cld
.in:	in	ax, dx
	stosw
	loop	.in
	ret

signature:	db	"x86lab ATA sector 3"
signature_len	equ	$ - signature
buf:		times 512 db 0
buf2:		times 512 db 0
