#!/usr/bin/env python3
"""check_rotated.py DUMP PDF — tests/formatter/rotated.fo: reference-orientation.

In the area dump: the turned region-body and block-containers carry orient=…; the table of
the turned body is as wide as the body is tall (laid out across the page's height) and goes
on over two pages with its header; the region-after holding the page number is not turned
and sits at the foot; the block-containers have their sizes and the flow goes on below them;
a turned page master turns region-before too.  In the PDF (pdftotext -bbox): the direction the
text reads — upwards at 90°, upside down at 180°, downwards at 270° — and the upright footer."""
import os
import re
import subprocess
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, f, page_text  # noqa: E402


def words(pdf):
    """{page: [(word, xmin, ymin, xmax, ymax)]} from pdftotext -bbox."""
    out = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True, text=True).stdout
    pages, cur = {}, None
    for ln in out.splitlines():
        if '<page ' in ln:
            cur = len(pages) + 1
            pages[cur] = []
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', ln)
        if m and cur:
            pages[cur].append((m.group(5), *(float(m.group(i)) for i in range(1, 5))))
    return pages


def main():
    c = Checker('rotated.fo ')
    root = load(sys.argv[1])
    pages = root.findall('page')
    if not c.check('4 pages', len(pages) == 4, f'{len(pages)} pages'):
        c.done()
    # 1. the turned body: a table across the page's height, two pages, upright page number
    for i in (0, 1):
        body = next(r for r in pages[i].findall('region') if r.get('name') == 'xsl-region-body')
        foot = next((r for r in pages[i].findall('region') if r.get('name') == 'xsl-region-after'), None)
        table = next((b for b in body.iter('block') if b.get('name') == 'table'), None)
        c.check(f'page {i + 1} body turned 90', body.get('orient') == '90' and f(body, 'h') > f(body, 'w'),
                f'orient {body.get("orient")}, {body.get("w")} × {body.get("h")}')
        c.check(f'page {i + 1} table as wide as the body is tall',
                table is not None and abs(f(table, 'w') - f(body, 'h')) < 0.5 and abs(f(table, 'x') - f(body, 'x')) < 0.5,
                f'table {table.get("w") if table is not None else None}pt wide, body {body.get("h")}pt tall')
        text = page_text(pages[i], 'xsl-region-body')
        c.check(f'page {i + 1} table rows and header', 'LEFTCELL' in text and '栏目1' in text, text[:80])
        ftext = page_text(pages[i], 'xsl-region-after')
        c.check(f'page {i + 1} page number upright at the foot',
                foot is not None and foot.get('orient') is None and f'— {i + 1} —' in ftext
                and f(foot, 'y') >= f(body, 'y') + f(body, 'h') - 0.5,
                f'region-after {foot.attrib if foot is not None else None}: {ftext!r}')
    body1 = next(r for r in pages[0].findall('region') if r.get('name') == 'xsl-region-body')
    absb = next((b for b in body1.iter('block') if b.find('dest') is not None and b.find('dest').get('name') == 'abs-turned'), None)
    c.check('absolute block-container in the turned body\'s frame', absb is not None
            and abs(f(absb, 'x') - (f(body1, 'x') + 480)) < 0.05 and abs(f(absb, 'y') - f(body1, 'y')) < 0.05,
            f'{absb.attrib if absb is not None else "not inside the body region"}')
    # 2. turned block-containers in a plain flow
    refs = [b for b in pages[2].iter('block') if b.get('name') == 'reference']
    got = [(b.get('orient'), round(f(b, 'w')), round(f(b, 'h'))) for b in refs]
    c.check('block-containers 180, -90, 90 with their sizes', [g[0] for g in got[:3]] == ['180', '270', '90']
            and got[0][1] == 200 and got[1][1:] == (100, 150) and got[2][1:] == (100, 150), str(got))
    # the absolute one: content box 60 - 2·2.5 wide, 120 - 2·2.5 tall at body (56.69, 56.69) + (300, 300) + 2.5
    c.check('absolute block-container turned 90', len(got) > 4 and got[4] == ('90', 55, 115)
            and abs(f(refs[4], 'x') - 359.19) < 0.05 and abs(f(refs[4], 'y') - 359.19) < 0.05,
            str(got[4:]) + (str(refs[4].attrib) if len(refs) > 4 else ''))
    # inline-progression-dimension: the turned content's line length (the box's height); two
    # lines of 14.4pt stack across: the box is 28.8pt wide
    c.check('turned 90 with its own inline-progression-dimension', len(got) > 3 and got[3] == ('90', 29, 110), str(got))
    after = next((b for b in pages[2].iter('block') if b.find('dest') is not None and b.find('dest').get('name') == 'after'), None)
    after_line = next((ln for ln in pages[2].iter('line') if 'AFTER' in ''.join(t.text or '' for t in ln.iter('text'))), None)
    c.check('flow goes on below the turned block-containers',
            after_line is not None and len(refs) > 2 and f(after_line, 'y') >= f(refs[2], 'y') + f(refs[2], 'h') - 0.5,
            f'AFTER at y={after_line.get("y") if after_line is not None else None}')
    del after
    # 3. a turned page master turns every region
    regions = {r.get('name'): r for r in pages[3].findall('region')}
    before, body = regions.get('xsl-region-before'), regions.get('xsl-region-body')
    c.check('page master turned 270: body and region-before', before is not None and body is not None
            and before.get('orient') == '270' and body.get('orient') == '270'
            and abs(f(before, 'x') + f(before, 'w') - (595.28 - 56.69)) < 0.5 and f(before, 'x') > f(body, 'x'),
            f'before {before.attrib if before is not None else None}')
    # 4. the PDF: which way the text reads
    w = words(sys.argv[2])

    def box(page, word, k=0):
        hits = [b for b in w.get(page, []) if b[0] == word]
        return hits[k] if len(hits) > k else None
    lc, rc, pf = box(1, 'LEFTCELL'), box(1, 'RIGHTCELL', 0), box(1, 'PAGEFOOT')
    same_row = [b for b in w.get(1, []) if b[0] == 'RIGHTCELL' and lc and abs(b[1] - lc[1]) < 0.5]
    rc = same_row[0] if same_row else rc
    c.check('pdf 90: cells read upwards', lc and rc and lc[4] - lc[2] > 2 * (lc[3] - lc[1]) and lc[2] > rc[4],
            f'LEFTCELL {lc}, RIGHTCELL {rc}')
    c.check('pdf 90: page number upright below the table', pf and pf[3] - pf[1] > 2 * (pf[4] - pf[2])
            and lc and pf[2] >= lc[4] - 0.5, f'PAGEFOOT {pf}')
    ab = box(1, 'ABSWORD')
    c.check('pdf 90: the absolute block-container reads upwards near the top', ab and ab[4] - ab[2] > 2 * (ab[3] - ab[1])
            and ab[4] < 300, f'ABSWORD {ab}')
    f1, f2 = box(3, 'FIRSTLINE'), box(3, 'SECONDLINE')
    c.check('pdf 180: upside down, the second line above the first', f1 and f2 and f2[2] + f2[4] < f1[2] + f1[4] - 20
            and f1[3] - f1[1] > f1[4] - f1[2], f'{f1} {f2}')
    t1, t2 = box(3, 'TOPWORD'), box(3, 'BOTTOMWORD')
    c.check('pdf 270: reads downwards, the second line left of the first', t1 and t2 and t1[4] - t1[2] > 2 * (t1[3] - t1[1])
            and t2[1] + t2[3] < t1[1] + t1[3] - 20 and abs(t1[2] - t2[2]) < 1, f'{t1} {t2}')
    u1, u2 = box(3, 'UPWORD'), box(3, 'ENDWORD')
    s1, o1 = box(3, 'SEALWORD'), box(3, 'OWNLINE')
    c.check('pdf 90: absolute and own-ipd block-containers read upwards', s1 and o1 and s1[4] - s1[2] > 2 * (s1[3] - s1[1])
            and o1[4] - o1[2] > 2 * (o1[3] - o1[1]), f'{s1} {o1}')
    c.check('pdf 90: reads upwards', u1 and u2 and u1[2] >= u2[4] - 0.5 and abs(u1[1] - u2[1]) < 1, f'{u1} {u2}')
    h1, b1 = box(4, 'HEADWORD'), box(4, 'BODYWORD')
    c.check('pdf master 270: header at the right, reading downwards', h1 and b1 and h1[4] - h1[2] > 2 * (h1[3] - h1[1])
            and h1[1] > b1[3] and abs(h1[2] - b1[2]) < 1, f'{h1} {b1}')
    c.done()


main()
