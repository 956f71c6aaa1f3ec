; tests/bench/bench_screen.asm — a guest that rewrites the text screen all
; the time: every pass of its loop stores 2000 character cells at
; B800:0000 (REP STOSW), then runs a little arithmetic. For
; scripts/bench_display.sh: the worst case for a front end, which must
; redraw every frame. The pass count is the word at offset 2.
	cpu	8086
	bits	16
	org	0x7c00

start:	jmp	short main
count:	dw	2000

main:	cli
	xor	ax, ax
	mov	ds, ax
	mov	ss, ax
	mov	sp, 0x7c00
	mov	ax, 0xb800
	mov	es, ax
	cld
	mov	bp, [count]
	xor	dx, dx
pass:	xor	di, di
	mov	ax, dx
	and	ax, 0x7fff
	mov	cx, 2000
	rep	stosw
	mov	cx, 2000		; some work between the screens
work:	add	bx, cx
	xor	bx, dx
	rol	bx, 1
	loop	work
	inc	dx
	dec	bp
	jnz	pass
	mov	al, 0
	out	0xf4, al
	hlt
