#!/bin/bash
# tests/syslinux/syslinux_boot.sh X86LAB [MAX_INSNS [CPU]] — boot SYSLINUX (Debian's
# syslinux, a boot loader nobody here wrote) from a 1.44 MB FAT floppy with
# the built-in BIOS. Its boot sector and ldlinux.sys load through INT 13h;
# its core then runs in 32-bit protected mode and calls the BIOS by going
# back to real mode. Its config moves the console to COM1; a name is typed
# at its boot: prompt through the keyboard (--keys), and SYSLINUX's answer,
# that no such kernel is on the disk, shows that it read the keys (INT 16h)
# and searched the FAT file system (INT 13h) from protected mode.
#
# Needs mkfs.fat (dosfstools), syslinux (syslinux, syslinux-common) and
# mcopy (mtools): 'sh scripts/deps.sh --test' (which 'make test' runs)
# installs them; without them the test fails and says so.
set -u
x86lab=${1:?usage: syslinux_boot.sh X86LAB [MAX_INSNS [CPU]]}
max_insns=${2:-400000000}
cpu=${3:-386}
name=x86lab-marker
want="Loading $name... failed: No such file or directory"

for tool in mkfs.fat syslinux mcopy; do
	command -v "$tool" >/dev/null || { echo "syslinux_boot: $tool is missing (scripts/deps.sh --test)"; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkfs.fat -C "$work/floppy.img" 1440 >/dev/null || exit 2
syslinux --install "$work/floppy.img" || { echo "syslinux_boot: syslinux --install failed"; exit 2; }
printf 'SERIAL 0 9600\nPROMPT 1\nTIMEOUT 0\n' >"$work/syslinux.cfg"
mcopy -i "$work/floppy.img" "$work/syslinux.cfg" ::syslinux.cfg || exit 2

"$x86lab" run --cpu "$cpu" --serial stdio --max-insns "$max_insns" --keys "$name\n" "$work/floppy.img" \
	</dev/null >"$work/out" 2>&1
status=$?
if grep -qF "$want" "$work/out"; then
	echo "syslinux_boot: SYSLINUX answered the typed name: $want"
	exit 0
fi
echo "syslinux_boot: no answer from SYSLINUX; x86lab ended with status $status. The end of its output:"
tail -c 2000 "$work/out" | tr -d '\000'
exit 1
