# 'pagewalk' follows a linear address through CR3, the PDE and the PTE,
# decodes each entry and says which accesses would fault, with the #PF
# error code (SDM Vol. 3, 4.7) and the reason. It changes nothing: the A
# bits stay clear until the CPU itself uses the translation.
pagewalk 0x10100
source paging_tables.inc
pagewalk 0x10100
pagewalk 0x11000
pagewalk 0x12345
pagewalk 0x400000
step
pagewalk 0x10100
pagewalk
