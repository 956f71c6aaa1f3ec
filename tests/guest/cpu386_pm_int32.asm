; tests/guest/cpu386_pm_int32.asm — 386 integer instructions in 32-bit
; protected mode: 32-bit operands, SIB addressing, the 32-bit stack and
; ECX/ESI/EDI as counters and indexes. Expected values are worked out from
; the SDM's descriptions (Vol. 2) and the same binary passes under QEMU.
%include "guest.inc"
%include "pm.inc"

	PM_ENTER
t1:
PTEST "arithmetic and flags on 32-bit operands"
	mov	eax, 0xFFFFFFFF
	add	eax, 1
	setc	bl
	setz	bh
	movzx	ecx, bx
	PEXPECT	ecx, 0x0101
	PEXPECT	eax, 0
	mov	eax, 0x7FFFFFFF
	inc	eax
	seto	cl
	movzx	ecx, cl
	PEXPECT	ecx, 1
	mov	edx, 0x80000000
	neg	edx
	PEXPECT	edx, 0x80000000
	mov	eax, 5
	sub	eax, 7
	sbb	eax, 0			; CF was 1
	PEXPECT	eax, 0xFFFFFFFD
t2:
PTEST "MUL, IMUL, DIV, IDIV with EDX:EAX"
	mov	eax, 0x12345678
	mov	ecx, 0x100
	mul	ecx
	PEXPECT	edx, 0x12
	PEXPECT	eax, 0x34567800
	mov	eax, -7
	mov	ecx, 3
	imul	ecx
	PEXPECT	eax, -21
	PEXPECT	edx, 0xFFFFFFFF
	imul	eax, ecx, -2
	PEXPECT	eax, -6
	mov	edx, 1
	mov	eax, 0
	mov	ecx, 0x10
	div	ecx			; 1_0000_0000h / 10h
	PEXPECT	eax, 0x10000000
	PEXPECT	edx, 0
	mov	eax, -100
	cdq
	mov	ecx, 7
	idiv	ecx
	PEXPECT	eax, -14
	PEXPECT	edx, -2
t3:
PTEST "shifts, double shifts, bit tests and scans"
	mov	eax, 0x80000001
	rol	eax, 4
	PEXPECT	eax, 0x00000018
	mov	eax, 0x12345678
	mov	edx, 0x9ABCDEF0
	shld	eax, edx, 8
	PEXPECT	eax, 0x3456789A
	shrd	eax, edx, 16
	PEXPECT	eax, 0xDEF03456
	mov	eax, 0x00F00000
	bsf	ecx, eax
	PEXPECT	ecx, 20
	bsr	ecx, eax
	PEXPECT	ecx, 23
	mov	dword [scratch], 0
	mov	ecx, 37
	bts	[scratch], ecx		; a bit offset past the dword reaches the next
	PEXPECT	dword [scratch + 4], 0x20
	bt	dword [scratch + 4], 5
	setc	al
	movzx	eax, al
	PEXPECT	eax, 1
t4:
PTEST "MOVZX, MOVSX, CWDE, SIB addressing"
	mov	ebx, table
	mov	esi, 3
	movzx	eax, byte [ebx + esi * 2 + 1]	; table[7]
	PEXPECT	eax, 0x87
	movsx	eax, byte [ebx + esi * 2 + 1]
	PEXPECT	eax, 0xFFFFFF87
	movsx	eax, word [ebx + esi * 2]	; table[6..7]
	PEXPECT	eax, 0xFFFF8786
	mov	ax, 0x8000
	cwde
	PEXPECT	eax, 0xFFFF8000
	lea	eax, [ebx * 4 + esi + 0x10]
	mov	ecx, ebx
	shl	ecx, 2
	add	ecx, 0x13
	PEXPECT	eax, ecx
t5:
PTEST "REP MOVSD, REP STOSD, REPNE SCASB with ECX, ESI, EDI"
	cld
	mov	esi, table
	mov	edi, copy
	mov	ecx, 2
	rep	movsd
	PEXPECT	ecx, 0
	PEXPECT	edi, copy + 8
	mov	eax, [copy + 4]
	PEXPECT	eax, 0x87868584
	mov	edi, copy
	mov	eax, 0x5A5A5A5A
	mov	ecx, 2
	rep	stosd
	PEXPECT	dword [copy + 4], 0x5A5A5A5A
	mov	edi, table
	mov	al, 0x85
	mov	ecx, 8
	repne	scasb
	PEXPECT	ecx, 2
	PEXPECT	edi, table + 6
t6:
PTEST "PUSHAD/POPAD, ENTER/LEAVE, LOOP with ECX, XCHG"
	mov	eax, 1
	mov	ebx, 2
	pushad
	mov	eax, 0
	mov	ebx, 0
	popad
	PEXPECT	eax, 1
	PEXPECT	ebx, 2
	mov	ebp, 0x1234
	enter	8, 0
	mov	eax, esp
	add	eax, 8
	PEXPECT	ebp, eax
	leave
	PEXPECT	ebp, 0x1234
	PEXPECT	esp, PM_STACK0
	xor	eax, eax
	mov	ecx, 0x10000		; more than 16 bits: counted in ECX
.loop:	inc	eax
	loop	.loop
	PEXPECT	eax, 0x10000
	mov	eax, 0xAAAA
	mov	ebx, 0xBBBB
	xchg	eax, ebx
	PEXPECT	eax, 0xBBBB
t7:
PTEST "near CALL/RET with a 32-bit stack, JMP through a register"
	call	.sub
	PEXPECT	eax, 0x5555
	mov	ecx, .target
	jmp	ecx
	PEXPECT	eax, -1			; skipped
.target:
	PPASS
.sub:	mov	eax, 0x5555
	ret

table:	db	0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87
scratch:	dd	0, 0
copy:	dd	0, 0
