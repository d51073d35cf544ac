#!/usr/bin/env python3
"""check_absolute.py DUMP — tests/formatter/absolute.fo: absolute block-containers sit at
region-body origin (79.37, 104.88) + (left, top) with their width and height, on the page of
their place in the flow; the fixed one at (10, 10) of the page; display-align="center" centres
the seal text vertically; the flow around them is not displaced."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, f, line_text

MM = 72 / 25.4


def main():
    c = Checker('absolute.fo ')
    root = load(sys.argv[1])
    pages = root.findall('page')
    found = {}
    for i, p in enumerate(pages):
        for b in p.iter('block'):
            d = b.find('dest')
            if b.get('name') == 'block-container' and d is not None:
                found[d.get('name')] = (i + 1, b)
    want = {'seal': (1, 79.37 + 100 * MM, 104.88 + 60 * MM, 42 * MM, 42 * MM),
            'mark': (1, 10, 10, 60, 20),
            'seal2': (2, 79.37, 104.88 + 100 * MM, 42 * MM, 42 * MM)}
    for name, (pg, x, y, w, h) in want.items():
        if name not in found:
            c.fail(f'{name} placed', 'no block-container area')
            continue
        got_pg, b = found[name]
        ok = got_pg == pg and all(abs(f(b, k) - v) < 0.05 for k, v in (('x', x), ('y', y), ('w', w), ('h', h)))
        c.check(f'{name} placed', ok, f'page {got_pg} x={b.get("x")} y={b.get("y")} w={b.get("w")} h={b.get("h")}, '
                                      f'expected page {pg} {x:.2f} {y:.2f} {w:.2f} {h:.2f}')
    if 'seal' in found:
        b = found['seal'][1]
        t = b.find('.//text')
        mid = f(b, 'y') + f(b, 'h') / 2
        tm = f(t, 'y') + f(t, 'h') / 2
        c.check('display-align center', abs(tm - mid) < 3, f'text centre {tm:.2f}, box centre {mid:.2f}')
        cx = f(b, 'x') + f(b, 'w') / 2
        c.check('text-align center in the seal', abs(f(t, 'x') + f(t, 'w') / 2 - cx) < 0.05, 'not centred')
    flow = [(i + 1, l.get('y'), line_text(l)) for i, p in enumerate(pages) for r in p.findall('region')
            for l in r.iter('line')]
    c.check('flow not displaced', flow == [(1, '104.88', '正文第一段，位于印章区之前。'), (1, '133.83', '正文第二段，紧接第一段。'),
                                            (2, '104.88', '第二页正文。'), (2, '133.83', '第二页第二段。')], f'{flow}')
    c.done()


if __name__ == '__main__':
    main()
