#!/usr/bin/env python3
"""check_annual.py — the annual register printed duplex (area dump).

Usage: check_annual.py AREAS.xml → "ok"/"not ok" lines:
  running heads  every running head is one line (its texts share one baseline)
  duplex         the contents (目录) and printed page 1 are right-hand (odd) sheets' fronts
  portrait       every page is portrait A4 (landscape registers are turned inside the
                 text area), and every numbered page has its number 7 mm below the text
                 area, odd pages right, even pages left (GB/T 9704)"""
import sys
import xml.etree.ElementTree as ET


def text(e):
    return ''.join(t.text or '' for t in e.iter('text'))


pages = ET.parse(sys.argv[1]).getroot().findall('page')
bad = {'running heads': [], 'duplex': [], 'portrait': []}
toc = first = None
for k, pg in enumerate(pages, 1):
    regs = {r.get('name', ''): r for r in pg.findall('region')}
    for name, r in regs.items():
        if name.startswith('gw-before'):
            ys = {round(float(t.get('baseline')), 1) for t in r.iter('text') if (t.text or '').strip()}
            if len(ys) > 1:
                bad['running heads'].append('page %d: %d lines "%s"' % (k, len(ys), text(r)))
    body = regs.get('xsl-region-body')
    if body is not None and '目' in text(body)[:3] and toc is None:
        toc = k
    if pg.get('label') == '1' and k > 2 and first is None:
        first = k
    if abs(float(pg.get('w')) - 595.28) > 1 or abs(float(pg.get('h')) - 841.89) > 1:
        bad['portrait'].append('page %d is %s × %s' % (k, pg.get('w'), pg.get('h')))
    after = [r for n, r in regs.items() if n.startswith('gw-after')]
    texts = [t for r in after for t in r.iter('text') if (t.text or '').strip()]
    if texts and body is not None:
        base = float(texts[0].get('baseline'))
        bottom = float(body.get('y')) + float(body.get('h'))
        if body.get('w') and abs(float(body.get('h')) - 637.8) < 1 and abs(base - bottom - 19.84) > 2.5:
            bad['portrait'].append('page %d: number baseline %.1f, want %.1f' % (k, base, bottom + 19.84))
if toc is None or toc % 2 == 0:
    bad['duplex'].append('contents on sheet side %s' % toc)
if first is None or first % 2 == 0:
    bad['duplex'].append('page 1 is PDF page %s' % first)
for name, b in bad.items():
    if b:
        print('not ok - annual %s: %s' % (name, '; '.join(b[:3])))
    else:
        print('ok - annual %s' % name)
