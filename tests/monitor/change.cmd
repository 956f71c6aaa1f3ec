# Changing the machine by hand: registers (whole, halves, segments, IP,
# FLAGS, single flags), bytes and text in memory, files into and out of
# memory; and the errors.
set ax 0x1234
set al 0xff
set ah=0x7f
set bx = -1
set cx 2 + 3
set zf 1
set cf 1
set ds 0x2000
regs
set flags 0
set ip 0x103
regs
step
set eax 1
set fs 0
set foo 1
set zf 2
set al 256
set al -129
set ax
set
set ax nosuch
write ds:0x200 1 2 0xff -1 "Hi there" 0
x ds:0x200 16
write 2000:0x210 "quote\"s\\" 0
x 2000:0x210 9
write ds:0x200
write p:0x2000000 1
write ds:0x200 256
write ds:0x200 "unclosed
write p:0xfffffe 1 2 3
load steps.bin 3000:0000
x 3000:0 8
load steps.bin p:0xffffff
load nosuch.bin 0
load steps.bin
save out.bin 3000:0 8
save hi.txt 1000:0x14c 3
save out.bin 3000:0 0
save /nonexistent/x 0 1
save x.bin p:0xfffff0 0x20
