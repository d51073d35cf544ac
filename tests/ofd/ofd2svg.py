#!/usr/bin/python3
"""ofd2svg.py OFD PAGE OUT.svg — draws page PAGE (0-based) of a gongwen OFD as SVG, to look at it
without an OFD reader (chromium --headless --screenshot=x.png OUT.svg). Follows the subset
gongwen writes (tests/ofd/ofd-subset.rng): objects placed at their Boundary, turned by their CTM,
the embedded font subsets used as web fonts. A debugging aid, not a test."""
import sys, zipfile, base64, xml.etree.ElementTree as ET
from xml.sax.saxutils import escape
NS='{http://www.ofdspec.org/2016}'
z=zipfile.ZipFile(sys.argv[1]); pageno=int(sys.argv[2])
doc=ET.fromstring(z.read('Doc_0/Document.xml'))
fonts={}; media={}
for part in ('Doc_0/PublicRes.xml','Doc_0/DocumentRes.xml'):
    r=ET.fromstring(z.read(part))
    for f in r.iter(NS+'Font'):
        fonts[f.get('ID')]='Doc_0/Res/'+f.find(NS+'FontFile').text
    for m in r.iter(NS+'MultiMedia'):
        media[m.get('ID')]=('Doc_0/Res/'+m.find(NS+'MediaFile').text, m.get('Format'))
pg=list(doc.iter(NS+'Page'))[pageno]
c=ET.fromstring(z.read('Doc_0/'+pg.get('BaseLoc')))
box=c.find(f'{NS}Area/{NS}PhysicalBox').text.split()
w,h=float(box[2]),float(box[3])
out=[f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}mm" height="{h}mm" viewBox="0 0 {w} {h}"><style>']
for fid,p in fonts.items():
    out.append('@font-face{font-family:f%s;src:url(data:font/otf;base64,%s);}'%(fid,base64.b64encode(z.read(p)).decode()))
out.append('</style><rect width="100%" height="100%" fill="white"/>')
def col(e,name):
    x=e.find(NS+name)
    return 'rgb(%s)'%x.get('Value').replace(' ',',') if x is not None else 'black'
for o in c.iter():
    t=o.tag.replace(NS,'')
    if t not in ('TextObject','PathObject','ImageObject'): continue
    bx,by,bw,bh=map(float,o.get('Boundary').split())
    tr=f'translate({bx},{by})'
    if o.get('CTM'): tr+=' matrix(%s)'%o.get('CTM').replace(' ',',')
    if t=='TextObject':
        tc=o.find(NS+'TextCode'); x=float(tc.get('X')); xs=[x]
        for d in (tc.get('DeltaX') or '').split(): x+=float(d); xs.append(x)
        out.append(f'<text xml:space="preserve" transform="{tr}" font-family="f{o.get("Font")}" font-size="{o.get("Size")}" fill="{col(o,"FillColor")}" x="{" ".join(map(str,xs))}" y="{tc.get("Y")}">{escape(tc.text)}</text>')
    elif t=='PathObject':
        d=o.find(NS+'AbbreviatedData').text.replace(' C',' Z')
        fill=col(o,'FillColor') if o.get('Fill')=='true' else 'none'
        stroke='none' if o.get('Stroke')=='false' else col(o,'StrokeColor')
        dash=o.get('DashPattern'); cap='round' if o.get('Cap')=='Round' else 'butt'
        out.append(f'<path transform="{tr}" d="{d}" fill="{fill}" stroke="{stroke}" stroke-width="{o.get("LineWidth") or 0.353}" stroke-linecap="{cap}" {"stroke-dasharray=%s"%repr(dash.replace(" ",",")) if dash else ""}/>')
    else:
        p,fmt=media[o.get('ResourceID')]
        out.append(f'<image transform="{tr}" width="1" height="1" preserveAspectRatio="none" href="data:image/{fmt.lower()};base64,{base64.b64encode(z.read(p)).decode()}"/>')
out.append('</svg>')
open(sys.argv[3],'w').write('\n'.join(out))
