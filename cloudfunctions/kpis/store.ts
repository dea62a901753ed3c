/** The aggregates as stored: one document per community and China day, one per community and month. */
import { COMMUNITY, KPI_DAYS, KPI_MONTHS, KPI_REPORTS, KPI_STATE, ORDERS } from '../../core/collections'
import { storedFactsOf, type Aggregate } from '../../core/kpis/cells'
import { unpackFacts, type FactsInput, type PackedFacts, type StoredFacts } from '../../core/kpis/facts'
import { chinaDay, chinaInstant, chinaMonth, DAY_MS } from '../../core/china-time'
import { rows, type Db } from '../../server/db'

export { COMMUNITY, KPI_DAYS, KPI_MONTHS, KPI_REPORTS, KPI_STATE, ORDERS }

export interface StoredAggregate extends Aggregate {
  _id: string
  communityId: string
  streetId: string
  month: string
  version: number
}
export interface DayDoc extends StoredAggregate {
  day: string
}

export const dayId = (communityId: string, day: string) => `${communityId}:${day}`
export const monthId = (communityId: string, month: string) => `${communityId}:${month}`

/** China day 'YYYY-MM-DD' → [start, end) in ms. */
export function dayRange(day: string): [number, number] {
  const [y, m, d] = day.split('-').map(Number)
  const start = chinaInstant({ y, m, d })
  return [start, start + DAY_MS]
}
/** China month 'YYYY-MM' → [start, end) in ms. */
export function monthRange(month: string): [number, number] {
  const [y, m] = month.split('-').map(Number)
  const { start, end } = chinaMonth(chinaInstant({ y, m }))
  return [start, end]
}

/** Orders read per query when counting (the cloud returns at most 1,000). */
const BATCH = 500

/**
 * What an order's facts are made of (core/kpis facts.ts factsOf, cells.ts triageHoursOf): read where
 * an order has no stored facts, and by the orders behind a figure — about half of an order; its
 * texts, contacts and keys stay behind.
 */
export const FACT_FIELDS: Record<string, true> = Object.fromEntries(
  [
    ...(['communityId', 'gridId', 'buildingId', 'category', 'urgency', 'status', 'triage', 'source', 'proxy', 'respondBy', 'rating', 'reopenCount', 'check', 'createdAt'] satisfies (keyof FactsInput)[]),
    // of each step, what happened and when (and its note: it names a proxy's role on orders older than `source`)
    'timeline.event',
    'timeline.at',
    'timeline.note',
  ].map((f) => [f, true]),
)

/**
 * What the orders of some communities created in [from, to) count for — at most `max` of each
 * community: their stored facts (one small field), read as `inSpan` does, one query per community
 * in parallel. Orders stored before they kept facts (migration 006 gives them theirs) are read again
 * with the fields the facts are made of.
 */
export async function ordersCreated(db: Db, communities: string[], from: number, to: number, max = Infinity, grids?: string[]): Promise<StoredFacts[]> {
  const each = await Promise.all(communities.map((communityId) => inSpan<Counted>(db, { communityId, on: 'createdAt', from, to, max, grids, fields: { facts: true } })))
  return factsFor(db, each.flat())
}

/** Each order's stored facts; an order stored before it kept them is read again by id with the fields they are made of. */
export async function factsFor(db: Db, orders: readonly Counted[]): Promise<StoredFacts[]> {
  const bare = orders.filter((o) => !o.facts).map((o) => o._id)
  const computed = new Map<string, StoredFacts>()
  for (const o of await ordersById<FactsInput>(db, bare, FACT_FIELDS)) computed.set(o._id, storedFactsOf(o))
  return orders.map((o) => (o.facts ? unpackFacts(o.facts) : computed.get(o._id)!))
}

export type Counted = { _id: string; facts?: PackedFacts | null }

interface Span {
  communityId: string
  /** The time field the span is on; the collection has a (communityId, field) index for it. */
  on: 'createdAt' | 'updatedAt'
  /** [from, to) */
  from: number
  to: number
  max?: number
  grids?: string[]
  fields: Record<string, true>
}

/**
 * A community's orders whose `on` time is in [from, to), in that order, a page going on from the
 * last (time, _id) read: the (communityId, time) index serves every page and each query reads only
 * the span's orders. (Sorted by _id with a cursor on it, the planner walked the community's
 * (communityId, _id) index from its first order: every order of the community examined.)
 */
export async function inSpan<T extends { _id: string }>(db: Db, s: Span): Promise<T[]> {
  const _ = db.command
  const { on, max = Infinity } = s
  const out: T[] = []
  for (let last: T | undefined; ; ) {
    const at = last && (last as unknown as Record<string, number>)[on]
    const span = [{ communityId: s.communityId }, { [on]: _.gte(last ? at : s.from) }, { [on]: _.lt(s.to) }, ...(s.grids ? [{ gridId: _.in(s.grids) }] : [])]
    // after the last row read: later, or at the same time with a greater id
    const after = last ? [_.or([{ [on]: _.gt(at) }, { _id: _.gt(last._id) }])] : []
    const limit = Math.min(BATCH, max - out.length)
    const page = await rows<T>(db.collection(ORDERS).where(_.and([...span, ...after])).field({ ...s.fields, [on]: true }).orderBy(on, 'asc').orderBy('_id', 'asc').limit(limit))
    out.push(...page)
    if (page.length < limit || out.length >= max) return out
    last = page[page.length - 1]
  }
}

/** Orders by id, `fields` of each, a query per BATCH. */
export async function ordersById<T>(db: Db, ids: readonly string[], fields: Record<string, true>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += BATCH) out.push(...(await byIds<T>(db, ORDERS, ids.slice(i, i + BATCH), fields)))
  return out
}

/** Documents by id (the cloud looks each up, however many others the collection holds), optionally only some fields. */
function byIds<T>(db: Db, collection: string, ids: string[], fields?: Record<string, boolean>): Promise<T[]> {
  if (!ids.length) return Promise.resolve([])
  const q = db.collection(collection).where({ _id: db.command.in(ids) })
  return rows<T>((fields ? q.field(fields) : q).limit(1000))
}

export const monthDocs = <T = StoredAggregate>(db: Db, communities: string[], months: string[], fields?: Record<string, boolean>) =>
  byIds<T>(db, KPI_MONTHS, communities.flatMap((c) => months.map((m) => monthId(c, m))), fields)

/** The China days of a month, 'YYYY-MM-DD'. */
export function daysOf(month: string): string[] {
  const [start, end] = monthRange(month)
  return Array.from({ length: Math.round((end - start) / DAY_MS) }, (_, k) => chinaDay(start + k * DAY_MS))
}

export const dayDocs = (db: Db, communities: string[], month: string) =>
  byIds<DayDoc>(db, KPI_DAYS, communities.flatMap((c) => daysOf(month).map((d) => dayId(c, d))))
