#!/usr/bin/env bash
# tests/cli/post_port.sh X86LAB — --post-port: a guest's POST codes on port
# 0x190 are printed with --post, in order with those on port 0x80.
set -u
x86lab=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# mov dx,0x190; mov al,0x42; out dx,al; mov al,0x07; out 0x80,al; hlt
printf '\xba\x90\x01\xb0\x42\xee\xb0\x07\xe6\x80\xf4' >"$work/post.bin"
run() {
	"$x86lab" run --quiet --post --load "$work/post.bin@1000:0100" "$@" 2>&1 >/dev/null
}

got=$(run --post-port 0x190) || { echo "FAIL: status $? with --post-port 0x190"; exit 1; }
want=$'x86lab: POST 42\nx86lab: POST 07'
if [ "$got" != "$want" ]; then
	printf 'FAIL: with --post-port 0x190, got:\n%s\nwant:\n%s\n' "$got" "$want"
	exit 1
fi
got=$(run) || { echo "FAIL: status $? without --post-port"; exit 1; }
if [ "$got" != "x86lab: POST 07" ]; then
	printf 'FAIL: without --post-port, port 0x190 is not a POST port; got:\n%s\n' "$got"
	exit 1
fi
echo "POST codes on 0x190 and 0x80 printed in order"
