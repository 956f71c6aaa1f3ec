#!/bin/sh
# tests/display/screenshot.sh X86LAB GUEST.bin OUT.png EXPECTED.png — run a
# guest headless with --screenshot and compare the image, pixel for pixel,
# with the expected one (pngcmp.py).
set -eu
x86lab=$1 guest=$2 out=$3 expected=$4
rm -f "$out"
"$x86lab" run --quiet --max-insns 20000000 --debugcon none --load "$guest@1000:0100" \
	--screenshot "$out"
exec python3 "$(dirname "$0")/pngcmp.py" "$out" "$expected"
