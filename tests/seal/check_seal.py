#!/usr/bin/env python3
"""check_seal.py — the signature/seal block of an enforcement document, on its area dump.

Usage: check_seal.py NAME AREAS.xml RECORD.xml [--date-attr PATH]
Prints "ok - NAME …" or "not ok - NAME: why" lines:
  body      the page of the date line also holds at least two body lines (GB/T 9704
            7.3.5.5: no page of signatures alone); the contact lines (承办股室, 联系电话)
            share one page
  seal      a 42 mm seal (r = 59.53 pt) centred on the top edge of the date line, on its
            horizontal centre: the organ line lies in its upper half, the date in its lower
            half, both centred on its axis; the date ends 4 characters in from the right; no
            other text inside the seal's square; its top within one line below the last text
            line above (7.3.5.1)."""
import sys
import xml.etree.ElementTree as ET

R = 59.53
LINE = 28.95
NS = '{urn:gongwen:record:1}'


def text(line):
    return ''.join(t.text or '' for t in line.iter('text'))


def extent(line):
    ts = [t for t in line.iter('text') if (t.text or '').strip()]
    x0 = min(float(t.get('x')) for t in ts)
    x1 = max(float(t.get('x')) + float(t.get('w')) for t in ts)
    return x0, x1, float(line.get('y')), float(line.get('y')) + float(line.get('h'))


def main():
    name, areas, record = sys.argv[1:4]
    date_path = sys.argv[4] if len(sys.argv) > 4 else None
    rec = ET.parse(record).getroot()
    iso = rec.find(date_path) .get('issued') if date_path else rec.find(NS + 'issued').get('date')
    y, m, d = (int(v) for v in iso.split('-'))
    date = '%d年%d月%d日' % (y, m, d)
    organ = rec.find(NS + 'issuer/' + NS + 'name').text
    seal = rec.find(NS + 'issuer/' + NS + 'seal')
    caption = '（%s）' % seal.text if seal is not None else None
    root = ET.parse(areas).getroot()
    bad = []
    found = False
    contact_pages = {}
    for pg in root.findall('page'):
        body = [r for r in pg.findall('region') if r.get('name') == 'xsl-region-body'][0]
        lines = list(body.iter('line'))
        texts = [text(l).strip() for l in lines]
        for t in texts:
            for k in ('承办股室', '联系电话：0'):
                if t.startswith(k):
                    contact_pages[k] = pg.get('number')
        if date not in texts:
            continue
        found = True
        i = texts.index(date)
        # closing lines: contact, signatures, organ/caption/date, copies note
        def closing(t):
            return (t in (organ, caption, date) or t.startswith(('承办股室', '联系电话', '地址：'))
                    or '签名' in t or '执法证' in t or '一式两份' in t or t.startswith('（本'))
        nbody = sum(1 for t in texts[:i] if t and not closing(t))
        if nbody < 2:
            bad.append('page %s holds the signature block with %d body lines' % (pg.get('number'), nbody))
        # the seal
        dl = lines[i]
        ol = lines[i - 1]
        if texts[i - 1] != organ:
            bad.append('the line above the date is "%s", not the organ' % texts[i - 1])
            break
        dx0, dx1, dy0, dy1 = extent(dl)
        ox0, ox1, oy0, oy1 = extent(ol)
        cx, cy = (dx0 + dx1) / 2, dy0
        if abs((ox0 + ox1) / 2 - cx) > 3:
            bad.append('organ centred at %.1f, date at %.1f' % ((ox0 + ox1) / 2, cx))
        if not (cy - R <= oy0 and oy1 <= cy + 0.5):
            bad.append('organ line %.1f–%.1f not in the seal\'s upper half (%.1f–%.1f)' % (oy0, oy1, cy - R, cy))
        if not (cy - 0.5 <= dy0 and dy1 <= cy + R):
            bad.append('date line %.1f–%.1f not in the seal\'s lower half' % (dy0, dy1))
        want = float(body.get('x')) + float(body.get('w')) - 4 * 15.79
        if abs(dx1 - want) > 4:
            bad.append('date ends at %.1f, want %.1f (4 characters in)' % (dx1, want))
        above = None
        for l, t in zip(lines, texts):
            if not t or l is dl or l is ol or t == caption:
                continue
            x0, x1, y0, y1 = extent(l)
            if x1 > cx - R and x0 < cx + R and y1 > cy - R + 0.5 and y0 < cy + R - 0.5:
                bad.append('"%s" lies inside the seal area' % t[:20])
            if y1 <= oy0 + 0.5 and (above is None or y1 > above):
                above = y1
        if caption:
            cl = lines[i - 2]
            if texts[i - 2] != caption:
                bad.append('no seal caption above the organ')
            else:
                oy0 = extent(cl)[2]
        if above is not None and not (above - 0.5 <= cy - R <= above + LINE):
            bad.append('seal top %.1f is not within one line below the last text line (%.1f)' % (cy - R, above))
        break
    if not found:
        bad.append('date %s not found' % date)
    if len(set(contact_pages.values())) > 1:
        bad.append('承办股室 and 联系电话 on different pages %s' % contact_pages)
    if bad:
        print('not ok - %s: %s' % (name, '; '.join(bad)))
    else:
        print('ok - %s (%d pages)' % (name, len(root.findall('page'))))


main()
