import { WireError } from '../errors'
import { type Doc, encode, decodeStored } from './codec'
import type { IndexDeclaration } from './declarations'
import { Journal } from './journal'
import { SortedIndex } from './sorted-index'

/**
 * The storage engine: collections of documents in memory, every commit journaled (journal.ts).
 *
 * Multi-version: each document id maps to its newest version `{ seq, doc }`; older versions are
 * kept on `prev` only while an open transaction may still read them (snapshot reads), and pruned
 * on the next write. `doc: null` is a deletion marker kept for the same reason.
 */
export interface Version {
  seq: number
  doc: Doc | null
  prev?: Version
}
/** One write of a commit: the document's full new content, or null to delete it. */
export interface Write {
  c: string
  id: string
  doc: Doc | null
}

export class Collection {
  readonly docs = new Map<string, Version>()
  readonly indexes: SortedIndex[] = []
  live = 0
  constructor(readonly name: string) {}

  head(id: string): Doc | null {
    return this.docs.get(id)?.doc ?? null
  }

  /** The version visible at snapshot `seq`. */
  at(id: string, seq: number): Doc | null {
    let v = this.docs.get(id)
    while (v && v.seq > seq) v = v.prev
    return v?.doc ?? null
  }

  *liveDocs(): Generator<[string, Doc]> {
    for (const [id, v] of this.docs) if (v.doc) yield [id, v.doc]
  }
}

export const notExist = (c: string) => new WireError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${c}`)

export class Store {
  seq = 0
  readonly collections = new Map<string, Collection>()
  /** Snapshot seqs of open transactions (seq → count). */
  private readers = new Map<number, number>()
  private tombstones: [Collection, string][] = []
  private compacting?: Promise<unknown>
  /** Commits applied in memory whose journal record is not yet durable (seq → its sync). */
  private readonly pending = new Map<number, Promise<void>>()
  readonly journal: Journal

  constructor(dir: string, private readonly compactBytes = 64 * 1024 * 1024) {
    this.journal = new Journal(dir)
  }

  /** Load snapshot + journal into memory. Returns counts for the start log. */
  open(): { docs: number; records: number; ms: number } {
    const t0 = Date.now()
    const { snapshotSeq, snapshotLines, records } = this.journal.load()
    this.seq = snapshotSeq
    for (const line of snapshotLines) {
      const r = decodeStored(line) as { c: string; i?: string; d?: Doc }
      const col = this.ensure(r.c)
      if (r.i !== undefined && r.d) this.put(col, r.i, r.d, snapshotSeq, false)
    }
    let replayed = 0
    for (const json of records) {
      const r = decodeStored(json) as { s: number; o: { c: string; i?: string; d?: Doc; k?: string }[] }
      if (r.s <= this.seq) continue
      this.seq = r.s
      replayed++
      for (const op of r.o) this.applyOp(op, r.s, false)
    }
    let docs = 0
    for (const col of this.collections.values()) {
      docs += col.live
      for (const ix of col.indexes) ix.build(col.liveDocs())
    }
    return { docs, records: replayed, ms: Date.now() - t0 }
  }

  private applyOp(op: { c: string; i?: string; d?: Doc; k?: string }, seq: number, indexed: boolean): void {
    if (op.k === 'create') return void this.ensure(op.c)
    if (op.k === 'drop') return void this.collections.delete(op.c)
    const col = this.ensure(op.c)
    this.put(col, op.i!, op.d ?? null, seq, indexed)
  }

  private ensure(name: string): Collection {
    let col = this.collections.get(name)
    if (!col) this.collections.set(name, (col = new Collection(name)))
    return col
  }

  collection(name: string): Collection {
    const col = this.collections.get(name)
    if (!col) throw notExist(name)
    return col
  }

  /** Set the newest version of one document, keeping the old one if an open snapshot may need it. */
  private put(col: Collection, id: string, doc: Doc | null, seq: number, indexed: boolean): void {
    const old = col.docs.get(id)
    if (indexed && old?.doc) for (const ix of col.indexes) ix.remove(id, old.doc)
    if (old?.doc) col.live--
    const minReader = this.minReader()
    const v: Version = { seq, doc }
    if (old && minReader !== undefined && old.seq <= seq) {
      // Keep the chain down to the newest version every open snapshot can still see.
      v.prev = old
      let cur: Version | undefined = v
      while (cur?.prev) {
        if (cur.seq <= minReader) {
          cur.prev = undefined
          break
        }
        cur = cur.prev
      }
    }
    if (!doc && !v.prev) col.docs.delete(id)
    else col.docs.set(id, v)
    if (!doc && v.prev) this.tombstones.push([col, id])
    if (doc) {
      col.live++
      if (indexed) for (const ix of col.indexes) ix.insert(id, doc)
    }
  }

  private minReader(): number | undefined {
    let min: number | undefined
    for (const s of this.readers.keys()) if (min === undefined || s < min) min = s
    return min
  }

  /** Register a snapshot reader (a transaction); returns its snapshot seq. */
  addReader(): number {
    this.readers.set(this.seq, (this.readers.get(this.seq) ?? 0) + 1)
    return this.seq
  }

  removeReader(seq: number): void {
    const n = (this.readers.get(seq) ?? 1) - 1
    if (n > 0) this.readers.set(seq, n)
    else this.readers.delete(seq)
    if (this.readers.size === 0 && this.tombstones.length) {
      for (const [col, id] of this.tombstones) if (col.docs.get(id)?.doc === null) col.docs.delete(id)
      this.tombstones = []
    }
  }

  /** Check unique indexes for a set of writes before applying them. */
  checkUnique(writes: Write[]): void {
    for (const w of writes) {
      if (!w.doc) continue
      for (const ix of this.collection(w.c).indexes) {
        if (!ix.decl.unique) continue
        const dup = ix.duplicateOf(w.id, w.doc)
        if (dup !== undefined && !writes.some((o) => o.c === w.c && o.id === dup)) {
          throw new WireError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${w.c} index: ${ix.decl.name}`)
        }
      }
    }
  }

  /**
   * Apply writes atomically in memory (synchronously: no other request interleaves) and journal
   * them as one record. The returned promise resolves once the record is durable; callers
   * acknowledge only then.
   */
  commit(writes: Write[], meta: { k: 'create' | 'drop'; c: string }[] = []): Promise<void> {
    if (!writes.length && !meta.length) return Promise.resolve()
    this.checkUnique(writes)
    const seq = ++this.seq
    const ops: Doc[] = meta.map((m) => ({ c: m.c, k: m.k }))
    for (const m of meta) this.applyOp(m, seq, true)
    for (const w of writes) {
      this.put(this.collection(w.c), w.id, w.doc, seq, true)
      ops.push(w.doc ? { c: w.c, i: w.id, d: w.doc } : { c: w.c, i: w.id })
    }
    const done = this.journal.append(encode({ s: seq, o: ops }))
    this.pending.set(seq, done)
    const settle = () => this.pending.delete(seq)
    done.then(settle, settle)
    if (this.journal.bytes > this.compactBytes && !this.compacting) void this.compact()
    return done
  }

  /**
   * Resolves once every commit up to `seq` (default: everything applied so far) is durable.
   * Commits are applied in memory before their journal record is synced, so a request that read
   * them waits here before answering: nobody is shown a write that a crash could still take back.
   * The journal syncs in order: when commit `seq` is durable so is every earlier one.
   */
  durable(seq = this.seq): Promise<void> {
    return this.pending.get(seq) ?? Promise.resolve()
  }

  setIndexes(name: string, decls: IndexDeclaration[]): void {
    const col = this.collection(name)
    col.indexes.length = 0
    for (const d of decls) {
      const ix = new SortedIndex(d)
      ix.build(col.liveDocs())
      col.indexes.push(ix)
    }
  }

  /** Write a snapshot of everything and start a fresh journal. */
  compact(): Promise<unknown> {
    if (this.compacting) return this.compacting
    this.compacting = this.journal
      .snapshot(() => {
        const lines: string[] = []
        for (const col of this.collections.values()) {
          lines.push(encode({ c: col.name }))
          for (const [id, doc] of col.liveDocs()) lines.push(encode({ c: col.name, i: id, d: doc }))
        }
        return { seq: this.seq, lines }
      })
      .finally(() => (this.compacting = undefined))
    return this.compacting
  }

  async close(): Promise<void> {
    if (this.compacting) await this.compacting.catch(() => undefined)
    await this.journal.close()
  }

  async wipe(): Promise<void> {
    if (this.compacting) await this.compacting.catch(() => undefined)
    await this.journal.wipe()
    this.collections.clear()
    this.tombstones = []
    this.seq = 0
  }
}
