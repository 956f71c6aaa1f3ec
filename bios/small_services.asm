; bios/small_services.asm — the short services: INT 11h (equipment), INT 12h
; (base memory), INT 14h (serial ports), INT 17h (printers: none), INT 18h
; (nothing to boot). Registers as in RBIL and the IBM PC/AT Technical
; Reference.

; INT 11h: AX = the equipment word (40:10h).
int11_equipment:
	push	ds
	mov	ax, BDA_SEG
	mov	ds, ax
	mov	ax, [BDA_EQUIPMENT]
	pop	ds
	iret

; INT 12h: AX = KB of base memory below the EBDA (40:13h).
int12_memory:
	push	ds
	mov	ax, BDA_SEG
	mov	ds, ax
	mov	ax, [BDA_MEM_KB]
	pop	ds
	iret

; INT 14h: serial port DX (0-3, as listed at 40:00h). AH=00h initialise
; with AL's parameters, 01h send AL, 02h receive into AL, 03h status. AH
; returns the line status (bit 7: time-out), AL the modem status (00h/03h).
int14_serial:
	sti
	push	bx
	push	cx
	push	dx
	push	ds
	mov	bx, BDA_SEG
	mov	ds, bx
	cmp	dx, 3
	ja	.none
	mov	bx, dx
	shl	bx, 1
	mov	dx, [BDA_COM_BASE + bx]
	test	dx, dx
	jz	.none
	shr	bx, 1
	cmp	ah, 0x00
	je	.init
	cmp	ah, 0x01
	je	.send
	cmp	ah, 0x02
	je	.receive
	cmp	ah, 0x03
	je	.status
.none:	mov	ah, 0x80
	jmp	.done
.init:	call	serial_init_port
	jmp	.status
.send:	push	ax
	mov	ah, 0x20		; transmitter holding register empty
	call	.poll
	pop	cx			; CL = the byte (.poll counts in CX)
	jc	.timeout
	mov	al, cl
	out	dx, al
	add	dx, UART_LSR
	in	al, dx
	mov	ah, al
	mov	al, cl
	jmp	.done
.receive:
	mov	ah, 0x01		; data ready
	call	.poll
	jc	.timeout
	in	al, dx
	add	dx, UART_LSR
	mov	ah, al
	in	al, dx
	xchg	al, ah
	and	ah, 0x1E		; the error bits
	jmp	.done
.status:
	add	dx, UART_MSR
	in	al, dx
	dec	dx
	mov	ah, al
	in	al, dx
	xchg	al, ah
	jmp	.done
.timeout:
	mov	ah, 0x80
.done:	pop	ds
	pop	dx
	pop	cx
	pop	bx
	iret
; .poll: until LSR (of the port at DX) has bit AH, for as many rounds of
; 64K polls as 40:7Ch says for this port; CF=1 after that.
.poll:	push	dx
	push	bx
	add	dx, UART_LSR
	mov	bl, [BDA_COM_TIMEOUT + bx]
.round:	xor	cx, cx
.test:	in	al, dx
	test	al, ah
	jnz	.ready
	loop	.test
	dec	bl
	jnz	.round
	pop	bx
	pop	dx
	stc
	ret
.ready:	pop	bx
	pop	dx
	clc
	ret

; INT 17h: no parallel ports: each function answers AH = 01h (time-out).
int17_printer:
	mov	ah, 0x01
	iret

; INT 18h: nothing could boot. Say so and stop (interrupts off, so that
; x86lab ends the run; a PC would wait for a reset).
int18_no_boot:
	push	cs
	pop	ds
	mov	si, no_boot_text
	call	print_string
	cli
.stop:	hlt
	jmp	.stop

no_boot_text:
	db	"No bootable disk: give x86lab a floppy or hard-disk image.", 13, 10
	db	"The machine is halted.", 13, 10, 0
