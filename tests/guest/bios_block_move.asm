; tests/guest/bios_block_move.asm — INT 15h AH=87h, the AT's block move
; (IBM PC AT Technical Reference; RBIL INT 15h AH=87h), booted by the
; built-in BIOS with 16 MB of RAM. On a 386 or later 16 bytes go from
; conventional memory to 11 0000h (past the 1 MB line, which needs A20 and
; protected mode) and back to another buffer; the BIOS fills the table's
; entries 08h, 20h and 28h and leaves A20 and IF as they were. On an 8086
; or 286 it answers AH = 86h ("not supported").
%include "guest.inc"

	TEST	"AH=87h: not on an 8086 or 286; on a 386, there and back through 11 0000h"
	call	cpu_level
	cmp	al, 3
	jae	.move
	mov	ah, 0x87
	int	0x15
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x86
	PASS

	cpu	386
.move:	in	al, 0x92
	and	al, 0x02
	mov	[a20_before], al
	mov	eax, cs			; the buffers' linear addresses
	shl	eax, 4
	lea	ebx, [eax + src]
	mov	[gdt + 0x12], bx	; source: src, 64 KB
	shr	ebx, 16
	mov	[gdt + 0x14], bl
	mov	dword [gdt + 0x18], 0x0000FFFF	; destination: 11 0000h, 64 KB
	mov	dword [gdt + 0x1C], 0x00009311
	push	cs
	pop	es
	mov	si, gdt
	mov	cx, 8			; words
	sti
	mov	ah, 0x87
	int	0x15
	EXPECT_FLAGS IF, CF
	EXPECT	ah, 0
	EXPECT	word [gdt + 0x08], 0x2F	; the BIOS's entries: the table itself
	EXPECT	byte [gdt + 0x25], 0x9B	; its code
	EXPECT	byte [gdt + 0x2D], 0x93	; and a data segment

	; Back: source 11 0000h, destination 'back'.
	mov	dword [gdt + 0x10], 0x0000FFFF
	mov	dword [gdt + 0x14], 0x00009311
	mov	eax, cs
	shl	eax, 4
	lea	ebx, [eax + back]
	mov	dword [gdt + 0x18], 0x0000FFFF
	mov	dword [gdt + 0x1C], 0x00009300
	mov	[gdt + 0x1A], bx
	shr	ebx, 16
	mov	[gdt + 0x1C], bl
	mov	si, gdt
	mov	cx, 8
	mov	ah, 0x87
	int	0x15
	EXPECT_FLAGS 0, CF
	EXPECT	ah, 0
	mov	si, src
	mov	di, back
	mov	cx, 16
	cld
	repe	cmpsb
	EXPECT	cx, 0			; the 16 bytes came back
	in	al, 0x92
	and	al, 0x02
	mov	ah, [a20_before]
	EXPECT	al, ah			; A20 as it was
	; Real-mode segments again: a word at DS:FFFE is within the limit.
	mov	ax, [0xFFFE]

	TEST	"AH=87h: more than 8000h words: CF=1, AH=01h"
	mov	cx, 0x8001
	mov	ah, 0x87
	int	0x15
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x01
	PASS

	cpu	8086
; cpu_level: AL = 0 on an 8086 (FLAGS bits 12-15 always set), 2 on a 286
; (bits 12-14 stay clear in real mode), 3 on a 386 or later (IOPL and NT
; can be set): the processor identification of Intel's AP-485.
cpu_level:
	pushf
	xor	ax, ax
	push	ax
	popf
	pushf
	pop	ax
	and	ax, 0xF000
	cmp	ax, 0xF000
	mov	al, 0
	je	.done
	mov	ax, 0x7000
	push	ax
	popf
	pushf
	pop	ax
	test	ax, 0x7000
	mov	al, 2
	jz	.done
	mov	al, 3
.done:	popf
	ret

a20_before:	db	0
src:		db	"x86lab: AT move."	; 16 bytes
back:		times 16 db 0
	align	8
gdt:		times 0x10 db 0
		dw	0xFFFF, 0		; 10h: the source, filled in above
		db	0, 0x93, 0, 0
		times 0x18 db 0
