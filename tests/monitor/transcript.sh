#!/usr/bin/env bash
# tests/monitor/transcript.sh X86LAB BINDIR CMDFILE EXPECTED [--stdin] [OPTIONS...]
# Run 'x86lab monitor -x CMDFILE OPTIONS' (with --stdin: 'x86lab monitor
# OPTIONS <CMDFILE', commands from a pipe) in a fresh directory that holds
# copies of the guests (BINDIR/*.bin, *.lst), then compare what it printed
# (stdout and stderr together), its exit status, and every file the session
# wrote there, with EXPECTED after normalising what varies between runs:
#   - 'speed: N instructions in S s, M MIPS' becomes 'speed: (varies)'.
# UPDATE=1 writes the actual transcript to EXPECTED instead (check it line
# by line before committing it).
set -u
x86lab=$1 bindir=$2 cmdfile=$3 expected=$4
shift 4
stdin=0
if [ "${1:-}" = --stdin ]; then
	stdin=1
	shift
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
work=$tmp/session
mkdir "$work"

cp "$bindir"/*.bin "$bindir"/*.lst "$work"/
cp "$cmdfile" "$work"/
for extra in "$(dirname "$cmdfile")"/*.inc "$(dirname "$cmdfile")"/*.sym; do
	[ -e "$extra" ] && cp "$extra" "$work"/
done
cd "$work" || exit 1
ls -A >"$tmp/before"

if [ "$stdin" = 1 ]; then
	NO_COLOR=1 HOME="$tmp" "$x86lab" monitor "$@" <"$(basename "$cmdfile")" >"$tmp/output" 2>&1
else
	NO_COLOR=1 HOME="$tmp" "$x86lab" monitor -x "$(basename "$cmdfile")" "$@" >"$tmp/output" 2>&1 \
		</dev/null
fi
status=$?
{
	cat "$tmp/output"
	echo "[exit status $status]"
	ls -A | grep -vxF -f "$tmp/before" | sort | while read -r f; do
		echo "[file $f]"
		if grep -qP '[^\x09\x0A\x20-\x7E]' "$f"; then
			od -An -tx1 -v "$f"
		else
			cat "$f"
			[ -n "$(tail -c1 "$f")" ] && echo "[no newline at the end]"
		fi
	done
} | sed -E 's/^speed: .*/speed: (varies)/' >"$tmp/actual"

if [ "${UPDATE:-0}" = 1 ]; then
	cp "$tmp/actual" "$expected"
	echo "updated $expected"
	exit 0
fi
if ! diff -u "$expected" "$tmp/actual"; then
	echo "FAIL: the transcript of $(basename "$cmdfile") differs (- expected, + actual)"
	exit 1
fi
