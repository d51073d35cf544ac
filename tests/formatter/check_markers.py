#!/usr/bin/env python3
"""check_markers.py DUMP — tests/formatter/markers.fo: the running header of every page
(region-before, 4 lines) retrieves the right section marker for each retrieve-position, inline
retrieval works, and retrieved content takes the static content's 8pt type.
Sections: S1 pages 1–3, S2 3, S3 3–4, S4 4, S5 5, S6 6 (as check_markers asserts first)."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, line_text, page_text

T = {1: '第一节　总则', 2: '第二节　抽查', 3: '第三节　认证', 4: '第四节　检验', 5: '第五节　责任', 6: '第六节　附则'}
FIRST_START = [1, 1, 2, 4, 5, 6]     # p2 has no marker of its own: the last one before it
LAST_END = [1, 1, 2, 4, 5, 6]        # p3: S3 starts there but ends on p4, so S2
CARRY = [1, 1, 1, 3, 5, 6]           # p5/p6: the section before ended on the page before


def main():
    c = Checker('markers.fo ')
    root = load(sys.argv[1])
    pages = root.findall('page')
    # the body layout the expectations are built on
    starts = {}
    for i, p in enumerate(pages):
        for n, t in T.items():
            if t in page_text(p, 'xsl-region-body'):
                starts.setdefault(n, i + 1)
    c.check('section layout', len(pages) == 6 and starts == {1: 1, 2: 3, 3: 3, 4: 4, 5: 5, 6: 6},
            f'{len(pages)} pages, sections start on {starts}')
    heads = []
    for p in pages:
        reg = [r for r in p.findall('region') if r.get('name') == 'xsl-region-before']
        heads.append([line_text(l) for l in reg[0].iter('line')] if reg else [])
    for k, (name, want) in enumerate((('first-starting-within-page', FIRST_START),
                                      ('last-ending-within-page', LAST_END),
                                      ('first-including-carryover', CARRY))):
        got = [h[k] if len(h) > k else None for h in heads]
        exp = [T[n] for n in want]
        bad = [f'page {i + 1}: {g!r} (expected {e})' for i, (g, e) in enumerate(zip(got, exp)) if g != e]
        c.check(name, not bad, '; '.join(bad))
    got = [h[3] if len(h) > 3 else None for h in heads]
    exp = [f'本页：S{n}' for n in CARRY]
    bad = [f'page {i + 1}: {g!r} (expected {e})' for i, (g, e) in enumerate(zip(got, exp)) if g != e]
    c.check('inline retrieve-marker', not bad, '; '.join(bad))
    sizes = {t.get('size') for p in pages for r in p.findall('region') if r.get('name') == 'xsl-region-before'
             for t in r.iter('text')}
    c.check('retrieved markers inherit from the static content (8pt)', sizes == {'8.00'}, f'sizes {sorted(sizes)}')
    hs = {l.get('h') for p in pages for r in p.findall('region') if r.get('name') == 'xsl-region-before'
          for l in r.iter('line')}
    c.check('header line height 12pt', hs == {'12.00'}, f'line heights {sorted(hs)}')
    c.done()


if __name__ == '__main__':
    main()
