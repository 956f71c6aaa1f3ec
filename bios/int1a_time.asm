; bios/int1a_time.asm — INT 1Ah, time of day: the tick count the timer
; interrupt keeps (00h/01h) and the MC146818's clock (02h-05h), in BCD as
; the chip holds it (RBIL INT 1Ah; IBM PC/AT Technical Reference). Alarms
; (06h/07h) are not offered (CF=1).

int1a_time:
	sti
	push	ds
	push	bx
	mov	bx, BDA_SEG
	mov	ds, bx
	cmp	ah, 0x00
	je	.get_ticks
	cmp	ah, 0x01
	je	.set_ticks
	cmp	ah, 0x02
	je	.get_time
	cmp	ah, 0x03
	je	.set_time
	cmp	ah, 0x04
	je	.get_date
	cmp	ah, 0x05
	je	.set_date
	pop	bx
	pop	ds
	stc
	jmp	iret_cf
; AH=00h: CX:DX = ticks since midnight; AL = the midnight flag, cleared.
.get_ticks:
	cli
	mov	cx, [BDA_TICKS+2]
	mov	dx, [BDA_TICKS]
	mov	al, 0
	xchg	al, [BDA_MIDNIGHT]
	sti
	jmp	.ok
.set_ticks:
	cli
	mov	[BDA_TICKS+2], cx
	mov	[BDA_TICKS], dx
	mov	byte [BDA_MIDNIGHT], 0
	sti
	jmp	.ok
; AH=02h: CH hours, CL minutes, DH seconds (BCD), DL = 1 if daylight saving.
.get_time:
	call	rtc_wait
	mov	al, 4
	call	cmos_read
	mov	ch, al
	mov	al, 2
	call	cmos_read
	mov	cl, al
	mov	al, 0
	call	cmos_read
	mov	dh, al
	mov	al, CMOS_REG_B
	call	cmos_read
	and	al, 0x01
	mov	dl, al
	jmp	.ok
.set_time:
	call	rtc_wait
	mov	bl, 4
	mov	al, ch
	call	cmos_write
	mov	bl, 2
	mov	al, cl
	call	cmos_write
	mov	bl, 0
	mov	al, dh
	call	cmos_write
	mov	al, CMOS_REG_B
	call	cmos_read
	and	al, 0xFE
	and	dl, 0x01
	or	al, dl
	or	al, 0x02		; 24 hours
	mov	bl, CMOS_REG_B
	call	cmos_write
	jmp	.ok
; AH=04h: CH century, CL year, DH month, DL day (BCD).
.get_date:
	call	rtc_wait
	mov	al, CMOS_CENTURY
	call	cmos_read
	mov	ch, al
	mov	al, 9
	call	cmos_read
	mov	cl, al
	mov	al, 8
	call	cmos_read
	mov	dh, al
	mov	al, 7
	call	cmos_read
	mov	dl, al
	jmp	.ok
.set_date:
	call	rtc_wait
	mov	bl, CMOS_CENTURY
	mov	al, ch
	call	cmos_write
	mov	bl, 9
	mov	al, cl
	call	cmos_write
	mov	bl, 8
	mov	al, dh
	call	cmos_write
	mov	bl, 7
	mov	al, dl
	call	cmos_write
.ok:	pop	bx
	pop	ds
	clc
	jmp	iret_cf

; rtc_wait: until no update is in progress (register A bit 7), so the
; time bytes read together belong together.
rtc_wait:
	push	ax
	push	cx
	mov	cx, 0x2000
.poll:	mov	al, CMOS_REG_A
	call	cmos_read
	test	al, 0x80
	loopnz	.poll
	pop	cx
	pop	ax
	ret

; cmos_write: CMOS register BL = AL.
cmos_write:
	push	ax
	mov	al, bl
	out	CMOS_INDEX, al
	pop	ax
	out	CMOS_DATA, al
	ret

; rtc_to_ticks: the BDA tick count from the RTC's time of day (at POST):
; seconds since midnight * 1193182 / 65536 ticks, 18.2065 a second.
rtc_to_ticks:
	push	ds
	mov	ax, BDA_SEG
	mov	ds, ax
	call	rtc_wait
	mov	al, 4
	call	cmos_read
	call	bcd_to_bin
	mov	bl, 60
	mul	bl			; hours * 60
	mov	cx, ax
	mov	al, 2
	call	cmos_read
	call	bcd_to_bin
	xor	ah, ah
	add	ax, cx			; minutes since midnight (< 1440)
	mov	cx, 60
	mul	cx			; DX:AX seconds
	mov	bx, ax
	mov	cx, dx
	mov	al, 0
	call	cmos_read
	call	bcd_to_bin
	xor	ah, ah
	add	bx, ax
	adc	cx, 0			; CX:BX = seconds since midnight
	; ticks = seconds * 18.2065 = seconds * 18 + seconds * 2065 / 10000
	mov	ax, bx
	mov	dx, cx
	push	dx
	push	ax
	mov	si, 18
	mul	si			; low * 18
	mov	[BDA_TICKS], ax
	mov	[BDA_TICKS+2], dx
	pop	ax
	pop	dx
	mov	ax, dx
	mul	si			; high * 18 (high is 0 or 1)
	add	[BDA_TICKS+2], ax
	; the fraction, seconds * 0.2065, as (seconds / 10) * 2065 / 1000 so
	; that every step fits DIV's 16-bit quotient
	mov	ax, bx
	mov	dx, cx
	mov	si, 10
	div	si			; AX = seconds / 10 (< 8640)
	mov	si, 2065
	mul	si
	mov	si, 1000
	div	si
	add	[BDA_TICKS], ax
	adc	word [BDA_TICKS+2], 0
	pop	ds
	ret

; bcd_to_bin: AL from BCD to binary.
bcd_to_bin:
	push	cx
	mov	ah, al
	mov	cl, 4
	shr	ah, cl
	and	al, 0x0F
	aad				; AL = AH * 10 + AL
	pop	cx
	ret
