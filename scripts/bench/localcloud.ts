/**
 * Local cloud database benchmark (prints figures; not a test). `npm run bench:cloud`
 *
 * 1. durable committed single-document transactions/s through the real wx-server-sdk
 *    (runTransaction: get + update of one document, distinct documents, no conflicts), and the raw
 *    storage engine doing the same durable commits (one journaled write each, awaited). Two more
 *    variants show where the time goes: the same four wire actions over a keep-alive HTTP client
 *    without the SDK, and handed to the database service in process without HTTP.
 * 2. point get p50/p99 through the SDK
 * 3. indexed query over 100k documents: p95 through the SDK and in the engine alone
 * 4. wall time of 200 concurrent runTransaction increments of one counter (callers retry conflicts)
 * 5. resident memory holding 100k documents; restart (replay) and compaction times
 */
import fs from 'node:fs'
import http from 'node:http'
import v8 from 'node:v8'
import vm from 'node:vm'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../localcloud'
import type { DatabaseService } from '../../localcloud/database'
import { Store } from '../../localcloud/database/store'
import { QueryEngine } from '../../localcloud/database/query'
import { pct } from '../lib/latency'

type Tx = { collection(name: string): any } // eslint-disable-line @typescript-eslint/no-explicit-any

// A real gc() for the memory figure even without --expose-gc on the command line.
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 16
const TXNS = Number(process.env.BENCH_TXNS) || 2000
const ROUNDS = 10
const DOCS = 100_000
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`
const ms = (n: number) => `${n.toFixed(2)} ms`

async function pool(n: number, concurrency: number, job: (i: number) => Promise<void>): Promise<number> {
  let next = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await job(next++)
  }))
  return performance.now() - t0
}

/** The raw storage engine (its own folder): one durable journaled commit per job, awaited. */
function rawEngine(): { job: (i: number) => Promise<void>; close(): Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-raw-'))
  const store = new Store(dir)
  store.open()
  void store.commit([], [{ k: 'create', c: 'acc' }])
  return {
    job: (i) => store.commit([{ c: 'acc', id: `a${i % 500}`, doc: { _id: `a${i % 500}`, n: i } }]),
    async close() {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** One wire request with a keep-alive client (what the SDK sends, without the SDK's own cost). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
function wire(url: string, body: Record<string, unknown>): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const text = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/admin`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
      let data = ''
      res.setEncoding('utf8')
      res.on('data', (c) => (data += c))
      res.on('end', () => {
        const json = JSON.parse(data)
        if (json.code) reject(new Error(`${json.code}: ${json.message}`))
        else resolve(json)
      })
    })
    req.on('error', reject)
    req.end(text)
  })
}

type Call = (body: Record<string, unknown>) => Promise<Record<string, any>> // eslint-disable-line @typescript-eslint/no-explicit-any

/** The same transaction as the SDK's runTransaction sends: start, get, update, commit. */
async function txnOver(call: Call, id: string): Promise<void> {
  const { transactionId } = await call({ action: 'database.startTransaction' })
  const query = JSON.stringify({ _id: id })
  const got = await call({ action: 'database.getDocument', collectionName: 'acc', queryType: 'DOC', query, transactionId })
  const n = JSON.parse(got.data.list[0]).n
  await call({ action: 'database.modifyDocument', collectionName: 'acc', queryType: 'DOC', query, transactionId, merge: true, data: JSON.stringify({ $set: { n: n + 1 } }) })
  await call({ action: 'database.commitTransaction', transactionId })
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cloud-'))
  const indexesFile = path.join(dataDir, 'indexes.json')
  fs.writeFileSync(indexesFile, JSON.stringify({ collections: { acc: {}, big: { indexes: [{ name: 'status_at', keys: [{ field: 'status', direction: 1 }, { field: 'at', direction: -1 }] }] } } }))
  let cloud: LocalCloud = await startLocalCloud({ port: 0, dataDir, indexesFile, log: () => undefined })
  Object.assign(process.env, cloud.sdkEnv)
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- required after its environment is set
  const sdk = require('wx-server-sdk')
  sdk.init({ env: 'local' })
  const db = sdk.database()
  const _ = db.command
  const acc = db.collection('acc')
  const out: [string, string][] = []

  for (let i = 0; i < 500; i++) await acc.doc(`a${i}`).set({ data: { n: 0 } })
  const txn = (i: number) =>
    db.runTransaction(async (tx: Tx) => {
      const d = await tx.collection('acc').doc(`a${i % 500}`).get()
      await tx.collection('acc').doc(`a${i % 500}`).update({ data: { n: d.data.n + 1 } })
    })
  // The machine's fsync latency and load drift a lot within seconds, so the variants run
  // interleaved in rounds (each round: a slice of each) and their times are summed per variant.
  const service = cloud.service<DatabaseService>('database')
  const raw = rawEngine()
  const variants: [string, (i: number) => Promise<void>][] = [
    ['local cloud via SDK', txn],
    ['local cloud via wire (keep-alive HTTP client, no SDK)', (i) => txnOver((b) => wire(cloud.url, b), `a${i % 500}`)],
    // Handed to the database service directly: the local cloud without HTTP.
    ['local cloud in process (same wire actions, no HTTP)', (i) => txnOver((b) => service.actions.handle(b.action as string, b as never) as Promise<Record<string, any>>, `a${i % 500}`)], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['raw engine (one durable commit)', raw.job],
  ]
  for (const c of [1, CONCURRENCY]) {
    const spent = variants.map(() => 0)
    let fsyncs = 0
    for (let r = 0; r < ROUNDS; r++) {
      for (const [k, [, job]] of variants.entries()) {
        const f0 = service.store.journal.fsyncs
        spent[k] += await pool(Math.ceil(TXNS / ROUNDS), c, job)
        if (k === 0) fsyncs += service.store.journal.fsyncs - f0
      }
    }
    const tps = spent.map((t) => (TXNS / t) * 1000)
    for (const [k, [name]] of variants.entries()) {
      const extra = k === 0 ? ` (${(TXNS / fsyncs).toFixed(1)} commits per fsync)` : ''
      out.push([`durable single-doc transactions/s, ${c} concurrent: ${name}`, `${tps[k].toFixed(0)}, ${ms(spent[k] / TXNS)} each${extra}`])
    }
    out.push([`  ratio local cloud / raw engine (${c} concurrent): SDK, wire, in process`, tps.slice(0, 3).map((t) => (t / tps[3]).toFixed(3)).join(', ')])
  }
  await raw.close()

  const gets: number[] = []
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now()
    await acc.doc(`a${i % 500}`).get()
    gets.push(performance.now() - t0)
  }
  out.push(['point get via SDK p50 / p99', `${ms(pct(gets, 50))} / ${ms(pct(gets, 99))}`])

  // 200 concurrent increments of one counter; callers retry conflicts with backoff.
  await acc.doc('counter').set({ data: { n: 0 } })
  const starts0 = cloud.service<DatabaseService>('database').stats().byAction['database.startTransaction'] ?? 0
  const t200 = performance.now()
  await Promise.all(Array.from({ length: 200 }, async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await db.runTransaction(async (tx: Tx) => {
          const d = await tx.collection('acc').doc('counter').get()
          await tx.collection('acc').doc('counter').update({ data: { n: d.data.n + 1 } })
        })
      } catch (err) {
        if ((err as { code?: string }).code !== 'DATABASE_TRANSACTION_CONFLICT') throw err
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(2000, 20 * 2 ** attempt)))
      }
    }
  }))
  const wall200 = performance.now() - t200
  const counter = (await acc.doc('counter').get()).data.n
  const attempts = (cloud.service<DatabaseService>('database').stats().byAction['database.startTransaction'] ?? 0) - starts0
  out.push(['200 concurrent increments of one counter: wall time', `${(wall200 / 1000).toFixed(2)} s (final ${counter}, ${attempts} transaction attempts)`])

  // 100k documents: memory, indexed query, restart, compaction.
  gc()
  const before = process.memoryUsage()
  const store = cloud.service<DatabaseService>('database').store
  const statuses = ['open', 'taken', 'done', 'cancelled']
  for (let i = 0; i < DOCS; i += 1000) {
    const writes = Array.from({ length: 1000 }, (_x, j) => {
      const n = i + j
      return { c: 'big', id: `d${n}`, doc: { _id: `d${n}`, status: statuses[n % 4], at: new Date(1.7e12 + n * 1000), title: `任务 ${n} 帮忙取快递`, owner: `o${n % 977}`, n } }
    })
    await store.commit(writes)
  }
  gc()
  const after = process.memoryUsage()
  out.push([`memory holding ${DOCS} documents (growth)`, `rss +${mb(after.rss - before.rss)}, heap +${mb(after.heapUsed - before.heapUsed)} (rss total ${mb(after.rss)})`])

  const big = db.collection('big')
  const viaSdk: number[] = []
  const inEngine: number[] = []
  const engine = new QueryEngine(() => undefined)
  for (let i = 0; i < 300; i++) {
    const before = new Date(1.7e12 + ((i * 7919) % DOCS) * 1000)
    const t0 = performance.now()
    const res = await big.where({ status: statuses[i % 4], at: _.lt(before) }).orderBy('at', 'desc').limit(20).get()
    viaSdk.push(performance.now() - t0)
    if (res.data.length > 20) throw new Error('limit ignored')
    const t1 = performance.now()
    engine.find(store.collection('big'), { status: statuses[i % 4], at: { $lt: before } }, { sort: [['at', -1]], limit: 20 })
    inEngine.push(performance.now() - t1)
  }
  out.push([`indexed query over ${DOCS} docs (status = x, at < t, sort at desc, limit 20) p95`, `${ms(pct(viaSdk, 95))} via SDK, ${ms(pct(inEngine, 95))} in the engine`])
  out.push([`  same query p50`, `${ms(pct(viaSdk, 50))} via SDK, ${ms(pct(inEngine, 50))} in the engine`])
  const t0 = performance.now()
  engine.find(store.collection('big'), { owner: 'o5' }, { limit: 20, sort: [['n', -1]] })
  out.push([`same size, unindexed query (full scan + sort) for comparison`, ms(performance.now() - t0)])

  const journalBytes = store.journal.bytes
  await cloud.stop()
  let tr = performance.now()
  cloud = await startLocalCloud({ port: 0, dataDir, indexesFile, log: () => undefined })
  out.push([`restart: replay ${mb(journalBytes)} journal (${DOCS + 501} docs) + build indexes`, ms(performance.now() - tr)])
  tr = performance.now()
  await cloud.service<DatabaseService>('database').compact()
  out.push(['compaction (snapshot of everything)', ms(performance.now() - tr)])
  await cloud.stop()
  tr = performance.now()
  cloud = await startLocalCloud({ port: 0, dataDir, indexesFile, log: () => undefined })
  out.push(['restart from snapshot', ms(performance.now() - tr)])
  await cloud.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })

  const width = Math.max(...out.map(([k]) => k.length))
  console.log(`local cloud database benchmark (node ${process.version}, ${os.cpus().length} cores, ${TXNS} transactions per run)`)
  for (const [k, v] of out) console.log(`${k.padEnd(width)}  ${v}`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
