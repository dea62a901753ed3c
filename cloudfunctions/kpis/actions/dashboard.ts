/**
 * The dashboard: the month shown with its cells and the five before it as their trend (months.ts),
 * the current month as stored before today with today counted live from today's orders (one query
 * per community), names of the units and buildings.
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
import { storedMonths } from '../months'
import { resolveScope, type Resolved } from '../scope'
import { shiftMonth } from '../../../core/kpis/vocab'
import { ordersCreated } from '../store'

/** Today's orders counted live, at most this many of each community (a community's busiest day stays far below). */
const TODAY_MAX = 2000

/** Aggregates of the scope's communities: `whole` months with their cells, `light` ones for their trend; the current month with today live. */
export async function aggregatesFor(ctx: Ctx, s: Resolved, whole: string[], light: string[]): Promise<Map<string, Aggregate>> {
  const ids = s.communities.map((c) => c.id)
  const now = ctx.now()
  const current = chinaMonth(now).key
  const today = chinaDay(now)
  // a month after this one shows this one among its six: it is read whole, with today
  const withToday = whole.includes(current) || light.includes(current)
  const [stored, live] = await Promise.all([
    storedMonths(ctx.db, ids, { whole: withToday ? [...new Set([...whole, current])] : whole, light: light.filter((m) => m !== current), current, today }),
    withToday ? ordersCreated(ctx.db, ids, startOfChinaDay(now), now + 1, TODAY_MAX, s.grids.map((g) => g.id)) : [],
  ])
  if (withToday) for (const c of ids) stored.set(`${c}:${current}`, mergeAggregates([stored.get(`${c}:${current}`) ?? EMPTY, aggregateOf(live.filter((o) => o.communityId === c))]))
  return stored
}

const EMPTY: Aggregate = { cells: {}, byBuilding: {}, orders: 0 }

export const dashboard: Handler<(typeof kpisFn)['dashboard']> = async (ctx, input) =>
  dashboardFor(ctx, await resolveScope(ctx, input), input.month ?? chinaMonth(ctx.now()).key)

export async function dashboardFor(ctx: Ctx, s: Resolved, month: string): Promise<DashboardView> {
  const months = [-5, -4, -3, -2, -1, 0].map((n) => shiftMonth(month, n))
  const baseline = [-3, -2, -1].map((n) => shiftMonth(month, n))
  const [aggregates, buildings] = await Promise.all([
    aggregatesFor(ctx, s, [month], months.filter((m) => m !== month)),
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
