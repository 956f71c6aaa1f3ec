; tests/guest/selftest_fail_flags.asm — a false EXPECT_FLAGS on purpose: it
; must print the flags it checked, expected and found, and exit with status 1.
%include "guest.inc"

TEST "selftest: a false EXPECT_FLAGS must fail"
	xor	ax, ax			; ZF=1, CF=0
	EXPECT_FLAGS CF|ZF, SF
PASS
