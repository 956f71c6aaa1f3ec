; bios/int10_video.asm — INT 10h, the video services of a VGA BIOS: mode
; set (00h-03h, 07h text, 13h 320x200x256), the cursor, scrolling, characters
; and teletype output (mirrored to the serial console), pixels in mode 13h,
; the palette and DAC, the font and the display combination code. Function
; numbers and registers as in the IBM VGA Technical Reference and RBIL
; INT 10h; BDA fields at 0040:0049-0089.
;
; Characters are drawn by the VGA itself from the font in plane 2, which a
; mode set loads; in mode 13h there is no text (AH=09h/0Ah/0Eh only move the
; cursor and reach the serial console).

; The caller's registers, saved on entry; a function returns values by
; writing them here (BP points at the frame).
V_AX	equ	0
V_BX	equ	2
V_CX	equ	4
V_DX	equ	6
V_BP	equ	12
V_ES	equ	16

VMODE_GRAPHICS	equ	1
VMODE_MONO	equ	2

; One entry per mode: number, columns, rows - 1, flags, page size, registers.
video_modes:
	db	0x00, 40, 24, 0
	dw	0x0800, regs_text40
	db	0x01, 40, 24, 0
	dw	0x0800, regs_text40
	db	0x02, 80, 24, 0
	dw	0x1000, regs_text80
	db	0x03, 80, 24, 0
	dw	0x1000, regs_text80
	db	0x07, 80, 24, VMODE_MONO
	dw	0x1000, regs_mono80
	db	0x13, 40, 24, VMODE_GRAPHICS
	dw	0x0000, regs_mode13
	db	0xFF
VMODE_ENTRY	equ	8

; Register sets (IBM VGA Technical Reference, the BIOS parameter tables):
; misc output; sequencer 1-4; CRTC 0-18h; attribute controller 0-13h;
; graphics controller 0-8.
regs_text40:
	db	0x67
	db	0x08, 0x03, 0x00, 0x02
	db	0x2D, 0x27, 0x28, 0x90, 0x2B, 0xA0, 0xBF, 0x1F, 0x00, 0x4F, 0x0D, 0x0E, 0x00
	db	0x00, 0x00, 0x00, 0x9C, 0x8E, 0x8F, 0x14, 0x1F, 0x96, 0xB9, 0xA3, 0xFF
	db	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3A, 0x3B
	db	0x3C, 0x3D, 0x3E, 0x3F, 0x0C, 0x00, 0x0F, 0x08
	db	0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0E, 0x00, 0xFF
regs_text80:
	db	0x67
	db	0x00, 0x03, 0x00, 0x02
	db	0x5F, 0x4F, 0x50, 0x82, 0x55, 0x81, 0xBF, 0x1F, 0x00, 0x4F, 0x0D, 0x0E, 0x00
	db	0x00, 0x00, 0x00, 0x9C, 0x8E, 0x8F, 0x28, 0x1F, 0x96, 0xB9, 0xA3, 0xFF
	db	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3A, 0x3B
	db	0x3C, 0x3D, 0x3E, 0x3F, 0x0C, 0x00, 0x0F, 0x08
	db	0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0E, 0x00, 0xFF
regs_mono80:
	db	0x66
	db	0x00, 0x03, 0x00, 0x02
	db	0x5F, 0x4F, 0x50, 0x82, 0x55, 0x81, 0xBF, 0x1F, 0x00, 0x4F, 0x0D, 0x0E, 0x00
	db	0x00, 0x00, 0x00, 0x9C, 0x8E, 0x8F, 0x28, 0x0F, 0x96, 0xB9, 0xA3, 0xFF
	db	0x00, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x10, 0x18, 0x18, 0x18
	db	0x18, 0x18, 0x18, 0x18, 0x0E, 0x00, 0x0F, 0x08
	db	0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0A, 0x00, 0xFF
regs_mode13:
	db	0x63
	db	0x01, 0x0F, 0x00, 0x0E
	db	0x5F, 0x4F, 0x50, 0x82, 0x54, 0x80, 0xBF, 0x1F, 0x00, 0x41, 0x00, 0x00, 0x00
	db	0x00, 0x00, 0x00, 0x9C, 0x0E, 0x8F, 0x28, 0x40, 0x96, 0xB9, 0xA3, 0xFF
	db	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B
	db	0x0C, 0x0D, 0x0E, 0x0F, 0x41, 0x00, 0x0F, 0x00
	db	0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x05, 0x0F, 0xFF

; The grey ramp of DAC entries 16-31 in mode 13h (6-bit levels).
grey_ramp:
	db	0, 5, 8, 11, 14, 17, 20, 24, 28, 32, 36, 40, 45, 50, 56, 63

video_functions:
	dw	video_set_mode		; 00h
	dw	video_cursor_shape	; 01h
	dw	video_set_cursor	; 02h
	dw	video_get_cursor	; 03h
	dw	video_done		; 04h light pen: none
	dw	video_set_page		; 05h
	dw	video_scroll_up		; 06h
	dw	video_scroll_down	; 07h
	dw	video_read_char		; 08h
	dw	video_write_char_attr	; 09h
	dw	video_write_char	; 0Ah
	dw	video_done		; 0Bh CGA palette: nothing on a VGA in these modes
	dw	video_write_pixel	; 0Ch
	dw	video_read_pixel	; 0Dh
	dw	video_teletype		; 0Eh
	dw	video_get_mode		; 0Fh
	dw	video_palette		; 10h
	dw	video_font		; 11h
	dw	video_alt_select	; 12h
	dw	video_write_string	; 13h
VIDEO_FUNCTIONS	equ	0x14

int10_video:
	sti
	cld
	push	es
	push	ds
	push	bp
	push	di
	push	si
	push	dx
	push	cx
	push	bx
	push	ax
	mov	bp, sp
	mov	si, BDA_SEG
	mov	ds, si
	cmp	ah, 0x1A
	je	video_dcc
	cmp	ah, VIDEO_FUNCTIONS
	jae	video_done		; unknown functions change nothing
	push	ax
	mov	al, ah
	xor	ah, ah
	shl	ax, 1
	mov	si, ax
	pop	ax
	jmp	[cs:video_functions + si]

video_done:
	pop	ax
	pop	bx
	pop	cx
	pop	dx
	pop	si
	pop	di
	pop	bp
	pop	ds
	pop	es
	iret

; video_mode_entry: SI = the video_modes entry of mode AL, CF=1 if none.
video_mode_entry:
	mov	si, video_modes
.next:	cmp	byte [cs:si], 0xFF
	je	.none
	cmp	[cs:si], al
	je	.found
	add	si, VMODE_ENTRY
	jmp	.next
.found:	clc
	ret
.none:	stc
	ret

; video_segment: ES = the current mode's memory (B800h, B000h or A000h).
video_segment:
	push	ax
	push	si
	mov	al, [BDA_VID_MODE]
	call	video_mode_entry
	mov	ax, 0xB800
	jc	.set
	test	byte [cs:si+3], VMODE_MONO
	jz	.gfx
	mov	ax, 0xB000
.gfx:	test	byte [cs:si+3], VMODE_GRAPHICS
	jz	.set
	mov	ax, 0xA000
.set:	mov	es, ax
	pop	si
	pop	ax
	ret

; video_is_graphics: ZF=0 when the current mode is a graphics mode.
video_is_graphics:
	cmp	byte [BDA_VID_MODE], 0x13
	jne	.text
	test	sp, sp			; ZF=0
	ret
.text:	cmp	al, al			; ZF=1
	ret

; --- AH=00h: set mode AL (bit 7: keep video memory) ---
video_set_mode:
	mov	bl, al
	and	al, 0x7F
	call	video_mode_entry
	jc	video_done		; a mode this VGA BIOS does not offer
	mov	[BDA_VID_MODE], al
	mov	al, [cs:si+1]
	xor	ah, ah
	mov	[BDA_VID_COLS], ax
	mov	al, [cs:si+2]
	mov	[BDA_VID_ROWS], al
	mov	ax, [cs:si+4]
	mov	[BDA_VID_PAGESZ], ax
	mov	word [BDA_VID_PAGEOFF], 0
	mov	byte [BDA_VID_PAGE], 0
	mov	word [BDA_CHAR_HEIGHT], 16
	mov	word [BDA_CURSOR_SHAPE], 0x0D0E
	mov	ax, 0x3D4
	test	byte [cs:si+3], VMODE_MONO
	jz	.crtc
	mov	ax, 0x3B4
.crtc:	mov	[BDA_CRTC_PORT], ax
	mov	byte [BDA_VID_EGA_MISC], 0x60
	mov	byte [BDA_VID_EGA_SW], 0x09
	mov	byte [BDA_VID_VGA_FL], 0x11
	mov	byte [BDA_VID_DCC], 0x08
	mov	byte [BDA_VID_MSR], 0x29
	mov	byte [BDA_VID_PAL], 0x30
	push	di
	mov	di, BDA_CURSOR_POS
	push	ds
	pop	es
	xor	ax, ax
	mov	cx, 8
	rep	stosw
	pop	di
	push	bx
	push	si
	mov	si, [cs:si+6]
	call	vga_load_registers
	pop	si
	pop	bx
	test	byte [cs:si+3], VMODE_GRAPHICS
	jnz	.palette
	call	vga_load_font
.palette:
	call	vga_default_palette
	test	bl, 0x80
	jnz	video_done
	call	video_segment
	xor	di, di
	mov	cx, 0x8000		; words: the whole 64 KB window
	xor	ax, ax
	test	byte [cs:si+3], VMODE_GRAPHICS
	jnz	.clear
	mov	ax, 0x0720		; a space, light grey on black
	mov	cx, 0x4000
.clear:	rep	stosw
	jmp	video_done

; vga_reg: register AL of the index/data pair at DX = AH (two byte
; writes, as the VGA's index and data ports are separate registers).
vga_reg:
	push	ax
	out	dx, al
	inc	dx
	mov	al, ah
	out	dx, al
	dec	dx
	pop	ax
	ret

; vga_load_registers: program the register set at CS:SI.
vga_load_registers:
	mov	dx, VGA_SEQ
	mov	ax, 0x0100		; synchronous reset while the clock changes
	call	vga_reg
	mov	dx, VGA_MISC_W
	mov	al, [cs:si]
	inc	si
	out	dx, al
	mov	dx, VGA_SEQ
	mov	ah, 1
.seq:	mov	al, ah
	out	dx, al
	inc	dx
	mov	al, [cs:si]
	out	dx, al
	dec	dx
	inc	si
	inc	ah
	cmp	ah, 5
	jb	.seq
	mov	ax, 0x0300		; out of reset
	call	vga_reg
	mov	dx, [BDA_CRTC_PORT]
	mov	ax, 0x0011		; CRTC 11h bit 7 protects registers 0-7
	call	vga_reg
	xor	ah, ah
.crtc:	mov	al, ah
	out	dx, al
	inc	dx
	mov	al, [cs:si]
	out	dx, al
	dec	dx
	inc	si
	inc	ah
	cmp	ah, 0x19
	jb	.crtc
	add	dx, 6			; input status 1 resets the flip-flop
	in	al, dx
	mov	dx, VGA_AC
	xor	ah, ah
.attr:	mov	al, ah
	out	dx, al
	mov	al, [cs:si]
	out	dx, al
	inc	si
	inc	ah
	cmp	ah, 0x14
	jb	.attr
	mov	dx, VGA_GC
	xor	ah, ah
.gc:	mov	al, ah
	out	dx, al
	inc	dx
	mov	al, [cs:si]
	out	dx, al
	dec	dx
	inc	si
	inc	ah
	cmp	ah, 9
	jb	.gc
	; fall through
; vga_enable_display: the attribute controller's palette address source bit
; (20h) gives the screen back to the CRTC after palette writes.
vga_enable_display:
	push	dx
	push	ax
	mov	dx, [BDA_CRTC_PORT]
	add	dx, 6
	in	al, dx
	mov	dx, VGA_AC
	mov	al, 0x20
	out	dx, al
	pop	ax
	pop	dx
	ret

; vga_load_font: the 8x16 font into plane 2, 32 bytes per character, with
; the sequencer and graphics controller set for plain planar access, then
; back to odd/even text addressing (IBM VGA Technical Reference, "loading a
; character font").
vga_load_font:
	push	ds
	push	si
	push	di
	push	cx
	mov	dx, VGA_SEQ
	mov	ax, 0x0402		; map mask: plane 2
	call	vga_reg
	mov	ax, 0x0704		; memory mode: sequential, no odd/even
	call	vga_reg
	mov	dx, VGA_GC
	mov	ax, 0x0204		; read map 2
	call	vga_reg
	mov	ax, 0x0005		; write mode 0, no odd/even
	call	vga_reg
	mov	ax, 0x0406		; A0000h, 64 KB, graphics-style addressing
	call	vga_reg
	mov	ax, 0xA000
	mov	es, ax
	push	cs
	pop	ds
	mov	si, font8x16
	xor	di, di
	mov	dx, 256
.glyph:	mov	cx, 8
	rep	movsw
	add	di, 16
	dec	dx
	jnz	.glyph
	mov	dx, VGA_SEQ
	mov	ax, 0x0302		; planes 0 and 1: characters and attributes
	call	vga_reg
	mov	ax, 0x0204		; odd/even
	call	vga_reg
	mov	dx, VGA_GC
	mov	ax, 0x0004
	call	vga_reg
	mov	ax, 0x1005
	call	vga_reg
	mov	ax, 0x0E06		; B8000h, 32 KB, odd/even
	pop	cx
	pop	di
	pop	si
	pop	ds
	cmp	byte [BDA_VID_MODE], 7
	jne	.colour
	mov	ax, 0x0A06
.colour:
	call	vga_reg
	ret

; vga_default_palette: DAC entries 0-63 as the EGA's 64 colours (each of
; R, G, B from two bits: 2/3 and 1/3 of full scale, rgbRGB order), and in
; mode 13h entries 0-15 the 16 text colours and 16-31 a grey ramp, as the
; VGA BIOS sets them.
vga_default_palette:
	push	bx
	push	cx
	push	si
	mov	dx, VGA_DAC_WRITE
	xor	al, al
	out	dx, al
	inc	dx
	xor	bl, bl
.entry:	mov	ah, 0x04		; red: bits 2 and 5
	call	.level
	mov	ah, 0x02		; green: bits 1 and 4
	call	.level
	mov	ah, 0x01		; blue: bits 0 and 3
	call	.level
	inc	bl
	cmp	bl, 64
	jb	.entry
	cmp	byte [BDA_VID_MODE], 0x13
	jne	.done
	mov	dx, VGA_DAC_WRITE
	xor	al, al
	out	dx, al
	inc	dx
	xor	si, si
.text:	mov	bl, [cs:regs_text80 + 1 + 4 + 25 + si]	; the text attribute map
	mov	ah, 0x04
	call	.level
	mov	ah, 0x02
	call	.level
	mov	ah, 0x01
	call	.level
	inc	si
	cmp	si, 16
	jb	.text
	xor	si, si
.grey:	mov	al, [cs:grey_ramp + si]
	out	dx, al
	out	dx, al
	out	dx, al
	inc	si
	cmp	si, 16
	jb	.grey
.done:	pop	si
	pop	cx
	pop	bx
	ret
; .level: AL = 2Ah * (BL & AH ? 1 : 0) + 15h * (BL & AH<<3 ? 1 : 0), sent to DX.
.level:	xor	al, al
	test	bl, ah
	jz	.low
	mov	al, 0x2A
.low:	mov	cl, 3
	shl	ah, cl
	test	bl, ah
	jz	.out
	add	al, 0x15
.out:	out	dx, al
	ret

; --- AH=01h: cursor shape, CH = start line, CL = end line (bit 5 of CH
; hides it) ---
video_cursor_shape:
	mov	[BDA_CURSOR_SHAPE], cx
	mov	dx, [BDA_CRTC_PORT]
	mov	al, 0x0A
	mov	ah, ch
	call	vga_reg
	mov	al, 0x0B
	mov	ah, cl
	call	vga_reg
	jmp	video_done

; --- AH=02h: cursor of page BH to row DH, column DL ---
video_set_cursor:
	call	set_cursor
	jmp	video_done

; set_cursor: page BH's cursor to DX; the CRTC follows when BH is active.
set_cursor:
	push	ax
	push	bx
	push	dx
	and	bx, 0x0700
	mov	al, bh
	xor	ah, ah
	mov	bx, ax
	shl	bx, 1
	mov	[BDA_CURSOR_POS + bx], dx
	cmp	al, [BDA_VID_PAGE]
	jne	.done
	call	crtc_cursor
.done:	pop	dx
	pop	bx
	pop	ax
	ret

; crtc_cursor: the CRTC's cursor location (registers 0Eh/0Fh, in characters
; from the start of video memory) for row DH, column DL of the active page.
crtc_cursor:
	push	ax
	push	bx
	push	dx
	mov	al, dh
	mul	byte [BDA_VID_COLS]
	xor	dh, dh
	add	ax, dx
	mov	bx, [BDA_VID_PAGEOFF]
	shr	bx, 1
	add	bx, ax
	mov	dx, [BDA_CRTC_PORT]
	mov	al, 0x0E
	mov	ah, bh
	call	vga_reg
	mov	al, 0x0F
	mov	ah, bl
	call	vga_reg
	pop	dx
	pop	bx
	pop	ax
	ret

; get_cursor: DX = page BH's cursor.
get_cursor:
	push	bx
	mov	bl, bh
	and	bx, 7
	shl	bx, 1
	mov	dx, [BDA_CURSOR_POS + bx]
	pop	bx
	ret

; --- AH=03h: DX = page BH's cursor, CX = the cursor shape ---
video_get_cursor:
	call	get_cursor
	mov	[bp+V_DX], dx
	mov	ax, [BDA_CURSOR_SHAPE]
	mov	[bp+V_CX], ax
	jmp	video_done

; --- AH=05h: show page AL ---
video_set_page:
	and	al, 7
	mov	[BDA_VID_PAGE], al
	xor	ah, ah
	mul	word [BDA_VID_PAGESZ]
	mov	[BDA_VID_PAGEOFF], ax
	shr	ax, 1
	mov	bx, ax
	mov	dx, [BDA_CRTC_PORT]
	mov	al, 0x0C		; start address
	mov	ah, bh
	call	vga_reg
	mov	al, 0x0D
	mov	ah, bl
	call	vga_reg
	mov	bh, [BDA_VID_PAGE]
	call	get_cursor
	call	crtc_cursor
	jmp	video_done

; char_address: ES:DI = the cell at row DH, column DL of page BH.
char_address:
	push	ax
	push	dx
	call	video_segment
	mov	al, bh
	and	ax, 7
	mul	word [BDA_VID_PAGESZ]
	mov	di, ax
	pop	dx
	push	dx
	mov	al, dh
	mul	byte [BDA_VID_COLS]
	xor	dh, dh
	add	ax, dx
	shl	ax, 1
	add	di, ax
	pop	dx
	pop	ax
	ret

; --- AH=06h/07h: scroll the window CH,CL (top left) - DH,DL (bottom
; right) of the active page up or down by AL lines (0: clear it), filling
; with attribute BH ---
video_scroll_up:
	xor	si, si
	jmp	video_scroll
video_scroll_down:
	mov	si, 1
video_scroll:
	call	video_is_graphics
	jnz	video_done
	call	scroll_window
	jmp	video_done

; scroll_window: the work of AH=06h/07h; SI = 0 up, 1 down.
scroll_window:
	mov	ah, [BDA_VID_ROWS]
	cmp	dh, ah
	jbe	.rows_ok
	mov	dh, ah
.rows_ok:
	mov	ah, [BDA_VID_COLS]
	dec	ah
	cmp	dl, ah
	jbe	.cols_ok
	mov	dl, ah
.cols_ok:
	cmp	ch, dh
	ja	.done
	cmp	cl, dl
	ja	.done
	mov	ah, dh
	sub	ah, ch
	inc	ah			; window height
	test	al, al
	jz	.all
	cmp	al, ah
	jb	.some
.all:	mov	al, ah
.some:	push	bx
	mov	ah, bh			; AH = fill attribute
	mov	bh, al			; BH = lines to move by
	mov	bl, dl
	sub	bl, cl
	inc	bl			; BL = window width
	test	si, si
	jnz	.down
	mov	dl, ch			; DL = line being filled, top down
.up_line:
	mov	al, dl
	add	al, bh
	cmp	al, dh
	ja	.up_blank
	call	copy_line
	jmp	.up_next
.up_blank:
	call	blank_line
.up_next:
	inc	dl
	cmp	dl, dh
	jbe	.up_line
	pop	bx
.done:	ret
.down:	mov	al, dh
	mov	dh, ch			; DH = top line
	mov	dl, al			; DL = line being filled, bottom up
.down_line:
	mov	al, dl
	sub	al, bh
	jb	.down_blank
	cmp	al, dh
	jb	.down_blank
	call	copy_line
	jmp	.down_next
.down_blank:
	call	blank_line
.down_next:
	cmp	dl, dh
	je	.down_end
	dec	dl
	jmp	.down_line
.down_end:
	pop	bx
	ret

; copy_line: line AL, columns CL.. (BL wide), onto line DL (active page).
copy_line:
	push	si
	push	ax
	push	cx
	push	dx
	push	ds
	push	ax
	push	bx
	mov	dh, dl
	mov	dl, cl
	mov	bh, [BDA_VID_PAGE]
	call	char_address		; ES:DI = destination
	pop	bx
	pop	ax
	push	di
	push	bx
	mov	dh, al
	mov	bh, [BDA_VID_PAGE]
	call	char_address
	mov	si, di			; source
	pop	bx
	pop	di
	mov	cl, bl
	xor	ch, ch
	push	es
	pop	ds
	rep	movsw
	pop	ds
	pop	dx
	pop	cx
	pop	ax
	pop	si
	ret

; blank_line: line DL, columns CL.. (BL wide), to spaces of attribute AH.
blank_line:
	push	ax
	push	cx
	push	dx
	push	bx
	mov	dh, dl
	mov	dl, cl
	mov	bh, [BDA_VID_PAGE]
	call	char_address
	pop	bx
	mov	cl, bl
	xor	ch, ch
	mov	al, ' '
	rep	stosw
	pop	dx
	pop	cx
	pop	ax
	ret

; --- AH=08h: AL = character, AH = attribute at page BH's cursor ---
video_read_char:
	call	video_is_graphics
	jnz	video_done
	call	get_cursor
	call	char_address
	mov	ax, [es:di]
	mov	[bp+V_AX], ax
	jmp	video_done

; --- AH=09h: CX times character AL, attribute BL, at page BH's cursor ---
video_write_char_attr:
	call	video_is_graphics
	jnz	video_done
	call	get_cursor
	call	char_address
	mov	ah, bl
	rep	stosw
	jmp	video_done

; --- AH=0Ah: CX times character AL at the cursor, attributes kept ---
video_write_char:
	call	video_is_graphics
	jnz	video_done
	call	get_cursor
	call	char_address
	jcxz	.done
.next:	stosb
	inc	di
	loop	.next
.done:	jmp	video_done

; pixel_address: ES:DI = pixel CX, DX of mode 13h (320 bytes a line); CF=1
; outside the screen or in another mode.
pixel_address:
	cmp	byte [BDA_VID_MODE], 0x13
	jne	.out
	cmp	cx, 320
	jae	.out
	cmp	dx, 200
	jae	.out
	push	ax
	push	dx
	mov	ax, 320
	mul	dx
	add	ax, cx
	mov	di, ax
	mov	ax, 0xA000
	mov	es, ax
	pop	dx
	pop	ax
	clc
	ret
.out:	stc
	ret

; --- AH=0Ch: pixel CX, DX to colour AL. Bit 7 asks for XOR in the
; 16-colour modes only (RBIL): in mode 13h it is part of the colour ---
video_write_pixel:
	call	pixel_address
	jc	.done
	mov	[es:di], al
.done:	jmp	video_done

; --- AH=0Dh: AL = the colour of pixel CX, DX ---
video_read_pixel:
	call	pixel_address
	jc	.done
	mov	al, [es:di]
	mov	[bp+V_AX], al
.done:	jmp	video_done

; --- AH=0Eh: teletype: character AL on the active page, interpreting BEL,
; BS, CR and LF, wrapping and scrolling; also sent to the serial console ---
video_teletype:
	call	teletype
	jmp	video_done

teletype:
	call	serial_console_putc
	mov	bh, [BDA_VID_PAGE]
	call	get_cursor
	cmp	al, 7
	je	.done
	cmp	al, 8
	je	.bs
	cmp	al, 13
	je	.cr
	cmp	al, 10
	je	.lf
	call	video_is_graphics
	jnz	.advance
	call	char_address
	mov	[es:di], al
.advance:
	inc	dl
	cmp	dl, [BDA_VID_COLS]
	jb	.set
	xor	dl, dl
.lf:	inc	dh
	cmp	dh, [BDA_VID_ROWS]
	jbe	.set
	mov	dh, [BDA_VID_ROWS]
	call	video_is_graphics
	jnz	.set
	push	dx
	push	cx
	push	si
	mov	dl, [BDA_VID_COLS]
	dec	dl
	call	char_address		; the new line takes the cursor's attribute
	mov	bh, [es:di+1]
	xor	cx, cx
	mov	al, 1
	xor	si, si
	call	scroll_window
	pop	si
	pop	cx
	pop	dx
	mov	bh, [BDA_VID_PAGE]
	jmp	.set
.bs:	test	dl, dl
	jz	.done
	dec	dl
	jmp	.set
.cr:	xor	dl, dl
.set:	call	set_cursor
.done:	ret

; --- AH=0Fh: AL = mode, AH = columns, BH = active page ---
video_get_mode:
	mov	al, [BDA_VID_MODE]
	mov	ah, [BDA_VID_COLS]
	mov	[bp+V_AX], ax
	mov	al, [BDA_VID_PAGE]
	mov	[bp+V_BX+1], al
	jmp	video_done

; --- AH=10h: the attribute controller's palette and the DAC ---
video_palette:
	cmp	al, 0x00
	je	.set_one
	cmp	al, 0x01
	je	.overscan
	cmp	al, 0x02
	je	.set_all
	cmp	al, 0x03
	je	.blink
	cmp	al, 0x07
	je	.get_one
	cmp	al, 0x08
	je	.get_overscan
	cmp	al, 0x10
	je	.dac_set
	cmp	al, 0x12
	je	.dac_set_block
	cmp	al, 0x15
	je	.dac_get
	cmp	al, 0x17
	je	.dac_get_block
	jmp	video_done
.set_one:				; register BL = BH
	mov	al, bl
	mov	ah, bh
	call	attr_write
	jmp	.end
.overscan:
	mov	al, 0x11
	mov	ah, bh
	call	attr_write
	jmp	.end
.set_all:				; 16 registers and the overscan from ES:DX
	mov	es, [bp+V_ES]
	mov	si, dx
	xor	al, al
.all:	mov	ah, [es:si]
	call	attr_write
	inc	si
	inc	al
	cmp	al, 16
	jb	.all
	mov	al, 0x11
	mov	ah, [es:si]
	call	attr_write
	jmp	.end
.blink:					; BL = 1 blink, 0 intensity
	mov	al, 0x10
	call	attr_read
	and	ah, 0xF7
	test	bl, 1
	jz	.noblink
	or	ah, 0x08
.noblink:
	call	attr_write
	jmp	.end
.get_one:
	mov	al, bl
	call	attr_read
	mov	[bp+V_BX+1], ah
	jmp	.end
.get_overscan:
	mov	al, 0x11
	call	attr_read
	mov	[bp+V_BX+1], ah
	jmp	.end
.dac_set:				; entry BX = red DH, green CH, blue CL
	mov	al, bl
	mov	dx, VGA_DAC_WRITE
	out	dx, al
	inc	dx
	mov	al, [bp+V_DX+1]
	out	dx, al
	mov	al, ch
	out	dx, al
	mov	al, cl
	out	dx, al
	jmp	video_done
.dac_set_block:				; CX entries from BX, ES:DX: R, G, B each
	mov	es, [bp+V_ES]
	mov	si, dx
	mov	al, bl
	mov	dx, VGA_DAC_WRITE
	out	dx, al
	inc	dx
	mov	ax, cx
	shl	cx, 1
	add	cx, ax
	jcxz	.dac_set_done
.dac_byte:
	mov	al, [es:si]
	out	dx, al
	inc	si
	loop	.dac_byte
.dac_set_done:
	jmp	video_done
.dac_get:
	mov	al, bl
	mov	dx, VGA_DAC_READ
	out	dx, al
	add	dx, 2
	in	al, dx
	mov	[bp+V_DX+1], al
	in	al, dx
	mov	[bp+V_CX+1], al
	in	al, dx
	mov	[bp+V_CX], al
	jmp	video_done
.dac_get_block:
	mov	es, [bp+V_ES]
	mov	di, dx
	mov	al, bl
	mov	dx, VGA_DAC_READ
	out	dx, al
	add	dx, 2
	mov	ax, cx
	shl	cx, 1
	add	cx, ax
	jcxz	.dac_get_done
.dac_in:
	in	al, dx
	stosb
	loop	.dac_in
.dac_get_done:
	jmp	video_done
.end:	call	vga_enable_display
	jmp	video_done

; attr_write: attribute controller register AL = AH.
attr_write:
	push	dx
	push	ax
	mov	dx, [BDA_CRTC_PORT]
	add	dx, 6
	in	al, dx
	pop	ax
	push	ax
	mov	dx, VGA_AC
	out	dx, al
	mov	al, ah
	out	dx, al
	pop	ax
	pop	dx
	ret

; attr_read: AH = attribute controller register AL.
attr_read:
	push	dx
	push	ax
	mov	dx, [BDA_CRTC_PORT]
	add	dx, 6
	in	al, dx
	pop	ax
	mov	dx, VGA_AC
	out	dx, al
	inc	dx
	mov	ah, al
	in	al, dx
	xchg	al, ah
	pop	dx
	ret

; --- AH=11h: the character generator. AL=04h/14h reload the 8x16 font;
; AL=30h: font information: BH selects (0: INT 1Fh's table, 1: INT 43h's,
; 6: the 8x16 font; others also answer with the 8x16 font, the only one in
; this ROM); ES:BP = the table, CX = bytes per character, DL = rows - 1 ---
video_font:
	cmp	al, 0x30
	je	.info
	cmp	al, 0x04
	je	.load
	cmp	al, 0x14
	jne	.done
.load:	call	video_is_graphics
	jnz	.done
	call	vga_load_font
.done:	jmp	video_done
.info:	xor	ax, ax
	mov	es, ax
	mov	bl, bh
	cmp	bl, 0
	je	.vector_1f
	cmp	bl, 1
	je	.vector_43
	mov	word [bp+V_BP], font8x16
	mov	word [bp+V_ES], BIOS_SEG
	jmp	.size
.vector_1f:
	mov	ax, [es:0x1F*4]
	mov	[bp+V_BP], ax
	mov	ax, [es:0x1F*4+2]
	mov	[bp+V_ES], ax
	jmp	.size
.vector_43:
	mov	ax, [es:0x43*4]
	mov	[bp+V_BP], ax
	mov	ax, [es:0x43*4+2]
	mov	[bp+V_ES], ax
.size:	mov	ax, [BDA_CHAR_HEIGHT]
	mov	[bp+V_CX], ax
	mov	al, [BDA_VID_ROWS]
	mov	[bp+V_DX], al
	jmp	video_done

; --- AH=12h BL=10h: EGA/VGA information: BH = 0 (colour), BL = 3 (256 KB),
; CX = 0 (feature bits and switches) ---
video_alt_select:
	cmp	bl, 0x10
	jne	.done
	mov	word [bp+V_BX], 0x0003
	mov	word [bp+V_CX], 0x0000
.done:	jmp	video_done

; --- AH=13h: write the string ES:BP of CX characters at row DH, column DL
; of page BH. AL bit 0: move the cursor to its end; bit 1: the string
; alternates characters and attributes (else attribute BL) ---
video_write_string:
	mov	es, [bp+V_ES]
	mov	si, [bp+V_BP]
	mov	di, ax			; DI = the mode in AL
	push	dx			; [bp-2]: where the string goes
	call	get_cursor
	push	dx			; [bp-4]: the cursor before
	mov	dx, [bp-2]
	call	set_cursor
	jcxz	.end
.next:	mov	al, [es:si]
	inc	si
	mov	ah, bl
	test	di, 2
	jz	.plain
	mov	ah, [es:si]
	inc	si
.plain:	push	di
	push	es
	push	bx
	cmp	al, 7
	je	.tty
	cmp	al, 8
	je	.tty
	cmp	al, 10
	je	.tty
	cmp	al, 13
	je	.tty
	call	video_is_graphics
	jnz	.tty
	push	ax
	call	get_cursor
	call	char_address
	pop	ax
	mov	[es:di+1], ah
.tty:	call	teletype
	pop	bx
	pop	es
	pop	di
	loop	.next
.end:	pop	dx			; the cursor before
	pop	ax			; (where the string went)
	test	di, 1
	jnz	.done
	call	set_cursor
.done:	jmp	video_done

; --- AH=1Ah: display combination code. AL=00h read: AL = 1Ah, BL = 08h
; (VGA with a colour analog display), BH = 00h (no second display);
; AL=01h write: accepted ---
video_dcc:
	cmp	al, 1
	ja	.done
	mov	byte [bp+V_AX], 0x1A
	test	al, al
	jnz	.done
	mov	word [bp+V_BX], 0x0008
.done:	jmp	video_done
