#!/bin/bash
# tests/guest/demo_disk.sh X86LAB CPU — 'x86lab run' without an image boots
# the built-in demo disk through the built-in BIOS and, with stdin not a
# terminal, ends by itself with status 0. Its text reaches stdout through
# COM1 (the BIOS mirrors INT 10h teletype output there). Expected: the
# default board's 16 MB (640 KB base less the 1 KB EBDA, 15 MB above 1 MB),
# 18 timer ticks a second, the keys given with --keys echoed.
x86lab=$1 cpu=$2
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$out"; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT

"$x86lab" run --cpu "$cpu" --max-insns 400000000 --keys 'hi{esc}' </dev/null >"$out" 2>&1
status=$?
[ "$status" -eq 0 ] || fail "status $status, want 0"
expect() { grep -qF -- "$1" "$out" || fail "no line with '$1'"; }
expect "x86lab BIOS"
expect "x86lab demo disk: booted by the x86lab BIOS from drive 80h"
expect "Base memory (INT 12h): 639 KB"
if [ "$cpu" = 386 ]; then
	expect "Memory map (INT 15h E820h):"
	expect "0000000000000000 length 000000000009FC00 usable RAM"
	expect "000000000009FC00 length 0000000000060400 reserved"
	expect "0000000000100000 length 0000000000F00000 usable RAM"
else
	expect "Extended memory (INT 15h E801h): 15360 KB to 16 MB, 0 x 64 KB above"
fi
expect "  18 ticks"
expect "  36 ticks"
expect "  54 ticks"
expect "hi"
expect "Demo finished."
expect "x86lab: exit status 0 from port 0xF4"

# Without keys it waits 10 s of guest time for one, then ends by itself.
"$x86lab" run --cpu "$cpu" --max-insns 400000000 </dev/null >"$out" 2>&1
status=$?
[ "$status" -eq 0 ] || fail "without keys: status $status, want 0"
expect "(no key for 10 s)"
echo "demo disk ok on the $cpu"
