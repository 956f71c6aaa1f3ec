# 'cr' names and explains each CR0 bit the model has (the 386: PE MP EM TS
# ET PG), and loads CR0, CR2, CR3 as MOV CRn would: PG only with PE.
cr
cr cr0 0x80000000
cr cr4 1
cr cr0
source paging_tables.inc
cr
cr cr2 0x12345
cr
