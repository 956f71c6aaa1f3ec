; tests/guest/cpu386_paging.asm — the paging unit from a guest: two-level
; 32-bit paging with 4 KiB pages turned on by CR3 and CR0.PG (SDM Vol. 3,
; 4.3), #PF with its error code and CR2 (4.7) for a not-present PTE and
; PDE, a user write to a read-only page, user accesses to a supervisor page,
; a supervisor write to a read-only page (allowed on the 386 and without
; CR0.WP; on a 486, told apart by EFLAGS.AC, #PF(3) once CR0.WP is set), a
; write that crosses into a not-present page (nothing written), the
; accessed and dirty bits (4.8), and a translation kept in the TLB after its
; PTE changed, until CR3 is loaded (4.10.4). QEMU (TCG) agrees.
%include "guest.inc"
%include "pm.inc"

PD		equ	0x80000		; page directory (physical = linear)
PT0		equ	0x81000		; the page table of linear 0-4 MiB
T_NP		equ	0x90000		; not present
T_RO		equ	0x91000		; user, read-only
T_SUP		equ	0x92000		; supervisor, read/write
T_AD		equ	0x93000		; user, read/write: accessed and dirty bits
T_OTHER		equ	0x94000		; another frame, for the stale translation
P_RW_US		equ	7
%define PTE(p)	(PT0 + ((p) >> 12) * 4)

SEL_FLAT3	equ	SEL_FREE | 3		; base 0, 4 GiB, read/write, DPL 3
SEL_GATE_EXIT	equ	(SEL_FREE + 8) | 3	; call gate, DPL 3, back to ring 0

	PM_ENTER
	SET_DESC SEL_FLAT3, 0, 0xFFFFF, ACC_DATA | ACC_DPL3, FL_4G32
	SET_GATE pm_gdt + (SEL_GATE_EXIT & 0xFFF8), SEL_CODE32, gate_exit, ACC_CALLGATE | ACC_DPL3, 0
	mov	ax, SEL_FLAT
	mov	es, ax
	cld
	mov	edi, PT0		; linear 0-4 MiB to itself, user, writable
	mov	eax, P_RW_US
	mov	ecx, 1024
.fill:	stosd
	add	eax, 0x1000
	loop	.fill
	mov	edi, PD			; one page table; the rest not present
	xor	eax, eax
	mov	ecx, 1024
	rep	stosd
	mov	dword [es:PD], PT0 | P_RW_US
	mov	dword [es:PTE(T_NP)], 0
	mov	dword [es:PTE(T_RO)], T_RO | 5		; P, U/S
	mov	dword [es:PTE(T_SUP)], T_SUP | 3	; P, R/W
	mov	dword [es:T_OTHER], 0x0BBBBBBB
	mov	dword [es:T_AD], 0x0AAAAAAA
	mov	eax, PD
	mov	cr3, eax
	mov	eax, cr0
	or	eax, 0x80000000
	mov	cr0, eax
	jmp	t1			; the first fetch through the page tables

t1:
PTEST "not-present PTE and PDE: #PF(0) or #PF(2), CR2 = the address"
	ON_FAULT .f1r
.f1:	mov	eax, [es:T_NP + 4]
.f1r:	EXPECT_FAULT 14, 0, .f1
	mov	eax, cr2
	PEXPECT	eax, T_NP + 4
	ON_FAULT .f2r
.f2:	mov	dword [es:T_NP + 8], eax
.f2r:	EXPECT_FAULT 14, 2, .f2
	mov	eax, cr2
	PEXPECT	eax, T_NP + 8
	ON_FAULT .f3r
.f3:	mov	eax, [es:0x400010]	; PDE 1: not present
.f3r:	EXPECT_FAULT 14, 0, .f3
	mov	eax, cr2
	PEXPECT	eax, 0x400010

t2:
PTEST "a write into a not-present page writes none of its bytes"
	mov	dword [es:T_NP - 4], 0x44332211
	ON_FAULT .f1r
.f1:	mov	dword [es:T_NP - 2], 0xDDCCBBAA
.f1r:	EXPECT_FAULT 14, 2, .f1
	mov	eax, cr2
	PEXPECT	eax, T_NP
	PEXPECT	dword [es:T_NP - 4], 0x44332211

t3:
PTEST "a supervisor write to a read-only page goes through (CR0.WP=0)"
	mov	dword [es:T_RO], 0x12345678
	PEXPECT	dword [es:T_RO], 0x12345678

t3b:
PTEST "486 and later: with CR0.WP the same write is #PF(3)"
	pushfd				; a 386 cannot set EFLAGS.AC: no CR0.WP
	pop	eax
	mov	ecx, eax
	xor	eax, 1 << 18
	push	eax
	popfd
	pushfd
	pop	eax
	push	ecx
	popfd
	xor	eax, ecx
	test	eax, 1 << 18
	jz	t4
	mov	eax, cr0
	or	eax, 1 << 16		; WP
	mov	cr0, eax
	ON_FAULT .f1r
.f1:	mov	dword [es:T_RO], 0
.f1r:	EXPECT_FAULT 14, 3, .f1		; P, W/R; supervisor
	PEXPECT	dword [es:T_RO], 0x12345678
	mov	eax, cr0
	and	eax, ~(1 << 16)
	mov	cr0, eax

t4:
PTEST "accessed and dirty bits: A on use, D on the first write"
	mov	eax, [es:PTE(T_AD)]
	and	eax, 0x60
	PEXPECT	eax, 0
	mov	eax, [es:T_AD]
	mov	eax, [es:PTE(T_AD)]
	and	eax, 0x60
	PEXPECT	eax, 0x20		; A, not D
	mov	dword [es:T_AD], 1
	mov	eax, [es:PTE(T_AD)]
	and	eax, 0x60
	PEXPECT	eax, 0x60
	mov	eax, [es:PD]
	and	eax, 0x20
	PEXPECT	eax, 0x20		; A in the PDE too

t5:
PTEST "a changed PTE: the TLB keeps the old frame until CR3 is loaded"
	mov	dword [es:T_AD], 0x0AAAAAAA
	mov	dword [es:PTE(T_AD)], T_OTHER | P_RW_US
	mov	eax, [es:T_AD]
	PEXPECT	eax, 0x0AAAAAAA		; the cached translation
	mov	eax, cr3
	mov	cr3, eax
	mov	eax, [es:T_AD]
	PEXPECT	eax, 0x0BBBBBBB		; walked again: the new frame

t6:
PTEST "ring 3: read-only and supervisor pages fault with U/S=1"
	push	dword SEL_DATA32_R3	; SS
	push	dword PM_STACK3		; ESP
	push	dword 0x002		; EFLAGS
	push	dword SEL_CODE32_R3
	push	dword ring3
	iretd

ring3:	mov	ax, SEL_DATA32_R3
	mov	ds, ax
	mov	ax, SEL_FLAT3
	mov	es, ax
	mov	eax, [es:T_RO]		; a user page may be read
	PEXPECT	eax, 0x12345678
	ON_FAULT .f1r
.f1:	mov	dword [es:T_RO], 0
.f1r:	EXPECT_FAULT 14, 7, .f1		; P, W/R, U/S
	ON_FAULT .f2r
.f2:	mov	eax, [es:T_SUP]
.f2r:	EXPECT_FAULT 14, 5, .f2		; P, U/S
	ON_FAULT .f3r
.f3:	mov	dword [es:T_SUP], 0
.f3r:	EXPECT_FAULT 14, 7, .f3
	ON_FAULT .f4r
.f4:	mov	eax, [es:T_NP]
.f4r:	EXPECT_FAULT 14, 4, .f4		; not present, U/S
	PEXPECT	dword [es:T_RO], 0x12345678
	call	SEL_GATE_EXIT:0

gate_exit:
	mov	ax, SEL_DATA32
	mov	ds, ax
	mov	esp, PM_STACK0
	mov	eax, cr2
	PEXPECT	eax, T_NP		; the last fault's address
	PPASS
