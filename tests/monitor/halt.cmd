# HLT with interrupts off ends a bare-metal program: status 0 (on a 286;
# --quiet: no banner).
regs
continue
