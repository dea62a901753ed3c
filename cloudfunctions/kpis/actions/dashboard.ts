/**
 * The dashboard: month aggregates of the scope (one query), the current month from its days with
 * today counted live from today's orders (one query each), names of the units and buildings.
 */
import { chinaDay, chinaMonth, startOfChinaDay } from '../../../core/china-time'
import { aggregateOf, mergeAggregates, type Aggregate } from '../../../core/kpis/cells'
import type { DashboardView, kpisFn } from '../../../core/kpis/contract'
import { dashboardOf } from '../../../core/kpis/dashboard'
import { CATEGORY_LABELS, type Category } from '../../../core/orders/categories'
import type { BuildingDoc } from '../../../core/community/structure'
import type { Ctx } from '../../../server/context'
import { rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { BUILDINGS } from '../../../server/community'
import { resolveScope, type Resolved } from '../scope'
import { dayDocs, monthDocs, monthFrom, ordersCreated } from '../store'

/** Today's orders counted live, at most this many of each community (a community's busiest day stays far below). */
const TODAY_MAX = 2000

/** Aggregates of the scope's communities for `months`; the current month = its stored days before today + today live. */
export async function aggregatesFor(ctx: Ctx, s: Resolved, months: string[]): Promise<Map<string, Aggregate>> {
  const ids = s.communities.map((c) => c.id)
  const now = ctx.now()
  const current = chinaMonth(now).key
  const today = chinaDay(now)
  const [stored, days, live] = await Promise.all([
    monthDocs(ctx.db, ids, months.filter((m) => m !== current)),
    months.includes(current) ? dayDocs(ctx.db, ids, current) : [],
    months.includes(current) ? ordersCreated(ctx.db, ids, startOfChinaDay(now), now + 1, TODAY_MAX) : [],
  ])
  const out = new Map<string, Aggregate>(stored.map((d) => [`${d.communityId}:${d.month}`, d]))
  if (months.includes(current)) {
    for (const c of ids) {
      const before = days.filter((d) => d.communityId === c && d.day !== today)
      out.set(`${c}:${current}`, mergeAggregates([...before, aggregateOf(live.filter((o) => o.communityId === c))]))
    }
  }
  return out
}

export const dashboard: Handler<(typeof kpisFn)['dashboard']> = async (ctx, input) =>
  dashboardFor(ctx, await resolveScope(ctx, input), input.month ?? chinaMonth(ctx.now()).key)

export async function dashboardFor(ctx: Ctx, s: Resolved, month: string): Promise<DashboardView> {
  const months = [-5, -4, -3, -2, -1, 0].map((n) => monthFrom(month, n))
  const baseline = [-3, -2, -1].map((n) => monthFrom(month, n))
  const [aggregates, buildings] = await Promise.all([
    aggregatesFor(ctx, s, [...new Set([...months, ...baseline])]),
    rows<BuildingDoc>(ctx.db.collection(BUILDINGS).where({ communityId: ctx.db.command.in(s.communities.map((c) => c.id)) }).field({ name: true }).limit(1000)),
  ])
  const names = new Map(buildings.map((b) => [b._id, b.name]))
  return dashboardOf({
    month,
    months,
    baseline,
    level: s.level,
    now: ctx.now(),
    aggregates,
    communities: s.communities,
    grids: s.grids,
    categoryLabel: (c) => CATEGORY_LABELS[c as Category] ?? c,
    buildingName: (b) => names.get(b) ?? b,
  })
}
