#!/usr/bin/env python3
"""csv2xlsx.py IN.csv OUT.xlsx — writes the CSV as an Office Open XML workbook, the way a
spreadsheet program stores it: text as shared strings (every third one inline instead),
whole numbers without a leading zero as numbers, yyyy-mm-dd dates as Excel serial days in a
date format (numFmtId 14), a workbook whose sheet is found through its relationships.
Used by tests/cli/run.sh to check that an .xlsx imports into the same records as the CSV."""
import csv, datetime, re, sys, zipfile
from xml.sax.saxutils import escape

rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
strings, index = [], {}
def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
out = []
n_text = 0
for r, row in enumerate(rows, 1):
    cells = []
    for c, v in enumerate(row):
        ref = '%s%d' % (col(c), r)
        if v == '':
            continue
        if re.fullmatch(r'\d{4}-\d{2}-\d{2}', v):
            d = datetime.date.fromisoformat(v)
            serial = (d - datetime.date(1899, 12, 30)).days
            cells.append('<c r="%s" s="1"><v>%d</v></c>' % (ref, serial))
        elif re.fullmatch(r'[1-9]\d{0,14}', v):
            cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
        else:
            n_text += 1
            if n_text % 3 == 0:
                cells.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>'
                             % (ref, escape(v)))
            else:
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, index[v]))
    out.append('<row r="%d">%s</row>' % (r, ''.join(cells)))
NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PNS = 'http://schemas.openxmlformats.org/package/2006/relationships'
with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml',
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="%s">'
        '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (PNS, RNS))
    z.writestr('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="%s" xmlns:r="%s">'
        '<sheets><sheet name="抽查结果" sheetId="1" r:id="rId7"/></sheets></workbook>' % (NS, RNS))
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="%s">'
        '<Relationship Id="rId7" Type="%s/worksheet" Target="worksheets/results.xml"/></Relationships>' % (PNS, RNS))
    z.writestr('xl/styles.xml', '<?xml version="1.0"?><styleSheet xmlns="%s"><cellXfs count="2">'
        '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>' % NS)
    z.writestr('xl/sharedStrings.xml', '<?xml version="1.0"?><sst xmlns="%s" count="%d">%s</sst>'
        % (NS, len(strings), ''.join('<si><t xml:space="preserve">%s</t></si>' % escape(s) for s in strings)))
    z.writestr('xl/worksheets/results.xml', '<?xml version="1.0"?><worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>'
        % (NS, ''.join(out)))
