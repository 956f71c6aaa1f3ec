; tests/guest/bios_int16.asm — INT 16h with keys typed by the host: run with
; --keys "aB\n{f1}{up}{up}{ctrl-c}{capslock}a{capslock}{alt-x}{f11}{shift-f2}{f12}q".
; Key words (scan code, character) from the IBM PC/AT Technical Reference's
; keyboard tables: a = 1E61h, B = 3042h, Enter = 1C0Dh, F1 = 3B00h, the grey
; Up = 48E0h for AH=10h and 4800h for AH=00h, Ctrl-C = 2E03h, a with Caps
; Lock = 1E41h, Alt-X = 2D00h, F11 = 8500h (AH=10h), Shift-F2 = 5500h;
; F12 exists only for AH=10h/11h: AH=00h/01h skip it; q = 1071h.
%include "guest.inc"

	TEST	"AH=01h: wait until a key is there; it stays in the buffer"
.wait:	mov	ah, 0x01
	int	0x16
	jnz	.got
	hlt
	jmp	.wait
.got:	EXPECT	ax, 0x1E61
	mov	ah, 0x01
	int	0x16
	EXPECT_FLAGS 0, ZF
	EXPECT	ax, 0x1E61

	TEST	"AH=00h: a, B (with Shift), Enter, F1"
	call	read
	EXPECT	ax, 0x1E61
	call	read
	EXPECT	ax, 0x3042
	call	read
	EXPECT	ax, 0x1C0D
	call	read
	EXPECT	ax, 0x3B00

	TEST	"AH=10h and AH=00h: the grey Up key"
	mov	ah, 0x10
	int	0x16
	EXPECT	ax, 0x48E0
	call	read
	EXPECT	ax, 0x4800

	TEST	"Ctrl-C"
	call	read
	EXPECT	ax, 0x2E03

	TEST	"Caps Lock, Alt, F11, Shift-F2"
	call	read
	EXPECT	ax, 0x1E41
	call	read
	EXPECT	ax, 0x2D00
	mov	ah, 0x10
	int	0x16
	EXPECT	ax, 0x8500
	call	read
	EXPECT	ax, 0x5500

	TEST	"AH=01h and AH=00h skip F12, a key of the enhanced keyboard only"
.peek:	mov	ah, 0x01		; (the keys may still be coming)
	int	0x16
	jnz	.q
	hlt
	jmp	.peek
.q:	EXPECT	ax, 0x1071
	call	read
	EXPECT	ax, 0x1071

	TEST	"AH=01h: the buffer is empty now"
	mov	ah, 0x01
	int	0x16
	EXPECT_FLAGS ZF, 0

	TEST	"AH=05h: a key stored by a program comes back from AH=00h"
	mov	ah, 0x05
	mov	cx, 0x2C7A
	int	0x16
	EXPECT	al, 0
	call	read
	EXPECT	ax, 0x2C7A

	TEST	"AH=05h: the buffer holds 15 keys; the 16th is refused (AL=01h)"
	mov	bx, 15
.fill:	mov	ah, 0x05
	mov	cx, 0x1E61
	int	0x16
	EXPECT	al, 0
	dec	bx
	jnz	.fill
	mov	ah, 0x05
	int	0x16
	EXPECT	al, 1
	mov	bx, 15
.drain:	call	read
	dec	bx
	jnz	.drain

	TEST	"AH=02h/12h: no Shift, Ctrl or Alt held (once Ctrl is released)"
	mov	ah, 0x86		; 100 ms: the last releases come 10 ms apart
	mov	cx, 0x0001
	mov	dx, 0x86A0
	int	0x15
	mov	ah, 0x02
	int	0x16
	and	al, 0x0F
	EXPECT	al, 0
	mov	ah, 0x12
	int	0x16
	and	ax, 0x0F0F
	EXPECT	ax, 0

	TEST	"AH=03h AL=05h: typematic rate accepted, keys still work"
	mov	ax, 0x0305
	mov	bx, 0x0100
	int	0x16
	mov	ah, 0x05
	mov	cx, 0x1559
	int	0x16
	call	read
	EXPECT	ax, 0x1559
	PASS

read:	xor	ah, ah
	int	0x16
	ret
