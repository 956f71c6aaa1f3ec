; tests/guest/triple_fault.asm — a 64 KiB ROM for --bios (386) that triple
; faults: DS loaded with a not-present segment raises #NP; the #NP gate's
; code segment is not present either, a second #NP while delivering the
; first, so #DF (SDM Vol. 3, Table 6-5); the #DF gate names a data segment,
; #GP(0011h: selector 10h with EXT) while delivering #DF: shutdown. A PC
; board turns shutdown into a reset; the boot counter at 0000:0500
; (RAM survives a CPU reset) tells the second boot, which reports and
; exits 0. triple_fault.sh runs it with --on-triple-fault stop and reset.
	cpu	386
	bits	16
	org	0

ROM_LINEAR	equ	0xF0000

start:	xor	ax, ax
	mov	ds, ax
	mov	ss, ax
	mov	sp, 0x7c00
	inc	byte [0x500]
	cmp	byte [0x500], 1
	jne	second_boot
	cli
	o32 lgdt [cs:gdtr]
	o32 lidt [cs:idtr]
	mov	eax, cr0
	or	al, 1
	mov	cr0, eax
	jmp	0x08:.pm		; 16-bit protected mode, CS base F0000h
.pm:	mov	ax, 0x20
	mov	ds, ax			; #NP(20h) -> #NP(19h) -> #DF -> #GP(11h)
	mov	al, 1			; not reached
	out	0xf4, al
	hlt

second_boot:
	mov	si, ok_msg
.print:	cs lodsb
	test	al, al
	jz	.done
	out	0xe9, al
	jmp	.print
.done:	xor	al, al
	out	0xf4, al
	cli
	hlt

ok_msg:	db	"reset after a triple fault", 10, 0

	align	8
gdt:	dq	0
	dw	0xFFFF, 0x0000, 0x9A0F, 0x0000	; 08: code, base F0000h, 64 KiB
	dw	0xFFFF, 0x0000, 0x9200, 0x0000	; 10: data, base 0
	dw	0xFFFF, 0x0000, 0x1A0F, 0x0000	; 18: code, not present
	dw	0xFFFF, 0x0000, 0x1200, 0x0000	; 20: data, not present
gdtr:	dw	5 * 8 - 1
	dd	ROM_LINEAR + gdt
	align	8
idt:	times	8 dq 0
	dw	0, 0x10, 0x8E00, 0		; 8: #DF -> a data segment
	times	2 dq 0
	dw	0, 0x18, 0x8E00, 0		; 11: #NP -> a code segment not present
	times	4 dq 0
idtr:	dw	16 * 8 - 1
	dd	ROM_LINEAR + idt

	times	0xfff0 - ($ - $$) db 0xff
reset:	jmp	0xf000:start
	times	0x10000 - ($ - $$) db 0xff
