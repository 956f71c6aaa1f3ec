; tests/guest/single_step.asm — the single-step trap: with TF set, vector 1
; is taken after each instruction with CS:IP pointing at the next one and
; TF clear inside the handler (8086 manual, "single-step interrupt"; SDM
; Vol. 3, 17.3.1.4). The POPF that sets TF is not followed by a trap; the
; POPF that clears it is, since TF was set when it started (QEMU agrees).
; INT n clears TF, so its handler runs unstepped and no trap follows it.
; MOV SS and POP SS defer the trap past the next instruction.
; Runs on every model.
%include "guest.inc"

	xor	ax, ax
	mov	es, ax
	mov	word [es:1*4], step_handler
	mov	[es:1*4+2], cs
	mov	word [es:0x60*4], int60_handler
	mov	[es:0x60*4+2], cs
	push	cs
	pop	es

TEST "TF set by POPF: a trap after each following instruction"
	mov	word [count], 0
	mov	word [logp], log
	pushf
	pop	ax
	or	ax, TF
	push	ax
	popf			; sets TF: no trap after this one
a1:	nop			; trap: a2
a2:	inc	bx		; trap: a3
a3:	int	0x60		; no trap, and the handler is not stepped
a4:	nop			; trap: a5
a5:	pushf			; trap: a6
a6:	pop	ax		; trap: a7
a7:	and	ax, ~TF		; trap: a8
a8:	push	ax		; trap: a9
a9:	popf			; clears TF, started with it set: trap: a10
a10:	nop			; no trap
	EXPECT	word [count], 8
	EXPECT	word [log+0], a2
	EXPECT	word [log+2], a3
	EXPECT	word [log+4], a5
	EXPECT	word [log+6], a6
	EXPECT	word [log+8], a7
	EXPECT	word [log+10], a8
	EXPECT	word [log+12], a9
	EXPECT	word [log+14], a10
	EXPECT	byte [int60_runs], 1

TEST "the handler runs with TF clear and sees it set in the pushed FLAGS"
	EXPECT	byte [tf_in_handler], 0
	EXPECT	byte [tf_pushed], 7	; not after the POPF that cleared TF

TEST "a loop stepped: one trap per executed instruction"
	mov	word [count], 0
	mov	word [logp], log
	mov	cx, 3
	pushf
	pop	ax
	or	ax, TF
	push	ax
	popf
b1:	dec	cx		; 3 x dec + 3 x jnz = 6 traps
	jnz	b1
	pushf			; 7
	pop	ax		; 8
	and	ax, ~TF		; 9
	push	ax		; 10
	popf			; 11
	EXPECT	word [count], 11
	EXPECT	word [log+0], b1+1
	EXPECT	word [log+2], b1

TEST "MOV SS and POP SS hold the trap off for one instruction"
	mov	word [count], 0
	mov	word [logp], log
	mov	dx, ss
	pushf
	pop	ax
	or	ax, TF
	push	ax
	popf
c1:	mov	ss, dx		; no trap here ...
c2:	nop			; ... but after this one: c3 (trap 1)
c3:	push	ss		; c4 (2)
c4:	pop	ss		; none
c5:	nop			; c6 (3)
c6:	pushf			; 4
	pop	ax		; 5
	and	ax, ~TF		; 6
	push	ax		; 7
	popf			; 8
	EXPECT	word [count], 8
	EXPECT	word [log+0], c3
	EXPECT	word [log+2], c4
	EXPECT	word [log+4], c6

	PASS

; Vector 1: count, log the return IP (at most 16), note TF in the handler
; and in the FLAGS image pushed for it.
step_handler:
	push	bp
	mov	bp, sp
	push	ax
	push	si
	pushf
	pop	ax
	test	ax, TF
	jz	.clear
	mov	byte [cs:tf_in_handler], 1
.clear:	test	word [bp+6], TF
	jz	.log
	inc	byte [cs:tf_pushed]
.log:	inc	word [cs:count]
	mov	si, [cs:logp]
	cmp	si, log_end
	jae	.out
	mov	ax, [bp+2]
	mov	[cs:si], ax
	add	word [cs:logp], 2
.out:	pop	si
	pop	ax
	pop	bp
	iret

int60_handler:
	inc	byte [cs:int60_runs]
	nop
	nop
	iret

count:		dw	0
logp:		dw	log
log:		times 16 dw 0
log_end:
tf_in_handler:	db	0
tf_pushed:	db	0
int60_runs:	db	0
