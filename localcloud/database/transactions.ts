import { randomUUID } from 'node:crypto'
import { WireError } from '../errors'
import type { Doc } from './codec'
import type { Store, Write } from './store'

/**
 * Transactions like the cloud's: single-document reads and writes on known ids.
 * - Reads see the snapshot taken at startTransaction (plus the transaction's own writes).
 * - Writes are buffered and applied at commit as one journal record (all or nothing).
 * - Commit fails with DATABASE_TRANSACTION_CONFLICT when a document it writes was changed by anyone
 *   after its snapshot (first committer wins, as in MongoDB's snapshot isolation). The SDK's
 *   runTransaction retries exactly on that code, so conflicts are reported at commit, not at write.
 */
export interface Txn {
  id: string
  snapshot: number
  writes: Map<string, Write>
  lastUsed: number
}

export const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'
const key = (c: string, id: string) => `${c}\u0000${id}`

export class Transactions {
  private open = new Map<string, Txn>()
  private timer?: NodeJS.Timeout
  conflicts = 0
  commits = 0

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 60_000,
  ) {}

  startSweeper(): void {
    this.timer = setInterval(() => this.sweep(), Math.min(this.ttlMs, 10_000))
    this.timer.unref()
  }

  get size(): number {
    return this.open.size
  }

  start(): string {
    const t: Txn = { id: randomUUID().replace(/-/g, ''), snapshot: this.store.addReader(), writes: new Map(), lastUsed: Date.now() }
    this.open.set(t.id, t)
    return t.id
  }

  get(id: unknown): Txn {
    const t = typeof id === 'string' ? this.open.get(id) : undefined
    if (!t) throw new WireError('DATABASE_TRANSACTION_FAIL', `transaction ${String(id)} does not exist (already committed, aborted or expired)`)
    t.lastUsed = Date.now()
    return t
  }

  read(t: Txn, c: string, id: string): Doc | null {
    const w = t.writes.get(key(c, id))
    if (w) return w.doc
    return this.store.collection(c).at(id, t.snapshot)
  }

  write(t: Txn, w: Write): void {
    this.store.collection(w.c)
    t.writes.set(key(w.c, w.id), w)
  }

  private end(t: Txn): void {
    if (this.open.delete(t.id)) this.store.removeReader(t.snapshot)
  }

  /** Validate and apply; resolves when durable. */
  commit(id: unknown): Promise<void> {
    const t = this.get(id)
    const writes = [...t.writes.values()]
    for (const w of writes) {
      const head = this.store.collections.get(w.c)?.docs.get(w.id)
      if (head && head.seq > t.snapshot) {
        this.end(t)
        this.conflicts++
        throw new WireError(CONFLICT, `Transaction is conflicted: ${w.c}/${w.id} was changed by another write after this transaction started; retry the transaction`)
      }
    }
    try {
      const done = this.store.commit(writes)
      this.commits++
      return done
    } finally {
      this.end(t)
    }
  }

  abort(id: unknown): void {
    this.end(this.get(id))
  }

  sweep(now = Date.now()): void {
    for (const t of [...this.open.values()]) if (now - t.lastUsed > this.ttlMs) this.end(t)
  }

  clear(): void {
    for (const t of [...this.open.values()]) this.end(t)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.clear()
  }
}
