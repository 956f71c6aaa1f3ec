# Running the guest (tests/monitor/steps.asm at 1000:0100): step into the
# call, finish back out of it, next over the INT and the REP MOVSB, until an
# address, continue to the end; errors once the guest has ended; reset.
step
step 2
step
stack 2
finish
regs
next 3
until 1000:0124
next
until 0x13a
step
next
continue
step
next
continue
finish
until 0x100
reset
next 4
regs
step 0
step -1
step x
until
until 1000:0100 5
until p:0x2000000
