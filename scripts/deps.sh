#!/bin/sh
# scripts/deps.sh — check that the packages the build needs are installed
# (Debian/Ubuntu). As root, install the missing ones; otherwise print the
# command to run and fail. Silent when everything is there. With --test,
# also what the tests use beyond the build (tests/grub/grub_boot.sh: GRUB's
# i386-pc modules, grub-mkrescue and xorriso; tests/syslinux: SYSLINUX,
# mkfs.fat and mtools); with --bench, what make
# bench-display uses (Xvfb and GNU time).
set -eu

PACKAGES="cmake make gcc pkg-config nasm libcmocka-dev zlib1g-dev gdb python3 libreadline-dev console-data libsdl2-dev libpng-dev"
for group in "$@"; do
	case $group in
	--test) PACKAGES="$PACKAGES grub-pc-bin grub-common xorriso syslinux syslinux-common mtools dosfstools" ;; # tests/grub, tests/syslinux
	--bench) PACKAGES="$PACKAGES xvfb xauth time" ;;                 # make bench-display
	esac
done
# Commands to look for where there is no dpkg (not Debian).
TOOLS="cmake nasm cc"

installed() {
	status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
	[ "$status" = "install ok installed" ]
}

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps.sh: no dpkg-query, so not checking packages. x86lab needs cmake, make," >&2
	echo "  a C11 compiler (cc), pkg-config, nasm, and cmocka, zlib, readline, SDL2" >&2
	echo "  and libpng with headers (Xvfb for the display benchmark)." >&2
	missing=""
	for t in $TOOLS; do
		command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
	done
	if [ -n "$missing" ]; then
		echo "deps.sh: not found on PATH:$missing" >&2
		exit 1
	fi
	exit 0
fi

missing=""
for p in $PACKAGES; do
	installed "$p" || missing="$missing $p"
done
missing=${missing# }
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	echo "deps.sh: installing $missing" >&2
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
else
	echo "deps.sh: missing packages: $missing; install them with:" >&2
	echo "sudo apt-get install -y $missing"
	exit 1
fi
