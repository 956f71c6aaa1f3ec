; tests/guest/bios_int15.asm — INT 15h on a machine with 16 MB of RAM
; (the default --mem), booted by the built-in BIOS: memory sizes, the A20
; gate, the configuration table, waiting, the keyboard intercept, the
; device hooks and unknown functions (RBIL INT 15h; IBM PC/AT Technical
; Reference). 16 MB of RAM is 15360 KB above 1 MB, none above 16 MB.
%include "guest.inc"

	TEST	"AH=88h: 15360 KB above 1 MB"
	mov	ah, 0x88
	int	0x15
	EXPECT_FLAGS 0, CF
	EXPECT	ax, 15360

	TEST	"AX=E801h: 15360 KB below 16 MB, no 64 KB blocks above"
	mov	ax, 0xE801
	int	0x15
	EXPECT_FLAGS 0, CF
	EXPECT	ax, 15360
	EXPECT	cx, 15360
	EXPECT	bx, 0
	EXPECT	dx, 0

	TEST	"AH=C0h: the configuration table of an AT (model FCh)"
	mov	ah, 0xC0
	int	0x15
	EXPECT_FLAGS 0, CF
	EXPECT	ah, 0
	EXPECT	word [es:bx], 8
	EXPECT	byte [es:bx+2], 0xFC

	TEST	"AH=C1h: the EBDA's segment, as 40:0Eh has it"
	mov	ah, 0xC1
	int	0x15
	EXPECT_FLAGS 0, CF
	mov	ax, es
	push	ds
	mov	bx, 0x40
	mov	ds, bx
	mov	bx, [0x0E]
	pop	ds
	EXPECT	ax, bx
	EXPECT	ax, 0x9FC0
	push	cs
	pop	es

	TEST	"AH=24h: the A20 gate off wraps FFFF:0010 to 0000:0000, on does not"
	mov	ax, 0x2403
	int	0x15
	EXPECT_FLAGS 0, CF
	EXPECT	ah, 0
	mov	ax, 0x2400
	int	0x15
	EXPECT_FLAGS 0, CF
	mov	ax, 0x2402
	int	0x15
	EXPECT	al, 0
	call	wraps
	EXPECT	al, 1
	mov	ax, 0x2401
	int	0x15
	EXPECT_FLAGS 0, CF
	mov	ax, 0x2402
	int	0x15
	EXPECT	al, 1
	push	sp			; the 8086 has no A20 line: it always wraps
	pop	ax			; (it pushes SP after decrementing it)
	cmp	ax, sp
	jne	.no_a20
	call	wraps
	EXPECT	al, 0
.no_a20:

	TEST	"AH=86h: a wait of 200 ms lets at least 3 timer ticks pass"
	xor	ah, ah
	int	0x1A
	mov	bx, dx
	mov	ah, 0x86
	mov	cx, 0x0003		; 30D40h us = 200 ms
	mov	dx, 0x0D40
	int	0x15
	EXPECT_FLAGS 0, CF
	xor	ah, ah
	int	0x1A
	sub	dx, bx
	cmp	dx, 3
	EXPECT_FLAGS 0, CF		; 200 ms / 54.9 ms = 3.6 ticks

	TEST	"AH=4Fh: the keyboard intercept keeps the key (CF=1)"
	mov	ax, 0x4F1E
	clc
	int	0x15
	EXPECT_FLAGS CF, 0
	EXPECT	al, 0x1E

	TEST	"AH=90h/91h: device busy and post: AH=00h"
	mov	ax, 0x9000
	int	0x15
	EXPECT_FLAGS 0, CF
	EXPECT	ah, 0
	mov	ax, 0x9100
	int	0x15
	EXPECT	ah, 0

	TEST	"AH=89h (protected mode for good) and an unknown AH=77h: CF=1, AH=86h"
	mov	ah, 0x89
	int	0x15
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x86
	mov	ah, 0x77
	int	0x15
	EXPECT_FLAGS CF, 0
	EXPECT	ah, 0x86
	PASS

; wraps: AL = 1 if a byte written at FFFF:0010 shows at 0000:0000.
wraps:	push	ds
	push	es
	xor	ax, ax
	mov	ds, ax
	mov	ax, 0xFFFF
	mov	es, ax
	mov	bl, [0]
	mov	byte [es:0x10], 0x5A
	mov	byte [0], 0xA5
	cmp	byte [es:0x10], 0xA5
	mov	al, 1
	je	.done
	mov	al, 0
.done:	mov	[0], bl
	pop	es
	pop	ds
	ret
