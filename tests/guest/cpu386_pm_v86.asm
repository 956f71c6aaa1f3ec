; tests/guest/cpu386_pm_v86.asm — trap-and-emulate with a virtual-8086 task
; (SDM Vol. 3, chapter 20): IRETD with VM set enters virtual-8086 mode at
; CPL 3 with real-mode addressing; an OUT to a port the TSS bitmap denies
; is #GP(0) to the ring-0 monitor, which emulates it and IRETDs back; an
; allowed port does not trap (IN/OUT look only at the bitmap, 20.2.8.1);
; CLI and INT n with IOPL < 3 are #GP(0) (20.2.7) and LAR is #UD;
; exceptions reach ring 0 through the IDT with the virtual-8086 frame, GS
; FS DS ES pushed and then zeroed (20.3.1.1, Figure 20-2).
%include "guest.inc"
%include "pm.inc"

PORT_TRAPPED	equ	0x80
PORT_OK		equ	0x84
V86_SP		equ	0xE000

	PM_ENTER
	SET_GATE pm_idt + 13 * 8, SEL_CODE32, monitor_gp, ACC_INTGATE, 0
	or	byte [pm_iomap + PORT_TRAPPED / 8], 1 << (PORT_TRAPPED % 8)
	mov	[ring0_esp], esp
	push	dword 0x3000		; GS
	push	dword 0x2000		; FS
	push	dword PM_SEG		; DS
	push	dword PM_SEG		; ES
	push	dword PM_SEG		; SS
	push	dword V86_SP		; ESP
	push	dword 0x00020002	; EFLAGS: VM, IOPL 0, IF 0
	push	dword PM_SEG		; CS
	push	dword v86_code		; EIP
	iretd

; The virtual-8086 task: real-mode code, CPL 3.
	bits	16
v86_code:
	mov	ax, [v86_marker]
	mov	[v86_seen], ax
	mov	[v86_cs], cs
	mov	al, 0x42
	out	PORT_TRAPPED, al	; trapped, emulated by the monitor
	mov	al, 0x43
	out	PORT_OK, al		; allowed: no trap
	cli				; IOPL 0: trapped too
	mov	dword [exc_resume], .after_ud
.ud:	lar	ax, bx			; protected mode only: #UD here (SDM: LAR)
.after_ud:
	mov	eax, [exc_vector]
	mov	[v86_ud_vector], eax
	mov	eax, [exc_eip]
	mov	[v86_ud_eip], eax
	mov	dword [exc_resume], .after_de
	xor	cx, cx
.de:	div	cx			; #DE through the IDT to ring 0 and back
.after_de:
	mov	[v86_after_de], sp
	int	0x21			; IOPL 0: #GP(0); the monitor takes it as "done"

	bits	32
; The ring-0 monitor's #GP handler. Stack: error code, EIP, CS, EFLAGS,
; ESP, SS, ES, DS, FS, GS (dwords), below the three registers saved here.
monitor_gp:
	push	eax
	push	ebx
	push	esi
	mov	bx, ds
	mov	[ss:gp_ds_entry], bx
	mov	bx, SEL_DATA32
	mov	ds, bx
	inc	dword [gp_count]
	mov	ebx, [esp + 12]
	or	[gp_errors], ebx
	movzx	esi, word [esp + 12 + 8]	; CS
	shl	esi, 4
	add	esi, [esp + 12 + 4]		; + IP: the instruction's linear address
	mov	bx, SEL_FLAT
	mov	es, bx
	mov	bl, [es:esi]
	cmp	bl, 0xE6			; OUT imm8, AL: emulate
	jne	.not_out
	movzx	ebx, byte [es:esi + 1]
	mov	[emul_port], ebx
	movzx	ebx, byte [esp + 8]		; the task's AL
	mov	[emul_value], ebx
	add	dword [esp + 12 + 4], 2
	jmp	.resume
.not_out:
	cmp	bl, 0xFA			; CLI: a monitor would clear a virtual IF
	jne	.not_cli
	inc	dword [cli_count]
	add	dword [esp + 12 + 4], 1
	jmp	.resume
.not_cli:
	cmp	bl, 0xCD			; INT n: the task is done
	jne	.unknown
	movzx	ebx, byte [es:esi + 1]
	mov	[int_vector], ebx
	mov	esi, esp
	add	esi, 12 + 12
	mov	bx, SEL_DATA32
	mov	es, bx
	mov	edi, frame
	mov	ecx, 7				; EFLAGS ESP SS ES DS FS GS
	rep	movsd
	mov	esp, [ring0_esp]
	jmp	monitor_checks
.unknown:
	mov	dword [exc_vector], 13
	jmp	pm_unexpected
.resume:
	pop	esi
	pop	ebx
	pop	eax
	add	esp, 4				; the error code
	iretd

monitor_checks:
	mov	ax, SEL_DATA32
	mov	es, ax
t1:
PTEST "virtual-8086 mode: real-mode addressing at CS 1000h"
	movzx	eax, word [v86_seen]
	PEXPECT	eax, 0x3638
	movzx	eax, word [v86_cs]
	PEXPECT	eax, PM_SEG
t2:
PTEST "the denied OUT trapped to ring 0, was emulated, and the task went on"
	PEXPECT	dword [emul_port], PORT_TRAPPED
	PEXPECT	dword [emul_value], 0x42
	PEXPECT	dword [gp_count], 3		; OUT 80h, CLI, INT 21h: not OUT 84h
	PEXPECT	dword [gp_errors], 0
	PEXPECT	dword [cli_count], 1
	PEXPECT	dword [int_vector], 0x21
t3:
PTEST "the virtual-8086 frame: EFLAGS.VM, SS:ESP, ES DS FS GS; DS zeroed"
	mov	eax, [frame]
	and	eax, 0x20000
	PEXPECT	eax, 0x20000
	PEXPECT	dword [frame + 4], V86_SP
	PEXPECT	dword [frame + 8], PM_SEG
	PEXPECT	dword [frame + 12], PM_SEG
	PEXPECT	dword [frame + 16], PM_SEG
	PEXPECT	dword [frame + 20], 0x2000
	PEXPECT	dword [frame + 24], 0x3000
	movzx	eax, word [gp_ds_entry]
	PEXPECT	eax, 0
t4:
PTEST "LAR in virtual-8086 mode is #UD"
	PEXPECT	dword [v86_ud_vector], 6
	PEXPECT	dword [v86_ud_eip], v86_code.ud
t5:
PTEST "#DE in virtual-8086 mode went through the IDT and came back"
	EXPECT_FAULT 0, 0, v86_code.de
	PEXPECT	dword [exc_cs], PM_SEG
	movzx	eax, word [v86_after_de]
	PEXPECT	eax, V86_SP
	PPASS

ring0_esp:	dd	0
v86_marker:	dw	0x3638
v86_seen:	dw	0
v86_cs:		dw	0
v86_after_de:	dw	0
v86_ud_vector:	dd	0
v86_ud_eip:	dd	0
gp_ds_entry:	dw	0xFFFF
gp_count:	dd	0
gp_errors:	dd	0
cli_count:	dd	0
emul_port:	dd	0
emul_value:	dd	0
int_vector:	dd	0
frame:		times 7 dd 0
