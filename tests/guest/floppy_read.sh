#!/usr/bin/env bash
# tests/guest/floppy_read.sh X86LAB GUEST IMAGE — the guest reads drive A:
# through the FDC and DMA channel 2; a B: of no floppy's size is refused.
set -u
x86lab=$1
guest=$2
image=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$image" "$work/a.img"
args=(run --quiet --max-insns 1000000 --debugcon stdio --load "$guest@1000:0100")

"$x86lab" "${args[@]}" --fda "$work/a.img" || { echo "FAIL: the guest failed"; exit 1; }
if ! cmp "$image" "$work/a.img"; then
	echo "FAIL: the image changed"
	exit 1
fi
head -c 4096 "$image" >"$work/small.img"
if "$x86lab" "${args[@]}" --fda "$work/a.img" --fdb "$work/small.img" 2>/dev/null; then
	echo "FAIL: a 4096-byte floppy image was accepted"
	exit 1
fi
echo "the guest read C0 H1 S2 of A: by DMA"
