# The same tables read by a 286: it ignores each descriptor's top word, so
# bases have 24 bits, limits 16, there is no D/B or G bit, and 32-bit gates
# and TSSs keep only their low offset word (80286 manual, chapter 6).
set gdtr 0x10200 0x5f
set idtr 0x10300 0x7f
gdt
set msw 1
idt
sregs
set dr7 1
set cr3 0
