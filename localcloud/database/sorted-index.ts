import type { Doc } from './codec'
import type { IndexDeclaration } from './declarations'

/**
 * A secondary index: a sorted array of (key tuple, _id). Keys hold scalars only (null/missing,
 * number, string, boolean, Date); a document whose indexed value is an array or object is kept in
 * `loose` and offered as a candidate to every scan (the query filter then decides), which keeps
 * results correct without multikey bookkeeping. Keys are stored ascending; a descending sort is a
 * reverse scan.
 */
export interface Bound {
  rank: number
  v?: unknown
  /** Below / above every value of this rank (type bracketing as in MongoDB). */
  edge?: 'min' | 'max'
}
export interface Range {
  lower: Bound[]
  lowerInclusive: boolean
  upper: Bound[]
  upperInclusive: boolean
}
interface Entry {
  k: unknown[]
  id: string
}

const LOOSE = Symbol('loose')

/** MongoDB's cross-type order for the scalar types an index holds. */
export function rank(v: unknown): number {
  if (v === null || v === undefined) return 1
  switch (typeof v) {
    case 'number':
      return 2
    case 'string':
      return 3
    case 'boolean':
      return 8
  }
  if (v instanceof Date) return 9
  if (v instanceof RegExp) return 11
  return Array.isArray(v) ? 5 : 4
}

export function isIndexable(v: unknown): boolean {
  const r = rank(v)
  return r === 1 || r === 2 || r === 3 || r === 8 || r === 9
}

function cmpSameRank(a: unknown, b: unknown): number {
  if (a instanceof Date) return a.getTime() - (b as Date).getTime()
  if (a === b || a === null || a === undefined) return 0
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0
}

export function compareScalar(a: unknown, b: unknown): number {
  const r = rank(a) - rank(b)
  return r !== 0 ? r : cmpSameRank(a, b)
}

function compareToBound(x: unknown, b: Bound): number {
  const r = rank(x) - b.rank
  if (r !== 0) return r
  if (b.edge === 'min') return 1
  if (b.edge === 'max') return -1
  return cmpSameRank(x, b.v)
}

function comparePrefix(k: unknown[], bounds: Bound[]): number {
  for (let i = 0; i < bounds.length; i++) {
    const c = compareToBound(k[i], bounds[i])
    if (c !== 0) return c
  }
  return 0
}

function compareEntries(a: Entry, b: Entry): number {
  for (let i = 0; i < a.k.length; i++) {
    const c = compareScalar(a.k[i], b.k[i])
    if (c !== 0) return c
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Value at a dot path; LOOSE when the path crosses or ends in an array/object. */
export function pathValue(doc: Doc, field: string): unknown {
  let cur: unknown = doc
  for (const part of field.split('.')) {
    if (cur === null || cur === undefined) return null
    if (Array.isArray(cur) || typeof cur !== 'object' || cur instanceof Date) return Array.isArray(cur) ? LOOSE : null
    cur = (cur as Doc)[part]
  }
  if (cur === undefined) return null
  return isIndexable(cur) ? cur : LOOSE
}

export class SortedIndex {
  readonly fields: string[]
  private entries: Entry[] = []
  readonly loose = new Set<string>()

  constructor(readonly decl: IndexDeclaration) {
    this.fields = decl.keys.map((k) => k.field)
  }

  get size(): number {
    return this.entries.length + this.loose.size
  }

  private keyOf(doc: Doc): unknown[] | null {
    const k = this.fields.map((f) => pathValue(doc, f))
    return k.includes(LOOSE) ? null : k
  }

  private search(e: Entry): number {
    let lo = 0
    let hi = this.entries.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (compareEntries(this.entries[mid], e) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  insert(id: string, doc: Doc): void {
    const k = this.keyOf(doc)
    if (!k) return void this.loose.add(id)
    const e = { k, id }
    this.entries.splice(this.search(e), 0, e)
  }

  remove(id: string, doc: Doc): void {
    const k = this.keyOf(doc)
    if (!k) return void this.loose.delete(id)
    const i = this.search({ k, id })
    if (i < this.entries.length && this.entries[i].id === id) this.entries.splice(i, 1)
  }

  /** Build from scratch (after replay): one sort instead of n inserts. */
  build(docs: Iterable<[string, Doc]>): void {
    this.entries = []
    this.loose.clear()
    for (const [id, doc] of docs) {
      const k = this.keyOf(doc)
      if (k) this.entries.push({ k, id })
      else this.loose.add(id)
    }
    this.entries.sort(compareEntries)
  }

  clear(): void {
    this.entries = []
    this.loose.clear()
  }

  /** Another document (not `id`) holding the same key, for unique indexes. */
  duplicateOf(id: string, doc: Doc): string | undefined {
    const k = this.keyOf(doc)
    if (!k) return undefined
    const bounds = k.map((v) => ({ rank: rank(v), v }))
    for (const other of this.scan({ lower: bounds, lowerInclusive: true, upper: bounds, upperInclusive: true }, false)) {
      if (other !== id) return other
    }
    return undefined
  }

  /** Ids whose key lies in the range, in key order (or reversed). */
  *scan(r: Range, reverse: boolean): Generator<string> {
    const n = this.entries.length
    let lo = 0
    let hi = n
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const c = comparePrefix(this.entries[mid].k, r.lower)
      if (c < 0 || (c === 0 && !r.lowerInclusive)) lo = mid + 1
      else hi = mid
    }
    const start = lo
    hi = n
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const c = comparePrefix(this.entries[mid].k, r.upper)
      if (c < 0 || (c === 0 && r.upperInclusive)) lo = mid + 1
      else hi = mid
    }
    const end = lo
    if (reverse) for (let i = end - 1; i >= start; i--) yield this.entries[i].id
    else for (let i = start; i < end; i++) yield this.entries[i].id
  }
}
