/*
 * dev/font8x16.h — the 8x16 code page 437 glyphs x86lab ships with, read at
 * build time from Debian's console-data package (see cmake/font.cmake and
 * the README). Glyph g is bytes [16g, 16g+16), one byte per row, bit 7 left.
 */
#ifndef X86LAB_FONT8X16_H
#define X86LAB_FONT8X16_H

extern const unsigned char x86lab_font8x16[4096];

#endif
