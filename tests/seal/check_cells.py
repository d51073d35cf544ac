#!/usr/bin/env python3
"""check_cells.py — no text crosses a cell rule: every line inside a table cell of the area
dump lies within the cell's box less its borders (0.3 pt tolerance).
Usage: check_cells.py NAME AREAS.xml → one "ok"/"not ok" line."""
import sys
import xml.etree.ElementTree as ET

TOL = 0.3
# a closing mark at a line end may hang (悬挂) past the text edge: its ink is the left half
# of its em box, so only that half must stay inside the rule
CLOSING = '，。、；：？！）》”’」』】〕'
name, areas = sys.argv[1:3]
bad = []
for pg in ET.parse(areas).getroot().findall('page'):
    for cell in pg.iter('block'):
        if cell.get('name') != 'table-cell':
            continue
        x0, y0 = float(cell.get('x')), float(cell.get('y'))
        x1, y1 = x0 + float(cell.get('w')), y0 + float(cell.get('h'))
        bt = float(cell.get('border-top', 0)) / 2
        bb = float(cell.get('border-bottom', 0)) / 2
        for ln in cell.iter('line'):
            for t in ln.iter('text'):
                if not (t.text or '').strip():
                    continue
                tx0, tx1 = float(t.get('x')), float(t.get('x')) + float(t.get('w'))
                if t is list(ln.iter('text'))[-1] and t.text.rstrip()[-1:] in CLOSING:
                    n = len(t.text.rstrip())
                    tx1 -= float(t.get('w')) / max(n, 1) / 2   # about half an em
                ly0, ly1 = float(ln.get('y')), float(ln.get('y')) + float(ln.get('h'))
                if tx0 < x0 - TOL or tx1 > x1 + TOL or ly0 < y0 + bt - TOL or ly1 > y1 - bb + TOL:
                    bad.append('page %s: "%s" (%.1f–%.1f, %.1f–%.1f) outside its cell (%.1f–%.1f, %.1f–%.1f)'
                               % (pg.get('number'), t.text[:12], tx0, tx1, ly0, ly1, x0, x1, y0, y1))
if bad:
    print('not ok - cells %s: %d lines cross a cell rule; %s' % (name, len(bad), '; '.join(bad[:3])))
else:
    print('ok - cells %s' % name)
