; tests/guest/cpu386_pm_rings.asm — ring 0 -> ring 3 by IRETD, ring 3 ->
; ring 0 -> ring 3 through a call gate with two dword parameters copied to
; the ring-0 stack from the TSS (SDM Vol. 3, 5.8.5 and Figure 5-13), and
; through an interrupt gate and a trap gate (6.12.1: SS:ESP, EFLAGS, CS,
; EIP pushed on the inner stack; an interrupt gate clears IF, a trap gate
; keeps it). A return to ring 3 nulls a data segment of DPL 0 (5.8.6); a
; software interrupt through a gate of DPL 0 from ring 3 is #GP(vector *
; 8 + 2) (6.12.1.1); POPF at CPL 3 > IOPL leaves IF and IOPL alone.
%include "guest.inc"
%include "pm.inc"

SEL_GATE	equ	SEL_FREE | 3		; call gate, DPL 3, 2 parameters
SEL_GATE_EXIT	equ	(SEL_FREE + 8) | 3	; call gate, DPL 3, back to ring 0 for good
VEC_INT		equ	0x28			; interrupt gate, DPL 3
VEC_TRAP	equ	0x29			; trap gate, DPL 3
VEC_PRIV	equ	0x2A			; interrupt gate, DPL 0

	PM_ENTER
	SET_GATE pm_gdt + (SEL_GATE & 0xFFF8), SEL_CODE32, gate_entry, ACC_CALLGATE | ACC_DPL3, 2
	SET_GATE pm_gdt + (SEL_GATE_EXIT & 0xFFF8), SEL_CODE32, gate_exit, ACC_CALLGATE | ACC_DPL3, 0
	SET_GATE pm_idt + VEC_INT * 8, SEL_CODE32, int_entry, ACC_INTGATE | ACC_DPL3, 0
	SET_GATE pm_idt + VEC_TRAP * 8, SEL_CODE32, trap_entry, ACC_TRAPGATE | ACC_DPL3, 0

t1:
PTEST "ring 3 and back through gates"
	push	dword SEL_DATA32_R3	; SS
	push	dword PM_STACK3		; ESP
	push	dword 0x202		; EFLAGS: IF = 1, IOPL = 0
	push	dword SEL_CODE32_R3
	push	dword ring3
	iretd

	bits	32
ring3:	mov	ax, ds
	mov	[ss:r3_ds_entry], ax	; DS (DPL 0) was nulled by the IRETD
	mov	ax, cs
	mov	[ss:r3_cs], ax
	mov	ax, SEL_DATA32_R3
	mov	ds, ax
	mov	es, ax
	pushfd
	pop	dword [r3_flags]
	push	dword 0x3002		; IOPL 3, IF 0: neither may change at CPL 3
	popfd
	pushfd
	pop	dword [r3_popf]

	push	dword 0x11111111	; the gate's first parameter
	push	dword 0x22222222	; its second
	call	SEL_GATE:0
	mov	[ss:r3_gate_eax], eax	; DS is null here (see below)
	mov	[ss:r3_gate_esp], esp	; RETF 8 released the parameters
	mov	ax, ds
	mov	[ss:r3_ds_ret], ax	; the gate loaded DS with DPL 0: nulled
	mov	ax, SEL_DATA32_R3
	mov	ds, ax

	int	VEC_INT
	int	VEC_TRAP
	ON_FAULT .privr
.priv:	int	VEC_PRIV		; DPL 0 < CPL 3
.privr:	call	SEL_GATE_EXIT:0

; Ring 0 through the call gate: record what the CPU built, then return.
gate_entry:
	mov	ax, SEL_DATA32
	mov	ds, ax
	mov	ax, cs
	mov	[g_cs], ax
	mov	ax, ss
	mov	[g_ss], ax
	mov	[g_esp], esp
	mov	eax, [esp + 8]
	mov	[g_param2], eax
	mov	eax, [esp + 12]
	mov	[g_param1], eax
	mov	eax, [esp + 16]
	mov	[g_old_esp], eax
	mov	eax, [esp + 20]
	mov	[g_old_ss], eax
	mov	eax, [esp + 4]
	mov	[g_ret_cs], eax
	mov	eax, 0x600D
	retf	8

int_entry:
	pushfd
	pop	dword [ss:i_flags]
	mov	[ss:i_esp], esp
	mov	eax, [esp + 4]
	mov	[ss:i_frame_cs], eax
	mov	eax, [esp + 16]
	mov	[ss:i_frame_ss], eax
	iretd

trap_entry:
	pushfd
	pop	dword [ss:t_flags]
	iretd

gate_exit:
	mov	ax, SEL_DATA32
	mov	ds, ax
	mov	es, ax
	mov	esp, PM_STACK0
	mov	ax, cs
	movzx	eax, ax
	PEXPECT	eax, SEL_CODE32

t2:
PTEST "IRETD to ring 3: CS RPL 3, DS of DPL 0 nulled"
	movzx	eax, word [r3_cs]
	PEXPECT	eax, SEL_CODE32_R3
	movzx	eax, word [r3_ds_entry]
	PEXPECT	eax, 0
t3:
PTEST "POPF at CPL 3, IOPL 0 changes neither IF nor IOPL"
	mov	eax, [r3_flags]
	and	eax, 0x3200
	PEXPECT	eax, 0x200
	mov	eax, [r3_popf]
	and	eax, 0x3200
	PEXPECT	eax, 0x200
t4:
PTEST "call gate: ring-0 stack from the TSS, parameters copied"
	movzx	eax, word [g_cs]
	PEXPECT	eax, SEL_CODE32
	movzx	eax, word [g_ss]
	PEXPECT	eax, SEL_DATA32
	PEXPECT	dword [g_esp], PM_STACK0_TSS - 24
	PEXPECT	dword [g_param1], 0x11111111
	PEXPECT	dword [g_param2], 0x22222222
	PEXPECT	dword [g_old_esp], PM_STACK3 - 8
	PEXPECT	dword [g_old_ss], SEL_DATA32_R3
	PEXPECT	dword [g_ret_cs], SEL_CODE32_R3
t5:
PTEST "RETF 8 to ring 3: parameters released, DS of DPL 0 nulled"
	PEXPECT	dword [r3_gate_eax], 0x600D
	PEXPECT	dword [r3_gate_esp], PM_STACK3
	movzx	eax, word [r3_ds_ret]
	PEXPECT	eax, 0
t6:
PTEST "interrupt gate clears IF, trap gate keeps it; the frame holds SS:ESP"
	mov	eax, [i_flags]
	and	eax, 0x200
	PEXPECT	eax, 0
	mov	eax, [t_flags]
	and	eax, 0x200
	PEXPECT	eax, 0x200
	PEXPECT	dword [i_esp], PM_STACK0_TSS - 20
	PEXPECT	dword [i_frame_cs], SEL_CODE32_R3
	PEXPECT	dword [i_frame_ss], SEL_DATA32_R3
t7:
PTEST "INT n through a DPL 0 gate from ring 3: #GP(vector * 8 + 2)"
	EXPECT_FAULT 13, VEC_PRIV * 8 + 2, ring3.priv
	movzx	eax, word [exc_cs]
	PEXPECT	eax, SEL_CODE32_R3
	PPASS

r3_ds_entry:	dw	0xFFFF
r3_cs:		dw	0
r3_ds_ret:	dw	0xFFFF
r3_flags:	dd	0
r3_popf:	dd	0
r3_gate_eax:	dd	0
r3_gate_esp:	dd	0
g_cs:		dw	0
g_ss:		dw	0
g_esp:		dd	0
g_param1:	dd	0
g_param2:	dd	0
g_old_esp:	dd	0
g_old_ss:	dd	0
g_ret_cs:	dd	0
i_flags:	dd	-1
i_esp:		dd	0
i_frame_cs:	dd	0
i_frame_ss:	dd	0
t_flags:	dd	0
