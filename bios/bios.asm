; bios/bios.asm — the x86lab BIOS ROM: 64 KB mapped at F000:0000, entered at
; the reset vector F000:FFF0. This file lays the ROM out; each job lives in
; its own file. Assembled with nasm -f bin; the listing (-l) gives the
; monitor its symbols (base F0000h).
;
; The code is 8086 code (cpu 8086 below) so that the same ROM boots the 8086
; model; only INT 15h E820h, which a 386 guest calls with 32-bit registers,
; is 386 code, and POST remembers which CPU it found so that it is never run
; on an earlier one.

	bits	16
	cpu	8086
	org	0

%include "bda.inc"

; The CS-relative address of the ROM; every vector points into it.
BIOS_SEG	equ	0xF000

; iret_cf / iret_zf: return from an INT handler with the current CF (or ZF)
; in the caller's FLAGS, keeping the caller's other flags (IF above all).
; Jump here with the stack as the INT left it.
iret_cf:
	push	bp
	mov	bp, sp
	jc	.set
	and	byte [bp+6], 0xFE
	pop	bp
	iret
.set:	or	byte [bp+6], 0x01
	pop	bp
	iret

iret_zf:
	push	bp
	mov	bp, sp
	jz	.set
	and	byte [bp+6], 0xBF
	pop	bp
	iret
.set:	or	byte [bp+6], 0x40
	pop	bp
	iret

; A vector nobody claims.
int_ignore:
	iret

%include "post.asm"
%include "console.asm"
%include "irq_handlers.asm"
%include "int10_video.asm"
%include "int13_disk.asm"
%include "int13_floppy.asm"
%include "int13_ata.asm"
%include "int15_system.asm"
%include "int16_keyboard.asm"
%include "irq1_keyboard.asm"
%include "int1a_time.asm"
%include "int19_boot.asm"
%include "small_services.asm"
%include "font.asm"

; The fixed tail of a PC ROM: the reset vector, the release date, the model.
	times	0xFFF0 - ($ - $$) db 0xFF
reset_vector:
	jmp	BIOS_SEG:post_start
	db	"11/27/26"		; F000:FFF5, the BIOS date (MM/DD/YY)
	db	0
	db	0xFC			; F000:FFFE, model byte: an AT
	db	0
