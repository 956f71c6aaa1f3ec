; bios/int15_system.asm — INT 15h, the AT's system services: the memory
; sizes (88h, E801h, E820h), the A20 gate (24h), the system configuration
; table (C0h), the EBDA (C1h), waiting (86h), the keyboard intercept (4Fh)
; the device busy/post hooks (90h/91h) and the block move (87h), which
; goes through protected mode on a 386 or later. 89h (switch to protected
; mode for good) answers AH = 86h "not supported", as does anything unknown
; (RBIL INT 15h).

; The system configuration table (IBM PS/2 and PC BIOS Interface Technical
; Reference, INT 15h AH=C0h): its length, model FCh (an AT), submodel 01h,
; BIOS revision 0, feature byte 1: 70h = a second 8259, an RTC, INT 15h
; AH=4Fh called by IRQ1; 04h = an EBDA is allocated.
system_config:
	dw	8
	db	0xFC, 0x01, 0x00
	db	0x74, 0x00, 0x00, 0x00, 0x00

int15_system:
	sti
	cmp	ah, 0x4F
	je	.intercept
	cmp	ah, 0x88
	je	int15_ext_memory
	cmp	ah, 0x86
	je	int15_wait
	cmp	ah, 0x24
	je	int15_a20
	cmp	ah, 0x87
	je	int15_block_move
	cmp	ah, 0xC0
	je	.config
	cmp	ah, 0xC1
	je	.ebda
	cmp	ah, 0x90
	je	.hook
	cmp	ah, 0x91
	je	.hook
	cmp	ax, 0xE801
	je	int15_e801
	cmp	ax, 0xE820
	je	int15_e820
.unsupported:
	mov	ah, 0x86
	stc
	jmp	iret_cf
; AH=4Fh: IRQ1 asks about scan code AL; CF set = use it as it is. A
; program hooks this vector to change or drop keys.
.intercept:
	stc
	jmp	iret_cf
.config:
	push	cs
	pop	es
	mov	bx, system_config
	xor	ah, ah
	clc
	jmp	iret_cf
.ebda:	push	ax
	mov	ax, BDA_SEG
	mov	es, ax
	mov	es, [es:BDA_EBDA_SEG]
	pop	ax
	clc
	jmp	iret_cf
.hook:	xor	ah, ah			; device busy / interrupt complete
	clc
	jmp	iret_cf

; AH=88h: AX = KB above 1 MB, at most 63 MB (CMOS 30h-31h).
int15_ext_memory:
	mov	al, CMOS_EXT_KB
	call	cmos_read_word
	clc
	jmp	iret_cf

; AX=E801h: AX = CX = KB between 1 MB and 16 MB (at most 15 MB), BX = DX
; = 64 KB blocks above 16 MB.
int15_e801:
	mov	al, CMOS_EXT_KB
	call	cmos_read_word
	cmp	ax, 15 * 1024
	jbe	.low
	mov	ax, 15 * 1024
.low:	mov	cx, ax
	push	ax
	mov	al, CMOS_EXT16_64K
	call	cmos_read_word
	mov	bx, ax
	mov	dx, ax
	pop	ax
	clc
	jmp	iret_cf

; AH=87h: copy CX words (at most 8000h) between any two places in the
; first 16 MB (IBM PC AT Technical Reference, BIOS listing, and RBIL INT 15h
; AH=87h). ES:SI is a 48-byte GDT the caller has made: entry 10h describes
; the source, 18h the destination (each limit, 24-bit base, access 93h);
; the BIOS fills 08h (the table itself), 20h (its own code) and 28h (a
; 64 KB data segment to leave protected mode with). Interrupts are off and
; A20 is open during the move; both are put back. The AT's 286 left
; protected mode through a reset; this BIOS does it by clearing CR0.PE, so
; it moves on a 386 or later and answers AH = 86h on an 8086 or 286.
; AH = 00h, CF = 0 when done; CX > 8000h: AH = 01h, CF = 1 (the AT's
; "parity error", the one error code a bad request can have here).
int15_block_move:
	push	es
	call	get_ebda
	cmp	byte [es:EBDA_CPU], 3
	pop	es
	jb	int15_system.unsupported
	cmp	cx, 0x8000
	ja	.bad
	cpu	386
	pushf
	cli
	push	eax
	push	ebx
	push	cx
	push	si
	push	di
	push	ds
	push	es
	mov	bx, si
	mov	ax, es			; the table's linear base: ES * 16 + SI
	movzx	eax, ax
	shl	eax, 4
	movzx	esi, si
	add	eax, esi
	mov	word [es:bx+0x08], 0x2F		; 08h: the GDT, limit 47
	mov	[es:bx+0x0A], ax
	shr	eax, 16
	mov	[es:bx+0x0C], al
	mov	word [es:bx+0x0D], 0x0093
	mov	byte [es:bx+0x0F], 0
	mov	dword [es:bx+0x20], 0x0000FFFF	; 20h: this code, F0000h, 64 KB
	mov	dword [es:bx+0x24], 0x00009B0F
	mov	dword [es:bx+0x28], 0x0000FFFF	; 28h: a data segment at 0, 64 KB
	mov	dword [es:bx+0x2C], 0x00009300
	in	al, FAST_A20
	push	ax			; A20 as it was
	or	al, 0x02
	and	al, 0xFE		; bit 0 would reset the CPU
	out	FAST_A20, al
	o16 lgdt [es:bx+0x08]		; limit and 24-bit base, as the 286 takes them
	mov	eax, cr0
	or	al, 1
	mov	cr0, eax
	jmp	0x20:.protected
.protected:
	mov	ax, 0x10
	mov	ds, ax
	mov	ax, 0x18
	mov	es, ax
	xor	si, si
	xor	di, di
	cld
	rep	movsw
	mov	ax, 0x28		; back to 64 KB limits before real mode
	mov	ds, ax
	mov	es, ax
	mov	eax, cr0
	and	al, 0xFE
	mov	cr0, eax
	jmp	0xF000:.real
.real:	pop	ax
	out	FAST_A20, al
	pop	es
	pop	ds
	pop	di
	pop	si
	pop	cx
	pop	ebx
	pop	eax
	popf
	cpu	8086
	xor	ah, ah
	clc
	jmp	iret_cf
.bad:	mov	ah, 0x01
	stc
	jmp	iret_cf

; AH=24h: the A20 gate through port 92h bit 1 (the PS/2 "fast A20").
; AL=00h disable, 01h enable, 02h AL = state, 03h BX = 2 (port 92h).
int15_a20:
	cmp	al, 3
	ja	.bad
	cmp	al, 2
	je	.status
	cmp	al, 3
	je	.support
	push	ax
	mov	ah, al
	in	al, FAST_A20
	and	al, 0xFC		; bit 0 would reset the CPU
	shl	ah, 1
	or	al, ah
	out	FAST_A20, al
	pop	ax
	xor	ah, ah
	clc
	jmp	iret_cf
.status:
	in	al, FAST_A20
	shr	al, 1
	and	al, 1
	xor	ah, ah
	clc
	jmp	iret_cf
.support:
	mov	bx, 0x0002
	xor	ah, ah
	clc
	jmp	iret_cf
.bad:	mov	ah, 0x86
	stc
	jmp	iret_cf

; AH=86h: wait CX:DX microseconds, with interrupts on. The wait is counted
; in timer ticks (54925 us each, rounded up), so it is at least as long as
; asked and a tick longer at most.
int15_wait:
	push	ax
	push	bx
	push	cx
	push	dx
	push	ds
	mov	ax, dx
	mov	dx, cx
	mov	bx, 54925
	cmp	dx, bx
	jae	.long			; more than an hour: wait an hour
	div	bx
	test	dx, dx
	jz	.ticks
	inc	ax
	jmp	.ticks
.long:	mov	ax, 0xFFFF
.ticks:	mov	bx, BDA_SEG
	mov	ds, bx
	mov	bx, ax
.tick:	test	bx, bx
	jz	.done
	mov	dx, [BDA_TICKS]
.same:	sti
	hlt
	cmp	dx, [BDA_TICKS]
	je	.same
	dec	bx
	jmp	.tick
.done:	pop	ds
	pop	dx
	pop	cx
	pop	bx
	pop	ax
	xor	ah, ah
	clc
	jmp	iret_cf

; AX=E820h: the memory map, one range a call (ACPI 3.0, "E820"): EBX the
; index (0 first, 0 back after the last), ES:DI a 20-byte buffer, ECX its
; size, EDX 'SMAP'. Answers EAX = 'SMAP', ECX = 20. The ranges: base memory
; below the EBDA; the EBDA, the video and ROM area (reserved); RAM above
; 1 MB. Only a 386 asks; an earlier CPU gets "not supported".
E820_RAM	equ	1
E820_RESERVED	equ	2
SMAP		equ	0x534D4150

int15_e820:
	push	es
	call	get_ebda
	cmp	byte [es:EBDA_CPU], 3
	pop	es
	jb	int15_system.unsupported
	cpu	386
	cmp	edx, SMAP
	jne	.bad
	cmp	ecx, 20
	jb	.bad
	cmp	ebx, 3
	jae	.bad
	push	eax
	push	edx
	push	ds
	mov	ax, BDA_SEG
	mov	ds, ax
	cmp	ebx, 0
	je	.base
	cmp	ebx, 1
	je	.hole
	; RAM from 1 MB
	mov	dword [es:di], 0x100000
	call	memory_above_1m_kb	; DX:AX KB
	shl	edx, 16
	mov	dx, ax
	shl	edx, 10
	mov	[es:di+8], edx
	mov	eax, E820_RAM
	xor	ebx, ebx		; the last range
	jmp	.store
.base:	mov	dword [es:di], 0
	movzx	eax, word [BDA_MEM_KB]
	shl	eax, 10
	mov	[es:di+8], eax
	mov	eax, E820_RAM
	mov	ebx, 1
	jmp	.store
.hole:	movzx	eax, word [BDA_MEM_KB]	; from the EBDA to 1 MB
	shl	eax, 10
	mov	[es:di], eax
	neg	eax
	add	eax, 0x100000
	mov	[es:di+8], eax
	mov	ebx, 2
	call	memory_above_1m_kb	; no RAM above 1 MB: this is the last
	or	ax, dx
	jnz	.more
	xor	ebx, ebx
.more:	mov	eax, E820_RESERVED
.store:	mov	dword [es:di+4], 0
	mov	dword [es:di+12], 0
	mov	[es:di+16], eax
	pop	ds
	pop	edx
	pop	eax
	mov	eax, SMAP
	mov	ecx, 20
	clc
	jmp	iret_cf
.bad:	mov	ah, 0x86
	stc
	jmp	iret_cf
	cpu	8086
