// form.js — the record form of the clerk's desk, made from the kind's RELAX NG schema
// (/schema/KIND.rng) and label table (/schema/KIND.labels.xml): nothing here knows a kind.
// Each pattern of the schema becomes a widget { el, emit(node, required), load(cursor) };
// the record's XML is made from the widgets (emit) and read into them (load).
'use strict';

const RNG = 'http://relaxng.org/ns/structure/1.0';
const REC = 'urn:gongwen:record:1';

// One element of the record being built: name, attributes, children, text.
function xnode(name) { return { name, attrs: [], kids: [], text: null }; }

// Escapes text for XML.
function xesc(s, attr) {
  s = String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attr ? s.replace(/"/g, '&quot;') : s;
}

// Serialises an xnode tree as indented XML, the way a hand-writer would write it.
function xserialize(n, depth, root) {
  const pad = '  '.repeat(depth);
  let s = pad + '<' + n.name + (root ? ' xmlns="' + REC + '"' : '');
  for (const [k, v] of n.attrs) s += ' ' + k + '="' + xesc(v, true) + '"';
  if (!n.kids.length && (n.text === null || n.text === '')) return s + '/>\n';
  if (!n.kids.length) return s + '>' + xesc(n.text) + '</' + n.name + '>\n';
  s += '>\n';
  for (const k of n.kids) s += xserialize(k, depth + 1, false);
  return s + pad + '</' + n.name + '>\n';
}

// The element children of a DOM node that are RELAX NG patterns.
function pats(node) {
  return Array.from(node.children).filter(c => c.namespaceURI === RNG);
}

// Makes a DOM element with a class and optional text.
function h(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

class FormMaker {
  // grammar: the parsed .rng; labels: path → {label, hint}; regimes: /api/regimes.
  constructor(grammar, labels, regimes) {
    this.defs = {};
    for (const d of grammar.getElementsByTagNameNS(RNG, 'define')) this.defs[d.getAttribute('name')] = d;
    this.start = pats(grammar.getElementsByTagNameNS(RNG, 'start')[0])[0];
    this.labels = labels;
    this.regimes = regimes;
    this.fields = {};    // path → [{row, err, comp}] for messages beside the field
    this.onchange = () => {};
  }

  // The label and hint of a field path (the element name when the table has no row).
  label(path) {
    const l = this.labels[path];
    const last = path.split('/').pop().replace(/^@/, '');
    return l ? l : { label: last, hint: '' };
  }

  // Follows refs: the patterns a pattern stands for.
  deref(p, depth) {
    if (depth > 40) return [];
    const n = p.localName;
    if (n === 'ref') return this.deref(this.defs[p.getAttribute('name')], depth + 1);
    if (n === 'define' || n === 'group' || n === 'interleave')
      return pats(p).flatMap(c => this.deref(c, depth + 1));
    return [p];
  }

  // The element names a pattern can start with (to read records and pick choices).
  names(p, depth = 0) {
    const out = new Set();
    for (const q of this.deref(p, depth)) {
      const n = q.localName;
      if (n === 'element') out.add(q.getAttribute('name'));
      else if (['optional', 'zeroOrMore', 'oneOrMore', 'choice'].includes(n))
        pats(q).forEach(c => this.names(c, depth + 1).forEach(x => out.add(x)));
    }
    return out;
  }

  // TRUE when a pattern stands for attributes only (an attribute, or optional ones).
  attrOnly(p, depth) {
    if (depth > 40) return false;
    const n = p.localName;
    if (n === 'attribute') return true;
    if (['optional', 'group', 'ref', 'define'].includes(n)) {
      const kids = n === 'ref' ? [this.defs[p.getAttribute('name')]] : pats(p);
      return kids.length > 0 && kids.every(c => this.attrOnly(c, depth + 1));
    }
    return false;
  }

  // The fixed value of an attribute a branch carries first (the case's kind), or null.
  branchKey(p) {
    for (const q of this.deref(p, 0)) {
      if (q.localName === 'attribute') {
        const v = pats(q).filter(c => c.localName === 'value');
        return v.length === 1 && pats(q).length === 1 ? [q.getAttribute('name'), v[0].textContent] : null;
      }
      if (q.localName === 'element') return null;
    }
    return null;
  }

  // Registers a field's row so that messages and computed values find it.
  register(path, row) {
    const err = h('div', 'err'), comp = h('div', 'computed');
    row.append(err, comp);
    (this.fields[path] = this.fields[path] || []).push({ row, err, comp });
  }

  // The input for a value (of an attribute or a text-only element): select, date, text.
  valueInput(path, content, name) {
    const vals = [];
    let type = 'text';
    for (const q of content.flatMap(c => this.deref(c, 0))) {
      if (q.localName === 'value') vals.push(q.textContent);
      if (q.localName === 'choice')
        for (const v of pats(q)) if (v.localName === 'value') vals.push(v.textContent);
      if (q.localName === 'data') type = q.getAttribute('type');
    }
    const lab = this.label(path);
    let input;
    if (name === 'regime' && this.regimes.length) {
      input = h('select');
      input.append(new Option('', ''));
      for (const r of this.regimes) input.append(new Option(r.id + ' ' + (r.title || ''), r.id));
      input.dataset.role = 'regime';
    } else if (name === 'rule' && this.regimes.length) {
      input = h('select');
      input.dataset.role = 'rule';
    } else if (vals.length) {
      input = h('select');
      input.append(new Option('', ''));
      for (const v of vals) input.append(new Option(v, v));
    } else if (type === 'boolean') {
      input = h('select');
      for (const [t, v] of [['', ''], ['是', 'true'], ['否', 'false']]) input.append(new Option(t, v));
    } else {
      input = h('input');
      input.type = 'text';
      if (type === 'date') input.placeholder = '2015-07-08';
      else if (lab.hint) input.placeholder = lab.hint;
    }
    input.dataset.path = path;
    input.title = lab.hint || '';
    input.addEventListener('input', () => this.onchange());
    input.addEventListener('change', () => this.onchange());
    if (input.dataset.role === 'regime')
      input.addEventListener('change', () => {
        const row = input.closest('.row');
        const r = row && row.querySelector('select[data-role=rule]');
        if (r) { r.dataset.want = ''; this.fillRules(r); }
      });
    const wrap = h('span', 'value');
    wrap.append(input);
    if (type === 'date') { // the picker beside the text: typed text stays checkable
      const pick = h('input', 'picker');
      pick.type = 'date';
      pick.tabIndex = -1;
      pick.title = '选择日期';
      pick.addEventListener('change', () => { input.value = pick.value; this.onchange(); });
      input.addEventListener('input', () => { if (/^\d{4}-\d\d-\d\d$/.test(input.value)) pick.value = input.value; });
      wrap.append(pick);
    }
    if (vals.length === 1 && !name.startsWith('@')) { input.value = vals[0]; }
    return { wrap, input, fixed: vals.length === 1 ? vals[0] : null };
  }

  // Fills a rule select with the rules of the regime chosen beside it.
  fillRules(sel) {
    const row = sel.closest('.row');
    const reg = row && row.querySelector('select[data-role=regime]');
    const r = this.regimes.find(x => reg && x.id === reg.value);
    const keep = sel.dataset.want || sel.value;
    sel.textContent = '';
    sel.append(new Option('', ''));
    for (const rule of (r ? r.rules : [])) sel.append(new Option(rule.id + ' — ' + rule.text, rule.id));
    if (keep && ![...sel.options].some(o => o.value === keep)) sel.append(new Option(keep, keep));
    sel.value = keep || '';
  }

  // An attribute widget (its input goes into the row of its element).
  attribute(p, path, optional) {
    const name = p.getAttribute('name');
    const apath = (path ? path + '/' : '') + '@' + name;
    const content = pats(p);
    const { wrap, input, fixed } = this.valueInput(apath, content, name);
    const lab = h('label', 'attr');
    lab.append(h('span', 'name', this.label(apath).label), wrap);
    if (fixed !== null && content.length === 1) { lab.hidden = true; input.value = fixed; }
    return {
      el: lab, attr: true,
      emit: (n) => {
        const v = input.value.trim();
        if (v !== '' || (!optional && fixed === null)) n.attrs.push([name, v]);
        else if (!optional) n.attrs.push([name, fixed]);
        return v !== '' && v !== fixed;
      },
      load: (cur) => {
        const v = cur.node ? cur.node.getAttribute(name) : null;
        if (v !== null) { input.value = v; input.dataset.want = v; }
      },
      input,
    };
  }

  // A widget for a list of patterns in sequence (an element's content or a group).
  sequence(list, path, optional) {
    const ws = list.map(c => this.widget(c, path, optional));
    const el = h('div', 'seq');
    const attrs = ws.filter(w => w.attr);
    if (attrs.length) {
      const arow = h('div', 'attrs');
      attrs.forEach(w => arow.append(w.el));
      el.append(arow);
    }
    ws.filter(w => !w.attr).forEach(w => el.append(w.el));
    return {
      el, ws,
      emit: (n) => ws.map(w => w.emit(n)).some(Boolean),
      load: (cur) => ws.forEach(w => w.load(cur)),
    };
  }

  // An element: a row (text-only content) or a box of fields.
  element(p, path, optional) {
    const name = p.getAttribute('name');
    const epath = path === null ? '' : (path ? path + '/' : '') + name;
    const content = pats(p);
    const flat = content.flatMap(c => this.deref(c, 0));
    const hasKids = content.some(c => this.names(c).size > 0);
    const lab = this.label(epath || '@id');
    let el, inner, input = null;
    if (!hasKids) {
      el = h('div', 'row field');
      const l = h('label', 'name', epath ? lab.label : name);
      el.append(l);
      const attrs = content.filter(c => this.attrOnly(c, 0));
      const text = content.filter(c => !attrs.includes(c));
      const hasText = flat.some(q => ['data', 'value', 'text', 'choice'].includes(q.localName));
      if (hasText) {
        const v = this.valueInput(epath, text, name);
        input = v.input;
        el.append(v.wrap);
      }
      inner = this.sequence(attrs, epath, true);
      el.append(inner.el);
      this.register(epath, el);
    } else {
      el = h('fieldset', 'box');
      el.append(h('legend', '', epath ? lab.label : name));
      inner = this.sequence(content, epath, false);
      el.append(inner.el);
      this.register(epath, el);
    }
    return {
      el, name,
      emit: (parent) => {
        const n = xnode(name);
        let filled = inner.emit(n);
        if (input) { n.text = input.value.trim(); filled = filled || n.text !== ''; }
        if (filled || !optional) { parent.kids.push(n); }
        return filled;
      },
      load: (cur) => {
        const k = cur.kids[cur.i];
        if (!k || k.localName !== name) return;
        cur.i++;
        if (input) input.value = k.textContent.trim();
        if (input && input.nextElementSibling && /^\d{4}-\d\d-\d\d$/.test(input.value))
          input.nextElementSibling.value = input.value;
        inner.load({ node: k, kids: Array.from(k.children), i: 0 });
      },
    };
  }

  // Repeated patterns: rows added and removed.
  repeat(p, path, min) {
    const body = pats(p);
    const el = h('div', 'repeat');
    const rows = h('div', 'rows');
    const add = h('button', 'add', '＋ 添加');
    add.type = 'button';
    const names = this.names(p);
    const first = [...names][0] || '';
    const lab = this.label((path ? path + '/' : '') + first);
    add.textContent = '＋ 添加' + lab.label;
    el.append(rows, add);
    const items = [];
    const addRow = () => {
      const w = this.sequence(body, path, items.length >= min);
      const r = h('div', 'item');
      const del = h('button', 'del', '删除');
      del.type = 'button';
      del.title = '删除这一行';
      del.onclick = () => { items.splice(items.indexOf(w), 1); r.remove(); this.onchange(); };
      r.append(w.el, del);
      rows.append(r);
      items.push(w);
      return w;
    };
    add.onclick = () => { const w = addRow(); w.el.querySelectorAll('select[data-role=rule]').forEach(x => this.fillRules(x)); this.onchange(); };
    for (let i = 0; i < Math.max(min, 1); i++) addRow();
    return {
      el,
      emit: (n) => items.map(w => w.emit(n)).some(Boolean),
      load: (cur) => {
        rows.textContent = '';
        items.length = 0;
        while (cur.kids[cur.i] && names.has(cur.kids[cur.i].localName)) {
          const before = cur.i;
          addRow().load(cur);
          if (cur.i === before) break;
        }
        while (items.length < min) addRow();
      },
    };
  }

  // A choice: of values (a select, made by valueInput), of branches told by a fixed
  // attribute (the case's kind), or of elements.
  choice(p, path, optional) {
    const alts = pats(p);
    const el = h('div', 'choice');
    const sel = h('select', 'branch');
    const keys = alts.map(a => this.branchKey(a));
    const byAttr = keys.every(k => k);
    const label = byAttr ? this.label((path ? path + '/' : '') + '@' + keys[0][0]).label : '选择';
    if (optional) sel.append(new Option('（无）', ''));
    alts.forEach((a, i) => {
      const t = byAttr ? keys[i][1] : [...this.names(a)].map(x => this.label((path ? path + '/' : '') + x).label).join('、');
      sel.append(new Option(t, String(i)));
    });
    const lab = h('label', 'row branch-row');
    lab.append(h('span', 'name', label), sel);
    const box = h('div', 'branch-body');
    el.append(lab, box);
    let cur = null;
    const pick = (i) => {
      box.textContent = '';
      cur = i === '' ? null : this.sequence([alts[+i]], path, false);
      if (cur) box.append(cur.el);
    };
    sel.onchange = () => { pick(sel.value); this.onchange(); };
    pick(sel.value);
    return {
      el,
      emit: (n) => (cur ? cur.emit(n) : false),
      load: (c) => {
        let i = -1;
        if (byAttr && c.node) i = keys.findIndex(k => c.node.getAttribute(k[0]) === k[1]);
        else if (c.kids[c.i]) i = alts.findIndex(a => this.names(a).has(c.kids[c.i].localName));
        if (i < 0) return;
        sel.value = String(i);
        pick(sel.value);
        cur.load(c);
      },
    };
  }

  // The widget of any pattern under element path `path`.
  widget(p, path, optional) {
    switch (p.localName) {
      case 'ref': return this.sequence(this.deref(p, 0), path, optional);
      case 'group': case 'interleave': return this.sequence(pats(p), path, optional);
      case 'element': return this.element(p, path, optional);
      case 'attribute': return this.attribute(p, path, optional);
      case 'optional': return this.sequence(pats(p), path, true);
      case 'zeroOrMore': return this.repeat(p, path, 0);
      case 'oneOrMore': return this.repeat(p, path, 1);
      case 'choice': return this.choice(p, path, optional);
      default: return { el: h('span'), emit: () => false, load: () => {} };
    }
  }

  // The form for the whole record: the root element's widget.
  make() {
    this.root = this.element(this.start, null, false);
    this.root.el.classList.add('record');
    return this.root.el;
  }

  // Fills every rule select from the regime beside it (after the form is in the page).
  rules() {
    for (const sel of this.root.el.querySelectorAll('select[data-role=rule]')) this.fillRules(sel);
  }

  // The record's XML from the form.
  xml() {
    const top = xnode('#');
    this.root.emit(top);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xserialize(top.kids[0], 0, true);
  }

  // Fills the form from a record (a parsed XML document).
  load(doc) {
    const r = doc.documentElement;
    this.root.load({ node: null, kids: [r], i: 0 });
    this.rules();
  }

  // The first field of `path` in the page (a choice drops the widgets of other branches).
  field(path) {
    return (this.fields[path] || []).find(f => f.row.isConnected) || null;
  }

  // Shows problems and computed values beside their fields; the rest go to `other`.
  show(errors, computed, other) {
    for (const list of Object.values(this.fields))
      for (const f of list) { f.err.textContent = ''; f.comp.textContent = ''; f.row.classList.remove('bad'); }
    other.textContent = '';
    for (const e of errors) {
      const f = e.path !== null ? this.field(e.path) : null;
      const text = (e.field ? e.field + '：' : '') + e.message;
      if (f) { f.err.textContent = text; f.row.classList.add('bad'); }
      else other.append(h('li', '', (e.line ? '第 ' + e.line + ' 行：' : '') + text));
    }
    for (const c of computed) {
      const f = this.field(c.path);
      if (f) f.comp.textContent = '将印为：' + c.value;
    }
  }
}

window.FormMaker = FormMaker;
