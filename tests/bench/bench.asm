; tests/bench/bench.asm — a fixed instruction mix for measuring interpreter
; speed. A boot sector: it runs from 0000:7C00 under x86lab (--load) and
; under any PC emulator (as a floppy image), then writes 0 to port 0xF4
; (x86lab's exit port; QEMU's isa-debug-exit at iobase 0xF4).
; The loop count is patched at offset 2 by scripts/bench.sh.
	cpu	8086
	bits	16
	org	0x7c00

start:	jmp	short main
count:	dw	20000		; outer iterations (little-endian word at offset 2)

main:	cli
	xor	ax, ax
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	mov	sp, 0xfff0	; stack and data in other pages than the code, so
			; no emulator pays for self-modifying-code checks
	cld
	mov	bp, [count]

outer:	mov	cx, 100		; inner loop: arithmetic, memory, branches
	mov	si, buf
	xor	bx, bx
inner:	mov	ax, [si]
	add	ax, cx
	xor	ax, bx
	mov	[si+2], ax
	shl	ax, 1
	adc	bx, ax
	and	bx, 0x7fff
	cmp	ax, bx
	jb	.less
	sub	ax, bx
.less:	call	mix
	inc	si
	and	si, 0x3f
	add	si, buf
	loop	inner

	mov	si, buf		; a string move and a multiply per outer round
	mov	di, buf2
	mov	cx, 32
	rep	movsw
	mov	ax, bp
	mov	dx, 3
	mul	dx
	dec	bp
	jnz	outer

	xor	al, al
	out	0xf4, al
	cli
	hlt

mix:	push	cx
	mov	cl, 3
	rol	dx, cl
	add	dx, ax
	pop	cx
	ret

	times	510 - ($ - $$) db 0
	dw	0xaa55

buf	equ	0x8000
buf2	equ	0x9000
