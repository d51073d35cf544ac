#!/usr/bin/python3
"""check_ofd.py OFD PDF AREAS RNG NAME — checks a gongwen OFD package without an OFD reader.

Prints "ok - NAME: …" / "not ok - NAME: …" lines:
  schema     every XML part validates against the RELAX NG subset (xmllint)
  parts      every part referenced (DocRoot, PublicRes, DocumentRes, pages, fonts, pictures,
             annotations) exists, and the package holds nothing unreferenced
  ids        IDs are unique and ≤ MaxUnitID; every Font / ResourceID refers to a declared one
  fonts      every embedded font opens (fontTools) and its cmap covers every character its
             TextObjects show
  text       the characters of each page equal those pdftotext finds on the PDF's page
  positions  each text run starts where the area dump puts it (x, baseline; ±0.01 mm; an
             opening bracket set half-width may start up to half an em before), in the same
             order, with the same text, and ends within its area
"""
import collections, io, subprocess, sys, unicodedata, zipfile
import xml.etree.ElementTree as ET

NS = '{http://www.ofdspec.org/2016}'
ofd, pdf, areas, rng, name = sys.argv[1:6]
z = zipfile.ZipFile(ofd)
files = set(z.namelist())
fails = collections.defaultdict(list)


def res(what, msg):
    fails[what].append(msg)


def xml(path):
    return ET.fromstring(z.read(path))


# schema
for f in sorted(files):
    if f.endswith('.xml'):
        p = subprocess.run(['xmllint', '--noout', '--relaxng', rng, '-'], input=z.read(f),
                           capture_output=True)
        if p.returncode:
            res('schema', f + ': ' + p.stderr.decode()[:300])

# parts
used = {'OFD.xml'}


def need(path):
    used.add(path)
    if path not in files:
        res('parts', 'missing ' + path)
    return path in files


root = xml('OFD.xml')
docroot = root.find(f'{NS}DocBody/{NS}DocRoot').text
need(docroot)
base = docroot.rsplit('/', 1)[0] + '/'
doc = xml(docroot)
ids = collections.Counter()
maxid = int(doc.find(f'{NS}CommonData/{NS}MaxUnitID').text)
fonts, media = {}, {}
for tag in ('PublicRes', 'DocumentRes'):
    for loc in doc.iter(f'{NS}{tag}'):
        if need(base + loc.text):
            r = xml(base + loc.text)
            rb = base + r.get('BaseLoc') + '/'
            for f in r.iter(f'{NS}Font'):
                ids[f.get('ID')] += 1
                ff = f.find(f'{NS}FontFile')
                fonts[f.get('ID')] = rb + ff.text if ff is not None else None
                if ff is not None:
                    need(rb + ff.text)
            for m in r.iter(f'{NS}MultiMedia'):
                ids[m.get('ID')] += 1
                media[m.get('ID')] = rb + m.find(f'{NS}MediaFile').text
                need(media[m.get('ID')])
pages = []
for p in doc.iter(f'{NS}Page'):
    ids[p.get('ID')] += 1
    if need(base + p.get('BaseLoc')):
        pages.append(xml(base + p.get('BaseLoc')))
page_ids = {p.get('ID') for p in doc.iter(f'{NS}Page')}
for d in doc.iter(f'{NS}Dest'):
    if d.get('PageID') not in page_ids:
        res('ids', 'outline Dest to unknown page ' + d.get('PageID'))
an = doc.find(f'{NS}Annotations')
if an is not None and need(base + an.text):
    ab = base + an.text.rsplit('/', 1)[0] + '/'
    for p in xml(base + an.text).iter(f'{NS}Page'):
        if p.get('PageID') not in page_ids:
            res('ids', 'annotation on unknown page')
        if need(ab + p.find(f'{NS}FileLoc').text):
            for a in xml(ab + p.find(f'{NS}FileLoc').text).iter(f'{NS}Annot'):
                ids[a.get('ID')] += 1
for extra in sorted(files - used):
    res('parts', 'unreferenced ' + extra)

# ids
chars_by_font = collections.defaultdict(set)
for pg in pages:
    for e in pg.iter():
        if e.get('ID'):
            ids[e.get('ID')] += 1
        if e.tag == f'{NS}TextObject':
            if e.get('Font') not in fonts:
                res('ids', 'TextObject font %s not declared' % e.get('Font'))
            for tc in e.iter(f'{NS}TextCode'):
                chars_by_font[e.get('Font')] |= set(tc.text or '')
        if e.tag == f'{NS}ImageObject' and e.get('ResourceID') not in media:
            res('ids', 'ImageObject resource %s not declared' % e.get('ResourceID'))
for i, n in ids.items():
    if n > 1:
        res('ids', 'ID %s used %d times' % (i, n))
    if int(i) > maxid:
        res('ids', 'ID %s > MaxUnitID %d' % (i, maxid))

# fonts
from fontTools.ttLib import TTFont
for fid, path in sorted(fonts.items()):
    if path is None:
        res('fonts', 'font %s not embedded' % fid)
        continue
    try:
        cmap = TTFont(io.BytesIO(z.read(path))).getBestCmap()
    except Exception as ex:  # noqa: BLE001 — any failure to open is the finding
        res('fonts', '%s does not open as a font: %s' % (path, ex))
        continue
    missing = sorted(c for c in chars_by_font[fid] if ord(c) not in cmap and not c.isspace())
    if missing:
        res('fonts', '%s lacks %s' % (path, ''.join(missing[:20])))
if not fonts:
    res('fonts', 'no font declared')

# text
ofd_text = []
for pg in pages:
    ofd_text.append(collections.Counter(c for tc in pg.iter(f'{NS}TextCode') for c in tc.text or '' if not c.isspace()))
# -raw: the plain mode joins a word broken after a hyphen at a line end and drops the hyphen (0316- / 6686036 in a narrow cell), which the OFD rightly keeps
pdf_pages = subprocess.run(['pdftotext', '-raw', '-enc', 'UTF-8', pdf, '-'], capture_output=True, check=True).stdout.decode().split('\f')
if len(pdf_pages) and not pdf_pages[-1].strip():
    pdf_pages = pdf_pages[:len(pages)]
if len(pdf_pages) != len(pages):
    res('text', 'PDF has %d pages, OFD %d' % (len(pdf_pages), len(pages)))
for i, (a, b) in enumerate(zip(ofd_text, pdf_pages)):
    b = collections.Counter(c for c in b if not c.isspace())
    if a != b:
        res('text', 'page %d: only in OFD %r, only in PDF %r' % (i + 1, ''.join((a - b).elements())[:40], ''.join((b - a).elements())[:40]))

# positions
MM = 25.4 / 72
OPENING = '（《「『【〔〈“‘'
dump = ET.parse(areas).getroot()
runs = []
for page in dump.iter('page'):
    rs = []
    for t in page.iter('text'):
        s = ''.join(c for c in (t.text or '') if unicodedata.category(c) != 'Cc' and c != '\u00ad')
        if s:
            rs.append((float(t.get('x')), float(t.get('baseline')), float(t.get('w')), s))
    runs.append(rs)
checked = 0
for i, pg in enumerate(pages):
    objs = list(pg.iter(f'{NS}TextObject'))
    if len(objs) != len(runs[i]):
        res('positions', 'page %d: %d text objects, %d text areas' % (i + 1, len(objs), len(runs[i])))
        continue
    for o, (x, bl, w, s) in zip(objs, runs[i]):
        tc = o.find(f'{NS}TextCode')
        if tc.text != s:
            res('positions', 'page %d: text %r, area %r' % (i + 1, tc.text, s))
            continue
        if o.get('CTM'):
            continue  # in a turned frame: the dump is in the frame's coordinates
        bx, by = map(float, o.get('Boundary').split()[:2])
        ox, oy = bx + float(tc.get('X')), by + float(tc.get('Y'))
        dx = [float(v) for v in (tc.get('DeltaX') or '').split()]
        # an opening bracket set half-width (避头尾 compression) is drawn shifted left by its
        # glyph offset, in the PDF as here: up to half an em before the run
        shifted = s[0] in OPENING and x * MM - float(o.get('Size')) / 2 - 0.01 <= ox <= x * MM
        if (abs(ox - x * MM) > 0.01 and not shifted) or abs(oy - bl * MM) > 0.01:
            res('positions', 'page %d %r: at %.3f,%.3f mm, area %.3f,%.3f' % (i + 1, s[:10], ox, oy, x * MM, bl * MM))
        elif len(dx) != len(s) - 1 or ox + sum(dx) > (x + w) * MM + 0.01:
            res('positions', 'page %d %r: DeltaX runs past the area' % (i + 1, s[:10]))
        else:
            checked += 1
if not checked:
    res('positions', 'no text run checked')

for what in ('schema', 'parts', 'ids', 'fonts', 'text', 'positions'):
    if fails[what]:
        print('not ok - %s %s: %s' % (name, what, '; '.join(fails[what][:5])))
    else:
        print('ok - %s %s' % (name, what))
