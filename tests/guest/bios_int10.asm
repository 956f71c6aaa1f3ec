; tests/guest/bios_int10.asm — INT 10h, booted from a floppy by the built-in
; BIOS. Expected values: IBM VGA Technical Reference and RBIL INT 10h
; (registers, BDA 40:49h-89h), the VGA's text memory layout (a character
; and its attribute per cell, 80 cells a row at B800:0000), and the glyph of
; 'A' as Debian's default8x16.psf draws it (the font the BIOS loads).
%include "guest.inc"

	TEST	"AH=00h mode 3, AH=0Fh reads it back"
	mov	ax, 0x0003
	int	0x10
	mov	ah, 0x0F
	int	0x10
	EXPECT	al, 0x03
	EXPECT	ah, 80
	EXPECT	bh, 0
	push	ds
	mov	ax, 0x40
	mov	ds, ax
	EXPECT	byte [0x49], 0x03
	EXPECT	word [0x4A], 80
	EXPECT	byte [0x84], 24
	EXPECT	word [0x85], 16
	EXPECT	word [0x63], 0x3D4
	pop	ds

	TEST	"the mode set cleared the screen to grey spaces"
	mov	ax, 0xB800
	mov	es, ax
	EXPECT	word [es:0], 0x0720
	EXPECT	word [es:3998], 0x0720

	TEST	"the font is in plane 2: the glyph of 'A' (32 bytes a character)"
	mov	dx, 0x3C4
	mov	ax, 0x0604		; sequencer memory mode: no odd/even, no chain
	call	reg
	mov	dx, 0x3CE
	mov	ax, 0x0204		; read map 2
	call	reg
	mov	ax, 0x0005		; read mode 0, no odd/even
	call	reg
	mov	ax, 0x0406		; A0000h, 64 KB
	call	reg
	mov	ax, 0xA000
	mov	es, ax
	mov	si, 0x41 * 32
	EXPECT	byte [es:si+2], 0x10
	EXPECT	byte [es:si+3], 0x38
	EXPECT	byte [es:si+7], 0xFE
	EXPECT	byte [es:si+11], 0xC6
	EXPECT	byte [es:si+12], 0x00
	mov	ax, 0x0003		; text addressing again
	int	0x10

	TEST	"AH=02h/03h: cursor position and shape"
	mov	ah, 0x02
	mov	bh, 0
	mov	dx, 0x0A14		; row 10, column 20
	int	0x10
	mov	ah, 0x01
	mov	cx, 0x0E0F
	int	0x10
	mov	ah, 0x03
	mov	bh, 0
	int	0x10
	EXPECT	dx, 0x0A14
	EXPECT	cx, 0x0E0F
	mov	dx, 0x3D4		; the CRTC's cursor location: 10 * 80 + 20
	mov	al, 0x0E
	out	dx, al
	inc	dx
	in	al, dx
	EXPECT	al, 0x03
	dec	dx
	mov	al, 0x0F
	out	dx, al
	inc	dx
	in	al, dx
	EXPECT	al, 0x34

	TEST	"AH=09h: character and attribute, CX times, cursor unmoved"
	mov	ax, 0x0941
	mov	bx, 0x001E		; page 0, yellow on blue
	mov	cx, 3
	int	0x10
	mov	ax, 0xB800
	mov	es, ax
	EXPECT	word [es:(10*80+20)*2], 0x1E41
	EXPECT	word [es:(10*80+22)*2], 0x1E41
	EXPECT	word [es:(10*80+23)*2], 0x0720
	mov	ah, 0x08
	mov	bh, 0
	int	0x10
	EXPECT	ax, 0x1E41
	mov	ah, 0x03
	int	0x10
	EXPECT	dx, 0x0A14

	TEST	"AH=0Ah: character only, the attribute stays"
	mov	ax, 0x0A42
	mov	bx, 0x0000
	mov	cx, 1
	int	0x10
	EXPECT	word [es:(10*80+20)*2], 0x1E42

	TEST	"AH=0Eh: teletype writes and advances; CR, LF, BS"
	mov	ah, 0x02
	mov	bh, 0
	mov	dx, 0x0500
	int	0x10
	mov	ax, 0x0E58		; 'X'
	int	0x10
	mov	ax, 0x0E59		; 'Y'
	int	0x10
	EXPECT	word [es:(5*80)*2], 0x0758
	EXPECT	word [es:(5*80+1)*2], 0x0759
	mov	ah, 0x03
	int	0x10
	EXPECT	dx, 0x0502
	mov	ax, 0x0E08		; BS
	int	0x10
	mov	ah, 0x03
	int	0x10
	EXPECT	dx, 0x0501
	mov	ax, 0x0E0D		; CR
	int	0x10
	mov	ax, 0x0E0A		; LF
	int	0x10
	mov	ah, 0x03
	int	0x10
	EXPECT	dx, 0x0600
	mov	ax, 0x0E07		; BEL: no character, no movement
	int	0x10
	mov	ah, 0x03
	int	0x10
	EXPECT	dx, 0x0600
	EXPECT	word [es:(6*80)*2], 0x0720

	TEST	"AH=0Eh: wrapping at column 80"
	mov	ah, 0x02
	mov	dx, 0x074F		; row 7, the last column
	int	0x10
	mov	ax, 0x0E5A
	int	0x10
	mov	ah, 0x03
	int	0x10
	EXPECT	dx, 0x0800
	EXPECT	word [es:(7*80+79)*2], 0x075A

	TEST	"AH=0Eh: LF on the last row scrolls the screen up"
	mov	word [es:(24*80)*2], 0x0751	; 'Q' on row 24
	mov	ah, 0x02
	mov	dx, 0x1805
	int	0x10
	mov	ax, 0x0E0A
	int	0x10
	EXPECT	word [es:(23*80)*2], 0x0751
	EXPECT	word [es:(24*80)*2], 0x0720
	mov	ah, 0x03
	int	0x10
	EXPECT	dx, 0x1805

	TEST	"AH=06h: scroll a window up by one, filled with attribute BH"
	mov	word [es:(2*80+2)*2], 0x0731	; '1' at row 2, column 2
	mov	word [es:(3*80+2)*2], 0x0732	; '2' at row 3, column 2
	mov	word [es:(3*80+9)*2], 0x0733	; '3' outside the window
	mov	ax, 0x0601
	mov	bh, 0x4F
	mov	cx, 0x0202		; rows 2-3, columns 2-5
	mov	dx, 0x0305
	int	0x10
	EXPECT	word [es:(2*80+2)*2], 0x0732
	EXPECT	word [es:(3*80+2)*2], 0x4F20
	EXPECT	word [es:(3*80+5)*2], 0x4F20
	EXPECT	word [es:(3*80+6)*2], 0x0720
	EXPECT	word [es:(3*80+9)*2], 0x0733

	TEST	"AH=07h: scroll down; AL=0 clears the window"
	mov	ax, 0x0701
	mov	bh, 0x07
	mov	cx, 0x0202
	mov	dx, 0x0305
	int	0x10
	EXPECT	word [es:(3*80+2)*2], 0x0732
	EXPECT	word [es:(2*80+2)*2], 0x0720
	mov	ax, 0x0600
	mov	bh, 0x17
	int	0x10
	EXPECT	word [es:(3*80+2)*2], 0x1720

	TEST	"AH=13h: write a string with attribute BL, cursor moved (AL=1)"
	push	cs
	pop	es
	mov	bp, hello
	mov	ax, 0x1301
	mov	bx, 0x0002		; green
	mov	cx, 5
	mov	dx, 0x0C00
	int	0x10
	mov	ax, 0xB800
	mov	es, ax
	EXPECT	word [es:(12*80)*2], 0x0268
	EXPECT	word [es:(12*80+4)*2], 0x026F
	mov	ah, 0x03
	mov	bh, 0
	int	0x10
	EXPECT	dx, 0x0C05

	TEST	"AH=13h AL=2: characters and attributes, cursor kept"
	push	cs
	pop	es
	mov	bp, pairs
	mov	ax, 0x1302
	mov	bx, 0
	mov	cx, 2
	mov	dx, 0x0D00
	int	0x10
	mov	ah, 0x03
	int	0x10
	EXPECT	dx, 0x0C05
	mov	ax, 0xB800
	mov	es, ax
	EXPECT	word [es:(13*80)*2], 0x1461
	EXPECT	word [es:(13*80+1)*2], 0x2562

	TEST	"AX=1130h BH=06h: the 8x16 font"
	mov	ax, 0x1130
	mov	bh, 0x06
	int	0x10
	EXPECT	cx, 16
	EXPECT	dl, 24
	EXPECT	byte [es:bp+0x41*16+3], 0x38
	EXPECT	byte [es:bp+0x41*16+7], 0xFE

	TEST	"AX=1A00h: display combination code: a colour VGA"
	mov	ax, 0x1A00
	int	0x10
	EXPECT	al, 0x1A
	EXPECT	bl, 0x08

	TEST	"AH=12h BL=10h: colour, 256 KB"
	mov	ah, 0x12
	mov	bl, 0x10
	int	0x10
	EXPECT	bh, 0x00
	EXPECT	bl, 0x03

	TEST	"AX=1010h/1015h: a DAC entry written and read back"
	mov	ax, 0x1010
	mov	bx, 0x0021
	mov	dh, 0x3F
	mov	cx, 0x1502
	int	0x10
	xor	cx, cx
	xor	dx, dx
	mov	ax, 0x1015
	mov	bx, 0x0021
	int	0x10
	EXPECT	dh, 0x3F
	EXPECT	ch, 0x15
	EXPECT	cl, 0x02

	TEST	"AX=1000h/1007h: an attribute palette register"
	mov	ax, 0x1000
	mov	bx, 0x2A05		; register 5 = 2Ah
	int	0x10
	mov	ax, 0x1007
	mov	bx, 0x0005
	int	0x10
	EXPECT	bh, 0x2A

	TEST	"mode 13h: pixels (AH=0Ch/0Dh) at A000:y*320+x"
	mov	ax, 0x0013
	int	0x10
	mov	ah, 0x0F
	int	0x10
	EXPECT	al, 0x13
	EXPECT	ah, 40
	mov	ax, 0x0C2A
	mov	cx, 10
	mov	dx, 20
	int	0x10
	mov	ax, 0xA000
	mov	es, ax
	EXPECT	byte [es:20*320+10], 0x2A
	mov	ah, 0x0D
	int	0x10
	EXPECT	al, 0x2A
	mov	ax, 0x0C81		; bit 7 is no XOR in 256-colour modes (RBIL)
	int	0x10
	EXPECT	byte [es:20*320+10], 0x81
	mov	ax, 0x0003
	int	0x10

	TEST	"AH=05h: page 1 shows from offset 1000h (CRTC start 0800h words)"
	mov	ax, 0x0501
	int	0x10
	mov	ah, 0x0F
	int	0x10
	EXPECT	bh, 1
	mov	ax, 0x0E50		; 'P' at page 1's cursor, 0,0
	int	0x10
	mov	ax, 0xB800
	mov	es, ax
	EXPECT	word [es:0x1000], 0x0750
	mov	dx, 0x3D4
	mov	al, 0x0C
	out	dx, al
	inc	dx
	in	al, dx
	EXPECT	al, 0x08
	push	ds
	mov	ax, 0x40
	mov	ds, ax
	EXPECT	word [0x4E], 0x1000
	EXPECT	word [0x52], 0x0001	; page 1's cursor moved, page 0's not
	pop	ds
	mov	ax, 0x0500
	int	0x10

	TEST	"mode 1: 40x25, 2 KB pages"
	mov	ax, 0x0001
	int	0x10
	mov	ah, 0x0F
	int	0x10
	EXPECT	ax, 0x2801
	push	ds
	mov	ax, 0x40
	mov	ds, ax
	EXPECT	word [0x4C], 0x0800
	pop	ds
	mov	ah, 0x02
	mov	bh, 0
	mov	dx, 0x0100		; row 1 starts 40 cells in
	int	0x10
	mov	ax, 0x0E4B
	int	0x10
	mov	ax, 0xB800
	mov	es, ax
	EXPECT	word [es:40*2], 0x074B

	TEST	"mode 7: monochrome text at B000h, CRTC at 3B4h"
	mov	ax, 0x0007
	int	0x10
	mov	ah, 0x0F
	int	0x10
	EXPECT	ax, 0x5007
	push	ds
	mov	ax, 0x40
	mov	ds, ax
	EXPECT	word [0x63], 0x3B4
	pop	ds
	mov	ax, 0x0E4D
	int	0x10
	mov	ax, 0xB000
	mov	es, ax
	EXPECT	word [es:0], 0x074D
	mov	ax, 0x0003
	int	0x10

	TEST	"unknown function AH=7Fh changes nothing"
	mov	ax, 0x7F12
	mov	bx, 0x3456
	int	0x10
	EXPECT	ax, 0x7F12
	EXPECT	bx, 0x3456
	PASS

; reg: index AL of the register pair at DX = AH.
reg:	out	dx, al
	inc	dx
	xchg	al, ah
	out	dx, al
	xchg	al, ah
	dec	dx
	ret

hello:	db	"hello"
pairs:	db	"a", 0x14, "b", 0x25
