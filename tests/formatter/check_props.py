#!/usr/bin/env python3
"""check_props.py DUMP PNG — tests/formatter/props.fo: the property table's behaviours.
PNG is page 1 at 72 dpi (1px = 1pt): border colours are seen there.
  - a specific property wins over its shorthand in either attribute order (XSL 1.1 §5.2):
    border-top-color over border-top, border-color over border, border-top over border-width,
    margin-left over margin, padding-left over padding, space-before over margin-top,
    font-size over font;
  - a block's 100th property attribute (font-size) is applied;
  - element-specific properties: initial-page-number, a page master's margins."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, f
import pnglib


def main():
    c = Checker('props.fo ')
    root = load(sys.argv[1])
    w, h, px = pnglib.read(sys.argv[2], rgb=True)
    pages = root.findall('page')
    c.check('three pages numbered 1, 2, 7', [p.get('label') for p in pages] == ['1', '2', '7'],
            f'labels {[p.get("label") for p in pages]}')
    where = {}   # id → (page, dest, parent)
    for p in pages:
        for parent in p.iter():
            for d in parent.findall('dest'):
                where[d.get('name')] = (p, d, parent)

    def box(ident):
        parent = where[ident][2]
        return parent if parent.tag == 'block' else None

    def colour(x, y):
        r, g, b = px[int(y)][int(x)]
        return 'blue' if b > 200 and r < 60 and g < 60 else 'red' if r > 200 and g < 60 and b < 60 \
            else 'green' if g > 90 and r < 60 and b < 60 else f'rgb{(r, g, b)}'

    for ident in ('before', 'after'):
        b = box(ident)
        ok = b is not None and f(b, 'border-top') == 8
        got = colour(f(b, 'x') + 100, f(b, 'y') + 4) if ok else None
        c.check(f'border-top-color wins over border-top ({ident})', ok and got == 'blue',
                f'border-top {b.get("border-top") if b is not None else None}, colour {got}')
    b = box('all-color')
    got = [colour(f(b, 'x') + 100, f(b, 'y') + 3), colour(f(b, 'x') + 3, f(b, 'y') + 14)] if b is not None else None
    c.check('border-color wins over border', got == ['green', 'green'], f'colours {got}')
    b = box('side-width')
    widths = [f(b, k) for k in ('border-top', 'border-bottom', 'border-left', 'border-right')] if b is not None else None
    top = colour(f(b, 'x') + 100, f(b, 'y') + 2) if b is not None else None
    c.check('border-top wins over border-width', widths == [4, 10, 10, 10] and top == 'blue',
            f'widths {widths}, top {top}')
    t = next((e for e in pages[0].iter('text') if e.text == '戊'), None)
    c.check('margin-left wins over margin', t is not None and f(t, 'x') == 50, f'x {t.get("x") if t is not None else None}')
    b = box('padding')
    c.check('padding-left wins over padding', b is not None and f(b, 'x') == -1 and f(b, 'w') == 384,
            f'box x {b.get("x") if b is not None else None} w {b.get("w") if b is not None else None}')
    pad_bottom = f(b, 'y') + f(b, 'h')
    t = where['space'][1]
    c.check('space-before wins over margin-top', abs(f(t, 'y') - pad_bottom - 12) < 0.01,
            f'gap {f(t, "y") - pad_bottom:.2f}pt (12 expected)')
    t = next((e for e in pages[0].iter('line') if ''.join(x.text or '' for x in e.iter('text')) == '辛'), None)
    got = (t.find('text').get('size'), t.get('h'), t.find('text').get('font')) if t is not None else None
    c.check('font-size wins over font, the rest of font applies', got == ('10.00', '30.00', 'Noto Sans CJK SC'),
            f'size, line height, font: {got}')
    sizes = {e.get('size') for e in where['many'][2].iter('text')}
    c.check('the 100th attribute (font-size) applies', sizes == {'20.00'}, f'sizes {sorted(sizes)}')
    d = where['numbered'][1]
    c.check('page master margin-left over margin', (f(d, 'x'), f(d, 'y')) == (50, 30), f'at {d.get("x")}, {d.get("y")}')
    c.done()


main()
