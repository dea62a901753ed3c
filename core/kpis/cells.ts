/**
 * Orders → cells: counters per grid × category × 三事分流 kind (the aggregate's unit), and how many
 * each building collected (for hotspots). A day's cells, a month's cells and any scope's totals are
 * sums of the same counters.
 */
import type { Category } from '../orders/categories'
import { DEFAULT_SLA, stageHours } from '../orders/sla'
import { addFacts, emptyCounters, mergeCounters, type Counters } from './counters'
import { factsOf, type FactsInput, type Kind, type StoredFacts } from './facts'

export type Cells = Record<string, Counters>

/** A cell's kind: 三事分流, or 'all' where the kinds are folded together (what the dashboard reads: it shows none of them). */
export type CellKind = Kind | 'all'

export const cellKey = (gridId: string, category: string, kind: CellKind): string => `${gridId}|${category}|${kind}`
export function cellParts(key: string): { gridId: string; category: string; kind: CellKind } {
  const [gridId, category, kind] = key.split('|')
  return { gridId, category, kind: kind as CellKind }
}

/** Orders stored before `respondBy` existed: their creation plus the default SLA's triage hours. */
export const triageHoursOf = (o: Pick<FactsInput, 'category' | 'urgency'>): number => stageHours(DEFAULT_SLA, o.category as Category, o.urgency, 'triage')

/** The facts an order keeps for counting (core/orders/keys writes them with every change). */
export const storedFactsOf = (o: FactsInput): StoredFacts => ({ ...factsOf(o, triageHoursOf(o)), status: o.status, buildingId: o.buildingId })

export interface Aggregate {
  cells: Cells
  /** Orders collected (not withdrawn) per `<gridId>|<buildingId>` (the grid, to keep a 网格员 to their own). */
  byBuilding: Record<string, number>
  orders: number
}

export function aggregateOf(orders: readonly StoredFacts[]): Aggregate {
  const cells: Cells = {}
  const byBuilding: Record<string, number> = {}
  for (const f of orders) {
    const key = cellKey(f.gridId, f.category, f.kind)
    cells[key] = addFacts(cells[key] ?? emptyCounters(), f, f.status)
    const b = `${f.gridId}|${f.buildingId}`
    if (!f.withdrawn) byBuilding[b] = (byBuilding[b] ?? 0) + 1
  }
  return { cells, byBuilding, orders: orders.length }
}

/** The same counters with the 三事分流 kinds folded together: a third of the cells. */
export function foldKinds(a: Aggregate): Aggregate {
  const cells: Cells = {}
  for (const [k, c] of Object.entries(a.cells)) {
    const { gridId, category } = cellParts(k)
    const key = cellKey(gridId, category, 'all')
    cells[key] = cells[key] ? mergeCounters(cells[key], c) : c
  }
  return { ...a, cells }
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
