#!/usr/bin/env bash
# tests/cli/realtime.sh X86LAB PIT_TICK_BIN — --realtime keeps guest time to
# the wall clock: 20 PIT ticks of 1 ms (20 ms of guest time, mostly halted)
# take at least 15 ms; without it the run still passes (no bound on speed).
set -u
x86lab=$1
bin=$2

run() {
	"$x86lab" run --quiet --max-insns 1000000 --load "$bin@1000:0100" "$@" >/dev/null
}

start=$(date +%s%N)
run --realtime || { echo "FAIL: with --realtime: status $?"; exit 1; }
ms=$((($(date +%s%N) - start) / 1000000))
if [ "$ms" -lt 15 ]; then
	echo "FAIL: 20 ms of guest time took $ms ms of wall time with --realtime"
	exit 1
fi
run || { echo "FAIL: without --realtime: status $?"; exit 1; }
echo "--realtime: 20 ms of guest time took $ms ms"
