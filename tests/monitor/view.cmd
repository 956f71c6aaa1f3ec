# Looking without changing: memory in bytes, words and doublewords, the
# stack, the interrupt vectors, the ports and their owners, port accesses by
# hand, disassembly from several kinds of address; and the errors.
x ds:0x14c 16
x/b 1000:014c 5
x/w ds:0x14c 4
x/d ds:0x14c 2
x l:0x1014c 3
x p:0x1014c 3
x ds:0xfffc 8
x/q ds:0
x p:0xffffff 2
x nosuch
x
x ds:0 0
stack
stack 3
ivt 2
ivt 0x80 1
until 0x126
ivt 0x80 1
stack 3
ivt 0
ivt 0x100 1
ivt 1 2 3
ports
io 0xe9
io 0x300
io/w 0x300
io 0xe9=0x41
io/w 0xe9=0x4241
io 0x80=0x3c
ports
io 0x10000
io/q 0x300
io 0xe9=0x100
io 0xe9 = 1
io
disasm 0x143 5
disasm l:0x10143 2
disasm p:0x10143 1
disasm ds:0x14c 3
u nosuch
u 0x143 0
u 1 2 3
io 0xf4=3
step
