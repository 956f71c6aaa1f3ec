; tests/gdb/guest.asm — the boot-sector-style program the gdb tests debug
; (loaded at 0000:7C00, so linear addresses equal offsets). Each label sits
; at a fixed address that tests/gdb/*.sh and *.py name.
	cpu 8086
	org 0x7c00

start:				; 7C00
	mov ax, 0x1234
	mov bx, 0x5678
	mov cx, 3
	xor dx, dx
	times 0x10 - ($ - $$) nop

breakpoint:			; 7C10: 'break *0x7c10' stops here with AX=1234
	mov ax, 0xbeef		; 3 bytes: 'stepi' ends at 7C13
	inc ax			; AX=BEF0
	mov [0x500], ax		; 7C14: the watched word; the stop is after it, at 7C17
	mov al, 7
	out 0xf4, al		; exit status 7
	hlt

	times 0x40 - ($ - $$) db 0
spin:				; 7C40: --start 0000:7C40 runs until gdb interrupts
	jmp spin

	times 0x80 - ($ - $$) db 0
data:				; 7C80: 'x/4xb 0x7c80'
	db 0xde, 0xad, 0xbe, 0xef
