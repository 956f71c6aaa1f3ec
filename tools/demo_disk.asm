; tools/demo_disk.asm — the built-in demo disk 'x86lab run' boots when given
; no image: a small hard disk (an MBR that loads a second stage) that shows
; the PC at work through its BIOS: the boot drive, the memory map (INT 15h
; E820h on a 386, else E801h and 88h), timer interrupts counting (INT 1Ah),
; the RTC's date and time, and an echo of the keys typed (INT 16h) until Esc
; or ten seconds without a key. Everything it prints goes through INT 10h,
; which the x86lab BIOS also sends to COM1 (stdout by default). It ends by
; writing 0 to the exit port 0xF4, so a run without a terminal ends itself.

	cpu	8086		; the demo runs on every model
	bits	16

STAGE2_SEG	equ	0x0800		; the second stage at 0000:8000
STAGE2_SECTORS	equ	(stage2_end - stage2 + 511) / 512
EXIT_PORT	equ	0xF4
DISK_SECTORS	equ	64		; a 32 KiB disk

; ---- sector 0: the master boot record ----
	section	mbr start=0 vstart=0x7C00
mbr:
	cli
	xor	ax, ax
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	mov	sp, 0x7C00
	sti
	mov	[boot_drive], dl
	mov	ax, STAGE2_SEG
	mov	es, ax
	xor	bx, bx
	mov	ah, 0x02		; read sectors
	mov	al, STAGE2_SECTORS
	mov	cx, 0x0002		; cylinder 0, sector 2
	xor	dh, dh
	int	0x13
	jc	.fail
	mov	dl, [boot_drive]
	jmp	0x0000:0x8000
.fail:	mov	si, mbr_fail
.print:	lodsb
	test	al, al
	jz	.halt
	mov	ah, 0x0E
	mov	bx, 7
	int	0x10
	jmp	.print
.halt:	cli
	hlt
	jmp	.halt
boot_drive:	db	0
mbr_fail:	db	"demo disk: cannot read the second stage", 13, 10, 0
	times	446 - ($ - $$) db 0
	times	64 db 0			; no partitions
	dw	0xAA55

; ---- sectors 1 on: the second stage, at 0000:8000 ----
	section	stage2 start=512 vstart=0x8000
stage2:
	mov	[drive], dl
	call	detect_386
	mov	si, s_banner
	call	puts
	mov	al, [drive]
	call	put_hex8
	mov	si, s_banner2
	call	puts
	call	show_memory
	call	show_timer
	call	show_clock
	call	echo_keys
	mov	si, s_bye
	call	puts
	call	drain_com1
	mov	al, 0
	out	EXIT_PORT, al		; x86lab ends here; a PC halts below
	cli
.halt:	hlt
	jmp	.halt

; drain_com1: until COM1 has sent its last byte (LSR bit 6, transmitter
; empty), so that the end of the text is not lost when the run ends.
drain_com1:
	mov	dx, 0x3F8 + 5
	mov	cx, 0xFFFF
.wait:	in	al, dx
	test	al, 0x40
	loopz	.wait
	ret

; detect_386: [is_386] = 1 on a 386 or later (FLAGS bits 12-15 can be
; changed in real mode only there; Intel SDM Vol. 1, 3.4.3).
detect_386:
	pushf
	pop	ax
	or	ax, 0xF000
	push	ax
	popf
	pushf
	pop	ax
	test	ax, 0xF000
	jz	.done			; a 286 clears them
	and	ax, 0x0FFF
	push	ax
	popf
	pushf
	pop	ax
	and	ax, 0xF000
	cmp	ax, 0xF000		; an 8086 keeps them set
	je	.done
	mov	byte [is_386], 1
.done:	ret

; show_memory: INT 12h, then the E820h map (386) or the E801h/88h sizes.
show_memory:
	int	0x12
	mov	si, s_base
	call	puts
	call	put_dec
	mov	si, s_kb
	call	puts
	cmp	byte [is_386], 1
	je	.e820
	mov	ax, 0xE801
	int	0x15
	jc	.e88
	mov	si, s_e801
	call	puts
	call	put_dec
	mov	si, s_e801b
	call	puts
	mov	ax, bx
	call	put_dec
	mov	si, s_e801c
	call	puts
	ret
.e88:	mov	ah, 0x88
	int	0x15
	mov	si, s_e88
	call	puts
	call	put_dec
	mov	si, s_kb
	call	puts
	ret
.e820:	mov	si, s_e820
	call	puts
	cpu	386
	xor	ebx, ebx
.next:	mov	eax, 0xE820
	mov	edx, 0x534D4150		; 'SMAP'
	mov	ecx, 20
	mov	di, e820_entry
	push	ds
	pop	es
	int	0x15
	jc	.done
	cmp	eax, 0x534D4150
	jne	.done
	push	ebx
	mov	si, s_indent
	call	puts
	mov	eax, [e820_entry+4]
	call	put_hex32
	mov	eax, [e820_entry]
	call	put_hex32
	mov	si, s_len
	call	puts
	mov	eax, [e820_entry+12]
	call	put_hex32
	mov	eax, [e820_entry+8]
	call	put_hex32
	mov	si, s_type_ram
	cmp	dword [e820_entry+16], 1
	je	.type
	mov	si, s_type_reserved
.type:	call	puts
	pop	ebx
	test	ebx, ebx
	jnz	.next
.done:	ret
	cpu	8086

; show_timer: three seconds of timer ticks (IRQ0, 18.2 a second) as INT 1Ah
; AH=00h counts them, waiting in HLT between interrupts.
show_timer:
	mov	si, s_timer
	call	puts
	xor	ah, ah
	int	0x1A
	mov	[tick0], dx
	mov	cx, 3
.second:
	push	cx
.wait:	sti
	hlt
	xor	ah, ah
	int	0x1A
	mov	ax, dx
	sub	ax, [tick0]
	mov	bx, 4 - 1
	pop	cx
	push	cx
	sub	bx, cx
	inc	bx			; the second being waited for: 1, 2, 3
	push	ax
	mov	ax, 18
	mul	bx
	mov	bx, ax
	pop	ax
	cmp	ax, bx
	jb	.wait
	mov	si, s_tick
	call	puts
	call	put_dec
	mov	si, s_ticks
	call	puts
	pop	cx
	loop	.second
	ret

; show_clock: the RTC's date and time (INT 1Ah AH=04h and 02h, BCD).
show_clock:
	mov	si, s_clock
	call	puts
	mov	ah, 0x04
	int	0x1A
	mov	al, ch
	call	put_hex8
	mov	al, cl
	call	put_hex8
	mov	al, '-'
	call	putc
	mov	al, dh
	call	put_hex8
	mov	al, '-'
	call	putc
	mov	al, dl
	call	put_hex8
	mov	al, ' '
	call	putc
	mov	ah, 0x02
	int	0x1A
	mov	al, ch
	call	put_hex8
	mov	al, ':'
	call	putc
	mov	al, cl
	call	put_hex8
	mov	al, ':'
	call	putc
	mov	al, dh
	call	put_hex8
	mov	si, s_utc
	call	puts
	ret

; echo_keys: print each key typed (INT 16h) until Esc, or until ten
; seconds pass without one.
echo_keys:
	mov	si, s_keys
	call	puts
.restart:
	xor	ah, ah
	int	0x1A
	mov	[tick0], dx
.poll:	mov	ah, 0x01
	int	0x16
	jnz	.key
	xor	ah, ah
	int	0x1A
	sub	dx, [tick0]
	cmp	dx, 182
	jae	.timeout
	sti
	hlt
	jmp	.poll
.key:	xor	ah, ah
	int	0x16
	cmp	al, 0x1B
	je	.esc
	cmp	al, 0x0D
	jne	.echo
	call	putc
	mov	al, 0x0A
.echo:	test	al, al
	jz	.restart
	call	putc
	jmp	.restart
.esc:	mov	si, s_newline
	call	puts
	ret
.timeout:
	mov	si, s_timeout
	call	puts
	ret

; puts: the zero-terminated string at DS:SI; putc: AL (INT 10h teletype).
puts:	push	ax
.next:	lodsb
	test	al, al
	jz	.done
	call	putc
	jmp	.next
.done:	pop	ax
	ret
putc:	push	ax
	push	bx
	mov	ah, 0x0E
	mov	bx, 0x0007
	int	0x10
	pop	bx
	pop	ax
	ret

; put_dec: AX in decimal.
put_dec:
	push	ax
	push	bx
	push	cx
	push	dx
	mov	bx, 10
	xor	cx, cx
.div:	xor	dx, dx
	div	bx
	push	dx
	inc	cx
	test	ax, ax
	jnz	.div
.out:	pop	ax
	add	al, '0'
	call	putc
	loop	.out
	pop	dx
	pop	cx
	pop	bx
	pop	ax
	ret

; put_hex8: AL as two hex digits; put_hex32: EAX as eight.
put_hex8:
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
.put:	jmp	putc
	cpu	386
put_hex32:
	push	eax
	rol	eax, 8
	call	put_hex8
	rol	eax, 8
	call	put_hex8
	rol	eax, 8
	call	put_hex8
	rol	eax, 8
	call	put_hex8
	pop	eax
	ret
	cpu	8086

drive:		db	0
is_386:		db	0
tick0:		dw	0
e820_entry:	times 20 db 0
s_banner:	db	13, 10, "x86lab demo disk: booted by the x86lab BIOS from drive ", 0
s_banner2:	db	"h", 13, 10, 0
s_base:		db	"Base memory (INT 12h): ", 0
s_kb:		db	" KB", 13, 10, 0
s_e801:		db	"Extended memory (INT 15h E801h): ", 0
s_e801b:	db	" KB to 16 MB, ", 0
s_e801c:	db	" x 64 KB above", 13, 10, 0
s_e88:		db	"Extended memory (INT 15h 88h): ", 0
s_e820:		db	"Memory map (INT 15h E820h):", 13, 10, 0
s_indent:	db	"  ", 0
s_len:		db	" length ", 0
s_type_ram:	db	" usable RAM", 13, 10, 0
s_type_reserved: db	" reserved", 13, 10, 0
s_timer:	db	"Timer interrupts (IRQ0, 18.2 a second, INT 1Ah):", 13, 10, 0
s_tick:		db	"  ", 0
s_ticks:	db	" ticks", 13, 10, 0
s_clock:	db	"RTC: ", 0
s_utc:		db	13, 10, 0
s_keys:		db	"Type keys to see them echoed; Esc, or 10 s without a key, ends.", 13, 10, 0
s_timeout:	db	13, 10, "(no key for 10 s)", 13, 10, 0
s_newline:	db	13, 10, 0
s_bye:		db	"Demo finished.", 13, 10, 0
stage2_end:
	times	DISK_SECTORS * 512 - 512 - ($ - $$) db 0
