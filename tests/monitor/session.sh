#!/usr/bin/env bash
# tests/monitor/session.sh X86LAB BINDIR — what the transcripts cannot show:
# bad command lines (one line, status 2), Ctrl-C stopping a running guest in
# a script (status 130), and a session at a terminal (readline through
# script(1)'s pseudo-terminal: the empty line that repeats a step, tab
# completion, Ctrl-C during 'continue' and at the prompt, Ctrl-D, the
# history file).
set -u
x86lab=$1
bindir=$2
. "$(dirname "$0")/../support/script.sh"

# usage STATUS PATTERN ARGS...: 'x86lab monitor ARGS' fails with STATUS and
# one line on stderr that matches PATTERN.
usage() {
	local want=$1 pattern=$2 got lines
	shift 2
	"$x86lab" monitor "$@" >"$work/out" 2>"$work/err" </dev/null
	got=$?
	lines=$(grep -c . "$work/err")
	if [ "$got" -ne "$want" ] || ! grep -q -- "$pattern" "$work/err" || [ "$lines" -ne 1 ]; then
		fail "x86lab monitor $*: status $got (want $want), $lines stderr lines, want /$pattern/:"
		sed 's/^/  | /' "$work/err"
	fi
}

usage 2 "unknown CPU '586'" --cpu 586
usage 2 "cannot read -x $work/missing.cmd" -x "$work/missing.cmd"
usage 2 "cannot open disk.img" disk.img
usage 2 "-S needs a port" -S
usage 2 "option '-x' needs a value" -x
usage 2 "unknown option '--frobnicate'" --frobnicate
"$x86lab" monitor --help >"$work/help" 2>&1 || fail "monitor --help: status $?"
grep -q "^usage: x86lab monitor" "$work/help" || fail "monitor --help: no usage line"
"$x86lab" help monitor >"$work/help2" 2>&1 || fail "help monitor: status $?"
cmp -s "$work/help" "$work/help2" || fail "'x86lab help monitor' differs from --help"

# Ctrl-C while a script runs the guest: the run stops, the script ends.
printf 'continue\nregs\n' >"$work/spin.cmd"
"$x86lab" monitor --load "$bindir/spin.bin@1000:0100" -x "$work/spin.cmd" >"$work/sigint" 2>&1 &
pid=$!
pids+=("$pid")
sleep 0.5
kill -INT "$pid"
wait "$pid"
status=$?
[ "$status" -eq 130 ] || fail "Ctrl-C in a script: status $status, want 130"
grep -q "^interrupted after [0-9]* instructions$" "$work/sigint" ||
	fail "Ctrl-C in a script: no 'interrupted after N instructions' line"
grep -q "(x86lab) regs" "$work/sigint" && fail "Ctrl-C in a script: the script went on"

# A person at a terminal, through script(1): each write waits a little so
# that readline sees the keys as typed.
if ! command -v script >/dev/null 2>&1; then
	fail "script(1) is not installed (util-linux); cannot test the terminal session"
else
	cp "$bindir/steps.lst" "$work/"
	(
		for keys in 'step\n' '\n' "symbols $work/steps.lst 0x10100\n" 'u dou\t1\n' \
			'help wa\t\n' 'continue\n' '\003' 'abc\003' 'p ax\n' '\004'; do
			printf "$keys"
			sleep 0.4
		done
	) | NO_COLOR=1 HOME="$work" timeout 30 script -qec \
		"$x86lab monitor --cpu 8086 --load $bindir/spin.bin@1000:0100" /dev/null \
		>"$work/tty.raw" 2>&1
	# Drop carriage returns and readline's bracketed-paste switches.
	sed -e 's/\r//g' -e 's/\x1b\[?2004[hl]//g' "$work/tty.raw" >"$work/tty"
	tty_expect() {
		grep -qF -- "$1" "$work/tty" || fail "terminal session: no line with '$1'"
	}
	tty_expect "'help' lists the commands; Ctrl-D or 'quit' leaves."
	tty_expect "  changed: AX=0001"
	[ "$(grep -c '^  changed: ' "$work/tty")" -eq 2 ] ||
		fail "terminal session: an empty line did not repeat 'step' once"
	tty_expect "(x86lab) u double 1"
	tty_expect "double:"
	tty_expect "(x86lab) help watch"
	tty_expect "usage: watch [r|w|rw] ADDR [LEN]"
	grep -q "interrupted after [0-9]* instructions" "$work/tty" ||
		fail "terminal session: Ctrl-C did not stop 'continue'"
	tty_expect "(x86lab) p ax"
	grep -q "abc" "$work/tty" && grep -q "error: unknown command 'abc" "$work/tty" &&
		fail "terminal session: Ctrl-C at the prompt did not drop the line"
	grep -qx "step" "$work/.x86lab_history" || fail "terminal session: no history file"
	if [ "$failures" -ne 0 ]; then
		echo "the terminal session was:"
		sed 's/^/  | /' "$work/tty"
	fi
fi

if [ "$failures" -ne 0 ]; then
	echo "$failures monitor session check(s) failed"
	exit 1
fi
echo "all monitor session checks passed"
