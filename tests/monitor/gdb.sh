#!/usr/bin/env bash
# tests/monitor/gdb.sh X86LAB BINDIR — the monitor hands the guest to gdb
# and takes it back: --gdb at the start and the 'gdb' command; gdb steps and
# detaches (the prompt returns, 'regs' marks what gdb changed), gdb kills the
# guest (status 121), the guest ends under gdb (its status, 7).
set -u
x86lab=$1
bindir=$2
. "$(dirname "$0")/../support/script.sh"
require_gdb

# start NAME COMMANDS OPTIONS...: the monitor in the background on
# steps.bin, running COMMANDS (a script); sets PID.
start() {
	local name=$1 cmds=$2
	shift 2
	printf '%s\n' "$cmds" >"$work/$name.cmd"
	"$x86lab" monitor --cpu 8086 --load "$bindir/steps.bin@1000:0100" -x "$work/$name.cmd" \
		"$@" >"$work/$name.out" 2>&1 &
	PID=$!
	pids+=("$PID")
}

# attach NAME GDB_COMMANDS: wait for the next 'waiting for gdb' line, then
# run gdb -batch with GDB_COMMANDS on that port.
attach() {
	local name=$1 cmds=$2 port= seen
	seen=$(grep -c "^waiting for gdb" "$work/$name.out" 2>/dev/null)
	for _ in $(seq 100); do
		port=$(sed -n 's/^waiting for gdb on 127\.0\.0\.1:\([0-9]*\):.*/\1/p' \
			"$work/$name.out" | sed -n "$((${ATTACHED:-0} + 1))p")
		[ -n "$port" ] && break
		sleep 0.1
	done
	if [ -z "$port" ]; then
		fail "$name: the monitor did not wait for gdb (seen $seen)"
		return 1
	fi
	ATTACHED=$((${ATTACHED:-0} + 1))
	printf 'set architecture i8086\ntarget remote :%s\n%s\n' "$port" "$cmds" >"$work/$name.gdb"
	timeout 60 gdb -batch -nx -x "$work/$name.gdb" >"$work/$name.log" 2>&1 ||
		fail "$name: gdb failed (status $?)"
}

# finish NAME STATUS: the monitor ends (within 20 s) with STATUS.
finish() {
	local name=$1 want=$2 got
	for _ in $(seq 200); do
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.1
	done
	kill -0 "$PID" 2>/dev/null && kill "$PID"
	wait "$PID"
	got=$?
	[ "$got" -eq "$want" ] || fail "$name: the monitor exited with $got, want $want"
	ATTACHED=0
}

# expect NAME TEXT: the monitor's output has a line equal to TEXT.
expect() {
	grep -qxF -- "$2" "$work/$1.out" || fail "$1: no line '$2' in the monitor's output"
}

# --gdb at the start: two stepi, detach; then the script's regs.
start detach 'regs' --gdb 0
attach detach $'stepi\nstepi\ndetach'
finish detach 0
expect detach "gdb detached; the guest is back in the monitor"
expect detach "=> 1000:0106  01 D8                add ax,bx"
expect detach "AX=1234* BX=0002* CX=0000  DX=0000  SI=0000  DI=0000  BP=0000  SP=FFFE"

# The gdb command in a script, twice: a detach, then a kill.
start command $'step\ngdb 0\nregs\ngdb 0\nregs\nstep'
attach command $'stepi\ndetach'
attach command 'kill'
finish command 121
expect command "=> 1000:0106  01 D8                add ax,bx"
expect command "guest ended: killed from gdb after 2 instructions"
expect command "error: the guest has ended; 'reset' starts it again"

# The guest ends while gdb runs it: the monitor reports it, status 7.
start ends 'regs' --gdb 0
attach ends 'continue'
finish ends 7
expect ends "guest ended: exit status 7 from port 0xF4 after 57 instructions"

if [ "$failures" -ne 0 ]; then
	for f in "$work"/*.out "$work"/*.log; do
		echo "--- $(basename "$f")"
		sed 's/^/  | /' "$f"
	done
	echo "$failures monitor gdb check(s) failed"
	exit 1
fi
echo "all monitor gdb checks passed"
