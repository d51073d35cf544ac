// desk.js — the record page (/new/KIND, /edit/PATH): builds the form (form.js), checks the
// record while the clerk types (/api/validate), previews its documents (/api/render) and
// saves it (PUT /api/records/PATH with If-Match).
'use strict';

const page = window.deskPage = { kind: null, path: null, etag: null, form: null, timer: 0, seq: 0, docs: [], doc: 0, valid: false };

// Shows a message in the banner (kind: 'ok' or 'bad'), or hides it.
function banner(text, kind) {
  const b = document.getElementById('banner');
  b.hidden = !text;
  b.textContent = text || '';
  b.className = 'banner ' + (kind || '');
}

// Reads a label table into path → {label, hint}.
function readLabels(doc) {
  const out = {};
  for (const f of doc.getElementsByTagName('field'))
    out[f.getAttribute('path')] = { label: f.getAttribute('label'), hint: f.getAttribute('hint') || '' };
  return out;
}

// Fetches and parses XML; null when absent.
async function fetchXml(url) {
  const r = await fetch(url);
  if (!r.ok) return null;
  return new DOMParser().parseFromString(await r.text(), 'application/xml');
}

// The record path to save a new record under: the folder most records of its kind are in.
async function newPath(id) {
  const r = await (await fetch('/api/records')).json();
  const count = {};
  for (const rec of r.records) if (rec.kind === page.kind) {
    const dir = rec.path.includes('/') ? rec.path.slice(0, rec.path.lastIndexOf('/') + 1) : '';
    count[dir] = (count[dir] || 0) + 1;
  }
  const dir = Object.keys(count).sort((a, b) => count[b] - count[a])[0] || '';
  return dir + id + '.xml';
}

// The query part naming where the record stands (so its regimes are found from there).
function near() {
  return page.path ? 'path=' + encodeURIComponent(page.path) : '';
}

// Checks the record now (body[data-busy] is '0' once the latest state is checked and
// previewed: what the browser test waits for); shows the problems and computed values; previews when valid.
async function check() {
  const seq = ++page.seq;
  const xml = page.form.xml();
  const t0 = performance.now();
  const r = await fetch('/api/validate?' + near(), { method: 'POST', body: xml });
  const v = await r.json();
  if (seq !== page.seq) return;
  page.form.show(v.errors || [], v.computed || [], document.getElementById('other'));
  page.valid = v.ok;
  const st = document.getElementById('state');
  st.textContent = v.ok ? '✓ 记录有效' : '✗ ' + (v.errors || []).length + ' 处有误';
  st.className = 'state ' + (v.ok ? 'ok' : 'bad');
  document.getElementById('save').disabled = !v.ok;
  document.body.dataset.checked = String(seq);
  if (!v.ok) { document.body.dataset.busy = '0'; return; }
  const sel = document.getElementById('docsel');
  if (JSON.stringify(v.documents) !== JSON.stringify(page.docs)) {
    page.docs = v.documents;
    sel.textContent = '';
    v.documents.forEach((d, i) => sel.append(new Option(d, String(i + 1))));
    sel.value = String(Math.min(page.doc || 1, v.documents.length));
  }
  await preview(xml, seq, t0);
}

// Shows the pages of the chosen document.
async function preview(xml, seq, t0) {
  const doc = document.getElementById('docsel').value || '1';
  const pages = document.getElementById('pages');
  const url = (p) => '/api/render?' + near() + '&document=' + doc + '&format=png&dpi=60&page=' + p;
  const first = await fetch(url(1), { method: 'POST', body: xml });
  if (seq !== page.seq) return;
  if (!first.ok) {
    document.getElementById('pvinfo').textContent = '预览失败';
    document.body.dataset.busy = '0';
    return;
  }
  const n = +first.headers.get('X-Pages') || 1;
  const imgs = [await first.blob()];
  for (let p = 2; p <= n; p++) {
    const r = await fetch(url(p), { method: 'POST', body: xml });
    if (seq !== page.seq) return;
    imgs.push(await r.blob());
  }
  for (const old of pages.querySelectorAll('img')) URL.revokeObjectURL(old.src);
  pages.textContent = '';
  imgs.forEach((b, i) => {
    const img = document.createElement('img');
    img.src = URL.createObjectURL(b);
    img.alt = '第 ' + (i + 1) + ' 页';
    pages.append(img);
  });
  document.getElementById('pvinfo').textContent = n + ' 页 · ' + Math.round(performance.now() - t0) + ' ms';
  document.body.dataset.previewed = String(seq);
  document.body.dataset.busy = '0';
}

// Checks a moment after the last keystroke.
function changed() {
  page.seq++; // a check or preview under way is for an older state: its answer is dropped
  document.body.dataset.busy = '1';
  clearTimeout(page.timer);
  page.timer = setTimeout(check, 250);
}

// Saves the record (If-Match: the ETag it was opened with).
async function save() {
  const xml = page.form.xml();
  const idInput = document.querySelector('[data-path="@id"]');
  const path = page.path || await newPath(idInput ? idInput.value.trim() : 'record');
  const headers = { 'Content-Type': 'application/xml' };
  if (page.etag) headers['If-Match'] = page.etag;
  else headers['If-None-Match'] = '*';
  const r = await fetch('/api/records/' + path.split('/').map(encodeURIComponent).join('/'),
    { method: 'PUT', headers, body: xml });
  const v = await r.json();
  if (r.status === 412) { banner(v.error, 'bad'); return; }
  if (!r.ok) {
    banner(v.error || '未保存', 'bad');
    if (v.errors) page.form.show(v.errors, [], document.getElementById('other'));
    return;
  }
  page.etag = v.etag;
  page.path = v.path;
  history.replaceState(null, '', '/edit/' + v.path.split('/').map(encodeURIComponent).join('/'));
  banner('已保存 ' + v.path + (v.documents.length ? '；文书已生成：' + v.documents.join('、') : ''), 'ok');
  const dl = document.getElementById('downloads');
  dl.textContent = '';
  v.documents.forEach((d, i) => {
    const a = document.createElement('a');
    a.href = '/api/documents/' + v.path.split('/').map(encodeURIComponent).join('/') + '?document=' + (i + 1);
    a.textContent = '下载 ' + d.replace(/\.pdf$/, '');
    dl.append(a);
  });
  document.body.dataset.saved = v.path;
}

// Starts the page.
async function start() {
  const parts = location.pathname.split('/').filter(Boolean);
  let record = null;
  if (parts[0] === 'edit') {
    page.path = parts.slice(1).map(decodeURIComponent).join('/');
    const r = await fetch('/api/records/' + parts.slice(1).join('/'));
    if (!r.ok) { banner((await r.json()).error, 'bad'); return; }
    page.etag = r.headers.get('ETag');
    record = new DOMParser().parseFromString(await r.text(), 'application/xml');
    page.kind = record.documentElement.localName;
  } else {
    page.kind = decodeURIComponent(parts[1] || '');
    const from = new URLSearchParams(location.search).get('from');
    if (from) { // a new record made from an existing one (a template)
      const r = await fetch('/api/records/' + from.split('/').map(encodeURIComponent).join('/'));
      if (r.ok) record = new DOMParser().parseFromString(await r.text(), 'application/xml');
    }
  }
  const [rng, labels, regimes] = await Promise.all([
    fetchXml('/schema/' + encodeURIComponent(page.kind) + '.rng'),
    fetchXml('/schema/' + encodeURIComponent(page.kind) + '.labels.xml'),
    fetch('/api/regimes').then(r => r.json()),
  ]);
  if (!rng) { banner('没有这种记录：' + page.kind, 'bad'); return; }
  document.getElementById('title').textContent = (page.path ? '记录 ' + page.path : '新建记录') + '（' + page.kind + '）';
  document.title = document.getElementById('title').textContent + ' — 公文台';
  const fm = new window.FormMaker(rng, labels ? readLabels(labels) : {}, regimes);
  page.form = fm;
  document.getElementById('form').append(fm.make());
  if (record) fm.load(record);
  else fm.rules();
  fm.onchange = changed;
  document.getElementById('save').onclick = save;
  document.getElementById('docsel').onchange = () => { page.doc = +document.getElementById('docsel').value; check(); };
  document.body.dataset.ready = 'true';
  check();
}

start();
