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
import { getOrNull, rows, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { mustPlace } from '../../../server/community'
import { monthDocOf } from '../months'
import { COMMUNITY, dayDocs, dayId, dayRange, KPI_DAYS, KPI_MONTHS, KPI_STATE, monthId, ordersCreated, inSpan } from '../store'

/** Orders changed this long before the last run are read again: a transition in flight then may commit late. */
const MARGIN_MS = 10 * 60_000
/** One run per community at a time (the timer and an admin's run could overlap and write a stale day last); a run that died holds it this long at most (the function's time limit). */
const LEASE_MS = 60_000

interface Ran {
  days: number
  months: number
  orders: number
  /** Another run of the community was under way: this one did nothing. */
  busy: boolean
}

interface State {
  communityId: string
  lastRun: number
  runningUntil: number
}

/** Take the community's run, or null when another holds it. */
async function takeRun(ctx: TimerCtx, communityId: string): Promise<State | null> {
  return tx(ctx.db, async (t) => {
    const now = ctx.now()
    const state = await getOrNull<State>(t, KPI_STATE, communityId)
    if (state && state.runningUntil > now) return null
    const held = { communityId, lastRun: state?.lastRun ?? -1, runningUntil: now + LEASE_MS }
    await t.collection(KPI_STATE).doc(communityId).set({ data: held })
    return held
  })
}

/** Count one community's changed days and months again. `afterDay` lets a test stop a run midway. */
export async function aggregateCommunity(ctx: TimerCtx, c: { _id: string; streetId: string }, afterDay?: (day: string) => void): Promise<Ran> {
  const started = ctx.now()
  const state = await takeRun(ctx, c._id)
  if (!state) return { days: 0, months: 0, orders: 0, busy: true }
  try {
    const ran = await countAgain(ctx, c, state.lastRun < 0 ? -1 : state.lastRun - MARGIN_MS, afterDay)
    await ctx.db.collection(KPI_STATE).doc(c._id).set({ data: { communityId: c._id, lastRun: started, runningUntil: 0 } })
    return ran
  } catch (err) {
    // died midway: its progress is not recorded (the next run counts those days again); the run is free again
    await ctx.db.collection(KPI_STATE).doc(c._id).set({ data: { ...state, runningUntil: 0 } })
    throw err
  }
}

async function countAgain(ctx: TimerCtx, c: { _id: string; streetId: string }, since: number, afterDay?: (day: string) => void): Promise<Ran> {
  // updatedAt > since, in whole milliseconds
  const changed = await inSpan<{ _id: string; createdAt: number }>(ctx.db, { communityId: c._id, on: 'updatedAt', from: since + 1, to: Number.MAX_SAFE_INTEGER, fields: { createdAt: true } })
  const days = [...new Set(changed.map((o) => chinaDay(o.createdAt)))].sort()
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
  return { days: days.length, months: months.length, orders, busy: false }
}

/** Every community (the timer), or the one an admin acts in. */
export async function runAggregate(ctx: TimerCtx, communityId?: string): Promise<Ran> {
  const where = communityId ? { _id: communityId } : {}
  const communities = await rows<{ _id: string; streetId: string }>(ctx.db.collection(COMMUNITY).where(where).field({ streetId: true }).limit(1000))
  const total: Ran = { days: 0, months: 0, orders: 0, busy: false }
  for (const c of communities) {
    const r = await aggregateCommunity(ctx, c)
    total.days += r.days
    total.months += r.months
    total.orders += r.orders
    total.busy ||= r.busy
  }
  return total
}

export const aggregate: Handler<(typeof kpisFn)['aggregate']> = (ctx) => runAggregate(ctx, mustPlace(ctx.caller).communityId)
