# HLT with interrupts on and nothing to wake the CPU: status 123, as
# 'x86lab run' gives.
set if 1
continue
