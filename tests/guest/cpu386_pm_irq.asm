; tests/guest/cpu386_pm_irq.asm — hardware interrupts in protected mode:
; IRQ0 from the PIT, remapped to vector 20h, taken through an IDT interrupt
; gate at ring 0 while ring-3 code spins (stack switch to the TSS's SS0:ESP0,
; SS:ESP of ring 3 in the frame; SDM Vol. 3, 6.12.1), and while ring 0
; halts (same stack). IRETD gives ring 3 back its IF. An external
; interrupt is not subject to the gate's DPL (6.12.1.1): the gate is DPL 0.
; x86lab's board sees a newly programmed timer only from its next slice of
; instructions on (up to 2^20 of them): this test runs with a larger limit.
%include "guest.inc"
%include "pm.inc"

VEC_IRQ0	equ	0x20
SEL_GATE_EXIT	equ	SEL_FREE | 3
TICKS		equ	5

	PM_ENTER
	SET_GATE pm_idt + VEC_IRQ0 * 8, SEL_CODE32, irq0, ACC_INTGATE, 0
	SET_GATE pm_gdt + (SEL_GATE_EXIT & 0xFFF8), SEL_CODE32, back_in_ring0, ACC_CALLGATE | ACC_DPL3, 0
	mov	al, 0x11		; ICW1 (8259A datasheet)
	out	0x20, al
	out	0xa0, al
	mov	al, VEC_IRQ0		; ICW2: IRQ0-7 -> 20h-27h
	out	0x21, al
	mov	al, 0x28
	out	0xa1, al
	mov	al, 0x04		; ICW3
	out	0x21, al
	mov	al, 0x02
	out	0xa1, al
	mov	al, 0x01		; ICW4
	out	0x21, al
	out	0xa1, al
	mov	al, 0xfe		; only IRQ0
	out	0x21, al
	mov	al, 0xff
	out	0xa1, al
	mov	al, 0x34		; PIT channel 0, mode 2, 1 ms
	out	0x43, al
	mov	ax, 1193
	out	0x40, al
	mov	al, ah
	out	0x40, al

t2:
PTEST "HLT at ring 0 wakes on IRQ0, taken on the same stack"
	sti
	hlt
	cli
	PEXPECT	dword [ticks], 1
	PEXPECT	dword [frame_cs], SEL_CODE32
	PEXPECT	dword [handler_esp], PM_STACK0 - 12 - 8
	mov	dword [ticks], 0
	push	dword SEL_DATA32_R3
	push	dword PM_STACK3
	push	dword 0x0202		; IF 1, IOPL 0
	push	dword SEL_CODE32_R3
	push	dword ring3
	iretd

ring3:	mov	ax, SEL_DATA32_R3
	mov	ds, ax
.spin:	cmp	dword [ticks], TICKS
	jb	.spin
	pushfd
	pop	dword [r3_flags]
	call	SEL_GATE_EXIT:0

irq0:	push	eax
	push	ds
	mov	ax, SEL_DATA32
	mov	ds, ax
	inc	dword [ticks]
	mov	eax, [esp + 8 + 4]	; the frame's CS
	mov	[frame_cs], eax
	mov	[handler_esp], esp
	mov	ax, ss
	mov	[handler_ss], ax
	mov	al, 0x20		; EOI
	out	0x20, al
	pop	ds
	pop	eax
	iretd

back_in_ring0:
	mov	ax, SEL_DATA32
	mov	ds, ax
	mov	es, ax
	mov	esp, PM_STACK0
t1:
PTEST "IRQ0 interrupts ring 3 through the IDT; the handler runs on the TSS stack"
	mov	eax, [ticks]
	cmp	eax, TICKS
	setae	al
	movzx	eax, al
	PEXPECT	eax, 1
	PEXPECT	dword [frame_cs], SEL_CODE32_R3
	PEXPECT	dword [handler_esp], PM_STACK0_TSS - 20 - 8
	movzx	eax, word [handler_ss]
	PEXPECT	eax, SEL_DATA32
	mov	eax, [r3_flags]
	and	eax, 0x200
	PEXPECT	eax, 0x200
	PPASS

ticks:		dd	0
frame_cs:	dd	0
handler_esp:	dd	0
handler_ss:	dw	0
r3_flags:	dd	0
