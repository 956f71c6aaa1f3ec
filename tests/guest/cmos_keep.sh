#!/usr/bin/env bash
# tests/guest/cmos_keep.sh X86LAB GUEST — two runs with one --cmos file: the
# first writes a CMOS byte (status 10), the second finds it (status 20).
set -u
x86lab=$1
guest=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=(run --quiet --rtc 2026-11-27T10:20:30 --cmos "$work/cmos.bin" --load "$guest@1000:0100")

"$x86lab" "${args[@]}"
first=$?
"$x86lab" "${args[@]}"
second=$?
size=$(stat -c %s "$work/cmos.bin" 2>/dev/null || echo 0)
if [ "$first" -ne 10 ] || [ "$second" -ne 20 ] || [ "$size" -ne 128 ]; then
	echo "FAIL: statuses $first and $second (want 10 and 20), CMOS file of $size bytes"
	exit 1
fi
echo "the CMOS byte written in the first run was there in the second"
