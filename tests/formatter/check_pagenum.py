#!/usr/bin/env python3
"""check_pagenum.py DUMP — tests/formatter/pagenum.fo: on every page the footer says
"第 N 页 共 M 页" with N the page's label and M the real page count; each sequence's
"本部分至第 K 页" names its own last page; fo:page-number inside the flow prints the page
it lands on; the footer stays centred whatever the number's width."""
import os
import re
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, line_text, f


def main():
    c = Checker('pagenum.fo ')
    root = load(sys.argv[1])
    pages = root.findall('page')
    total = len(pages)
    c.check('page count', total >= 10 and root.get('pages') == str(total), f'{total} pages')
    # the first page of sequence b is the one whose body starts with 丙第1行
    starts_b = [i for i, p in enumerate(pages)
                if any(line_text(l).startswith('丙第1行') for r in p.findall('region') for l in r.iter('line'))]
    last_a = pages[starts_b[0] - 1].get('label') if starts_b else '?'
    bad_total, bad_seq, bad_centre, bad_flow = [], [], [], []
    for i, p in enumerate(pages):
        label = p.get('label')
        after = [r for r in p.findall('region') if r.get('name') == 'xsl-region-after']
        ls = list(after[0].iter('line')) if after else []
        t = [line_text(l) for l in ls]
        if not t or t[0] != f'第 {label} 页 共 {total} 页':
            bad_total.append(f'page {label}: {t[:1]}')
        want_k = last_a if (starts_b and i < starts_b[0]) else pages[-1].get('label')
        if len(t) < 2 or t[1] != f'本部分至第 {want_k} 页':
            bad_seq.append(f'page {label}: {t[1:2]} (expected 本部分至第 {want_k} 页)')
        if ls:
            ts = list(ls[0].iter('text'))
            a, b = min(f(x, 'x') for x in ts), max(f(x, 'x') + f(x, 'w') for x in ts)
            mid = f(after[0], 'x') + f(after[0], 'w') / 2
            if abs((a + b) / 2 - mid) > 0.1:
                bad_centre.append(f'page {label}: centre {(a + b) / 2:.2f}, region centre {mid:.2f}')
        for r in p.findall('region'):
            if r.get('name') != 'xsl-region-body':
                continue
            for l in r.iter('line'):
                m = re.match(r'正文本页是第(.*)页$', line_text(l))
                if m and m.group(1) != label:
                    bad_flow.append(f'page {label} says {m.group(1)}')
    c.check('第 N 页 共 M 页 on every page', not bad_total, '; '.join(bad_total[:3]))
    c.check('page-number-citation-last of each sequence', not bad_seq, '; '.join(bad_seq[:3]))
    c.check('footer centred', not bad_centre, '; '.join(bad_centre[:3]))
    flow_lines = sum(1 for l in root.iter('line') if line_text(l).startswith('正文本页是第'))
    c.check('fo:page-number in the flow', flow_lines == 3 and not bad_flow, f'{flow_lines} lines; ' + '; '.join(bad_flow))
    c.done()


if __name__ == '__main__':
    main()
