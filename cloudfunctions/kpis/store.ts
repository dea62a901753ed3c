/** The aggregates as stored: one document per community and China day, one per community and month. */
import { COMMUNITY, KPI_DAYS, KPI_MONTHS, KPI_REPORTS, KPI_STATE, ORDERS } from '../../core/collections'
import type { Aggregate } from '../../core/kpis/cells'
import type { FactsInput } from '../../core/kpis/facts'
import { chinaInstant, chinaMonth, DAY_MS } from '../../core/china-time'
import { allBy } from '../../server/paging'
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


/** The orders of some communities (of some of their grids) created in [from, to), every page of them (up to `max`). */
export async function ordersCreated(db: Db, communities: string[], from: number, to: number, max = Infinity, grids?: string[]): Promise<{ items: FactsInput[]; next: string | null }> {
  const _ = db.command
  const where = { communityId: communities.length === 1 ? communities[0] : _.in(communities), createdAt: _.gte(from).and(_.lt(to)), ...(grids ? { gridId: _.in(grids) } : {}) }
  return allBy<FactsInput>(db, { collection: ORDERS, where, key: '_id', dir: 'asc' }, { batch: 500, max })
}

export const monthDocs = (db: Db, communities: string[], months: string[]) =>
  rows<StoredAggregate>(db.collection(KPI_MONTHS).where({ communityId: db.command.in(communities), month: db.command.in(months) }).limit(1000))

export const dayDocs = (db: Db, communities: string[], month: string) =>
  rows<DayDoc>(db.collection(KPI_DAYS).where({ communityId: db.command.in(communities), month }).limit(1000))
