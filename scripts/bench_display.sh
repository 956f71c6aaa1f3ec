#!/usr/bin/env bash
# scripts/bench_display.sh — what the SDL window costs the guest: the same
# guests run with --display none and with the window on a virtual X server
# (Xvfb, through xvfb-run), each RUNS times; the best run of each counts,
# since the machine may be busy with other work. Two guests: the fixed
# instruction mix of tests/bench/bench.asm (the screen does not change, so
# the window only polls events and redraws its status line), and
# tests/bench/bench_screen.asm, which rewrites the text screen without
# pause (a full redraw every frame). Figures, not a test.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
x86lab=$build/tools/x86lab
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$x86lab" ] || { echo "bench_display: build first (make build)" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "bench_display: needs xvfb-run (Debian: xvfb)" >&2; exit 1; }

assemble() { # NAME ROUNDS
	nasm -f bin -o "$work/$1.bin" "$top/tests/bench/$1.asm"
	printf "$(printf '\\x%02x\\x%02x' $(($2 & 255)) $(($2 >> 8)))" |
		dd of="$work/$1.bin" bs=1 seek=2 conv=notrunc status=none
}
assemble bench "${ROUNDS:-40000}"
assemble bench_screen "${SCREENS:-4000}"
# A guest that ends at once (mov al, 0; out 0xF4, al; hlt): opening and
# closing the window, which the other figures include once.
printf '\xb0\x00\xe6\xf4\xf4' >"$work/quick.bin"

# best_of DISPLAY GUEST: the lowest wall time of $runs runs, and its
# instruction count, as "SECONDS INSNS".
best_of() {
	local best="" insns=0
	for _ in $(seq "$runs"); do
		local t0 t1 summary s
		t0=$(date +%s.%N)
		summary=$("$x86lab" run --display "$1" --load "$work/$2.bin@0000:7C00" 2>&1 >/dev/null)
		t1=$(date +%s.%N)
		s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
		insns=$(sed -n 's/.* after \([0-9]*\) instructions.*/\1/p' <<<"$summary")
		if [ -z "$best" ] || awk -v s="$s" -v b="$best" 'BEGIN { exit !(s < b) }'; then
			best=$s
		fi
	done
	echo "$best $insns"
}

# report LABEL GUEST START: the speed without and with the window, and the
# slowdown once the window's start-up time START is taken off.
report() {
	local none sdl
	none=$(best_of none "$2")
	sdl=$(xvfb-run -a -s "-screen 0 1024x768x24" "$0" --inner "$2")
	awk -v l="$1" -v n="$none" -v s="$sdl" -v st="$3" 'BEGIN {
		split(n, a, " "); split(s, b, " ");
		printf "  %-32s none %6.2f s %5.1f MIPS  sdl %6.2f s %5.1f MIPS  %+5.1f%% (%+5.1f%% without start-up)\n",
		       l, a[1], a[2] / a[1] / 1e6, b[1], b[2] / b[1] / 1e6, (b[1] / a[1] - 1) * 100,
		       ((b[1] - st) / a[1] - 1) * 100 }'
}

if [ "${1:-}" = "--inner" ]; then # under xvfb-run: the SDL runs
	best_of sdl "$2"
	exit 0
fi

echo "x86lab guest speed without and with the SDL window (Xvfb), best of $runs runs"
startup=$(xvfb-run -a -s "-screen 0 1024x768x24" "$0" --inner quick | cut -d' ' -f1)
printf "  opening and closing the window: %.2f s\n" "$startup"
report "instruction mix (bench.asm)" bench "$startup"
report "screen rewritten (bench_screen)" bench_screen "$startup"
