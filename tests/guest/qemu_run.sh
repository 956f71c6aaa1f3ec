#!/usr/bin/env bash
# tests/guest/qemu_run.sh BOOT.BIN GUEST.BIN [QEMU -cpu MODEL] — run a guest
# test on QEMU, the independent oracle: a floppy image with qemu_boot.asm's
# boot sector and the guest after it; port 0xE9 to stdout, and the verdict
# on port 0xF4 (isa-debug-exit turns status s into exit code 2s+1, so a
# pass is 1). Exits 0 on a pass, 1 on a failure.
set -u
boot=$1 guest=$2 cpu=${3:-qemu32}
img=$(mktemp)
trap 'rm -f "$img"' EXIT
dd if=/dev/zero of="$img" bs=512 count=2880 status=none
dd if="$boot" of="$img" conv=notrunc status=none
dd if="$guest" of="$img" bs=512 seek=1 conv=notrunc status=none
timeout 60 qemu-system-i386 -cpu "$cpu" -display none -no-reboot \
	-drive file="$img",if=floppy,format=raw -debugcon stdio \
	-device isa-debug-exit,iobase=0xf4,iosize=1
[ $? -eq 1 ]
