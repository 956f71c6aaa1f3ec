; tools/demo.asm — the guest 'x86lab run' starts when given no program: a short
; tour of the 8086 instruction set that checks its own results, so it is also
; a smoke test. Loaded at 0000:7C00, entered with CS=DS=ES=SS=0 and SP=FFFE.
; Text goes out through port 0xE9; the exit status through port 0xF4.

	cpu	8086		; nasm refuses anything newer: the demo runs on every model
	bits	16
	org	0x7C00

DEBUGCON	equ	0xE9	; each byte written here is printed by the host
EXIT_PORT	equ	0xF4	; a byte written here ends the run with that status

; PRINT "text", 10: print a string kept beside the code that uses it.
; Preserves registers (not flags).
%macro PRINT 1+
	push	si
	mov	si, %%text
	call	puts
	pop	si
	jmp	%%done
%%text:	db	%1, 0
%%done:
%endmacro

; PHEX x / PDEC x: print a register, memory word or constant in hex (four
; digits) or decimal. Preserve registers (not flags).
%define PHEX	PNUM print_hex,
%define PDEC	PNUM print_dec,
%macro PNUM 2
	push	ax
	push	bx
	push	cx
	push	dx
	mov	ax, %2
	call	%1
	pop	dx
	pop	cx
	pop	bx
	pop	ax
%endmacro

; CHECK cc, "name": after a CMP (or anything that sets flags), go on if
; condition 'cc' holds; otherwise report "FAIL: name" and exit with status 1.
%macro CHECK 2
	j%1	%%ok
	mov	si, %%name
	jmp	fail
%%name:	db	%2, 0
%%ok:
%endmacro

start:
	cli			; no hardware interrupts: we install no handlers for them
	cld			; string instructions step forward (SI/DI increase)
	PRINT	"x86lab: a pure-software x86 PC emulator. This is its built-in demo,", 10
	PRINT	"a real-mode 8086 program that checks its own results as it goes.", 10, 10

; Which CPU are we on? The 8086 stores SP after decrementing it for the PUSH;
; the 286 and later store the value SP had before. This matters below: the
; two generations also push different return addresses for a divide error.
	push	sp
	pop	ax
	cmp	ax, sp
	je	.new_cpu
	mov	byte [is_8086], 1
	PRINT	"CPU: PUSH SP stored the decremented SP, as the 8086 does", 10
	jmp	arithmetic
.new_cpu:
	PRINT	"CPU: PUSH SP stored the old SP, as the 286 and later do", 10

arithmetic:
	PRINT	10, "arithmetic", 10
; Fibonacci numbers until one no longer fits in 16 bits: ADD reports that
; with the carry flag. AX = F(n), BX = F(n-1), CX = n.
	PRINT	"  Fibonacci until ADD sets CF:"
	mov	ax, 1
	xor	bx, bx
	mov	cx, 1
.fib:
	PRINT	" "
	PDEC	ax
	add	bx, ax		; BX = F(n+1), or a carry out of bit 15
	jc	.fib_done
	xchg	ax, bx
	inc	cx
	jmp	.fib
.fib_done:
	PRINT	10, "  the largest in 16 bits: F("
	PDEC	cx
	PRINT	") = "
	PDEC	ax
	PRINT	" = 0x"
	PHEX	ax
	PRINT	10
	cmp	cx, 24
	CHECK	e, "fibonacci count"
	cmp	ax, 46368
	CHECK	e, "fibonacci value"

; MUL with a 16-bit operand leaves a 32-bit product in DX:AX, and DIV divides
; DX:AX back, giving a quotient in AX and the remainder in DX.
	mov	ax, 1000
	mov	bx, 1000
	mul	bx		; 1000000 = 0x000F4240
	PRINT	"  1000 * 1000 = 0x"
	PHEX	dx
	PHEX	ax
	PRINT	" (DX:AX)", 10
	cmp	dx, 0x000F
	CHECK	e, "mul high word"
	cmp	ax, 0x4240
	CHECK	e, "mul low word"
	mov	bx, 4321
	div	bx		; 1000000 = 4321 * 231 + 1849
	PRINT	"  1000000 / 4321 = "
	PDEC	ax
	PRINT	" remainder "
	PDEC	dx
	PRINT	10
	cmp	ax, 231
	CHECK	e, "div quotient"
	cmp	dx, 1849
	CHECK	e, "div remainder"

; Packed BCD keeps two decimal digits in a byte. ADD works in binary; DAA
; then fixes AL up to BCD and sets CF on a decimal carry, which ADC passes on
; to the next byte: 1999 + 2001, two digits at a time.
	mov	al, 0x99
	add	al, 0x01	; binary 0x9A
	daa			; 0x00, CF=1: "99 + 01 = 1 00"
	mov	bl, al
	mov	al, 0x19
	adc	al, 0x20	; 0x3A (0x19 + 0x20 + carry)
	daa			; 0x40
	mov	bh, al
	PRINT	"  packed BCD with DAA: 1999 + 2001 = "
	PHEX	bx		; BCD digits printed as hex digits read as decimal
	PRINT	10
	cmp	bx, 0x4000
	CHECK	e, "bcd daa"

strings:
	PRINT	10, "strings", 10
; REP MOVSB copies CX bytes from DS:SI to ES:DI; REPE CMPSB then compares the
; copy while bytes are equal, so ZF=1 at the end means all were equal.
	mov	si, message
	mov	di, copy_buf
	mov	cx, message_len
	rep	movsb
	PRINT	'  REP MOVSB copied: "'
	mov	si, copy_buf
	call	puts
	PRINT	'"', 10
	mov	si, message
	mov	di, copy_buf
	mov	cx, message_len
	repe	cmpsb
	CHECK	e, "rep movsb copy"
; REPNE SCASB scans ES:DI for the byte in AL; DI stops one past the match.
	mov	di, address
	mov	cx, address_len
	mov	al, '@'
	repne	scasb
	CHECK	e, "repne scasb found"
	dec	di
	sub	di, address
	PRINT	"  REPNE SCASB found '@' at offset "
	PDEC	di
	PRINT	' of "guest@x86lab"', 10
	cmp	di, 5
	CHECK	e, "repne scasb offset"
; REPE CMPSB stops after the first pair that differs (ZF=0), SI one past it.
	mov	si, word1
	mov	di, word2
	mov	cx, 5
	repe	cmpsb
	CHECK	ne, "repe cmpsb difference"
	dec	si
	sub	si, word1
	PRINT	'  REPE CMPSB: "apple" and "apply" differ at offset '
	PDEC	si
	PRINT	10
	cmp	si, 4
	CHECK	e, "repe cmpsb offset"

interrupts:
	PRINT	10, "interrupts", 10
; In real mode the interrupt vector table at 0000:0000 holds four bytes per
; vector: offset, then segment. INT n pushes FLAGS, CS and IP and jumps
; through entry n; IRET pops them back.
	mov	word [0x60*4], int60_handler
	mov	word [0x60*4+2], cs
	mov	ax, 1234
	int	0x60
int60_return:
	PRINT	"  INT 60h: the handler saw return address 0000:"
	PHEX	[int60_ip]
	PRINT	" and doubled AX to "
	PDEC	ax
	PRINT	10
	cmp	word [int60_ip], int60_return
	CHECK	e, "int 60h return address"
	cmp	ax, 2468
	CHECK	e, "int 60h result"

; Dividing by zero raises exception 0 (#DE) through IVT entry 0. The 8086
; pushes the address of the next instruction; the 286 and later push the DIV
; itself, so a handler could remove the cause and retry. Our handler records
; the address and resumes at a fixed label instead, which works on both.
	mov	word [0*4], de_handler
	mov	word [0*4+2], cs
	mov	ax, 1234
	xor	bl, bl
de_div:
	div	bl
de_next:
	mov	si, no_de	; the handler should have sent us to de_resume
	jmp	fail
de_resume:
	PRINT	"  DIV by zero: the #DE handler saw return address 0000:"
	PHEX	[de_ip]
	mov	ax, de_div	; the 286 and later push the DIV itself,
	cmp	byte [is_8086], 0
	je	.expect
	mov	ax, de_next	; the 8086 the instruction after it
	PRINT	" (after the DIV, as on the 8086)", 10
	jmp	.check
.expect:
	PRINT	" (the DIV, as on the 286 and later)", 10
.check:
	cmp	ax, [de_ip]
	CHECK	e, "#DE return address"

farcall:
	PRINT	10, "far call", 10
; CALL FAR loads CS as well as IP and pushes both; RETF pops both. Segment
; 07C0 with offset (far_proc - 7C00) is the same physical address as
; 0000:far_proc: real-mode addresses are segment * 16 + offset.
	call	0x07C0:(far_proc - 0x7C00)
	PRINT	"  CALL FAR 07C0:"
	PHEX	far_proc - 0x7C00
	PRINT	" ran with CS="
	PHEX	ax
	PRINT	"; RETF came back", 10
	cmp	ax, 0x07C0
	CHECK	e, "far call cs"

	PRINT	10, "all checks passed", 10
	xor	al, al
	jmp	exit

; fail: print "FAIL: " and the check name at DS:SI, then exit with status 1.
fail:
	PRINT	"FAIL: "
	call	puts
	PRINT	10
	mov	al, 1
exit:	out	EXIT_PORT, al	; the run ends here with status AL...
	cli
.halt:	hlt			; ...or, without an exit port (a real PC), stops here
	jmp	.halt

; INT 60h: record the IP that INT pushed (at BP+2 once BP is saved; CS and
; FLAGS are above it) and return AX doubled, to show a handler can give a result.
int60_handler:
	push	bp
	mov	bp, sp
	push	ax
	mov	ax, [bp+2]
	mov	[int60_ip], ax
	pop	ax
	pop	bp
	shl	ax, 1
	iret

; #DE: record the pushed IP, then overwrite it so that IRET resumes at
; de_resume rather than at (or after) the DIV.
de_handler:
	push	bp
	mov	bp, sp
	push	ax
	mov	ax, [bp+2]
	mov	[de_ip], ax
	mov	word [bp+2], de_resume
	pop	ax
	pop	bp
	iret

; Called as 07C0:xxxx: returns the CS it ran with in AX.
far_proc:
	mov	ax, cs
	retf

; puts: print the zero-terminated string at DS:SI.
puts:
	push	ax
	push	si
.next:	lodsb
	test	al, al
	jz	.done
	out	DEBUGCON, al
	jmp	.next
.done:	pop	si
	pop	ax
	ret

; print_hex: AX as four hex digits. ROL by CL brings each nibble to the bottom
; in turn (the 8086 can rotate by 1 or by CL only); XLAT looks up its digit.
; Use PHEX, which saves the registers this changes.
print_hex:
	mov	dx, ax
	mov	bx, hex_digits
	mov	cx, 0x0404	; CH = digits left, CL = bits per digit
.digit:	rol	dx, cl
	mov	al, dl
	and	al, 0x0F
	xlat			; AL = [BX + AL]
	out	DEBUGCON, al
	dec	ch
	jnz	.digit
	ret

; print_dec: AX as an unsigned decimal number. Dividing by 10 yields the
; digits lowest first, so they go on the stack and come off in order. Use PDEC.
print_dec:
	mov	bx, 10
	xor	cx, cx
.divide:
	xor	dx, dx
	div	bx
	push	dx
	inc	cx
	test	ax, ax
	jnz	.divide
.print:	pop	ax
	add	al, '0'
	out	DEBUGCON, al
	loop	.print
	ret

hex_digits:	db	"0123456789ABCDEF"
message:	db	"hello from REP MOVSB", 0
message_len	equ	$ - message
address:	db	"guest@x86lab"
address_len	equ	$ - address
word1:		db	"apple"
word2:		db	"apply"
no_de:		db	"divide by zero raised no #DE", 0
is_8086:	db	0
int60_ip:	dw	0
de_ip:		dw	0
copy_buf:	times message_len db 0
