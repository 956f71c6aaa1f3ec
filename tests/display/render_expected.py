#!/usr/bin/env python3
# tests/display/render_expected.py FONT.psf.gz OUTDIR — the expected
# screenshots of the guests in this folder, drawn without x86lab's VGA
# code: from the font file itself (the PSF font x86lab is built with) and
# the VGA's documented behaviour:
#  - the 16 text colours of the default palette as IBM documents them (the
#    6-bit DAC values 00, 2A, 15, 3F; brown is 2A 15 00), scaled to 8 bits
#    as v * 255 / 63;
#  - 9-dot character cells, where characters C0-DF repeat their eighth dot
#    in the ninth (attribute mode control bit 2, set in mode 3);
#  - with the sequencer's dot clock halved (40 columns) every dot twice as wide;
#  - attribute bit 7 blinks the character when blinking is enabled
#    (attribute mode control bit 3), else it selects backgrounds 8-15; a
#    blinked-off character shows its background;
#  - the cursor fills scan lines START to END of its cell with the cell's
#    foreground colour (CRTC registers 0Ah and 0Bh).
# The guests' patterns are recomputed here from their description in
# text_screen.inc and mode13.asm. Run it again only when a guest changes,
# and check the images by eye.
import gzip
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pngtool import write_png  # noqa: E402


def scale6(v):
    return (v * 255 + 31) // 63


# Black, blue, green, cyan, red, magenta, brown, light grey, then the bright
# eight: the VGA's default text colours as 6-bit DAC values.
TEXT_COLOURS_6BIT = [
    (0x00, 0x00, 0x00), (0x00, 0x00, 0x2A), (0x00, 0x2A, 0x00), (0x00, 0x2A, 0x2A),
    (0x2A, 0x00, 0x00), (0x2A, 0x00, 0x2A), (0x2A, 0x15, 0x00), (0x2A, 0x2A, 0x2A),
    (0x15, 0x15, 0x15), (0x15, 0x15, 0x3F), (0x15, 0x3F, 0x15), (0x15, 0x3F, 0x3F),
    (0x3F, 0x15, 0x15), (0x3F, 0x15, 0x3F), (0x3F, 0x3F, 0x15), (0x3F, 0x3F, 0x3F),
]
TEXT_COLOURS = [tuple(scale6(c) for c in rgb) for rgb in TEXT_COLOURS_6BIT]


def read_psf1(path):
    data = gzip.open(path).read()
    if data[0:2] != b"\x36\x04":
        raise SystemExit(f"{path}: not a PSF1 font")
    height = data[3]
    if height != 16:
        raise SystemExit(f"{path}: glyphs are {height} lines high, not 16")
    return [data[4 + 16 * c:4 + 16 * (c + 1)] for c in range(256)]


def text_screen(font, cols, rows, dot_w, blink_enabled, chars_on, cursor):
    """cursor: (row, col, first line, last line) or None."""
    width, height = cols * 9 * dot_w, rows * 16
    px = [[(0, 0, 0)] * width for _ in range(height)]
    for r in range(rows):
        for c in range(cols):
            i = r * cols + c
            ch, at = i % 256, (37 * i + r) % 256
            fg = TEXT_COLOURS[at & 15]
            bg = TEXT_COLOURS[(at >> 4) & (7 if blink_enabled else 15)]
            hidden = blink_enabled and at & 0x80 and not chars_on
            for y in range(16):
                bits = 0 if hidden else font[ch][y]
                cur = cursor and cursor[0] == r and cursor[1] == c and cursor[2] <= y <= cursor[3]
                for x in range(9):
                    if x < 8:
                        on = bits >> (7 - x) & 1
                    else:
                        on = 0xC0 <= ch <= 0xDF and bits & 1
                    colour = fg if on or cur else bg
                    for d in range(dot_w):
                        px[r * 16 + y][(c * 9 + x) * dot_w + d] = colour
    return width, height, px


def mode13():
    dac = [(i >> 2, (5 * i) & 63, 63 - (i >> 2)) for i in range(256)]
    rgb = [tuple(scale6(v) for v in e) for e in dac]
    px = [[rgb[(x + 2 * y) & 255] for x in range(320)] for y in range(200)]
    return 320, 200, px


def main():
    font, out = read_psf1(sys.argv[1]), sys.argv[2]
    images = {
        "text80": text_screen(font, 80, 25, 1, True, True, (5, 10, 6, 9)),
        "text80_blink": text_screen(font, 80, 25, 1, True, False, (5, 10, 6, 9)),
        "text40": text_screen(font, 40, 25, 2, False, True, (24, 39, 13, 14)),
        "mode13": mode13(),
    }
    for name, (w, h, px) in images.items():
        write_png(os.path.join(out, name + ".png"), w, h, px)


main()
