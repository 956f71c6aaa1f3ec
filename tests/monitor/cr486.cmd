# On the 486 CR0 also has NE, WP, AM, NW and CD; the 286 has only its MSW.
cr
cr cr0 0x00050001
cr
