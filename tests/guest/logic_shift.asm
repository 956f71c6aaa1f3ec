; tests/guest/logic_shift.asm — AND OR XOR NOT TEST, and SHL SHR SAR ROL ROR
; RCL RCR by 1 and by CL (8086 and later).
; Only the flags the Intel SDM defines are checked: logic ops clear CF and OF
; and set SF ZF PF (AF is undefined); shifts set CF to the last bit shifted
; out and SF ZF PF from the result, OF only for a count of 1 (SHL: top bit of
; the result XOR CF; SHR: top bit of the operand; SAR: 0); rotates change CF
; and OF only (OF again only for a count of 1). A count of 0 changes no flag.
; Counts stay below 16, where the 8086 (no masking) and the 186+ (count
; masked to 5 bits) agree.
%include "guest.inc"

TEST "and clears CF and OF"
	mov	al, 0x7F
	add	al, 1			; OF=1 first, to see AND clear it
	stc
	mov	ax, 0xF0F0
	and	ax, 0x0FF0		; 00F0: F0 has 4 ones: PF
	EXPECT_FLAGS PF, CF|OF|SF|ZF
	EXPECT	ax, 0x00F0

TEST "and to zero"
	mov	bl, 0xAA
	and	bl, 0x55
	EXPECT_FLAGS ZF|PF, CF|OF|SF
	EXPECT	bl, 0

TEST "or sets SF"
	mov	ax, 0x0001
	or	ax, 0x8000		; low byte 01: one 1 bit: PF=0
	EXPECT_FLAGS SF, CF|OF|ZF|PF
	EXPECT	ax, 0x8001

TEST "xor with itself zeroes"
	mov	dx, 0x1234
	stc
	xor	dx, dx
	EXPECT_FLAGS ZF|PF, CF|OF|SF
	EXPECT	dx, 0

TEST "xor memory byte"
	mov	byte [val], 0x5A
	xor	byte [val], 0xFF	; A5 = 10100101: 4 ones: PF
	EXPECT_FLAGS SF|PF, CF|OF|ZF
	EXPECT	byte [val], 0xA5

TEST "not changes no flags"
	xor	cx, cx			; ZF=1 PF=1, CF=OF=SF=0 ...
	stc				; ... and CF=1
	mov	ax, 0x00FF
	not	ax
	EXPECT_FLAGS CF|ZF|PF, OF|SF
	EXPECT	ax, 0xFF00

TEST "test sets flags, writes nothing"
	mov	al, 0x81
	test	al, 0x80		; 80: one 1 bit: PF=0
	EXPECT_FLAGS SF, CF|OF|ZF|PF
	test	al, 0x02
	EXPECT_FLAGS ZF|PF, CF|OF|SF
	EXPECT	al, 0x81

TEST "shl by 1"
	mov	al, 0xC1
	shl	al, 1			; 11000001 -> 10000010, CF=1; OF = 1 XOR 1 = 0
	EXPECT_FLAGS CF|SF|PF, OF|ZF
	EXPECT	al, 0x82

TEST "shl by 1 overflows"
	mov	ax, 0x4000
	shl	ax, 1			; 8000, CF=0; OF = 1 XOR 0 = 1
	EXPECT_FLAGS OF|SF|PF, CF|ZF
	EXPECT	ax, 0x8000

TEST "shl by cl"
	mov	bx, 0x1234
	mov	cl, 4
	shl	bx, cl			; 2340; last bit out is bit 12 of 1234 = 1
	EXPECT_FLAGS CF, SF|ZF|PF	; 40 has one 1 bit: PF=0
	EXPECT	bx, 0x2340
	mov	ax, 1
	mov	cl, 15
	shl	ax, cl			; 8000; last bit out is bit 1 of 0001 = 0
	EXPECT_FLAGS SF|PF, CF|ZF
	EXPECT	ax, 0x8000

TEST "shift by cl=0 changes nothing"
	xor	dx, dx			; ZF=1 PF=1
	stc
	mov	ax, 0x1234
	mov	cl, 0
	shl	ax, cl
	EXPECT_FLAGS CF|ZF|PF, SF|OF
	EXPECT	ax, 0x1234

TEST "shr by 1"
	mov	al, 0x81
	shr	al, 1			; 40, CF=1; OF = top bit of 81 = 1
	EXPECT_FLAGS CF|OF, SF|ZF|PF
	EXPECT	al, 0x40

TEST "shr by cl"
	mov	ax, 0x8000
	mov	cl, 15
	shr	ax, cl			; 0001; last bit out is bit 14 = 0
	EXPECT_FLAGS 0, CF|SF|ZF|PF
	EXPECT	ax, 1
	mov	dx, 3
	mov	cl, 2
	shr	dx, cl			; 0; last bit out is bit 1 = 1
	EXPECT_FLAGS CF|ZF|PF, SF
	EXPECT	dx, 0

TEST "sar keeps the sign"
	mov	al, 0x80
	sar	al, 1			; C0, CF=0, OF=0; C0 has 2 ones: PF
	EXPECT_FLAGS SF|PF, CF|OF|ZF
	EXPECT	al, 0xC0
	mov	ax, 0xFFF1		; -15
	mov	cl, 2
	sar	ax, cl			; floor(-15 / 4) = -4 = FFFC; bit 1 of F1 = 0
	EXPECT_FLAGS SF|PF, CF|ZF	; FC has 6 ones: PF
	EXPECT	ax, 0xFFFC
	mov	bx, 0xFFFF
	sar	bx, 1			; -1 stays -1, CF=1, OF=0
	EXPECT_FLAGS CF|SF|PF, OF|ZF
	EXPECT	bx, 0xFFFF

TEST "rol"
	xor	dx, dx			; ZF=1 PF=1: rotates must leave them
	mov	al, 0x81
	rol	al, 1			; 03, CF = old top bit = 1; OF = 0 XOR 1 = 1
	EXPECT_FLAGS CF|OF|ZF|PF, SF
	EXPECT	al, 0x03
	mov	ax, 0x1234
	mov	cl, 4
	rol	ax, cl			; 2341, CF = bit 0 of the result = 1
	EXPECT_FLAGS CF, 0
	EXPECT	ax, 0x2341

TEST "ror"
	mov	al, 0x01
	ror	al, 1			; 80, CF = 1; OF = top two bits 1 XOR 0 = 1
	EXPECT_FLAGS CF|OF, 0
	EXPECT	al, 0x80
	mov	ax, 0x1234
	mov	cl, 8
	ror	ax, cl			; 3412, CF = top bit of the result = 0
	EXPECT_FLAGS 0, CF
	EXPECT	ax, 0x3412

TEST "rcl through the carry"
	clc
	mov	al, 0x80
	rcl	al, 1			; CF:AL 0:10000000 -> 1:00000000; OF = 0 XOR 1 = 1
	EXPECT_FLAGS CF|OF, 0
	EXPECT	al, 0
	stc
	mov	bl, 0
	rcl	bl, 1			; 1:00000000 -> 0:00000001; OF = 0 XOR 0 = 0
	EXPECT_FLAGS 0, CF|OF
	EXPECT	bl, 1
	xor	ax, ax
	stc
	mov	cl, 3
	rcl	ax, cl			; 17-bit rotate of 1:0000: 0:0001, 0:0002, 0:0004
	EXPECT_FLAGS 0, CF
	EXPECT	ax, 4

TEST "rcr through the carry"
	stc
	mov	al, 0
	rcr	al, 1			; 1:00000000 -> AL=10000000, CF=0; OF = 1 XOR 0 = 1
	EXPECT_FLAGS OF, CF
	EXPECT	al, 0x80
	mov	ax, 1
	clc
	mov	cl, 2
	rcr	ax, cl			; 0:0001 -> 1:0000 -> 0:8000
	EXPECT_FLAGS 0, CF
	EXPECT	ax, 0x8000

PASS

val:	db	0
