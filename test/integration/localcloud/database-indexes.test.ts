/** Declared indexes (an indexes.json file) through the real wx-server-sdk: collections, unique keys, warnings, stats. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startDbCloud, type DbCloud } from './fixtures/db-cloud'

let t: DbCloud
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any, _: any
const N = 3000

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-ix-'))
  const indexesFile = path.join(dir, 'indexes.json')
  fs.writeFileSync(
    indexesFile,
    JSON.stringify({
      collections: {
        tasks: {
          indexes: [
            { name: 'status_at', keys: [{ field: 'status', direction: 1 }, { field: 'at', direction: -1 }] },
            { name: 'code', keys: [{ field: 'code', direction: 1 }], unique: true },
          ],
        },
      },
    }),
  )
  t = await startDbCloud({ dataDir: dir, indexesFile })
  db = t.db
  _ = db.command
  const statuses = ['open', 'taken', 'done']
  for (let i = 0; i < N; i += 500) {
    const docs = Array.from({ length: 500 }, (_x, j) => ({ _id: `t${i + j}`, code: `c${i + j}`, status: statuses[(i + j) % 3], at: { $date: { $numberLong: String(1e12 + (i + j) * 1000) } }, n: i + j }))
    await fetch(`${t.cloud.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'database.insertDocument', collectionName: 'tasks', data: docs.map((d) => JSON.stringify(d)) }) })
  }
})
afterAll(async () => {
  await t?.stop()
  fs.rmSync(t.dataDir, { recursive: true, force: true })
})

test('declared collections exist from the start, with their indexes', async () => {
  const res = await fetch(`${t.cloud.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'database.listCollections' }) })
  const { data } = await res.json()
  expect(data.collections).toEqual([{ name: 'tasks', count: N, indexes: [expect.objectContaining({ name: 'status_at' }), expect.objectContaining({ name: 'code', unique: true })] }])
})

test('equality + sort + range queries use the index and return the right documents, without warnings', async () => {
  const newestOpen = await db.collection('tasks').where({ status: 'open' }).orderBy('at', 'desc').limit(3).get()
  expect(newestOpen.data.map((d: { n: number }) => d.n)).toEqual([2997, 2994, 2991])
  const since = new Date(1e12 + 2990 * 1000)
  const recentTaken = await db.collection('tasks').where({ status: 'taken', at: _.gte(since) }).orderBy('at', 'asc').get()
  expect(recentTaken.data.map((d: { n: number }) => d.n)).toEqual([2992, 2995, 2998])
  expect((await db.collection('tasks').where({ code: 'c1234' }).get()).data).toEqual([expect.objectContaining({ _id: 't1234' })])
  expect((await db.collection('tasks').where({ status: _.in(['open', 'done']) }).count()).total).toBe(2000)
  expect(t.logs.filter((l) => l.includes('WARNING'))).toEqual([])
})

test('a unique index refuses a duplicate key', async () => {
  await expect(db.collection('tasks').add({ data: { code: 'c7', status: 'open' } })).rejects.toMatchObject({ errMsg: expect.stringContaining('duplicate key') })
  await expect(db.collection('tasks').doc('t8').update({ data: { code: 'c9' } })).rejects.toMatchObject({ errMsg: expect.stringContaining('duplicate key') })
  await db.collection('tasks').doc('t8').update({ data: { code: 'c8-new' } })
  expect((await db.collection('tasks').where({ code: 'c8-new' }).get()).data[0]._id).toBe('t8')
})

test('a large scan without a usable index logs one warning naming the collection and query', async () => {
  await db.collection('tasks').where({ n: _.gt(10) }).limit(5).orderBy('n', 'desc').get()
  await db.collection('tasks').where({ n: _.gt(20) }).limit(5).orderBy('n', 'desc').get()
  const warnings = t.logs.filter((l) => l.includes('WARNING'))
  expect(warnings).toHaveLength(1)
  expect(warnings[0]).toContain('collection "tasks"')
  expect(warnings[0]).toContain('{"n":{"$gt":"number"}} sort {"n":-1}')
})

test('aggregations scanning the large collection without an index warn too; an indexed $match does not', async () => {
  const $ = db.command.aggregate
  const before = t.logs.filter((l) => l.includes('WARNING')).length
  const byStatus = await db.collection('tasks').aggregate().match({ status: 'open' }).group({ _id: '$status', n: $.sum(1) }).end()
  expect(byStatus.list).toEqual([{ _id: 'open', n: 1000 }])
  expect(t.logs.filter((l) => l.includes('WARNING'))).toHaveLength(before)
  const all = await db.collection('tasks').aggregate().group({ _id: null, n: $.sum(1) }).end()
  expect(all.list).toEqual([{ _id: null, n: N }])
  await db.collection('tasks').aggregate().match({ n: _.lt(5) }).count('k').end()
  const added = t.logs.filter((l) => l.includes('WARNING')).slice(before)
  expect(added).toHaveLength(2)
  expect(added[0]).toContain(`query on collection "tasks" scanned ${N} documents without a usable index: {}`)
  expect(added[1]).toContain('{"n":{"$lt":"number"}}')
})

test('round trips are counted in total, per action and per caller', async () => {
  t.service.resetStats()
  await db.collection('tasks').doc('t1').get()
  await db.collection('tasks').where({ status: 'open' }).count()
  process.env.TCB_CONTEXT_KEYS = 'TCB_SEQID'
  process.env.TCB_SEQID = 'invocation-42'
  try {
    await db.collection('tasks').doc('t2').get()
  } finally {
    delete process.env.TCB_CONTEXT_KEYS
    delete process.env.TCB_SEQID
  }
  expect(t.service.stats()).toEqual({
    total: 3,
    byAction: { 'database.getDocument': 2, 'database.calculateDocument': 1 },
    byCaller: { unknown: 2, 'invocation-42': 1 },
  })
})

test('reset() drops all data, keeps declared collections and their indexes; writes after it are durable', async () => {
  const { dataDir } = t
  const indexesFile = path.join(dataDir, 'indexes.json')
  await db.createCollection('scratch')
  await t.cloud.reset()
  await expect(db.collection('scratch').count()).rejects.toMatchObject({ errCode: -502005 })
  expect((await db.collection('tasks').count()).total).toBe(0)
  await db.collection('tasks').add({ data: { _id: 'r1', code: 'r-code', status: 'open', at: new Date(1), n: 1 } })
  await expect(db.collection('tasks').add({ data: { code: 'r-code' } })).rejects.toMatchObject({ errMsg: expect.stringContaining('duplicate key') })
  await t.cloud.stop()
  t = await startDbCloud({ dataDir, indexesFile })
  db = t.db
  expect((await db.collection('tasks').where({ status: 'open' }).get()).data.map((d: { _id: string }) => d._id)).toEqual(['r1'])
  for (let i = 0; i < N; i += 500) {
    const docs = Array.from({ length: 500 }, (_x, j) => ({ _id: `t${i + j}`, code: `c${i + j}`, status: ['open', 'taken', 'done'][(i + j) % 3], at: { $date: { $numberLong: String(1e12 + (i + j) * 1000) } }, n: i + j }))
    const res = await fetch(`${t.cloud.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'database.insertDocument', collectionName: 'tasks', data: docs.map((d) => JSON.stringify(d)) }) })
    expect((await res.json()).data.insertedIds).toHaveLength(500)
  }
})

test('indexes survive a restart (rebuilt from the journal)', async () => {
  const { dataDir } = t
  const indexesFile = path.join(dataDir, 'indexes.json')
  await t.cloud.stop()
  t = await startDbCloud({ dataDir, indexesFile })
  db = t.db
  const newestOpen = await db.collection('tasks').where({ status: 'open' }).orderBy('at', 'desc').limit(2).get()
  expect(newestOpen.data.map((d: { n: number }) => d.n)).toEqual([2997, 2994])
  await expect(db.collection('tasks').add({ data: { code: 'c7' } })).rejects.toMatchObject({ errMsg: expect.stringContaining('duplicate key') })
})
