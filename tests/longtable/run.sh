#!/bin/bash
# tests/longtable/run.sh — the seed's duties table rendered 20 times over as one long table
# (issue: tables): every cell's text is present once per copy and in order (pdftotext), the
# header row is repeated on every page, spanned cells continue across the breaks.
source "$TOP/tests/lib.sh"
t_plan 5
REC="$WORK/duties20.xml"
python3 - "$TOP/xml/duties.xml" "$REC" <<'PY'
import sys, copy, xml.etree.ElementTree as ET
NS = 'urn:gongwen:record:1'
ET.register_namespace('', NS)
tree = ET.parse(sys.argv[1]); root = tree.getroot()
duties = [d for d in root if d.tag == '{%s}duty' % NS]
at = list(root).index(duties[-1]) + 1
for k in range(1, 20):
    for d in duties:
        c = copy.deepcopy(d); c.set('num', str(int(d.get('num')) + 9 * k))
        root.insert(at, c); at += 1
tree.write(sys.argv[2], encoding='utf-8', xml_declaration=True)
PY
if ! "$GW" xslt "$TOP/xsl/duties-register.xsl" "$REC" -o "$WORK/d20.fo" 2>"$WORK/xslt.err"; then
  t_fail "duties ×20 transform" "$(head -3 "$WORK/xslt.err")"; exit 0
fi
if ! "$GW" fo "$WORK/d20.fo" -o "$WORK/d20.pdf" --areas "$WORK/d20.xml" -q 2>"$WORK/fo.err"; then
  t_fail "duties ×20 render" "$(head -3 "$WORK/fo.err")"; exit 0
fi
t_ok "duties ×20 render"
pdftotext -layout "$WORK/d20.pdf" "$WORK/d20.txt"
python3 - "$TOP/xml/duties.xml" "$WORK/d20.xml" "$WORK/d20.txt" <<'PY' >"$WORK/check.out" 2>"$WORK/check.err"
import sys, re, xml.etree.ElementTree as ET
NS = '{urn:gongwen:record:1}'
squash = lambda s: re.sub(r'\s+', '', s or '')
root = ET.parse(sys.argv[1]).getroot()
items = [squash(''.join(it.find(NS + 'text').itertext())) for d in root.iter(NS + 'duty') for it in d.iter(NS + 'item')]
areas = ET.parse(sys.argv[2]).getroot()
pages = areas.findall('page')
# body text of every page in reading order, cells in document order
def cell_texts(page):
    out = []
    for b in page.iter('block'):
        if b.get('name') == 'table-cell':
            out.append(squash(''.join(t.text or '' for t in b.iter('text'))))
    return out
# the column of 具体工作事项 as one stream over all pages (a cell split by a page break joins
# up again; the repeated header row of each page is left out)
def column_stream(col_x):
    out = []
    for p in pages:
        cells = [b for b in p.iter('block') if b.get('name') == 'table-cell']
        for b in cells[5:]:
            if abs(float(b.get('x')) - col_x) < 0.5:
                out.append(squash(''.join(t.text or '' for t in b.iter('text'))))
    return ''.join(out)
first = [b for b in pages[0].iter('block') if b.get('name') == 'table-cell']
stream = column_stream(float(first[2].get('x')))
pos, ok = 0, True
for k in range(20):
    for t in items:
        i = stream.find(t, pos)
        if i < 0:
            print('not ok - duties ×20: item %r of copy %d missing or out of order' % (t[:20], k + 1)); ok = False; break
        pos = i + len(t)
    if not ok: break
if ok:
    print('ok - duties ×20: all %d item texts present once per copy, in order' % len(items))
counts = [stream.count(t) for t in items]
dups = [(t[:15], c) for t, c in zip(items, counts) if c % 20 != 0]
print(('ok' if not dups else 'not ok') + ' - duties ×20: every item text occurs a multiple of 20 times' + ('' if not dups else ': %s' % dups[:3]))
txt = squash(open(sys.argv[3], encoding='utf-8').read())
short = [t for t in items if len(t) <= 12]
few = [t for t in short if txt.count(t) < 20]
print(('ok' if not few else 'not ok') + ' - duties ×20: pdftotext finds every short item 20 times' + ('' if not few else ': %s' % few[:3]))
heads = [cell_texts(p)[:5] for p in pages]
bad = [i + 1 for i, h in enumerate(heads) if h != ['序号', '主要职责', '具体工作事项', '责任股室', '备注']]
print(('ok' if not bad and len(pages) > 20 else 'not ok') + ' - duties ×20: header row first on all %d pages' % len(pages) + ('' if not bad else ', missing on %s' % bad[:5]))
PY
rc=$?
sed 's/^/  /;s/^  \(ok\|not ok\)/\1/' "$WORK/check.out"
# a check that dies (a Python exception, a dump that does not parse) is a failure, not silence
[ $rc -eq 0 ] || t_fail "duties ×20 checks" "the check script died (exit $rc): $(tail -1 "$WORK/check.err")"
