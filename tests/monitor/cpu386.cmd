# On a 386 the registers are 32 bits wide and there are FS and GS; sregs
# shows GDTR, IDTR and CR0.
regs
sregs
set eax 0x12345678
set fs 0x40
set eflags 0x200
step
regs
p eax
p eax >> 16
