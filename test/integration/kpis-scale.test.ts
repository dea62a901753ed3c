/**
 * The KPI loop with more orders than one query returns, through the real SDK: a community of its own
 * (another street, written straight into the database) with 1,500 orders over seven months, lived
 * through the state machine (scripts/bench/kpis/history.ts, the benchmark's generator) and written
 * straight into the orders collection, then counted by the timer's code and shown by the dashboard,
 * which must equal dashboardOf over the raw orders of each month.
 */
import { chinaDay, chinaMonth, DAY_MS } from '../../core/china-time'
import { KPI_DAYS, KPI_MONTHS } from '../../core/collections'
import { aggregateOf } from '../../core/kpis/cells'
import { kpisFn } from '../../core/kpis/contract'
import { dashboardOf } from '../../core/kpis/dashboard'
import { CATEGORY_LABELS, type Category } from '../../core/orders/categories'
import type { Order } from '../../core/orders/model'
import { aggregateCommunity } from '../../cloudfunctions/kpis/actions/aggregate'
import { monthFrom } from '../../cloudfunctions/kpis/store'
import { creationTimes, historyMaker, type Place } from '../../scripts/bench/kpis/history'
import { prng } from '../../scripts/bench/lib/prng'
import { okAs, sdkCloud, sdkDb } from '../support/call'
import { otherStreet, type OtherStreet } from '../support/communities'

const ORDERS = 1500
const DAYS = 200

describe('kpis at scale: more orders than one query returns', () => {
  let s: OtherStreet
  const made: Order[] = []
  const timerCtx = () => ({ db: sdkDb(), cloud: sdkCloud(), now: () => Date.now(), log: () => undefined })

  beforeAll(async () => {
    s = await otherStreet()
    const now = Date.now()
    const rnd = prng(1414)
    const place: Place = { communityId: s.communityId, streetId: s.streetId, buildings: [{ _id: s.buildingId, name: '1号楼', gridId: s.gridId }], staffOf: () => `${s.gridId}-staff`, admin: `${s.communityId}-admin` }
    const live = historyMaker(now, rnd)
    // the last one a minute ago: today has orders, whatever the hour
    made.push(...[...creationTimes(now, DAYS, ORDERS - 1, rnd), now - 60_000].map((at) => live(place, at).order))
    for (let i = 0; i < made.length; i += 100) {
      await Promise.all(made.slice(i, i + 100).map(({ _id, ...o }) => sdkDb().collection('orders').doc(_id).set({ data: o })))
    }
  }, 120_000)

  it('the timer counts the day of every changed order, past the first thousand', async () => {
    const ran = await aggregateCommunity(timerCtx(), { _id: s.communityId, streetId: s.streetId })
    const days = new Set(made.map((o) => chinaDay(o.createdAt)))
    expect(ran).toMatchObject({ days: days.size, orders: ORDERS })
    const { data } = await sdkDb().collection(KPI_DAYS).where({ communityId: s.communityId }).limit(1000).get()
    expect(data.map((d: { day: string }) => d.day).sort()).toEqual([...days].sort())
    expect(data.reduce((n: number, d: { orders: number }) => n + d.orders, 0)).toBe(ORDERS)
    expect(Math.min(...made.map((o) => o.createdAt))).toBeLessThan(Date.now() - (DAYS - 2) * DAY_MS)
  })

  /** The dashboard the street admin should see: dashboardOf over each month's raw orders, summed in one go. */
  const expected = (month: string, asOf: number) => {
    const months = [-5, -4, -3, -2, -1, 0].map((k) => monthFrom(month, k))
    const aggregates = new Map(months.map((m) => [`${s.communityId}:${m}`, aggregateOf(made.filter((o) => chinaMonth(o.createdAt).key === m))]))
    return dashboardOf({
      month,
      months,
      baseline: [-3, -2, -1].map((k) => monthFrom(month, k)),
      level: 'street',
      now: asOf,
      aggregates,
      communities: [{ id: s.communityId, name: '远方社区' }],
      grids: [{ id: s.gridId, name: '远方网格', communityId: s.communityId }],
      categoryLabel: (c) => CATEGORY_LABELS[c as Category] ?? c,
      buildingName: (b) => (b === s.buildingId ? '1号楼' : b),
    })
  }
  const thisMonth = () => chinaMonth(Date.now()).key
  const lastMonth = () => chinaMonth(Date.now(), -1).key

  it('the dashboard, read from one document per month, equals dashboardOf over the raw orders of every month', async () => {
    const now = await okAs(s.admin, kpisFn.dashboard, {})
    expect(now.totals.collected).toBeGreaterThan(0)
    expect(now).toEqual(expected(thisMonth(), now.asOf))
    const before = await okAs(s.admin, kpisFn.dashboard, { month: lastMonth() })
    expect(before.months.filter((m) => m.collected > 0)).toHaveLength(6)
    expect(before).toEqual(expected(lastMonth(), before.asOf))
  })

  it('month documents written before they kept their trend and last day are read the old way, to the same figures', async () => {
    const _ = sdkDb().command
    await sdkDb().collection(KPI_MONTHS).where({ communityId: s.communityId }).update({ data: { trend: _.remove(), lastDay: _.remove(), beforeLastDay: _.remove() } })
    const { data } = await sdkDb().collection(KPI_MONTHS).where({ communityId: s.communityId }).limit(100).get()
    expect(data.filter((d: Record<string, unknown>) => 'trend' in d || 'lastDay' in d)).toEqual([])
    const now = await okAs(s.admin, kpisFn.dashboard, {})
    expect(now).toEqual(expected(thisMonth(), now.asOf))
    const before = await okAs(s.admin, kpisFn.dashboard, { month: lastMonth() })
    expect(before).toEqual(expected(lastMonth(), before.asOf))
  })
})
