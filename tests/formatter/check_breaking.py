#!/usr/bin/env python3
"""check_breaking.py GW WORKDIR — the paragraph breaker, on FO documents it writes itself:

  numbers whole   each number run of GB/T 15835 (2015年9月2日, 0.87 mg/m², 0.55 mm,
                  GB/T 5023.3, 〔2015〕14号, 2440mm×1220mm×12mm, 13785619302) at each of the
                  28 start positions of a line (after two full lines of lead text), with and
                  without the GB/T 9704 grid: the run lies on one line in the area tree;
  own breaks      a run longer than the line breaks at its own opportunities only (never
                  between two digits);
  inside          no text of any line passes the line box (no glyph past the text area);
  spacing         justified lines stay tight: no full-width character wider than 1.25 em
                  (the slack of a pushed run is spread over the paragraph);
  squeeze         grid: a line whose 29th cell would be a comma keeps it when the marks
                  inside the line can be squeezed (two commas to half width), wherever the
                  situation occurs; else (one comma inside) the previous character goes down
                  with it; the line-end mark keeps its full width: no mark passes the area;
  hanging         gx:hanging-punctuation="allow-end" lets that comma hang instead;
  loose warning   a line that must stay loose is reported with its text."""
import os
import re
import subprocess
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, lines, line_text, f

RUNS = ['2015年9月2日', '0.87 mg/m²', '0.55 mm', 'GB/T 5023.3', '〔2015〕14号',
        '2440mm×1220mm×12mm', '13785619302']
FILL = ('质量技术监督部门依照法律规定对生产者销售者的产品质量进行监督检查并依法处理有关单位'
        '应当建立健全内部管理制度严格执行各项规定确保产品符合国家标准的要求')
GRID = 'gx:grid="true" gx:char-pitch="15.79pt" gx:line-pitch="28.95pt" line-height="28.95pt"'
PLAIN = 'line-height="28pt"'


def fill(n, off=0):
    s = (FILL * 4)[off:off + n]
    return s


def document(blocks, grid=True, width='156mm', extra=''):
    body = '\n'.join(blocks)
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:gx="urn:gongwen:fo:1">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="a4" page-width="210mm" page-height="297mm"
        margin-top="37mm" margin-bottom="35mm" margin-left="28mm" margin-right="26mm">
      <fo:region-body/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="a4">
    <fo:flow flow-name="xsl-region-body" font-family="仿宋" font-size="16pt" text-align="justify"
        {GRID if grid else PLAIN} {extra}>
      <fo:block-container width="{width}">
{body}
      </fo:block-container>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
'''


def run(gw, work, name, text):
    fo = os.path.join(work, name + '.fo')
    xml = os.path.join(work, name + '.areas.xml')
    with open(fo, 'w', encoding='utf-8') as fh:
        fh.write(text)
    r = subprocess.run([gw, 'fo', fo, '-o', os.path.join(work, name + '.pdf'), '--areas', xml],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr
    return load(xml), r.stderr


def split_paragraphs(root, texts):
    """Assigns the lines, in order, to the paragraphs `texts` (compared without spaces)."""
    ls = [line_text(l) for _, _, l, _ in lines(root)]
    out, i = [], 0
    for t in texts:
        want, got, mine = t.replace(' ', ''), '', []
        while i < len(ls) and len(got) < len(want):
            mine.append(ls[i])
            got += ls[i].replace(' ', '')
            i += 1
        out.append(mine if got == want else None)
    return out


def cjk(ch):
    return 0x3000 <= ord(ch) <= 0x9FFF or 0xFF00 <= ord(ch) <= 0xFFEF


def geometry(root):
    """Lines whose text passes the line box, and the widest full-width character (em)."""
    past, widest = [], (0, '')
    for p, _, l, text in lines(root):
        right = f(l, 'x') + f(l, 'w')
        for t in l.iter('text'):
            if f(t, 'x') + f(t, 'w') > right + 0.05:
                past.append(f'page {p.get("number")} |{text}| ends {f(t, "x") + f(t, "w") - right:.1f}pt past')
                break
            s = t.text or ''
            if len(s) >= 2 and all(cjk(ch) for ch in s):
                em = f(t, 'w') / len(s) / f(t, 'size')
                if em > widest[0]:
                    widest = (em, s)
    return past, widest


def main():
    gw, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    c = Checker('breaking ')
    # ---- numbers whole at 28 start positions, grid and not ----
    for grid in (True, False):
        mode = 'grid' if grid else 'no grid'
        texts = []
        for r in RUNS:
            for k in range(28):
                texts.append(fill(56 + k, k) + r + fill(30, 7))
        blocks = [f'<fo:block>{t}</fo:block>' for t in texts]
        root, err = run(gw, work, 'numbers-' + ('grid' if grid else 'plain'), document(blocks, grid))
        if root is None:
            c.fail(f'numbers whole ({mode})', err.strip()[:200])
            continue
        paras = split_paragraphs(root, texts)
        broken = []
        for n, (t, ls) in enumerate(zip(texts, paras)):
            r = RUNS[n // 28]
            if ls is None:
                broken.append(f'paragraph {n} not found')
            elif not any(r in l for l in ls):
                broken.append(f'{r} at cell {n % 28}: ' + ' / '.join(l[-8:] for l in ls if r[:2] in l or r[-2:] in l))
        c.check(f'numbers whole at 28 start positions ({mode})', not broken,
                f'{len(broken)} broken: ' + '; '.join(broken[:4]))
        past, widest = geometry(root)
        c.check(f'no glyph past the line ({mode})', not past, '; '.join(past[:3]))
        c.check(f'justified characters at most 1.25 em apart ({mode})', widest[0] <= 1.25,
                f'{widest[0]:.2f} em in |{widest[1]}|')
        c.check(f'no loose-line warning ({mode})', 'letter-spaced' not in err, err.strip()[:200])
    # ---- a run longer than the line breaks at its own opportunities ----
    long_run = '2440mm×1220mm×12mm×2440mm×1220mm'
    root, err = run(gw, work, 'numbers-narrow',
                    document([f'<fo:block>规格{long_run}的板材</fo:block>'], False, '100pt'))
    if root is None:
        c.fail('long run breaks at its own opportunities', err.strip()[:200])
    else:
        ls = [line_text(l) for _, _, l, _ in lines(root)]
        bad = [f'{a}/{b}' for a, b in zip(ls, ls[1:]) if a and b and a[-1].isdigit() and b[0].isdigit()]
        c.check('long run breaks at its own opportunities', len(ls) >= 3 and not bad and
                ''.join(ls) == f'规格{long_run}的板材', f'lines {ls}')
    # ---- squeezing, the same way wherever it happens ----
    sq = fill(9) + '，' + fill(8, 20) + '，' + fill(9, 30) + '，' + fill(20, 40)  # squeezable
    push = fill(10) + '，' + fill(17, 20) + '，' + fill(20, 40)  # one comma inside: push down
    lead = fill(56, 3)
    blocks = [f'<fo:block>{sq}</fo:block>', f'<fo:block>{push}</fo:block>',
              f'<fo:block>{lead}{sq}</fo:block>', f'<fo:block>{lead}{push}</fo:block>']
    root, err = run(gw, work, 'squeeze', document(blocks, True))
    if root is None:
        c.fail('squeeze', err.strip()[:200])
    else:
        ls = [line_text(l) for _, _, l, _ in lines(root)]
        first_sq = fill(9) + '，' + fill(8, 20) + '，' + fill(9, 30) + '，'
        n_sq = ls.count(first_sq)
        c.check('squeeze: the line-end comma stays, squeezed, both times', n_sq == 2,
                f'{n_sq} lines |{first_sq[-6:]}|: ' + ' / '.join(x[-6:] for x in ls))
        pushed = fill(17, 20)[-1] + '，'
        n_push = sum(1 for x in ls if x.startswith(pushed))
        c.check('push: otherwise the previous character goes down with the comma, both times',
                n_push == 2, ' / '.join(x[:6] for x in ls))
        past, _ = geometry(root)
        # the glyph boxes in the PDF too: a line-end mark squeezed to half width would pass
        out = subprocess.run(['pdftotext', '-bbox', os.path.join(work, 'squeeze.pdf'), '-'],
                             capture_output=True, text=True).stdout
        for m in re.finditer(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', out):
            if float(m.group(1)) > 79.37 + 442.20 + 0.5:
                past.append(f'PDF glyph box of |{m.group(2)[-4:]}| ends at {m.group(1)}')
        c.check('squeeze: no mark passes the text area (area tree and PDF glyph boxes)', not past,
                '; '.join(past[:3]))
    # ---- hanging punctuation, opt-in ----
    root, err = run(gw, work, 'hanging',
                    document([f'<fo:block gx:hanging-punctuation="allow-end">{push}</fo:block>'], True))
    if root is None:
        c.fail('hanging punctuation opt-in', err.strip()[:200])
    else:
        first = next(lines(root))
        _, _, l, text = first
        right = max(f(t, 'x') + f(t, 'w') for t in l.iter('text'))
        over = right - (f(l, 'x') + f(l, 'w'))
        c.check('gx:hanging-punctuation="allow-end": the comma hangs', text == fill(10) + '，' + fill(17, 20) + '，'
                and 7 < over < 16.5, f'|{text[-5:]}| {over:.1f}pt past')
    # ---- a line that must stay loose is reported ----
    root, err = run(gw, work, 'loose',
                    document([f'<fo:block>{fill(8)}{RUNS[6] * 4}{fill(20)}</fo:block>'], True))
    c.check('a letter-spaced line is reported with its text',
            root is not None and 'letter-spaced' in err and fill(8) in err, err.strip()[:200])
    # ---- cells: content inside the content box; a continued cell reads on from the top ----
    cell = ('<fo:table table-layout="fixed" width="100%" border-collapse="separate">'
            '<fo:table-column column-width="30%"/><fo:table-column column-width="70%"/><fo:table-body>'
            '<fo:table-row><fo:table-cell border="0.75pt solid black" padding="2pt" display-align="center">'
            f'<fo:block>案例{fill(220, 5)}</fo:block></fo:table-cell>'
            '<fo:table-cell border="0.75pt solid black" padding="2pt" display-align="center">'
            + ''.join(f'<fo:block>{fill(40, k)}《质量法》，</fo:block>' for k in range(12)) +
            '</fo:table-cell></fo:table-row></fo:table-body></fo:table>')
    root, err = run(gw, work, 'cells', document([cell], False))
    if root is None:
        c.fail('cells', err.strip()[:200])
    else:
        pages = root.findall('page')
        tops = []
        for p in pages[1:]:
            for blk in p.iter('block'):
                if blk.get('name') != 'table-cell':
                    continue
                ls = list(blk.iter('line'))
                if ls:
                    tops.append(f(ls[0], 'y') - f(blk, 'y'))
        c.check('a cell broken across pages reads on from the top of its part',
                len(pages) >= 2 and tops and all(t < 4 for t in tops),
                f'{len(pages)} pages, first line {tops} pt below the cell top')
        past, _ = geometry(root)
        c.check('cells: no glyph past the cell content box', not past, '; '.join(past[:3]))
    c.done()


if __name__ == '__main__':
    main()
