; tests/guest/cpu386_debugreg.asm — the 386's debug registers in real mode
; (SDM Vol. 3, 17.2-17.3; 80386 Programmer's Reference, chapter 12): an
; instruction breakpoint is a fault at the instruction, suppressed for one
; instruction by RF (which the handler sets in the EFLAGS image that IRETD
; loads); data breakpoints are traps after the access, by length and kind;
; DR6 reports which; DR7.GD turns a MOV DRn into a #DB fault with BD set;
; DR4/DR5 are DR6/DR7. QEMU 7.2 agrees on the data breakpoints and on
; DR4/DR5; it does not implement GD and crashes on an instruction
; breakpoint in real mode, so those two rest on the SDM alone.
%include "guest.inc"
	cpu	386

	xor	ax, ax
	mov	es, ax
	mov	word [es:1*4], db_handler
	mov	[es:1*4+2], cs
	push	cs
	pop	es

TEST "DR0 instruction breakpoint: a fault before the instruction, then RF"
	call	reset_log
	mov	byte [use_rf], 1
	mov	eax, bp_insn
	call	linear
	mov	dr0, eax
	mov	eax, 0x00000001		; L0, R/W0 = 00 (execute), LEN0 = 00
	mov	dr7, eax
	xor	bx, bx
	mov	cx, 2
bp_insn:
	inc	bx			; twice: RF spares only one execution
	dec	cx
	jnz	bp_insn
	xor	eax, eax
	mov	dr7, eax
	EXPECT	bx, 2
	EXPECT	word [count], 2
	EXPECT	word [ips+0], bp_insn	; a fault: the breakpoint's own address
	EXPECT	word [ips+2], bp_insn
	EXPECT	word [dr6s+0], 0x0FF1	; B0 (and the bits that read as one)
	EXPECT	word [bx_seen], 1	; the second stop came after one inc

TEST "DR1 data write breakpoint, 2 bytes: a trap after the write"
	call	reset_log
	mov	byte [use_rf], 0
	mov	eax, wvar
	call	linear
	mov	dr1, eax
	mov	eax, 0x00500004		; L1, R/W1 = 01 (write), LEN1 = 01 (2 bytes)
	mov	dr7, eax
	mov	ax, [wvar]		; a read: nothing
	mov	byte [wvar+2], 1	; next to it: nothing
	mov	byte [wvar+1], 5	; inside: trap
w_next:	nop
	xor	eax, eax
	mov	dr7, eax
	EXPECT	word [count], 1
	EXPECT	word [ips+0], w_next	; a trap: the next instruction
	EXPECT	word [dr6s+0], 0x0FF2	; B1
	EXPECT	byte [wvar_seen], 5	; the write was done when the handler ran

TEST "DR2 read/write breakpoint, 4 bytes"
	call	reset_log
	mov	eax, rvar
	call	linear
	mov	dr2, eax
	mov	eax, 0x0F000010		; L2, R/W2 = 11 (read or write), LEN2 = 11
	mov	dr7, eax
	mov	al, [rvar+3]		; trap
r_next:	mov	al, [rvar+4]		; outside: nothing
	xor	eax, eax
	mov	dr7, eax
	EXPECT	word [count], 1
	EXPECT	word [ips+0], r_next
	EXPECT	word [dr6s+0], 0x0FF4	; B2

TEST "DR7.GD: MOV DRn faults with BD, and GD is clear in the handler"
	call	reset_log
	mov	eax, 0x00002000		; GD
	mov	dr7, eax
gd_insn:
	mov	eax, dr0		; #DB; runs once the handler returns
	EXPECT	word [count], 1
	EXPECT	word [ips+0], gd_insn
	EXPECT	word [dr6s+0], 0x2FF0	; BD
	mov	eax, dr7
	EXPECT	ax, 0x0400		; GD cleared, bit 10 reads as one

TEST "DR4 and DR5 are DR6 and DR7"
	mov	eax, 0x00000002		; G0 on an address nothing uses
	mov	dr5, eax
	mov	eax, dr7
	EXPECT	ax, 0x0402
	xor	eax, eax
	mov	dr7, eax
	mov	eax, dr4
	mov	ebx, dr6
	cmp	eax, ebx
	sete	al
	EXPECT	al, 1

	PASS

; EAX = CS * 16 + EAX: the linear address of a label.
linear:
	push	ebx
	xor	ebx, ebx
	mov	bx, cs
	shl	ebx, 4
	add	eax, ebx
	pop	ebx
	ret

reset_log:
	mov	word [count], 0
	mov	word [logp], 0
	xor	eax, eax
	mov	dr6, eax
	ret

; Vector 1: log IP and DR6 (4 entries at most), clear DR6, and return
; with IRET, or with IRETD and RF set when use_rf says so.
db_handler:
	push	bp
	mov	bp, sp
	push	eax
	push	si
	mov	[cs:bx_seen], bx
	mov	al, [cs:wvar+1]
	mov	[cs:wvar_seen], al
	inc	word [cs:count]
	mov	si, [cs:logp]
	cmp	si, 8
	jae	.done
	mov	ax, [bp+2]
	mov	[cs:ips+si], ax
	mov	eax, dr6
	mov	[cs:dr6s+si], ax
	add	word [cs:logp], 2
.done:	xor	eax, eax
	mov	dr6, eax
	pop	si
	pop	eax
	pop	bp
	cmp	byte [cs:use_rf], 0
	jne	.rf
	iret
.rf:	pop	word [cs:frame+0]	; IP, CS, FLAGS as IRETD wants them
	pop	word [cs:frame+4]
	pop	word [cs:frame+8]
	or	word [cs:frame+10], 1	; RF is EFLAGS bit 16
	push	dword [cs:frame+8]
	push	dword [cs:frame+4]
	push	dword [cs:frame+0]
	mov	dword [cs:frame+8], 0
	iretd

count:		dw	0
logp:		dw	0
ips:		times 4 dw 0
dr6s:		times 4 dw 0
bx_seen:	dw	0
wvar_seen:	db	0
use_rf:		db	0
	align	4
frame:		times 3 dd 0
wvar:		dw	0, 0
rvar:		dd	0, 0
