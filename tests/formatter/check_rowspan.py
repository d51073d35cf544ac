#!/usr/bin/env python3
"""check_rowspan.py DUMP — tests/formatter/rowspan.fo: the 40-line row-spanning cell continues
on 3 pages, its lines in order; each page's fragment is a table-cell block with all four
borders; on every page the columns beside it reach as far down as it does (the table stays a
rectangle); the full-width last row follows the spanning cell."""
import os
import re
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, line_text, f


def main():
    c = Checker('rowspan.fo ')
    root = load(sys.argv[1])
    pages = root.findall('page')
    seen, frag_pages, bad_border, bad_rect = [], [], [], []
    for p in pages:
        nums = []
        for l in p.iter('line'):
            m = re.match(r'跨行单元格第(\d\d)行$', line_text(l))
            if m:
                nums.append(int(m.group(1)))
        if not nums:
            continue
        frag_pages.append(p.get('label'))
        seen += nums
        # the fragment: the table-cell block in the middle column (x=90, w=100)
        cells = [b for b in p.iter('block') if b.get('name') == 'table-cell']
        mid = [b for b in cells if abs(f(b, 'x') - 90) < 0.01 and abs(f(b, 'w') - 100) < 0.01
               and any(re.match('跨行单元格', line_text(l)) for l in b.iter('line'))]
        if len(mid) != 1:
            bad_border.append(f'page {p.get("label")}: {len(mid)} fragments')
            continue
        b = mid[0]
        for side in ('border-top', 'border-bottom', 'border-left', 'border-right'):
            if b.get(side) != '1.00':
                bad_border.append(f'page {p.get("label")}: {side}={b.get(side)}')
        bottom = f(b, 'y') + f(b, 'h')
        for x, w, what in ((20, 70, 'left column'), (190, 30, 'right column')):
            col = [k for k in cells if abs(f(k, 'x') - x) < 0.01 and abs(f(k, 'w') - w) < 0.01
                   and f(k, 'y') < bottom - 0.01 and f(k, 'y') + f(k, 'h') > f(b, 'y') + 0.01]
            reach = max((f(k, 'y') + f(k, 'h') for k in col), default=None)
            top = min((f(k, 'y') for k in col), default=None)
            if reach is None or abs(reach - bottom) > 0.01 or abs(top - f(b, 'y')) > 0.01:
                bad_rect.append(f'page {p.get("label")}: {what} spans {top}..{reach}, spanning cell {f(b, "y"):.2f}..{bottom:.2f}')
    c.check('spanning cell continues on 3 pages', len(frag_pages) == 3, f'on pages {frag_pages}')
    c.check('spanning cell lines in order', seen == list(range(1, 41)), f'{seen}')
    c.check('every fragment has its borders', not bad_border, '; '.join(bad_border))
    c.check('columns beside the span reach its end on every page', not bad_rect, '; '.join(bad_rect))
    last = [(p.get('label'), l) for p in pages for l in p.iter('line') if line_text(l) == '表格最后一行']
    end = [(p.get('label'), l) for p in pages for l in p.iter('line') if line_text(l) == '跨行单元格第40行']
    c.check('last row follows the span', last and end and last[0][0] == end[0][0] and f(last[0][1], 'y') > f(end[0][1], 'y'),
            'the last row is not below the end of the spanning cell')
    c.done()


if __name__ == '__main__':
    main()
