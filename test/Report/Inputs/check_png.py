"""Checks that a PNG screenshot shows something: prints its size and whether
more than 1 % of its pixel bytes are not white.

usage: check_png.py FILE.png"""

import struct
import sys
import zlib

data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
idat, pos = b"", 8
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + length]
    pos += 12 + length
pixels = zlib.decompress(idat)
inked = sum(1 for b in pixels if b != 255) / len(pixels)
print("png %dx%d %s" % (width, height, "drawn" if inked > 0.01 else "blank"))
