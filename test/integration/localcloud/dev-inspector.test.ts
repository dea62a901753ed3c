/** The inspector's page and JSON API: collections and a query, functions, fire timer, outbox, files. */
import path from 'node:path'
import { startDbCloud, type DbCloud } from './fixtures/db-cloud'

let lc: DbCloud
const api = async (p: string, body?: unknown) => {
  const res = await fetch(`${lc.cloud.url}/_inspector/api/${p}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await res.json()) as any
}

beforeAll(async () => {
  lc = await startDbCloud({ functionsDir: path.resolve(__dirname, '../../fixtures/functions') })
  await lc.db.createCollection('tasks')
  for (let i = 0; i < 5; i++) await lc.db.collection('tasks').add({ data: { n: i, kind: i % 2 ? 'odd' : 'even' } })
})

afterAll(() => lc?.stop())

test('the page is served at / and /_inspector', async () => {
  for (const p of ['/', '/_inspector']) {
    const res = await fetch(`${lc.cloud.url}${p}`)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await res.text()).toContain('/_inspector/api/')
  }
})

test('collections with counts, and a query with sort and paging', async () => {
  const o = await api('overview')
  expect(o.collections).toContainEqual(expect.objectContaining({ name: 'tasks', count: 5 }))
  expect(o.functions.map((f: { name: string }) => f.name)).toContain('ticker')
  const r = await api(`docs?c=tasks&q=${encodeURIComponent('{"kind":"odd"}')}&sort=${encodeURIComponent('{"n":-1}')}&limit=1&skip=1`)
  expect(r.total).toBe(2)
  expect(r.list.map((d: { n: number }) => d.n)).toEqual([1])
  const bad = await api('docs?c=tasks&q=%7Bnot-json')
  expect(bad.code).toBe('INVALID_PARAM')
})

test('run timer now, then its logs; outbox and files', async () => {
  const fired = await api('fire', { fn: 'ticker', trigger: 'everySecond' })
  expect(fired).toMatchObject({ ok: true })
  const logs = await api('logs?fn=ticker')
  expect(logs.invocations.at(-1)).toMatchObject({ ok: true, trigger: 'everySecond' })
  await api('call', { name: 'openapi', data: { api: 'security.msgSecCheck', params: { content: 'hi' } }, openid: 'o-insp' })
  expect((await api('outbox')).list[0]).toMatchObject({ api: 'security.msgSecCheck', openid: 'o-insp' })
  await lc.sdk.uploadFile({ cloudPath: 'insp/a.txt', fileContent: Buffer.from('a') })
  expect((await api('files')).list).toContainEqual({ path: 'insp/a.txt', fileID: 'cloud://local.6c6f-local-1250000000/insp/a.txt' })
})

test('refuses other origins and non-JSON posts', async () => {
  const foreign = await fetch(`${lc.cloud.url}/_inspector/api/fire`, { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{"fn":"ticker"}' })
  expect(foreign.status).toBe(403)
  const form = await fetch(`${lc.cloud.url}/_inspector/api/fire`, { method: 'POST', body: 'fn=ticker' })
  expect(form.status).toBe(415)
})
