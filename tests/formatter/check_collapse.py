#!/usr/bin/env python3
"""check_collapse.py DUMP PNG — tests/formatter/collapse.fo: resolved collapsed borders.
Widths from the dump (both cells of an edge must carry the winner); styles from the page
rendered at 72 dpi (1px = 1pt): the E|F edge must be dashed (gaps along it), the H|I edge
double (two lines across it), the D/G edge absent."""
import os
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arealib import Checker, load, f
import pnglib


def main():
    c = Checker('collapse.fo ')
    root = load(sys.argv[1])
    cells = {}
    for b in root.iter('block'):
        if b.get('name') == 'table-cell':
            t = ''.join(x.text for x in b.iter('text'))
            cells['row' if t.startswith('行底纹') else t[-1]] = b

    def bw(k, side):
        return float(cells[k].get('border-' + side, '0'))
    c.check('cells', sorted(cells) == list('ABCDEFGHI') + ['row'], f'{sorted(cells)}')
    c.check('wider wins', bw('A', 'right') == 3 and bw('B', 'left') == 3, f'A right {bw("A", "right")}, B left {bw("B", "left")}')
    outer = [(k, s) for k, s in (('A', 'top'), ('B', 'top'), ('C', 'top'), ('A', 'left'), ('D', 'left'), ('G', 'left'),
                                 ('C', 'right'), ('F', 'right'), ('I', 'right'), ('row', 'bottom'), ('row', 'left'), ('row', 'right'))
             if bw(k, s) != 2]
    c.check('table border wins on the outer edges', not outer, f'{outer}')
    c.check('hidden wins', bw('D', 'bottom') == 0 and bw('G', 'top') == 0, f'D bottom {bw("D", "bottom")}, G top {bw("G", "top")}')
    c.check('equal widths: both sides resolved alike', bw('E', 'right') == bw('F', 'left') == 4 and bw('H', 'right') == bw('I', 'left') == 6,
            f'E|F {bw("E", "right")}/{bw("F", "left")}, H|I {bw("H", "right")}/{bw("I", "left")}')
    c.check('inner edges keep 1pt', bw('B', 'bottom') == 1 and bw('E', 'top') == 1 and bw('B', 'right') == 1,
            f'B bottom {bw("B", "bottom")}, E top {bw("E", "top")}, B right {bw("B", "right")}')
    w, h, px = pnglib.read(sys.argv[2])
    e, fc = cells['E'], cells['F']
    x = int(round(f(fc, 'x')))
    y0, y1 = int(f(e, 'y') + 4), int(f(e, 'y') + f(e, 'h') - 4)
    col = ''.join('#' if px[y][x] < 128 else '.' for y in range(y0, y1))
    c.check('style precedence: dashed beats ridge', '#.' in col and '.#' in col, f'E|F edge pixels {col}')
    hc = cells['H']
    y = int(f(hc, 'y') + f(hc, 'h') / 2)
    row = ''.join('#' if px[y][xx] < 128 else '.' for xx in range(x - 8, x + 9))
    c.check('style precedence: double beats solid', row.strip('.').count('.') >= 1 and '#' in row, f'H|I edge pixels {row}')
    dc = cells['D']
    xx = int(f(dc, 'x') + f(dc, 'w') / 2)
    yy = int(round(f(dc, 'y') + f(dc, 'h')))
    dark = [yv for yv in range(yy - 4, yy + 5) if px[yv][xx] < 128]
    c.check('hidden edge not painted', not dark, f'dark pixels at y {dark} on the D/G edge')
    rc = cells['row']
    v = px[int(f(rc, 'y') + f(rc, 'h') / 2)][int(f(rc, 'x') + f(rc, 'w') - 20)]
    c.check('table-row background-color', 195 <= v <= 215, f'grey {v}, expected #cc (204)')
    c.done()


if __name__ == '__main__':
    main()
