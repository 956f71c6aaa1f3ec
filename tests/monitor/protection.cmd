# explain in protected mode: descriptors, limits and privilege checks for
# segment loads, memory operands, far transfers, INT n, IRET and RETF, at
# CPL 0 and then at CPL 3. tables.asm holds the tables and the instructions
# (one every 16 bytes from 1000:0500).
set gdtr 0x10200 0x5f
set idtr 0x10300 0x7f
set cr0 0x11
set cs 0x08
set ds 0x10
set es 0x20
set ss 0x10
set ldtr 0x30
set tr 0x28
set eip 0x500
set ax 0x10
explain
set ax 0x43
explain
set ax 0x4b
explain
set ax 0x28
explain
set eip 0x510
set ax 0x40
explain
set ax 0x10
explain
set eip 0x520
write l:0x1fffe 0x5b 0
explain
set eip 0x530
explain
set eip 0x540
set bx 0xfff0
set si 0x000b
explain
set eip 0x550
explain
set eip 0x560
explain
set eip 0x570
explain
set eip 0x580
explain
set eip 0x590
explain
set eip 0x5a0
explain
set sp 0xfff0
write l:0x1fff0 0x40 0x01 0x08 0x00 0x02 0x00
set eip 0x5b0
explain
set eip 0x5c0
explain
set eip 0x5d0
explain
set eip 0x5e0
explain
# CPL 3: a code segment of the LDT with DPL 3
set cs 0x0f
set eip 0x500
set ax 0x10
explain
set eip 0x560
explain
set eip 0x570
explain
set eip 0x590
explain
set eip 0x5a0
explain
set eip 0x5f0
set ax 0
explain
