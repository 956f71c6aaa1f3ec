; tests/guest/selftest_fail.asm — a check that is false on purpose, so that
; the framework itself is tested: this program must print a FAIL line for
; line 8 and exit with status 1 (CMake expects exactly that output).
%include "guest.inc"

TEST "selftest: a false EXPECT must fail"
	mov	ax, 1
	EXPECT	ax, 2
PASS
