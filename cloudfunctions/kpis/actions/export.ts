/** 导出: the figures with their definitions, or the orders behind a figure (at most MAX_ROWS), as CSV. */
import { chinaMonth } from '../../../core/china-time'
import type { kpisFn } from '../../../core/kpis/contract'
import { figuresCsv, ORDER_HEAD, orderRow } from '../../../core/kpis/export'
import type { FactsInput } from '../../../core/kpis/facts'
import type { BuildingDoc } from '../../../core/community/structure'
import { toCsv } from '../../../core/csv'
import { rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { BUILDINGS } from '../../../server/community'
import { resolveScope } from '../scope'
import { FACT_FIELDS } from '../store'
import { dashboardFor } from './dashboard'
import { ordersBehind } from './orders'

const MAX_ROWS = 5000
/** What the rows show beyond an order's summary: its times (the timeline) and the phone, masked. */
const COLUMNS: Record<string, true> = { ...FACT_FIELDS, contactPhone: true }

export const exportCsv: Handler<(typeof kpisFn)['export']> = async (ctx, input) => {
  const s = await resolveScope(ctx, input)
  const month = input.month ?? chinaMonth(ctx.now()).key
  if (input.what === 'figures') {
    const name = s.grids.length === 1 && s.level !== 'street' ? s.grids[0].name : s.communities.length === 1 ? s.communities[0].name : '全街道'
    return { csv: figuresCsv(await dashboardFor(ctx, s, month), name), rows: 0, truncated: false }
  }
  const all: FactsInput[] = []
  let next: string | null | undefined
  do {
    const page = await ordersBehind(ctx, s, { ...input, month, figure: input.figure ?? 'collected' }, Math.min(500, MAX_ROWS - all.length), next ?? undefined, COLUMNS)
    all.push(...page.items)
    next = page.next
  } while (next && all.length < MAX_ROWS)
  const buildings = await rows<BuildingDoc>(ctx.db.collection(BUILDINGS).where({ communityId: ctx.db.command.in(s.communities.map((c) => c.id)) }).field({ name: true }).limit(1000))
  const gridName = new Map(s.grids.map((g) => [g.id, g.name]))
  const buildingName = new Map(buildings.map((b) => [b._id, b.name]))
  const names = { grid: (id: string) => gridName.get(id) ?? id, building: (id: string) => buildingName.get(id) ?? id }
  return { csv: toCsv(ORDER_HEAD, all.map((o) => orderRow(o, names))), rows: all.length, truncated: !!next }
}
