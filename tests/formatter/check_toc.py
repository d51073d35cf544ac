#!/usr/bin/env python3
"""check_toc.py DUMP PDF — tests/formatter/toc.fo: every TOC line on page 1 links to a heading
(<link name=ID>), has a dot leader and ends with the number of the page holding the heading's
<dest>, right-aligned; the PDF outline (qpdf --json) nests the bookmark tree, opens or closes
entries per starting-state, and points at the headings' pages."""
import json
import os
import re
import subprocess
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, line_text, dests, f

OUTLINE = [('目录', True, []),
           ('第一章　总则', True, ['第一节　立法目的', '第二节　适用范围']),
           ('第二章　产品质量的监督', False, ['第一节　抽查制度', '第二节　认证制度', '第三节　检验机构']),
           ('第三章　生产者的责任和义务', True, ['第一节　质量要求']),
           ('第四章　法律责任', True, [])]
IDS = {'目录': 'toc', '第一章　总则': 'c1', '第一节　立法目的': 'c1s1', '第二节　适用范围': 'c1s2',
       '第二章　产品质量的监督': 'c2', '第一节　抽查制度': 'c2s1', '第二节　认证制度': 'c2s2',
       '第三节　检验机构': 'c2s3', '第三章　生产者的责任和义务': 'c3', '第一节　质量要求': 'c3s1',
       '第四章　法律责任': 'c4'}


def main():
    c = Checker('toc.fo ')
    root = load(sys.argv[1])
    d = dests(root)
    c.check('dest areas', all(i in d for i in IDS.values()), f'missing {[i for i in IDS.values() if i not in d]}')
    page1 = root.find('page')
    reg = page1.find('region')
    right = f(reg, 'x') + f(reg, 'w')
    entries = [l for l in reg.iter('line') if l.find('link') is not None]
    c.check('toc entries', len(entries) == 10, f'{len(entries)} lines with links on page 1')
    bad_num, bad_link, bad_leader, bad_align = [], [], [], []
    for l in entries:
        text = line_text(l)
        m = re.match(r'(.*?)(\d+)$', text)
        links = {k.get('name') for k in l.findall('link')}
        if not m or len(links) != 1:
            bad_link.append(f'|{text}| links {links}')
            continue
        title, num = m.group(1), m.group(2)
        ident = links.pop()
        if IDS.get(title) != ident:
            bad_link.append(f'|{title}| links to {ident}')
        if ident not in d or d[ident][1] != num:
            bad_num.append(f'|{title}| says {num}, heading is on page {d.get(ident, ("?", "?"))[1]}')
        rules = l.findall('rule')
        if len(rules) != 1 or f(rules[0], 'w') < 10:
            bad_leader.append(f'|{text}|')
        last = max(l.findall('text'), key=lambda t: f(t, 'x'))
        if abs(f(last, 'x') + f(last, 'w') - right) > 0.1:
            bad_align.append(f'|{text}| ends at {f(last, "x") + f(last, "w"):.2f}')
    c.check('toc links', not bad_link, '; '.join(bad_link[:3]))
    c.check('toc page numbers equal the headings\' pages', entries and not bad_num, '; '.join(bad_num[:3]))
    c.check('toc dot leaders', not bad_leader, '; '.join(bad_leader[:3]))
    c.check('toc numbers right-aligned', not bad_align, '; '.join(bad_align[:3]))
    two = [l for l in entries if re.search(r'\d\d$', line_text(l))]
    c.check('two-digit citations', len(two) >= 2, 'the test needs headings beyond page 9')
    # the PDF outline
    try:
        out = subprocess.run(['qpdf', '--json', sys.argv[2]], capture_output=True, text=True).stdout
        outlines = json.loads(out)['outlines']
    except Exception as e:  # noqa: BLE001 — any failure is a test failure
        c.fail('pdf outline', f'qpdf --json failed: {e}')
        c.done()
    got = [(o['title'], o['open'], [k['title'] for k in o['kids']]) for o in outlines]
    c.check('pdf outline nesting and starting-state', got == OUTLINE, f'{got}')
    bad = []

    def walk(items):
        for o in items:
            ident = IDS.get(o['title'])
            want = d.get(ident, (None,))[0]
            if o.get('destpageposfrom1') != want:
                bad.append(f'{o["title"]} → page {o.get("destpageposfrom1")}, heading on {want}')
            walk(o['kids'])
    walk(outlines)
    c.check('pdf outline destinations', not bad, '; '.join(bad[:3]))
    c.done()


if __name__ == '__main__':
    main()
