#!/usr/bin/env bash
# tests/guest/ata_read.sh X86LAB GUEST IMAGE — the guest reads and writes the
# IDE master by PIO. Without --rw the image file must not change; with --rw
# on a copy, sector 4 must hold what the guest wrote.
set -u
x86lab=$1
guest=$2
image=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$image" "$work/disk.img"
cp "$image" "$work/rw.img"
args=(run --quiet --max-insns 1000000 --debugcon stdio --load "$guest@1000:0100")

"$x86lab" "${args[@]}" --hda "$work/disk.img" || { echo "FAIL: the guest failed"; exit 1; }
if ! cmp "$image" "$work/disk.img"; then
	echo "FAIL: the image changed without --rw"
	exit 1
fi
"$x86lab" "${args[@]}" --hda "$work/rw.img" --rw || { echo "FAIL: the guest failed with --rw"; exit 1; }
if cmp -s "$image" "$work/rw.img" ||
	[ "$(od -An -tx1 -j 2048 -N 2 "$work/rw.img" | tr -d ' ')" != 3412 ]; then
	echo "FAIL: with --rw, sector 4 does not hold the guest's write"
	exit 1
fi
echo "the guest's writes stayed in the overlay, and reached the file with --rw"
