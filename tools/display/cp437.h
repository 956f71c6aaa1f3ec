/*
 * tools/display/cp437.h — the characters of IBM code page 437 (the VGA's
 * font) as Unicode, for drawing the text screen in a UTF-8 terminal.
 */
#ifndef X86LAB_CP437_H
#define X86LAB_CP437_H

#include <stddef.h>
#include <stdint.h>

/* The glyph of byte 'c' as the VGA shows it: 0x01-0x1F and 0x7F are the
 * pictures (smileys, arrows, a house), not control characters; 0x00 and
 * 0xFF show as spaces. */
uint16_t cp437_unicode(uint8_t c);
/* 'cp' (below 0x10000) as UTF-8 into 'out' (3 bytes at most). Returns the length. */
size_t utf8_encode(uint16_t cp, char *out);

#endif
