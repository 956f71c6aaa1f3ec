#!/usr/bin/env bash
# scripts/bench.sh — interpreter speed on a fixed instruction mix
# (tests/bench/bench.asm): instructions, seconds and millions of instructions
# per second for each CPU model, and, when qemu-system-i386 is installed, the
# wall time QEMU (TCG) needs for the same boot sector. Figures, not a test:
# nothing here fails on a slow machine.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
x86lab=$build/tools/x86lab
rounds=${ROUNDS:-40000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$x86lab" ] || { echo "bench: build first (make build)" >&2; exit 1; }
nasm -f bin -o "$work/bench.bin" "$top/tests/bench/bench.asm"
# The outer loop count is the word at offset 2.
printf "$(printf '\\x%02x\\x%02x' $((rounds & 255)) $((rounds >> 8)))" |
	dd of="$work/bench.bin" bs=1 seek=2 conv=notrunc status=none

now() { date +%s.%N; }

echo "x86lab interpreter, $rounds rounds of tests/bench/bench.asm"
for cpu in 8086 286 386; do
	t0=$(now)
	summary=$("$x86lab" run --cpu "$cpu" --load "$work/bench.bin@0000:7C00" 2>&1 >/dev/null)
	t1=$(now)
	insns=$(sed -n 's/.* after \([0-9]*\) instructions.*/\1/p' <<<"$summary")
	awk -v c="$cpu" -v n="$insns" -v a="$t0" -v b="$t1" \
		'BEGIN { s = b - a; printf "  %-5s %11d instructions %7.3f s %8.1f MIPS\n", c, n, s, n / s / 1e6 }'
done

# The same mix with paging on (every access through the TLB), beside the
# same harness with paging off.
if [ -x "$build/tests/bench/bench_paging" ]; then
	echo "x86lab interpreter, 386 in protected mode with and without paging (tests/bench/bench_paging.c)"
	"$build/tests/bench/bench_paging" "$work/bench.bin"
fi

if command -v qemu-system-i386 >/dev/null 2>&1; then
	dd if=/dev/zero of="$work/floppy.img" bs=512 count=2880 status=none
	dd if="$work/bench.bin" of="$work/floppy.img" conv=notrunc status=none
	t0=$(now)
	qemu-system-i386 -display none -no-reboot -fda "$work/floppy.img" \
		-device isa-debug-exit,iobase=0xf4,iosize=1 >/dev/null 2>&1 || true
	t1=$(now)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "qemu-system-i386 (TCG), same boot sector, BIOS boot included: %.3f s\n", b - a }'
else
	echo "qemu-system-i386 not installed: no comparison (apt-get install qemu-system-x86)"
fi
