import { Query } from 'mingo'
import { WireError } from '../errors'
import type { Doc } from './codec'
import { choosePlan, queryShape } from './planner'
import type { Collection } from './store'

export interface FindOptions {
  sort?: [string, number][]
  skip?: number
  limit?: number
  /** Read at this snapshot seq instead of the newest versions (no indexes then). */
  atSeq?: number
}

/** Scans larger than this without a narrowing index log a warning (once per collection + shape). */
export const SCAN_WARN_THRESHOLD = 1000

export function compileFilter(filter: Doc): Query {
  try {
    return new Query(filter)
  } catch (err) {
    throw new WireError('INVALID_PARAM', `invalid query: ${(err as Error).message}`)
  }
}

function test(q: Query, doc: Doc): boolean {
  try {
    return q.test(doc)
  } catch (err) {
    throw new WireError('INVALID_PARAM', `invalid query: ${(err as Error).message}`)
  }
}

export class QueryEngine {
  private warned = new Set<string>()
  constructor(private readonly log: (line: string) => void) {}

  /** Matching documents (stored objects, not copies) after sort/skip/limit. */
  find(col: Collection, filter: Doc, opts: FindOptions = {}): Doc[] {
    const sort = opts.sort ?? []
    const skip = opts.skip ?? 0
    const limit = opts.limit ?? Infinity
    const q = compileFilter(filter)
    const plan = opts.atSeq === undefined ? choosePlan(col.indexes, filter, sort) : null
    const get = (id: string) => (opts.atSeq === undefined ? col.head(id) : col.at(id, opts.atSeq))
    let examined = 0
    const matched: Doc[] = []
    // With an order-preserving plan and no loose documents we can stop after skip + limit.
    const streaming = (plan ? plan.order !== null && plan.index.loose.size === 0 : sort.length === 0)
    const want = streaming ? skip + limit : Infinity
    const consider = (doc: Doc | null) => {
      examined++
      if (doc && test(q, doc)) matched.push(doc)
    }
    const ids = idsOf(filter._id)
    if (ids) {
      for (const id of ids) consider(get(id))
    } else if (plan) {
      const seen = plan.ranges.length > 1 ? new Set<string>() : null
      outer: for (const r of plan.ranges) {
        for (const id of plan.index.scan(r, plan.order === 'rev')) {
          if (seen) {
            if (seen.has(id)) continue
            seen.add(id)
          }
          consider(get(id))
          if (matched.length >= want) break outer
        }
      }
      for (const id of plan.index.loose) consider(get(id))
    } else {
      for (const [id, v] of col.docs) {
        const doc = opts.atSeq === undefined ? v.doc : col.at(id, opts.atSeq)
        if (!doc) continue
        consider(doc)
        if (matched.length >= want) break
      }
    }
    if (examined > SCAN_WARN_THRESHOLD && !plan?.selective && !ids) this.warn(col.name, filter, sort, examined)
    if (streaming && !ids) return matched.slice(skip, skip + limit)
    // Looked up by _id: MongoDB answers in _id index order.
    return sortDocs(matched, sort.length || !ids ? sort : [['_id', 1]]).slice(skip, skip + limit)
  }

  count(col: Collection, filter: Doc): number {
    return this.find(col, filter).length
  }

  private warn(name: string, filter: Doc, sort: [string, number][], examined: number): void {
    const shape = queryShape(filter, sort)
    const key = `${name} ${shape}`
    if (this.warned.has(key)) return
    this.warned.add(key)
    this.log(`[database] WARNING: query on collection "${name}" scanned ${examined} documents without a usable index: ${shape} — declare an index in database/indexes.json`)
  }
}

/** MongoDB sort order (mingo's comparator), stable. */
export function sortDocs(docs: Doc[], sort: [string, number][]): Doc[] {
  if (!sort.length || docs.length < 2) return docs
  return new Query({}).find(docs).sort(Object.fromEntries(sort)).all() as Doc[]
}

/** `_id: x` or `_id: { $in: [...] }` (scalars): look the documents up directly. */
function idsOf(cond: unknown): string[] | null {
  if (typeof cond === 'string' || typeof cond === 'number') return [String(cond)]
  const keys = cond && typeof cond === 'object' ? Object.keys(cond) : []
  const list = keys.length === 1 && keys[0] === '$in' ? (cond as { $in: unknown }).$in : null
  if (!Array.isArray(list) || !list.every((v) => typeof v === 'string' || typeof v === 'number')) return null
  return [...new Set(list.map(String))]
}
