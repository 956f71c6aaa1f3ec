#!/bin/bash
# tests/grub/grub_boot.sh X86LAB [MAX_INSNS [CPU]] — boot GRUB (Debian's
# grub-pc-bin) with the built-in BIOS: grub-mkrescue builds a hybrid image
# (an MBR that loads GRUB's core through INT 13h AH=42h) whose grub.cfg
# moves GRUB's console to the serial port and prints a marker. x86lab boots
# it with COM1 on stdout; the run stops at the marker (success) or at the
# instruction limit (failure, with the last lines shown).
#
# Needs grub-mkrescue (grub-common), the i386-pc modules (grub-pc-bin) and
# xorriso: 'sh scripts/deps.sh --test' (which 'make test' runs) installs
# them; without them the test fails and says so. ctest runs it as
# guest.grub (label grub): GRUB's core runs in protected mode and calls the
# BIOS from it by switching back to real mode for every disk read and key.
set -u
x86lab=${1:?usage: grub_boot.sh X86LAB [MAX_INSNS [CPU]]}
max_insns=${2:-2000000000}
cpu=${3:-386}
marker=X86LAB-GRUB-MARKER
modules=/usr/lib/grub/i386-pc

for tool in grub-mkrescue xorriso; do
	command -v "$tool" >/dev/null || { echo "grub_boot: $tool is missing (scripts/deps.sh --test)"; exit 2; }
done
[ -d "$modules" ] || { echo "grub_boot: $modules is missing (grub-pc-bin)"; exit 2; }

work=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/iso/boot/grub"
cat >"$work/iso/boot/grub/grub.cfg" <<CFG
serial --unit=0 --speed=9600 --word=8 --parity=no --stop=1
terminal_input serial
terminal_output serial
echo $marker
sleep 3600
CFG
if ! grub-mkrescue -d "$modules" -o "$work/grub.img" "$work/iso" >"$work/mkrescue.log" 2>&1; then
	echo "grub_boot: grub-mkrescue failed:"
	cat "$work/mkrescue.log"
	exit 2
fi

"$x86lab" run --cpu "$cpu" --serial stdio --max-insns "$max_insns" "$work/grub.img" \
	</dev/null >"$work/out" 2>&1 &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
	if grep -q "$marker" "$work/out"; then
		echo "grub_boot: GRUB printed the marker on COM1"
		exit 0
	fi
	sleep 0.2
done
wait "$pid"
status=$?
pid=
if grep -q "$marker" "$work/out"; then
	echo "grub_boot: GRUB printed the marker on COM1"
	exit 0
fi
echo "grub_boot: no marker; x86lab ended with status $status. The end of its output:"
tail -c 2000 "$work/out" | tr -d '\000'
exit 1
