/**
 * What the scale benchmarks share: a fresh local cloud with built functions and the demo street
 * seeded, documents loaded straight into its store (not through functions), a probe that counts the
 * documents each query examines, and calls through the dev entry that say how many database
 * requests they made.
 */
import fs from 'node:fs'
import type { IncomingMessage } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import { constants, PerformanceObserver } from 'node:perf_hooks'
import { startLocalCloud, type LocalCloud } from '../../../localcloud'
import { callerOf, type DatabaseService } from '../../../localcloud/database'
import type { AdminBody } from '../../../localcloud/types'
import type { FunctionsService } from '../../../localcloud/functions'
import { QueryEngine, type FindOptions } from '../../../localcloud/database/query'
import { choosePlan } from '../../../localcloud/database/planner'
import { Collection, type Store, type Write } from '../../../localcloud/database/store'
import type { Doc } from '../../../localcloud/database/codec'
import type { ActionContract, InputOf, OutputOf } from '../../../core/contract/define'
import { buildFunctions, ROOT } from '../../build-functions'
import { sdkFor, seed } from '../../seed'

export { prng } from './prng'

v8.setFlagsFromString('--expose-gc')
export const gc = vm.runInNewContext('gc') as () => void

export const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`

export interface BenchCloud {
  cloud: LocalCloud
  /* eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's typings are loose */
  sdk: any
  /* eslint-disable-next-line @typescript-eslint/no-explicit-any */
  db: any
  database: DatabaseService
  store: Store
  /** Missing-index warnings the local cloud logged so far. */
  warnings: string[]
  /** Stop the cloud and remove its data (emptied first: no snapshot of what is thrown away). */
  stop(): Promise<number>
}

/** Build `functions` into build/bench-<label>-functions, start a local cloud on it and seed the demo street. */
export async function startBenchCloud(label: string, functions: string[], opts: { timers?: boolean } = {}): Promise<BenchCloud> {
  // the whole load is one journal: no snapshot while loading (it would copy everything several times)
  process.env.LOCALCLOUD_DB_COMPACT_BYTES = String(64 * 1024 ** 3)
  const outDir = path.join(ROOT, 'build', `bench-${label}-functions`)
  await buildFunctions(functions, outDir)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `linli-bench-${label}-`))
  const warnings: string[] = []
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir: outDir,
    devEntry: true,
    strict: true,
    timers: opts.timers ?? false,
    log: (line) => void (/WARNING/.test(line) && warnings.push(line)),
  })
  try {
    await seed(cloud)
  } catch (err) {
    await cloud.stop().finally(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    throw err
  }
  const sdk = sdkFor(cloud)
  const db = sdk.database({ throwOnNotFound: false })
  for (const c of ['points_accounts', 'points_transfers', 'points_rules']) await db.createCollection(c).catch(() => undefined)
  const database = cloud.service<DatabaseService>('database')
  return {
    cloud,
    sdk,
    db,
    database,
    store: database.store,
    warnings,
    async stop() {
      const t = performance.now()
      await cloud
        .reset()
        .then(() => cloud.stop())
        .finally(() => fs.rmSync(dataDir, { recursive: true, force: true }))
      return performance.now() - t
    },
  }
}

/**
 * Put `count` documents made by `make(j)` straight into `collection`: its indexes off, journaled
 * commits of 2,000, then each declared index built with one sort (as a restart does).
 */
export async function loadStraight<T extends { _id: string }>(store: Store, collection: string, count: number, make: (j: number) => T, seen?: (doc: T) => void): Promise<{ loadMs: number; indexMs: number; indexes: number }> {
  const col = store.collection(collection)
  const decls = col.indexes.map((ix) => ix.decl)
  col.indexes.length = 0
  const t0 = performance.now()
  for (let i = 0; i < count; i += 2000) {
    const writes: Write[] = []
    for (let j = i; j < Math.min(count, i + 2000); j++) {
      const doc = make(j)
      seen?.(doc)
      writes.push({ c: collection, id: doc._id, doc: doc as unknown as Doc })
    }
    await store.commit(writes)
  }
  const loadMs = performance.now() - t0
  const t1 = performance.now()
  store.setIndexes(collection, decls)
  return { loadMs, indexMs: performance.now() - t1, indexes: decls.length }
}

/** Documents (already made) written straight into a collection as one journaled commit per 2,000. */
export async function putStraight(store: Store, collection: string, docs: { _id: string }[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 2000) {
    await store.commit(docs.slice(i, i + 2000).map((d) => ({ c: collection, id: d._id, doc: d as unknown as Doc })))
  }
}

export interface Probe {
  collection: string
  index: string
  selective: boolean
  examined: number
  returned: number
  ms: number
  /** performance.now() when the find returned. */
  end: number
  filter: string
}

/**
 * Wrap QueryEngine.find: for the given collections, record the plan and count what each find hands
 * to its filter — the collection's document lookups and its full-scan iterator, for the duration of
 * one (synchronous) find. The local cloud itself is not changed.
 */
export function probeQueries(collections: string[]): { take(): Probe[] } {
  let seen: Probe[] = []
  const find = QueryEngine.prototype.find
  QueryEngine.prototype.find = function (this: QueryEngine, col: Collection, filter: Doc, opts: FindOptions = {}): Doc[] {
    if (!collections.includes(col.name) || opts.atSeq !== undefined) return find.call(this, col, filter, opts)
    const plan = choosePlan(col.indexes, filter, opts.sort ?? [])
    let examined = 0
    const own = col as unknown as { head: Collection['head']; docs: Map<string, unknown> & { [Symbol.iterator]?: unknown } }
    own.head = (id: string) => {
      examined++
      return Collection.prototype.head.call(col, id)
    }
    const docs = col.docs
    Object.defineProperty(docs, Symbol.iterator, {
      configurable: true,
      value: function* () {
        for (const e of Map.prototype.entries.call(docs)) {
          examined++
          yield e
        }
      },
    })
    try {
      const t0 = performance.now()
      const out = find.call(this, col, filter, opts)
      const end = performance.now()
      seen.push({ collection: col.name, index: plan ? (plan.index.decl.name ?? plan.index.fields.join(',')) : '(none: full scan)', selective: !!plan?.selective, examined, returned: out.length, ms: end - t0, end, filter: JSON.stringify(filter) })
      return out
    } finally {
      delete (own as { head?: unknown }).head
      delete (docs as { [Symbol.iterator]?: unknown })[Symbol.iterator]
    }
  }
  return {
    take() {
      const s = seen
      seen = []
      return s
    },
  }
}

export interface Called<T> {
  data: T
  /** The invocation's request id (the database counts its requests under it). */
  id: string
  /** Bytes of the function's answer (`{ ok, data }` as JSON, UTF-8). */
  bytes: number
}

/** One call through the dev entry (router → handler → wx-server-sdk → local cloud) as `openid`, expecting success. */
export async function devCall<C extends ActionContract>(cloud: LocalCloud, openid: string, c: C, input: InputOf<C>): Promise<Called<OutputOf<C>>> {
  const res = await fetch(`${cloud.url}/dev/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: c.fn, data: { action: c.action, data: input }, openid }),
  })
  const body = (await res.json()) as { result?: { ok: boolean; data?: OutputOf<C>; error?: { code: string; message: string } } }
  if (!body.result?.ok) {
    const log = cloud.service<FunctionsService>('functions').logs(c.fn).lines.slice(-6).join('\n    ')
    throw new Error(`${c.fn}.${c.action} as ${openid}: ${JSON.stringify(body)}\n  the function's last log lines:\n    ${log}`)
  }
  return { data: body.result.data!, id: res.headers.get('x-request-id') ?? '', bytes: Buffer.byteLength(JSON.stringify(body.result)) }
}

/** Database requests made under one invocation id; -1 when others ran meanwhile (the total moved by more). */
export function tripsOf(database: DatabaseService, before: number, id: string): number {
  const s = database.stats()
  const mine = s.byCaller[id] ?? 0
  return s.total - before === mine ? mine : -1
}

/**
 * Bytes of the database's answers to one invocation, counted by wrapping the service's handler while
 * on: it serialises each answer once more, so meter an extra call, not a timed one.
 */
export function meterAnswers(database: DatabaseService): { measure<T>(run: () => Promise<Called<T>>): Promise<number> } {
  return {
    async measure(run) {
      const handle = database.handleAdmin!.bind(database)
      const bytes: Record<string, number> = {}
      database.handleAdmin = async (action: string, body: AdminBody, req: IncomingMessage) => {
        const out = await handle(action, body, req)
        const caller = callerOf(req)
        bytes[caller] = (bytes[caller] ?? 0) + Buffer.byteLength(JSON.stringify(out))
        return out
      }
      try {
        const { id } = await run()
        return bytes[id] ?? 0
      } finally {
        database.handleAdmin = handle
      }
    },
  }
}

/**
 * Full (mark-compact) garbage collections of this process — the local cloud, its functions and the
 * bench share it, so one pause of a heap that holds a million orders lands in whatever call runs.
 */
export function watchFullGc(): { during(from: number, to: number): number; stop(): void } {
  const pauses: [number, number][] = []
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) pauses.push([e.startTime, e.startTime + e.duration])
    }
  })
  obs.observe({ entryTypes: ['gc'] })
  return {
    /** ms of full collection within [from, to]. */
    during: (from, to) => pauses.reduce((ms, [a, b]) => ms + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0),
    stop: () => obs.disconnect(),
  }
}
