#!/usr/bin/env bash
# tests/guest/qemu_guest.sh QEMU BOOT.bin TEST.bin [CPU] — run a guest test
# on QEMU as the oracle: a floppy image with qemu_boot.asm's boot sector and
# the test behind it, the debug console on stdout, and QEMU's exit device at
# port 0xF4, which turns status s into exit code 2s+1. Exits 0 when the test
# passed, 1 when it failed, 2 when QEMU did not report (a crash or a hang).
set -u
qemu=$1 boot=$2 test=$3 cpu=${4:-486}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
size=$(stat -c %s "$test")
if [ "$size" -gt $((112 * 512)) ]; then
	echo "qemu_guest: $test is larger than the 112 sectors the boot sector reads" >&2
	exit 2
fi
dd if=/dev/zero of="$work/floppy.img" bs=512 count=2880 status=none
dd if="$boot" of="$work/floppy.img" conv=notrunc status=none
dd if="$test" of="$work/floppy.img" bs=512 seek=1 conv=notrunc status=none
timeout 60 "$qemu" -cpu "$cpu" -display none -no-reboot -monitor none \
	-drive file="$work/floppy.img",format=raw,if=floppy \
	-debugcon stdio -device isa-debug-exit,iobase=0xf4,iosize=1
case $? in
1) exit 0 ;;
3) exit 1 ;;
*) exit 2 ;;
esac
