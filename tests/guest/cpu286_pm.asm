; tests/guest/cpu286_pm.asm — 16-bit protected mode with 286 descriptors
; (the top word 0), run on the 286 and the 386: LMSW sets PE (80286
; Programmer's Reference, chapter 10; SDM Vol. 3, 9.9), a far jump loads CS,
; a not-present data segment is #NP(selector) and a selector past the GDT
; limit #GP(selector), both through 16-bit interrupt gates with a word error
; code; LMSW cannot clear PE; LTR of a 16-bit TSS; IRET to ring 3 and a
; 16-bit call gate with a word parameter back to ring 0 on the TSS's SS0:SP0.
; The test stays in protected mode (a 286 leaves it only by a reset) and
; reports from there through port E9h.
%include "guest.inc"
	cpu	286

SEL_CODE	equ	0x08
SEL_DATA	equ	0x10
SEL_CODE_R3	equ	0x1B
SEL_DATA_R3	equ	0x23
SEL_TSS		equ	0x28
SEL_GATE	equ	0x33		; call gate, DPL 3, one word parameter
SEL_NP		equ	0x38		; data, not present
STACK0		equ	0xFC00
STACK0_TSS	equ	0xF400
STACK3		equ	0xE800

; Results are compared in protected mode: CHECK reg, value jumps to pm_fail
; with the line number in DX on a mismatch.
%macro CHECK 2
	cmp	%1, %2
	je	%%ok
	mov	dx, __LINE__
	jmp	pm_fail
%%ok:
%endmacro

TEST "real mode: enter 16-bit protected mode with LMSW"
	cli
	mov	ax, cs			; the GDT and IDT bases: CS * 16 + offset
	mov	dx, 16
	mul	dx
	add	ax, gdt
	adc	dl, 0
	mov	[gdtr + 2], ax
	mov	[gdtr + 4], dl
	sub	ax, gdt
	sbb	dl, 0
	add	ax, idt
	adc	dl, 0
	mov	[idtr + 2], ax
	mov	[idtr + 4], dl
	lgdt	[gdtr]
	lidt	[idtr]
	smsw	ax
	or	ax, 1
	lmsw	ax
	jmp	SEL_CODE:pm

pm:	mov	ax, SEL_DATA
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	mov	sp, STACK0
	mov	si, s_pm
	call	puts
	smsw	ax
	and	ax, 1
	CHECK	ax, 1
	xor	ax, ax
	lmsw	ax			; cannot clear PE
	smsw	ax
	and	ax, 1
	CHECK	ax, 1

	mov	word [resume], .np_done
	mov	ax, SEL_NP
.np:	mov	es, ax
.np_done:
	CHECK	word [last_vector], 11
	CHECK	word [last_error], SEL_NP
	CHECK	word [last_ip], .np
	mov	word [resume], .gp_done
	mov	ax, 0x1F8
.gp:	mov	es, ax
.gp_done:
	CHECK	word [last_vector], 13
	CHECK	word [last_error], 0x1F8
	CHECK	word [last_ip], .gp

	mov	ax, SEL_TSS
	ltr	ax
	push	SEL_DATA_R3		; IRET to ring 3: SS SP FLAGS CS IP
	push	STACK3
	push	0x0002
	push	SEL_CODE_R3
	push	ring3
	iret

ring3:	push	0x1234			; the gate's parameter
	call	SEL_GATE:0		; does not return

gate:	mov	bp, sp			; IP CS PARAM SP SS
	mov	ax, SEL_DATA
	mov	ds, ax
	mov	ax, ss
	CHECK	ax, SEL_DATA
	CHECK	sp, STACK0_TSS - 10
	CHECK	word [bp + 2], SEL_CODE_R3
	CHECK	word [bp + 4], 0x1234
	CHECK	word [bp + 6], STACK3 - 2
	CHECK	word [bp + 8], SEL_DATA_R3
	mov	si, s_pass
	call	puts
	mov	al, 0
	out	EXIT_PORT, al
	hlt

; #NP and #GP: record vector, error code and IP, resume at [resume].
np_handler:
	push	11
	jmp	fault
gp_handler:
	push	13
fault:	push	bp
	mov	bp, sp			; BP VECTOR ERROR IP CS FLAGS
	push	ax
	mov	ax, [bp + 2]
	mov	[last_vector], ax
	mov	ax, [bp + 4]
	mov	[last_error], ax
	mov	ax, [bp + 6]
	mov	[last_ip], ax
	mov	ax, [resume]
	mov	[bp + 6], ax
	pop	ax
	pop	bp
	add	sp, 4			; vector and error code
	iret

pm_fail:
	mov	si, s_fail
	call	puts
	mov	ax, dx
	call	g_dec
	mov	al, 10
	call	g_putc
	mov	al, 1
	out	EXIT_PORT, al
	hlt

puts:	lodsb
	test	al, al
	jz	.done
	out	DEBUGCON, al
	jmp	puts
.done:	ret

s_pm:	db	"TEST 16-bit protected mode: #NP, #GP, a ring-3 call gate", 10, 0
s_pass:	db	"PASS", 10, 0
s_fail:	db	"FAIL 16-bit protected mode line ", 0
resume:		dw	0
last_vector:	dw	0
last_error:	dw	0
last_ip:	dw	0

gdtr:	dw	8 * 8 - 1
	dd	0
idtr:	dw	14 * 8 - 1
	dd	0
	align	8
gdt:	dw	0, 0, 0, 0
	dw	0xFFFF, 0x0000, 0x9A01, 0	; 08: code, base 10000h
	dw	0xFFFF, 0x0000, 0x9201, 0	; 10: data, base 10000h
	dw	0xFFFF, 0x0000, 0xFA01, 0	; 18: code, DPL 3
	dw	0xFFFF, 0x0000, 0xF201, 0	; 20: data, DPL 3
	dw	tss_end - tss - 1, tss, 0x8101, 0	; 28: 16-bit TSS
	dw	gate, SEL_CODE, 0xE401, 0	; 30: 16-bit call gate, DPL 3, 1 word
	dw	0xFFFF, 0x0000, 0x1201, 0	; 38: data, not present
	align	8
idt:	times	11 dw 0, 0, 0, 0
	dw	np_handler, SEL_CODE, 0x8600, 0	; 11: 16-bit interrupt gate
	dw	0, 0, 0, 0
	dw	gp_handler, SEL_CODE, 0x8600, 0	; 13
tss:	dw	0, STACK0_TSS, SEL_DATA, 0, 0, 0, 0	; link, SP0 SS0, SP1 SS1, SP2 SS2
	times	(0x2C - 14) db 0
tss_end:
