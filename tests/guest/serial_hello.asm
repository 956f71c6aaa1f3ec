; tests/guest/serial_hello.asm — COM1 as a BIOS or a boot loader drives it:
; 115200 8N1 through the divisor latch, bytes sent when the line status says
; the transmitter holding register is empty (16550A datasheet).
%include "guest.inc"

COM1	equ	0x3f8

TEST "COM1 answers: the scratch register keeps a byte"
	mov	dx, COM1 + 7
	mov	al, 0x5a
	out	dx, al
	in	al, dx
	EXPECT	al, 0x5a

TEST "divisor latch and line control"
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
	mov	al, 0x03		; 8 data bits, no parity, 1 stop bit, DLAB off
	out	dx, al
	in	al, dx
	EXPECT	al, 0x03

TEST "send a line"
	mov	si, message
.next:	mov	al, [si]
	test	al, al
	jz	.done
	mov	ah, al
	mov	dx, COM1 + 5
.busy:	in	al, dx			; LSR bit 5: THR empty
	test	al, 0x20
	jz	.busy
	mov	dx, COM1
	mov	al, ah
	out	dx, al
	inc	si
	jmp	.next
.done:	mov	dx, COM1 + 5
.drain:	in	al, dx			; LSR bit 6: transmitter empty
	test	al, 0x40
	jz	.drain
	EXPECT	si, message + 20
PASS

message: db "hello from COM1 ok.", 10, 0
