; tests/guest/bios_int13_floppy.asm — INT 13h on floppy drive A: (a 1.44M
; image: 80 cylinders, 2 heads, 18 sectors), booted by the built-in BIOS.
; Every sector of the image past the test starts with its LBA
; (bios_image.asm); LBA = (cylinder * 2 + head) * 18 + sector - 1. Registers
; and status codes: RBIL INT 13h (01h bad command, 04h sector not found,
; 09h DMA across a 64 KB boundary) and the IBM PC/AT Technical Reference.
%include "guest.inc"


	TEST	"AH=16h: a disk just inserted (only cylinder 0 read yet): changed"
	mov	ah, 0x16
	mov	dl, 0
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x06

	TEST	"AH=08h: a 1.44M drive, 80x2x18, one floppy drive"
	mov	ah, 0x08
	mov	dl, 0
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	ah, 0
	EXPECT	bl, 0x04
	EXPECT	ch, 79
	EXPECT	cl, 18
	EXPECT	dh, 1
	EXPECT	dl, 1
	EXPECT	byte [es:di+4], 18	; the parameter table's sectors per track

	TEST	"AH=15h: a drive with change-line support"
	mov	ah, 0x15
	mov	dl, 0
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	ah, 0x02

	TEST	"AH=02h: the boot sector, with its signature"
	call	clear_buf
	mov	ax, 0x0201
	mov	cx, 0x0001
	xor	dx, dx
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	ax, 0x0001
	EXPECT	word [es:0x1FE], 0xAA55

	TEST	"AH=02h: across the track, from head 0 onto head 1"
	call	clear_buf
	mov	ax, 0x0204		; 4 sectors from 2/0/17: LBA 88-91
	mov	cx, 0x0211
	mov	dx, 0x0000
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	ax, 0x0004
	EXPECT	word [es:0x000], 88
	EXPECT	word [es:0x200], 89
	EXPECT	word [es:0x400], 90
	EXPECT	word [es:0x600], 91
	EXPECT	word [es:0x002], 2880
	EXPECT	byte [es:0x005], 88

	TEST	"AH=02h: across the cylinder, from 3/1/18 to 4/0/1"
	call	clear_buf
	mov	ax, 0x0202
	mov	cx, 0x0312
	mov	dx, 0x0100
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	al, 2
	EXPECT	word [es:0x000], 143
	EXPECT	word [es:0x200], 144

	TEST	"AH=16h: the change line is clear after a seek to another cylinder"
	mov	ah, 0x16
	mov	dl, 0
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	ah, 0x00

	TEST	"AH=02h past the end of the disk: AH=04h, the sector before it read"
	call	clear_buf
	mov	ax, 0x0202		; 79/1/18 is the last sector (LBA 2879)
	mov	cx, 0x4F12
	mov	dx, 0x0100
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x04
	EXPECT	al, 1
	EXPECT	word [es:0x000], 2879
	mov	ax, 0x40
	mov	ds, ax
	EXPECT	byte [0x41], 0x04	; the status byte in the BDA
	push	cs
	pop	ds

	TEST	"AH=01h: the last status"
	mov	ah, 0x01
	mov	dl, 0
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x04

	TEST	"AH=02h with sector 0, sector 19, cylinder 80 or count 0: AH=01h"
	mov	ax, 0x0201
	mov	cx, 0x0000
	xor	dx, dx
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x01
	mov	ax, 0x0201
	mov	cx, 0x0013
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x01
	mov	ax, 0x0201
	mov	cx, 0x5001
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x01
	mov	ax, 0x0200
	mov	cx, 0x0001
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x01

	TEST	"AH=02h into a buffer across a 64 KB boundary: AH=09h, nothing read"
	mov	ax, 0x3000
	mov	es, ax
	mov	bx, 0xFF00		; 3FF00h-400FFh
	mov	ax, 0x0201
	mov	cx, 0x0101
	xor	dx, dx
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x09
	EXPECT	al, 0

	TEST	"AH=03h: write a sector, read it back"
	mov	ax, BUF
	mov	es, ax
	xor	di, di
	mov	cx, 256
	mov	ax, 0x5AA5
	rep	stosw
	xor	bx, bx
	mov	ax, 0x0301
	mov	cx, 0x0A01		; 10/0/1
	xor	dx, dx
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	ax, 0x0001
	call	clear_buf
	mov	ax, 0x0201
	mov	cx, 0x0A01
	xor	dx, dx
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	word [es:0x000], 0x5AA5
	EXPECT	word [es:0x1FE], 0x5AA5

	TEST	"AH=04h: verify a whole track"
	mov	ax, 0x0412
	mov	cx, 0x0101
	mov	dx, 0x0000
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	ax, 0x0012

	TEST	"the motor runs after a transfer (40:3Fh bit 0) and stops ~2 s later"
	mov	ax, 0x40
	mov	ds, ax
	EXPECT	byte [0x3F], 0x01
	mov	ah, 0x86		; wait 3 s (2DC6C0h us)
	mov	cx, 0x002D
	mov	dx, 0xC6C0
	int	0x15
	EXPECT	byte [0x3F], 0x00
	push	cs
	pop	ds

	TEST	"drive B: is not there: AH=01h; AH=15h says no drive"
	mov	ax, 0x0201
	mov	cx, 0x0001
	mov	dx, 0x0001
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x01
	mov	ah, 0x15
	mov	dl, 1
	int	0x13
	EXPECT	ah, 0x00

	TEST	"AH=05h format is not offered; unknown AH=99h: AH=01h"
	mov	ax, 0x0512
	mov	cx, 0x0101
	xor	dx, dx
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x01
	mov	ah, 0x99
	xor	dx, dx
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x01

	TEST	"AH=00h: reset"
	xor	ax, ax
	xor	dx, dx
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	ah, 0
	PASS

%include "disk_buf.inc"
