; tests/guest/alu.asm — ADD ADC SUB SBB CMP INC DEC NEG: results and all six
; arithmetic flags at the carry and overflow edges (8086 and later).
; Expected values are worked out from the Intel SDM's definitions:
;   CF carry out of (or borrow into) the top bit; OF the signed result does not
;   fit; AF carry/borrow at bit 3 = bit 4 of (a XOR b XOR result); PF the low
;   byte of the result has an even number of 1 bits; SF/ZF from the result.
%include "guest.inc"

TEST "add16 wraps to zero"
	mov	ax, 0xFFFF
	add	ax, 1			; -1 + 1: no signed overflow; F+1 carries out of bit 3
	EXPECT_FLAGS CF|ZF|AF|PF, OF|SF
	EXPECT	ax, 0

TEST "add8 signed overflow 7F+1"
	mov	al, 0x7F
	add	al, 1			; 127 + 1 = 128 does not fit: OF; 0x80 has one 1 bit: PF=0
	EXPECT_FLAGS OF|SF|AF, CF|ZF|PF
	EXPECT	al, 0x80

TEST "add8 80+80 carries and overflows"
	mov	bl, 0x80
	add	bl, 0x80		; -128 + -128: OF; low nibbles 0+0: AF=0
	EXPECT_FLAGS CF|OF|ZF|PF, SF|AF
	EXPECT	bl, 0

TEST "add with sign-extended imm8 (83 /0)"
	mov	ax, 5
	add	ax, byte -1		; 5 + FFFF = 1_0004: CF; 5 ^ FFFF ^ 4 = FFFE: AF
	EXPECT_FLAGS CF|AF, OF|SF|ZF|PF
	EXPECT	ax, 4

TEST "add to memory"
	mov	word [val], 0x00F0
	add	word [val], 0x0010
	EXPECT_FLAGS PF, CF|OF|SF|ZF|AF
	EXPECT	word [val], 0x0100

TEST "adc16 adds the carry in"
	mov	ax, 0x1234
	stc
	adc	ax, 0x0DCB		; 1234 + 0DCB + 1 = 2000; 4 + B + 1 = 0x10: AF
	EXPECT_FLAGS AF|PF, CF|OF|SF|ZF
	EXPECT	ax, 0x2000

TEST "adc8 carry in makes a carry out"
	mov	al, 0xFF
	stc
	adc	al, 0			; FF + 0 + 1 = 1_00; -1 + 1 = 0: no OF
	EXPECT_FLAGS CF|ZF|AF|PF, OF|SF
	EXPECT	al, 0

TEST "add/adc make a 32-bit add"
	mov	ax, 0xFFFF
	mov	dx, 0x0001
	add	ax, 1
	adc	dx, 0			; 0001_FFFF + 1 = 0002_0000
	EXPECT_FLAGS 0, CF|ZF
	EXPECT	ax, 0
	EXPECT	dx, 2

TEST "sub16 borrows below zero"
	xor	ax, ax
	sub	ax, 1			; 0 - 1 = FFFF: CF; -1 fits: no OF; FF has 8 ones: PF
	EXPECT_FLAGS CF|SF|AF|PF, OF|ZF
	EXPECT	ax, 0xFFFF

TEST "sub8 signed overflow 80-1"
	mov	al, 0x80
	sub	al, 1			; -128 - 1 = -129: OF; 7F has 7 ones: PF=0
	EXPECT_FLAGS OF|AF, CF|SF|ZF|PF
	EXPECT	al, 0x7F

TEST "sbb16 subtracts the borrow in"
	mov	ax, 0x1000
	stc
	sbb	ax, 0x0FFF		; 1000 - 0FFF - 1 = 0; 1000 ^ 0FFF ^ 0 = 1FFF: AF
	EXPECT_FLAGS ZF|AF|PF, CF|OF|SF
	EXPECT	ax, 0

TEST "sbb8 borrow in makes a borrow out"
	xor	cl, cl
	stc
	sbb	cl, 0			; 0 - 0 - 1 = FF: CF; -1 fits: no OF
	EXPECT_FLAGS CF|SF|AF|PF, OF|ZF
	EXPECT	cl, 0xFF

TEST "cmp sets flags like sub, keeps the operand"
	mov	ax, 5
	cmp	ax, 7			; 5 - 7 = FFFE: CF, SF; FE has 7 ones: PF=0
	EXPECT_FLAGS CF|SF|AF, OF|ZF|PF
	EXPECT	ax, 5

TEST "cmp signed: 8000 < 1 by SF != OF"
	mov	ax, 0x8000
	cmp	ax, 1			; -32768 - 1 overflows to 7FFF: OF=1, SF=0
	EXPECT_FLAGS OF, CF|SF|ZF
	mov	bx, 0
	jnl	.not_less
	mov	bx, 1
.not_less:
	EXPECT	bx, 1

TEST "cmp equal sets ZF"
	mov	dl, 0x42
	cmp	dl, 0x42
	EXPECT_FLAGS ZF|PF, CF|OF|SF|AF
	EXPECT	dl, 0x42

TEST "inc wraps and leaves CF alone"
	mov	ax, 0xFFFF
	stc
	inc	ax			; CF stays 1 (INC does not write it)
	EXPECT_FLAGS CF|ZF|AF|PF, OF|SF
	EXPECT	ax, 0

TEST "inc8 overflows at 7F"
	mov	bl, 0x7F
	clc
	inc	bl			; 127 + 1: OF, SF; CF stays 0
	EXPECT_FLAGS OF|SF|AF, CF|ZF|PF
	EXPECT	bl, 0x80

TEST "dec wraps and leaves CF alone"
	xor	cx, cx
	clc
	dec	cx			; 0 - 1 = FFFF, but CF stays 0
	EXPECT_FLAGS SF|AF|PF, CF|OF|ZF
	EXPECT	cx, 0xFFFF

TEST "dec16 overflows at 8000"
	mov	dx, 0x8000
	stc
	dec	dx			; -32768 - 1: OF; 8000 ^ 1 ^ 7FFF = FFFE: AF; CF stays 1
	EXPECT_FLAGS CF|OF|AF|PF, SF|ZF
	EXPECT	dx, 0x7FFF

TEST "neg of 1"
	mov	ax, 1
	neg	ax			; 0 - 1: CF because the operand was not zero
	EXPECT_FLAGS CF|SF|AF|PF, OF|ZF
	EXPECT	ax, 0xFFFF

TEST "neg of 0 clears CF"
	xor	ax, ax
	stc
	neg	ax
	EXPECT_FLAGS ZF|PF, CF|OF|SF|AF
	EXPECT	ax, 0

TEST "neg of 80 overflows"
	mov	al, 0x80
	neg	al			; -(-128) does not fit: OF; 0 ^ 80 ^ 80 = 0: AF=0
	EXPECT_FLAGS CF|OF|SF, ZF|AF|PF
	EXPECT	al, 0x80

TEST "neg memory byte"
	mov	byte [val], 5
	neg	byte [val]		; FB = 11111011, 7 ones: PF=0
	EXPECT_FLAGS CF|SF|AF, OF|ZF|PF
	EXPECT	byte [val], 0xFB

PASS

val:	dw	0
