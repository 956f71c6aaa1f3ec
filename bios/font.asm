; bios/font.asm — the 8x16 code page 437 font: 256 glyphs of 16 bytes, one
; byte per scan line, most significant bit leftmost. INT 10h mode sets load
; it into the VGA's plane 2; INT 43h and INT 10h AX=1130h point at it. The
; glyphs come at build time from Debian's console-data (see bios/README.md):
; FONT_PSF is the unpacked PSF1 file, whose header is 4 bytes.

font8x16:
	incbin	FONT_PSF, 4, 4096
