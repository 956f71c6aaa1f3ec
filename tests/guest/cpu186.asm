; tests/guest/cpu186.asm — the instructions the 80186 added, which the 286 and
; 386 keep: PUSH imm, IMUL r,rm,imm, shifts and rotates by an immediate,
; ENTER/LEAVE, PUSHA/POPA, BOUND with its #BR handler. Also the 186's 5-bit
; shift-count mask. Runs on the 286 and 386 only (the 8086 lacks all of it).
%include "guest.inc"
	cpu	186

	; Vector 5 (#BR) -> br_handler, in the IVT at 0000:0000.
	xor	ax, ax
	mov	es, ax
	mov	word [es:5*4], br_handler
	mov	word [es:5*4+2], cs
	push	cs
	pop	es

TEST "push imm16 and sign-extended imm8"
	push	0x1234			; 68 iw
	pop	ax
	EXPECT	ax, 0x1234
	push	byte -2			; 6A ib: sign-extended to FFFE
	pop	bx
	EXPECT	bx, 0xFFFE

TEST "imul r, rm, imm"
	mov	bx, 123
	imul	ax, bx, 10		; 1230 fits: CF = OF = 0
	EXPECT_FLAGS 0, CF|OF
	EXPECT	ax, 1230
	mov	dx, 1000
	imul	cx, dx, -3		; -3000 = F448
	EXPECT_FLAGS 0, CF|OF
	EXPECT	cx, 0xF448
	mov	bx, 100
	imul	ax, bx, 1000		; 100000 = 1_86A0: truncated, CF = OF = 1
	EXPECT_FLAGS CF|OF, 0
	EXPECT	ax, 0x86A0
	mov	word [val], -7
	imul	si, [val], 300		; memory source: -2100 = F7CC
	EXPECT	si, 0xF7CC

TEST "shifts and rotates by imm"
	mov	ax, 0x1234
	shl	ax, 4			; C1 /4: 2340, last bit out is bit 12 = 1
	EXPECT_FLAGS CF, ZF|SF
	EXPECT	ax, 0x2340
	mov	bl, 0xF0
	shr	bl, 3			; 1E, last bit out is bit 2 = 0
	EXPECT_FLAGS 0, CF|ZF|SF
	EXPECT	bl, 0x1E
	mov	dx, 0x8000
	sar	dx, 3			; F000
	EXPECT	dx, 0xF000
	mov	ax, 0x1234
	rol	ax, 8			; 3412
	EXPECT	ax, 0x3412
	mov	al, 0x01
	stc
	rcr	al, 2			; 1:00000001 -> 1:10000000 -> 0:11000000
	EXPECT_FLAGS 0, CF
	EXPECT	al, 0xC0

TEST "shift counts are masked to 5 bits"
	mov	ax, 1
	mov	cl, 33			; 33 AND 31 = 1 (the 8086 would shift 33 times)
	shl	ax, cl
	EXPECT	ax, 2

TEST "enter and leave, level 0"
	mov	bp, 0x1111
	mov	di, sp			; DI = SP before
	enter	6, 0			; push bp; bp = sp; sp -= 6
	mov	ax, di
	sub	ax, 2
	EXPECT	bp, ax
	mov	ax, sp
	add	ax, 6
	EXPECT	bp, ax
	EXPECT	word [bp], 0x1111	; the caller's BP, saved
	leave				; sp = bp; pop bp
	EXPECT	bp, 0x1111
	mov	cx, sp
	EXPECT	cx, di

TEST "enter level 1 pushes the frame pointer"
	mov	bp, 0x2222
	mov	di, sp
	enter	2, 1			; push bp; t = sp; push t; bp = t; sp -= 2
	mov	ax, di
	sub	ax, 2
	EXPECT	bp, ax
	EXPECT	word [bp], 0x2222
	EXPECT	word [bp-2], ax		; its own frame pointer, for nested procedures
	mov	ax, sp
	add	ax, 4
	EXPECT	bp, ax
	leave
	EXPECT	bp, 0x2222
	mov	cx, sp
	EXPECT	cx, di

TEST "enter level 2 copies the outer frame pointer"
	mov	word [frame-2], 0xABCD	; the outer procedure's display entry
	mov	bp, frame		; BP as the outer procedure left it
	mov	di, sp
	enter	4, 2			; push bp; t = sp; push [bp-2]; push t; bp = t; sp -= 4
	mov	ax, di
	sub	ax, 2
	EXPECT	bp, ax
	EXPECT	word [bp], frame
	EXPECT	word [bp-2], 0xABCD
	EXPECT	word [bp-4], ax
	mov	ax, sp
	add	ax, 8
	EXPECT	bp, ax
	leave
	EXPECT	bp, frame
	mov	cx, sp
	EXPECT	cx, di

TEST "pusha and popa"
	mov	ax, 0x1001
	mov	cx, 0x1002
	mov	dx, 0x1003
	mov	bx, 0x1004
	mov	bp, 0x1005
	mov	si, 0x1006
	mov	di, 0x1007
	mov	[val], sp
	pusha				; AX CX DX BX SP(before) BP SI DI
	mov	bp, sp
	EXPECT	word [bp+14], 0x1001
	EXPECT	word [bp+8], bx
	mov	ax, [val]
	EXPECT	word [bp+6], ax		; the SP before PUSHA
	EXPECT	word [bp], 0x1007
	xor	ax, ax
	xor	cx, cx
	xor	dx, dx
	xor	bx, bx
	xor	bp, bp
	xor	si, si
	xor	di, di
	popa				; restores all but SP, whose slot is skipped
	EXPECT	ax, 0x1001
	EXPECT	cx, 0x1002
	EXPECT	dx, 0x1003
	EXPECT	bx, 0x1004
	EXPECT	bp, 0x1005
	EXPECT	si, 0x1006
	EXPECT	di, 0x1007
	mov	ax, [val]
	mov	cx, sp
	EXPECT	cx, ax

TEST "bound inside the limits"
	mov	byte [br_count], 0
	mov	ax, 15
	bound	ax, [limits]		; 10 <= 15 <= 20
	mov	ax, -2
	bound	ax, [slimits]		; signed: -5 <= -2 <= 5
	EXPECT	byte [br_count], 0

TEST "bound outside raises #BR, which restarts it"
	mov	ax, 25
.bound:	bound	ax, [limits]		; 25 > 20: #BR; the handler sets AX = 20 and
	EXPECT	byte [br_count], 1	; returns to the BOUND itself, which then passes
	EXPECT	word [br_ip], .bound
	EXPECT	ax, 20

PASS

; #BR is a fault: the pushed IP is the BOUND instruction. Count it, record
; the IP, and bring AX into range so that the restarted BOUND passes.
br_handler:
	push	bp
	mov	bp, sp
	inc	byte [cs:br_count]
	push	word [bp+2]
	pop	word [cs:br_ip]
	mov	ax, 20
	pop	bp
	iret

limits:		dw	10, 20
slimits:	dw	-5, 5
val:		dw	0
br_count:	db	0
br_ip:		dw	0
		dw	0			; [frame-2]
frame:		dw	0
