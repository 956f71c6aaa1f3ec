; tests/guest/cpu386_pm_sysinsn.asm — the system instructions in protected
; mode, as SDM Vol. 2 gives them: SGDT/SIDT, SLDT/LLDT, STR/LTR, LAR, LSL,
; VERR, VERW, ARPL, SMSW/LMSW (LMSW cannot clear PE), CLTS, MOV CR0 (PG
; without PE is #GP(0)); and the CPL 0 checks: at CPL 3, MOV from CR0, HLT,
; LGDT and CLTS are #GP(0) while SMSW is allowed. LAR's 32-bit result has
; the limit bits 19:16 undefined (SDM: "masked by 00FxFF00H"); x86lab
; clears them, as QEMU does. QEMU (TCG) agrees with all of this but the
; #GP(0) for CR0.PG without PE (SDM: MOV CR), which it does not raise.
%include "guest.inc"
%include "pm.inc"

SEL_LDT		equ	SEL_FREE		; an LDT of two data descriptors
SEL_XO		equ	SEL_FREE + 0x08		; execute-only code
SEL_RO		equ	SEL_FREE + 0x10		; read-only data
SEL_GATE	equ	SEL_FREE + 0x18		; a call gate (DPL 3) back to ring 0
SEL_IN_LDT	equ	0x0C			; LDT entry 1, TI = 1

	PM_ENTER
	SET_DESC SEL_LDT, PM_LINEAR + PM_ABS(ldt), 15, 0x82, 0
	SET_DESC SEL_XO, PM_LINEAR, 0xFFFF, 0x98, 0x4
	SET_DESC SEL_RO, PM_LINEAR, 0xFFFF, 0x90, 0x4
	SET_GATE pm_gdt + SEL_GATE, SEL_CODE32, back_in_ring0, ACC_CALLGATE | ACC_DPL3, 0

t1:
PTEST "SGDT and SIDT store limit and 32-bit base"
	sgdt	[buf]
	movzx	eax, word [buf]
	PEXPECT	eax, PM_GDT_ENTRIES * 8 - 1
	PEXPECT	dword [buf + 2], PM_LINEAR + pm_gdt
	sidt	[buf]
	movzx	eax, word [buf]
	PEXPECT	eax, PM_IDT_ENTRIES * 8 - 1
	PEXPECT	dword [buf + 2], PM_LINEAR + pm_idt
t2:
PTEST "STR, SLDT, LLDT, a load through the LDT, LTR of a busy TSS"
	str	ax
	movzx	eax, ax
	PEXPECT	eax, SEL_TSS
	mov	eax, 0xFFFFFFFF
	sldt	eax			; a 32-bit register gets the selector zero-extended
	PEXPECT	eax, 0
	mov	ax, SEL_LDT
	lldt	ax
	sldt	bx
	movzx	eax, bx
	PEXPECT	eax, SEL_LDT
	mov	ax, SEL_IN_LDT
	mov	fs, ax
	PEXPECT	dword [fs:ldt_marker], 0x5444414C
	ON_FAULT .f1r
	mov	ax, SEL_RO
.f1:	lldt	ax			; not an LDT descriptor
.f1r:	EXPECT_FAULT 13, SEL_RO, .f1
	xor	ax, ax
	lldt	ax			; null: no LDT
	ON_FAULT .f2r
	mov	ax, SEL_IN_LDT
.f2:	mov	gs, ax
.f2r:	EXPECT_FAULT 13, SEL_IN_LDT & 0xFFFC, .f2
	ON_FAULT .f3r
	mov	ax, SEL_TSS
.f3:	ltr	ax
.f3r:	EXPECT_FAULT 13, SEL_TSS, .f3
t3:
PTEST "LAR: access rights of segments and a TSS, ZF clear for the others"
	xor	eax, eax
	lar	eax, [sel_data32]
	PEXPECT	eax, 0x00C09300		; G B, P DPL 0 data, accessed; limit 19:16 left out
	mov	ebx, 0x12345678
	mov	cx, 0x1F8		; past the GDT limit
	lar	ebx, cx
	jz	.bad
	PEXPECT	ebx, 0x12345678		; unchanged
	mov	cx, SEL_DATA32 | 3	; RPL 3 > DPL 0
	lar	ebx, cx
	jz	.bad
	lar	ebx, [sel_tss]
	jnz	.bad
	and	ebx, 0xFF00
	PEXPECT	ebx, 0x8B00		; a busy 32-bit TSS
	jmp	.ok
.bad:	PEXPECT	eax, -1			; reached only when a ZF was wrong
.ok:
t4:
PTEST "LSL: limits with G applied; ZF clear for a gate"
	mov	cx, SEL_DATA32
	lsl	eax, cx
	PEXPECT	eax, 0xFFFFFFFF
	mov	cx, SEL_CODE16
	lsl	eax, cx
	PEXPECT	eax, 0xFFFF
	mov	cx, SEL_TSS
	lsl	eax, cx
	PEXPECT	eax, pm_tss_end - pm_tss - 1
	mov	cx, SEL_GATE
	mov	eax, 7
	lsl	eax, cx
	jz	t3.bad
	PEXPECT	eax, 7
t5:
PTEST "VERR and VERW"
	mov	cx, SEL_CODE32
	verr	cx
	jnz	t3.bad
	verw	cx
	jz	t3.bad
	mov	cx, SEL_XO
	verr	cx
	jz	t3.bad
	mov	cx, SEL_RO
	verr	cx
	jnz	t3.bad
	verw	cx
	jz	t3.bad
	mov	cx, SEL_DATA32
	verw	cx
	jnz	t3.bad
t6:
PTEST "ARPL raises the RPL and says so in ZF"
	mov	dx, 0x0010
	mov	ax, 0x0003
	arpl	dx, ax
	jnz	t3.bad
	movzx	eax, dx
	PEXPECT	eax, 0x0013
	mov	ax, 0x0001
	arpl	dx, ax
	jz	t3.bad
	movzx	eax, dx
	PEXPECT	eax, 0x0013
t7:
PTEST "LMSW cannot clear PE; CLTS clears TS; MOV CR0 with PG but not PE is #GP(0)"
	xor	ax, ax
	lmsw	ax
	smsw	ax
	movzx	eax, ax
	and	eax, 1
	PEXPECT	eax, 1
	mov	eax, cr0
	or	eax, 8
	mov	cr0, eax
	clts
	mov	eax, cr0
	and	eax, 8
	PEXPECT	eax, 0
	ON_FAULT .f1r
	mov	eax, 0x80000000
.f1:	mov	cr0, eax
.f1r:	EXPECT_FAULT 13, 0, .f1
	mov	eax, cr0
	and	eax, 0x80000001
	PEXPECT	eax, 1

	push	dword SEL_DATA32_R3
	push	dword PM_STACK3
	push	dword 0x0002
	push	dword SEL_CODE32_R3
	push	dword ring3
	iretd
ring3:	mov	ax, SEL_DATA32_R3
	mov	ds, ax
	mov	es, ax
r3:
PTEST "CPL 3: MOV from CR0, HLT, LGDT and CLTS are #GP(0); SMSW is not"
	ON_FAULT .f1r
.f1:	mov	eax, cr0
.f1r:	EXPECT_FAULT 13, 0, .f1
	ON_FAULT .f2r
.f2:	hlt
.f2r:	EXPECT_FAULT 13, 0, .f2
	ON_FAULT .f3r
.f3:	lgdt	[buf]
.f3r:	EXPECT_FAULT 13, 0, .f3
	ON_FAULT .f4r
.f4:	clts
.f4r:	EXPECT_FAULT 13, 0, .f4
	smsw	ax
	movzx	eax, ax
	and	eax, 1
	PEXPECT	eax, 1
	call	(SEL_GATE | 3):0

back_in_ring0:
	mov	ax, SEL_DATA32
	mov	ds, ax
	PPASS

buf:		times 6 db 0
sel_data32:	dw	SEL_DATA32
sel_tss:	dw	SEL_TSS
ldt_marker:	db	"LADT"
	align	8
ldt:	dq	0
	DESC	PM_LINEAR, 0xFFFF, ACC_DATA, 0x4
