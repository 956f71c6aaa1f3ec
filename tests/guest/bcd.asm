; tests/guest/bcd.asm — DAA DAS AAA AAS AAM AAD, including AAM/AAD with a
; base other than 10 (8086 and later).
; Defined flags (Intel SDM): DAA/DAS set CF AF SF ZF PF (OF undefined);
; AAA/AAS set AF and CF only; AAM/AAD set SF ZF PF only. DAA: if the low digit
; is above 9 or AF, add 6 (AF=1); if the old AL was above 99h or CF, add 60h
; (CF=1). DAS subtracts the same way.
; Inputs are valid BCD, and AAA/AAS inputs keep AL away from FA-FF and 00-05,
; where the 8086 (AL+-6, AH+-1) and the 286+ (AX+-106h) differ.
%include "guest.inc"

TEST "daa with no adjustment"
	mov	al, 0x12
	add	al, 0x34		; 46 is already BCD; 46 = 01000110: PF=0
	daa
	EXPECT_FLAGS 0, CF|AF|SF|ZF|PF
	EXPECT	al, 0x46

TEST "daa adjusts the low digit"
	mov	al, 0x38
	add	al, 0x45		; 7D: low digit D > 9, so +6 = 83, AF=1
	daa
	EXPECT_FLAGS AF|SF, CF|ZF|PF	; 83 = 10000011: PF=0
	EXPECT	al, 0x83

TEST "daa after a carry out of the low digit"
	mov	al, 0x09
	add	al, 0x09		; 12 with AF=1: +6 = 18
	daa
	EXPECT_FLAGS AF|PF, CF|SF|ZF	; 18 = 00011000: PF=1
	EXPECT	al, 0x18

TEST "daa decimal carry 99+01"
	mov	al, 0x99
	add	al, 0x01		; 9A: +6 = A0 (AF), old AL 9A > 99: +60 = 00 (CF)
	daa
	EXPECT_FLAGS CF|AF|ZF|PF, SF
	EXPECT	al, 0

TEST "daa adjusts the high digit only"
	mov	al, 0x50
	add	al, 0x70		; C0: low digit fine, C0 > 99: +60 = 20, CF
	daa
	EXPECT_FLAGS CF, AF|SF|ZF|PF
	EXPECT	al, 0x20

TEST "daa after a binary carry"
	mov	al, 0x80
	add	al, 0x90		; 10 with CF=1: +60 = 70, CF stays (80+90 = 170)
	daa
	EXPECT_FLAGS CF, AF|SF|ZF|PF	; 70 = 01110000: PF=0
	EXPECT	al, 0x70

TEST "das adjusts the low digit"
	mov	al, 0x45
	sub	al, 0x17		; 2E with AF=1: -6 = 28 (45 - 17 = 28)
	das
	EXPECT_FLAGS AF|PF, CF|SF|ZF	; 28 = 00101000: PF=1
	EXPECT	al, 0x28

TEST "das borrows 10-20"
	mov	al, 0x10
	sub	al, 0x20		; F0 with CF=1: -60 = 90, CF (10 - 20 = -100 + 90)
	das
	EXPECT_FLAGS CF|SF|PF, AF|ZF	; 90 = 10010000: PF=1
	EXPECT	al, 0x90

TEST "aaa with no adjustment"
	mov	ax, 0x0005
	add	al, 0x03
	aaa				; 8 <= 9 and AF=0: AL = 08, AH unchanged
	EXPECT_FLAGS 0, CF|AF
	EXPECT	ax, 0x0008

TEST "aaa carries into AH"
	mov	ax, 0x0008
	add	al, 0x07		; 0F: F > 9, so AL = (0F + 6) AND 0F = 5, AH + 1
	aaa
	EXPECT_FLAGS CF|AF, 0
	EXPECT	ax, 0x0105

TEST "aaa after AF"
	mov	ax, 0x0009
	add	al, 0x09		; 12 with AF=1: AL = (12 + 6) AND 0F = 8, AH + 1
	aaa
	EXPECT_FLAGS CF|AF, 0
	EXPECT	ax, 0x0108

TEST "aas borrows from AH"
	mov	ax, 0x0103		; unpacked 13
	sub	al, 0x05		; FE with AF=1: AL = (FE - 6) AND 0F = 8, AH - 1
	aas
	EXPECT_FLAGS CF|AF, 0
	EXPECT	ax, 0x0008

TEST "aas with no adjustment"
	mov	ax, 0x0109
	sub	al, 0x04		; 05, AF=0: AL = 05, AH unchanged
	aas
	EXPECT_FLAGS 0, CF|AF
	EXPECT	ax, 0x0105

TEST "aam splits AL into decimal digits"
	mov	al, 9
	mov	bl, 8
	mul	bl			; 72 = 48h
	aam				; AH = 72 / 10, AL = 72 mod 10
	EXPECT_FLAGS 0, SF|ZF|PF	; AL = 02: one 1 bit: PF=0
	EXPECT	ax, 0x0702

TEST "aam with a zero low digit"
	mov	ax, 0x1150		; AAM reads AL only: 80
	aam
	EXPECT_FLAGS ZF|PF, SF
	EXPECT	ax, 0x0800

TEST "aam 16 splits AL into nibbles"
	mov	al, 0xAB		; 171 = 10 * 16 + 11
	aam	16
	EXPECT_FLAGS 0, SF|ZF|PF	; AL = 0B = 00001011: PF=0
	EXPECT	ax, 0x0A0B

TEST "aad joins two digits before a div"
	mov	ax, 0x0702		; unpacked 72
	aad				; AL = 7 * 10 + 2 = 48h, AH = 0
	EXPECT_FLAGS PF, SF|ZF		; 48 = 01001000: PF=1
	EXPECT	ax, 0x0048
	mov	bl, 8
	div	bl			; 72 / 8 = 9 rem 0
	EXPECT	ax, 0x0009

TEST "aad 16 joins nibbles"
	mov	ax, 0x0A0B
	aad	16			; AL = 10 * 16 + 11 = AB, AH = 0
	EXPECT_FLAGS SF, ZF|PF		; AB = 10101011: 5 ones: PF=0
	EXPECT	ax, 0x00AB

PASS
