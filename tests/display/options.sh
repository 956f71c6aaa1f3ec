#!/bin/sh
# tests/display/options.sh X86LAB GUEST.bin — the --display and
# --screenshot options' errors and the choice 'auto' makes: a bad name and
# --display term without a terminal are usage errors (status 2, nothing
# runs); auto without a display server or a terminal runs headless; an
# unwritable screenshot path is reported and turns the status into 2.
set -u
x86lab=$1 guest=$2
fail=0
check() { # DESCRIPTION WANT_STATUS PATTERN COMMAND...
	desc=$1 want=$2 pattern=$3
	shift 3
	out=$("$@" </dev/null 2>&1)
	status=$?
	if [ "$status" -ne "$want" ] || ! printf '%s' "$out" | grep -q -- "$pattern"; then
		echo "FAIL: $desc: status $status (want $want), output: $out"
		fail=1
	else
		echo "ok: $desc"
	fi
}
check "a bad --display name" 2 "say sdl, term, none or auto" \
	"$x86lab" run --display vga --load "$guest@1000:0100"
check "--display term without a terminal" 2 "needs a terminal" \
	"$x86lab" run --display term --load "$guest@1000:0100"
check "auto with neither a display server nor a terminal" 0 "PASS" \
	env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER \
	"$x86lab" run --quiet --display auto --load "$guest@1000:0100"
check "a screenshot that cannot be written" 2 "cannot write /nonexistent/dir/s.png" \
	"$x86lab" run --quiet --load "$guest@1000:0100" --screenshot /nonexistent/dir/s.png
exit $fail
