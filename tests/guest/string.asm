; tests/guest/string.asm — MOVS CMPS SCAS LODS STOS, with REP/REPE/REPNE,
; backwards with DF=1, and a segment override on the source (8086 and later).
; String instructions read DS:SI (the segment can be overridden) and write or
; scan ES:DI (never overridden); SI/DI step by the operand size, up with DF=0
; and down with DF=1. REP counts CX down to 0 and does nothing when CX = 0;
; REPE/REPNE also stop when ZF says so, after stepping past the element that
; decided. CMPS computes [SI] - [DI] (source minus destination).
%include "guest.inc"

BUF	equ	0x8000			; scratch space in our segment, above the code
OTHER	equ	0x1000			; a second segment: ours + 64 KiB

TEST "rep movsb forward"
	cld
	mov	si, abc
	mov	di, BUF
	mov	cx, 6
	rep	movsb
	EXPECT	cx, 0
	EXPECT	si, abc + 6
	EXPECT	di, BUF + 6
	EXPECT	byte [BUF], 'A'
	EXPECT	byte [BUF+5], 'F'

TEST "rep movsw steps by two"
	mov	si, words
	mov	di, BUF + 0x10
	mov	cx, 3
	rep	movsw
	EXPECT	si, words + 6
	EXPECT	di, BUF + 0x16
	EXPECT	word [BUF+0x14], 0x3333

TEST "rep with cx=0 does nothing"
	mov	byte [BUF+0x20], 0xEE
	mov	si, abc
	mov	di, BUF + 0x20
	xor	cx, cx
	rep	movsb
	EXPECT	si, abc
	EXPECT	di, BUF + 0x20
	EXPECT	byte [BUF+0x20], 0xEE

TEST "movsb backwards with DF=1"
	std
	mov	si, abc + 5
	mov	di, BUF + 0x35
	mov	cx, 6
	rep	movsb
	cld
	EXPECT	si, abc - 1
	EXPECT	di, BUF + 0x2F
	EXPECT	byte [BUF+0x30], 'A'
	EXPECT	byte [BUF+0x35], 'F'

TEST "overlapping copy backwards (memmove)"
	mov	si, abc
	mov	di, BUF + 0x40
	mov	cx, 6
	rep	movsb			; BUF+40: "ABCDEF"
	std
	mov	si, BUF + 0x45
	mov	di, BUF + 0x47
	mov	cx, 6
	rep	movsb			; shift right by 2 from the end: "ABABCDEF"
	cld
	EXPECT	byte [BUF+0x42], 'A'
	EXPECT	byte [BUF+0x43], 'B'
	EXPECT	byte [BUF+0x47], 'F'

TEST "stosb and stosw"
	mov	di, BUF + 0x50
	mov	al, 0x5A
	mov	cx, 4
	rep	stosb
	mov	ax, 0xBEEF
	stosw
	EXPECT	di, BUF + 0x56
	EXPECT	word [BUF+0x50], 0x5A5A
	EXPECT	byte [BUF+0x53], 0x5A
	EXPECT	word [BUF+0x54], 0xBEEF

TEST "lodsb and lodsw"
	mov	si, abc
	lodsb
	EXPECT	al, 'A'
	lodsw				; "BC" little-endian
	EXPECT	ax, 0x4342
	EXPECT	si, abc + 3
	std
	lodsb				; reads 'D' at abc+3, then SI goes down
	cld
	EXPECT	al, 'D'
	EXPECT	si, abc + 2

TEST "repne scasb finds a byte"
	mov	di, abc
	mov	cx, 6
	mov	al, 'D'
	repne	scasb			; stops just past the match
	EXPECT_FLAGS ZF, 0
	EXPECT	di, abc + 4
	EXPECT	cx, 2

TEST "repne scasb runs out"
	mov	di, abc
	mov	cx, 6
	mov	al, 'Z'
	repne	scasb
	EXPECT_FLAGS 0, ZF
	EXPECT	di, abc + 6
	EXPECT	cx, 0

TEST "repe scasb skips blanks"
	mov	di, blanks
	mov	cx, 6
	mov	al, ' '
	repe	scasb			; three blanks, then 'x' stops it
	EXPECT_FLAGS 0, ZF
	EXPECT	di, blanks + 4
	EXPECT	cx, 2

TEST "repe cmpsb stops at the first difference"
	mov	si, abc
	mov	di, abx
	mov	cx, 6
	repe	cmpsb			; 'D' - 'X' = 44 - 58: borrow, negative
	EXPECT_FLAGS CF|SF, ZF
	EXPECT	si, abc + 4
	EXPECT	di, abx + 4
	EXPECT	cx, 2

TEST "repe cmpsb equal strings"
	mov	si, abc
	mov	di, BUF			; the copy made by the first test
	mov	cx, 6
	repe	cmpsb
	EXPECT_FLAGS ZF, CF
	EXPECT	cx, 0

TEST "repne cmpsb finds the first equal pair"
	mov	si, abc
	mov	di, xbz
	mov	cx, 3
	repne	cmpsb			; 'A' != 'x', then 'B' = 'B'
	EXPECT_FLAGS ZF, 0
	EXPECT	cx, 1
	EXPECT	si, abc + 2

TEST "cmpsw"
	mov	si, w1234
	mov	di, w1235
	cmpsw				; 1234 - 1235 = FFFF
	EXPECT_FLAGS CF|SF, ZF
	EXPECT	si, w1234 + 2
	EXPECT	di, w1235 + 2

TEST "movsb to another segment through ES"
	mov	ax, cs
	add	ax, OTHER
	mov	es, ax
	mov	si, abc
	mov	di, BUF
	mov	cx, 6
	rep	movsb
	EXPECT	byte [es:BUF], 'A'
	EXPECT	byte [es:BUF+5], 'F'
	mov	al, 'z'			; and fill [OTHER:abc] with something else
	mov	di, abc
	mov	cx, 6
	rep	stosb
	push	cs
	pop	es

TEST "segment override on the source"
	mov	ax, cs
	add	ax, OTHER
	mov	ds, ax			; DS:abc now holds "zzzzzz"
	mov	si, abc
	mov	di, BUF + 0x60
	mov	cx, 6
	rep	cs movsb		; CS:SI, so "ABCDEF" again
	mov	si, abc
	lodsb				; plain DS:SI reads 'z'
	mov	bl, al
	mov	si, abc
	es	lodsb			; ES:SI reads 'A'
	push	cs
	pop	ds
	EXPECT	byte [BUF+0x60], 'A'
	EXPECT	byte [BUF+0x65], 'F'
	EXPECT	bl, 'z'
	EXPECT	al, 'A'

PASS

abc:	db	"ABCDEF"
abx:	db	"ABCXEF"
xbz:	db	"xBz"
blanks:	db	"   xyz"
words:	dw	0x1111, 0x2222, 0x3333
w1234:	dw	0x1234
w1235:	dw	0x1235
