; tests/guest/bios_misc.asm — INT 11h, 12h, 14h and 17h, booted from a
; floppy by the built-in BIOS on the default board (16 MB, one floppy, a
; VGA, COM1 and COM2, no printer port). Equipment word bits (RBIL INT 11h):
; 0 floppies present, 4-5 initial video (00 = EGA/VGA), 6-7 floppies - 1,
; 9-11 serial ports. UART line status (16550A data sheet): bit 5 THRE;
; INT 14h AH bit 7 = time-out.
%include "guest.inc"

	TEST	"INT 11h: one floppy, a VGA, two serial ports"
	int	0x11
	mov	bx, ax
	and	bx, 0x00F1
	EXPECT	bx, 0x0001
	mov	bx, ax
	and	bx, 0x0E00
	EXPECT	bx, 0x0400

	TEST	"INT 12h: 639 KB (640 KB less the 1 KB EBDA)"
	int	0x12
	EXPECT	ax, 639

	TEST	"the BDA lists COM1 at 3F8h and COM2 at 2F8h, no LPT"
	push	ds
	mov	ax, 0x40
	mov	ds, ax
	EXPECT	word [0x00], 0x3F8
	EXPECT	word [0x02], 0x2F8
	EXPECT	word [0x04], 0
	EXPECT	word [0x08], 0
	pop	ds

	TEST	"INT 14h AH=00h: COM1 at 9600 8N1; the line is idle"
	mov	ax, 0x00E3
	mov	dx, 0
	int	0x14
	and	ah, 0x20		; room to send (the last byte may be on its way)
	EXPECT	ah, 0x20
	mov	dx, 0x3FB		; the line control register: 8 bits, 1 stop, no parity
	in	al, dx
	EXPECT	al, 0x03

	TEST	"INT 14h AH=01h: a byte sent, no time-out"
	mov	ax, 0x0121
	mov	dx, 0
	int	0x14
	and	ah, 0x80
	EXPECT	ah, 0

	TEST	"INT 14h AH=03h on COM4 (none): time-out"
	mov	ah, 0x03
	mov	dx, 3
	int	0x14
	EXPECT	ah, 0x80

	TEST	"INT 17h: no printer: time-out"
	mov	ax, 0x0041
	mov	dx, 0
	int	0x17
	and	ah, 0x01
	EXPECT	ah, 0x01
	PASS
