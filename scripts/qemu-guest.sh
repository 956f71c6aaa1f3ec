#!/usr/bin/env bash
# scripts/qemu-guest.sh TEST.asm [qemu options] — run a guest test under
# qemu-system-i386 as an independent check of x86lab: the test is assembled,
# put on a floppy image behind tests/guest/qemu_boot.asm and booted with the
# debug console on stdout. Prints QEMU's exit code: 1 = pass, 3 = fail
# (QEMU's isa-debug-exit turns status s into 2s+1).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
src=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
nasm -f bin -I "$top/tests/guest/" -o "$work/boot.bin" "$top/tests/guest/qemu_boot.asm"
nasm -f bin -I "$top/tests/guest/" -o "$work/test.bin" "$src"
dd if=/dev/zero of="$work/floppy.img" bs=512 count=2880 status=none
dd if="$work/boot.bin" of="$work/floppy.img" conv=notrunc status=none
dd if="$work/test.bin" of="$work/floppy.img" bs=512 seek=1 conv=notrunc status=none
status=0
timeout 30 qemu-system-i386 -display none -no-reboot -drive format=raw,if=floppy,file="$work/floppy.img" \
	-debugcon stdio -device isa-debug-exit,iobase=0xf4,iosize=1 "$@" || status=$?
echo
echo "qemu exit code $status"
