; tests/monitor/steps.asm — the guest of most monitor transcripts: a
; .COM-style program (org 0x100, loaded at 1000:0100) with arithmetic, a call,
; a loop, a software interrupt with its own handler, a string copy, port
; output, and an exit status of 7.
	cpu	8086
	bits	16
	org	0x100

start:	mov	ax, 0x1234
	mov	bx, 2
	add	ax, bx			; AX = 1236
	call	double			; AX = 246C
	mov	[result], ax
	mov	cx, 3
count:	dec	cx
	jnz	count
	xor	dx, dx			; INT 0x80 -> handler, at 0000:0200
	push	ds
	mov	ds, dx
	mov	word [0x80 * 4], handler
	mov	[0x80 * 4 + 2], cs
	pop	ds
	int	0x80			; DX = 1
	mov	si, msg
	mov	di, copy
	mov	cx, 4
	cld
	rep	movsb
	mov	si, msg
print:	lodsb
	or	al, al
	jz	done
	out	0xe9, al
	jmp	print
done:	mov	al, 7
	out	0xf4, al		; the guest ends with status 7
	hlt

double:	push	bp
	mov	bp, sp
	shl	ax, 1
	pop	bp
	ret

handler:
	inc	dx
	iret

msg:	db	"Hi!", 10, 0
result:	dw	0
copy:	times 4 db 0
