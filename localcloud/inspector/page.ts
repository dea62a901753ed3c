/** The inspector page: plain HTML + JS over /_inspector/api/ (no framework, no build step). */
export const INSPECTOR_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>邻里帮 local cloud</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#f6f7f9}
header{background:#1f6f4a;color:#fff;padding:10px 16px;display:flex;gap:16px;align-items:baseline}
header h1{font-size:17px;margin:0}nav{display:flex;gap:4px;padding:8px 16px;background:#fff;border-bottom:1px solid #ddd}
nav button{border:0;background:none;padding:6px 12px;border-radius:6px;cursor:pointer;font-size:14px}
nav button[aria-selected=true]{background:#e3f1ea;color:#1f6f4a;font-weight:600}
main{padding:16px;display:grid;gap:16px}section{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px 16px}
h2{font-size:15px;margin:0 0 8px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
pre{margin:0;white-space:pre-wrap;word-break:break-all;font:12px/1.4 ui-monospace,monospace}
input,textarea{font:12px ui-monospace,monospace;padding:4px;border:1px solid #bbb;border-radius:4px}
button.act{padding:4px 10px;border:1px solid #1f6f4a;background:#fff;color:#1f6f4a;border-radius:4px;cursor:pointer}
.muted{color:#777}.err{color:#b00020}.ok{color:#1f6f4a}.row{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin-bottom:8px}
a{color:#1f6f4a;cursor:pointer}
</style></head><body>
<header><h1>邻里帮 · local cloud</h1><span id="where" style="color:#e6f4ec"></span></header>
<nav id="tabs"></nav><main id="view"></main>
<script>
const $ = (h) => { const t = document.createElement('template'); t.innerHTML = h.trim(); return t.content.firstElementChild }
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
const json = (v) => esc(JSON.stringify(v, null, 2))
const get = (p) => fetch('/_inspector/api/' + p).then((r) => r.json())
const post = (p, b) => fetch('/_inspector/api/' + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) }).then((r) => r.json())
const view = document.getElementById('view')
const tabs = { Database: database, Functions: functions, Outbox: outbox, Files: files, Connect: connect }
let current = 'Database'
function show(name) {
  current = name
  document.getElementById('tabs').replaceChildren(...Object.keys(tabs).map((t) => {
    const b = $('<button role="tab">' + t + '</button>'); b.setAttribute('aria-selected', t === name); b.onclick = () => show(t); return b }))
  view.replaceChildren(); tabs[name]().catch((e) => view.append($('<section class="err">' + esc(e) + '</section>')))
}
async function database(state = { c: '', q: '{}', sort: '{}', skip: 0 }) {
  const o = await get('overview'); view.replaceChildren()
  const cols = Array.isArray(o.collections) ? o.collections : []
  const list = $('<section><h2>Collections</h2><table><tr><th>name</th><th>documents</th><th>indexes</th></tr></table></section>')
  if (!cols.length) list.append($('<p class="muted">' + (o.collections.error ? esc(o.collections.error) : 'no collections yet') + '</p>'))
  for (const c of cols) {
    const tr = $('<tr><td><a href="#">' + esc(c.name) + '</a></td><td>' + c.count + '</td><td class="muted">' + esc((c.indexes || []).map((i) => i.name || JSON.stringify(i.keys || i)).join(', ')) + '</td></tr>')
    tr.querySelector('a').onclick = () => database({ ...state, c: c.name, skip: 0 }); list.querySelector('table').append(tr)
  }
  view.append(list)
  if (!state.c) return
  const box = $('<section><h2>' + esc(state.c) + '</h2><div class="row">filter <input id="q" size="40"> sort <input id="s" size="18"> <button class="act" id="run">Query</button><button class="act" id="prev">‹</button><button class="act" id="next">›</button><span id="count" class="muted"></span></div><div id="docs"></div></section>')
  box.querySelector('#q').value = state.q; box.querySelector('#s').value = state.sort
  const run = (skip) => database({ ...state, q: box.querySelector('#q').value, sort: box.querySelector('#s').value, skip: Math.max(0, skip) })
  box.querySelector('#run').onclick = () => run(0); box.querySelector('#prev').onclick = () => run(state.skip - 20); box.querySelector('#next').onclick = () => run(state.skip + 20)
  view.append(box)
  const r = await get('docs?c=' + encodeURIComponent(state.c) + '&q=' + encodeURIComponent(state.q) + '&sort=' + encodeURIComponent(state.sort) + '&skip=' + state.skip + '&limit=20')
  if (r.code) { box.querySelector('#docs').append($('<p class="err">' + esc(r.code + ': ' + r.message) + '</p>')); return }
  box.querySelector('#count').textContent = r.total + ' matching, showing ' + (r.list.length ? state.skip + 1 : 0) + '–' + (state.skip + r.list.length)
  const t = $('<table></table>'); for (const d of r.list) t.append($('<tr><td><pre>' + json(d) + '</pre></td></tr>')); box.querySelector('#docs').append(t)
}
async function functions() {
  const o = await get('overview')
  const s = $('<section><h2>Functions</h2><table><tr><th>name</th><th>timeout</th><th>timer triggers</th><th></th></tr></table><p class="muted">functions dir has no functions</p></section>')
  if (o.functions.length) s.querySelector('p').remove()
  const logs = $('<section><h2>Logs</h2><p class="muted">pick a function</p></section>')
  for (const f of o.functions) {
    const tr = $('<tr><td><a href="#">' + esc(f.name) + '</a></td><td>' + f.timeout + ' s</td><td>' + esc(f.triggers.map((t) => t.name + ' (' + t.config + ')').join(', ')) + '</td><td></td></tr>')
    tr.querySelector('a').onclick = () => showLogs(f.name, logs)
    for (const t of f.triggers) {
      const b = $('<button class="act">Run timer now: ' + esc(t.name) + '</button>')
      b.onclick = async () => { b.disabled = true; const r = await post('fire', { fn: f.name, trigger: t.name }); b.disabled = false; showLogs(f.name, logs, r) }
      tr.lastChild.append(b)
    }
    s.querySelector('table').append(tr)
  }
  view.append(s, logs)
}
async function showLogs(name, box, outcome) {
  const l = await get('logs?fn=' + encodeURIComponent(name))
  box.replaceChildren($('<h2>Logs · ' + esc(name) + '</h2>'))
  if (outcome) box.append($('<pre class="' + (outcome.ok ? 'ok' : 'err') + '">' + json(outcome) + '</pre>'))
  const t = $('<table><tr><th>at</th><th>ms</th><th>result</th><th>caller</th><th>trigger</th></tr></table>')
  for (const i of l.invocations.slice().reverse()) t.append($('<tr><td>' + esc(i.at) + '</td><td>' + i.durationMs + '</td><td class="' + (i.ok ? 'ok' : 'err') + '">' + (i.ok ? 'ok' : esc(i.error)) + '</td><td>' + esc(i.openid || '') + '</td><td>' + esc(i.trigger || '') + '</td></tr>'))
  box.append(t, $('<h2>Console</h2>'), $('<pre>' + esc(l.lines.slice(-200).join('\\n') || '(nothing yet)') + '</pre>'))
}
async function outbox() {
  const r = await get('outbox'); const s = $('<section><h2>Outbox (open API calls, newest first)</h2><table><tr><th>#</th><th>at</th><th>api</th><th>caller</th><th>data</th><th>result</th></tr></table></section>')
  for (const e of r.list) s.querySelector('table').append($('<tr><td>' + e.seq + '</td><td>' + esc(e.at) + '</td><td>' + esc(e.api) + '</td><td>' + esc(e.openid || '') + '</td><td><pre>' + json(e.data) + '</pre></td><td><pre>' + json(e.result) + '</pre></td></tr>'))
  if (!r.list.length) s.append($('<p class="muted">no calls yet</p>'))
  view.append(s)
}
async function files() {
  const r = await get('files'); const s = $('<section><h2>Storage</h2><table><tr><th>path</th><th>fileID</th></tr></table></section>')
  for (const f of r.list) s.querySelector('table').append($('<tr><td>' + esc(f.path) + '</td><td class="muted">' + esc(f.fileID) + '</td></tr>'))
  if (!r.list.length) s.append($('<p class="muted">no files yet</p>'))
  view.append(s)
}
async function connect() {
  const o = await get('overview')
  view.append($('<section><h2>Point an unmodified wx-server-sdk here</h2><pre>' + esc(Object.entries(o.sdkEnv).map(([k, v]) => 'export ' + k + "='" + v + "'").join('\\n')) + '</pre></section>'))
}
get('overview').then((o) => { document.getElementById('where').textContent = o.url + ' · env ' + o.envId }); show(current)
</script></body></html>`
