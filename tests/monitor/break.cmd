# Breakpoints, watchpoints, iowatches and catches under one numbering, in
# tests/monitor/steps.asm: what each stop says, hit counts, temporary and
# conditional breakpoints, delete/disable/enable, and the errors.
break 1000:0143
tbreak 0x135
break 1000:0111 if cx == 1
watch w ds:0x151 2
watch r 1000:014c
iowatch w 0xe9
catch int 0x80
info breakpoints
continue
continue
continue
regs
continue
continue
regs
continue
continue
delete 5
continue
disable 6
info breakpoints
disasm 0x10e 4
continue
enable 6
delete
info breakpoints
reset
break 1000:0111 if 6 / (cx - 3)
continue
continue
delete
break
break nosuch
break 1000:0100 when cx == 1
break 1000:0100 if (
break 1000:0100 if nosuch
break p:0x2000000
watch x 1000:0200
watch w ds:0x151 0
watch rw
iowatch w 0x10000
iowatch 0x70-0x60
iowatch r w 0x60
catch int 256
catch foo 3
catch int
delete 99
enable x
disable 0
