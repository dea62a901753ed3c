/**
 * A month's document holds, besides the sum of its days, what lets the dashboard read one small
 * document where it read many large ones:
 * - `view`: its cells with the 三事分流 kinds folded together (core/kpis/cells foldKinds) — all the
 *   dashboard shows of a month, a third of the bytes of `cells` (which the day documents and this sum
 *   keep per kind);
 * - `lastDay` and `beforeLastDay` (the view of its days before the last): this month's figures are
 *   that plus today counted live — one document per community instead of one per day so far;
 * - `trend`: collected (created, withdrawn) and solved per grid × category — all the six-month chart
 *   and the hotspots' baseline need, a few kilobytes instead of the month's cells.
 * Documents written before these fields existed are read the old way (their days, or whole).
 */
import { cellKey, cellParts, foldKinds, mergeAggregates, type Aggregate } from '../../core/kpis/cells'
import { emptyCounters } from '../../core/kpis/counters'
import { DEFINITIONS_VERSION } from '../../core/kpis/rates'
import type { Db } from '../../server/db'
import { dayDocs, monthDocs, type DayDoc, type StoredAggregate } from './store'

/** Per `<gridId>|<category>`: orders created, withdrawn, solved. */
export type Trend = Record<string, [number, number, number]>

export interface MonthDoc extends StoredAggregate {
  view?: Aggregate
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
    cells[cellKey(gridId, category, 'all')] = { ...emptyCounters(), created, withdrawn, solved }
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
    view: foldKinds(merged),
    lastDay: sorted.at(-1)?.day ?? null,
    beforeLastDay: foldKinds(mergeAggregates(sorted.slice(0, -1))),
    trend: trendOf(merged),
  }
}

/**
 * Aggregates by `${communityId}:${month}`, as the dashboard needs them: `whole` months by their view
 * (the current one as of before today, for today to be added live), `light` months from their trend.
 * The current month's documents are read twice: first which day they counted last, then only the
 * part wanted — the view before today (its last day is today) or the whole view (it is not).
 */
export async function storedMonths(db: Db, communities: string[], p: { whole: string[]; light: string[]; current: string; today: string }): Promise<Map<string, Aggregate>> {
  const past = p.whole.filter((m) => m !== p.current)
  const [current, wholes, lights] = await Promise.all([
    p.whole.includes(p.current) ? monthDocs<MonthDoc>(db, communities, [p.current], { communityId: true, lastDay: true }) : [],
    monthDocs<MonthDoc>(db, communities, past, { communityId: true, month: true, view: true }),
    monthDocs<MonthDoc>(db, communities, p.light, { communityId: true, month: true, trend: true, byBuilding: true }),
  ])
  const out = new Map<string, Aggregate>()
  const put = (communityId: string, month: string, a: Aggregate) => out.set(`${communityId}:${month}`, a)
  for (const d of wholes) if (d.view) put(d.communityId, d.month, d.view)
  for (const d of lights) if (d.trend) put(d.communityId, d.month, fromTrend(d.trend, d.byBuilding ?? {}))
  const old = new Set([...wholes.filter((d) => !d.view), ...lights.filter((d) => !d.trend)].map((d) => d._id))
  const oldIds = [...old].map((id) => id.split(':'))
  const ofCurrent = (pick: (d: MonthDoc) => boolean) => current.filter(pick).map((d) => d.communityId)
  const endsToday = ofCurrent((d) => d.lastDay === p.today)
  // lastDay and view are written together (monthDocOf)
  const endsBefore = ofCurrent((d) => d.lastDay !== undefined && d.lastDay !== p.today)
  const oldCurrent = ofCurrent((d) => d.lastDay === undefined)
  const [olds, beforeToday, wholeNow, oldDays] = await Promise.all([
    old.size ? monthDocs<MonthDoc>(db, [...new Set(oldIds.map(([c]) => c))], [...new Set(oldIds.map(([, m]) => m))]) : [],
    endsToday.length ? monthDocs<MonthDoc>(db, endsToday, [p.current], { communityId: true, beforeLastDay: true }) : [],
    endsBefore.length ? monthDocs<MonthDoc>(db, endsBefore, [p.current], { communityId: true, view: true }) : [],
    oldCurrent.length ? dayDocs(db, oldCurrent, p.current) : [],
  ])
  for (const d of olds) if (old.has(d._id)) put(d.communityId, d.month, d)
  for (const d of beforeToday) put(d.communityId, p.current, d.beforeLastDay ?? EMPTY)
  for (const d of wholeNow) put(d.communityId, p.current, d.view ?? EMPTY)
  for (const c of oldCurrent) put(c, p.current, mergeAggregates(oldDays.filter((x) => x.communityId === c && x.day !== p.today)))
  return out
}
