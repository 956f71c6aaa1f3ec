# Expressions everywhere: print in its forms, display at every stop,
# undisplay, symbols from the nasm listing (breakpoints, disassembly and
# stops named by them), and command files run with source.
print 1 + 2 * 3
p ax
p 0x41
p -5
p 0x123456789
p word[ds:0x14c]
p byte[1000:0x14e]
p dword[l:0x1014c]
p (ax + 1) * 2 == 2
p zf
p
p (
p nosuch
p 1 / 0
display ax
display cx
display word[0x151]
info display
step 3
undisplay 1
step
undisplay 99
undisplay x
display
display nosuch
symbols steps.lst 0x10100
p double
p count
u double 3
break count
break msg
info breakpoints
continue
step 8
history 3
delete
undisplay
info display
info
info nosuch
info registers
symbols nosuch.lst
symbols
symbols steps.lst 0x10100 3
source sub.inc
source nosuch.inc
source
