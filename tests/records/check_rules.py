#!/usr/bin/env python3
"""check_rules.py — cross-checks records against the regimes' machine-readable rules.

Usage: check_rules.py XML_DIR [RECORD...]

Loads every regime under XML_DIR, then checks each RECORD (default: every case,
inspection and regime under XML_DIR) and prints one line per record:
"ok - rules PATH" or "not ok - rules PATH: reasons". Checks:
  regime:     section ids unique; rule ids unique; every rule's ref names a section.
  case:       each <applies> names an existing regime and rule; enough inspectors for
              the regimes' <min-inspectors>; objection-by / rectify-by equal the counted-
              from date plus the regime deadline's days; reinspect-within matches its
              deadline; a penalty names a penalty rule applied by the case and its
              amount lies within the rule's yuan range; problem clauses exist.
  inspection: the regime exists; every check clause is a section of it; every problem's
              check exists; enough inspectors; the time runs forward.
Exit status 1 if any record fails.
"""
import datetime
import os
import sys
import xml.etree.ElementTree as ET

NS = '{urn:gongwen:record:1}'


def q(tag):
    """Qualifies a local name with the record namespace."""
    return NS + tag


def load(path):
    """Parses a record; returns its root element."""
    return ET.parse(path).getroot()


def all_records(xml_dir):
    """Yields the paths of all records under xml_dir (schema/ excluded)."""
    for base, dirs, files in os.walk(xml_dir):
        dirs[:] = sorted(d for d in dirs if d != 'schema')
        for f in sorted(files):
            if f.endswith('.xml'):
                yield os.path.join(base, f)


def date(s):
    """Parses an ISO date."""
    return datetime.date.fromisoformat(s.strip())


def check_regime(root):
    """Returns the problems of a regime record."""
    errs = []
    secs = [s.get('id') for s in root.iter(q('section'))]
    if len(secs) != len(set(secs)):
        errs.append('duplicate section ids')
    rules = root.find(q('rules'))
    ids = [r.get('id') for r in rules]
    if len(ids) != len(set(ids)):
        errs.append('duplicate rule ids')
    for r in rules:
        if r.get('ref') not in secs:
            errs.append('rule %s: ref %s is no section' % (r.get('id'), r.get('ref')))
    return errs


def rule_of(regimes, applied, rid):
    """Finds rule rid among the regimes the record applies; returns (regime, rule)."""
    for reg in applied:
        if reg in regimes:
            for r in regimes[reg].find(q('rules')):
                if r.get('id') == rid:
                    return reg, r
    return None, None


def min_inspectors(regimes, applied, applies_to):
    """Largest min-inspectors count of the given regimes for the kind of work."""
    n = 0
    for reg in applied:
        if reg in regimes:
            for r in regimes[reg].find(q('rules')).findall(q('min-inspectors')):
                if r.get('applies-to') in applies_to:
                    n = max(n, int(r.get('count')))
    return n


def sections(regimes, reg):
    """Set of section ids of a regime."""
    return {s.get('id') for s in regimes[reg].iter(q('section'))} if reg in regimes else set()


def check_derived(el, regimes, applied, dates, errs):
    """Checks a date derived from a deadline: el/@deadline, el/@from, el text."""
    if el is None or el.get('deadline') is None:
        return
    _, rule = rule_of(regimes, applied, el.get('deadline'))
    if rule is None or rule.tag != q('deadline'):
        errs.append('%s: no deadline %s' % (el.tag.replace(NS, ''), el.get('deadline')))
        return
    base = dates.find(q(el.get('from')))
    if base is None:
        errs.append('%s: no date %s' % (el.tag.replace(NS, ''), el.get('from')))
        return
    want = date(base.text) + datetime.timedelta(days=int(rule.get('days')))
    if date(el.text) != want:
        errs.append('%s is %s, %s + %s days = %s' % (el.tag.replace(NS, ''), el.text,
                    el.get('from'), rule.get('days'), want))


def check_case(root, regimes):
    """Returns the problems of a case record."""
    errs = []
    applied = []
    for a in root.findall(q('applies')):
        reg, rid = a.get('regime'), a.get('rule')
        if reg not in regimes:
            errs.append('no regime %s' % reg)
            continue
        applied.append(reg)
        if rule_of(regimes, [reg], rid)[1] is None:
            errs.append('regime %s has no rule %s' % (reg, rid))
    kind = root.get('kind')
    work = ('sampling', 'inspection') if kind == 'product-sampling' else ('inspection',)
    need = min_inspectors(regimes, applied, work)
    have = len(root.find(q('inspectors')))
    if have < max(2, need):
        errs.append('%d inspector(s), at least %d needed' % (have, max(2, need)))
    dates = root.find(q('dates'))
    dec = root.find(q('decision'))
    check_derived(dec.find(q('objection-by')), regimes, applied, dates, errs)
    check_derived(dec.find(q('rectify-by')), regimes, applied, dates, errs)
    rw = dec.find(q('reinspect-within'))
    if rw is not None:
        _, rule = rule_of(regimes, applied, rw.get('deadline'))
        if rule is None or rule.get('days') != rw.get('days'):
            errs.append('reinspect-within does not match deadline %s' % rw.get('deadline'))
    pen = dec.find(q('penalty'))
    if pen is not None:
        _, rule = rule_of(regimes, applied, pen.get('rule'))
        if rule is None or rule.tag != q('penalty'):
            errs.append('penalty rule %s is not applied by the case' % pen.get('rule'))
        else:
            amount = int(pen.get('amount-yuan'))
            ranges = [r for f in rule.findall(q('fine')) for r in f.findall(q('range'))
                      if r.get('max-yuan')]
            if not ranges:
                errs.append('rule %s has no fine range in yuan' % pen.get('rule'))
            elif not any(int(r.get('min-yuan', '0')) <= amount <= int(r.get('max-yuan'))
                         for r in ranges):
                errs.append('penalty %d yuan outside the range of %s' % (amount, pen.get('rule')))
    secs = set()
    for reg in applied:
        secs |= sections(regimes, reg)
    for p in root.iter(q('problem')):
        if p.get('clause') and p.get('clause') not in secs:
            errs.append('problem clause %s is no section' % p.get('clause'))
    first = min(date(d.text) for d in dates)
    if date(root.find(q('issued')).get('date')) < first:
        errs.append('issued before the first recorded date')
    return errs


def check_inspection(root, regimes):
    """Returns the problems of an inspection record."""
    errs = []
    reg = root.get('regime')
    if reg not in regimes:
        return ['no regime %s' % reg]
    secs = sections(regimes, reg)
    checks = set()
    for c in root.find(q('checks')):
        checks.add(c.get('id'))
        if c.get('clause') not in secs:
            errs.append('check %s: clause %s is no section of %s' % (c.get('id'), c.get('clause'), reg))
    for p in root.find(q('problems')):
        if p.get('check') and p.get('check') not in checks:
            errs.append('problem names unknown check %s' % p.get('check'))
    need = max(2, min_inspectors(regimes, [reg], ('inspection',)))
    have = len(root.find(q('inspectors')))
    if have < need:
        errs.append('%d inspector(s), at least %d needed' % (have, need))
    t = root.find(q('time'))
    if t.get('from') >= t.get('to'):
        errs.append('time runs backwards')
    return errs


def main():
    if len(sys.argv) < 2:
        print('usage: check_rules.py XML_DIR [RECORD...]', file=sys.stderr)
        return 2
    xml_dir = sys.argv[1]
    regimes = {}
    for p in all_records(xml_dir):
        r = load(p)
        if r.tag == q('regime') and r.get('sample') != 'true':
            regimes[r.get('id')] = r
    paths = sys.argv[2:] or list(all_records(xml_dir))
    failed = 0
    for p in paths:
        try:
            r = load(p)
        except ET.ParseError as e:
            print('not ok - rules %s: %s' % (p, e))
            failed += 1
            continue
        kind = r.tag.replace(NS, '')
        if kind == 'regime':
            errs = check_regime(r)
        elif kind == 'case':
            errs = check_case(r, regimes)
        elif kind == 'inspection':
            errs = check_inspection(r, regimes)
        else:
            continue
        if errs:
            failed += 1
            print('not ok - rules %s: %s' % (p, '; '.join(errs)))
        else:
            print('ok - rules %s' % p)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
