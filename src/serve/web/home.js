// home.js — the desk's home page: new-record links by kind, the 台账 of rectification
// deadlines, the records by kind with their state and documents, the combined print file.
'use strict';

// Makes a DOM element with a class and optional text.
function h(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

// Downloads a Blob under a name.
function download(blob, name) {
  const a = h('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

// Fills the page from /api/records.
async function home() {
  const r = await fetch('/api/records');
  const data = await r.json();
  const kinds = document.getElementById('kinds');
  for (const k of data.kinds) {
    const a = h('a', 'kind', '新建 ' + k);
    a.href = '/new/' + encodeURIComponent(k);
    kinds.append(a);
  }
  const tb = document.querySelector('#ledger tbody');
  for (const c of data.ledger.sort((a, b) => a.days_left - b.days_left)) {
    const tr = h('tr', c.days_left < 0 ? 'overdue' : 'due');
    const a = h('a', '', c.enterprise || c.id);
    a.href = '/edit/' + c.path.split('/').map(encodeURIComponent).join('/');
    const td = h('td');
    td.append(a);
    tr.append(h('td', '', c.rectify_by), h('td', '', c.days_left < 0 ? '已过 ' + (-c.days_left) + ' 日' : c.days_left + ' 日'), td, h('td', '', c.number || ''));
    tb.append(tr);
  }
  if (!data.ledger.length) tb.append(h('tr', '', '（无）'));
  const byKind = {};
  for (const rec of data.records) (byKind[rec.kind || '（未知）'] = byKind[rec.kind || '（未知）'] || []).push(rec);
  const box = document.getElementById('records');
  for (const kind of Object.keys(byKind).sort()) {
    box.append(h('h3', '', kind));
    const t = h('table', 'list');
    t.innerHTML = '<thead><tr><th></th><th>记录</th><th>状态</th><th>文书</th></tr></thead>';
    const body = h('tbody');
    for (const rec of byKind[kind]) {
      const tr = h('tr');
      const cb = h('input');
      cb.type = 'checkbox';
      cb.value = rec.path;
      cb.disabled = rec.state !== 'valid';
      const a = h('a', '', rec.path);
      a.href = '/edit/' + rec.path.split('/').map(encodeURIComponent).join('/');
      const st = rec.state === 'valid' ? (rec.documents_current ? '有效 · 文书已是最新' : '有效 · 文书未生成或已过时') : '有误：' + (rec.error || '');
      const docs = h('td');
      rec.documents.forEach((d, i) => {
        const l = h('a', 'doc ' + d.state, d.name.replace(/\.pdf$/, ''));
        l.href = '/api/documents/' + rec.path.split('/').map(encodeURIComponent).join('/') + '?document=' + (i + 1);
        l.title = { current: '已是最新', outdated: '已过时（记录改过）', missing: '尚未生成' }[d.state];
        docs.append(l, h('br'));
      });
      const c0 = h('td'); c0.append(cb);
      const c1 = h('td'); c1.append(a);
      tr.append(c0, c1, h('td', rec.state === 'valid' ? 'ok' : 'bad', st), docs);
      body.append(tr);
    }
    t.append(body);
    box.append(t);
  }
  document.getElementById('print').onclick = async () => {
    const paths = [...document.querySelectorAll('#records input:checked')].map(c => c.value);
    const info = document.getElementById('printinfo');
    if (!paths.length) { info.textContent = '请先勾选记录'; return; }
    info.textContent = '正在生成…';
    const res = await fetch('/api/print', { method: 'POST', body: paths.join('\n') });
    if (res.ok) { download(await res.blob(), '打印.pdf'); info.textContent = '已下载 打印.pdf'; }
    else info.textContent = (await res.json()).error;
  };
}

home();
