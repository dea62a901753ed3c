/**
 * A dashboard from aggregates (pure): the scope's figures for a month, per unit (grid or community)
 * with ranks, six months of collected vs solved, category × state, response times, hotspots.
 */
import type { Aggregate } from './cells'
import { sumBy, sumCells } from './cells'
import { BUCKET_HOURS, emptyCounters, mergeCounters, type Counters } from './counters'
import type { DashboardView, FiguresView } from './contract'
import { hotspotsOf } from './hotspots'
import { DEFINITIONS_VERSION, figuresOf } from './rates'

export interface DashboardData {
  month: string
  /** Six months ending with `month`, oldest first, and the three before `month` (hotspots' baseline). */
  months: string[]
  baseline: string[]
  level: DashboardView['level']
  now: number
  /** Aggregate of community `c` in month `m`, by `${c}:${m}` (the current month already includes today, live). */
  aggregates: Map<string, Aggregate>
  communities: { id: string; name: string }[]
  /** The grids in scope (every grid of the communities for an admin or the street). */
  grids: { id: string; name: string; communityId: string }[]
  categoryLabel: (category: string) => string
  buildingName: (buildingId: string) => string
}

const EMPTY: Aggregate = { cells: {}, byBuilding: {}, orders: 0 }

export function dashboardOf(d: DashboardData): DashboardView {
  const inScope = new Set(d.grids.map((g) => g.id))
  const keep = (p: { gridId: string }) => inScope.has(p.gridId)
  const agg = (c: string, m: string) => d.aggregates.get(`${c}:${m}`) ?? EMPTY
  const monthCounters = (m: string, communities = d.communities.map((c) => c.id)) =>
    communities.reduce((acc: Counters, c) => mergeCounters(acc, sumCells(agg(c, m).cells, keep)), emptyCounters())
  const figures = (c: Counters): FiguresView => figuresOf(c, d.now)
  const totals = monthCounters(d.month)

  const units =
    d.level === 'street'
      ? d.communities.map((c) => ({ id: c.id, name: c.name, counters: monthCounters(d.month, [c.id]) }))
      : d.grids.map((g) => ({ id: g.id, name: g.name, counters: sumBy(agg(g.communityId, d.month).cells, 'gridId', (p) => p.gridId === g.id)[g.id] ?? emptyCounters() }))
  const ranked = units
    .map((u) => ({ ...u, figures: figures(u.counters) }))
    .sort((a, b) => Number(b.figures.rankable) - Number(a.figures.rankable) || (b.figures.solveRate.value ?? -1) - (a.figures.solveRate.value ?? -1))
  let rank = 0
  const withRank = ranked.map((u) => ({ id: u.id, name: u.name, figures: u.figures, rank: u.figures.rankable ? ++rank : null }))

  const byCategory: Record<string, Counters> = {}
  for (const c of d.communities) for (const [k, v] of Object.entries(sumBy(agg(c.id, d.month).cells, 'category', keep))) byCategory[k] = byCategory[k] ? mergeCounters(byCategory[k], v) : v

  return {
    month: d.month,
    asOf: d.now,
    level: d.level,
    totals: figures(totals),
    units: withRank,
    months: d.months.map((m) => {
      const f = figures(monthCounters(m))
      return { month: m, collected: f.collected, solved: f.solved, solveRate: f.solveRate.value }
    }),
    categories: Object.entries(byCategory)
      .map(([category, c]) => ({ category, collected: c.created - c.withdrawn, byStatus: c.byStatus }))
      // most first; equal counts by category id, so the table does not depend on the order orders were counted in
      .sort((a, b) => b.collected - a.collected || a.category.localeCompare(b.category)),
    responseHist: { edges: [...BUCKET_HOURS], counts: totals.responseHist },
    hotspots: hotspotsOf({
      now: countsOf(d, d.month),
      before: d.baseline.map((m) => countsOf(d, m)),
      categoryLabel: d.categoryLabel,
      buildingName: d.buildingName,
    }),
    definitionsVersion: DEFINITIONS_VERSION,
  }
}

/** Collected per category and per building of a month, in scope. */
function countsOf(d: DashboardData, m: string): { category: Record<string, number>; building: Record<string, number> } {
  const inScope = new Set(d.grids.map((g) => g.id))
  const category: Record<string, number> = {}
  const building: Record<string, number> = {}
  for (const c of d.communities) {
    const a = d.aggregates.get(`${c.id}:${m}`) ?? EMPTY
    for (const [k, v] of Object.entries(sumBy(a.cells, 'category', (p) => inScope.has(p.gridId)))) category[k] = (category[k] ?? 0) + v.created - v.withdrawn
    for (const [k, n] of Object.entries(a.byBuilding)) {
      const [gridId, buildingId] = k.split('|')
      if (inScope.has(gridId)) building[buildingId] = (building[buildingId] ?? 0) + n
    }
  }
  return { category, building }
}
