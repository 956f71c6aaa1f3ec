; bios/int13_floppy.asm — INT 13h for drives A: and B: through the 82077AA
; floppy controller and DMA channel 2: reset, status, read/write/verify
; sectors, drive parameters, disk type and the change line. A transfer goes
; track by track (one command per head) so that it may cross heads and
; cylinders; the buffer must not cross a 64 KB physical boundary, which DMA
; cannot (status 09h). Format is not offered (status 01h).
; Controller commands and result bytes: Intel 82077AA data sheet.

; Geometry per CMOS drive type (1 360K, 2 1.2M, 3 720K, 4 1.44M, 5 2.88M):
; cylinders, sectors per track, data rate (CCR: 0 500K, 1 300K, 2 250K, 3 1M).
floppy_types:
	db	40, 9, 2
	db	80, 15, 0
	db	80, 9, 2
	db	80, 18, 0
	db	80, 36, 3

; The diskette parameter table INT 1Eh points at (IBM PC/AT Technical
; Reference): SPECIFY bytes, motor-off delay in ticks, 512-byte sectors, the
; last sector of a track, gap, data length, format gap, fill byte, head
; settle time (ms), motor start time (1/8 s).
diskette_params:
	db	0xDF, 0x02, 37, 2, 18, 0x1B, 0xFF, 0x6C, 0xF6, 15, 8

FD_MOTOR_TICKS	equ	37		; about 2 s after the last command

floppy_service:
	cmp	ah, 0x00
	je	fd_reset
	cmp	ah, 0x01
	je	fd_status
	cmp	ah, 0x02
	je	fd_transfer
	cmp	ah, 0x03
	je	fd_transfer
	cmp	ah, 0x04
	je	fd_transfer
	cmp	ah, 0x08
	je	fd_params
	cmp	ah, 0x15
	je	fd_type
	cmp	ah, 0x16
	je	fd_change
	cmp	ah, 0x17
	je	fd_ok
	cmp	ah, 0x18
	je	fd_ok
fd_bad:	mov	ah, DISK_BAD_CMD
	jmp	disk_return
fd_ok:	xor	ah, ah
	jmp	disk_return

fd_status:
	mov	ah, [BDA_FD_STATUS]
	mov	byte [bp+D_AX], ah	; AL: the same status (as many BIOSes do)
	jmp	disk_return

; floppy_geometry: for drive DL, SI = its floppy_types entry; CF=1 if the
; CMOS names no drive there.
floppy_geometry:
	push	ax
	push	cx
	cmp	dl, 1
	ja	.none
	mov	al, CMOS_FLOPPY
	call	cmos_read
	test	dl, dl
	jnz	.b
	mov	cl, 4
	shr	al, cl
.b:	and	al, 0x0F
	jz	.none
	cmp	al, 5
	ja	.none
	dec	al
	mov	ah, 3
	mul	ah
	mov	si, ax
	add	si, floppy_types
	pop	cx
	pop	ax
	clc
	ret
.none:	pop	cx
	pop	ax
	stc
	ret

; --- AH=00h: reset the controller (DOR bit 2 low, then high), take the
; four SENSE INTERRUPT STATUS answers, SPECIFY the drive timings ---
fd_reset:
	call	fdc_reset
	jmp	disk_return

fdc_reset:
	mov	dx, FDC_DOR
	xor	al, al
	out	dx, al
	and	byte [BDA_FD_RECAL], 0x70
	and	byte [BDA_FD_MOTOR], 0xF0
	mov	al, 0x0C		; out of reset, DMA and IRQ enabled
	out	dx, al
	call	fdc_wait_irq
	jc	.timeout
	mov	cx, 4
.sense:	push	cx
	call	fdc_sense_int
	pop	cx
	loop	.sense
	mov	dx, FDC_CCR
	xor	al, al
	out	dx, al
	mov	al, 0x03		; SPECIFY
	call	fdc_put
	mov	al, 0xDF
	call	fdc_put
	mov	al, 0x02		; head load time, DMA mode
	call	fdc_put
	xor	ah, ah
	ret
.timeout:
	mov	ah, DISK_TIMEOUT
	ret

; fdc_put: command byte AL to the FIFO once the MSR says it wants one
; (RQM set, DIO clear). CF=1 after a time-out.
fdc_put:
	push	cx
	push	dx
	push	ax
	mov	dx, FDC_MSR
	xor	cx, cx
.wait:	in	al, dx
	and	al, 0xC0
	cmp	al, 0x80
	je	.ready
	loop	.wait
	pop	ax
	pop	dx
	pop	cx
	stc
	ret
.ready:	pop	ax
	inc	dx
	out	dx, al
	pop	dx
	pop	cx
	clc
	ret

; fdc_get: AL = the next result byte (RQM and DIO set). CF=1 after a time-out.
fdc_get:
	push	cx
	push	dx
	mov	dx, FDC_MSR
	xor	cx, cx
.wait:	in	al, dx
	and	al, 0xC0
	cmp	al, 0xC0
	je	.ready
	loop	.wait
	pop	dx
	pop	cx
	stc
	ret
.ready:	inc	dx
	in	al, dx
	pop	dx
	pop	cx
	clc
	ret

; fdc_wait_irq: until IRQ6 has set bit 7 of 40:3Eh (then clear it), or about
; two seconds of timer ticks (CF=1). HLT waits for the next interrupt; STI
; right before it means no interrupt slips in between the test and the HLT.
fdc_wait_irq:
	push	cx
	mov	cx, 40
.test:	cli
	test	byte [BDA_FD_RECAL], 0x80
	jnz	.seen
	sti
	hlt
	loop	.test
	pop	cx
	stc
	ret
.seen:	and	byte [BDA_FD_RECAL], 0x7F
	sti
	pop	cx
	clc
	ret

; fdc_sense_int: SENSE INTERRUPT STATUS; AL = ST0, AH = the cylinder.
fdc_sense_int:
	mov	al, 0x08
	call	fdc_put
	call	fdc_get
	mov	ah, al
	call	fdc_get
	xchg	al, ah
	ret

; fdc_motor_on: select drive [L_DRIVE] with its motor running; the motor
; time-out starts again from full.
fdc_motor_on:
	mov	byte [BDA_FD_TIMEOUT], 0xFF	; not while we work
	mov	cl, [bp+L_DRIVE]
	mov	al, 0x10
	shl	al, cl
	mov	ah, al
	or	al, cl
	or	al, 0x0C
	mov	dx, FDC_DOR
	out	dx, al
	mov	cl, 4
	shr	ah, cl
	mov	[BDA_FD_MOTOR], ah
	ret

fdc_motor_timeout:
	mov	byte [BDA_FD_TIMEOUT], FD_MOTOR_TICKS
	ret

; fdc_seek: the drive's head to cylinder [L_CYL] (recalibrating first if it
; has not been since the last reset). AH = status.
fdc_seek:
	mov	cl, [bp+L_DRIVE]
	mov	al, 1
	shl	al, cl
	test	[BDA_FD_RECAL], al
	jnz	.seek
	or	[BDA_FD_RECAL], al
	mov	al, 0x07		; RECALIBRATE
	call	fdc_put
	mov	al, [bp+L_DRIVE]
	call	fdc_put
	call	fdc_wait_irq
	jc	.timeout
	call	fdc_sense_int
.seek:	mov	al, 0x0F		; SEEK
	call	fdc_put
	mov	al, [bp+L_HEAD]
	shl	al, 1
	shl	al, 1
	or	al, [bp+L_DRIVE]
	call	fdc_put
	mov	al, [bp+L_CYL]
	call	fdc_put
	call	fdc_wait_irq
	jc	.timeout
	call	fdc_sense_int
	test	al, 0xC0
	jnz	.fail
	cmp	ah, [bp+L_CYL]
	jne	.fail
	xor	ah, ah
	ret
.fail:	mov	ah, DISK_SEEK_FAIL
	ret
.timeout:
	mov	ah, DISK_TIMEOUT
	ret

; fdc_dma: channel 2 for CX bytes at [L_PHYS], reading into memory (mode
; 46h), writing from it (4Ah) or verifying (42h) (Intel 8237A data sheet:
; single mode, address increment).
fdc_dma:
	mov	al, 0x06		; mask channel 2
	out	DMA_MASK, al
	out	DMA_FLIPFLOP, al
	mov	al, 0x46
	cmp	byte [bp+L_OP], 3
	jne	.notwrite
	mov	al, 0x4A
.notwrite:
	cmp	byte [bp+L_OP], 4
	jne	.mode
	mov	al, 0x42
.mode:	out	DMA_MODE, al
	mov	ax, [bp+L_PHYS_LO]
	out	DMA2_ADDR, al
	mov	al, ah
	out	DMA2_ADDR, al
	mov	al, [bp+L_PHYS_HI]
	out	DMA2_PAGE, al
	mov	ax, cx
	dec	ax
	out	DMA2_COUNT, al
	mov	al, ah
	out	DMA2_COUNT, al
	mov	al, 0x02		; unmask channel 2
	out	DMA_MASK, al
	ret

; --- AH=02h read, 03h write, 04h verify: AL sectors from cylinder CH
; (bits 8-9 in CL's top bits are not used by floppies), sector CL, head DH,
; drive DL, to or from ES:BX. AL returns the sectors transferred ---
fd_transfer:
	mov	[bp+L_OP], ah
	mov	[bp+L_DRIVE], dl
	mov	[bp+L_LEFT], al
	mov	byte [bp+L_LEFT+1], 0
	mov	byte [bp+D_AX], 0	; nothing transferred yet
	call	floppy_geometry
	jc	fd_bad
	mov	ah, [cs:si]
	mov	[bp+L_CYLS], ah
	mov	ah, [cs:si+1]
	mov	[bp+L_SPT], ah
	push	dx
	mov	dx, FDC_CCR
	mov	al, [cs:si+2]
	out	dx, al
	pop	dx
	; the request: count 1-128 and a sector that exists
	mov	ax, [bp+L_LEFT]
	test	al, al
	jz	fd_bad
	cmp	al, 128
	ja	fd_bad
	mov	bl, cl
	and	bl, 0x3F
	jz	fd_bad
	cmp	bl, [bp+L_SPT]
	ja	fd_bad
	cmp	dh, 1
	ja	fd_bad
	cmp	ch, [bp+L_CYLS]
	jae	fd_bad
	mov	[bp+L_SECT], bl
	mov	[bp+L_HEAD], dh
	mov	[bp+L_CYL], ch
	mov	byte [bp+L_CYL+1], 0
	mov	word [bp+L_DONE], 0
	call	buffer_phys
	mov	[bp+L_PHYS_LO], ax
	mov	[bp+L_PHYS_HI], dx
	cmp	byte [bp+L_OP], 4
	je	.motor
	; DMA cannot carry across a 64 KB page: the whole buffer must sit in one
	mov	cx, [bp+L_LEFT]
	xchg	ch, cl			; sectors * 256
	shl	cx, 1			; * 512 (128 sectors wrap to 0: a full page)
	dec	cx
	add	ax, cx
	jnc	.motor
	mov	ah, DISK_DMA_BOUND
	jmp	disk_return
.motor:	call	fdc_motor_on
.track:	call	fdc_seek
	test	ah, ah
	jnz	.end
	; this pass: up to the end of the track
	mov	al, [bp+L_SPT]
	sub	al, [bp+L_SECT]
	inc	al
	xor	ah, ah
	cmp	ax, [bp+L_LEFT]
	jbe	.count
	mov	ax, [bp+L_LEFT]
.count:	push	ax			; sectors in this pass
	mov	cx, ax
	xchg	ch, cl
	shl	cx, 1
	call	fdc_dma
	mov	al, 0x66		; READ DATA: MFM, skip deleted
	cmp	byte [bp+L_OP], 3
	jne	.cmd
	mov	al, 0x45		; WRITE DATA: MFM
.cmd:	call	fdc_put
	mov	al, [bp+L_HEAD]
	shl	al, 1
	shl	al, 1
	or	al, [bp+L_DRIVE]
	call	fdc_put
	mov	al, [bp+L_CYL]
	call	fdc_put
	mov	al, [bp+L_HEAD]
	call	fdc_put
	mov	al, [bp+L_SECT]
	call	fdc_put
	mov	al, 2			; 512-byte sectors
	call	fdc_put
	mov	al, [bp+L_SPT]		; end of track
	call	fdc_put
	mov	al, 0x1B
	call	fdc_put
	mov	al, 0xFF
	call	fdc_put
	call	fdc_wait_irq
	pop	cx
	mov	ah, DISK_TIMEOUT
	jc	.end
	; seven result bytes: ST0 ST1 ST2 C H R N
	push	cx
	xor	si, si
.result:
	call	fdc_get
	mov	[BDA_FD_RESULT + si], al
	inc	si
	cmp	si, 7
	jb	.result
	pop	cx
	call	fdc_error
	test	ah, ah
	jnz	.end
	add	[bp+L_DONE], cx
	sub	[bp+L_LEFT], cx
	mov	al, [bp+L_DONE]
	mov	[bp+D_AX], al
	xchg	ch, cl
	shl	cx, 1
	add	[bp+L_PHYS_LO], cx
	cmp	word [bp+L_LEFT], 0
	je	.end
	; the next track: the other head, then the next cylinder
	mov	byte [bp+L_SECT], 1
	xor	byte [bp+L_HEAD], 1
	jnz	.track
	inc	byte [bp+L_CYL]
	mov	al, [bp+L_CYL]
	cmp	al, [bp+L_CYLS]
	jb	.track
	mov	ah, DISK_NOT_FOUND	; past the last cylinder
.end:	push	ax
	call	fdc_motor_timeout
	pop	ax
	jmp	disk_return

; fdc_error: AH = the INT 13h status for the result bytes in the BDA.
fdc_error:
	xor	ah, ah
	mov	al, [BDA_FD_RESULT]
	test	al, 0xC0
	jz	.done
	mov	al, [BDA_FD_RESULT+1]
	mov	ah, DISK_WPROT
	test	al, 0x02
	jnz	.done
	mov	ah, DISK_NOT_FOUND
	test	al, 0x84		; no data, or end of cylinder
	jnz	.done
	mov	ah, DISK_NO_MARK
	test	al, 0x01
	jnz	.done
	mov	ah, DISK_CRC
	test	al, 0x20
	jnz	.done
	mov	ah, 0x08		; DMA overrun
	test	al, 0x10
	jnz	.done
	mov	ah, DISK_CTRL_FAIL
.done:	ret

; --- AH=08h: drive parameters: BL type, CH last cylinder, CL sectors per
; track, DH last head, DL drives, ES:DI the parameter table ---
fd_params:
	call	floppy_geometry
	jc	fd_bad
	mov	al, CMOS_FLOPPY
	call	cmos_read
	test	dl, dl
	jnz	.b
	mov	cl, 4
	shr	al, cl
.b:	and	al, 0x0F
	mov	byte [bp+D_BX], al
	mov	al, [cs:si]
	dec	al
	mov	[bp+D_CX+1], al
	mov	al, [cs:si+1]
	mov	[bp+D_CX], al
	mov	byte [bp+D_DX+1], 1
	mov	al, [BDA_EQUIPMENT]
	xor	ah, ah
	test	al, 1
	jz	.count
	mov	cl, 6
	shr	al, cl
	inc	al
	mov	ah, al
.count:	mov	[bp+D_DX], ah
	mov	word [bp+D_DI], diskette_params
	mov	word [bp+D_ES], BIOS_SEG
	mov	byte [bp+D_AX], 0
	xor	ah, ah
	jmp	disk_return

; --- AH=15h: disk type: AH = 02h (a floppy drive that reports changes) or
; 00h (no drive) ---
fd_type:
	call	floppy_geometry
	mov	ah, 0x00
	jc	.set
	mov	ah, 0x02
.set:	mov	[bp+D_AX+1], ah
	mov	byte [BDA_FD_STATUS], 0
	jmp	disk_return_plain

; --- AH=16h: change line: AH = 06h (CF=1) if the disk was changed since
; the last seek to another cylinder, 00h if not (DIR bit 7 of the selected
; drive) ---
fd_change:
	call	floppy_geometry
	jc	fd_bad
	mov	[bp+L_DRIVE], dl
	call	fdc_motor_on
	mov	dx, FDC_DIR
	in	al, dx
	call	fdc_motor_timeout
	xor	ah, ah
	test	al, 0x80
	jz	.done
	mov	ah, DISK_CHANGED
.done:	jmp	disk_return

; floppy_post: reset the controller, so that the first read finds it ready.
floppy_post:
	mov	ax, BDA_SEG
	mov	ds, ax
	call	fdc_reset
	ret
