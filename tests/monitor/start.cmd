# The first look at a guest: registers as a .COM program starts, the segment
# caches, the code, help; errors for unknown commands; nothing after quit.
regs
sregs
disasm
disasm 1000:0143 4
help
help watch
help s
help nosuch
nosuch
regs/w
   # an indented comment
quit
step
