; tests/guest/cmos_keep.asm — CMOS memory survives between runs with --cmos
; FILE: the first run finds byte 0x40 clear and writes 0x5A there; the second
; finds 0x5A. It also reads the RTC, started with --rtc 2026-11-27T10:20:30:
; the hour and minute registers hold BCD (MC146818 datasheet, register B).
	cpu	8086
	bits	16
	org	0x100

	mov	al, 0x04		; hours
	out	0x70, al
	in	al, 0x71
	cmp	al, 0x10
	jne	fail
	mov	al, 0x02		; minutes
	out	0x70, al
	in	al, 0x71
	cmp	al, 0x20
	jne	fail
	mov	al, 0x40		; a byte of battery-backed memory
	out	0x70, al
	in	al, 0x71
	cmp	al, 0x5a
	je	second
	test	al, al
	jnz	fail
	mov	al, 0x40
	out	0x70, al
	mov	al, 0x5a
	out	0x71, al
	mov	al, 10			; first run: status 10
	out	0xf4, al
second:	mov	al, 20			; second run: status 20
	out	0xf4, al
fail:	mov	al, 1
	out	0xf4, al
