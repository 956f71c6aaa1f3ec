#!/usr/bin/env bash
# tests/cli/bad_input.sh X86LAB SST_DIR — bad input from the user must give
# one line on stderr that names the problem, a documented non-zero status,
# and never a crash (a status above 128 is a signal).
set -u
x86lab=$1
sst=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# expect STATUS PATTERN -- ARGS...: run x86lab ARGS, check status and stderr.
expect() {
	local want=$1 pattern=$2
	shift 3
	"$x86lab" "$@" >"$work/out" 2>"$work/err"
	local got=$? lines
	lines=$(grep -c . "$work/err")
	if [ "$got" -ne "$want" ] || ! grep -q -- "$pattern" "$work/err" || [ "$lines" -ne 1 ]; then
		echo "FAIL: x86lab $*: status $got (want $want), $lines stderr lines, want /$pattern/:"
		sed 's/^/  | /' "$work/err"
		failures=$((failures + 1))
	fi
}

head -c 1000 /dev/urandom >"$work/small.rom"
head -c 5000 /dev/urandom | gzip >"$work/junk.MOO.gz"
gzip -dc "$sst/8086/00.MOO.gz" | head -c 20000 >"$work/cut.MOO"
printf 'MOO \xff\xff\xff\xff' >"$work/hugechunk.MOO"
printf '\x90' >"$work/nop.bin"

expect 2 "'bogus' is not a command" -- bogus
expect 2 "unknown CPU '586'" -- run --cpu 586
expect 2 "--mem" -- run --mem 12Q
expect 2 "--mem" -- run --mem 0
expect 2 "unrecognized option\|unknown option" -- run --frobnicate
expect 2 "--max-insns" -- run --max-insns lots
expect 2 "No such file" -- run --bios "$work/missing.rom"
expect 2 "1000 bytes" -- run --bios "$work/small.rom"
expect 2 "No such file" -- run --load "$work/missing.bin@0:100"
expect 2 "SEG:OFF\|@" -- run --load "$work/nop.bin@zz"
expect 2 "--debugcon" -- run --debugcon printer
expect 2 "--ips" -- run --ips fast
expect 2 "--rtc" -- run --rtc 2026-13-01T00:00:00
expect 2 "--serial" -- run --serial printer
expect 2 "cannot open" -- run --serial file:"$work/no/such/dir/com1"
expect 2 "--serial" -- run --serial tcp:notaport
expect 2 "--serial2" -- run --serial2 tcp:70000
expect 2 "--post-port 'x190'" -- run --post-port x190
expect 2 "--post-port '0'" -- run --post-port 0
expect 2 "port 0x3F8: it belongs to com1" -- run --post-port 0x3f8 --load "$work/nop.bin@0:7c00"
# A TCP port someone else listens on: x86lab must not start.
python3 -c 'import socket, time; s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
print(s.getsockname()[1], flush=True); time.sleep(60)' >"$work/port" &
holder=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
expect 2 "in use" -- run --serial tcp:"$(cat "$work/port")"
kill "$holder"
head -c 100 /dev/zero >"$work/short.cmos"
expect 2 "128-byte" -- run --cmos "$work/short.cmos"
head -c 1000 /dev/zero >"$work/odd.img"
expect 2 "--hda: cannot open.*No such file" -- run --hda "$work/missing.img"
expect 2 "--hdb: .*multiple of 512" -- run --hdb "$work/odd.img"
expect 2 "--hda: .*not a disk image" -- run --hda "$work"
head -c 1024 /dev/zero >"$work/small.img"
expect 2 "--fda: cannot open.*No such file" -- run --fda "$work/missing.img"
expect 2 "--fdb: .*1024 bytes, not a 360K.*floppy image" -- run --fdb "$work/small.img"
expect 2 "--fda: .*multiple of 512" -- run --fda "$work/odd.img"
expect 1 "cannot open" -- sst "$work/missing.MOO.gz"
expect 1 "not a MOO file" -- sst "$work/junk.MOO.gz"
expect 1 "offset 0x" -- sst --quiet "$work/cut.MOO"
expect 1 "MOO" -- sst "$work/hugechunk.MOO"
expect 2 "unknown CPU 'z80'" -- sst --cpu z80 "$work/cut.MOO"
expect 2 "no test files" -- sst

if [ "$failures" -ne 0 ]; then
	echo "$failures bad-input case(s) failed"
	exit 1
fi
echo "all bad-input cases gave one line and the documented status"
