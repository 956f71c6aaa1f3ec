; tests/guest/stack_call.asm — PUSH POP PUSHF POPF SAHF LAHF, near and far
; CALL/RET (direct, through a register and through memory), RET imm, and
; INT/INT3/INTO/IRET through handlers installed in the IVT (8086 and later).
; The stack grows down by 2 per word; CALL pushes the offset of the next
; instruction (a far CALL pushes CS first); INT pushes FLAGS, CS, IP and
; clears IF and TF. SP is checked relative to its value before, never as an
; absolute number.
%include "guest.inc"

	; Handlers for INT 61h, INT 3 and INTO (vector 4), in the IVT at 0000:0000.
	xor	ax, ax
	mov	es, ax
	mov	word [es:0x61*4], int61_handler
	mov	word [es:0x61*4+2], cs
	mov	word [es:3*4], int3_handler
	mov	word [es:3*4+2], cs
	mov	word [es:4*4], into_handler
	mov	word [es:4*4+2], cs
	push	cs
	pop	es

TEST "push and pop a register"
	mov	bp, sp
	mov	ax, 0x1234
	push	ax
	mov	cx, bp
	sub	cx, sp
	EXPECT	cx, 2
	EXPECT	word [bp-2], 0x1234	; [bp...] is in SS
	pop	bx
	EXPECT	bx, 0x1234
	mov	cx, bp
	sub	cx, sp
	EXPECT	cx, 0

TEST "push and pop memory and segment registers"
	mov	word [val], 0xCAFE
	push	word [val]
	pop	word [val2]
	EXPECT	word [val2], 0xCAFE
	push	cs
	pop	ax
	mov	bx, cs
	EXPECT	ax, bx
	push	ds
	mov	ax, 0
	mov	ds, ax
	pop	ds			; DS back to our segment ...
	EXPECT	word [val2], 0xCAFE	; ... so this reads our variable again

TEST "pushf and popf"
	mov	ax, OF|DF|SF|ZF|AF|PF|CF
	push	ax
	popf
	EXPECT_FLAGS OF|DF|SF|ZF|AF|PF|CF, 0
	xor	ax, ax
	push	ax
	popf
	EXPECT_FLAGS 0, OF|DF|SF|ZF|AF|PF|CF|TF
	stc
	pushf
	pop	ax
	and	ax, CF|2		; bit 1 of FLAGS always reads as 1
	EXPECT	ax, CF|2

TEST "sahf and lahf"
	mov	ah, SF|ZF|AF|PF|CF
	sahf
	EXPECT_FLAGS SF|ZF|AF|PF|CF, 0
	mov	ah, 0			; (MOV, unlike XOR, leaves the flags alone)
	lahf
	and	ah, SF|ZF|AF|PF|CF
	EXPECT	ah, SF|ZF|AF|PF|CF

TEST "near call pushes the return address"
	mov	bp, sp
	call	near_proc
.after:
	EXPECT	ax, .after		; near_proc returns the pushed offset
	mov	cx, bp
	sub	cx, sp
	EXPECT	cx, 0

TEST "near call through a register and memory"
	mov	bx, near_proc
	call	bx
.after_reg:
	EXPECT	ax, .after_reg
	mov	word [near_ptr], near_proc
	call	[near_ptr]
.after_mem:
	EXPECT	ax, .after_mem

TEST "ret imm drops the arguments"
	mov	bp, sp
	mov	ax, 100
	push	ax
	mov	ax, 20
	push	ax
	mov	ax, 3
	push	ax
	call	sum3			; 100 + 20 + 3, then RET 6
	EXPECT	ax, 123
	mov	cx, bp
	sub	cx, sp
	EXPECT	cx, 0

TEST "far call through memory"
	mov	word [fptr], far_proc
	mov	[fptr+2], cs
	call	far [fptr]
	mov	bx, cs
	EXPECT	ax, bx			; far_proc returns the CS it ran with
	EXPECT	dx, bx			; and the CS the call pushed

TEST "far call into an aliased segment"
	mov	bx, cs
	dec	bx			; (CS-1):(off+16) is the same physical byte
	mov	word [fptr], far_proc + 16
	mov	[fptr+2], bx
	mov	bp, sp
	call	far [fptr]
	EXPECT	ax, bx
	mov	bx, cs
	EXPECT	dx, bx
	mov	cx, bp
	sub	cx, sp
	EXPECT	cx, 0

TEST "retf imm"
	mov	bp, sp
	mov	ax, 0x5555
	push	ax
	push	cs
	call	far_ret2		; near call, but it returns with RETF 2
	mov	cx, bp
	sub	cx, sp
	EXPECT	cx, 0

TEST "int pushes flags, cs, ip; iret restores them"
	mov	bp, sp
	clc
	mov	ax, 7
	sti				; (nothing here raises interrupts; a PC's timer
	int	0x61			;  would just run its BIOS handler)
.after_int:
	EXPECT_FLAGS CF|IF, 0		; IRET restored IF, and CF set in the stacked FLAGS
	cli
	EXPECT	ax, 14			; the handler doubles AX
	EXPECT	word [seen_ip], .after_int
	mov	bx, cs
	EXPECT	word [seen_cs], bx
	mov	bx, [seen_flags]
	and	bx, CF|IF
	EXPECT	bx, IF			; pushed FLAGS: IF=1, CF=0 as they were
	EXPECT	word [handler_flags], 0	; inside the handler: IF and TF clear
	mov	cx, bp
	sub	cx, sp
	EXPECT	cx, 0

TEST "int3 is one byte"
	mov	word [seen_ip], 0
	int3
.after_int3:
	EXPECT	word [seen_ip], .after_int3

TEST "into only with OF"
	mov	byte [into_count], 0
	mov	al, 0x7F
	add	al, 1			; OF=1
	into
.after_into:
	EXPECT	byte [into_count], 1
	EXPECT	word [seen_ip], .after_into
	xor	al, al			; OF=0
	into
	EXPECT	byte [into_count], 1

PASS

; Returns in AX the return address that CALL pushed.
near_proc:
	mov	si, sp
	mov	ax, [ss:si]
	ret

; sum3(a, b, c) with the arguments on the stack, callee pops them.
sum3:
	push	bp
	mov	bp, sp
	mov	ax, [bp+4]
	add	ax, [bp+6]
	add	ax, [bp+8]
	pop	bp
	ret	6

; Returns the CS it runs with in AX, the CS pushed by the far call in DX.
far_proc:
	mov	ax, cs
	mov	si, sp
	mov	dx, [ss:si+2]
	retf

; Called near with CS pushed first (so RETF finds IP, CS) and one more
; word below that, which RETF 2 removes.
far_ret2:
	retf	2

; INT 61h: record the IP, CS and FLAGS that INT pushed and the FLAGS inside
; the handler (IF and TF only), double AX, and set CF in the pushed FLAGS so
; that IRET returns it.
int61_handler:
	push	bp
	mov	bp, sp
	push	bx
	mov	bx, [bp+2]
	mov	[cs:seen_ip], bx
	mov	bx, [bp+4]
	mov	[cs:seen_cs], bx
	mov	bx, [bp+6]
	mov	[cs:seen_flags], bx
	pushf
	pop	bx
	and	bx, IF|TF
	mov	[cs:handler_flags], bx
	or	word [bp+6], CF
	pop	bx
	pop	bp
	shl	ax, 1
	iret

int3_handler:
	push	bp
	mov	bp, sp
	push	ax
	mov	ax, [bp+2]
	mov	[cs:seen_ip], ax
	pop	ax
	pop	bp
	iret

into_handler:
	inc	byte [cs:into_count]
	jmp	int3_handler		; and record the return address

val:		dw	0
val2:		dw	0
near_ptr:	dw	0
fptr:		dd	0
seen_ip:	dw	0
seen_cs:	dw	0
seen_flags:	dw	0
handler_flags:	dw	0xFFFF
into_count:	db	0
