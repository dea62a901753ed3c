import type { Doc } from './codec'
import { type Bound, type Range, type SortedIndex, isIndexable, rank, compareScalar } from './sorted-index'

/**
 * Pick an index for a filter + sort. Usable conditions are top-level (or inside a top-level $and)
 * equality, $eq, $in and range ($gt/$gte/$lt/$lte) on scalar values. An index is used on its
 * longest prefix of equality fields, then one $in or range field. When the sort follows the index
 * after that prefix (all ascending or all descending), the scan yields documents already sorted and
 * the query stops as soon as skip + limit documents matched.
 */
export interface Plan {
  index: SortedIndex
  ranges: Range[]
  /** Scan order satisfies the sort: 'fwd' / 'rev'; null = results must still be sorted. */
  order: 'fwd' | 'rev' | null
  /** Whether the filter narrowed the scan (false = ordered full scan for a sort). */
  selective: boolean
}

interface FieldCond {
  eq?: unknown
  hasEq?: boolean
  in?: unknown[]
  lo?: { v: unknown; inc: boolean }
  hi?: { v: unknown; inc: boolean }
}

const RANGE_OPS = new Set(['$eq', '$gt', '$gte', '$lt', '$lte', '$in'])

function isPlainObject(v: unknown): v is Doc {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp)
}

/** Collect per-field usable conditions from the top level of a filter (and nested $and). */
export function conditions(filter: Doc, out = new Map<string, FieldCond>()): Map<string, FieldCond> {
  for (const [key, val] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(val)) {
      for (const sub of val) if (isPlainObject(sub)) conditions(sub, out)
      continue
    }
    if (key.startsWith('$')) continue
    const c = out.get(key) ?? {}
    if (!isPlainObject(val)) {
      if (isIndexable(val)) Object.assign(c, { eq: val, hasEq: true })
    } else if (Object.keys(val).length && Object.keys(val).every((op) => RANGE_OPS.has(op))) {
      for (const [op, v] of Object.entries(val)) {
        if (op === '$in') {
          if (Array.isArray(v) && v.every(isIndexable)) c.in = v
          continue
        }
        if (!isIndexable(v) || (op !== '$eq' && (v === null || v === undefined))) continue
        if (op === '$eq') Object.assign(c, { eq: v, hasEq: true })
        else if (op === '$gt' || op === '$gte') {
          if (!c.lo || compareScalar(v, c.lo.v) > 0) c.lo = { v, inc: op === '$gte' }
        } else if (!c.hi || compareScalar(v, c.hi.v) < 0) c.hi = { v, inc: op === '$lte' }
      }
    }
    out.set(key, c)
  }
  return out
}

const point = (v: unknown): Bound => ({ rank: rank(v), v })

function planFor(index: SortedIndex, conds: Map<string, FieldCond>, sort: [string, number][]): (Plan & { score: number }) | null {
  const eq: Bound[] = []
  let p = 0
  while (p < index.fields.length && conds.get(index.fields[p])?.hasEq) {
    eq.push(point(conds.get(index.fields[p])!.eq))
    p++
  }
  let ranges: Range[] = [{ lower: eq, lowerInclusive: true, upper: eq, upperInclusive: true }]
  let score = eq.length * 2
  let multiPoint = false
  const next = p < index.fields.length ? conds.get(index.fields[p]) : undefined
  if (next?.in && next.in.length) {
    const values = [...next.in].sort(compareScalar)
    ranges = values.map((v) => ({ lower: [...eq, point(v)], lowerInclusive: true, upper: [...eq, point(v)], upperInclusive: true }))
    multiPoint = values.length > 1
    score += 1
  } else if (next && (next.lo || next.hi)) {
    const r = rank((next.lo ?? next.hi)!.v)
    if (next.lo && next.hi && rank(next.hi.v) !== r) return null
    const lower: Bound = next.lo ? point(next.lo.v) : { rank: r, edge: 'min' }
    const upper: Bound = next.hi ? point(next.hi.v) : { rank: r, edge: 'max' }
    ranges = [{ lower: [...eq, lower], lowerInclusive: next.lo?.inc ?? true, upper: [...eq, upper], upperInclusive: next.hi?.inc ?? true }]
    score += 1
  }
  // Sort fields bound by equality do not affect order; the rest must follow the index after the prefix.
  // Entries with equal keys are ordered by _id, so the index order ends with _id.
  const eqFields = new Set(index.fields.slice(0, p))
  const rest = sort.filter(([f]) => !eqFields.has(f))
  const fields = index.fields.at(-1) === '_id' ? index.fields : [...index.fields, '_id']
  let order: Plan['order'] = null
  if (!multiPoint) {
    if (rest.length === 0) order = 'fwd'
    else if (rest.every(([f], i) => fields[p + i] === f)) {
      if (rest.every(([, d]) => d === 1)) order = 'fwd'
      else if (rest.every(([, d]) => d === -1)) order = 'rev'
    }
  }
  if (score === 0 && (order === null || sort.length === 0)) return null
  return { index, ranges, order, selective: score > 0, score: score + (order && sort.length ? 0.5 : 0) }
}

export function choosePlan(indexes: SortedIndex[], filter: Doc, sort: [string, number][]): Plan | null {
  if (!indexes.length) return null
  const conds = conditions(filter)
  let best: (Plan & { score: number }) | null = null
  for (const ix of indexes) {
    const p = planFor(ix, conds, sort)
    if (p && (!best || p.score > best.score)) best = p
  }
  return best
}

/** A query's shape for the missing-index warning: the filter with values replaced by their types. */
export function queryShape(filter: unknown, sort: [string, number][]): string {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.length && isPlainObject(v[0]) ? v.map(strip) : '[]'
    if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)]))
    return v instanceof RegExp ? 'regex' : v instanceof Date ? 'date' : typeof v
  }
  return JSON.stringify(strip(filter)) + (sort.length ? ` sort ${JSON.stringify(Object.fromEntries(sort))}` : '')
}
