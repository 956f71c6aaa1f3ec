#!/usr/bin/env bash
# scripts/bench_display.sh — what the SDL window costs the guest: the same
# guests run with --display none and with the window on a virtual X server
# (Xvfb, through xvfb-run), each RUNS times; the best run of each counts,
# since the machine may be busy with other work. Two guests: the fixed
# instruction mix of tests/bench/bench.asm (the screen does not change, so
# the window only polls events and redraws its status line), and
# tests/bench/bench_screen.asm, which rewrites the text screen without
# pause (a full redraw every frame). It counts the CPU time x86lab used (user
# plus system, all its threads, from GNU time) as well as the wall time. The
# window draws on a thread of its own, so the CPU time includes its work
# beside the guest's: the guest's own speed is the wall-clock MIPS, which
# on a machine shared with other work also measures the others.
# Figures, not a test.
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

# best_of DISPLAY GUEST: of $runs runs, the lowest CPU time and the lowest
# wall time, and the instruction count, as "CPU WALL INSNS".
best_of() {
	local cpu="" wall="" insns=0
	for _ in $(seq "$runs"); do
		local out c w
		out=$(/usr/bin/time -f 'TIME %U %S %e' "$x86lab" run --display "$1" \
			--load "$work/$2.bin@0000:7C00" 2>&1 >/dev/null)
		c=$(awk '/^TIME/ { print $2 + $3 }' <<<"$out")
		w=$(awk '/^TIME/ { print $4 }' <<<"$out")
		insns=$(sed -n 's/.* after \([0-9]*\) instructions.*/\1/p' <<<"$out")
		if [ -z "$cpu" ] || awk -v a="$c" -v b="$cpu" 'BEGIN { exit !(a < b) }'; then cpu=$c; fi
		if [ -z "$wall" ] || awk -v a="$w" -v b="$wall" 'BEGIN { exit !(a < b) }'; then wall=$w; fi
	done
	echo "$cpu $wall $insns"
}

# report LABEL GUEST START_CPU START_WALL: CPU time and MIPS without and
# with the window, and the difference once the window's start-up is taken
# off.
report() {
	local none sdl
	none=$(best_of none "$2")
	sdl=$(xvfb-run -a -s "-screen 0 1024x768x24" "$0" --inner "$2")
	awk -v l="$1" -v n="$none" -v s="$sdl" -v st="$3" -v sw="$4" 'BEGIN {
		split(n, a, " "); split(s, b, " ");
		printf "  %-32s none %5.2f s CPU (%5.2f wall)  sdl %5.2f s CPU (%5.2f wall)  CPU %+5.1f%%, %+5.1f%% without start-up\n",
		       l, a[1], a[2], b[1], b[2], (b[1] / a[1] - 1) * 100, ((b[1] - st) / a[1] - 1) * 100;
		printf "  %-32s %.1f MIPS per CPU second without the window, %.1f with it\n",
		       "", a[3] / a[1] / 1e6, a[3] / (b[1] - st) / 1e6;
		printf "  %-32s %.1f MIPS wall clock without the window, %.1f with it (%+.1f%% with the window, start-up taken off)\n",
		       "", a[3] / a[2] / 1e6, a[3] / (b[2] - sw) / 1e6, (a[2] / (b[2] - sw) - 1) * 100 }'
}

if [ "${1:-}" = "--inner" ]; then # under xvfb-run: the SDL runs
	best_of sdl "$2"
	exit 0
fi

echo "x86lab guest speed without and with the SDL window (Xvfb), best of $runs runs"
[ -x /usr/bin/time ] || { echo "bench_display: needs GNU time (/usr/bin/time; Debian: time)" >&2; exit 1; }
read -r startup startup_wall _ < <(xvfb-run -a -s "-screen 0 1024x768x24" "$0" --inner quick)
printf "  opening and closing the window: %.2f s CPU, %.2f s wall\n" "$startup" "$startup_wall"
echo "  (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
report "instruction mix (bench.asm)" bench "$startup" "$startup_wall"
report "screen rewritten (bench_screen)" bench_screen "$startup" "$startup_wall"
