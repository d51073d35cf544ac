#!/usr/bin/env python3
"""make_images.py — writes the tiny test images used by blocks.fo (already committed; run it
again only to regenerate them): stamp.png, 40 × 20 pixels RGB, red frame on white, built by
hand with zlib; seal.svg, a 100 × 100 red ring with text."""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(path, w, h, pixel):
    raw = b''.join(b'\x00' + b''.join(bytes(pixel(x, y)) for x in range(w)) for y in range(h))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    with open(path, 'wb') as fh:
        fh.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                 + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def frame(x, y):
    edge = x < 2 or y < 2 or x >= 38 or y >= 18
    return (200, 0, 0) if edge else (255, 255, 255)


png(os.path.join(HERE, 'stamp.png'), 40, 20, frame)
with open(os.path.join(HERE, 'seal.svg'), 'w') as fh:
    fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">\n'
             '  <circle cx="50" cy="50" r="46" fill="none" stroke="#c00" stroke-width="4"/>\n'
             '  <path d="M50 30 L56 46 L73 46 L59 56 L64 72 L50 62 L36 72 L41 56 L27 46 L44 46 Z" fill="#c00"/>\n'
             '</svg>\n')
