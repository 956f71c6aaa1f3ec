; bios/int16_keyboard.asm — INT 16h, the keyboard services over the BDA's
; key buffer (40:1Eh-3Dh, head 40:1Ah, tail 40:1Ch): read and peek (00h/01h,
; and 10h/11h for the enhanced keyboard's extra keys), shift flags (02h,
; 12h), typematic rate (03h), store a key (05h). Each key is a word: the
; character in the low byte, the scan code in the high byte (IBM PC/AT
; Technical Reference; RBIL INT 16h). Keys typed on the serial console join
; the buffer too (console.asm).

int16_keyboard:
	sti
	push	bx
	push	ds
	mov	bx, BDA_SEG
	mov	ds, bx
	cmp	ah, 0x00
	je	kb_read
	cmp	ah, 0x10
	je	kb_read
	cmp	ah, 0x01
	je	kb_peek
	cmp	ah, 0x11
	je	kb_peek
	cmp	ah, 0x02
	je	kb_flags
	cmp	ah, 0x12
	je	kb_ext_flags
	cmp	ah, 0x03
	je	kb_typematic
	cmp	ah, 0x05
	je	kb_store
kb_done:
	pop	ds
	pop	bx
	iret

; --- AH=00h/10h: wait for a key and take it from the buffer ---
kb_read:
	push	ax			; the function
.wait:	call	serial_console_poll
	cli
	mov	bx, [BDA_KBD_HEAD]
	cmp	bx, [BDA_KBD_TAIL]
	jne	.got
	sti
	hlt				; until the next interrupt (a key, a tick)
	jmp	.wait
.got:	mov	ax, [bx]
	add	bx, 2
	cmp	bx, [BDA_KBD_END]
	jb	.store
	mov	bx, [BDA_KBD_START]
.store:	mov	[BDA_KBD_HEAD], bx
	sti
	pop	bx			; BH: 00h or 10h
	test	bh, 0x10
	jnz	kb_done
	call	kb_enhanced_only
	jnc	.plain
	push	bx			; AH=00h skips F11 and F12
	jmp	.wait
.plain:	call	kb_plain
	jmp	kb_done

; --- AH=01h/11h: ZF=1 if no key waits, else ZF=0 and AX = the key, left
; in the buffer ---
kb_peek:
	mov	bh, ah
.again:	call	serial_console_poll
	push	si
	cli
	mov	si, [BDA_KBD_HEAD]
	cmp	si, [BDA_KBD_TAIL]
	je	.none
	mov	ax, [si]
	test	bh, 0x10
	jnz	.keep
	call	kb_enhanced_only	; AH=01h drops F11 and F12, as AH=00h
	jnc	.keep			; would skip them
	add	si, 2
	cmp	si, [BDA_KBD_END]
	jb	.drop
	mov	si, [BDA_KBD_START]
.drop:	mov	[BDA_KBD_HEAD], si
	sti
	pop	si
	jmp	.again
.keep:	sti
	pop	si
	test	bh, 0x10
	jnz	.some
	call	kb_plain
.some:	pop	ds
	pop	bx
	push	bp
	mov	bp, sp
	and	byte [bp+6], 0xBF	; ZF=0: a key waits
	pop	bp
	iret
.none:	sti
	pop	si
	pop	ds
	pop	bx
	push	bp
	mov	bp, sp
	or	byte [bp+6], 0x40	; ZF=1
	pop	bp
	iret

; kb_enhanced_only: CF=1 for the key AX if only AH=10h/11h report it: F11
; and F12, alone or with Shift, Ctrl or Alt (AL = 0, AH = 85h-8Ch), keys the
; 84-key keyboard did not have (IBM PC/AT Technical Reference).
kb_enhanced_only:
	test	al, al
	jnz	.no
	cmp	ah, 0x85
	jb	.no
	cmp	ah, 0x8C
	ja	.no
	stc
	ret
.no:	clc
	ret

; kb_plain: what AH=00h/01h report for keys of the enhanced keyboard: the
; grey keys' E0h marker becomes 0, the keypad's Enter and / their scan
; codes of the main keys.
kb_plain:
	cmp	ah, 0xE0
	jne	.grey
	mov	ah, 0x1C
	cmp	al, 0x0D
	je	.grey
	mov	ah, 0x35
.grey:	cmp	al, 0xE0
	jne	.done
	test	ah, ah
	jz	.done
	xor	al, al
.done:	ret

; --- AH=02h: AL = the shift flags (40:17h) ---
kb_flags:
	mov	al, [BDA_KBD_FLAGS0]
	jmp	kb_done

; --- AH=12h: AL = 40:17h, AH = the keys held: bit 0/2 left/right Ctrl,
; 1/3 left/right Alt, 4-6 Scroll, Num, Caps Lock, 7 SysRq ---
kb_ext_flags:
	mov	al, [BDA_KBD_FLAGS1]
	and	al, 0x73
	mov	ah, [BDA_KBD_FLAGS3]
	and	ah, 0x0C
	or	ah, al
	test	byte [BDA_KBD_FLAGS1], 0x04	; SysRq held
	jz	.flags
	or	ah, 0x80
.flags:	mov	al, [BDA_KBD_FLAGS0]
	jmp	kb_done

; --- AH=03h AL=05h: typematic delay BH (0-3: 250-1000 ms) and rate BL
; (0-1Fh), sent to the keyboard with its command F3h ---
kb_typematic:
	cmp	al, 0x05
	jne	kb_done
	push	ax
	push	cx
	mov	al, 0xF3
	call	kbc_data
	mov	bx, sp
	mov	bx, [ss:bx+6]		; the caller's BX (under CX, AX, DS)
	mov	al, bh
	and	al, 0x03
	mov	cl, 5
	shl	al, cl
	and	bl, 0x1F
	or	al, bl
	call	kbc_data
	pop	cx
	pop	ax
	jmp	kb_done

; --- AH=05h: put key CX (CH scan code, CL character) in the buffer; AL =
; 00h, or 01h when the buffer is full ---
kb_store:
	call	kbd_buffer_put
	mov	al, 0
	jnc	kb_done
	mov	al, 1
	jmp	kb_done

; kbd_buffer_put: key CX into the buffer (DS = BDA); CF=1 when it is full.
kbd_buffer_put:
	push	bx
	push	si
	pushf
	cli
	mov	bx, [BDA_KBD_TAIL]
	mov	si, bx
	add	si, 2
	cmp	si, [BDA_KBD_END]
	jb	.room
	mov	si, [BDA_KBD_START]
.room:	cmp	si, [BDA_KBD_HEAD]
	je	.full
	mov	[bx], cx
	mov	[BDA_KBD_TAIL], si
	popf
	pop	si
	pop	bx
	clc
	ret
.full:	popf
	pop	si
	pop	bx
	stc
	ret
