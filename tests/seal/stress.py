#!/usr/bin/env python3
"""stress.py — the generated stress set of tests/seal: one order and one directive whose
facts grow sentence by sentence (0–24 extra sentences), so that the body text ends at every
height of a page.  Usage: stress.py TOP OUTDIR → OUTDIR/order-NN.xml, OUTDIR/directive-NN.xml."""
import os
import sys

TOP, OUT = sys.argv[1:3]
BASES = {
    'order': 'xml/cases/case-2015-014-wire.xml',
    'directive': 'xml/cases/case-2015-se05-elevator.xml',
}
# sentences of different lengths (1–2 lines each), so the end moves by less than a line
SENTENCES = [
    '执法人员现场查看了生产记录。',
    '企业负责人在场并配合检查，如实提供了有关资料。',
    '经核对，相关台账与现场情况基本一致。',
    '执法人员对现场情况进行了拍照取证，照片已由当事人确认。',
    '当事人表示将立即组织整改。',
]
os.makedirs(OUT, exist_ok=True)
for kind, rel in BASES.items():
    src = open(os.path.join(TOP, rel), encoding='utf-8').read()
    for n in range(25):
        extra = ''.join(SENTENCES[i % len(SENTENCES)] for i in range(n))
        s = src
        if n:
            s = s.replace('</facts>', '  <p>%s</p>\n  </facts>' % extra, 1)
        open(os.path.join(OUT, '%s-%02d.xml' % (kind, n)), 'w', encoding='utf-8').write(s)
