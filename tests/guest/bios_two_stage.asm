; tests/guest/bios_two_stage.asm — a two-stage boot: nasm -DIMAGE_SIZE=N.
; The boot sector asks INT 13h AH=08h for the geometry and loads a 40 KiB
; second stage (80 sectors from LBA 1) to 1000:0000 in reads of 7 sectors,
; each turned into cylinder/head/sector, so that reads cross track and head
; boundaries (on a 1.44M floppy: LBA 17-23 spans heads 0 and 1, LBA 31-37
; spans cylinders 0 and 1). The second stage checks that every sector came
; from where it should (each begins with its LBA) and reports on port 0xE9
; and the exit port. Sector 0 has an empty partition table: a valid MBR.

	bits	16
	cpu	8086

STAGE2_SECTORS	equ	80
CHUNK		equ	7
STAGE2_SEG	equ	0x1000

	section	boot start=0 vstart=0x7C00
boot:	cli
	xor	ax, ax
	mov	ds, ax
	mov	ss, ax
	mov	sp, 0x7C00
	sti
	mov	[drive], dl
	mov	ah, 0x08
	int	0x13
	jc	fail
	and	cx, 0x3F
	mov	[spt], cx
	mov	dl, dh
	xor	dh, dh
	inc	dx
	mov	[heads], dx
	mov	word [lba], 1
	mov	word [dest], STAGE2_SEG
.chunk:	mov	ax, [lba]
	xor	dx, dx
	div	word [spt]
	inc	dl
	mov	cl, dl			; sector
	xor	dx, dx
	div	word [heads]
	mov	dh, dl			; head
	mov	ch, al			; cylinder (< 256 here)
	mov	dl, [drive]
	mov	es, [dest]
	xor	bx, bx
	mov	ax, 0x0200 + CHUNK
	int	0x13
	jc	fail
	cmp	al, CHUNK
	jne	fail
	add	word [lba], CHUNK
	add	word [dest], CHUNK * 512 / 16
	cmp	word [lba], STAGE2_SECTORS + 1
	jb	.chunk
	jmp	STAGE2_SEG:stage2_start - 0x0000
fail:	mov	si, fail_text
.next:	lodsb
	test	al, al
	jz	.exit
	out	0xE9, al
	jmp	.next
.exit:	mov	al, 1
	out	0xF4, al
	cli
	hlt
drive:	db	0
spt:	dw	0
heads:	dw	0
lba:	dw	0
dest:	dw	0
fail_text: db	"FAIL two-stage: INT 13h could not load the second stage", 10, 0
	times	446 - ($ - $$) db 0
	times	64 db 0
	dw	0xAA55

; The second stage runs at 1000:0000 (sector 1 is its first 512 bytes).
	section	stage2 start=512 vstart=0
stage2_start:
	mov	ax, cs
	mov	ds, ax
	mov	bx, 1			; check sectors 1-80: word 'lba' at the end of each
	mov	si, 510
.check:	cmp	[si], bx
	jne	.bad
	add	si, 512
	inc	bx
	cmp	bx, STAGE2_SECTORS + 1
	jb	.check
	mov	si, pass_text
	call	print
	mov	al, 0
	out	0xF4, al
	cli
	hlt
.bad:	mov	si, bad_text
	call	print
	mov	al, 1
	out	0xF4, al
	cli
	hlt
print:	lodsb
	test	al, al
	jz	.done
	out	0xE9, al
	jmp	print
.done:	ret
pass_text: db	"two-stage boot: 40 KiB second stage loaded and checked", 10, "PASS", 10, 0
bad_text:  db	"FAIL two-stage: a sector of the second stage is not the one expected", 10, 0

; Each sector of the second stage ends with its LBA (the code sits in the
; first one, so the mark goes at the end).
%assign lba 1
%rep STAGE2_SECTORS
	times	(lba * 512 - 2) - ($ - $$) db 0x90
	dw	lba
 %assign lba lba + 1
%endrep
	times	IMAGE_SIZE - 512 - ($ - $$) db 0
