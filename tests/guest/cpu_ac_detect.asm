; tests/guest/cpu_ac_detect.asm — the classic 386-or-486 detection: the 486
; can set EFLAGS.AC (bit 18), the 386 cannot (SDM Vol. 3, 22.x "EFLAGS";
; Intel's processor-identification application note). The guest says which
; CPU it found ("detected a 386" / "detected a 486"), and the test of each
; model checks that line. Then what follows from it: on a 486 XADD, BSWAP,
; CMPXCHG and CPUID (with the settable ID flag) work; on a 386 CPUID is #UD.
; Runs on the 386 and the 486 (and on any later CPU as a 486).
%include "guest.inc"
	cpu	586		; nasm files CMPXCHG (0F B1) and CPUID under the Pentium,
				; as the first 486 steppings lacked them; nothing later is used

	; Vector 6 (#UD) -> ud_handler: skips the two-byte instruction.
	xor	ax, ax
	mov	es, ax
	mov	word [es:6*4], ud_handler
	mov	word [es:6*4+2], cs
	push	cs
	pop	es

TEST "EFLAGS.AC: set it and read it back"
	pushfd
	pop	eax
	mov	ecx, eax
	xor	eax, 1 << 18
	push	eax
	popfd
	pushfd
	pop	eax
	push	ecx			; put the flags back as they were
	popfd
	xor	eax, ecx
	shr	eax, 18
	and	ax, 1
	jz	is386

	mov	si, s_486
	call	g_puts

TEST "xadd"
	mov	ax, 1
	mov	bx, 2
	xadd	ax, bx
	EXPECT	ax, 3
	EXPECT	bx, 1

TEST "bswap"
	mov	eax, 0x12345678
	bswap	eax
	EXPECT	ax, 0x3412
	shr	eax, 16
	EXPECT	ax, 0x7856

TEST "cmpxchg"
	mov	word [val], 5
	mov	ax, 5
	mov	cx, 9
	cmpxchg	[val], cx		; equal: [val] = 9, ZF = 1
	EXPECT_FLAGS ZF, 0
	EXPECT	word [val], 9
	cmpxchg	[val], cx		; AX = 5 differs: AX = 9, ZF = 0
	EXPECT_FLAGS 0, ZF
	EXPECT	ax, 9

TEST "EFLAGS.ID toggles, and CPUID reports family 4 or later"
	pushfd
	pop	eax
	mov	ecx, eax
	xor	eax, 1 << 21
	push	eax
	popfd
	pushfd
	pop	eax
	push	ecx
	popfd
	xor	eax, ecx
	shr	eax, 21
	and	ax, 1
	EXPECT	ax, 1
	xor	eax, eax
	cpuid				; EAX = the highest leaf: at least 1
	cmp	eax, 1
	setae	al
	EXPECT	al, 1
	mov	eax, 1
	cpuid
	shr	ax, 8
	and	ax, 0x0f
	cmp	al, 4
	setae	al
	EXPECT	al, 1
	PASS

is386:
	mov	si, s_386
	call	g_puts

TEST "the 386 has no CPUID: #UD"
	mov	byte [ud_seen], 0
	cpuid
	EXPECT	byte [ud_seen], 1
	PASS

ud_handler:
	push	bp
	mov	bp, sp
	add	word [bp+2], 2		; past the two-byte opcode
	mov	byte [cs:ud_seen], 1
	pop	bp
	iret

s_386:	db	"detected a 386", 10, 0
s_486:	db	"detected a 486", 10, 0
ud_seen: db	0
val:	dw	0
