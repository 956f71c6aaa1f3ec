; bios/console.asm — text out and in for the BIOS itself and the serial
; console: printing through INT 10h, numbers in decimal and hex, the COM1
; mirror of teletype output and serial input turned into keystrokes.

; print_string: the zero-terminated string at DS:SI through INT 10h AH=0Eh.
print_string:
	push	ax
	push	bx
	push	si
.next:	lodsb
	test	al, al
	jz	.done
	mov	ah, 0x0E
	mov	bx, 0x0007
	int	0x10
	jmp	.next
.done:	pop	si
	pop	bx
	pop	ax
	ret

; print_char: AL through INT 10h AH=0Eh.
print_char:
	push	ax
	push	bx
	mov	ah, 0x0E
	mov	bx, 0x0007
	int	0x10
	pop	bx
	pop	ax
	ret

; print_dec: AX in decimal.
print_dec:
	push	dx
	xor	dx, dx
	call	print_dec32
	pop	dx
	ret

; print_dec32: DX:AX in decimal (long division by 10, high word first, as
; DIV takes a 32-bit dividend but gives a 16-bit quotient).
print_dec32:
	push	ax
	push	bx
	push	cx
	push	dx
	push	si
	xor	cx, cx
	mov	bx, 10
.divide:
	mov	si, ax
	mov	ax, dx
	xor	dx, dx
	div	bx			; high word / 10
	xchg	ax, si			; SI = high quotient, AX = low word
	div	bx			; (remainder:low) / 10
	push	dx
	inc	cx
	mov	dx, si
	mov	si, ax
	or	si, dx
	jnz	.divide
.print:	pop	ax
	add	al, '0'
	call	print_char
	loop	.print
	pop	si
	pop	dx
	pop	cx
	pop	bx
	pop	ax
	ret

; print_hex_word: AX as four hex digits; print_hex_byte: AL as two.
print_hex_word:
	push	ax
	mov	al, ah
	call	print_hex_byte
	pop	ax
print_hex_byte:
	push	ax
	push	cx
	mov	cl, 4
	mov	ah, al
	shr	al, cl
	call	.digit
	mov	al, ah
	and	al, 0x0F
	call	.digit
	pop	cx
	pop	ax
	ret
.digit:	add	al, '0'
	cmp	al, '9'
	jbe	.put
	add	al, 'A' - '9' - 1
.put:	jmp	print_char

; serial_init_port: the UART at DX to the INT 14h AH=00h parameters in AL:
; bits 7-5 the rate (110 ... 9600 baud), 4-3 parity, 2 stop bits, 1-0 word
; length (RBIL INT 14h AH=00h). DTR and RTS on, FIFOs on, no interrupts.
serial_init_port:
	push	ax
	push	bx
	push	cx
	push	dx
	push	si
	mov	bl, al
	mov	cl, 5
	shr	al, cl
	xor	ah, ah
	mov	si, ax
	shl	si, 1
	push	dx
	add	dx, UART_LCR
	mov	al, 0x80		; DLAB: the divisor latch
	out	dx, al
	pop	dx
	mov	ax, [cs:serial_divisors + si]
	out	dx, al			; DLL
	inc	dx
	mov	al, ah
	out	dx, al			; DLM
	inc	dx
	mov	al, 0x07		; FCR: enable and clear the FIFOs
	out	dx, al
	inc	dx
	mov	al, bl
	and	al, 0x1F		; LCR: word length, stop bits, parity
	out	dx, al
	inc	dx
	mov	al, 0x03		; MCR: DTR, RTS
	out	dx, al
	sub	dx, 3
	xor	al, al			; IER: no interrupts
	out	dx, al
	pop	si
	pop	dx
	pop	cx
	pop	bx
	pop	ax
	ret

; Divisors of the 1.8432 MHz clock for 110, 150, 300, 600, 1200, 2400, 4800
; and 9600 baud.
serial_divisors:
	dw	1047, 768, 384, 192, 96, 48, 24, 12

; serial_console_putc: AL to COM1 if there is one, waiting a bounded time
; for room (the transmitter holding register empty, LSR bit 5), so that
; teletype output also reaches a serial terminal.
serial_console_putc:
	push	ax
	push	cx
	push	dx
	push	ds
	mov	dx, BDA_SEG
	mov	ds, dx
	mov	dx, [BDA_COM_BASE]
	test	dx, dx
	jz	.done
	mov	ah, al
	add	dx, UART_LSR
	mov	cx, 0x4000
.wait:	in	al, dx
	test	al, 0x20
	loopz	.wait
	sub	dx, UART_LSR
	mov	al, ah
	out	dx, al
.done:	pop	ds
	pop	dx
	pop	cx
	pop	ax
	ret

; serial_console_poll: bytes waiting on COM1 (LSR bit 0) go into the key
; buffer as keystrokes (scan code from the US layout, 0 for what no key
; types), so that a serial terminal can answer INT 16h.
serial_console_poll:
	push	ax
	push	bx
	push	cx
	push	dx
	push	ds
	mov	dx, BDA_SEG
	mov	ds, dx
	mov	dx, [BDA_COM_BASE]
	test	dx, dx
	jz	.done
	mov	cx, 16			; at most a FIFO's worth per call
.next:	add	dx, UART_LSR
	in	al, dx
	sub	dx, UART_LSR
	test	al, 0x01
	jz	.done
	in	al, dx
	cmp	al, 0x7F		; terminals send DEL for Backspace
	jne	.ascii
	mov	al, 0x08
.ascii:	call	ascii_to_scancode	; AH = scan code
	push	cx
	mov	cx, ax
	call	kbd_buffer_put
	pop	cx
	loop	.next
.done:	pop	ds
	pop	dx
	pop	cx
	pop	bx
	pop	ax
	ret

; memory_above_1m_kb: DX:AX = KB of RAM above 1 MB, from CMOS 30h-31h (up
; to 64 MB) or, past 16 MB, 15 MB plus CMOS 34h-35h's 64 KB blocks.
memory_above_1m_kb:
	push	cx
	mov	al, CMOS_EXT16_64K
	call	cmos_read_word
	test	ax, ax
	jz	.small
	xor	dx, dx
	mov	cx, 64
	mul	cx
	add	ax, 15 * 1024
	adc	dx, 0
	pop	cx
	ret
.small:	mov	al, CMOS_EXT_KB
	call	cmos_read_word
	xor	dx, dx
	pop	cx
	ret
