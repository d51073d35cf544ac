#!/usr/bin/env python3
"""check_pages.py — page checks of a document on its area dump and PDF.

Usage: check_pages.py NAME AREAS.xml PDF CHECK…   (one "ok"/"not ok" line per CHECK)
  sample            every page's text (pdftotext) holds 样例
  fill              every page but the last is at least half full; the last page holds at
                    least two lines that are not the closing (opinion, signatures, dates)
  footer-sign       every page's footer holds 检查人员签字 and 被检查单位负责人签字
  seal-row          the receipt's 送达机关（印章） row is at least 42 mm tall"""
import subprocess
import sys
import xml.etree.ElementTree as ET


def text(line):
    return ''.join(t.text or '' for t in line.iter('text'))


def region(pg, prefix):
    return [r for r in pg.findall('region') if r.get('name', '').startswith(prefix)]


name, areas, pdf = sys.argv[1:4]
root = ET.parse(areas).getroot()
pages = root.findall('page')
for check in sys.argv[4:]:
    bad = []
    if check == 'sample':
        for i in range(1, len(pages) + 1):
            t = subprocess.run(['pdftotext', '-f', str(i), '-l', str(i), '-enc', 'UTF-8', pdf, '-'],
                               capture_output=True, text=True).stdout
            if '样例' not in t:
                bad.append('page %d does not say 样例' % i)
    elif check == 'fill':
        for k, pg in enumerate(pages):
            body = region(pg, 'xsl-region-body')[0]
            ls = list(body.iter('line'))
            bottom = max(float(l.get('y')) + float(l.get('h')) for l in ls)
            fill = (bottom - float(body.get('y'))) / float(body.get('h'))
            if k + 1 < len(pages) and fill < 0.5:
                bad.append('page %d only %.0f%% full' % (k + 1, 100 * fill))
            if k + 1 == len(pages):
                content = [text(l) for l in ls if text(l).strip() and '签字' not in text(l)
                           and not text(l).strip().startswith('年') and '意见' not in text(l)]
                if len(content) < 2:
                    bad.append('last page holds %d lines of content' % len(content))
    elif check == 'footer-sign':
        for k, pg in enumerate(pages):
            t = ''.join(text(l) for r in region(pg, 'gw-after') for l in r.iter('line'))
            if '检查人员签字' not in t or '被检查单位负责人签字' not in t:
                bad.append('page %d footer: "%s"' % (k + 1, t))
    elif check == 'seal-row':
        cells = [c for c in pages[0].iter('block') if c.get('name') == 'table-cell'
                 and any(text(l).startswith('送达机关') for l in c.iter('line'))]
        if not cells:
            bad.append('no 送达机关 cell')
        elif float(cells[0].get('h')) < 42 * 72 / 25.4:
            bad.append('送达机关（印章） row %.1f mm tall (want ≥ 42)' % (float(cells[0].get('h')) * 25.4 / 72))
    if bad:
        print('not ok - %s %s: %s' % (check, name, '; '.join(bad)))
    else:
        print('ok - %s %s' % (check, name))
