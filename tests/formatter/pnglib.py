"""pnglib.py — a minimal PNG reader (stdlib only: zlib) for the check scripts.

read(path) → (width, height, rows) with rows[y][x] = grey level 0..255 (8-bit grey, RGB or
RGBA, non-interlaced: what pdftoppm and cairo write); read(path, rgb=True) gives (r, g, b)."""
import struct
import zlib


def read(path, rgb=False):
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat, w = 8, b'', 0
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
            assert depth == 8 and interlace == 0, 'unsupported PNG'
            bpp = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        if rgb:
            rows.append([tuple(line[x * bpp:x * bpp + 3]) if bpp >= 3 else (line[x * bpp],) * 3
                         for x in range(w)])
        elif bpp == 1:
            rows.append(list(line))
        else:
            rows.append([sum(line[x * bpp:x * bpp + min(3, bpp)]) // min(3, bpp) for x in range(w)])
    return w, h, rows


def ink_columns(rows, y0, y1, x0, x1, threshold=128):
    """Column spans [(start, end)] in x0..x1 holding dark pixels between rows y0..y1."""
    spans, start = [], None
    for x in range(x0, x1):
        dark = any(rows[y][x] < threshold for y in range(y0, y1))
        if dark and start is None:
            start = x
        elif not dark and start is not None:
            spans.append((start, x))
            start = None
    if start is not None:
        spans.append((start, x1))
    return spans
