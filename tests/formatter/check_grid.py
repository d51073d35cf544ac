#!/usr/bin/env python3
"""check_grid.py DUMP — GB/T 9704 grid on tests/formatter/grid.fo: the region-body is the
156 × 225 mm text area at (28 mm, 37 mm); every full line (not the last of its paragraph)
fills 28 cells of 15.79pt (characters + the 2-cell indent of first lines); every page but
the last holds exactly 22 lines on a 28.95pt pitch; lines of pure ideographs sit on the
grid (run width = characters × pitch)."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, f, line_text

PITCH, LPITCH = 15.79, 28.95


def main():
    c = Checker('grid.fo ')
    root = load(sys.argv[1])
    pages = root.findall('page')
    c.check('pages', len(pages) >= 2, f'{len(pages)} page(s): the test needs a full page')
    geom_bad, cells_bad, lines_bad, pitch_bad, ongrid_bad = [], [], [], [], []
    full_lines = mixed_lines = 0
    for i, p in enumerate(pages):
        reg = [r for r in p.findall('region') if r.get('name') == 'xsl-region-body'][0]
        want = {'x': 79.37, 'y': 104.88, 'w': 442.20, 'h': 637.80}
        for k, v in want.items():
            if abs(f(reg, k) - v) > 0.05:
                geom_bad.append(f'page {i + 1} {k}={reg.get(k)} (expected {v})')
        ls = list(reg.iter('line'))
        if i < len(pages) - 1 and len(ls) != 22:
            lines_bad.append(f'page {i + 1} has {len(ls)} lines')
        for k, l in enumerate(ls):
            if abs(f(l, 'h') - LPITCH) > 0.01 or abs(f(l, 'y') - (104.88 + k * LPITCH)) > 0.05:
                pitch_bad.append(f'page {i + 1} line {k + 1} y={l.get("y")} h={l.get("h")}')
        # paragraphs: first lines carry the 2-cell text-indent (x = 110.95); the title
        # (centred) and the addressee line (ends with ：) stand alone
        def x0(l):
            return min(f(t, 'x') for t in l.iter('text'))
        for k, l in enumerate(ls):
            text = line_text(l)
            alone = abs(x0(l) - 79.37) > 0.05 and abs(x0(l) - 110.95) > 0.05 or text.endswith('：')
            nxt = ls[k + 1] if k + 1 < len(ls) else (pages[i + 1].find('region').find('line') if i + 1 < len(pages) else None)
            last = nxt is None or abs(x0(nxt) - 110.95) < 0.05 or abs(x0(nxt) - 79.37) > 0.05
            if alone or last:
                continue
            right = max(f(t, 'x') + f(t, 'w') for t in l.iter('text'))
            if abs(right - 521.57) > 0.1:
                cells_bad.append(f'page {i + 1} |{text}| ends at {right:.2f}, not at the right edge')
            if any(ord(ch) < 0x2000 for ch in text):
                mixed_lines += 1
                continue  # half-width runs take their natural width: the line is re-justified
            indent = round((x0(l) - 79.37) / PITCH, 2)
            cells = indent + len(text)
            full_lines += 1
            if abs(cells - 28) > 0.01:
                cells_bad.append(f'page {i + 1} |{text}| indent {indent} + {len(text)} chars')
        for l in ls:
            if any(ord(ch) < 0x2000 for ch in line_text(l)):
                continue
            for t in l.iter('text'):
                if t.get('size') == '16.00' and all(ord(ch) >= 0x3000 for ch in t.text):
                    if abs(f(t, 'w') - PITCH * len(t.text)) > 0.15:
                        ongrid_bad.append(f'|{t.text}| {t.get("w")}pt for {len(t.text)} cells')
    c.check('region-body geometry', not geom_bad, '; '.join(geom_bad[:3]))
    c.check('28 characters per full line', full_lines > 20 and mixed_lines >= 2 and not cells_bad,
            f'{full_lines} full lines, {mixed_lines} mixed; ' + '; '.join(cells_bad[:3]))
    c.check('22 lines per full page', not lines_bad, '; '.join(lines_bad))
    c.check('line pitch 28.95pt', not pitch_bad, '; '.join(pitch_bad[:3]))
    c.check('characters on the grid', not ongrid_bad, '; '.join(ongrid_bad[:3]))
    c.done()


if __name__ == '__main__':
    main()
