; tests/guest/cpu286_kbd_a20.asm — the A20 gate as a PC drives it: open at
; power-on (for the reset vector); closed, FFFF:0610 wraps to 0000:0600;
; opened and closed through the 8042's output port (commands D1, D0) and
; port 0x92. 286 and 386 only: the 8086 has no address line 20 to gate.
%include "guest.inc"
	cpu	286

LOW	equ	0x0600		; 0000:0600 = physical 00600
HIGH	equ	0x0610		; FFFF:0610 = physical 100600, or 00600 wrapped

	xor	ax, ax
	mov	ds, ax
	mov	ax, 0xFFFF
	mov	es, ax

TEST "A20 is open at power-on"
	mov	byte [LOW], 0x55
	mov	byte [es:HIGH], 0xAA
	EXPECT	byte [LOW], 0x55

TEST "8042 command D1 with bit 1 clear closes A20: FFFF:0610 wraps"
	call	wait_input
	mov	al, 0xD1		; write the output port
	out	0x64, al
	call	wait_input
	mov	al, 0xDD		; A20 off, CPU not in reset
	out	0x60, al
	mov	byte [LOW], 0x55
	mov	byte [es:HIGH], 0xAA
	EXPECT	byte [LOW], 0xAA

TEST "8042 command D1 with bit 1 set opens A20"
	call	wait_input
	mov	al, 0xD1
	out	0x64, al
	call	wait_input
	mov	al, 0xDF		; A20 on, CPU not in reset
	out	0x60, al
	mov	byte [LOW], 0x55
	mov	byte [es:HIGH], 0xAA
	EXPECT	byte [LOW], 0x55
	EXPECT	byte [es:HIGH], 0xAA

TEST "8042 command D0 reads the output port back"
	call	wait_input
	mov	al, 0xD0
	out	0x64, al
	call	wait_output
	in	al, 0x60
	and	al, 0x03
	EXPECT	al, 0x03

TEST "D1 with bit 1 clear closes A20 again"
	call	wait_input
	mov	al, 0xD1
	out	0x64, al
	call	wait_input
	mov	al, 0xDD
	out	0x60, al
	EXPECT	byte [es:HIGH], 0x55	; the low byte shows through again

TEST "port 0x92 bit 1 opens and closes A20"
	in	al, 0x92
	or	al, 0x02
	and	al, 0xFE		; never set bit 0: it resets the CPU
	out	0x92, al
	EXPECT	byte [es:HIGH], 0xAA
	in	al, 0x92
	and	al, 0x03
	EXPECT	al, 0x02
	and	al, 0xFC
	out	0x92, al
	EXPECT	byte [es:HIGH], 0x55
PASS

; The 8042 takes a byte only with its input buffer empty (status bit 1).
wait_input:
	in	al, 0x64
	test	al, 0x02
	jnz	wait_input
	ret

; A reply is there once the output buffer is full (status bit 0).
wait_output:
	in	al, 0x64
	test	al, 0x01
	jz	wait_output
	ret
