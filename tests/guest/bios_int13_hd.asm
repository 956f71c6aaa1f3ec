; tests/guest/bios_int13_hd.asm — INT 13h on hard disk 80h (a 2 MiB image,
; 4096 sectors), booted by the built-in BIOS: CHS through the geometry that
; AH=08h reports, and the enhanced disk drive functions (RBIL INT 13h
; AH=41h-48h; Phoenix EDD 1.1). Every sector past the test starts with its
; LBA (bios_image.asm).
%include "guest.inc"

TOTAL	equ	4096

	TEST	"the boot drive is 80h; 40:75h counts one hard disk"
	EXPECT	dl, 0x80
	push	ds
	mov	ax, 0x40
	mov	ds, ax
	EXPECT	byte [0x75], 1
	pop	ds

	TEST	"AH=08h: a geometry, one hard disk"
	mov	ah, 0x08
	mov	dl, 0x80
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	ah, 0
	EXPECT	dl, 1
	mov	al, cl
	and	ax, 0x3F
	mov	[spt], ax
	mov	al, dh
	xor	ah, ah
	inc	ax
	mov	[heads], ax
	mov	al, cl			; cylinders: CH and CL bits 6-7
	mov	ah, cl
	mov	cl, 6
	shr	ah, cl
	mov	al, ch
	inc	ax
	mov	[cyls], ax

	TEST	"AH=15h: a fixed disk of cylinders * heads * sectors"
	mov	ah, 0x15
	mov	dl, 0x80
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	ah, 0x03
	push	cx
	push	dx
	mov	ax, [cyls]
	mul	word [heads]
	mul	word [spt]
	pop	bx
	pop	cx
	EXPECT	bx, ax
	EXPECT	cx, dx

	TEST	"AH=41h: the extensions are there (fixed disk access)"
	mov	ah, 0x41
	mov	bx, 0x55AA
	mov	dl, 0x80
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	bx, 0xAA55
	and	cx, 1
	EXPECT	cx, 1

	TEST	"AH=48h: 4096 sectors of 512 bytes"
	mov	word [params], 0x1A
	mov	si, params
	mov	ah, 0x48
	mov	dl, 0x80
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	word [params+16], TOTAL
	EXPECT	word [params+18], 0
	EXPECT	word [params+24], 512

	TEST	"AH=42h: read LBA 1000-1001"
	call	clear_buf
	mov	word [dap_count], 2
	mov	word [dap_lba], 1000
	mov	si, dap
	mov	ah, 0x42
	mov	dl, 0x80
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	ah, 0
	EXPECT	word [dap_count], 2
	EXPECT	word [es:0x000], 1000
	EXPECT	word [es:0x200], 1001
	EXPECT	word [es:0x002], TOTAL

	TEST	"AH=02h: CHS of LBA 100 and a read across a head (LBA S-1, S)"
	mov	ax, 100
	call	lba_to_chs
	call	clear_buf
	mov	ax, 0x0201
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	word [es:0], 100
	mov	ax, [spt]
	dec	ax
	push	ax
	call	lba_to_chs
	call	clear_buf
	mov	ax, 0x0202
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	al, 2
	pop	ax
	EXPECT	word [es:0x000], ax
	inc	ax
	EXPECT	word [es:0x200], ax

	TEST	"AH=42h past the end: CF=1, AH=04h, nothing done"
	call	clear_buf
	mov	word [dap_count], 2
	mov	word [dap_lba], TOTAL - 1
	mov	si, dap
	mov	ah, 0x42
	mov	dl, 0x80
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x04
	EXPECT	word [dap_count], 0

	TEST	"AH=43h: write LBA 2000, read it back with AH=42h"
	mov	ax, BUF
	mov	es, ax
	xor	di, di
	mov	ax, 0x1234
	mov	cx, 256
	rep	stosw
	mov	word [dap_count], 1
	mov	word [dap_lba], 2000
	mov	si, dap
	mov	ax, 0x4300
	mov	dl, 0x80
	int	0x13
	EXPECT_FLAGS 0, CF
	call	clear_buf
	mov	si, dap
	mov	ah, 0x42
	mov	dl, 0x80
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	word [es:0], 0x1234
	EXPECT	word [es:0x1FE], 0x1234

	TEST	"drive 81h is not there: AH=01h; AH=15h says no drive"
	mov	ax, 0x0201
	mov	cx, 0x0001
	mov	dx, 0x0081
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x01
	mov	ah, 0x15
	mov	dl, 0x81
	int	0x13
	EXPECT	ah, 0x00

	TEST	"unknown AH=99h: AH=01h; AH=01h returns it"
	mov	ah, 0x99
	mov	dl, 0x80
	int	0x13
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x01
	mov	ah, 0x01
	mov	dl, 0x80
	int	0x13
	EXPECT	ah, 0x01

	TEST	"AH=00h: reset"
	xor	ax, ax
	mov	dl, 0x80
	int	0x13
	EXPECT_FLAGS 0, CF
	EXPECT	ah, 0
	PASS

; lba_to_chs: CX, DH for LBA AX (< 65536), DL = 80h, ES:BX = the buffer.
lba_to_chs:
	xor	dx, dx
	div	word [spt]
	inc	dx
	mov	cl, dl			; sector
	xor	dx, dx
	div	word [heads]
	mov	dh, dl			; head
	mov	ch, al			; cylinder, low 8 bits
	shl	ah, 1
	shl	ah, 1
	shl	ah, 1
	shl	ah, 1
	shl	ah, 1
	shl	ah, 1
	or	cl, ah
	mov	dl, 0x80
	ret

%include "disk_buf.inc"

spt:	dw	0
heads:	dw	0
cyls:	dw	0
dap:	db	0x10, 0
dap_count: dw	0
	dw	0, BUF
dap_lba: dw	0, 0, 0, 0
params:	times 30 db 0
