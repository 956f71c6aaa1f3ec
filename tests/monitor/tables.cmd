# gdt, idt, ldt, tss: in real mode (not in use; idt shows the IVT), then on
# tables that tables.asm holds at fixed addresses, with GDTR, IDTR, CR0,
# LDTR and TR set by hand.
gdt
idt 0x21
ldt
tss
set gdtr 0x10200 0x5f
set idtr 0x10300 0x7f
gdt
gdt 0x18
gdt 0x1b 3
gdt 0x60
set cr0 0x11
set ldtr 0x30
set tr 0x28
sregs
ldt
ldt 0x0c 1
idt
idt 0x0d
idt 0x03 2
tss
tss 0x50
tss 0x08
set tr 0x10
set ldtr 0x28
set cs 0x60
set ds 0x28
set ds 0x10
set es 0x20
set ss 0x0f
sregs
set gdtr 0x10200
set dr7 0x401
p 1
