; tests/guest/muldiv.asm — MUL IMUL DIV IDIV CBW CWD, and divide errors (#DE)
; caught by a handler in the IVT that checks the address it was given
; (8086 and later).
; MUL/IMUL define only CF and OF (set when the upper half is needed); DIV and
; IDIV define no flags, so none are checked after them. IDIV truncates toward
; zero and the remainder takes the sign of the dividend (Intel SDM, IDIV).
; #DE: the 8086 pushes the address of the next instruction, the 286 and
; later the address of the faulting DIV (a fault, so it can be restarted).
%include "guest.inc"

	; Which CPU: the 8086 pushes SP after the decrement, later CPUs before.
	push	sp
	pop	ax
	cmp	ax, sp
	je	.not_8086
	mov	byte [is_8086], 1
.not_8086:
	; Vector 0 (#DE) -> de_handler. The IVT is at 0000:0000.
	xor	ax, ax
	mov	es, ax
	mov	word [es:0*4], de_handler
	mov	word [es:0*4+2], cs
	push	cs
	pop	es

TEST "mul8 needs AH"
	mov	al, 200
	mov	bl, 3
	mul	bl			; 600 = 0258: AH != 0, so CF = OF = 1
	EXPECT_FLAGS CF|OF, 0
	EXPECT	ax, 0x0258

TEST "mul8 fits in AL"
	mov	ax, 0xAA0F		; MUL r8 reads AL only
	mov	cl, 17
	mul	cl			; 15 * 17 = 255 = 00FF
	EXPECT_FLAGS 0, CF|OF
	EXPECT	ax, 0x00FF

TEST "mul16 FFFF*FFFF"
	mov	ax, 0xFFFF
	mov	bx, 0xFFFF
	mul	bx			; (2^16 - 1)^2 = FFFE_0001
	EXPECT_FLAGS CF|OF, 0
	EXPECT	dx, 0xFFFE
	EXPECT	ax, 0x0001

TEST "mul16 memory operand, DX zeroed"
	mov	word [val], 300
	mov	ax, 200
	mov	dx, 0x5555		; overwritten with the high half, 0
	mul	word [val]		; 60000 = EA60
	EXPECT_FLAGS 0, CF|OF
	EXPECT	dx, 0
	EXPECT	ax, 0xEA60

TEST "imul8 negative result fits"
	mov	al, -3
	mov	bl, 7
	imul	bl			; -21 = FFEB: AH is the sign extension of AL
	EXPECT_FLAGS 0, CF|OF
	EXPECT	ax, 0xFFEB

TEST "imul8 result needs AH"
	mov	al, -128
	mov	bl, 2
	imul	bl			; -256 = FF00: AL alone would say 0
	EXPECT_FLAGS CF|OF, 0
	EXPECT	ax, 0xFF00

TEST "imul16 -1000*1000"
	mov	ax, -1000
	mov	cx, 1000
	imul	cx			; -1000000 = -000F_4240 = FFF0_BDC0
	EXPECT_FLAGS CF|OF, 0
	EXPECT	dx, 0xFFF0
	EXPECT	ax, 0xBDC0

TEST "imul16 small negative fits"
	mov	ax, -2
	mov	bx, 3
	imul	bx			; -6: DX:AX = FFFF:FFFA
	EXPECT_FLAGS 0, CF|OF
	EXPECT	dx, 0xFFFF
	EXPECT	ax, 0xFFFA

TEST "div8 quotient and remainder"
	mov	ax, 1000
	mov	bl, 7
	div	bl			; 1000 = 7 * 142 + 6: AL = 8E, AH = 06
	EXPECT	ax, 0x068E

TEST "div16 32-bit dividend"
	mov	dx, 0x000F
	mov	ax, 0x4240		; 1000000
	mov	cx, 4321
	div	cx			; 1000000 = 4321 * 231 + 1849
	EXPECT	ax, 231
	EXPECT	dx, 1849

TEST "idiv8 truncates toward zero"
	mov	ax, -100
	mov	bl, 7
	idiv	bl			; -14 rem -2 (not -15 rem 5): AL = F2, AH = FE
	EXPECT	ax, 0xFEF2

TEST "idiv16 remainder has the dividend's sign"
	mov	ax, 1000
	cwd
	mov	bx, -7
	idiv	bx			; -142 rem 6 = FF72, 0006
	EXPECT	ax, 0xFF72
	EXPECT	dx, 6

TEST "cbw and cwd sign-extend"
	mov	ax, 0x1280
	cbw
	EXPECT	ax, 0xFF80
	cwd
	EXPECT	dx, 0xFFFF
	mov	ax, 0x7FFF
	cwd
	EXPECT	dx, 0

TEST "div by zero raises #DE"
	mov	word [de_resume], .resume1
	mov	ax, 1234
	mov	bl, 0
.div1:	div	bl
.next1:	jmp	.resume1		; no #DE: the count below fails
.resume1:
	EXPECT	byte [de_count], 1
	mov	ax, cs
	EXPECT	word [de_cs], ax
	mov	ax, .div1
	cmp	byte [is_8086], 0
	je	.check1
	mov	ax, .next1
.check1:
	EXPECT	word [de_ip], ax

TEST "div8 quotient overflow raises #DE"
	mov	word [de_resume], .resume2
	mov	ax, 0x1000		; 4096 / 2 = 2048 does not fit in AL
	mov	cl, 2
.div2:	div	cl
.next2:	jmp	.resume2
.resume2:
	EXPECT	byte [de_count], 2
	mov	ax, .div2
	cmp	byte [is_8086], 0
	je	.check2
	mov	ax, .next2
.check2:
	EXPECT	word [de_ip], ax

TEST "idiv16 quotient overflow raises #DE"
	mov	word [de_resume], .resume3
	mov	dx, 0x0001
	xor	ax, ax			; 65536 / 1 does not fit in a signed word
	mov	bx, 1
.div3:	idiv	bx
.next3:	jmp	.resume3
.resume3:
	EXPECT	byte [de_count], 3
	mov	ax, .div3
	cmp	byte [is_8086], 0
	je	.check3
	mov	ax, .next3
.check3:
	EXPECT	word [de_ip], ax

PASS

; #DE: count, record the CS:IP the CPU pushed, and return to [de_resume]
; (returning as is would run the DIV again on a 286 or later).
de_handler:
	push	bp
	mov	bp, sp
	push	ax
	inc	byte [cs:de_count]
	mov	ax, [bp+2]
	mov	[cs:de_ip], ax
	mov	ax, [bp+4]
	mov	[cs:de_cs], ax
	mov	ax, [cs:de_resume]
	mov	[bp+2], ax
	pop	ax
	pop	bp
	iret

is_8086:	db	0
de_count:	db	0
de_ip:		dw	0
de_cs:		dw	0
de_resume:	dw	0
val:		dw	0
