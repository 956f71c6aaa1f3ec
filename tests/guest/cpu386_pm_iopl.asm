; tests/guest/cpu386_pm_iopl.asm — I/O privilege (SDM Vol. 1, 19.5 and 19.6;
; Vol. 2: CLI, STI, POPF): at CPL > IOPL, IN/OUT/INS/OUTS go through the TSS
; I/O bitmap (every port of a multi-byte access must be allowed; ports past
; the TSS limit are denied) and CLI/STI are #GP(0); at CPL <= IOPL the bitmap
; is not consulted. POPF changes IOPL only at CPL 0. Ring-3 code here prints
; through port E9h, which the bitmap allows.
%include "guest.inc"
%include "pm.inc"

SEL_GATE_EXIT	equ	SEL_FREE | 3		; call gate back to ring 0
PORT_OK		equ	0x84
PORT_DENIED	equ	0x85

	PM_ENTER
	SET_GATE pm_gdt + (SEL_GATE_EXIT & 0xFFF8), SEL_CODE32, back_in_ring0, ACC_CALLGATE | ACC_DPL3, 0
	or	byte [pm_iomap + PORT_DENIED / 8], 1 << (PORT_DENIED % 8)

t1:
PTEST "POPF at CPL 0 changes IOPL"
	pushfd
	or	dword [esp], 0x3000
	popfd
	pushfd
	pop	eax
	and	eax, 0x3000
	PEXPECT	eax, 0x3000
	push	dword 0x2		; IOPL 0 again
	popfd
	mov	dword [phase], 1
	push	dword SEL_DATA32_R3
	push	dword PM_STACK3
	push	dword 0x0002		; IOPL 0
	push	dword SEL_CODE32_R3
	push	dword ring3
	iretd

ring3:	mov	ax, SEL_DATA32_R3
	mov	ds, ax
	mov	es, ax
	cmp	dword [phase], 2
	je	ring3_iopl3
r3a:
PTEST "CPL 3, IOPL 0: the bitmap allows one port and denies the next"
	in	al, PORT_OK
	ON_FAULT .f1r
.f1:	in	al, PORT_DENIED
.f1r:	EXPECT_FAULT 13, 0, .f1
	ON_FAULT .f2r
	mov	dx, PORT_OK
.f2:	out	dx, ax			; covers PORT_OK and PORT_DENIED
.f2r:	EXPECT_FAULT 13, 0, .f2
	ON_FAULT .f3r
	mov	dx, 0x400		; past the bitmap and the TSS limit
.f3:	in	al, dx
.f3r:	EXPECT_FAULT 13, 0, .f3
	ON_FAULT .f4r
	mov	dx, PORT_DENIED
	mov	edi, scratch
.f4:	insb
.f4r:	EXPECT_FAULT 13, 0, .f4
	PEXPECT	edi, scratch		; the faulting INSB stored nothing
r3b:
PTEST "CPL 3, IOPL 0: CLI and STI are #GP(0)"
	ON_FAULT .f1r
.f1:	cli
.f1r:	EXPECT_FAULT 13, 0, .f1
	ON_FAULT .f2r
.f2:	sti
.f2r:	EXPECT_FAULT 13, 0, .f2
	call	SEL_GATE_EXIT:0

ring3_iopl3:
r3c:
PTEST "CPL 3, IOPL 3: no bitmap, CLI/STI and POPF's IF work, IOPL stays"
	in	al, PORT_DENIED
	mov	dx, 0x400
	in	al, dx
	cli
	pushfd
	pop	eax
	and	eax, 0x200
	PEXPECT	eax, 0
	push	dword 0x0202		; IF 1, IOPL 0: only IF may change
	popfd
	pushfd
	pop	eax
	and	eax, 0x3200
	PEXPECT	eax, 0x3200
	cli
	call	SEL_GATE_EXIT:0

back_in_ring0:
	mov	ax, SEL_DATA32
	mov	ds, ax
	mov	es, ax
	mov	esp, PM_STACK0
	cmp	dword [phase], 2
	je	.done
	mov	dword [phase], 2
	push	dword SEL_DATA32_R3
	push	dword PM_STACK3
	push	dword 0x3002		; IOPL 3
	push	dword SEL_CODE32_R3
	push	dword ring3
	iretd
.done:	PEXPECT	dword [exc_count], 6
	PPASS

phase:		dd	0
scratch:	dd	0
