#!/usr/bin/env python3
"""check_keepspace.py DUMP — tests/formatter/keepspace.fo: keep-with-previous and keep-with-next
hold across the space between the two blocks (no page break after the space)."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, line_text


def main():
    c = Checker('keepspace.fo ')
    root = load(sys.argv[1])
    pages = [[line_text(l) for l in p.iter('line')] for p in root.findall('page')]
    def page_of(text):
        return next((i for i, p in enumerate(pages) if text in p), None)
    for signed, before in (('落款甲', '前文五'), ('落款乙', '后文五')):
        a, b = page_of(signed), page_of(before)
        c.check(f'{signed} on the page of {before}', a is not None and a == b,
                f'{signed} on page {a}, {before} on page {b}: {pages}')
    c.done()


main()
