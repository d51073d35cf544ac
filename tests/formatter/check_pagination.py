#!/usr/bin/env python3
"""check_pagination.py DUMP — assertions on tests/formatter/pagination.fo: page masters chosen
by the repeatable-page-master-alternatives (each page's region-before is named after its
master), page numbers and formats, force-page-count, breaks and keeps."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, page_text, f

MASTERS = ['first', 'even', 'odd', 'blank',                          # i ii iii iv
           'first', 'even', 'odd', 'even', 'odd', 'blank', 'odd', 'even', 'last', 'blank',  # 1–10
           'first']                                                   # 十一
LABELS = ['i', 'ii', 'iii', 'iv'] + [str(n) for n in range(1, 11)] + ['十一']


def main():
    c = Checker('pagination.fo ')
    root = load(sys.argv[1])
    pages = root.findall('page')
    labels = [p.get('label') for p in pages]
    c.check('page labels (format i, initial-page-number, force-page-count)', labels == LABELS,
            f'labels {labels}, expected {LABELS}')
    numbers = [int(p.get('number')) for p in pages]
    c.check('page numbers', numbers == [1, 2, 3, 4] + list(range(1, 12)), f'{numbers}')
    masters = []
    for p in pages:
        hdr = [r.get('name') for r in p.findall('region') if r.get('name', '').startswith('hdr-')]
        masters.append(hdr[0][4:] if hdr else '?')
    # iii is the last page with content of its sequence; the forced blank iv follows it, so
    # both "last" and "odd" are acceptable there
    want = dict(zip(LABELS, MASTERS))
    want_alt = dict(want, iii='last')
    bad = [f'{l}: {m} (expected {want.get(l)})' for l, m in zip(labels, masters)
           if m != want.get(l) and m != want_alt.get(l)]
    c.check('page masters (first/last/odd/even/blank)', not bad, '; '.join(bad))
    # mirror margins: odd pages' body starts at 24pt, even at 16pt
    bad = []
    for p, m in zip(pages, masters):
        for r in p.findall('region'):
            if r.get('name') == 'xsl-region-body':
                want = {'odd': 24, 'even': 16}.get(m, 20)
                if abs(f(r, 'x') - want) > 0.01:
                    bad.append(f'page {p.get("label")} ({m}) body x={r.get("x")}')
    c.check('odd/even region geometry', not bad, '; '.join(bad))
    blanks = [p.get('label') for p in pages if p.get('blank') == 'true']
    c.check('blank pages', blanks == ['iv', '6', '10'], f'blank pages {blanks}, expected iv, 6, 10')
    nonempty = [p.get('label') for p in pages if p.get('blank') == 'true' and page_text(p, 'xsl-region-body').strip()]
    c.check('blank pages are empty', not nonempty, f'{nonempty}')
    texts = [page_text(p, 'xsl-region-body') for p in pages]

    def where(s):
        return [i for i, t in enumerate(texts) if s in t]
    h, n = where('标题紧随下段'), where('丙段落紧随标题的文字')
    c.check('keep-with-next (block with an id)', h and n and h[0] == n[0],
            f'heading on page {[labels[i] for i in h]}, next paragraph starts on {[labels[i] for i in n[:1]]}')
    k = where('戊整体不分页的段落文')
    c.check('keep-together', len(k) == 1 and texts[k[0]].count('戊') == 3, f'戊 on pages {[labels[i] for i in k]}')
    w = where('庚孤行寡行控制段落文')
    counts = [texts[i].count('庚') for i in w]
    c.check('widows/orphans 3', len(w) == 2 and min(counts) >= 3 and sum(counts) == 7,
            f'庚 lines per page {counts}')
    for title in ('第二章从奇数页开始', '第三章从奇数页开始'):
        pg = where(title)
        c.check(f'break-before odd-page {title[:3]}', pg and numbers[pg[0]] % 2 == 1 and texts[pg[0]].startswith(title),
                f'on page {[labels[i] for i in pg]}')
    c.check('odd-page break inserts a blank page', masters[where('第二章从奇数页开始')[0] - 1] == 'blank',
            'no blank page before 第二章')
    c.done()


if __name__ == '__main__':
    main()
