; tests/guest/floppy_read.asm — the floppy controller and DMA channel 2 as a
; BIOS drives them, polling the MSR (no BIOS here): reset and the four
; polling interrupts, SPECIFY, RECALIBRATE, then READ DATA of cylinder 0
; head 1 sector 2 into 2000:0000 (run with --fda floppy_disk.img).
%include "guest.inc"

FDC_DOR		equ	0x3F2
FDC_MSR		equ	0x3F4
FDC_FIFO	equ	0x3F5
FDC_CCR		equ	0x3F7
MSR_RQM		equ	0x80
MSR_DIO		equ	0x40
BUF_SEG		equ	0x2000		; physical 0x20000: no 64 KiB crossing

g_main:
	cli
	TEST	"fdc: reset gives four polling interrupts"
	mov	dx, FDC_DOR
	xor	al, al
	out	dx, al
	mov	al, 0x1C		; out of reset, DMA and IRQ on, motor A:
	out	dx, al
	mov	cx, 4
	mov	bl, 0xC0
.sense:	call	sense_interrupt
	EXPECT	al, bl
	EXPECT	ah, 0
	inc	bl
	loop	.sense

	TEST	"fdc: version"
	mov	al, 0x10
	call	fdc_out
	call	fdc_in
	EXPECT	al, 0x90

	TEST	"fdc: recalibrate raises IRQ6 and ends on cylinder 0"
	mov	dx, FDC_CCR
	xor	al, al			; 500 kbit/s
	out	dx, al
	mov	al, 0x03		; SPECIFY
	call	fdc_out
	mov	al, 0xDF
	call	fdc_out
	mov	al, 0x02		; DMA mode
	call	fdc_out
	mov	al, 0x07		; RECALIBRATE drive 0
	call	fdc_out
	xor	al, al
	call	fdc_out
	mov	al, 0x0A		; OCW3: read the master PIC's IRR
	out	0x20, al
	in	al, 0x20
	and	al, 0x40
	EXPECT	al, 0x40
	call	sense_interrupt
	EXPECT	al, 0x20
	EXPECT	ah, 0

	TEST	"fdc: DMA read of C0 H1 S2"
	mov	al, 0x06		; mask channel 2 while programming it
	out	0x0A, al
	out	0x0C, al		; clear the byte flip-flop
	mov	al, 0x46		; single, write to memory, channel 2
	out	0x0B, al
	xor	al, al
	out	0x04, al		; address 0x0000
	out	0x04, al
	mov	al, BUF_SEG >> 12
	out	0x81, al		; page 2
	mov	al, 0xFF		; 512 bytes: count 511
	out	0x05, al
	mov	al, 0x01
	out	0x05, al
	mov	al, 0x02		; unmask channel 2
	out	0x0A, al
	mov	si, read_cmd
	mov	cx, read_cmd_len
.cmd:	lodsb
	call	fdc_out
	loop	.cmd
	mov	di, result
	mov	cx, 7
.res:	call	fdc_in
	mov	[di], al
	inc	di
	loop	.res
	EXPECT	byte [result], 0x04	; ST0: normal end, head 1
	EXPECT	byte [result + 1], 0	; ST1
	EXPECT	byte [result + 2], 0	; ST2
	EXPECT	byte [result + 3], 0	; C
	EXPECT	byte [result + 4], 1	; H
	EXPECT	byte [result + 5], 3	; R: the next sector
	EXPECT	byte [result + 6], 2	; N
	in	al, 0x08		; DMA status: channel 2 reached terminal count
	and	al, 0x0F
	EXPECT	al, 0x04

	TEST	"fdc: the sector landed at 2000:0000"
	push	es
	mov	ax, BUF_SEG
	mov	es, ax
	xor	di, di
	mov	si, signature
	mov	cx, signature_len
	cld
	repe	cmpsb
	pop	es
	EXPECT	cx, 0
	PASS

; Send AL to the FIFO once the controller asks for a byte.
fdc_out:
	push	dx
	push	ax
	mov	dx, FDC_MSR
.wait:	in	al, dx
	and	al, MSR_RQM | MSR_DIO
	cmp	al, MSR_RQM
	jne	.wait
	pop	ax
	mov	dx, FDC_FIFO
	out	dx, al
	pop	dx
	ret

; Read a result byte into AL once the controller offers one.
fdc_in:
	push	dx
	mov	dx, FDC_MSR
.wait:	in	al, dx
	and	al, MSR_RQM | MSR_DIO
	cmp	al, MSR_RQM | MSR_DIO
	jne	.wait
	mov	dx, FDC_FIFO
	in	al, dx
	pop	dx
	ret

; SENSE INTERRUPT STATUS: AL = ST0, AH = PCN.
sense_interrupt:
	mov	al, 0x08
	call	fdc_out
	call	fdc_in
	mov	ah, al
	call	fdc_in
	xchg	al, ah
	ret

read_cmd:	db	0xE6, 0x04, 0, 1, 2, 2, 18, 0x1B, 0xFF ; READ DATA (MT MFM SK)
read_cmd_len	equ	$ - read_cmd
result:		times 7 db 0
signature:	db	"x86lab floppy C0 H1 S2"
signature_len	equ	$ - signature
