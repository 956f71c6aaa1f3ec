; tests/guest/rom_kbd_reset.asm — a 64 KiB ROM for --bios that resets the
; CPU twice, as PC software does to leave protected mode or reboot: first
; with the 8042's "pulse output port" command 0xFE on port 0x64, then with
; bit 0 of port 0x92. RAM survives a CPU reset, so a boot counter at
; 0000:0500 tells the boots apart. The third boot reports and exits 0.
	cpu	8086
	bits	16
	org	0

start:	xor	ax, ax
	mov	ds, ax
	mov	ss, ax
	mov	sp, 0x7c00
	inc	byte [0x500]
	cmp	byte [0x500], 1
	je	.first
	cmp	byte [0x500], 2
	je	.second
	cmp	byte [0x500], 3
	jne	fail
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

.first:	mov	al, 0xfe		; 8042: pulse output port bit 0 (CPU reset)
	out	0x64, al
	jmp	no_reset
.second:
	in	al, 0x92
	and	al, 0xfe
	out	0x92, al
	or	al, 0x01		; a 0 -> 1 edge on bit 0 resets the CPU
	out	0x92, al
	jmp	no_reset

; The reset takes effect between slices: give it time, then fail.
no_reset:
	mov	cx, 10000
.spin:	loop	.spin
fail:	mov	al, 1
	out	0xf4, al
	cli
	hlt

ok_msg:	db	"reset by the 8042 and by port 0x92", 10, 0

	times	0xfff0 - ($ - $$) db 0xff
reset:	jmp	0xf000:start
	times	0x10000 - ($ - $$) db 0xff
