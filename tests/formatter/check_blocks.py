#!/usr/bin/env python3
"""check_blocks.py DUMP PNG-PREFIX — tests/formatter/blocks.fo: borders, padding, margins,
spaces and their conditionality, underlined fill-in blanks, baseline-shift, preserved white
space and line feeds, PNG and SVG images.  PNG-PREFIX-N.png are the pages at 72 dpi
(1px = 1pt) for the border styles and the background."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, f, line_text
import pnglib

MM = 72 / 25.4


def main():
    c = Checker('blocks.fo ')
    root = load(sys.argv[1])
    pages = root.findall('page')
    where = {}   # id → (page index, dest element, parent element)
    for i, p in enumerate(pages):
        for parent in p.iter():
            for d in parent.findall('dest'):
                where[d.get('name')] = (i, d, parent)

    def block(ident):
        i, d, parent = where[ident]
        return i, parent if parent.tag == 'block' else None

    def lines_after(ident, n=1):
        """The n lines that follow the dest of `ident` in its parent."""
        i, d, parent = where[ident]
        kids = list(parent)
        k = kids.index(d)
        return [x for x in kids[k + 1:] if x.tag == 'line'][:n]

    def near(a, b, tol=0.05):
        return abs(a - b) <= tol
    # borders and padding: border box around content 20..220, text at 20
    for ident, bw in (('b-solid', 1), ('b-dashed', 2), ('b-dotted', 2), ('b-double', 3)):
        i, b = block(ident)
        ok = b is not None and all(b.get(s) == f'{bw:.2f}' for s in ('border-top', 'border-bottom', 'border-left', 'border-right'))
        ok = ok and near(f(b, 'x'), 20 - 4 - bw) and near(f(b, 'w'), 200 + 8 + 2 * bw)
        t = lines_after(ident)[0].find('text')
        ok = ok and near(f(t, 'x'), 20) and near(f(lines_after(ident)[0], 'y'), f(b, 'y') + bw + 4)
        ok = ok and near(f(b, 'h'), 16 + 8 + 2 * bw)
        c.check(f'border and padding {ident[2:]}', ok, f'{b.attrib if b is not None else None}')
    i, b = block('b-margin')
    ls = lines_after('b-margin', 2)
    c.check('margin-left / margin-right', b is not None and near(f(b, 'x'), 40) and near(f(b, 'w'), 150)
            and all(near(f(l.find('text'), 'x'), 41) for l in ls) and len(ls) == 2
            and all(f(l.find('text'), 'x') + f(l.find('text'), 'w') <= 189 + 0.05 for l in ls),
            f'{b.attrib if b is not None else None}')
    prev = where['b-double'][2]
    c.check('margin-top merges with space-after (max)', near(f(b, 'y'), f(prev, 'y') + f(prev, 'h') + 10), f'y={b.get("y")}')
    outer = lines_after('b-nested')[0].find('text')
    inner_i, inner = None, [x for x in where['b-nested'][2].iter('block') if line_text(x) == '内层再缩进十磅']
    ok = near(f(outer, 'x'), 30) and inner and near(f(inner[0].find('.//text'), 'x'), 46) and near(f(inner[0], 'x'), 40) \
        and inner[0].get('border-left') == '1.00' and inner[0].get('border-top') is None
    c.check('nested margins, padding-left, border-left', ok, f'outer x={outer.get("x")}')
    # spaces
    c.check('space-before discarded at a page top', where['s-discard'][0] == 1 and near(f(lines_after('s-discard')[0], 'y'), 20),
            f'y={lines_after("s-discard")[0].get("y")}')
    c.check('space-after / space-before merge (max)', near(f(lines_after('s-next')[0], 'y'), f(lines_after('s-after')[0], 'y') + 16 + 20),
            f'y={lines_after("s-next")[0].get("y")}')
    c.check('space-before.conditionality="retain" at a page top', where['s-retain'][0] == 2 and near(f(lines_after('s-retain')[0], 'y'), 50),
            f'page {where["s-retain"][0] + 1} y={lines_after("s-retain")[0].get("y")}')
    # fill-in blanks
    l = lines_after('u-text')[0]
    ts = l.findall('text')
    c.check('text-decoration underline', [t.text for t in ts] == ['当事人：', '张三'] and ts[1].get('underline') == 'true'
            and ts[0].get('underline') is None, f'{[(t.text, t.get("underline")) for t in ts]}')
    l = lines_after('u-blank')[0]
    rules = l.findall('rule')
    base = f(l.find('text'), 'baseline')
    c.check('underlined leaders as blanks', [round(f(r, 'w'), 2) for r in rules] == [60.0, 40.0]
            and all(base < f(r, 'y') < base + 3 for r in rules) and near(f(rules[0], 'x'), 50) and near(f(rules[1], 'x'), 140),
            f'{[r.attrib for r in rules]}')
    # baseline-shift
    l = lines_after('shift')[0]
    ts = l.findall('text')
    base = max(f(t, 'baseline') for t in ts if t.get('size') == '10.00')
    sup = [t for t in ts if t.get('size') == '7.00']
    c.check('baseline-shift super and sub', len(sup) == 2 and f(sup[0], 'baseline') < base - 1 and f(sup[1], 'baseline') > base + 0.5
            and all(f(t, 'baseline') == base for t in ts if t.get('size') == '10.00'),
            f'{[(t.text, t.get("baseline")) for t in ts]}')
    # footnote: the body is placed on the page of its citation, below the body text
    fi = where['fn'][0]
    page = pages[fi]
    body_lines = [l for r in page.findall('region') if r.get('name') == 'xsl-region-body' for l in r.iter('line')]
    notes = [l for l in page.iter('line') if line_text(l) == '脚注内容不应丢失']
    c.check('footnote body placed', notes and all(f(notes[0], 'y') > f(l, 'y') for l in body_lines if l is not notes[0])
            and notes[0].find('text').get('size') == '8.00',
            'footnote body missing' if not notes else f'footnote at y={notes[0].get("y")}')
    # white-space
    ls = lines_after('pre', 3)
    c.check('white-space="pre"', [line_text(x) for x in ls] == ['第一行', '  缩进两格的第二行', '第三行'], f'{[line_text(x) for x in ls]}')
    ls = lines_after('lf', 2)
    c.check('linefeed-treatment="preserve"', [line_text(x) for x in ls] == ['保留换行甲', '保留换行乙'], f'{[line_text(x) for x in ls]}')
    # images
    sizes = []
    for ident in ('img-png', 'img-png-scaled', 'img-svg', 'img-svg-scaled'):
        im = lines_after(ident)[0].find('image')
        sizes.append((round(f(im, 'w'), 2), round(f(im, 'h'), 2)) if im is not None else None)
    c.check('external-graphic PNG', sizes[:2] == [(30.0, 15.0), (60.0, 30.0)], f'{sizes[:2]}')
    c.check('external-graphic SVG', sizes[2:] == [(75.0, 75.0), (round(42 * MM, 2), round(42 * MM, 2))], f'{sizes[2:]}')
    l = lines_after('img-png')[0]
    kids = [(k.tag, k.text) for k in l if k.tag in ('text', 'image')]
    c.check('image inline between text', kids == [('text', '图'), ('image', None), ('text', '尾')], f'{kids}')
    # rendering at 72 dpi: border styles along the top edge, background inside
    prefix = sys.argv[2]
    try:
        w, h, px = pnglib.read(f'{prefix}-1.png')

        def top_edge(ident):
            _, b = block(ident)
            bw = float(b.get('border-top'))
            y = int(f(b, 'y') + bw / 2)
            return ''.join('#' if px[y][x] < 128 else '.' for x in range(int(f(b, 'x')) + 6, int(f(b, 'x') + f(b, 'w')) - 6))
        solid, dashed, dotted = top_edge('b-solid'), top_edge('b-dashed'), top_edge('b-dotted')
        c.check('border-style solid', '.' not in solid, solid[:60])
        c.check('border-style dashed', dashed.count('#.') >= 10 and '#####' in dashed, dashed[:60])
        c.check('border-style dotted', dotted.count('#.') >= 20 and '#####' not in dotted, dotted[:60])
        _, b = block('b-double')
        x = int(f(b, 'x') + 100)
        col = ''.join('#' if px[y][x] < 100 else '.' for y in range(int(f(b, 'y')) - 1, int(f(b, 'y')) + 5))
        c.check('border-style double', '#.#' in col or '#..#' in col, col)
        v = px[int(f(b, 'y') + f(b, 'h') / 2)][int(f(b, 'x') + f(b, 'w') - 10)]
        c.check('background-color', 195 <= v <= 215, f'grey {v}, expected #cc (204)')
        w4, h4, px4 = pnglib.read(f'{prefix}-{where["hl"][0] + 1}.png')
        t = [x for x in lines_after('hl')[0].iter('text') if x.text == '\u3000' * 4]
        if t:
            xs = [int(f(t[0], 'x') + k) for k in (3, 13, 23, 33)]
            y = int(f(t[0], 'y') + f(t[0], 'h') / 2)
            vals = [px4[y][x] for x in xs]
            c.check('inline background-color', all(195 <= v <= 215 for v in vals), f'grey {vals}, expected #cc (204)')
        else:
            c.fail('inline background-color', 'the inline of four U+3000 is not one run')
    except Exception as e:  # noqa: BLE001
        c.fail('rendering', f'{e}')
    c.done()


if __name__ == '__main__':
    main()
