/** The aggregates as stored: one document per community and China day, one per community and month. */
import { COMMUNITY, KPI_DAYS, KPI_MONTHS, KPI_REPORTS, KPI_STATE, ORDERS } from '../../core/collections'
import type { Aggregate } from '../../core/kpis/cells'
import type { FactsInput } from '../../core/kpis/facts'
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
 * What counting an order reads (core/kpis facts.ts factsOf, cells.ts aggregateOf and triageHoursOf):
 * only these fields are fetched — about half of an order; its texts, contacts and keys stay behind.
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
 * The orders of some communities created in [from, to) — at most `max` of each community, with the
 * fields their facts are made of. One query per community (in parallel) on its (communityId,
 * createdAt) index, in creation order, a page going on from the last (createdAt, _id) read: each
 * query reads only the span's orders. (Sorted by _id with a cursor on it, the planner walked the
 * community's (communityId, _id) index from its first order: every order of the community
 * examined for one day's.)
 */
export async function ordersCreated(db: Db, communities: string[], from: number, to: number, max = Infinity, grids?: string[]): Promise<FactsInput[]> {
  const each = await Promise.all(communities.map((c) => createdIn(db, c, from, to, max, grids)))
  return each.flat()
}

async function createdIn(db: Db, communityId: string, from: number, to: number, max: number, grids?: string[]): Promise<FactsInput[]> {
  const _ = db.command
  const out: FactsInput[] = []
  for (let last: FactsInput | undefined; ; ) {
    const span = [{ communityId }, { createdAt: _.gte(last ? last.createdAt : from) }, { createdAt: _.lt(to) }, ...(grids ? [{ gridId: _.in(grids) }] : [])]
    // after the last row read: later, or at the same time with a greater id
    const after = last ? [_.or([{ createdAt: _.gt(last.createdAt) }, { _id: _.gt(last._id) }])] : []
    const limit = Math.min(BATCH, max - out.length)
    const page = await rows<FactsInput>(db.collection(ORDERS).where(_.and([...span, ...after])).field(FACT_FIELDS).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(limit))
    out.push(...page)
    if (page.length < limit || out.length >= max) return out
    last = page[page.length - 1]
  }
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
