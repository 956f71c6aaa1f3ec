; tests/guest/floppy_disk.asm — the 1.44M image for floppy_read: cylinder 0,
; head 1, sector 2 (LBA 19) starts with a signature, the rest is zeros.
	times	19 * 512 db 0
	db	"x86lab floppy C0 H1 S2"
	times	1474560 - ($ - $$) db 0
