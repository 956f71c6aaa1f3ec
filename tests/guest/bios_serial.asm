; tests/guest/bios_serial.asm — the serial console: run with COM1 on stdio
; and "xy\r" on stdin (bios_serial.sh). What INT 10h AH=0Eh writes also goes
; out on COM1, and bytes arriving on COM1 come back from INT 16h as keys
; with the US keyboard's scan codes (IBM PC/AT Technical Reference): x =
; 2D78h, y = 1579h, CR = Enter = 1C0Dh. INT 14h AH=01h sends a byte itself.
%include "guest.inc"

	TEST	"INT 16h: the bytes typed on COM1"
	call	read
	EXPECT	ax, 0x2D78
	call	read
	EXPECT	ax, 0x1579
	call	read
	EXPECT	ax, 0x1C0D

	TEST	"INT 10h AH=0Eh: text to the screen and COM1"
	mov	si, text
.next:	mov	al, [si]
	inc	si
	test	al, al
	jz	.done
	mov	ah, 0x0E
	mov	bx, 0x0007
	int	0x10
	jmp	.next
.done:
	TEST	"INT 14h AH=01h: bytes sent on COM1 directly"
	mov	si, int14_text
.send:	mov	al, [si]
	inc	si
	test	al, al
	jz	.sent
	mov	ah, 0x01
	xor	dx, dx
	int	0x14
	test	ah, 0x80
	EXPECT_FLAGS ZF, 0		; no time-out
	jmp	.send
.sent:	mov	dx, 0x3FD		; until COM1 has sent it all (LSR bit 6)
	mov	cx, 0xFFFF
.drain:	in	al, dx
	test	al, 0x40
	loopz	.drain
	PASS

read:	xor	ah, ah
	int	0x16
	ret

text:	db	"teletype text on COM1", 13, 10, 0
int14_text:	db	"[sent by INT 14h]", 13, 10, 0
