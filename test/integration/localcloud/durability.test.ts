/**
 * Crash safety: a local cloud in a child process is SIGKILLed in the middle of a write load driven
 * through the real wx-server-sdk. After a restart on the same data folder every acknowledged write
 * is there and no transaction is half applied. The journal is made to compact often (small
 * LOCALCLOUD_DB_COMPACT_BYTES) so snapshots and file rotation happen under load too.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import type { Tx } from './fixtures/db-cloud'

const SERVER = path.join(__dirname, 'fixtures', 'db-server.ts')
const ACCOUNTS = 8
const START_BALANCE = 1000

let dataDir: string
let child: ChildProcess | undefined
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any

async function startServer(): Promise<ChildProcess> {
  const p = spawn(process.execPath, ['--import', 'tsx', SERVER, dataDir], {
    env: { ...process.env, LOCALCLOUD_DB_COMPACT_BYTES: String(256 * 1024) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  p.stderr!.on('data', (c) => (stderr += c))
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: p.stdout! }).once('line', resolve)
    p.once('exit', (code) => reject(new Error(`db-server exited ${code}: ${stderr}`)))
  })
  Object.assign(process.env, JSON.parse(line).sdkEnv)
  return p
}

function kill(p: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    p.once('exit', () => resolve())
    p.kill('SIGKILL')
  })
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-durable-'))
  child = await startServer()
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- required after its environment is set
  const sdk = require('wx-server-sdk')
  sdk.init({ env: 'local' })
  db = sdk.database()
})

afterAll(async () => {
  if (child && child.exitCode === null) await kill(child)
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('SIGKILL mid-load: every acknowledged write survives, no half transaction', async () => {
  await db.createCollection('acc')
  await db.createCollection('log')
  await db.createCollection('plain')
  for (let i = 0; i < ACCOUNTS; i++) await db.collection('acc').doc(`a${i}`).set({ data: { balance: START_BALANCE } })

  const ackedPlain: string[] = []
  const ackedTransfers: string[] = []
  let stop = false
  const pad = 'x'.repeat(200)

  // Readers poll the document each writer is writing right now (not yet acknowledged). A read
  // that sees it is answered only once it is durable, so whatever a reader saw must survive.
  const inFlight: string[] = []
  const seenByReaders = new Set<string>()
  const reader = async () => {
    for (let k = 0; !stop; k++) {
      const id = inFlight[k % inFlight.length]
      try {
        if (id) seenByReaders.add((await db.collection('plain').doc(id).get()).data._id)
      } catch (err) {
        if (!String((err as { errMsg?: string }).errMsg).includes('does not exist')) return
      }
      if (!id) await new Promise((r) => setTimeout(r, 5))
    }
  }
  const plainWriter = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const _id = `p${w}-${i}`
      inFlight[w] = _id
      try {
        await db.collection('plain').add({ data: { _id, w, i, pad } })
        ackedPlain.push(_id)
      } catch {
        return
      }
    }
  }
  // Each transfer moves money between two accounts and writes a log entry, all in one transaction.
  const transferer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const id = `t${w}-${i}`
      const from = `a${(w + i) % ACCOUNTS}`
      const to = `a${(w + i + 1 + (i % 3)) % ACCOUNTS}`
      const amount = 1 + (i % 7)
      try {
        await db.runTransaction(async (tx: Tx) => {
          const a = await tx.collection('acc').doc(from).get()
          const b = await tx.collection('acc').doc(to).get()
          await tx.collection('acc').doc(from).update({ data: { balance: a.data.balance - amount } })
          await tx.collection('acc').doc(to).update({ data: { balance: b.data.balance + amount } })
          await tx.collection('log').add({ data: { _id: id, from, to, amount, pad } })
        }, 10)
        ackedTransfers.push(id)
      } catch (err) {
        if ((err as { code?: string }).code === 'DATABASE_TRANSACTION_CONFLICT') continue
        return
      }
    }
  }
  const load = [
    ...Array.from({ length: 6 }, (_x, w) => plainWriter(w)),
    ...Array.from({ length: 6 }, (_x, w) => transferer(w)),
    ...Array.from({ length: 2 }, () => reader()),
  ]
  // Let the load run until a few snapshots have happened, then pull the plug.
  const deadline = Date.now() + 15000
  while (Date.now() < deadline && (ackedPlain.length < 1500 || ackedTransfers.length < 150)) await new Promise((r) => setTimeout(r, 100))
  await kill(child!)
  stop = true
  await Promise.all(load)
  expect(ackedPlain.length).toBeGreaterThan(100)
  expect(ackedTransfers.length).toBeGreaterThan(20)
  expect(fs.existsSync(path.join(dataDir, 'db', 'snapshot.jsonl'))).toBe(true)

  child = await startServer()

  // Every acknowledged plain write is there, and every document a reader was shown.
  const plainCount = (await db.collection('plain').count()).total
  expect(plainCount).toBeGreaterThanOrEqual(ackedPlain.length)
  expect(seenByReaders.size).toBeGreaterThan(10)
  const mustExist = [...new Set([...ackedPlain, ...seenByReaders])]
  for (let i = 0; i < mustExist.length; i += 100) {
    const batch = mustExist.slice(i, i + 100)
    const found = await db.collection('plain').where({ _id: db.command.in(batch) }).limit(100).get()
    expect(found.data.length).toBe(batch.length)
  }
  // Every acknowledged transfer is there, and the balances are exactly what the logged transfers
  // explain: a transfer is either fully applied (log + both balances) or not at all.
  const logs: { _id: string; from: string; to: string; amount: number }[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = (await db.collection('log').orderBy('_id', 'asc').skip(skip).limit(1000).get()).data
    logs.push(...page)
    if (page.length < 1000) break
  }
  const logged = new Set(logs.map((l) => l._id))
  for (const id of ackedTransfers) expect(logged.has(id)).toBe(true)
  const expected = new Map(Array.from({ length: ACCOUNTS }, (_x, i) => [`a${i}`, START_BALANCE]))
  for (const l of logs) {
    expected.set(l.from, expected.get(l.from)! - l.amount)
    expected.set(l.to, expected.get(l.to)! + l.amount)
  }
  const accounts = (await db.collection('acc').limit(100).get()).data
  expect(Object.fromEntries(accounts.map((a: { _id: string; balance: number }) => [a._id, a.balance]))).toEqual(Object.fromEntries(expected))
  expect(accounts.reduce((s: number, a: { balance: number }) => s + a.balance, 0)).toBe(ACCOUNTS * START_BALANCE)

  // The restarted cloud keeps serving writes.
  await db.collection('plain').add({ data: { _id: 'after-restart' } })
  expect((await db.collection('plain').doc('after-restart').get()).data._id).toBe('after-restart')
}, 90_000)
