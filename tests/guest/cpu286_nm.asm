; tests/guest/cpu286_nm.asm — #NM (vector 7) from ESC and WAIT with no
; coprocessor, for each combination of the MSW's EM, MP and TS that decides
; it (SDM Vol. 3, Table 2-2 "Action Taken By x87 FPU Instructions for
; Different Combinations of EM, MP, and TS"; 80286 manual, "WAIT" and
; "ESC"): ESC faults when EM or TS is set, WAIT only when MP and TS both
; are. The handler clears EM and TS, so the instruction runs again. Runs on
; the 286 and the 386; QEMU agrees.
%include "guest.inc"
	cpu	286

MP	equ	2
EM	equ	4
TS	equ	8

	xor	ax, ax
	mov	es, ax
	mov	word [es:7*4], nm_handler
	mov	[es:7*4+2], cs
	push	cs
	pop	es

; CHECK msw, escape faults (0/1), wait faults (0/1)
%macro CHECK 3
	mov	word [count], 0
	mov	word [nm_ip], 0
	smsw	ax
	and	ax, ~(MP|EM|TS)
	or	ax, %1
	lmsw	ax
%%esc:	fnop				; D9 D0, an ESC with no memory operand
	EXPECT	word [count], %2
 %if %2
	EXPECT	word [nm_ip], %%esc	; a fault: the ESC itself
 %endif
	mov	word [count], 0
	smsw	ax
	and	ax, ~(MP|EM|TS)
	or	ax, %1
	lmsw	ax
%%wait:	fwait
	EXPECT	word [count], %3
 %if %3
	EXPECT	word [nm_ip], %%wait
 %endif
%endmacro

TEST "EM=0 MP=0 TS=0: neither faults"
	CHECK	0, 0, 0
TEST "EM=0 MP=0 TS=1: ESC faults, WAIT does not"
	CHECK	TS, 1, 0
TEST "EM=0 MP=1 TS=0: neither faults"
	CHECK	MP, 0, 0
TEST "EM=0 MP=1 TS=1: both fault"
	CHECK	MP|TS, 1, 1
TEST "EM=1 MP=0 TS=0: ESC faults, WAIT does not"
	CHECK	EM, 1, 0
TEST "EM=1 MP=0 TS=1: ESC faults, WAIT does not"
	CHECK	EM|TS, 1, 0
TEST "EM=1 MP=1 TS=0: ESC faults, WAIT does not"
	CHECK	EM|MP, 1, 0
TEST "EM=1 MP=1 TS=1: both fault"
	CHECK	EM|MP|TS, 1, 1
	smsw	ax
	and	ax, ~(MP|EM|TS)
	lmsw	ax
	PASS

; Vector 7: count, note the faulting IP, clear EM and TS (MP stays).
nm_handler:
	push	bp
	mov	bp, sp
	push	ax
	inc	word [cs:count]
	mov	ax, [bp+2]
	mov	[cs:nm_ip], ax
	smsw	ax
	and	ax, ~(EM|TS)
	lmsw	ax
	pop	ax
	pop	bp
	iret

count:	dw	0
nm_ip:	dw	0
