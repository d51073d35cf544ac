#!/usr/bin/env python3
"""check_tablemarker.py DUMP — tests/formatter/tablemarker.fo: fo:retrieve-table-marker in a
table crossing pages (see the comment at the top of the FO):
  - header "续表" on continued pages only, "〔表一〕" (from the first fragment) on every page;
  - the header shows the page's first group, carried over or not (first-including-carryover);
  - the header repeats the group a page continues ("接上页：N　职责"), nothing where a page
    starts with a group's first row;
  - footer "（续下页）" / "（完）" (last-ending-within-table) below the last row, "〔表一〕"
    there on the first page only (boundary table-fragment), "末组N" the last group starting
    on the page or, where none starts, before it (last-starting-within-table);
  - the header's reserved height: no row overlaps the footer or the header."""
import os
import re
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, f, line_text

DUTY = {1: '市场主体登记', 2: '产品质量监督抽查', 3: '计量器具检定', 4: '特种设备安全监察', 5: '标准化管理',
        6: '认证认可监管'}
SIZES = [3, 5, 4, 6, 3, 5]


def main():
    c = Checker('tablemarker.fo ')
    pages = load(sys.argv[1]).findall('page')
    c.check('the table crosses three pages', len(pages) == 3, f'{len(pages)} pages')
    seen = []
    last_start = 0
    for n, p in enumerate(pages, 1):
        ls = sorted(((f(l, 'y'), f(l, 'x'), line_text(l), l) for l in p.iter('line')), key=lambda t: t[:2])
        items = [(y, t) for y, x, t, l in ls if re.fullmatch(r'事项\d-\d', t)]
        seen += [t for y, t in items]
        first = items[0] if items else (None, '')
        top = ls[0][2] if ls else ''
        want = '续表〔表一〕' if n > 1 else '〔表一〕'
        c.check(f'page {n} header first line', top == want, f'{top!r} (expected {want!r})')
        c.check(f'page {n} column heads repeated', any(t == '具体工作事项' for y, x, t, l in ls), 'missing')
        g, m = (int(first[1][2]), int(first[1][4])) if first[1] else (0, 0)
        cont = [(y, t) for y, x, t, l in ls if t.startswith('接上页')]
        if m > 1:
            exp = f'接上页：{g}　{DUTY[g]}'
            ok = len(cont) == 1 and cont[0][1] == exp and cont[0][0] < first[0]
            c.check(f'page {n} header repeats the continued group', ok, f'{cont} (expected {exp!r} above {first[1]})')
        else:
            c.check(f'page {n} no continued group in the header', not cont, f'{cont} (page starts with {first[1]})')
        carried = [(y, t) for y, x, t, l in ls if t.startswith('组')]
        exp = [f'组{g}', f'职责{DUTY.get(g, "")}']
        c.check(f'page {n} header shows the first group (carryover)', [t for y, t in carried] == [exp[0]]
                and any(t == exp[1] for y, x, t, l in ls), f'{carried} (expected {exp})')
        starting = [int(t[2]) for y, t in items if t.endswith('-1')]
        last_start = starting[-1] if starting else last_start
        foot = [(y, t) for y, x, t, l in ls if t.startswith('（续下页）') or t.startswith('（完）')]
        exp = ('（完）' if n == len(pages) else '（续下页）') + ('〔表一〕' if n == 1 else '') + f'末组{last_start}'
        c.check(f'page {n} footer', len(foot) == 1 and foot[0][1] == exp, f'{foot} (expected {exp!r})')
        if foot and items:
            last_row = max(y for y, t in items)
            c.check(f'page {n} footer below the last row', foot[0][0] >= last_row + 16 - 0.01,
                    f'footer at {foot[0][0]}, last row at {last_row}')
    exp = [f'事项{g}-{m}' for g, k in enumerate(SIZES, 1) for m in range(1, k + 1)]
    c.check('every row once, in order', seen == exp, f'{seen}')
    c.done()


main()
