; tests/guest/cpu386_pm_16bit.asm — 16-bit protected mode on the 386, as
; 286 software uses it: a 16-bit code segment (D = 0) and stack (B = 0),
; 16-bit interrupt and trap gates (FLAGS, CS, IP pushed as words; SDM Vol.
; 3, 6.12.1 and Figure 6-4), a 16-bit #GP with a word error code, and a
; 16-bit call gate from ring 3 that copies word parameters to the ring-0
; stack (5.8.5, Figure 5-13), RETF 4 back.
%include "guest.inc"
%include "pm.inc"

SEL_CODE16_R3	equ	SEL_FREE | 3		; 16-bit code, DPL 3
SEL_DATA16_R3	equ	(SEL_FREE + 8) | 3	; 16-bit stack, DPL 3
SEL_GATE16	equ	(SEL_FREE + 0x10) | 3	; 16-bit call gate, 2 words, DPL 3
VEC_INT16	equ	0x28			; 16-bit interrupt gate
VEC_TRAP16	equ	0x29			; 16-bit trap gate
SP16		equ	0xFC00
SP16_R3		equ	0xE800

	PM_ENTER
	SET_DESC SEL_CODE16_R3, PM_LINEAR, 0xFFFF, ACC_CODE | ACC_DPL3, FL_BYTE16
	SET_DESC SEL_DATA16_R3, PM_LINEAR, 0xFFFF, ACC_DATA | ACC_DPL3, FL_BYTE16
	SET_GATE pm_gdt + (SEL_GATE16 & 0xFFF8), SEL_CODE16, gate16, 0x84 | ACC_DPL3, 2
	SET_GATE pm_idt + VEC_INT16 * 8, SEL_CODE16, int16, 0x86, 0
	SET_GATE pm_idt + VEC_TRAP16 * 8, SEL_CODE16, trap16, 0x87, 0
	SET_GATE pm_idt + 13 * 8, SEL_CODE16, gp16, 0x86, 0
	jmp	SEL_CODE16:code16

	bits	16
code16:	mov	ax, SEL_DATA16
	mov	ss, ax
	mov	sp, SP16
	sti
	int	VEC_INT16
	int	VEC_TRAP16
	cli
	mov	ax, 0x1F8
.gp:	mov	es, ax			; #GP(1F8h) through the 16-bit gate
.gp_done:
	push	word SEL_DATA16_R3	; to ring 3 by a 16-bit IRET
	push	word SP16_R3
	push	word 0x0002
	push	word SEL_CODE16_R3
	push	word ring3
	iret

ring3:	push	word 0x1111
	push	word 0x2222
	call	SEL_GATE16:0
	mov	[ss:r3_sp], sp
	mov	[ss:r3_ax], ax
	int	0x2F			; no gate there: #GP(2Fh * 8 + 2) takes us to gp16

int16:	mov	[int_sp], sp
	pushf
	pop	word [int_flags]
	mov	bp, sp
	mov	ax, [bp + 2]
	mov	[int_cs], ax
	iret

trap16:	pushf
	pop	word [trap_flags]
	iret

gp16:	mov	bp, sp
	mov	ax, SEL_DATA32
	mov	ds, ax
	mov	ax, [bp]		; the error code, a word
	mov	[gp_error], ax
	mov	ax, [bp + 2]
	mov	[gp_ip], ax
	inc	word [gp_count]
	cmp	word [gp_count], 2
	je	.to32
	movzx	eax, word [gp_error]
	mov	[gp_error_first], eax
	movzx	eax, word [gp_ip]
	mov	[gp_ip_first], eax
	add	sp, 2			; pop the error code
	mov	word [bp + 2], code16.gp_done
	iret
.to32:	jmp	dword SEL_CODE32:checks

gate16:	mov	bp, sp			; IP CS P2 P1 SP SS, words
	mov	ax, SEL_DATA32
	mov	ds, ax
	mov	[g_sp], sp
	mov	ax, ss
	mov	[g_ss], ax
	mov	ax, [bp + 4]
	mov	[g_p2], ax
	mov	ax, [bp + 6]
	mov	[g_p1], ax
	mov	ax, [bp + 8]
	mov	[g_old_sp], ax
	mov	ax, [bp + 10]
	mov	[g_old_ss], ax
	mov	ax, 0x600D
	retf	4

	bits	32
checks:	mov	ax, SEL_DATA32
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	mov	esp, PM_STACK0
t1:
PTEST "16-bit interrupt and trap gates: a 6-byte frame, IF cleared or kept"
	movzx	eax, word [int_sp]
	PEXPECT	eax, SP16 - 6
	movzx	eax, word [int_cs]
	PEXPECT	eax, SEL_CODE16
	movzx	eax, word [int_flags]
	and	eax, 0x200
	PEXPECT	eax, 0
	movzx	eax, word [trap_flags]
	and	eax, 0x200
	PEXPECT	eax, 0x200
t2:
PTEST "#GP through a 16-bit gate pushes a word error code"
	PEXPECT	dword [gp_error_first], 0x1F8
	PEXPECT	dword [gp_ip_first], code16.gp
t3:
PTEST "a 16-bit call gate from ring 3 copies two words to the ring-0 stack"
	movzx	eax, word [g_ss]
	PEXPECT	eax, SEL_DATA32
	PEXPECT	dword [g_sp], PM_STACK0_TSS - 12
	movzx	eax, word [g_p1]
	PEXPECT	eax, 0x1111
	movzx	eax, word [g_p2]
	PEXPECT	eax, 0x2222
	movzx	eax, word [g_old_sp]
	PEXPECT	eax, SP16_R3 - 4
	movzx	eax, word [g_old_ss]
	PEXPECT	eax, SEL_DATA16_R3
	movzx	eax, word [r3_ax]
	PEXPECT	eax, 0x600D
	movzx	eax, word [r3_sp]
	PEXPECT	eax, SP16_R3
t4:
PTEST "INT to an empty IDT entry from ring 3: #GP(vector * 8 + 2)"
	movzx	eax, word [gp_error]
	PEXPECT	eax, 0x2F * 8 + 2
	PPASS

int_sp:		dw	0
int_cs:		dw	0
int_flags:	dw	0
trap_flags:	dw	0
gp_error:	dw	0
gp_ip:		dw	0
gp_count:	dw	0
gp_error_first:	dd	0
gp_ip_first:	dd	0
g_sp:		dd	0
g_ss:		dw	0
g_p1:		dw	0
g_p2:		dw	0
g_old_sp:	dw	0
g_old_ss:	dw	0
r3_sp:		dw	0
r3_ax:		dw	0
