#!/usr/bin/python3
"""check_ofd_images.py GW WORKDIR — pictures in the OFD, as in the PDF (tests/formatter/imagegen.py).

  ofd images package   the FO of every raster format (JPEG, GIF, BMP, TIFF, WebP, EXIF-turned
                       JPEG, turned TIFF) written as PDF and OFD from one layout
  ofd images jpeg      each JPEG is in the package byte for byte (Format JPEG), the others as PNG
  ofd images corner    the picture's red block (a JPEG's stored top left; in a PNG where its
                       pixels have it) lands in the corner of the area the PDF shows it in:
                       top left upright, top right for EXIF 6 (a quarter turn by the CTM),
                       bottom right for TIFF orientation 3; the
                       ImageObject covers the image area of the dump (±0.01 mm)"""
import os, subprocess, sys, zipfile
import xml.etree.ElementTree as ET
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'formatter'))
import imagegen  # noqa: E402
import pnglib  # noqa: E402

GW, WORK = sys.argv[1:3]
NS = '{http://www.ofdspec.org/2016}'
MM = 25.4 / 72
os.makedirs(WORK, exist_ok=True)
imagegen.main(WORK)
formats = ['marked.jpg', 'marked.gif', 'marked.bmp', 'marked.tif', 'marked.webp', 'marked-o6.jpg', 'marked-o3.tif']
body = '\n'.join(f'<fo:block>图<fo:external-graphic src="{f}"/></fo:block>' for f in formats)
with open(os.path.join(WORK, 'images.fo'), 'w') as fh:
    fh.write(f'''<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="Noto Serif CJK SC" font-size="12pt">
  <fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="600pt" margin="20pt">
    <fo:region-body/></fo:simple-page-master></fo:layout-master-set>
  <fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">{body}</fo:flow></fo:page-sequence>
</fo:root>''')
p = subprocess.run([GW, 'fo', '-q', 'images.fo', '--format', 'pdf,ofd', '-o', 'images.pdf', '--areas', 'images.xml'],
                   cwd=WORK, capture_output=True, text=True)
if p.returncode:
    print('not ok - ofd images package: exit %d: %s' % (p.returncode, p.stderr[:200]))
    sys.exit(0)
print('ok - ofd images package')
z = zipfile.ZipFile(os.path.join(WORK, 'images.ofd'))
res = ET.fromstring(z.read('Doc_0/DocumentRes.xml'))
media = {m.get('ID'): (m.get('Format'), z.read('Doc_0/Res/' + m.find(NS + 'MediaFile').text)) for m in res.iter(NS + 'MultiMedia')}
objs = list(ET.fromstring(z.read('Doc_0/Pages/Page_0/Content.xml')).iter(NS + 'ImageObject'))
areas = list(ET.parse(os.path.join(WORK, 'images.xml')).getroot().iter('image'))
if len(objs) != len(formats) or len(areas) != len(formats):
    print('not ok - ofd images: %d objects, %d areas, want %d' % (len(objs), len(areas), len(formats)))
    sys.exit(0)
bad = []
for f, o in zip(formats, objs):
    fmt, data = media[o.get('ResourceID')]
    want = open(os.path.join(WORK, f), 'rb').read() if f.endswith('.jpg') else None
    if (want is not None and (fmt != 'JPEG' or data != want)) or (want is None and (fmt != 'PNG' or data[:4] != b'\x89PNG')):
        bad.append(f)
print(('not ok - ofd images jpeg: ' + ' '.join(bad)) if bad else 'ok - ofd images jpeg')
bad = []
for f, o, a in zip(formats, objs, areas):
    bx, by, bw, bh = map(float, o.get('Boundary').split())
    c = [float(v) for v in (o.get('CTM') or '1 0 0 1 0 0').split()]
    x, y, w, h = (float(a.get(k)) * MM for k in ('x', 'y', 'w', 'h'))
    # where the red block is in the stored picture: a JPEG as made (top left), a PNG (the
    # decoded picture, already turned when its format's orientation is applied on decoding)
    # from its pixels; then that point of the unit square on the page
    u, v = 0.05, 0.05
    fmt, data = media[o.get('ResourceID')]
    if fmt == 'PNG':
        tmp = os.path.join(WORK, 'obj.png')
        open(tmp, 'wb').write(data)
        pw, ph, px_ = pnglib.read(tmp)
        dark = [(i, j) for j in range(ph) for i in range(pw) if px_[j][i] < 150]
        u = (sum(i for i, _ in dark) / len(dark) + 0.5) / pw if dark else -1
        v = (sum(j for _, j in dark) / len(dark) + 0.5) / ph if dark else -1
    px, py = bx + c[0] * u + c[2] * v + c[4], by + c[1] * u + c[3] * v + c[5]
    corner = 'tr' if '-o6' in f else 'br' if '-o3' in f else 'tl'
    got = ('t' if py < y + h / 2 else 'b') + ('l' if px < x + w / 2 else 'r')
    if got != corner or max(abs(bx - x), abs(by - y), abs(bw - w), abs(bh - h)) > 0.01:
        bad.append('%s: corner %s (want %s), boundary %s vs %.3f %.3f %.3f %.3f' % (f, got, corner, o.get('Boundary'), x, y, w, h))
print(('not ok - ofd images corner: ' + '; '.join(bad)) if bad else 'ok - ofd images corner')
