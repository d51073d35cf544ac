#!/usr/bin/env python3
"""check_table_header.py DUMP PNG1 — tests/formatter/table-header.fo: table 甲 (40 rows) shows
its header (编号 样品名称 结论) above its rows and its footer below them on every page it
crosses; table 乙 (table-omit-header-at-break) only on its first page; every row exactly once,
in order; the header's background-color is painted (PNG1 = page 1 at 60 dpi)."""
import os
import re
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, line_text, f
import pnglib

HEAD = ['编号', '样品名称', '结论']


def page_rows(p):
    """(y, text) of every line of the body region, sorted by y then x."""
    out = []
    for r in p.findall('region'):
        if r.get('name') == 'xsl-region-body':
            for l in r.iter('line'):
                ts = list(l.iter('text'))
                if ts:
                    out.append((f(l, 'y'), min(f(t, 'x') for t in ts), line_text(l)))
    return sorted(out)


def main():
    c = Checker('table-header.fo ')
    root = load(sys.argv[1])
    pages = root.findall('page')
    for tag, repeat in (('甲', True), ('乙', False)):
        tp = [p for p in pages if any(re.match(tag + r'\d\d$', t) for _, _, t in page_rows(p))]
        c.check(f'table {tag} crosses pages', len(tp) >= 3, f'{len(tp)} pages')
        bad, order = [], []
        for i, p in enumerate(tp):
            rows = page_rows(p)
            ids = [(y, t) for y, _, t in rows if re.match(tag + r'\d\d$', t)]
            order += [t for _, t in ids]
            head = [(y, t) for y, _, t in rows if t in HEAD]
            first_y = ids[0][0]
            want_head = repeat or i == 0
            if want_head:
                if [t for _, t in head] != HEAD or any(y >= first_y for y, _ in head):
                    bad.append(f'page {p.get("label")}: header {[t for _, t in head]}')
            elif head:
                bad.append(f'page {p.get("label")}: header repeated although omitted at breaks')
            foot = [y for y, _, t in rows if t == f'{tag}表续下页或完']
            if len(foot) != 1 or foot[0] <= ids[-1][0]:
                bad.append(f'page {p.get("label")}: footer {len(foot)} time(s)')
        name = 'header and footer on every page' if repeat else 'table-omit-header-at-break'
        c.check(f'table {tag} {name}', not bad, '; '.join(bad))
        c.check(f'table {tag} rows once, in order', order == [f'{tag}{i:02d}' for i in range(1, 41)],
                f'{len(order)} rows')
    # the header background (#dddddd) is painted: sample the header row right of 结论
    try:
        w, h, px = pnglib.read(sys.argv[2])
        p1 = pages[0]
        head = [l for l in p1.iter('line') if line_text(l) == '结论'][0]
        t = head.find('text')
        x = int((f(t, 'x') + f(t, 'w') + 6) * 60 / 72)
        y = int((f(head, 'y') + f(head, 'h') / 2) * 60 / 72)
        v = px[y][x]
        c.check('header background-color painted', 200 <= v <= 235, f'grey level {v} at ({x},{y}), expected #dd (221)')
    except Exception as e:  # noqa: BLE001
        c.fail('header background-color painted', f'{e}')
    c.done()


if __name__ == '__main__':
    main()
