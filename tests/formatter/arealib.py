"""arealib.py — helpers shared by the check_*.py scripts: reading gongwen area dumps.

An area dump is <areas pages=N><page label number x y w h><region name=…><line …><text …>.
Coordinates are pt, origin top-left.  Every check script prints one line per assertion,
"ok - NAME" or "not ok - NAME: why", and nothing else on stdout."""
import sys
import xml.etree.ElementTree as ET

EPS = 0.05


def load(path):
    return ET.parse(path).getroot()


def f(e, name):
    return float(e.get(name))


def pages(root):
    return root.findall('page')


def line_text(line):
    return ''.join(t.text or '' for t in line.iter('text'))


def page_text(page, region=None):
    """All text of a page (or of one region of it), lines joined with newlines."""
    out = []
    for reg in page.findall('region'):
        if region and reg.get('name') != region:
            continue
        for l in reg.iter('line'):
            out.append(line_text(l))
    return '\n'.join(out)


def lines(root):
    """Yields (page, region, line, text) for every line of the document in order."""
    for p in pages(root):
        for reg in p.findall('region'):
            for l in reg.iter('line'):
                yield p, reg, l, line_text(l)


def paragraphs(region):
    """Groups the lines directly stacked (next.y == prev.y + prev.h) that are siblings."""
    groups = []
    for parent in region.iter():
        prev = None
        for l in parent.findall('line'):
            if prev is not None and abs(f(prev, 'y') + f(prev, 'h') - f(l, 'y')) < EPS:
                groups[-1].append(l)
            else:
                groups.append([l])
            prev = l
    return groups


def dests(root):
    """id → page number (as counted) and page label of each <dest>."""
    r = {}
    for p in pages(root):
        for d in p.iter('dest'):
            r.setdefault(d.get('name'), (int(p.get('number')), p.get('label')))
    return r


class Checker:
    def __init__(self, prefix):
        self.prefix = prefix
        self.failed = 0

    def ok(self, name):
        print(f'ok - {self.prefix}{name}')

    def fail(self, name, why):
        self.failed += 1
        print(f'not ok - {self.prefix}{name}: {why}')

    def check(self, name, cond, why=''):
        if cond:
            self.ok(name)
        else:
            self.fail(name, why or 'assertion failed')
        return cond

    def done(self):
        sys.exit(1 if self.failed else 0)
