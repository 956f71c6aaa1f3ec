#!/usr/bin/env bash
# tests/guest/determinism.sh X86LAB GUEST — guest time is virtual, so an
# interrupt-driven guest (the PIT tick counter) runs the same way every
# time: two traces of every instruction must be identical, and not empty.
set -u
x86lab=$1
guest=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for run in 1 2; do
	printf 'trace on %s\ncontinue\nquit\n' "$work/trace$run" >"$work/cmds$run"
	"$x86lab" monitor -q -x "$work/cmds$run" --max-insns 2000000 \
		--load "$guest@1000:0100" >"$work/out$run" 2>&1
	status=$?
	if [ "$status" -ne 0 ]; then
		echo "FAIL: run $run ended with status $status:"
		cat "$work/out$run"
		exit 1
	fi
done
lines=$(wc -l <"$work/trace1")
if [ "$lines" -lt 1000 ]; then
	echo "FAIL: the trace has only $lines lines"
	exit 1
fi
if ! cmp -s "$work/trace1" "$work/trace2"; then
	echo "FAIL: two runs of the same guest differ:"
	diff "$work/trace1" "$work/trace2" | head -20
	exit 1
fi
echo "two runs, $lines traced instructions each, identical"
