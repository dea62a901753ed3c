import path from 'node:path'
import type { IncomingMessage } from 'node:http'
import type { ServiceContext } from '..'
import type { AdminBody, Service } from '../types'
import { DatabaseActions } from './actions'
import { type Declarations, loadDeclarations } from './declarations'
import { Store } from './store'
import { Transactions } from './transactions'

export { parseDeclarations, loadDeclarations, DEFAULT_INDEXES_FILE } from './declarations'
export type { Declarations, IndexDeclaration } from './declarations'

/** Database round trips served: in total, per wire action, and per caller (see callerOf). */
export interface DatabaseStats {
  total: number
  byAction: Record<string, number>
  byCaller: Record<string, number>
}

export interface DatabaseService extends Service {
  readonly name: 'database'
  stats(): DatabaseStats
  resetStats(): void
  /** Snapshot + fresh journal now (also happens by itself when the journal passes 64 MB). */
  compact(): Promise<void>
  /** The engine, for benchmarks and the inspector. */
  readonly store: Store
  readonly actions: DatabaseActions
}

/**
 * Who made a request: the SDK sends `?seqId=<TCB_SEQID>-<eventId>` when the invocation's
 * environment has TCB_SEQID (the cloud sets one per invocation; the local gateway sets it to the
 * invocation's request id), and the `X-TCB-Tracelog` header from TCB_TRACELOG. Without either the
 * request counts as 'unknown'.
 */
export function callerOf(req: IncomingMessage | undefined): string {
  if (!req) return 'unknown'
  const seqId = req.url?.includes('seqId=') ? (new URL(req.url, 'http://x').searchParams.get('seqId') ?? '') : ''
  const dash = seqId.lastIndexOf('-')
  if (dash > 0) return seqId.slice(0, dash)
  const trace = req.headers['x-tcb-tracelog']
  return typeof trace === 'string' && trace ? trace : 'unknown'
}

export function createDatabaseService(ctx: ServiceContext): DatabaseService {
  const log = ctx.log
  const dir = path.join(ctx.options.dataDir, 'db')
  // LOCALCLOUD_DB_COMPACT_BYTES: journal size that triggers a snapshot (default 64 MB; tests use small values).
  const store = new Store(dir, Number(process.env.LOCALCLOUD_DB_COMPACT_BYTES) || undefined)
  const txns = new Transactions(store)
  let decls: Declarations = { collections: {} }
  const applyDeclared = (name: string) => {
    const spec = decls.collections[name]
    if (spec && store.collections.has(name)) store.setIndexes(name, spec.indexes)
  }
  const actions = new DatabaseActions(store, txns, { strict: ctx.options.strict !== false, log, onCreate: applyDeclared })
  let stats: DatabaseStats = { total: 0, byAction: {}, byCaller: {} }

  /** Collections declared in indexes.json exist from the start (deploy creates them in the cloud). */
  async function declare(): Promise<void> {
    const missing = Object.keys(decls.collections).filter((c) => !store.collections.has(c))
    if (missing.length) await store.commit([], missing.map((c) => ({ k: 'create' as const, c })))
    for (const name of Object.keys(decls.collections)) applyDeclared(name)
  }

  return {
    name: 'database',
    adminPrefixes: ['database.'],
    store,
    actions,
    async start() {
      decls = loadDeclarations(ctx.options.indexesFile)
      const r = store.open()
      await declare()
      txns.startSweeper()
      if (r.docs || r.records) log(`[database] loaded ${r.docs} documents (${r.records} journal records replayed) from ${dir} in ${r.ms} ms`)
    },
    async handleAdmin(action: string, body: AdminBody, req: IncomingMessage) {
      stats.total++
      stats.byAction[action] = (stats.byAction[action] ?? 0) + 1
      const caller = callerOf(req)
      stats.byCaller[caller] = (stats.byCaller[caller] ?? 0) + 1
      return actions.handle(action, body)
    },
    stats() {
      return { total: stats.total, byAction: { ...stats.byAction }, byCaller: { ...stats.byCaller } }
    },
    resetStats() {
      stats = { total: 0, byAction: {}, byCaller: {} }
    },
    async compact() {
      await store.compact()
    },
    async reset() {
      txns.clear()
      await store.wipe()
      await declare()
      stats = { total: 0, byAction: {}, byCaller: {} }
    },
    async stop() {
      txns.stop()
      // A compact start next time: fold a large journal into the snapshot.
      if (store.journal.bytes > 8 * 1024 * 1024) await store.compact()
      await store.close()
    },
  }
}
