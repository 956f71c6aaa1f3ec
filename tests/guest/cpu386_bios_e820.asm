; tests/guest/cpu386_bios_e820.asm — INT 15h AX=E820h on a 386 with 16 MB
; (ACPI 3.0 "INT 15h E820h"): EBX walks the ranges and is 0 after the last;
; each answer has EAX = 'SMAP' and ECX = 20. Expected for this machine: RAM
; from 0 to the EBDA (639 KB, INT 12h), reserved from there to 1 MB, RAM
; from 1 MB to 16 MB.
%include "guest.inc"
	cpu	386

	TEST	"E820h range 0: RAM 0-9FC00h"
	xor	ebx, ebx
	call	e820
	EXPECT_FLAGS 0, CF
	EXPECT	word [range+8], 0xFC00
	EXPECT	word [range+10], 0x0009
	EXPECT	word [range+16], 1
	cmp	ebx, 0
	EXPECT_FLAGS 0, ZF

	TEST	"E820h range 1: reserved 9FC00h-100000h"
	call	e820
	EXPECT_FLAGS 0, CF
	EXPECT	word [range], 0xFC00
	EXPECT	word [range+2], 0x0009
	EXPECT	word [range+8], 0x0400
	EXPECT	word [range+10], 0x0006
	EXPECT	word [range+16], 2

	TEST	"E820h range 2: RAM 100000h-1000000h, the last"
	call	e820
	EXPECT_FLAGS 0, CF
	EXPECT	word [range+2], 0x0010
	EXPECT	word [range+8], 0
	EXPECT	word [range+10], 0x00F0
	EXPECT	word [range+12], 0
	EXPECT	word [range+16], 1
	cmp	ebx, 0
	EXPECT_FLAGS ZF, 0

	TEST	"E820h without 'SMAP' in EDX: CF=1"
	mov	eax, 0xE820
	xor	edx, edx
	mov	ecx, 20
	mov	di, range
	int	0x15
	EXPECT_FLAGS CF, 0
	PASS

; e820: one call with EBX; checks EAX and ECX.
e820:	mov	eax, 0xE820
	mov	edx, 0x534D4150
	mov	ecx, 20
	mov	di, range
	int	0x15
	pushf
	cmp	eax, 0x534D4150
	EXPECT_FLAGS ZF, 0
	cmp	ecx, 20
	EXPECT_FLAGS ZF, 0
	popf
	ret

range:	times 20 db 0xFF
