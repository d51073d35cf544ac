#!/usr/bin/env python3
"""check_lists.py DUMP — tests/formatter/lists.fo: outer labels end at label-end() (46pt),
outer bodies start at body-start() (52pt); the nested list inherits the outer body's
start-indent: its labels start at 52 and end by 88, its bodies start at 92; every label
shares its first baseline with its body; no label wraps."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, f

TOL = 0.05


def main():
    c = Checker('lists.fo ')
    root = load(sys.argv[1])
    texts = list(root.iter('text'))

    def find(s):
        return [t for t in texts if t.text == s]
    bad = []
    for lab, body in (('一、', '生产者应当'), ('二、', '销售者应当'), ('三、', '本规定自发')):
        l, b = find(lab), [t for t in texts if t.text.startswith(body)]
        if len(l) != 1 or not b:
            bad.append(f'{lab} missing')
            continue
        l, b = l[0], b[0]
        if abs(f(l, 'x') + f(l, 'w') - 46) > TOL:
            bad.append(f'{lab} ends at {f(l, "x") + f(l, "w"):.2f}, label-end() is 46')
        if abs(f(b, 'x') - 52) > TOL:
            bad.append(f'body of {lab} starts at {b.get("x")}, body-start() is 52')
        if l.get('baseline') != b.get('baseline'):
            bad.append(f'{lab} baseline {l.get("baseline")} vs body {b.get("baseline")}')
    c.check('outer list label-end() / body-start()', not bad, '; '.join(bad))
    bad = []
    for lab, body in (('（一）', '建立并执行'), ('（二）', '采取措施')):
        l, b = find(lab), [t for t in texts if t.text.startswith(body)]
        if len(l) != 1:
            bad.append(f'label {lab} not on one line: {[t.text for t in texts if t.text in "（一二）"]}')
            continue
        l = l[0]
        if abs(f(l, 'x') - 52) > TOL or f(l, 'x') + f(l, 'w') > 88 + TOL:
            bad.append(f'{lab} spans {f(l, "x"):.2f}..{f(l, "x") + f(l, "w"):.2f}, expected within 52..88')
        if not b or abs(f(b[0], 'x') - 92) > TOL:
            bad.append(f'body of {lab} starts at {b[0].get("x") if b else None}, expected 92')
        elif l.get('baseline') != b[0].get('baseline'):
            bad.append(f'{lab} baseline differs from its body')
    c.check('nested list inherits the body indent', not bad, '; '.join(bad))
    c.done()


if __name__ == '__main__':
    main()
