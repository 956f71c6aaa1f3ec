#!/usr/bin/env python3
# tests/display/pngcmp.py ACTUAL EXPECTED — succeed when two PNG files hold
# the same pixels; otherwise say where they first differ and how many
# pixels differ, and fail.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pngtool import read_png  # noqa: E402


def main():
    actual, expected = sys.argv[1], sys.argv[2]
    aw, ah, arows = read_png(actual)
    ew, eh, erows = read_png(expected)
    if (aw, ah) != (ew, eh):
        print(f"FAIL: {actual} is {aw}x{ah}, {expected} is {ew}x{eh}")
        return 1
    first, count = None, 0
    for y in range(ah):
        if arows[y] == erows[y]:
            continue
        for x in range(aw):
            a, e = arows[y][3 * x:3 * x + 3], erows[y][3 * x:3 * x + 3]
            if a != e:
                count += 1
                if first is None:
                    first = (x, y, a.hex(), e.hex())
    if count:
        x, y, a, e = first
        print(f"FAIL: {count} pixels differ; the first at ({x}, {y}): #{a}, expected #{e}")
        return 1
    print(f"same {aw}x{ah} pixels")
    return 0


sys.exit(main())
