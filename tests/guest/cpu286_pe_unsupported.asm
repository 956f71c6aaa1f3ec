; tests/guest/cpu286_pe_unsupported.asm — the 286's protected mode is not emulated:
; setting CR0.PE (here with LMSW) must stop the run with status 122 and a
; line that says so, not run on with real-mode segments.
%include "guest.inc"
	cpu	286

TEST "smsw reads the 286 machine status word"
	smsw	ax
	and	ax, 1
	EXPECT	ax, 0		; PE is clear after reset
	mov	ax, 1
	lmsw	ax		; x86lab stops here
	mov	al, 0		; not reached: would report success
	out	EXIT_PORT, al
