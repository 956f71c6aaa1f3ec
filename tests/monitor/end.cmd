# The guest's end: continue until it writes its status to port 0xF4; the
# monitor stays usable but will not run it; the exit status of 'x86lab
# monitor -x' is the guest's (7). gdb cannot take an ended guest either.
continue
regs
x ds:0x151 2
step
gdb 70000
gdb
stats
