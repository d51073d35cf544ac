#!/usr/bin/env python3
"""check_justify.py DUMP — assertions on tests/formatter/justify.fo (body x 10..180pt,
16pt characters): justification, text-align-last, fixed and elastic letter-spacing."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, paragraphs, f, line_text

L, R, FS = 10.0, 180.0, 16.0
TOL = 0.1


def extent(line):
    ts = list(line.iter('text'))
    return min(f(t, 'x') for t in ts), max(f(t, 'x') + f(t, 'w') for t in ts)


def main():
    c = Checker('justify.fo ')
    root = load(sys.argv[1])
    reg = root.find('page').find('region')
    paras = {}
    for p in paragraphs(reg):
        paras[line_text(p[0])[0]] = p
    c.check('paragraphs', all(k in paras for k in '甲乙丙丁戊己庚辛壬癸子'), f'found {sorted(paras)}')

    def full(key, lines):
        bad = [f'|{line_text(l)}| {extent(l)[0]:.2f}..{extent(l)[1]:.2f}' for l in lines
               if abs(extent(l)[0] - L) > TOL or abs(extent(l)[1] - R) > TOL]
        return bad

    for key, name in (('甲', 'justify chinese'), ('乙', 'justify mixed latin'), ('癸', 'justify with ——'),
                      ('子', 'justify with inline letter-spacing')):
        p = paras.get(key, [])
        bad = full(key, p[:-1])
        c.check(name, len(p) > 1 and not bad, '; '.join(bad) or 'one line only')
    p = paras.get('甲', [])
    if p:
        a, b = extent(p[-1])
        c.check('last line not justified', abs(a - L) < TOL and abs(b - (L + FS * len(line_text(p[-1])))) < TOL,
                f'last line spans {a:.2f}..{b:.2f}')
    p = paras.get('丙', [])
    bad = full('丙', p)
    c.check('text-align-last justify', len(p) > 1 and not bad, '; '.join(bad))
    p = paras.get('丁', [])
    if p:
        a, b = extent(p[-1])
        c.check('text-align-last center', abs((a - L) - (R - b)) < TOL and a > L + 1, f'last line spans {a:.2f}..{b:.2f}')
    p = paras.get('戊', [])
    if p:
        a, b = extent(p[-1])
        c.check('text-align-last end', abs(b - R) < TOL and a > L + 1, f'last line spans {a:.2f}..{b:.2f}')
    for key, name in (('己', 'text-align center'), ('庚', 'text-align end')):
        p = paras.get(key, [])
        if p:
            a, b = extent(p[0])
            w = FS * len(line_text(p[0]))
            ok = abs(b - a - w) < TOL and (abs((a - L) - (R - b)) < TOL if key == '己' else abs(b - R) < TOL)
            c.check(name, ok, f'line spans {a:.2f}..{b:.2f}')
    # fixed letter-spacing 4pt: n characters = 16n + 4(n-1); greedy: 8 per line in 170pt
    p = paras.get('辛', [])
    bad = []
    for i, l in enumerate(p):
        n = len(line_text(l))
        a, b = extent(l)
        if abs((b - a) - (FS * n + 4 * (n - 1))) > TOL or (i < len(p) - 1 and n != 8):
            bad.append(f'|{line_text(l)}| {n} chars {b - a:.2f}pt wide')
    c.check('letter-spacing fixed', p and not bad, '; '.join(bad))
    # elastic letter-spacing 0/2/3: justified lines keep every gap within [0, 3]; the last
    # line is set at the optimum 2pt
    p = paras.get('壬', [])
    bad = []
    for i, l in enumerate(p):
        n = len(line_text(l))
        a, b = extent(l)
        gap = ((b - a) - FS * n) / (n - 1) if n > 1 else 0
        if i < len(p) - 1:
            if not (-0.01 <= gap <= 3.01) or abs(b - R) > TOL:
                bad.append(f'|{line_text(l)}| gap {gap:.2f}pt (range 0..3)')
        elif abs(gap - 2) > 0.01:
            bad.append(f'last line |{line_text(l)}| gap {gap:.2f}pt (optimum 2)')
    c.check('letter-spacing elastic', p and not bad, '; '.join(bad))
    c.done()


if __name__ == '__main__':
    main()
