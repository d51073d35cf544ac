#!/usr/bin/env python3
"""check_autotable.py DUMP — tests/formatter/autotable.fo (table-layout="auto"): columns fill
the table, no text overflows its cell, no column is narrower than its min-content width (one
ideograph, or an unbreakable Latin run), 表一 (room for every max-content width) does not wrap,
表二 keeps its short columns (序号, 不合格) on one line while the long paragraph wraps, 表三
keeps its 150pt width."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, f

PAD = 2.0


def main():
    c = Checker('autotable.fo ')
    root = load(sys.argv[1])
    tables = [b for b in root.iter('block') if b.get('name') == 'table']
    c.check('three tables', len(tables) == 3, f'{len(tables)}')
    if len(tables) != 3:
        c.done()
    overflow, narrow, fill = [], [], []
    info = []
    for ti, t in enumerate(tables, 1):
        cells = [b for b in t if b.tag == 'block' and b.get('name') == 'table-cell']
        rows = {}
        for cell in cells:
            rows.setdefault(cell.get('y'), []).append(cell)
            right = f(cell, 'x') + f(cell, 'w') - PAD
            texts = list(cell.iter('text'))
            for x in texts:
                if f(x, 'x') + f(x, 'w') > right + 0.3:
                    overflow.append(f'表{ti} |{x.text}| ends at {f(x, "x") + f(x, "w"):.2f} > {right:.2f}')
            inner = f(cell, 'w') - 2 * PAD - 0.5
            if texts and inner < max(f(x, 'w') / len(x.text) for x in texts if x.text) - 0.3:
                narrow.append(f'表{ti} cell {inner:.2f}pt inside')
            lines = {x.get('y') for x in texts}
            info.append((ti, ''.join(x.text for x in texts), len(lines)))
        for y, rc in rows.items():
            total = sum(f(k, 'w') for k in rc)
            if abs(total - f(t, 'w')) > 0.05:
                fill.append(f'表{ti} row at {y}: columns {total:.2f} of {f(t, "w"):.2f}')
    c.check('columns fill the table', not fill, '; '.join(fill))
    c.check('no text overflows its cell', not overflow, '; '.join(overflow[:3]))
    c.check('no column below min-content', not narrow, '; '.join(narrow[:3]))
    wrapped = [s for ti, s, n in info if ti == 1 and n > 1]
    c.check('表一 max-content widths fit: nothing wraps', not wrapped, f'wrapped: {wrapped}')
    long_lines = [n for ti, s, n in info if ti == 2 and s.startswith('不合格项目')]
    c.check('表二 long column wraps', long_lines and long_lines[0] >= 2, f'{long_lines}')
    short = [(s, n) for ti, s, n in info if ti == 2 and s in ('序号', '不合格') and n != 1]
    c.check('表二 short columns keep their max-content width', not short, f'wrapped: {short}')
    c.check('表三 width 150pt', abs(f(tables[2], 'w') - 150) < 0.01, f'{tables[2].get("w")}')
    c.done()


if __name__ == '__main__':
    main()
