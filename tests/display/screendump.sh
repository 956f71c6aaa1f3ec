#!/bin/sh
# tests/display/screendump.sh X86LAB GUEST.bin OUTDIR EXPECTED.png — the
# monitor's screendump after the guest has run, with the SDL window open
# (SDL's offscreen driver), compared pixel for pixel with the expected
# image; the monitor must report what it wrote.
set -eu
x86lab=$1 guest=$2 out=$3 expected=$4
png=$out/screendump.out.png
rm -f "$png"
printf 'continue\nscreendump %s\nquit\n' "$png" >"$out/screendump.cmd"
SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen} "$x86lab" monitor --display sdl --debugcon none \
	--load "$guest@1000:0100" -x "$out/screendump.cmd" >"$out/screendump.log" 2>&1 || true
cat "$out/screendump.log"
grep -q "wrote the text screen (720x400) to $png" "$out/screendump.log"
exec python3 "$(dirname "$0")/pngcmp.py" "$png" "$expected"
