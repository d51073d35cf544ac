#!/usr/bin/env python3
"""check_images.py GW WORKDIR [RECORD] — external graphics in every raster format.

The images are made here (imagegen.py), then formatted by GW:
  formats       JPEG, GIF, BMP, TIFF and WebP render without warnings, at 64 × 32 px = 48 × 24pt
  orientation   the red block at the image's top left stays there (upright formats); EXIF
                orientation 6 (JPEG) turns the image a quarter (24 × 48pt, block top right),
                TIFF orientation 3 half a turn (block bottom right) — in the area dump and
                the pixels of a 72 dpi PNG
  jpeg as-is    `pdfimages -list` shows the JPEGs as jpeg (DCT), `pdfimages -j` gives back the
                photo's file byte for byte, and the PDF grows by about the file's size
  errors        a damaged JPEG and a GIF claiming 65535 × 65535 pixels: exit 1, FILE:LINE
                naming the image, no PDF
  batch         with RECORD: a batch of two documents, one with the damaged photo, writes
                the other and says which failed
  list          a GIF list label and a scaled JPEG in the list body, in their columns
  fop examples  FOP's images.fo and list.fo (fop-doc, /usr/share/doc/fop/examples, or
                $FOP_EXAMPLES) render, when present."""
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import arealib  # noqa: E402
import imagegen  # noqa: E402
import pnglib  # noqa: E402

GW, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
RECORD = sys.argv[3] if len(sys.argv) > 3 else None
failed = 0


def result(ok, name, why=''):
    global failed
    print(f'ok - {name}' if ok else f'not ok - {name}: {why}')
    failed += not ok


def run(*args, cwd=None):
    p = subprocess.run([GW, *args], capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout + p.stderr


FO = '''<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="p" page-width="300pt" page-height="500pt" margin="20pt"><fo:region-body/></fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="p">
    <fo:flow flow-name="xsl-region-body" font-family="仿宋" font-size="10pt" line-height="60pt">
{body}
    </fo:flow>
  </fo:page-sequence>
</fo:root>
'''

os.makedirs(WORK, exist_ok=True)
imagegen.main(WORK)
formats = ['marked.jpg', 'marked.gif', 'marked.bmp', 'marked.tif', 'marked.webp', 'marked-o6.jpg',
           'marked-o3.tif']
body = '\n'.join(f'      <fo:block>图<fo:external-graphic src="{f}"/></fo:block>' for f in formats)
with open(os.path.join(WORK, 'formats.fo'), 'w') as fh:
    fh.write(FO.format(body=body))
rc, log = run('fo', 'formats.fo', '-o', 'formats.pdf', '--areas', 'formats.xml', cwd=WORK)
result(rc == 0 and 'warning' not in log, 'images formats render', f'exit {rc}: {log.strip()[:200]}')
if rc == 0:
    run('fo', 'formats.fo', '-o', 'formats.png', '--dpi', '72', '-q', cwd=WORK)
    subprocess.run(['pdftoppm', '-png', '-r', '72', '-f', '1', '-l', '1', os.path.join(WORK, 'formats.pdf'),
                    os.path.join(WORK, 'formats-pdf')])
    imgs = [a for a in arealib.load(os.path.join(WORK, 'formats.xml')).iter('image')]
    width, height, px = pnglib.read(os.path.join(WORK, 'formats-1.png'))
    _, _, pdfpx = pnglib.read(os.path.join(WORK, 'formats-pdf-1.png'))
    for f, a in zip(formats, imgs):
        x, y, w, h = (float(a.get(k)) for k in ('x', 'y', 'w', 'h'))
        want = (24, 48) if '-o6' in f else (48, 24)
        result(abs(w - want[0]) < 0.01 and abs(h - want[1]) < 0.01, f'images size {f}',
               f'{w:.2f} × {h:.2f}pt, want {want[0]} × {want[1]}')
        # the corner the red block should be in, and the opposite one (white)
        corner = {'-o6': 'tr', '-o3': 'br'}.get(next((k for k in ('-o6', '-o3') if k in f), ''), 'tl')
        opposite = {'tl': 'br', 'tr': 'bl', 'br': 'tl'}[corner]
        for what, pix in (('png', px), ('pdf', pdfpx)):  # from the pixels / from the file in the PDF
            def at(c):
                cx = x + 3 if c[1] == 'l' else x + w - 3
                cy = y + 3 if c[0] == 't' else y + h - 3
                return pix[int(cy)][int(cx)]
            result(at(corner) < 150 and at(opposite) > 230, f'images orientation {f} ({what})',
                   f'grey {at(corner)} in the {corner} corner (want red), {at(opposite)} in the {opposite} (want white)')
    listing = subprocess.run(['pdfimages', '-list', os.path.join(WORK, 'formats.pdf')],
                             capture_output=True, text=True).stdout.splitlines()[2:]
    encs = [ln.split()[8] for ln in listing if ln.split()[2] == 'image']
    want = ['jpeg' if f.endswith('.jpg') else 'image' for f in formats]
    result(encs == want, 'images jpeg embedded as DCT, others decoded', f'pdfimages encodings {encs}, want {want}')

# images in a list (the kind of FOP's list.fo): a GIF as the label, a JPEG scaled in the body
body = ('''      <fo:list-block provisional-distance-between-starts="60pt" provisional-label-separation="6pt">
        <fo:list-item><fo:list-item-label end-indent="label-end()"><fo:block><fo:external-graphic src="marked.gif" content-width="40pt"/></fo:block></fo:list-item-label>
          <fo:list-item-body start-indent="body-start()"><fo:block>照片<fo:external-graphic src="photo.jpg" content-width="120pt"/>说明</fo:block></fo:list-item-body></fo:list-item>
      </fo:list-block>''')
with open(os.path.join(WORK, 'list.fo'), 'w') as fh:
    fh.write(FO.format(body=body))
rc, log = run('fo', 'list.fo', '-o', 'list.pdf', '--areas', 'list.xml', cwd=WORK)
if rc == 0:
    gif, jpg = (a for a in arealib.load(os.path.join(WORK, 'list.xml')).iter('image'))
    gx, gw, jx, jw, jh = (float(a.get(k)) for a, k in ((gif, 'x'), (gif, 'w'), (jpg, 'x'), (jpg, 'w'), (jpg, 'h')))
    result(abs(gw - 40) < 0.01 and gx + gw <= 20 + 54 + 0.01 and jx >= 20 + 60 - 0.01 and abs(jw - 120) < 0.01
           and abs(jh - 90) < 0.01, 'images in a list: GIF label, JPEG body',
           f'GIF at x={gx:.2f} {gw:.2f} wide; JPEG at x={jx:.2f} {jw:.2f} × {jh:.2f}')
else:
    result(False, 'images in a list: GIF label, JPEG body', f'exit {rc}: {log.strip()[:200]}')

# a photo: the PDF holds its file as it is
with open(os.path.join(WORK, 'photo.fo'), 'w') as fh:
    fh.write(FO.format(body='      <fo:block>照片<fo:external-graphic src="photo.jpg"/></fo:block>'))
with open(os.path.join(WORK, 'nophoto.fo'), 'w') as fh:
    fh.write(FO.format(body='      <fo:block>照片</fo:block>'))
rc1, log1 = run('fo', 'photo.fo', '-o', 'photo.pdf', cwd=WORK)
rc2, log2 = run('fo', 'nophoto.fo', '-o', 'nophoto.pdf', cwd=WORK)
if rc1 == 0 and rc2 == 0:
    jpg = os.path.getsize(os.path.join(WORK, 'photo.jpg'))
    grow = os.path.getsize(os.path.join(WORK, 'photo.pdf')) - os.path.getsize(os.path.join(WORK, 'nophoto.pdf'))
    print(f'# photo.jpg {jpg} bytes (200 × 150 px, {200 * 150 * 3} bytes decoded); the PDF grows by {grow}')
    result(jpg <= grow <= jpg + 1500, 'images jpeg photo keeps its size', f'PDF grows by {grow} bytes for a {jpg}-byte JPEG')
    out = os.path.join(WORK, 'extracted')
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    subprocess.run(['pdfimages', '-j', os.path.join(WORK, 'photo.pdf'), os.path.join(out, 'x')])
    got = [os.path.join(out, n) for n in sorted(os.listdir(out))]
    same = len(got) == 1 and got[0].endswith('.jpg') and open(got[0], 'rb').read() == open(os.path.join(WORK, 'photo.jpg'), 'rb').read()
    result(same, 'images jpeg stream is the file byte for byte', f'pdfimages -j gives {[os.path.basename(g) for g in got]}')
else:
    result(False, 'images jpeg photo renders', f'exit {rc1}/{rc2}: {(log1 + log2).strip()[:200]}')

# damaged and oversized images: an error naming the file, no output
for name, src, msg in (('bad', 'bad.jpg', r"bad\.fo:8: image 'bad\.jpg' is not a readable JPEG"),
                       ('huge', 'huge.gif', r"huge\.fo:8: image 'huge\.gif' has an unsupported size 65535 × 65535")):
    with open(os.path.join(WORK, name + '.fo'), 'w') as fh:
        fh.write(FO.format(body=f'      <fo:block>图<fo:external-graphic src="{src}"/></fo:block>'))
    pdf = os.path.join(WORK, name + '.pdf')
    if os.path.exists(pdf):
        os.remove(pdf)
    rc, log = run('fo', name + '.fo', '-o', name + '.pdf', cwd=WORK)
    result(rc == 1 and re.search(msg, log) and not os.path.exists(pdf), f'images error {src}',
           f'exit {rc}: {log.strip()[:200]}')

# a batch: one document's damaged photo fails that document only
if RECORD:
    recs = os.path.join(WORK, 'records')
    shutil.rmtree(recs, ignore_errors=True)
    os.makedirs(recs)
    text = open(RECORD, encoding='utf-8').read()
    for name in ('good', 'bad'):
        with open(os.path.join(recs, name + '.xml'), 'w', encoding='utf-8') as fh:
            fh.write(text.replace('id="example-duties"', f'id="example-duties-{name}"'))
    with open(os.path.join(WORK, 'photo.xsl'), 'w') as fh:
        fh.write(f'''<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">
<xsl:template match="/">
<fo:root><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="200pt" margin="10pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body" font-family="仿宋"><fo:block>照片<fo:external-graphic content-width="100pt">
<xsl:attribute name="src"><xsl:choose><xsl:when test="contains(/*/@id, 'bad')">{WORK}/bad.jpg</xsl:when><xsl:otherwise>{WORK}/photo.jpg</xsl:otherwise></xsl:choose></xsl:attribute>
</fo:external-graphic></fo:block></fo:flow></fo:page-sequence></fo:root>
</xsl:template>
</xsl:stylesheet>
''')
    out = os.path.join(WORK, 'batch-out')
    shutil.rmtree(out, ignore_errors=True)
    rc, log = run('batch', '-j', '1', '--xsl=' + os.path.join(WORK, 'photo.xsl'), recs, '-o', out)
    written = sorted(n for n in os.listdir(out) if n.endswith('.pdf')) if os.path.isdir(out) else []
    ok = rc == 1 and written == ['good.pdf'] and "image '" + WORK + "/bad.jpg' is not a readable JPEG" in log
    result(ok, 'images a damaged photo fails its document only (batch)', f'exit {rc}, wrote {written}: {log.strip()[-300:]}')

# FOP's own examples, when fop-doc is installed
fop = os.environ.get('FOP_EXAMPLES') or '/usr/share/doc/fop/examples/fo/basic'
for name in ('images', 'list'):
    src = os.path.join(fop, name + '.fo')
    if not os.path.exists(src):
        print(f'# {src} not found (fop-doc): FOP example {name}.fo skipped')
        continue
    pdf = os.path.join(WORK, f'fop-{name}.pdf')
    rc, log = run('fo', src, '-o', pdf)
    result(rc == 0 and os.path.getsize(pdf) > 0, f'images FOP example {name}.fo renders', f'exit {rc}: {log.strip()[:300]}')
    if name == 'images' and rc == 0:
        listing = subprocess.run(['pdfimages', '-list', '-f', '1', '-l', '1', pdf], capture_output=True, text=True).stdout
        encs = [ln.split()[8] for ln in listing.splitlines()[2:] if ln.split()[2] == 'image']
        result(len(encs) == 6 and encs.count('jpeg') == 1, 'images FOP images.fo page 1: GIF, GIF, JPEG, BMP, PNG, TIFF',
               f'encodings {encs}')
sys.exit(1 if failed else 0)
