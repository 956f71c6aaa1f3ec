; bios/irq_handlers.asm — the hardware interrupts other than the keyboard:
; IRQ0 (the timer tick), IRQ6 (floppy), IRQ8 (RTC), IRQ14 (IDE) and the
; default handlers that only end an interrupt nobody expects.

; A tick is 65536 / 1193182 s, so a day has 1573040 (1800B0h) of them
; (IBM PC/AT Technical Reference, the timer interrupt).
TICKS_PER_DAY_HI equ	0x0018
TICKS_PER_DAY_LO equ	0x00B0

irq_master_default:
	push	ax
	mov	al, PIC_EOI
	out	PIC1_CMD, al
	pop	ax
	iret

irq_slave_default:
	push	ax
	mov	al, PIC_EOI
	out	PIC2_CMD, al
	out	PIC1_CMD, al
	pop	ax
	iret

; IRQ0: count the tick, roll over at midnight, switch off the floppy motors
; when their time-out ends, and call INT 1Ch, the hook programs chain onto.
; (COM1 input is taken only when INT 16h is called, so that a program that
; drives COM1 itself loses no bytes to the console.)
irq0_timer:
	push	ax
	push	dx
	push	ds
	mov	ax, BDA_SEG
	mov	ds, ax
	add	word [BDA_TICKS], 1
	adc	word [BDA_TICKS+2], 0
	cmp	word [BDA_TICKS+2], TICKS_PER_DAY_HI
	jb	.motor
	ja	.midnight		; (INT 1Ah AH=01h may have set it past a day)
	cmp	word [BDA_TICKS], TICKS_PER_DAY_LO
	jb	.motor
.midnight:
	mov	word [BDA_TICKS], 0
	mov	word [BDA_TICKS+2], 0
	mov	byte [BDA_MIDNIGHT], 1
.motor:	cmp	byte [BDA_FD_TIMEOUT], 0
	je	.serial
	dec	byte [BDA_FD_TIMEOUT]
	jnz	.serial
	and	byte [BDA_FD_MOTOR], 0xF0
	mov	dx, FDC_DOR
	mov	al, 0x0C		; motors off, controller enabled, DMA+IRQ on
	out	dx, al
.serial:
	int	0x1C
	mov	al, PIC_EOI
	out	PIC1_CMD, al
	pop	ds
	pop	dx
	pop	ax
	iret

; IRQ6: the floppy controller finished a command; int13_floppy waits for
; bit 7 of the recalibrate byte.
irq6_floppy:
	push	ax
	push	ds
	mov	ax, BDA_SEG
	mov	ds, ax
	or	byte [BDA_FD_RECAL], 0x80
	mov	al, PIC_EOI
	out	PIC1_CMD, al
	pop	ds
	pop	ax
	iret

; IRQ8: the RTC; reading register C acknowledges it.
irq8_rtc:
	push	ax
	mov	al, CMOS_REG_C
	out	CMOS_INDEX, al
	in	al, CMOS_DATA
	mov	al, PIC_EOI
	out	PIC2_CMD, al
	out	PIC1_CMD, al
	pop	ax
	iret

; IRQ14: the IDE disk; reading its status acknowledges it.
irq14_disk:
	push	ax
	push	dx
	push	ds
	mov	ax, BDA_SEG
	mov	ds, ax
	mov	byte [BDA_HD_IRQ], 0xFF
	mov	dx, ATA_CMD
	in	al, dx
	mov	al, PIC_EOI
	out	PIC2_CMD, al
	out	PIC1_CMD, al
	pop	ds
	pop	dx
	pop	ax
	iret
