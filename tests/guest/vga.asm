; tests/guest/vga.asm — the VGA as a program without a BIOS finds it: in
; 80x25 colour text at power-on, its CRTC index/data pair written with a
; 16-bit OUT, the DAC, the vertical retrace in input status 1 coming and
; going as guest time passes, and mode 13h's chain-4 memory at 0xA0000
; seen through the planes.
%include "guest.inc"

TEST "power-on misc output is mode 3's"
	mov	dx, 0x3cc
	in	al, dx
	EXPECT	al, 0x67

TEST "text at B800:0000 reads back"
	mov	ax, 0xb800
	mov	es, ax
	mov	word [es:0], 0x1f48	; 'H', white on blue
	mov	word [es:2], 0x1f69	; 'i'
	mov	ax, [es:0]
	EXPECT	ax, 0x1f48
	mov	ax, [es:2]
	EXPECT	ax, 0x1f69

TEST "CRTC cursor location by OUT DX, AX"
	mov	dx, 0x3d4
	mov	ax, 0x070e
	out	dx, ax
	mov	ax, 0xd00f
	out	dx, ax
	mov	al, 0x0e
	out	dx, al
	inc	dx
	in	al, dx
	EXPECT	al, 0x07

TEST "DAC write then read with auto-increment"
	mov	dx, 0x3c8
	mov	al, 0x10
	out	dx, al
	inc	dx
	mov	al, 0x01
	out	dx, al
	mov	al, 0x02
	out	dx, al
	mov	al, 0x03
	out	dx, al
	mov	al, 0x3f
	out	dx, al			; entry 0x11, red
	mov	dx, 0x3c7
	mov	al, 0x10
	out	dx, al
	mov	dx, 0x3c9
	in	al, dx
	EXPECT	al, 0x01
	in	al, dx
	EXPECT	al, 0x02
	in	al, dx
	EXPECT	al, 0x03
	in	al, dx
	EXPECT	al, 0x3f

TEST "vertical retrace begins and ends"
	mov	dx, 0x3da
	mov	cx, 0
.wait_on:			; at most a frame: 1/70 s, about 143k instructions
	in	al, dx
	test	al, 8
	jnz	.on
	loop	.wait_on
	EXPECT	al, 0xff		; never came
.on:
	mov	cx, 0
.wait_off:
	in	al, dx
	test	al, 8
	jz	.off
	loop	.wait_off
	EXPECT	al, 0xff		; never ended
.off:

TEST "mode 13h: chain-4 byte per pixel at A000"
	mov	dx, 0x3c4
	mov	ax, 0x0e04		; memory mode: chain-4
	out	dx, ax
	mov	ax, 0x0f02		; map mask: all four planes (mode 3 has 0 and 1)
	out	dx, ax
	mov	dx, 0x3ce
	mov	ax, 0x4005		; 256-colour shift
	out	dx, ax
	mov	ax, 0x0506		; graphics, A0000 64K
	out	dx, ax
	mov	ax, 0xa000
	mov	es, ax
	mov	byte [es:321], 0x5a	; x = 1, y = 1: plane 1
	mov	byte [es:322], 0xa5	; plane 2
	mov	al, [es:321]
	EXPECT	al, 0x5a
	mov	ax, 0xb800
	mov	es, ax
	mov	al, [es:0]		; the B8000 window is closed now
	EXPECT	al, 0xff

TEST "chain-4 bytes sit in the plane of their low address bits"
	mov	dx, 0x3c4
	mov	ax, 0x0604		; no chain-4, no odd/even
	out	dx, ax
	mov	dx, 0x3ce
	mov	ax, 0x0104		; read map 1
	out	dx, ax
	mov	ax, 0xa000
	mov	es, ax
	mov	al, [es:320]
	EXPECT	al, 0x5a
	mov	ax, 0x0204		; read map 2
	out	dx, ax
	mov	al, [es:320]
	EXPECT	al, 0xa5

	PASS
