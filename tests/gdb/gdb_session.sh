#!/usr/bin/env bash
# tests/gdb/gdb_session.sh X86LAB GUEST_BIN — real gdb against 'x86lab run
# --gdb': breakpoints, registers, memory, stepping, a watchpoint and the
# guest's exit (-S); kill; attaching to a running guest and detaching; a
# breakpoint under CS != 0. Fails when gdb is missing, misbehaves, or x86lab
# does.
set -u
x86lab=$1
guest=$2
. "$(dirname "$0")/../support/script.sh"
require_gdb

# start NAME ARGS...: x86lab run ARGS in the background on a free port
# (--gdb 0); sets PID and PORT from the line the stub prints.
start() {
	local name=$1
	shift
	"$x86lab" run --gdb 0 --load "$guest@0000:7C00" "$@" >"$work/$name.out" 2>"$work/$name.err" &
	PID=$!
	pids+=("$PID")
	PORT=
	for _ in $(seq 100); do
		PORT=$(sed -n 's/^x86lab: gdb stub listening on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' \
			"$work/$name.err")
		[ -n "$PORT" ] && return 0
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.1
	done
	fail "$name: x86lab did not announce its gdb port:"
	sed 's/^/  | /' "$work/$name.err"
	return 1
}

# finish NAME STATUS: x86lab must end (within 20 s) with STATUS.
finish() {
	local name=$1 want=$2 got
	for _ in $(seq 200); do
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$PID" 2>/dev/null; then
		fail "$name: x86lab still running after gdb finished"
		kill "$PID"
	fi
	wait "$PID"
	got=$?
	[ "$got" -eq "$want" ] || fail "$name: x86lab exited with $got, want $want"
}

# debug NAME COMMANDS: run gdb -batch on COMMANDS (after connecting).
debug() {
	local name=$1 cmds=$2
	printf 'set architecture i8086\ntarget remote :%s\n%s\n' "$PORT" "$cmds" >"$work/$name.gdb"
	timeout 60 gdb -batch -nx -x "$work/$name.gdb" >"$work/$name.log" 2>&1 ||
		fail "$name: gdb failed (status $?)"
}

# expect NAME TEXT: gdb's output for NAME contains TEXT (a fixed string).
expect() {
	grep -qF -- "$2" "$work/$1.log" || fail "$1: gdb's output lacks '$2'"
}

show_log() {
	echo "--- gdb output ($1) ---"
	cat "$work/$1.log"
	echo "--- x86lab stderr ($1) ---"
	cat "$work/$1.err"
}

# 0. Bad options and a port in use: one line on stderr, status 2.
usage_error() {
	local pattern=$1 got lines
	shift
	"$x86lab" run --load "$guest@0000:7C00" "$@" >/dev/null 2>"$work/usage.err"
	got=$?
	lines=$(grep -c . "$work/usage.err")
	if [ "$got" -ne 2 ] || [ "$lines" -ne 1 ] || ! grep -q -- "$pattern" "$work/usage.err"; then
		fail "x86lab run $*: status $got, $lines lines, want 2 and /$pattern/:"
		sed 's/^/  | /' "$work/usage.err"
	fi
}
usage_error "-S needs a port" -S
usage_error "--gdb-host needs a port" --gdb-host 127.0.0.1
usage_error "--gdb '70000' is not a TCP port" --gdb 70000
# TEST-NET-1: a numeric address no host has, so no DNS lookup is involved.
usage_error "--gdb: cannot listen on 192.0.2.1:0: " --gdb 0 --gdb-host 192.0.2.1
if start busy -S; then
	usage_error "--gdb: cannot listen on 127.0.0.1:$PORT: Address already in use" --gdb "$PORT"
	kill "$PID"
	wait "$PID" 2>/dev/null
fi

# 1. -S: stopped before the first instruction; the guest's own exit ends it.
if start main -S; then
	debug main 'break *0x7c10
continue
info registers
x/4xb 0x7c80
stepi
info registers eip
p/x $ax
watch *(short*)0x500
continue
p/x $eip
delete
continue'
	finish main 7
	before=$failures
	expect main '0x00007c00 in ?? ()'
	expect main 'Breakpoint 1, 0x00007c10 in ?? ()'
	expect main 'eax            0x1234'
	expect main 'ebx            0x5678'
	expect main 'eip            0x7c10'
	expect main $'0x7c80:\t0xde\t0xad\t0xbe\t0xef'
	expect main '0x00007c13 in ?? ()'
	expect main 'eip            0x7c13'
	expect main '$1 = 0xbeef'
	expect main 'Hardware watchpoint 2: *(short*)0x500'
	expect main 'Old value = 0'
	expect main 'New value = -16656'
	expect main '$2 = 0x7c17'
	expect main 'exited with code 07'
	[ "$failures" -eq "$before" ] || show_log main
fi

# 2. kill: x86lab ends with its documented status for it.
if start kill -S; then
	debug kill 'stepi
kill'
	finish kill 121
	grep -q 'x86lab: killed from gdb at 0000:7C03 after 1 instruction' "$work/kill.err" ||
		{ fail "kill: no summary line"; show_log kill; }
fi

# 3. attach to a running guest, move it, detach: the guest runs on to its exit.
if start attach --start 0000:7C40; then
	debug attach 'info registers eip
set $eip = 0x7c10
detach'
	finish attach 7
	before=$failures
	expect attach 'eip            0x7c40'
	expect attach 'detached'
	[ "$failures" -eq "$before" ] || show_log attach
fi

# 4. CS != 0: gdb's PC is IP while breakpoints are linear, so gdb shows the
# stop as a SIGTRAP; continuing runs the instruction there.
if start segment -S --start 07C0:0000; then
	debug segment 'break *0x7c10
continue
info registers cs eip
continue'
	finish segment 7
	before=$failures
	expect segment 'Program received signal SIGTRAP'
	expect segment 'cs             0x7c0'
	expect segment 'eip            0x10 '
	expect segment 'exited with code 07'
	[ "$failures" -eq "$before" ] || show_log segment
fi

if [ "$failures" -ne 0 ]; then
	echo "$failures check(s) failed"
	exit 1
fi
echo "gdb sessions: all checks passed"
