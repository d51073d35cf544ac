#!/usr/bin/env python3
"""check_kinsoku.py DUMP… — 避头尾 over every line of every given area dump:
  no line starts with a no-start character (GB/T 15834 §5.1; a —— pair may start a line),
  no line ends with a no-end character, —— and …… never split across lines, a number never
  separated from its ％; and line geometry: content inside the line box (one closing mark
  may hang past its end), runs not overlapping.
check_kinsoku.py --kinsoku-fo DUMP — extra assertions on tests/formatter/kinsoku.fo."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, lines, paragraphs, f, line_text, EPS

NO_START = set('，。、；：？！）》〉」』】〕］｝”’·—～％‰々〻ゝゞ')
NO_END = set('（《〈「『【〔［｛“‘')


def violations(root):
    bad = []
    prev = None  # (region element, text) of the previous line in the same region
    for page, reg, line, text in lines(root):
        where = f'page {page.get("number")} y={line.get("y")} |{text}|'
        s = text.strip()
        if s:
            c = s[0]
            if c in NO_START and not (c == '—' and s[1:2] == '—'):
                bad.append(f'starts with {c}: {where}')
            if s[-1] in NO_END:
                bad.append(f'ends with {s[-1]}: {where}')
            if prev is not None and prev[0] is reg and prev[1]:
                p = prev[1]
                for pair in ('——', '……'):
                    if p.endswith(pair[0]) and s.startswith(pair[0]) and not p.endswith(pair):
                        bad.append(f'{pair} split: {where}')
                if p[-1].isdigit() and s[0] in '％%‰':
                    bad.append(f'number split from {s[0]}: {where}')
        prev = (reg, s)
    return bad


HANG = set('，。、；：？！）》〉」』】〕］｝”’')


def geometry(root):
    """Lines whose content leaves the line box (only one closing mark may hang past its end)
    or whose runs overlap."""
    bad = []
    for page, reg, line, text in lines(root):
        kids = [k for k in line if k.tag in ('text', 'rule', 'image')]
        if not kids:
            continue
        where = f'page {page.get("number")} y={line.get("y")}'
        left = min(f(k, 'x') for k in kids)
        right = max(f(k, 'x') + f(k, 'w') for k in kids)
        end = f(line, 'x') + f(line, 'w')
        if left < f(line, 'x') - EPS:
            bad.append(f'{where} content starts at {left:.2f}, line at {f(line, "x"):.2f} |{text}|')
        if right > end + EPS:
            last = max((k for k in kids if k.tag == 'text'), key=lambda k: f(k, 'x') + f(k, 'w'), default=None)
            hang = last is not None and last.text and last.text[-1] in HANG and f(last, 'x') + f(last, 'w') * (len(last.text) - 1) / len(last.text) <= end + EPS
            if not hang:
                bad.append(f'{where} content ends at {right:.2f}, line at {end:.2f} |{text}|')
        xs = sorted((f(k, 'x'), f(k, 'w')) for k in line if k.tag == 'text')
        for (x0, w0), (x1, _) in zip(xs, xs[1:]):
            if x1 < x0 + w0 - EPS:
                bad.append(f'{where} runs overlap at x={x1:.2f} |{text}|')
    return bad


def kinsoku_fo(c, root):
    """Assertions that depend on how kinsoku.fo is built (10 cells per line)."""
    unjust = {'grid': [], 'normal': []}
    wide = {'grid': [], 'normal': []}
    for page in root.findall('page'):
        reg = page.find('region')
        right = f(reg, 'x') + f(reg, 'w')
        mode = 'grid' if f(reg, 'w') < 159 else 'normal'
        for para in paragraphs(reg):
            texts = [line_text(l) for l in para]
            first = texts[0]
            # 检验，…产品 + a no-start mark in 11 cells: the line-end mark keeps its full width
            # (no glyph past the text area) and half of the one ， inside is not enough, so 品
            # goes down with the mark, the same in both modes (check_breaking.py tests the
            # squeeze when the marks inside make room)
            for mark in '，。）》”':
                if ''.join(texts).startswith('检验，结果合格的产品' + mark):
                    c.check(f'push-down {mode} {mark}', first == '检验，结果合格的产'
                            and texts[1].startswith('品' + mark),
                            f'lines |{first}|{texts[1] if len(texts) > 1 else ""}|, expected 品{mark} on line 2')
            # justified: every line but the last of a paragraph reaches the right edge
            for l in para[:-1]:
                end = max(f(t, 'x') + f(t, 'w') for t in l.iter('text'))
                t = line_text(l)
                if abs(end - right) > 0.15 and t and t[-1] in HANG:
                    cell = 15.79 if mode == 'grid' else 16.0
                    end -= cell  # a hanging closing mark: the rest of the line fills the measure
                if abs(end - right) > 0.15:
                    unjust[mode].append(f'page {page.get("number")} |{line_text(l)}| ends at {end:.2f}, not {right:.2f}')
            # 10 cells per line: at most 11 full-width characters (one squeezed in)
            for t in texts:
                if sum(1 for ch in t if ord(ch) >= 0x2000) > 11:
                    wide[mode].append(t)
    for mode in ('grid', 'normal'):
        c.check(f'justified {mode}', not unjust[mode], '; '.join(unjust[mode][:2]))
        c.check(f'cells {mode}', not wide[mode], '; '.join(wide[mode][:2]))


def main():
    args = sys.argv[1:]
    if args and args[0] == '--kinsoku-fo':
        c = Checker('kinsoku.fo ')
        root = load(args[1])
        kinsoku_fo(c, root)
        c.done()
    c = Checker('')
    for path in args:
        name = os.path.basename(path).replace('.areas.xml', '').replace('.xml', '')
        root = load(path)
        bad = violations(root)
        c.check(f'kinsoku {name}', not bad, '; '.join(bad[:3]) + (f' (+{len(bad) - 3} more)' if len(bad) > 3 else ''))
        bad = geometry(root)
        c.check(f'line-geometry {name}', not bad, '; '.join(bad[:2]) + (f' (+{len(bad) - 2} more)' if len(bad) > 2 else ''))
    c.done()


if __name__ == '__main__':
    main()
