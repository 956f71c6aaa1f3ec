# 'tlb' lists the cached translations: the code page after the first fetch,
# the stack page once CALL pushes (dirty, as the write set D), and a stale
# entry surviving a page-table change until CR3 is loaded again.
tlb
source paging_tables.inc
tlb
step 4
tlb
write p:0x101040 0x07 0x30 0x01 0x00
tlb
pagewalk 0x10100
cr cr3 0x100000
tlb
