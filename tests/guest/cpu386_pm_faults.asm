; tests/guest/cpu386_pm_faults.asm — protected-mode exceptions: vector, error
; code and saved EIP of each, as the SDM gives them (Vol. 3, 6.13-6.15 and
; the "protected mode exceptions" of each instruction in Vol. 2): faults
; save the faulting instruction's address, traps (#BP, #OF) the next one;
; selector error codes carry index and TI with the RPL bits clear, an IDT
; entry's carry bit 1 (IDT); a #NP while delivering a #GP is a double fault
; whose error code is 0. QEMU (TCG) agrees except on the checks of
; accesses (null selectors, rights, limits), which it does not make.
%include "guest.inc"
%include "pm.inc"

SEL_NP		equ	SEL_FREE		; a data segment marked not present
SEL_SMALL	equ	SEL_FREE + 0x08		; 4 KiB read/write data, B=1
SEL_DOWN	equ	SEL_FREE + 0x10		; expand-down above 0FFFh, B=1
SEL_RO		equ	SEL_FREE + 0x18		; read-only data
SEL_XO		equ	SEL_FREE + 0x20		; execute-only code
SEL_SHORTTSS	equ	SEL_FREE + 0x28		; a 32-bit TSS whose limit is < 67h
SEL_NPSTACK	equ	SEL_FREE + 0x30		; writable data, not present
SEL_DOWN16	equ	SEL_FREE + 0x38		; expand-down above 0FFFh, B=0: to FFFFh

	PM_ENTER
	SET_DESC SEL_NP, PM_LINEAR, 0xFFFF, ACC_DATA & 0x7F, 0
	SET_DESC SEL_SMALL, PM_LINEAR, 0x0FFF, ACC_DATA, 0x4
	SET_DESC SEL_DOWN, PM_LINEAR, 0x0FFF, ACC_DATA | 4, 0x4
	SET_DESC SEL_RO, PM_LINEAR, 0xFFFF, 0x90, 0x4
	SET_DESC SEL_XO, PM_LINEAR, 0xFFFF, 0x98, 0x4
	SET_DESC SEL_SHORTTSS, PM_LINEAR + PM_ABS(pm_tss), 0x50, ACC_TSS32, 0
	SET_DESC SEL_NPSTACK, PM_LINEAR, 0xFFFF, ACC_DATA & 0x7F, 0x4
	SET_DESC SEL_DOWN16, PM_LINEAR, 0x0FFF, ACC_DATA | 4, 0

t1:
PTEST "#GP(selector): past the GDT limit, a system descriptor, SS of another DPL"
	ON_FAULT .f1r
	mov	ax, 0x1F8
.f1:	mov	ds, ax
.f1r:	EXPECT_FAULT 13, 0x1F8, .f1
	ON_FAULT .f2r
	mov	ax, SEL_TSS
.f2:	mov	es, ax
.f2r:	EXPECT_FAULT 13, SEL_TSS, .f2
	ON_FAULT .f3r
	mov	ax, SEL_DATA32_R3
.f3:	mov	ss, ax
.f3r:	EXPECT_FAULT 13, SEL_DATA32_R3 & 0xFFFC, .f3
	ON_FAULT .f4r
	mov	ax, SEL_XO		; execute-only code cannot be a data segment
.f4:	mov	fs, ax
.f4r:	EXPECT_FAULT 13, SEL_XO, .f4
	ON_FAULT .f5r
	xor	ax, ax
.f5:	mov	ss, ax			; a null SS: #GP(0)
.f5r:	EXPECT_FAULT 13, 0, .f5
	mov	ax, ds
	movzx	eax, ax
	PEXPECT	eax, SEL_DATA32		; faulting loads changed nothing

t2:
PTEST "#NP(selector) for a data segment, #SS(selector) for a stack segment"
	ON_FAULT .f1r
	mov	ax, SEL_NP
.f1:	mov	gs, ax
.f1r:	EXPECT_FAULT 11, SEL_NP, .f1
	ON_FAULT .f2r
	mov	ax, SEL_NPSTACK
.f2:	mov	ss, ax
.f2r:	EXPECT_FAULT 12, SEL_NPSTACK, .f2

t3:
PTEST "#GP(0): null selector use, writes to code and read-only data"
	xor	ax, ax
	mov	gs, ax			; loading null is allowed ...
	ON_FAULT .f1r
.f1:	mov	eax, [gs:0]		; ... using it is not
.f1r:	EXPECT_FAULT 13, 0, .f1
	ON_FAULT .f2r
.f2:	mov	[cs:scratch], eax
.f2r:	EXPECT_FAULT 13, 0, .f2
	mov	ax, SEL_RO
	mov	gs, ax
	mov	eax, [gs:scratch]	; reading is fine
	ON_FAULT .f3r
.f3:	mov	[gs:scratch], eax
.f3r:	EXPECT_FAULT 13, 0, .f3
	mov	eax, [cs:scratch]	; readable code may be read

t4:
PTEST "limits: #GP(0) past a data limit, expand-down segments, #SS(0) on the stack"
	mov	ax, SEL_SMALL
	mov	gs, ax
	mov	eax, [gs:0xFFC]		; the last dword inside
	ON_FAULT .f1r
.f1:	mov	eax, [gs:0xFFD]		; straddles the limit
.f1r:	EXPECT_FAULT 13, 0, .f1
	mov	ax, SEL_DOWN
	mov	gs, ax
	mov	eax, [gs:0x1000]	; expand-down: above the limit is inside
	ON_FAULT .f2r
.f2:	mov	eax, [gs:0xFFE]		; at or below the limit is outside
.f2r:	EXPECT_FAULT 13, 0, .f2
	mov	ax, SEL_DOWN16
	mov	gs, ax
	mov	eax, [gs:0xFFFC]	; B=0: the top is FFFFh
	ON_FAULT .f5r
.f5:	mov	eax, [gs:0xFFFE]	; crosses FFFFh
.f5r:	EXPECT_FAULT 13, 0, .f5
	mov	ax, SEL_SMALL
	mov	ss, ax
	mov	esp, 0xF00
	ON_FAULT .f3r
.f3:	mov	eax, [ss:0x2000]
.f3r:	EXPECT_FAULT 12, 0, .f3
	ON_FAULT .f4r
	mov	ebp, 0x1000
.f4:	mov	eax, [ebp]		; EBP-based: SS, so #SS
.f4r:	EXPECT_FAULT 12, 0, .f4
	mov	ax, SEL_DATA32
	mov	ss, ax
	mov	esp, PM_STACK0

t5:
PTEST "#TS(selector): a task switch to a TSS with a limit below 67h"
	ON_FAULT .f1r
.f1:	jmp	SEL_SHORTTSS:0
.f1r:	EXPECT_FAULT 10, SEL_SHORTTSS, .f1

t6:
PTEST "#UD, #DE and #BR are faults"
	ON_FAULT .f1r
.f1:	mov	cs, ax
.f1r:	EXPECT_FAULT 6, 0, .f1
	ON_FAULT .f2r
	xor	edx, edx
	mov	eax, 1
	xor	ecx, ecx
.f2:	div	ecx
.f2r:	EXPECT_FAULT 0, 0, .f2
	ON_FAULT .f3r
	mov	eax, 11
.f3:	bound	eax, [bounds]		; 11 > 10: #BR, a fault
.f3r:	EXPECT_FAULT 5, 0, .f3
	mov	eax, 10
	bound	eax, [bounds]		; inside: nothing

t7:
PTEST "#BP and #OF are traps: the saved EIP is the next instruction's"
	ON_FAULT .f1r
	int3
.f1n:	nop
.f1r:	EXPECT_FAULT 3, 0, .f1n
	ON_FAULT .f2r
	mov	al, 0x7F
	add	al, 1			; OF = 1
	into
.f2n:	nop
.f2r:	EXPECT_FAULT 4, 0, .f2n

t8:
PTEST "#NP(IDT entry) for a gate not present: error = vector * 8 + 2"
	and	byte [pm_idt + 0x2F * 8 + 5], 0x7F
	ON_FAULT .f1r
.f1:	int	0x2F
.f1r:	EXPECT_FAULT 11, 0x2F * 8 + 2, .f1

t9:
PTEST "#DF: a #NP while delivering a #GP (SDM Vol. 3, Table 6-5)"
	and	byte [pm_idt + 13 * 8 + 5], 0x7F	; the #GP gate is not present
	ON_FAULT .f1r
	mov	ax, 0x1F8
.f1:	mov	gs, ax			; #GP(1F8h) -> #NP(13*8+2+EXT) -> #DF(0)
.f1r:	EXPECT_FAULT 8, 0, .f1
	or	byte [pm_idt + 13 * 8 + 5], 0x80
	PEXPECT	dword [exc_count], 23	; every fault above, each once
	PPASS

scratch:	dd	0
bounds:		dd	-5, 10
