; tests/monitor/tables.asm — protected-mode state for the monitor's
; transcripts, loaded at 1000:0100 (linear 0x10100): a GDT, an IDT, an LDT
; and two TSSs at fixed addresses that the scripts give to 'set gdtr' and
; friends, a few instructions for 'explain' at fixed offsets, and a real-mode
; program for 'catch exception' and 'catch mode'. The tables are data; no
; code here builds them, so the script states the whole CPU state it uses.
	cpu	386
	bits	16
	org	0x100

BASE	equ	0x10000		; CS * 16

; start: INT 0Dh (software, vector 13) then a real #GP (vector 13), both
; into gp_handler; the second time it ends the guest.
start:	xor	ax, ax
	mov	es, ax
	mov	word [es:13*4], gp_handler
	mov	[es:13*4+2], cs
	int	0x0d			; software: 'catch exception 13' lets it pass
	mov	ax, [0xffff]		; a word at offset FFFF: #GP on the 386
	hlt

gp_handler:
	inc	byte [cs:gp_seen]
	cmp	byte [cs:gp_seen], 2
	jae	.end
	iret
.end:	mov	al, 0
	out	0xf4, al
	hlt
gp_seen:	db	0

; pm_leave: run with CS = 0008h in protected mode; clears PE.
	times	0x140-($-$$+0x100) db 0x90
pm_leave:
	mov	eax, cr0		; 1000:0140
	and	al, 0xfe
	mov	cr0, eax		; back to real mode
	jmp	0x1000:real_again
real_again:
	mov	al, 0
	out	0xf4, al
	hlt

; ---- the GDT at 1000:0200 = linear 0x10200, limit 0x5F ----
	times	0x200-($-$$+0x100) db 0
%macro SEGDESC 4 ; base, limit (20 bits), access byte, flags nibble (G D/B 0 AVL)
	dw	(%2) & 0xffff, (%1) & 0xffff
	db	((%1) >> 16) & 0xff, %3, (((%2) >> 16) & 0x0f) | ((%4) << 4), (%1) >> 24
%endmacro
%macro GATE 4 ; selector, offset, access byte, parameter count
	dw	(%2) & 0xffff, %1
	db	%4, %3
	dw	(%2) >> 16
%endmacro
gdt:	dq	0				; 00 null
	SEGDESC	BASE, 0xffff, 0x9a, 0		; 08 code, 16-bit, DPL 0
	SEGDESC	BASE, 0xffff, 0x92, 0		; 10 data, 16-bit, DPL 0
	SEGDESC	0, 0xfffff, 0x9a, 0xc		; 18 code, flat 4 GiB, 32-bit
	SEGDESC	0x20000, 0x0fff, 0x96, 0	; 20 data, expand-down, limit 0FFF
	SEGDESC	0x10400, 0x67, 0x89, 0		; 28 32-bit TSS, available
	SEGDESC	0x10380, 0x17, 0x82, 0		; 30 LDT, 3 entries
	GATE	0x08, 0x140, 0xec, 2		; 38 32-bit call gate, DPL 3, 2 params
	SEGDESC	0x30000, 0xffff, 0xf0, 0	; 40 data, read-only, DPL 3
	SEGDESC	BASE, 0xffff, 0x1a, 0		; 48 code, not present
	SEGDESC	0x10480, 0x2b, 0x81, 0		; 50 16-bit TSS, available
	SEGDESC	BASE, 0xffff, 0x9e, 0		; 58 code, conforming, DPL 0

; ---- the IDT at 1000:0300 = linear 0x10300, limit 0x7F (16 vectors) ----
	times	0x300-($-$$+0x100) db 0
idt:	times	3 dq 0
	GATE	0x18, 0x10150, 0xef, 0		; 03 32-bit trap gate, DPL 3
	times	4 dq 0
	GATE	0x28, 0, 0x85, 0		; 08 task gate -> TSS 28
	times	2 dq 0
	GATE	0x08, 0x160, 0x06, 0		; 0B 16-bit interrupt gate, not present
	dq	0
	GATE	0x18, 0x10170, 0x8e, 0		; 0D 32-bit interrupt gate, DPL 0
	GATE	0x08, 0x180, 0x86, 0		; 0E 16-bit interrupt gate
	dq	0

; ---- the LDT at 1000:0380 = linear 0x10380 ----
	times	0x380-($-$$+0x100) db 0
ldt:	SEGDESC	0x40000, 0xff, 0x92, 0		; 04 data, 256 bytes
	SEGDESC	BASE, 0xffff, 0xfa, 0		; 0C code, DPL 3
	dq	0				; 14 empty

; ---- a 32-bit TSS at 1000:0400 = linear 0x10400 (SDM Vol. 3, Figure 7-2) ----
	times	0x400-($-$$+0x100) db 0
tss32:	dd	0				; back link
	dd	0x9000, 0x10			; ESP0, SS0
	dd	0x8000, 0x11			; ESP1, SS1
	dd	0x7000, 0x12			; ESP2, SS2
	dd	0x00020000			; CR3
	dd	0x140, 0x202			; EIP, EFLAGS
	dd	0x11111111, 0x22222222, 0x33333333, 0x44444444	; EAX ECX EDX EBX
	dd	0xfff0, 0x55555555, 0x66666666, 0x77777777	; ESP EBP ESI EDI
	dd	0x10, 0x08, 0x10, 0x10, 0x10, 0x10		; ES CS SS DS FS GS
	dd	0x30				; LDT
	dw	0, 0x68				; T, I/O map base (past the limit: none)

; ---- a 16-bit TSS at 1000:0480 = linear 0x10480 (Figure 7-11) ----
	times	0x480-($-$$+0x100) db 0
tss16:	dw	0x28				; back link
	dw	0x8000, 0x10, 0x7000, 0x11, 0x6000, 0x12	; SP0 SS0 SP1 SS1 SP2 SS2
	dw	0x140, 0x0002			; IP, FLAGS
	dw	0x1234, 0x2345, 0x3456, 0x4567	; AX CX DX BX
	dw	0xfff0, 0x5678, 0x6789, 0x789a	; SP BP SI DI
	dw	0x10, 0x08, 0x10, 0x10		; ES CS SS DS
	dw	0				; LDT

; ---- instructions for 'explain', at 1000:0500 + 0x10 * n ----
%macro AT 1
	times	0x500 + 0x10 * (%1) - ($-$$+0x100) db 0x90
%endmacro
	AT 0
	mov	ds, ax			; 0500
	AT 1
	mov	ss, ax			; 0510
	AT 2
	pop	es			; 0520
	AT 3
	lds	si, [farptr]		; 0530
	AT 4
	mov	ax, [bx+si+2]		; 0540
	AT 5
	mov	al, [es:0x10]		; 0550: ES expand-down
	AT 6
	jmp	0x18:0x0150		; 0560
	AT 7
	call	0x38:0			; 0570: through the call gate
	AT 8
	call	far [farptr]		; 0580
	AT 9
	int	0x0d			; 0590
	AT 10
	int	3			; 05A0
	AT 11
	iret				; 05B0
	AT 12
	retf				; 05C0
	AT 13
	jmp	0x28:0			; 05D0: a task switch
	AT 14
	int	0x0b			; 05E0: gate not present
	AT 15
	mov	fs, ax			; 05F0
	AT 16
farptr:	dw	0x0140, 0x0008		; 0600
