#!/usr/bin/env python3
"""labels.py SCHEMA_DIR — the label tables (xml/schema/<kind>.labels.xml) against the
schemas: every element and attribute a kind's RELAX NG schema allows has a <field> with a
label (a new schema field needs a label row), no row names a path the schema does not allow,
repeat="true" is on the repeatable elements. Prints one ok/not ok line per kind."""
import os, sys
import xml.etree.ElementTree as ET
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rngpaths import paths

NS = '{urn:gongwen:labels:1}'
d = sys.argv[1]
for rng in sorted(f for f in os.listdir(d) if f.endswith('.rng')):
    kind = rng[:-4]
    name = 'labels %s' % kind
    lab = os.path.join(d, kind + '.labels.xml')
    if not os.path.exists(lab):
        print('not ok - %s: no %s.labels.xml' % (name, kind)); continue
    root = ET.parse(lab).getroot()
    rows = {f.get('path'): f for f in root.iter(NS + 'field')}
    _, allowed = paths(os.path.join(d, rng))
    problems = []
    for p, rep in allowed:
        f = rows.get(p)
        if f is None: problems.append('no label for ' + p)
        elif not (f.get('label') or '').strip(): problems.append('empty label for ' + p)
        elif rep and not p.split('/')[-1].startswith('@') and f.get('repeat') != 'true':
            problems.append('%s repeats but has no repeat="true"' % p)
    known = {p for p, _ in allowed}
    problems += ['%s is not in %s' % (p, rng) for p in rows if p not in known]
    if root.get('kind') != kind: problems.append('kind="%s"' % root.get('kind'))
    if problems: print('not ok - %s: %s' % (name, '; '.join(problems[:5])))
    else: print('ok - %s (%d fields)' % (name, len(allowed)))
