; tests/guest/serial_echo.asm — COM1 echo: every byte received is sent back,
; polled through the line status register (16550A datasheet); a '.' ends the
; run with status 0 once it has left the transmitter. For tests/cli/serial_tcp.sh.
%include "guest.inc"

COM1	equ	0x3f8

	mov	dx, COM1 + 3
	mov	al, 0x80		; DLAB
	out	dx, al
	mov	dx, COM1
	mov	al, 1			; divisor 1: 115200 baud
	out	dx, al
	inc	dx
	xor	al, al
	out	dx, al
	mov	dx, COM1 + 3
	mov	al, 0x03		; 8N1, DLAB off
	out	dx, al

.wait:	mov	dx, COM1 + 5
	in	al, dx			; LSR bit 0: data ready
	test	al, 0x01
	jz	.wait
	mov	dx, COM1
	in	al, dx
	mov	ah, al
	mov	dx, COM1 + 5
.busy:	in	al, dx			; LSR bit 5: THR empty
	test	al, 0x20
	jz	.busy
	mov	dx, COM1
	mov	al, ah
	out	dx, al
	cmp	ah, '.'
	jne	.wait
	mov	dx, COM1 + 5
.drain:	in	al, dx			; LSR bit 6: transmitter empty
	test	al, 0x40
	jz	.drain
PASS
