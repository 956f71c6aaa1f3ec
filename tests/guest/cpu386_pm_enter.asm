; tests/guest/cpu386_pm_enter.asm — into protected mode and back: CR0.PE,
; LGDT, a far jump to 32-bit code, segment loads with their accessed bits,
; 32-bit operands, addresses and stack, memory above 1 MiB through a flat
; segment; then back to real mode, where a segment loaded in protected mode
; keeps its 4 GiB limit through real-mode loads (unreal mode) while a
; 64 KiB one still faults past FFFF (SDM Vol. 3, 9.9 and 20.1.1).
; QEMU (TCG) differs on two points the SDM settles: it leaves the accessed
; bit of a CS loaded by a far jump clear, and checks no real-mode limits.
%include "guest.inc"
%include "pm.inc"

TEST "real mode: PE clear"
	smsw	ax
	and	ax, 1
	EXPECT	ax, 0
	PM_ENTER

PTEST "32-bit protected mode"
	mov	eax, cr0
	and	eax, 1
	PEXPECT	eax, 1
	mov	ax, cs
	movzx	eax, ax
	PEXPECT	eax, SEL_CODE32
	mov	eax, 0x12345678
	add	eax, 0x11111111
	PEXPECT	eax, 0x23456789
	push	dword 0xCAFEBABE	; a 32-bit stack (SS.B = 1)
	pop	ebx
	PEXPECT	ebx, 0xCAFEBABE
	PEXPECT	esp, PM_STACK0
	mov	ecx, 0x20000		; an offset no 16-bit segment reaches
	mov	byte [ecx + 0x1234], 0x77
	movzx	eax, byte [PM_LINEAR + 0x21234 - PM_LINEAR]
	PEXPECT	eax, 0x77

PTEST "a flat segment reaches above 1 MiB and sees the program at 10000h"
	mov	ax, SEL_FLAT
	mov	gs, ax
	mov	dword [gs:0x200000], 0x5A5AA5A5
	PEXPECT	dword [gs:0x200000], 0x5A5AA5A5
	mov	eax, [gs:PM_LINEAR + marker]
	PEXPECT	eax, 0x21524D50

PTEST "segment loads set the accessed bit in the GDT (SDM 3.4.5.1)"
	movzx	eax, byte [pm_gdt + SEL_FLAT + 5]
	PEXPECT	eax, ACC_DATA | 1
	movzx	eax, byte [pm_gdt + SEL_CODE32 + 5]
	PEXPECT	eax, ACC_CODE | 1
	movzx	eax, byte [pm_gdt + SEL_CODE16 + 5]
	PEXPECT	eax, ACC_CODE		; not loaded yet

	PM_LEAVE
TEST "back in real mode"
	smsw	ax
	and	ax, 1
	EXPECT	ax, 0
	mov	ax, cs
	EXPECT	ax, 0x1000
	mov	ax, [marker]
	EXPECT	ax, 0x4D50

TEST "unreal mode: GS keeps its 4 GiB limit through a real-mode load"
	xor	ax, ax
	mov	gs, ax			; base 0; the limit stays
	mov	eax, [gs:dword 0x200000]
	EXPECT	ax, 0xA5A5
	shr	eax, 16
	EXPECT	ax, 0x5A5A

TEST "a 64 KiB real-mode segment faults past FFFF (#GP, vector 13)"
	xor	ax, ax
	mov	es, ax
	mov	word [es:13 * 4], gp_handler
	mov	[es:13 * 4 + 2], cs
	mov	byte [gp_seen], 0
	mov	esi, 0x10000
	mov	al, [esi]		; DS has the 64 KiB limit of SEL_DATA16
after_gp:
	mov	al, [gp_seen]
	EXPECT	al, 1
	PASS

gp_handler:
	mov	byte [cs:gp_seen], 1
	push	bp
	mov	bp, sp
	mov	word [bp + 2], after_gp	; the saved IP is the faulting instruction's
	pop	bp
	iret

gp_seen:	db	0
marker:		db	"PMR!"
