/**
 * Orders → cells: counters per grid × category × 三事分流 kind (the aggregate's unit), and how many
 * each building collected (for hotspots). A day's cells, a month's cells and any scope's totals are
 * sums of the same counters.
 */
import type { Category } from '../orders/categories'
import { DEFAULT_SLA, stageHours } from '../orders/sla'
import type { Status } from '../orders/vocab'
import { addFacts, emptyCounters, mergeCounters, type Counters } from './counters'
import { factsOf, type FactsInput, type Kind } from './facts'

export type Cells = Record<string, Counters>

export const cellKey = (gridId: string, category: string, kind: Kind): string => `${gridId}|${category}|${kind}`
export function cellParts(key: string): { gridId: string; category: string; kind: Kind } {
  const [gridId, category, kind] = key.split('|')
  return { gridId, category, kind: kind as Kind }
}

/** Orders stored before `respondBy` existed: their creation plus the default SLA's triage hours. */
export const triageHoursOf = (o: Pick<FactsInput, 'category' | 'urgency'>): number => stageHours(DEFAULT_SLA, o.category as Category, o.urgency, 'triage')

export interface Aggregate {
  cells: Cells
  /** Orders collected (not withdrawn) per `<gridId>|<buildingId>` (the grid, to keep a 网格员 to their own). */
  byBuilding: Record<string, number>
  orders: number
}

export function aggregateOf(orders: readonly FactsInput[]): Aggregate {
  const cells: Cells = {}
  const byBuilding: Record<string, number> = {}
  for (const o of orders) {
    const f = factsOf(o, triageHoursOf(o))
    const key = cellKey(f.gridId, f.category, f.kind)
    cells[key] = addFacts(cells[key] ?? emptyCounters(), f, o.status as Status)
    const b = `${o.gridId}|${o.buildingId}`
    if (!f.withdrawn) byBuilding[b] = (byBuilding[b] ?? 0) + 1
  }
  return { cells, byBuilding, orders: orders.length }
}

/** Several aggregates (days of a month) as one. */
export function mergeAggregates(list: readonly Aggregate[]): Aggregate {
  const cells: Cells = {}
  const byBuilding: Record<string, number> = {}
  let orders = 0
  for (const a of list) {
    for (const [k, c] of Object.entries(a.cells)) cells[k] = cells[k] ? mergeCounters(cells[k], c) : c
    for (const [b, n] of Object.entries(a.byBuilding)) byBuilding[b] = (byBuilding[b] ?? 0) + n
    orders += a.orders
  }
  return { cells, byBuilding, orders }
}

/** The sum of the cells that pass `keep` (e.g. one's grids, one category). */
export function sumCells(cells: Cells, keep: (part: ReturnType<typeof cellParts>) => boolean = () => true): Counters {
  let total = emptyCounters()
  for (const [k, c] of Object.entries(cells)) if (keep(cellParts(k))) total = mergeCounters(total, c)
  return total
}

/** Counters summed by one part of the cell key (per grid, per category, per kind). */
export function sumBy(cells: Cells, part: 'gridId' | 'category' | 'kind', keep: (p: ReturnType<typeof cellParts>) => boolean = () => true): Record<string, Counters> {
  const out: Record<string, Counters> = {}
  for (const [k, c] of Object.entries(cells)) {
    const p = cellParts(k)
    if (!keep(p)) continue
    out[p[part]] = out[p[part]] ? mergeCounters(out[p[part]], c) : c
  }
  return out
}
