#!/usr/bin/env python3
"""imagegen.py — tiny writers of the raster formats gongwen reads, for tests (no imaging
library needed): baseline JPEG (with an EXIF orientation), GIF, BMP, TIFF (with an
orientation) and lossless WebP of two colours.  Each takes the size and a function
pixel(x, y) → (r, g, b) and returns the file's bytes.

  python3 imagegen.py DIR    writes DIR/{photo.jpg, marked.jpg, marked-o6.jpg, marked.gif,
                             marked.bmp, marked.tif, marked-o3.tif, marked.webp}
marked: 64 × 32 pixels, white with a red 16 × 8 block at the top left (where it ends up
shows the orientation); photo: 200 × 150 pixels of gradients under noise (what deflate cannot shrink, JPEG can)."""
import math
import os
import random
import struct
import sys
import zlib

# ---- JPEG (baseline, 4:4:4, one flat quantisation table, flat Huffman codes) ----
ZIGZAG = [0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27,
          20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
          58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63]
COS = [[math.cos((2 * x + 1) * u * math.pi / 16) * (math.sqrt(0.5) if u == 0 else 1) / 2
        for x in range(8)] for u in range(8)]
DC_SYMS = list(range(12))                                    # 12 codes of 4 bits
AC_SYMS = [0x00, 0xF0] + [r << 4 | s for r in range(16) for s in range(1, 11)]  # 162 of 8 bits


def _dct(block):
    """2-D forward DCT of 64 level-shifted samples (row-major), separable."""
    rows = [[sum(COS[u][x] * block[y * 8 + x] for x in range(8)) for u in range(8)] for y in range(8)]
    return [sum(COS[v][y] * rows[y][u] for y in range(8)) for v in range(8) for u in range(8)]


class _Bits:
    """MSB-first bit writer with JPEG byte stuffing."""
    def __init__(self):
        self.out, self.acc, self.n = bytearray(), 0, 0

    def put(self, value, n):
        for i in range(n - 1, -1, -1):
            self.acc = self.acc << 1 | (value >> i & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0)
                self.acc, self.n = 0, 0

    def flush(self):
        while self.n:
            self.put(1, 1)
        return bytes(self.out)


def _size(v):
    return 0 if v == 0 else abs(v).bit_length()


def _amp(v, s):
    return v if v >= 0 else v + (1 << s) - 1


def jpeg(w, h, pixel, q=6, orientation=None):
    """A baseline JPEG; `orientation` (1–8) adds an EXIF APP1 segment."""
    def seg(marker, data):
        return struct.pack('>HH', marker, len(data) + 2) + data
    out = b'\xff\xd8'
    if orientation:
        tiff = b'MM\x00\x2a' + struct.pack('>I', 8) + struct.pack('>H', 1) \
            + struct.pack('>HHIHH', 0x0112, 3, 1, orientation, 0) + struct.pack('>I', 0)
        out += seg(0xFFE1, b'Exif\x00\x00' + tiff)
    out += seg(0xFFDB, b'\x00' + bytes([q] * 64))
    out += seg(0xFFC0, struct.pack('>BHHB', 8, h, w, 3) + b'\x01\x11\x00\x02\x11\x00\x03\x11\x00')
    dc_bits = bytes([0, 0, 0, 12] + [0] * 12)
    ac_bits = bytes([0] * 7 + [162] + [0] * 8)
    out += seg(0xFFC4, b'\x00' + dc_bits + bytes(DC_SYMS) + b'\x10' + ac_bits + bytes(AC_SYMS))
    out += seg(0xFFDA, b'\x03\x01\x00\x02\x00\x03\x00\x00\x3f\x00')
    dc_code = {s: (i, 4) for i, s in enumerate(DC_SYMS)}
    ac_code = {s: (i, 8) for i, s in enumerate(AC_SYMS)}
    px = [[pixel(min(x, w - 1), min(y, h - 1)) for x in range(w + 7 & ~7)] for y in range(h + 7 & ~7)]
    ycc = [[(0.299 * r + 0.587 * g + 0.114 * b - 128,
             -0.168736 * r - 0.331264 * g + 0.5 * b,
             0.5 * r - 0.418688 * g - 0.081312 * b) for (r, g, b) in row] for row in px]
    bits, pred = _Bits(), [0, 0, 0]
    for by in range(0, len(px), 8):
        for bx in range(0, len(px[0]), 8):
            for c in range(3):
                coef = _dct([ycc[by + y][bx + x][c] for y in range(8) for x in range(8)])
                zz = [int(round(coef[ZIGZAG[k]] / q)) for k in range(64)]
                d = zz[0] - pred[c]
                pred[c] = zz[0]
                s = _size(d)
                bits.put(*dc_code[s])
                bits.put(_amp(d, s), s)
                run = 0
                last = max([k for k in range(1, 64) if zz[k]] or [0])
                for k in range(1, last + 1):
                    if zz[k] == 0:
                        run += 1
                        continue
                    while run > 15:
                        bits.put(*ac_code[0xF0])
                        run -= 16
                    s = _size(zz[k])
                    bits.put(*ac_code[run << 4 | s])
                    bits.put(_amp(zz[k], s), s)
                    run = 0
                if last < 63:
                    bits.put(*ac_code[0x00])
    return out + bits.flush() + b'\xff\xd9'


# ---- GIF (LZW with a clear code before the table grows: every code 9 bits) ----
def gif(w, h, pixel):
    colours, idx = [], []
    for y in range(h):
        for x in range(w):
            c = tuple(pixel(x, y))
            if c not in colours:
                colours.append(c)
            idx.append(colours.index(c))
    assert len(colours) <= 256
    palette = b''.join(bytes(c) for c in colours) + b'\x00' * (3 * (256 - len(colours)))
    acc = n = 0
    data = bytearray()

    def put(code):
        nonlocal acc, n
        acc |= code << n
        n += 9
        while n >= 8:
            data.append(acc & 0xFF)
            acc >>= 8
            n -= 8
    for i, v in enumerate(idx):
        if i % 250 == 0:
            put(256)               # clear
        put(v)
    put(257)                       # end of information
    if n:
        data.append(acc & 0xFF)
    blocks = b''.join(bytes([len(data[i:i + 255])]) + data[i:i + 255] for i in range(0, len(data), 255))
    return (b'GIF89a' + struct.pack('<HHBBB', w, h, 0xF7, 0, 0) + palette
            + b'\x2c' + struct.pack('<HHHHB', 0, 0, w, h, 0) + b'\x08' + blocks + b'\x00\x3b')


# ---- BMP (24 bits, bottom-up) ----
def bmp(w, h, pixel):
    stride = (w * 3 + 3) & ~3
    rows = b''.join(b''.join(bytes(pixel(x, y)[::-1]) for x in range(w)).ljust(stride, b'\x00')
                    for y in range(h - 1, -1, -1))
    info = struct.pack('<IiiHHIIiiII', 40, w, h, 1, 24, 0, len(rows), 3780, 3780, 0, 0)
    return b'BM' + struct.pack('<IHHI', 14 + 40 + len(rows), 0, 0, 54) + info + rows


# ---- TIFF (little-endian, uncompressed RGB, one strip) ----
def tiff(w, h, pixel, orientation=1):
    pix = b''.join(bytes(pixel(x, y)) for y in range(h) for x in range(w))
    tags = [(256, 3, 1, w), (257, 3, 1, h), (258, 3, 3, None), (259, 3, 1, 1), (262, 3, 1, 2),
            (273, 4, 1, None), (274, 3, 1, orientation), (277, 3, 1, 3), (278, 3, 1, h),
            (279, 4, 1, len(pix))]
    ifd_size = 2 + 12 * len(tags) + 4
    bps_off = 8 + ifd_size
    pix_off = bps_off + 6
    ifd = struct.pack('<H', len(tags))
    for tag, typ, count, value in tags:
        if tag == 258:
            value = bps_off
        elif tag == 273:
            value = pix_off
        if typ == 3 and count == 1:
            ifd += struct.pack('<HHIHH', tag, typ, count, value, 0)
        else:
            ifd += struct.pack('<HHII', tag, typ, count, value)
    ifd += struct.pack('<I', 0)
    return b'II\x2a\x00' + struct.pack('<I', 8) + ifd + struct.pack('<HHH', 8, 8, 8) + pix


# ---- WebP (lossless VP8L; two values a channel: simple one-bit Huffman codes) ----
def webp(w, h, pixel):
    pix = [tuple(pixel(x, y)) for y in range(h) for x in range(w)]
    acc = n = 0
    data = bytearray()

    def put(value, nbits):
        nonlocal acc, n
        acc |= value << n
        n += nbits
        while n >= 8:
            data.append(acc & 0xFF)
            acc >>= 8
            n -= 8
    put(0x2F, 8)
    put(w - 1, 14)
    put(h - 1, 14)
    put(0, 1)      # no alpha
    put(0, 3)      # version
    put(0, 1)      # no transform
    put(0, 1)      # no colour cache
    put(0, 1)      # no meta Huffman codes
    values = []
    for ch in (1, 0, 2):                      # green, red, blue
        vs = sorted(set(p[ch] for p in pix))
        assert len(vs) <= 2
        values.append(vs)
        put(1, 1)                             # simple code
        put(len(vs) - 1, 1)
        put(1, 1)                             # 8-bit symbols
        for v in vs:
            put(v, 8)
    for sym in (255, 0):                      # alpha: always 255; distance: unused
        put(1, 1)
        put(0, 1)
        put(1, 1)
        put(sym, 8)
    for p in pix:
        for k, ch in enumerate((1, 0, 2)):
            if len(values[k]) == 2:
                put(values[k].index(p[ch]), 1)
    if n:
        data.append(acc & 0xFF)
    if len(data) % 2:
        data.append(0)
    chunk = b'VP8L' + struct.pack('<I', len(data)) + bytes(data)
    return b'RIFF' + struct.pack('<I', 4 + len(chunk)) + b'WEBP' + chunk


RED, WHITE = (200, 0, 0), (255, 255, 255)


def marked(x, y):
    return RED if x < 16 and y < 8 else WHITE


def main(out):
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(14)
    noise = [[tuple(min(255, max(0, base + rnd.randrange(-8, 9))) for base in (x, 60 + y, 200 - x // 2))
              for x in range(200)] for y in range(150)]
    files = {
        'photo.jpg': jpeg(200, 150, lambda x, y: noise[y][x], q=12),
        'marked.jpg': jpeg(64, 32, marked),
        'marked-o6.jpg': jpeg(64, 32, marked, orientation=6),
        'marked.gif': gif(64, 32, marked),
        'marked.bmp': bmp(64, 32, marked),
        'marked.tif': tiff(64, 32, marked),
        'marked-o3.tif': tiff(64, 32, marked, orientation=3),
        'marked.webp': webp(64, 32, marked),
        'bad.jpg': b'\xff\xd8\xff\xe0' + bytes(rnd.randrange(256) for _ in range(300)),
        'huge.gif': b'GIF89a' + struct.pack('<HHBBB', 65535, 65535, 0, 0, 0)
                    + b'\x2c' + struct.pack('<HHHHB', 0, 0, 65535, 65535, 0) + b'\x08\x01\x00\x00\x3b',
    }
    for name, data in files.items():
        with open(os.path.join(out, name), 'wb') as fh:
            fh.write(data)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '.')
