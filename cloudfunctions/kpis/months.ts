/**
 * A month's document holds, besides the sum of its days, what lets the dashboard read one small
 * document where it read many large ones:
 * - `lastDay` and `beforeLastDay` (the sum of its days before the last): this month's figures are
 *   that sum plus today counted live — one document per community instead of one per day so far;
 * - `trend`: collected (created, withdrawn) and solved per grid × category — all the six-month chart
 *   and the hotspots' baseline need, a few kilobytes instead of the month's cells.
 * Documents written before these fields existed are read the old way (their days, or whole).
 */
import { cellKey, cellParts, mergeAggregates, type Aggregate } from '../../core/kpis/cells'
import { emptyCounters } from '../../core/kpis/counters'
import { DEFINITIONS_VERSION } from '../../core/kpis/rates'
import type { Db } from '../../server/db'
import { dayDocs, monthDocs, type DayDoc, type StoredAggregate } from './store'

/** Per `<gridId>|<category>`: orders created, withdrawn, solved. */
export type Trend = Record<string, [number, number, number]>

export interface MonthDoc extends StoredAggregate {
  lastDay?: string | null
  beforeLastDay?: Aggregate
  trend?: Trend
}

const EMPTY: Aggregate = { cells: {}, byBuilding: {}, orders: 0 }

export function trendOf(a: Aggregate): Trend {
  const t: Trend = {}
  for (const [key, c] of Object.entries(a.cells)) {
    const { gridId, category } = cellParts(key)
    const k = `${gridId}|${category}`
    const [created, withdrawn, solved] = t[k] ?? [0, 0, 0]
    t[k] = [created + c.created, withdrawn + c.withdrawn, solved + c.solved]
  }
  return t
}

/** A month's trend as an aggregate (its cells carry only those three counts): enough for dashboardOf's chart and baseline. */
export function fromTrend(t: Trend, byBuilding: Record<string, number>): Aggregate {
  const cells: Aggregate['cells'] = {}
  let orders = 0
  for (const [k, [created, withdrawn, solved]] of Object.entries(t)) {
    const [gridId, category] = k.split('|')
    cells[cellKey(gridId, category, 'none')] = { ...emptyCounters(), created, withdrawn, solved }
    orders += created
  }
  return { cells, byBuilding, orders }
}

/** The month document of a community, from its days. */
export function monthDocOf(c: { _id: string; streetId: string }, month: string, days: readonly DayDoc[]): Omit<MonthDoc, '_id'> {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day))
  const merged = mergeAggregates(sorted)
  return {
    communityId: c._id,
    streetId: c.streetId,
    month,
    version: DEFINITIONS_VERSION,
    ...merged,
    lastDay: sorted.at(-1)?.day ?? null,
    beforeLastDay: mergeAggregates(sorted.slice(0, -1)),
    trend: trendOf(merged),
  }
}

/**
 * Aggregates by `${communityId}:${month}`: `whole` months with their cells (the current one as of
 * before today, for today to be added live), `light` months from their trend.
 */
export async function storedMonths(db: Db, communities: string[], p: { whole: string[]; light: string[]; current: string; today: string }): Promise<Map<string, Aggregate>> {
  const past = p.whole.filter((m) => m !== p.current)
  const [current, wholes, lights] = await Promise.all([
    p.whole.includes(p.current) ? monthDocs<MonthDoc>(db, communities, [p.current], { trend: false }) : [],
    monthDocs<MonthDoc>(db, communities, past, { trend: false, beforeLastDay: false }),
    monthDocs<MonthDoc>(db, communities, p.light, { communityId: true, month: true, trend: true, byBuilding: true }),
  ])
  const out = new Map<string, Aggregate>()
  for (const d of wholes) out.set(`${d.communityId}:${d.month}`, d)
  for (const d of lights) if (d.trend) out.set(`${d.communityId}:${d.month}`, fromTrend(d.trend, d.byBuilding ?? {}))
  const oldLight = lights.filter((d) => !d.trend)
  const oldCurrent = current.filter((d) => d.lastDay === undefined)
  const [olds, oldDays] = await Promise.all([
    oldLight.length ? monthDocs<MonthDoc>(db, [...new Set(oldLight.map((d) => d.communityId))], [...new Set(oldLight.map((d) => d.month))]) : [],
    oldCurrent.length ? dayDocs(db, oldCurrent.map((d) => d.communityId), p.current) : [],
  ])
  for (const d of olds) if (oldLight.some((o) => o._id === d._id)) out.set(`${d.communityId}:${d.month}`, d)
  for (const d of current) {
    const before =
      d.lastDay === undefined
        ? mergeAggregates(oldDays.filter((x) => x.communityId === d.communityId && x.day !== p.today))
        : d.lastDay === p.today
          ? (d.beforeLastDay ?? EMPTY)
          : d
    out.set(`${d.communityId}:${p.current}`, before)
  }
  return out
}
