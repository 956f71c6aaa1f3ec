; bios/irq1_keyboard.asm — IRQ1: a byte from the 8042 (scan code set 1, as
; the controller translates it) becomes a key in the BDA buffer or a change
; of the shift flags. INT 15h AH=4Fh sees each code first. Handles the E0h
; prefix of the enhanced keyboard's grey keys, Pause (E1h 1Dh 45h: the
; machine waits in this handler until the next key), and Ctrl-Alt-Del (a
; warm boot: 40:72h = 1234h, then the 8042 pulses the reset line).
; Key codes per the IBM PC/AT Technical Reference's keyboard tables.

; The character of each key (scan codes 00h-58h) without and with Shift;
; 0 means the key has no character (AL = 0, AH = the scan code).
kbd_normal:
	db	0, 0x1B, "1234567890-=", 0x08, 0x09	; 00-0F
	db	"qwertyuiop[]", 0x0D, 0, "as"		; 10-1F
	db	"dfghjkl;'`", 0, "\zxcv"		; 20-2F
	db	"bnm,./", 0, "*", 0, " ", 0, 0, 0, 0, 0, 0	; 30-3F
	db	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "-", 0, 0, 0, "+", 0	; 40-4F
	db	0, 0, 0, 0, 0, 0, 0, 0, 0			; 50-58
kbd_shift:
	db	0, 0x1B, "!@#$%^&*()_+", 0x08, 0
	db	"QWERTYUIOP{}", 0x0D, 0, "AS"
	db	"DFGHJKL:", 0x22, "~", 0, "|ZXCV"
	db	"BNM<>?", 0, "*", 0, " ", 0, 0, 0, 0, 0, 0
	db	0, 0, 0, 0, 0, 0, 0, "789-456+1"
	db	"230.", 0, 0, 0, 0, 0
KBD_LAST_CODE	equ	0x58

; Ctrl with keys that are not letters: scan code, character.
kbd_ctrl_other:
	db	0x1A, 0x1B, 0x1B, 0x1D, 0x2B, 0x1C, 0x1C, 0x0A, 0x0E, 0x7F
	db	0x0C, 0x1F, 0x07, 0x1E, 0x03, 0x00, 0x01, 0x1B, 0

irq1_keyboard:
	push	ax
	push	bx
	push	cx
	push	ds
	mov	ax, BDA_SEG
	mov	ds, ax
	in	al, KBC_DATA
	stc
	mov	ah, 0x4F		; let a program see, change or drop it
	int	0x15
	jnc	kbd_eoi
	call	kbd_code
kbd_eoi:
	cli
	mov	al, PIC_EOI
	out	PIC1_CMD, al
	pop	ds
	pop	cx
	pop	bx
	pop	ax
	iret

; kbd_code: act on the byte AL.
kbd_code:
	cmp	al, 0xFA		; acknowledgements and self-test answers
	jae	.ignore
	cmp	al, 0xE0
	je	.e0
	cmp	al, 0xE1
	je	.e1
	test	byte [BDA_KBD_FLAGS3], 0x01
	jnz	.pause_seq
	test	byte [BDA_KBD_FLAGS1], 0x08
	jz	.key
	test	al, 0x80		; paused: a key press ends the pause
	jnz	.ignore
	and	byte [BDA_KBD_FLAGS1], 0xF7
	ret
.key:	mov	ah, [BDA_KBD_FLAGS3]
	and	byte [BDA_KBD_FLAGS3], 0xFD	; the prefix covers one code
	test	ah, 0x02
	jz	kbd_main
	jmp	kbd_grey
.e0:	or	byte [BDA_KBD_FLAGS3], 0x02
.ignore:
	ret
.e1:	or	byte [BDA_KBD_FLAGS3], 0x01
	ret
.pause_seq:				; E1 1D 45 (press), E1 9D C5 (release)
	cmp	al, 0x45
	je	.pause
	cmp	al, 0xC5
	jne	.ignore
	and	byte [BDA_KBD_FLAGS3], 0xFE
	ret
.pause:	and	byte [BDA_KBD_FLAGS3], 0xFE
	or	byte [BDA_KBD_FLAGS1], 0x08
	mov	al, PIC_EOI		; other interrupts go on while paused
	out	PIC1_CMD, al
.paused:
	sti
	hlt
	test	byte [BDA_KBD_FLAGS1], 0x08
	jnz	.paused
	ret

; kbd_shift_key: for modifier scan code AL (bit 7: released), update the
; flags and return CF=1; CF=0 if AL is no modifier. AH = 1 for the right
; Ctrl/Alt (after E0h).
kbd_modifier:
	mov	bl, al
	and	bl, 0x7F
	mov	bh, 0x02		; left Shift
	cmp	bl, 0x2A
	je	.hold
	mov	bh, 0x01		; right Shift
	cmp	bl, 0x36
	je	.hold
	mov	bh, 0x04		; Ctrl
	cmp	bl, 0x1D
	je	.ctrl_alt
	mov	bh, 0x08		; Alt
	cmp	bl, 0x38
	je	.ctrl_alt
	mov	bh, 0x40		; Caps Lock
	cmp	bl, 0x3A
	je	.toggle
	mov	bh, 0x20		; Num Lock
	cmp	bl, 0x45
	je	.toggle
	mov	bh, 0x10		; Scroll Lock
	cmp	bl, 0x46
	je	.toggle
	clc
	ret
.ctrl_alt:				; 40:18h bit 0/1 left, 40:96h bit 2/3 right
	push	cx
	mov	cl, bh
	shr	cl, 1
	shr	cl, 1			; 1 (Ctrl) or 2 (Alt)
	test	ah, ah
	jz	.left
	shl	cl, 1
	shl	cl, 1
	test	al, 0x80
	jnz	.right_up
	or	[BDA_KBD_FLAGS3], cl
	jmp	.both
.right_up:
	not	cl
	and	[BDA_KBD_FLAGS3], cl
	jmp	.both
.left:	test	al, 0x80
	jnz	.left_up
	or	[BDA_KBD_FLAGS1], cl
	jmp	.both
.left_up:
	not	cl
	and	[BDA_KBD_FLAGS1], cl
.both:	pop	cx
	; 40:17h has one bit for either side
	test	al, 0x80
	jz	.hold
	mov	bl, bh
	shr	bl, 1
	shr	bl, 1			; 1 Ctrl, 2 Alt: the side bits
	test	[BDA_KBD_FLAGS1], bl
	jnz	.stay
	shl	bl, 1
	shl	bl, 1
	test	[BDA_KBD_FLAGS3], bl
	jnz	.stay
.hold:	test	al, 0x80
	jnz	.release
	or	[BDA_KBD_FLAGS0], bh
.stay:	stc
	ret
.release:
	not	bh
	and	[BDA_KBD_FLAGS0], bh
	stc
	ret
.toggle:				; a lock key: toggles on the press
	test	al, 0x80
	jnz	.toggle_up
	test	[BDA_KBD_FLAGS1], bh	; held already (typematic repeat)
	jnz	.stay
	or	[BDA_KBD_FLAGS1], bh
	xor	[BDA_KBD_FLAGS0], bh
	stc
	ret
.toggle_up:
	not	bh
	and	[BDA_KBD_FLAGS1], bh
	stc
	ret

; kbd_main: a code without the E0h prefix.
kbd_main:
	xor	ah, ah
	call	kbd_modifier
	jc	.done
	test	al, 0x80		; other releases mean nothing
	jnz	.done
	cmp	al, KBD_LAST_CODE
	ja	.done
	cmp	al, 0x53		; Del with Ctrl and Alt
	jne	.not_del
	call	kbd_ctrl_alt_del
.not_del:
	mov	bl, al
	xor	bh, bh
	mov	ah, al			; AH = the scan code
	mov	cl, [BDA_KBD_FLAGS0]
	test	cl, 0x08
	jnz	.alt
	test	cl, 0x04
	jnz	.ctrl
	; Shift, Caps Lock for letters, Num Lock for the keypad
	mov	ch, cl
	and	ch, 0x03		; either Shift
	cmp	bl, 0x47
	jb	.caps
	cmp	bl, 0x53
	ja	.pick
	test	cl, 0x20
	jz	.pick
	xor	ch, 0x03
	jmp	.pick
.caps:	test	cl, 0x40
	jz	.pick
	mov	al, [cs:kbd_normal + bx]
	cmp	al, 'a'
	jb	.pick
	cmp	al, 'z'
	ja	.pick
	xor	ch, 0x03
.pick:	mov	al, [cs:kbd_normal + bx]
	test	ch, ch
	jz	.fkeys
	mov	al, [cs:kbd_shift + bx]
.fkeys:	test	al, al
	jnz	.put
	; no character: function keys get their shifted codes
	mov	cl, 0x19		; Shift-F1 = 54h
	test	ch, ch
	jnz	.fn
	xor	cl, cl
.fn:	call	kbd_function_key
.put:	mov	cx, ax
	call	kbd_buffer_put
.done:	ret
.ctrl:	mov	al, [cs:kbd_normal + bx]
	cmp	al, 'a'
	jb	.ctrl_other
	cmp	al, 'z'
	ja	.ctrl_other
	and	al, 0x1F
	jmp	.put
.ctrl_other:
	push	si
	mov	si, kbd_ctrl_other
.search:
	mov	cl, [cs:si]
	test	cl, cl
	jz	.ctrl_none
	cmp	cl, ah
	je	.found
	add	si, 2
	jmp	.search
.found:	mov	al, [cs:si+1]
	pop	si
	jmp	.put
.ctrl_none:
	pop	si
	xor	al, al
	mov	cl, 0x23		; Ctrl-F1 = 5Eh
	call	kbd_function_key
	jc	.done			; Ctrl with a key that types nothing
	jmp	.put
.alt:	xor	al, al
	cmp	bl, 0x02		; Alt with the digit row: 78h-83h
	jb	.alt_other
	cmp	bl, 0x0D
	ja	.alt_other
	add	ah, 0x76
	jmp	.put
.alt_other:
	mov	cl, 0x2D		; Alt-F1 = 68h
	call	kbd_function_key
	jmp	.put

; kbd_function_key: for F1-F10 (3Bh-44h) AH += CL, for F11/F12 (57h/58h)
; AH becomes 85h/86h plus 2, 4 or 6 for Shift, Ctrl, Alt (CL 19h, 23h,
; 2Dh); CF=1 if AH is no function key.
kbd_function_key:
	cmp	ah, 0x3B
	jb	.other
	cmp	ah, 0x44
	ja	.f11
	add	ah, cl
	clc
	ret
.f11:	cmp	ah, 0x57
	jb	.other
	add	ah, 0x85 - 0x57
	cmp	cl, 0x19
	jb	.done
	add	ah, 2
	cmp	cl, 0x23
	jb	.done
	add	ah, 2
	cmp	cl, 0x2D
	jb	.done
	add	ah, 2
.done:	clc
	ret
.other:	stc
	ret

; kbd_grey: a code after E0h: the right Ctrl and Alt, the keypad's Enter
; and /, and the grey cursor block (AL = E0h, AH = the scan code).
kbd_grey:
	cmp	al, 0x2A		; the fake shifts around grey keys
	je	.done
	cmp	al, 0xAA
	je	.done
	cmp	al, 0x36
	je	.done
	cmp	al, 0xB6
	je	.done
	mov	ah, 1
	call	kbd_modifier
	jc	.done
	test	al, 0x80
	jnz	.done
	cmp	al, 0x53
	jne	.not_del
	call	kbd_ctrl_alt_del
.not_del:
	mov	ah, 0xE0
	cmp	al, 0x1C
	je	.enter
	cmp	al, 0x35
	je	.slash
	cmp	al, 0x47
	jb	.done
	cmp	al, 0x53
	ja	.done
	mov	ah, al
	mov	al, 0xE0
	jmp	.put
.enter:	mov	al, 0x0D
	jmp	.put
.slash:	mov	al, '/'
.put:	mov	cx, ax
	call	kbd_buffer_put
.done:	ret

; kbd_ctrl_alt_del: with Ctrl and Alt held, a warm boot: the reset flag
; tells POST, and the 8042's command FEh pulses the CPU's reset line. The
; A20 gate opens first: a 286 or 386 starts at FFFFF0h or FFFFFFF0h, which
; a closed gate would turn into an address without the ROM.
kbd_ctrl_alt_del:
	mov	bl, [BDA_KBD_FLAGS0]
	and	bl, 0x0C
	cmp	bl, 0x0C
	jne	.no
	mov	word [BDA_RESET_FLAG], 0x1234
	mov	al, 0xD1		; write the output port:
	call	kbc_command
	mov	al, 0xDF		; A20 open, reset line high
	call	kbc_data
	mov	al, 0xFE
	call	kbc_command
.stop:	hlt
	jmp	.stop
.no:	ret

; ascii_to_scancode: AH = the scan code of the US key that types AL (0 if
; none), for keys that arrive as characters from the serial console.
ascii_to_scancode:
	push	bx
	push	cx
	mov	cl, al
	cmp	al, 0x1B
	je	.table
	cmp	al, 0x0D
	je	.table
	cmp	al, 0x08
	je	.table
	cmp	al, 0x09
	je	.table
	cmp	al, 0x1A		; Ctrl and a letter
	ja	.table
	test	al, al
	jz	.table
	or	cl, 0x60
.table:	xor	bx, bx
.next:	cmp	[cs:kbd_normal + bx], cl
	je	.found
	cmp	[cs:kbd_shift + bx], cl
	je	.found
	inc	bx
	cmp	bx, 0x39
	jbe	.next
	xor	bx, bx
.found:	mov	ah, bl
	pop	cx
	pop	bx
	ret
