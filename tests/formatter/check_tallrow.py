#!/usr/bin/env python3
"""check_tallrow.py DUMP — tests/formatter/tallrow.fo: rows taller than a page break between
lines; every line once and in order, every line inside its page's region-body, nothing after
the table lost."""
import os
import re
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, line_text, f


def main():
    c = Checker('tallrow.fo ')
    root = load(sys.argv[1])
    seq = {}
    pages_of = {}
    outside = []
    for p in root.findall('page'):
        for r in p.findall('region'):
            top, bottom = f(r, 'y'), f(r, 'y') + f(r, 'h')
            for l in r.iter('line'):
                t = line_text(l)
                m = re.match(r'(.)第(\d\d)行$', t)
                if m:
                    seq.setdefault(m.group(1), []).append(int(m.group(2)))
                    pages_of.setdefault(m.group(1), set()).add(p.get('label'))
                if f(l, 'y') < top - 0.01 or f(l, 'y') + f(l, 'h') > bottom + 0.01:
                    outside.append(f'page {p.get("label")} |{t}| {l.get("y")}+{l.get("h")}')
    want = {'甲': 50, '乙': 30, '丙': 2, '丁': 1, '戊': 1, '己': 1}
    bad = [f'{k}: {seq.get(k)}' for k, n in want.items() if seq.get(k) != list(range(1, n + 1))]
    c.check('every line once, in order', not bad, '; '.join(bad))
    c.check('row taller than a page breaks', len(pages_of.get('甲', ())) >= 3, f'甲 on pages {sorted(pages_of.get("甲", ()))}')
    c.check('keep-together row taller than a page still breaks', len(pages_of.get('乙', ())) >= 2,
            f'乙 on pages {sorted(pages_of.get("乙", ()))}')
    c.check('lines inside the region-body', not outside, '; '.join(outside[:3]))
    texts = [line_text(l) for l in root.iter('line')]
    c.check('text before and after the table', texts[:1] == ['表前文字'] and texts[-1:] == ['表后文字'], f'{texts[:1]} … {texts[-1:]}')
    c.done()


if __name__ == '__main__':
    main()
