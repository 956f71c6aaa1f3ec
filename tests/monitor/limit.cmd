# The --max-insns limit (1000) stops a guest that never ends; the limit
# stays reached, and the exit status is 124 as for 'x86lab run'.
step 10
continue
step
regs
