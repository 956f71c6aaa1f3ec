; tests/guest/bios_int1a.asm — INT 1Ah with the RTC started at
; 2026-01-31T23:59:30 (--rtc): the BCD time and date (RBIL INT 1Ah
; AH=02h-05h), the tick count since midnight (18.2065 a second: 23:59:30 is
; 1572495 = 17FE8Fh ticks) and its roll-over at 1800B0h ticks, a day.
%include "guest.inc"

	TEST	"AH=02h: 23:59:30 (BCD), a second or so later"
	mov	ah, 0x02
	int	0x1A
	EXPECT_FLAGS 0, CF
	EXPECT	ch, 0x23
	EXPECT	cl, 0x59
	cmp	dh, 0x32
	EXPECT_FLAGS CF, 0
	cmp	dh, 0x30
	EXPECT_FLAGS 0, CF

	TEST	"AH=04h: 2026-01-31 (BCD)"
	mov	ah, 0x04
	int	0x1A
	EXPECT_FLAGS 0, CF
	EXPECT	cx, 0x2026
	EXPECT	dx, 0x0131

	TEST	"AH=00h: the ticks count from the RTC's time at boot"
	xor	ah, ah
	int	0x1A
	EXPECT	cx, 0x0017
	cmp	dx, 0xFE8F
	EXPECT_FLAGS 0, CF
	cmp	dx, 0xFEC0		; within about 2.5 s
	EXPECT_FLAGS CF, 0

	TEST	"AH=00h: past midnight the count starts again; AL says so once"
	mov	bx, 1000		; at most 55 s
.wait:	hlt
	xor	ah, ah
	int	0x1A
	test	al, al
	jnz	.midnight
	dec	bx
	jnz	.wait
.midnight:
	EXPECT	al, 1
	EXPECT	cx, 0
	cmp	dx, 20
	EXPECT_FLAGS CF, 0
	xor	ah, ah
	int	0x1A
	EXPECT	al, 0

	TEST	"AH=04h after midnight: 2026-02-01"
	mov	ah, 0x86		; 2 s more: the RTC's second may lag the ticks
	mov	cx, 0x001E
	mov	dx, 0x8480
	int	0x15
	mov	ah, 0x04
	int	0x1A
	EXPECT	cx, 0x2026
	EXPECT	dx, 0x0201

	TEST	"AH=01h: set the ticks, read them back"
	mov	ah, 0x01
	mov	cx, 0x0001
	mov	dx, 0x2345
	int	0x1A
	xor	ah, ah
	int	0x1A
	EXPECT	cx, 0x0001
	cmp	dx, 0x2345
	EXPECT_FLAGS 0, CF
	cmp	dx, 0x2348
	EXPECT_FLAGS CF, 0

	TEST	"AH=03h/05h: set the time and date, read them back"
	mov	ah, 0x03
	mov	cx, 0x1234
	mov	dx, 0x5600
	int	0x1A
	EXPECT_FLAGS 0, CF
	mov	ah, 0x05
	mov	cx, 0x1999
	mov	dx, 0x1224
	int	0x1A
	EXPECT_FLAGS 0, CF
	mov	ah, 0x02
	int	0x1A
	EXPECT	cx, 0x1234
	and	dh, 0xFE
	EXPECT	dh, 0x56
	mov	ah, 0x04
	int	0x1A
	EXPECT	cx, 0x1999
	EXPECT	dx, 0x1224

	TEST	"the timer interrupt calls INT 1Ch once a tick"
	push	ds
	xor	ax, ax
	mov	ds, ax
	cli
	push	word [0x1C*4]
	push	word [0x1C*4+2]
	mov	word [0x1C*4], tick_hook
	mov	[0x1C*4+2], cs
	sti
	pop	cx			; the old vector, kept in CX:BX
	pop	bx
	pop	ds
	xor	ah, ah
	int	0x1A
	mov	si, dx
	mov	word [hook_calls], 0
.ten:	hlt
	xor	ah, ah
	int	0x1A
	mov	ax, dx
	sub	ax, si
	cmp	ax, 10
	jb	.ten
	cli
	mov	ax, [hook_calls]
	push	ds
	xor	dx, dx
	mov	ds, dx
	mov	[0x1C*4], bx
	mov	[0x1C*4+2], cx
	pop	ds
	sti
	cmp	ax, 10			; 10 ticks, or 11 if one came between
	EXPECT_FLAGS 0, CF		; the reads
	cmp	ax, 12
	EXPECT_FLAGS CF, 0

	TEST	"AH=06h (alarm) is not offered: CF=1"
	mov	ah, 0x06
	int	0x1A
	EXPECT_FLAGS CF, 0
	PASS

tick_hook:
	inc	word [cs:hook_calls]
	iret
hook_calls:	dw	0
