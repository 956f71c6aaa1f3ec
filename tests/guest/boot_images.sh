#!/bin/bash
# tests/guest/boot_images.sh X86LAB FLOPPY_IMG HD_IMG — 'x86lab run IMAGE'
# tells a floppy image (by its size) from a hard-disk image (by its MBR),
# --boot picks the order, and images that cannot boot say why and end
# instead of hanging. FLOPPY_IMG and HD_IMG are guest tests that report
# "Boot from A: ok" / "Boot from C: ok" through the BIOS and pass.
x86lab=$1 fd=$2 hd=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$work/out
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$out"; exit 1; }
run() { "$x86lab" run --max-insns 50000000 --serial stdio "$@" </dev/null >"$out" 2>&1; }
expect() { grep -qF -- "$1" "$out" || fail "$2: no '$1'"; }

run "$fd"
[ $? -eq 0 ] || fail "a floppy image as IMAGE: status not 0"
expect "Boot from A: ok" "a floppy image as IMAGE"
run "$hd"
[ $? -eq 0 ] || fail "a hard-disk image as IMAGE: status not 0"
expect "Boot from C: ok" "a hard-disk image as IMAGE"

# POST writes its codes to port 0x80 in order, 01h to 0Ah (bios/bda.inc),
# before the boot sector runs.
run --post "$fd"
codes=$(grep -o 'POST [0-9A-F][0-9A-F]' "$out" | tr '\n' ' ')
[ "$codes" = "POST 01 POST 02 POST 03 POST 04 POST 05 POST 06 POST 07 POST 08 POST 09 POST 0A " ] ||
	fail "POST codes: '$codes'"

# Both drives: the default order tries A: first, --boot c and ca C:.
run --fda "$fd" --hda "$hd"
expect "Boot from A: ok" "default order"
run --boot c --fda "$fd" --hda "$hd"
expect "Boot from C: ok" "--boot c"
grep -qF "Boot from A:" "$out" && fail "--boot c tried A:"
run --boot ca --fda "$fd" --hda "$hd"
expect "Boot from C: ok" "--boot ca"

# A floppy without the boot signature: the BIOS says so and halts.
head -c 1474560 /dev/zero >"$work/blank.img"
run --fda "$work/blank.img"
status=$?
expect "Boot from A: not bootable (no 55AA signature)" "a blank floppy"
expect "No bootable disk" "a blank floppy"
expect "halted after" "a blank floppy"
[ "$status" -eq 0 ] || fail "a blank floppy: status $status (want 0: halted)"
# ... and then the hard disk, if it is next.
run --fda "$work/blank.img" --hda "$hd"
expect "Boot from C: ok" "a blank floppy, then C:"

# Images x86lab refuses before the machine starts (status 2).
refuse() {
	run "$1"
	status=$?
	[ "$status" -eq 2 ] || fail "$2: status $status, want 2"
	expect "$3" "$2"
}
head -c 100 /dev/zero >"$work/tiny.img"
refuse "$work/tiny.img" "a 100-byte image" "too small for a disk image"
head -c 1048576 /dev/zero >"$work/nombr.img"
refuse "$work/nombr.img" "1 MiB without an MBR" "neither a floppy image"
head -c 1000 /dev/zero >"$work/odd.img"
refuse "$work/odd.img" "1000 bytes" "not a whole number of 512-byte sectors"
# The signature alone is no MBR: a partition entry's boot indicator must be 00h or 80h.
cp "$work/nombr.img" "$work/badpart.img"
printf '\x12' | dd of="$work/badpart.img" bs=1 seek=446 conv=notrunc status=none
printf '\x55\xaa' | dd of="$work/badpart.img" bs=1 seek=510 conv=notrunc status=none
refuse "$work/badpart.img" "a bad boot indicator" "neither a floppy image"
printf '\x00' | dd of="$work/badpart.img" bs=1 seek=446 conv=notrunc status=none
printf '\xfa\xf4' | dd of="$work/badpart.img" bs=1 seek=0 conv=notrunc status=none # cli; hlt
run "$work/badpart.img"
expect "Boot from C: ok" "an empty MBR with the signature"
expect "halted after" "an empty MBR with the signature"
refuse "$work/missing.img" "a missing file" "cannot open"
refuse "$work" "a directory" "not a regular file"
run --hda "$hd" "$hd"
[ $? -eq 2 ] || fail "IMAGE and --hda both: status not 2"
expect "already names" "IMAGE and --hda both"
run --boot x "$fd"
[ $? -eq 2 ] || fail "--boot x: status not 2"
expect "--boot 'x'" "--boot x"
echo "boot images ok"
