; tests/guest/bios_image.asm — a bootable disk image around a guest test, for
; the tests of the BIOS's services: nasm -DBODY='"x.bin"' -DIMAGE_SIZE=N.
; Sector 0 is a boot sector (with an empty partition table, so that it is
; also a valid MBR) that loads the test (x.bin, a guest.inc program) from
; the sectors after it to 1000:0100 with INT 13h and starts it like a .COM
; program: CS=DS=ES=SS=1000h, SP=FFFEh, DL = the boot drive. Every other
; sector of the image starts with its LBA (a word) and the image size in
; sectors, so that tests can tell which sector a read returned; the sectors
; hold the byte (LBA & 0FFh) after that.

	bits	16
	cpu	8086
	org	0x7C00

BODY_SECTORS	equ	(body_end - body + 511) / 512
LOAD_SEG	equ	0x1000

boot:	cli
	xor	ax, ax
	mov	ss, ax
	mov	sp, 0x7C00
	sti
	mov	ax, LOAD_SEG
	mov	es, ax
	mov	bx, 0x0100
	mov	ax, 0x0200 + BODY_SECTORS
	mov	cx, 0x0002		; cylinder 0, sector 2: right after this one
	xor	dh, dh
	int	0x13
	jc	.fail
	mov	ax, LOAD_SEG
	mov	ds, ax
	mov	es, ax
	cli
	mov	ss, ax
	mov	sp, 0xFFFE
	sti
	jmp	LOAD_SEG:0x0100
.fail:	mov	si, fail_text
.next:	cs lodsb
	test	al, al
	jz	.exit
	out	0xE9, al
	jmp	.next
.exit:	mov	al, 1
	out	0xF4, al
	cli
	hlt
fail_text:	db	"boot sector: INT 13h could not load the test", 10, 0
	times	446 - ($ - $$) db 0
	times	64 db 0
	dw	0xAA55

body:	incbin	BODY
body_end:
	times	(BODY_SECTORS * 512) - (body_end - body) db 0

%assign lba BODY_SECTORS + 1
%rep (IMAGE_SIZE / 512) - BODY_SECTORS - 1
	dw	lba, IMAGE_SIZE / 512
	times	508 db (lba & 0xFF)
 %assign lba lba + 1
%endrep
