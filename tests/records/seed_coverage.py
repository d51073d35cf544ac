#!/usr/bin/env python3
"""seed_coverage.py — proves the xml/ records transcribe the seed completely.

Usage: seed_coverage.py SEED XML_DIR

Every non-empty text piece of the seed (split on tabs and newlines, trimmed) must occur
in the records made from it (every *.xml under XML_DIR except schema/ and records marked
sample="true"). Records are read the way a form prints them:
  - per element: its @label, its @title, its text and children in document order,
    then its @end (punctuation printed after, e.g. the "；" between citations);
  - the <office> members of an <offices> list are joined with "、" as printed;
  - any other attribute value (e.g. @artefact, @value) also counts as a match.
Whitespace is deleted on both sides before comparing (Chinese text has no word spaces;
the seed pads some lines with runs of spaces).
Fidelity, the other way round: every text node and every @label/@title/@end/@artefact/
@basis/@law/@article of those records must itself occur in the seed (so a typo made while
transcribing, or a rule that paraphrases instead of quoting, is caught). Values that are
machine data (@num, @value, @id, numbers in <rules>) are not checked this way.
Prints the coverage, every missing piece and every foreign text; exits 1 if any.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = '{urn:gongwen:record:1}'
WS = re.compile(r'\s+')


def squash(s):
    """Deletes all whitespace (ASCII and U+3000 alike)."""
    return WS.sub('', s)


def printed(el, out, attrs):
    """Appends el's printed text to out, every attribute value to attrs."""
    for v in el.attrib.values():
        attrs.append(v)
    if 'label' in el.attrib:
        out.append(el.attrib['label'])
    if 'title' in el.attrib:
        out.append(el.attrib['title'])
    if el.text:
        out.append(el.text)
    kids = list(el)
    for i, ch in enumerate(kids):
        if el.tag == NS + 'offices' and i > 0:
            out.append('、')
        printed(ch, out, attrs)
        if ch.tail:
            out.append(ch.tail)
    if 'end' in el.attrib:
        out.append(el.attrib['end'])


QUOTED = ('label', 'title', 'end', 'artefact', 'basis', 'law', 'article')


def foreign(path, root, seed_text):
    """Returns the texts of root that do not occur in the (squashed) seed."""
    bad = []
    # <procedures> (the penalty procedure of the law, regime.rng) is not seed text
    skip = {id(e) for p in root.iter(NS + 'procedures') for e in p.iter()}
    for el in root.iter():
        if id(el) in skip:
            continue
        vals = [el.text] + [el.get(a) for a in QUOTED]
        for v in vals:
            if v and v.strip() and squash(v) not in seed_text:
                bad.append('%s: <%s> %s' % (path, el.tag.replace(NS, ''), v.strip()))
    return bad


def records(xml_dir):
    """Yields the paths of the non-sample records under xml_dir that transcribe the seed
    (the annual record only lists other records: it has no seed text of its own)."""
    for base, dirs, files in os.walk(xml_dir):
        dirs[:] = sorted(d for d in dirs if d != 'schema')
        for f in sorted(files):
            if f.endswith('.xml'):
                path = os.path.join(base, f)
                root = ET.parse(path).getroot()
                if root.get('sample') not in ('true', '1') and root.tag != NS + 'annual':
                    yield path, root


def main():
    if len(sys.argv) != 3:
        print('usage: seed_coverage.py SEED XML_DIR', file=sys.stderr)
        return 2
    seed, xml_dir = sys.argv[1:]
    with open(seed, encoding='utf-8') as f:
        raw = f.read()
    seed_text = squash(raw)
    pieces = [p.strip() for p in re.split(r'[\t\n]', raw)]
    pieces = [p for p in pieces if p]
    out, attrs, n, alien = [], [], 0, []
    for path, root in records(xml_dir):
        alien += foreign(path, root, seed_text)
        printed(root, out, attrs)
        out.append('\n')
        n += 1
    text = squash(''.join(out))
    attr_text = '\0'.join(squash(a) for a in attrs)
    missing = [p for p in pieces
               if squash(p) not in text and squash(p) not in attr_text]
    distinct = len(set(pieces))
    covered = len(pieces) - len(missing)
    print('# seed pieces: %d (%d distinct), records read: %d, covered: %d (%.1f%%)'
          % (len(pieces), distinct, n, covered, 100.0 * covered / max(1, len(pieces))))
    for p in missing:
        print('MISSING: ' + p)
    print('# texts not found in the seed: %d' % len(alien))
    for a in alien:
        print('FOREIGN: ' + a)
    return 1 if missing or alien else 0


if __name__ == '__main__':
    sys.exit(main())
