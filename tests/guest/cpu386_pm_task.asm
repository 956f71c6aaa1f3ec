; tests/guest/cpu386_pm_task.asm — task switches (SDM Vol. 3, 7.3 and
; 7.4): CALL to a TSS and INT through a task gate nest the new task (NT
; set, back link = the caller's TSS, both busy), which loads its registers,
; LDTR and CR3 from its TSS and sets CR0.TS; its IRETD returns (busy bit
; cleared, the caller's registers back from its TSS). JMP to a busy TSS is
; #GP(selector). The SDM's task-switch steps load CR3 from the new TSS
; whether or not paging is on; QEMU (TCG) loads it only with paging on, so
; under QEMU the CR3 check below fails and the rest passes.
%include "guest.inc"
%include "pm.inc"

SEL_TSS2	equ	SEL_FREE		; the second task's 32-bit TSS
SEL_LDT2	equ	SEL_FREE + 8		; its LDT
VEC_TASK	equ	0x28			; a task gate to it
SEL_IN_LDT	equ	0x04			; entry 0 of the LDT (TI = 1)
TSS2_CR3	equ	0x0003F000		; paging is off: CR3 only holds it

	PM_ENTER
	SET_DESC SEL_TSS2, PM_LINEAR + PM_ABS(tss2), tss2_end - tss2 - 1, ACC_TSS32, 0
	SET_DESC SEL_LDT2, PM_LINEAR + PM_ABS(ldt2), 7, 0x82, 0
	mov	dword [pm_idt + VEC_TASK * 8], SEL_TSS2 << 16	; a task gate has no offset
	mov	dword [pm_idt + VEC_TASK * 8 + 4], ACC_TASKGATE << 8

t1:
PTEST "CALL to a TSS runs the task; its IRETD comes back"
	clts
	mov	ebx, 0x1234
	call	SEL_TSS2:0
	PEXPECT	ebx, 0x1234		; restored from our TSS
	PEXPECT	dword [t2_runs], 1
	PEXPECT	dword [t2_ebx], 0x7777	; the new task's EBX came from its TSS
t2:
PTEST "inside the task: NT, back link, busy bits, TR, LDTR, CR3, CR0.TS"
	mov	eax, [t2_flags]
	and	eax, 0x4000
	PEXPECT	eax, 0x4000
	PEXPECT	dword [t2_link], SEL_TSS
	PEXPECT	dword [t2_busy1], ACC_TSS32 | 2
	PEXPECT	dword [t2_busy2], ACC_TSS32 | 2
	PEXPECT	dword [t2_tr], SEL_TSS2
	PEXPECT	dword [t2_ldtr], SEL_LDT2
	PEXPECT	dword [t2_ldt_data], 0x4C445432	; read through the LDT's segment
	PEXPECT	dword [t2_cr3], TSS2_CR3
	mov	eax, [t2_cr0]
	and	eax, 8
	PEXPECT	eax, 8
t3:
PTEST "after IRETD: NT clear, the task's TSS available again, ours still busy"
	pushfd
	pop	eax
	and	eax, 0x4000
	PEXPECT	eax, 0
	movzx	eax, byte [pm_gdt + SEL_TSS2 + 5]
	PEXPECT	eax, ACC_TSS32
	movzx	eax, byte [pm_gdt + SEL_TSS + 5]
	PEXPECT	eax, ACC_TSS32 | 2
	str	ax
	movzx	eax, ax
	PEXPECT	eax, SEL_TSS
	sldt	ax
	movzx	eax, ax
	PEXPECT	eax, 0
	mov	eax, cr3
	PEXPECT	eax, 0
	PEXPECT	dword [tss2 + 0x20], task2.again	; its EIP, saved by its IRETD
t4:
PTEST "JMP to a busy TSS: #GP(selector)"
	ON_FAULT .f1r
.f1:	jmp	SEL_TSS:0
.f1r:	EXPECT_FAULT 13, SEL_TSS, .f1
t5:
PTEST "INT through a task gate nests the task the same way"
	int	VEC_TASK
	PEXPECT	dword [t2_runs], 2
	PEXPECT	dword [t2_link], SEL_TSS
	movzx	eax, byte [pm_gdt + SEL_TSS2 + 5]
	PEXPECT	eax, ACC_TSS32
t6:
PTEST "a TSS with its T bit set: #DB (DR6.BT) before the task's first instruction"
	; SDM Vol. 3, 7.2.1 (T flag) and 17.3.1.5 (task-switch exception
	; condition): a trap, so the saved EIP is where the new task starts.
	; The handler resumes in the new task's context, so this test is last.
	mov	byte [tss2 + 0x64], 1
	xor	eax, eax
	mov	dr6, eax
	ON_FAULT .f2r
	call	SEL_TSS2:0
.f2r:	EXPECT_FAULT 1, 0, task2.again
	mov	eax, dr6
	and	eax, 0x8000
	PEXPECT	eax, 0x8000
	str	ax
	movzx	eax, ax
	PEXPECT	eax, SEL_TSS2		; the switch was made before the trap
	PPASS

; The second task: records what it sees, returns, and starts over.
task2:	inc	dword [t2_runs]
	mov	[t2_ebx], ebx
	pushfd
	pop	dword [t2_flags]
	movzx	eax, word [tss2]
	mov	[t2_link], eax
	movzx	eax, byte [pm_gdt + SEL_TSS + 5]
	mov	[t2_busy1], eax
	movzx	eax, byte [pm_gdt + SEL_TSS2 + 5]
	mov	[t2_busy2], eax
	str	ax
	movzx	eax, ax
	mov	[t2_tr], eax
	sldt	ax
	movzx	eax, ax
	mov	[t2_ldtr], eax
	mov	ax, SEL_IN_LDT
	mov	fs, ax
	mov	eax, [fs:ldt_marker]
	mov	[t2_ldt_data], eax
	mov	eax, cr3
	mov	[t2_cr3], eax
	mov	eax, cr0
	mov	[t2_cr0], eax
	mov	ebx, 0x9999		; must not leak into the caller
	iretd
.again:	jmp	task2

t2_runs:	dd	0
t2_ebx:		dd	0
t2_flags:	dd	0
t2_link:	dd	0
t2_busy1:	dd	0
t2_busy2:	dd	0
t2_tr:		dd	0
t2_ldtr:	dd	0
t2_ldt_data:	dd	0
t2_cr3:		dd	0
t2_cr0:		dd	0
ldt_marker:	db	"2TDL"

	align	8
ldt2:	DESC	PM_LINEAR, 0xFFFF, ACC_DATA, 0x4

	align	4
tss2:	dd	0				; back link
	dd	PM_STACK0_TSS, SEL_DATA32, 0, 0, 0, 0
	dd	TSS2_CR3
	dd	task2				; EIP
	dd	0x2				; EFLAGS
	dd	0, 0, 0, 0x7777			; EAX ECX EDX EBX
	dd	0xE000, 0, 0, 0			; ESP EBP ESI EDI
	dd	SEL_DATA32, SEL_CODE32, SEL_DATA32, SEL_DATA32, 0, 0	; ES CS SS DS FS GS
	dd	SEL_LDT2
	dw	0, tss2_end - tss2
tss2_end:
