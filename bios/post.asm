; bios/post.asm — the power-on self test: from the reset vector to INT 19h.
; Sets up what the IBM PC/AT Technical Reference lists for POST, in order:
; interrupt vectors, the 8259A pair, the 8254, the 8042, the serial ports,
; memory sizes from CMOS, the equipment word, video, disks; each step writes
; its code to port 80h first, so a hang names the step.

; Vectors 00h-1Fh and the slave's 70h-77h that this BIOS fills in;
; every other vector points at int_ignore.
vector_table:
	dw	0x08, irq0_timer
	dw	0x09, irq1_keyboard
	dw	0x0E, irq6_floppy
	dw	0x10, int10_video
	dw	0x11, int11_equipment
	dw	0x12, int12_memory
	dw	0x13, int13_disk
	dw	0x14, int14_serial
	dw	0x15, int15_system
	dw	0x16, int16_keyboard
	dw	0x17, int17_printer
	dw	0x18, int18_no_boot
	dw	0x19, int19_boot
	dw	0x1A, int1a_time
	dw	0x1E, diskette_params
	dw	0x43, font8x16
	dw	0x70, irq8_rtc
	dw	0x76, irq14_disk
	dw	0xFFFF

%macro POST_CODE 1
	mov	al, %1
	out	POST_PORT, al
%endmacro

post_start:
	cli
	cld
	POST_CODE POST_START
	xor	ax, ax
	mov	ss, ax
	mov	sp, 0x7C00		; below the boot sector, as boot sectors expect
	call	post_vectors
	POST_CODE POST_PIC
	call	post_pic
	POST_CODE POST_PIT
	call	post_pit
	POST_CODE POST_KBC
	call	post_kbc
	POST_CODE POST_MEMORY
	call	post_memory
	call	post_detect_cpu
	POST_CODE POST_UART
	call	post_serial
	call	post_equipment
	call	post_keyboard_buffer
	call	post_rtc
	POST_CODE POST_VIDEO
	mov	ax, 0x0003
	int	0x10
	call	post_banner
	POST_CODE POST_DISKS
	call	floppy_post
	call	ata_post
	POST_CODE POST_BOOT
	sti
	int	0x19
	int	0x18			; INT 19h only comes back if nothing booted

; The IVT: 256 vectors to int_ignore, the hardware IRQs to handlers that end
; the interrupt, then this BIOS's services. The BDA (0400h-04FFh) is cleared.
post_vectors:
	POST_CODE POST_IVT
	xor	ax, ax
	mov	es, ax
	xor	di, di
	mov	cx, 256
.fill:	mov	ax, int_ignore
	stosw
	mov	ax, BIOS_SEG
	stosw
	loop	.fill
	push	word [es:0x400 + BDA_RESET_FLAG]	; 1234h after Ctrl-Alt-Del
	xor	ax, ax
	mov	cx, 0x80		; the BDA, 256 bytes
	rep	stosw
	pop	word [es:0x400 + BDA_RESET_FLAG]
	mov	di, 0x08 * 4		; IRQ0-7: INT 08h-0Fh
	mov	cx, 8
.master:
	mov	word [es:di], irq_master_default
	add	di, 4
	loop	.master
	mov	di, 0x70 * 4		; IRQ8-15: INT 70h-77h
	mov	cx, 8
.slave:	mov	word [es:di], irq_slave_default
	add	di, 4
	loop	.slave
	mov	si, vector_table
.own:	mov	bx, [cs:si]
	cmp	bx, 0xFFFF
	je	.done
	shl	bx, 1
	shl	bx, 1
	mov	ax, [cs:si+2]
	mov	[es:bx], ax
	add	si, 4
	jmp	.own
.done:	ret

; The 8259A pair as on the PC/AT: edge triggered, cascaded on IRQ2, the master's
; IRQs at INT 08h-0Fh and the slave's at 70h-77h (Intel 8259A data sheet,
; ICW1-ICW4). Unmasked: the timer, keyboard, cascade, floppy, RTC and IDE.
post_pic:
	mov	al, 0x11		; ICW1: edge, cascade, ICW4 follows
	out	PIC1_CMD, al
	out	PIC2_CMD, al
	mov	al, 0x08		; ICW2: vector base
	out	PIC1_DATA, al
	mov	al, 0x70
	out	PIC2_DATA, al
	mov	al, 0x04		; ICW3: the slave on IRQ2
	out	PIC1_DATA, al
	mov	al, 0x02		; ICW3: the slave's identity
	out	PIC2_DATA, al
	mov	al, 0x01		; ICW4: 8086 mode, normal EOI
	out	PIC1_DATA, al
	out	PIC2_DATA, al
	mov	al, 0xB8		; OCW1: IRQ 0, 1, 2 and 6 enabled
	out	PIC1_DATA, al
	mov	al, 0xBE		; IRQ 8 and 14 enabled
	out	PIC2_DATA, al
	ret

; Channel 0 as a rate generator with the full count of 65536: 1193182 Hz /
; 65536 = 18.2 interrupts a second, the PC's timer tick.
post_pit:
	mov	al, 0x34		; channel 0, low then high byte, mode 2
	out	PIT_CMD, al
	xor	al, al
	out	PIT_CH0, al
	out	PIT_CH0, al
	ret

; kbc_wait_write: until the 8042's input buffer is empty (status bit 1).
kbc_wait_write:
	push	cx
	xor	cx, cx
.poll:	in	al, KBC_STATUS
	test	al, 0x02
	loopnz	.poll
	pop	cx
	ret

; kbc_read: AL = the next byte of the 8042's output buffer, CF=1 if none came.
kbc_read:
	push	cx
	xor	cx, cx
.poll:	in	al, KBC_STATUS
	test	al, 0x01
	jnz	.ready
	loop	.poll
	pop	cx
	stc
	ret
.ready:	in	al, KBC_DATA
	pop	cx
	clc
	ret

; kbc_command: send command AL to the 8042.
kbc_command:
	push	ax
	call	kbc_wait_write
	pop	ax
	out	KBC_STATUS, al
	ret

; kbc_data: send AL to the 8042's input buffer (data port).
kbc_data:
	push	ax
	call	kbc_wait_write
	pop	ax
	out	KBC_DATA, al
	ret

; The 8042's self test (command AAh answers 55h), then its command byte:
; keyboard interrupt on, translation to set 1, the system flag; and the A20
; gate closed, as an AT BIOS leaves it (output port, command D1h).
post_kbc:
.drain:	in	al, KBC_STATUS		; whatever was pending
	test	al, 0x01
	jz	.test
	in	al, KBC_DATA
	jmp	.drain
.test:	mov	al, 0xAA
	call	kbc_command
	call	kbc_read
	jc	.fail
	cmp	al, 0x55
	jne	.fail
	mov	al, 0x60		; write the command byte
	call	kbc_command
	mov	al, 0x45		; translate, system flag, IRQ1
	call	kbc_data
	mov	al, 0xD1		; write the output port
	call	kbc_command
	mov	al, 0xDD		; A20 closed, reset line high
	call	kbc_data
	ret
.fail:	POST_CODE POST_KBC_FAIL		; the machine goes on without a keyboard
	ret

; Memory from the CMOS (bytes 15h-16h: KB below 1 MB): the last KB of base
; memory becomes the EBDA, and INT 12h reports what is left.
post_memory:
	mov	al, CMOS_BASE_KB
	call	cmos_read_word
	cmp	ax, 640
	jbe	.ok
	mov	ax, 640
.ok:	sub	ax, EBDA_KB
	mov	bx, BDA_SEG
	mov	ds, bx
	mov	[BDA_MEM_KB], ax
	mov	cl, 6			; KB to paragraphs
	shl	ax, cl
	mov	[BDA_EBDA_SEG], ax
	mov	es, ax
	xor	di, di
	push	ax
	xor	ax, ax
	mov	cx, EBDA_KB * 512
	rep	stosw
	pop	ax
	mov	word [es:EBDA_SIZE], EBDA_KB
	ret

; cmos_read: AL = CMOS register AL (NMI stays enabled).
cmos_read:
	out	CMOS_INDEX, al
	in	al, CMOS_DATA
	ret

; cmos_read_word: AX = the little-endian word at CMOS registers AL, AL+1.
cmos_read_word:
	push	bx
	mov	bl, al
	inc	al
	call	cmos_read
	mov	ah, al
	mov	al, bl
	call	cmos_read
	pop	bx
	ret

; get_ebda: ES = the EBDA (clobbers nothing else).
get_ebda:
	push	ax
	mov	ax, BDA_SEG
	mov	es, ax
	mov	es, [es:BDA_EBDA_SEG]
	pop	ax
	ret

; Which CPU: the 8086 keeps FLAGS bits 12-15 set, the 286 keeps them clear in
; real mode, a 386 lets them change (Intel SDM Vol. 1, 3.4.3 and the
; identification method of the 80386 Programmer's Reference, 17.1).
post_detect_cpu:
	call	get_ebda
	pushf
	pop	ax
	and	ax, 0x0FFF
	push	ax
	popf
	pushf
	pop	ax
	and	ax, 0xF000
	cmp	ax, 0xF000
	mov	bl, 0
	je	.done
	or	ax, 0xF000
	push	ax
	popf
	pushf
	pop	ax
	test	ax, 0xF000
	mov	bl, 2
	jz	.done
	mov	bl, 3
.done:	mov	[es:EBDA_CPU], bl
	ret

; The serial ports at their AT addresses, found through the scratch
; register, at 115200 baud 8N1 with the FIFOs on and interrupts off (16550A
; data sheet): the speed serial consoles use, twelve times faster to print
; through than INT 14h's fastest, 9600. The count goes to equipment word
; bits 9-11.
post_serial:
	mov	ax, BDA_SEG
	mov	ds, ax
	xor	bx, bx			; ports found
	mov	dx, COM1
	call	.probe
	mov	dx, COM2
	call	.probe
	mov	cl, 9
	shl	bx, cl
	or	[BDA_EQUIPMENT], bx
	ret
.probe:	push	dx
	add	dx, UART_SCR
	mov	al, 0x5A
	out	dx, al
	in	al, dx
	pop	dx
	cmp	al, 0x5A
	jne	.none
	mov	si, bx
	shl	si, 1
	mov	[BDA_COM_BASE + si], dx
	mov	byte [BDA_COM_TIMEOUT + bx], 1
	inc	bx
	mov	al, 0xE3		; no parity, 1 stop, 8 bits (and 9600 baud ...)
	call	serial_init_port
	push	dx
	add	dx, UART_LCR
	mov	al, 0x83		; ... then divisor 1: 115200 baud
	out	dx, al
	sub	dx, UART_LCR
	mov	al, 1
	out	dx, al
	inc	dx
	xor	al, al
	out	dx, al
	add	dx, UART_LCR - 1
	mov	al, 0x03
	out	dx, al
	pop	dx
.none:	ret

; The equipment word: floppies from CMOS byte 14h (bit 0 and bits 6-7), a
; VGA (bits 4-5 = 00: an EGA/VGA with its own BIOS), the 8042's mouse port
; not reported.
post_equipment:
	mov	ax, BDA_SEG
	mov	ds, ax
	mov	al, CMOS_EQUIP
	call	cmos_read
	and	al, 0xC1
	or	[BDA_EQUIPMENT], al
	ret

post_keyboard_buffer:
	mov	ax, BDA_SEG
	mov	ds, ax
	mov	word [BDA_KBD_HEAD], KBD_BUF_START
	mov	word [BDA_KBD_TAIL], KBD_BUF_START
	mov	word [BDA_KBD_START], KBD_BUF_START
	mov	word [BDA_KBD_END], KBD_BUF_END
	mov	byte [BDA_KBD_FLAGS3], 0x10	; an enhanced (101-key) keyboard
	mov	byte [BDA_KBD_FLAGS0], 0x20	; Num Lock on
	ret

; The RTC counting in BCD and 24-hour time, as INT 1Ah reads it, with no
; interrupt enabled (MC146818 data sheet, registers A and B); the tick count
; starts at the RTC's time of day.
post_rtc:
	mov	al, CMOS_REG_A
	out	CMOS_INDEX, al
	mov	al, 0x26		; 32768 Hz time base, 1024 Hz rate
	out	CMOS_DATA, al
	mov	al, CMOS_REG_B
	out	CMOS_INDEX, al
	mov	al, 0x02
	out	CMOS_DATA, al
	mov	al, CMOS_REG_C		; clear pending flags
	call	cmos_read
	jmp	rtc_to_ticks

post_banner:
	push	cs
	pop	ds
	mov	si, banner_text
	call	print_string
	mov	ax, BDA_SEG
	mov	ds, ax
	mov	ax, [BDA_MEM_KB]
	add	ax, EBDA_KB
	call	print_dec
	push	cs
	pop	ds
	mov	si, banner_kb_base
	call	print_string
	call	memory_above_1m_kb	; DX:AX
	call	print_dec32
	push	cs
	pop	ds
	mov	si, banner_kb_ext
	call	print_string
	ret

banner_text:	db	"x86lab BIOS (c) the x86lab authors - a teaching PC BIOS", 13, 10
		db	"Memory: ", 0
banner_kb_base:	db	" KB base, ", 0
banner_kb_ext:	db	" KB extended", 13, 10, 0
