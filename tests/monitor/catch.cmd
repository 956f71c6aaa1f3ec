# catch exception N stops only for exceptions the CPU raises (not INT n on
# the same vector); catch mode stops before the first instruction run in
# another mode, here when the guest clears CR0.PE.
catch exception 13
catch exception 9
catch exception 40
catch mode
info breakpoints
delete 2 4
continue
info breakpoints
delete
set gdtr 0x10200 0x5f
set cr0 0x11
set cs 0x08
set eip 0x140
catch mode
continue
sregs
continue
