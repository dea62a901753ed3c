/**
 * The timer (twice an hour, config.json) and its manual twin for admins: the days whose orders
 * changed since the last run are counted again from their orders, then their months from their
 * days. Each document is rewritten whole from what it sums, so running a day again — or after a run
 * that died halfway, whose progress was not recorded — writes the same values.
 */
import { chinaDay } from '../../../core/china-time'
import { aggregateOf } from '../../../core/kpis/cells'
import type { kpisFn } from '../../../core/kpis/contract'
import { DEFINITIONS_VERSION } from '../../../core/kpis/rates'
import type { TimerCtx } from '../../../server/context'
import { getOrNull, rows } from '../../../server/db'
import { allBy } from '../../../server/paging'
import type { Handler } from '../../../server/runtime'
import { mustPlace } from '../../../server/community'
import { monthDocOf } from '../months'
import { COMMUNITY, dayDocs, dayId, dayRange, KPI_DAYS, KPI_MONTHS, KPI_STATE, monthId, ORDERS, ordersCreated } from '../store'

/** Orders changed this long before the last run are read again: a transition in flight then may commit late. */
const MARGIN_MS = 10 * 60_000
/**
 * Changed orders read per query. A page asks for one row more than this to know whether another
 * follows, and the cloud returns at most 1,000: with 1,000 here the extra row never came, so only
 * the first 1,000 changed orders were seen and the days of the others were never counted.
 */
const CHANGED_BATCH = 999

interface Ran {
  days: number
  months: number
  orders: number
}

/** Count one community's changed days and months again. `afterDay` lets a test stop a run midway. */
export async function aggregateCommunity(ctx: TimerCtx, c: { _id: string; streetId: string }, afterDay?: (day: string) => void): Promise<Ran> {
  const started = ctx.now()
  const state = await getOrNull<{ lastRun: number }>(ctx.db, KPI_STATE, c._id)
  const since = state ? state.lastRun - MARGIN_MS : -1
  const changed = await allBy<{ _id: string; createdAt: number }>(
    ctx.db,
    { collection: ORDERS, where: { communityId: c._id, updatedAt: ctx.db.command.gt(since) }, key: '_id', dir: 'asc', fields: { createdAt: true } },
    { batch: CHANGED_BATCH },
  )
  const days = [...new Set(changed.items.map((o) => chinaDay(o.createdAt)))].sort()
  let orders = 0
  for (const day of days) {
    const [from, to] = dayRange(day)
    const items = await ordersCreated(ctx.db, [c._id], from, to)
    orders += items.length
    const doc = { communityId: c._id, streetId: c.streetId, day, month: day.slice(0, 7), version: DEFINITIONS_VERSION, ...aggregateOf(items) }
    await ctx.db.collection(KPI_DAYS).doc(dayId(c._id, day)).set({ data: doc })
    afterDay?.(day)
  }
  const months = [...new Set(days.map((d) => d.slice(0, 7)))]
  for (const month of months) {
    const doc = monthDocOf(c, month, await dayDocs(ctx.db, [c._id], month))
    await ctx.db.collection(KPI_MONTHS).doc(monthId(c._id, month)).set({ data: doc })
  }
  await ctx.db.collection(KPI_STATE).doc(c._id).set({ data: { communityId: c._id, lastRun: started } })
  return { days: days.length, months: months.length, orders }
}

/** Every community (the timer), or the one an admin acts in. */
export async function runAggregate(ctx: TimerCtx, communityId?: string): Promise<Ran> {
  const where = communityId ? { _id: communityId } : {}
  const communities = await rows<{ _id: string; streetId: string }>(ctx.db.collection(COMMUNITY).where(where).field({ streetId: true }).limit(1000))
  const total: Ran = { days: 0, months: 0, orders: 0 }
  for (const c of communities) {
    const r = await aggregateCommunity(ctx, c)
    total.days += r.days
    total.months += r.months
    total.orders += r.orders
  }
  return total
}

export const aggregate: Handler<(typeof kpisFn)['aggregate']> = (ctx) => runAggregate(ctx, mustPlace(ctx.caller).communityId)
