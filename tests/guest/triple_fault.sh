#!/usr/bin/env bash
# tests/guest/triple_fault.sh X86LAB ROM — --on-triple-fault: 'stop' (the
# default) ends the run with status 125 and names the faults, last first;
# 'reset' restarts the CPU at the reset vector, where the ROM's second boot
# exits 0; the same for 'x86lab monitor'. The expected chain follows from
# the SDM (see triple_fault.asm).
set -u
x86lab=$1
rom=$2
want_chain='triple fault: #GP(0x0011) while delivering #DF while delivering #NP'

for mode in default stop; do
	opts=()
	[ "$mode" = stop ] && opts=(--on-triple-fault stop)
	out=$("$x86lab" run --cpu 386 --max-insns 100000 --bios "$rom" "${opts[@]}" 2>&1)
	status=$?
	if [ "$status" != 125 ]; then
		printf 'FAIL (%s): status %s, want 125; output:\n%s\n' "$mode" "$status" "$out"
		exit 1
	fi
	if ! grep -qF "x86lab: $want_chain, at " <<<"$out"; then
		printf 'FAIL (%s): no "%s" in:\n%s\n' "$mode" "$want_chain" "$out"
		exit 1
	fi
done

out=$("$x86lab" run --cpu 386 --max-insns 100000 --bios "$rom" --on-triple-fault reset 2>&1)
status=$?
if [ "$status" != 0 ] || ! grep -q "reset after a triple fault" <<<"$out"; then
	printf 'FAIL (reset): status %s, want 0 and the second boot'"'"'s line; output:\n%s\n' \
		"$status" "$out"
	exit 1
fi

# The monitor takes the option too.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo continue >"$work/cmds"
out=$("$x86lab" monitor --quiet --cpu 386 --bios "$rom" -x "$work/cmds" 2>&1)
if ! grep -qF "$want_chain" <<<"$out"; then
	printf 'FAIL (monitor, stop): no "%s" in:\n%s\n' "$want_chain" "$out"
	exit 1
fi
out=$("$x86lab" monitor --quiet --cpu 386 --bios "$rom" --on-triple-fault reset -x "$work/cmds" 2>&1)
if ! grep -q "reset after a triple fault" <<<"$out"; then
	printf 'FAIL (monitor, reset): no second boot in:\n%s\n' "$out"
	exit 1
fi

out=$("$x86lab" run --on-triple-fault halt 2>&1)
if [ $? != 2 ] || ! grep -qF -- "--on-triple-fault 'halt': use stop or reset" <<<"$out"; then
	printf 'FAIL: a bad --on-triple-fault value must be a usage error; got:\n%s\n' "$out"
	exit 1
fi
echo "triple fault: stopped with the chain named, and reset into the second boot"
