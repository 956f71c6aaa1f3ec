; tests/guest/ata_disk.asm — the 64 KiB disk image for ata_read: sector 3
; starts with a signature, the rest is zeros.
	times	3 * 512 db 0
	db	"x86lab ATA sector 3"
	times	65536 - ($ - $$) db 0
