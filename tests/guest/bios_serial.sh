#!/bin/bash
# tests/guest/bios_serial.sh X86LAB IMAGE — the BIOS's serial console: COM1
# on stdio, keys piped into stdin. The guest (bios_serial.asm) checks the
# keys itself; here the text it printed through INT 10h must come out on
# stdout, after the BIOS's own banner (also INT 10h).
x86lab=$1 img=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$out"; exit 1; }

printf 'xy\r' | "$x86lab" run --max-insns 50000000 --serial stdio --debugcon stdio \
	--fda "$img" >"$out" 2>&1
status=$?
[ "$status" -eq 0 ] || fail "status $status, want 0"
for want in "x86lab BIOS" "Boot from A: ok" "teletype text on COM1" "[sent by INT 14h]" "PASS"; do
	grep -qF "$want" "$out" || fail "no '$want' on stdout"
done
echo "serial console ok"
