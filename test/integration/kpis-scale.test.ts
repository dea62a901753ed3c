/**
 * The KPI loop with more orders than one query returns, through the real SDK: a street of its own
 * (written straight into the database) whose first community has 2,600 orders over seven months
 * (1,100 of them last month) and its second 400 last month, lived through the state machine
 * (scripts/bench/kpis/history.ts, the benchmark's generator) and written straight into the orders
 * collection; counted by the timer's code, shown by the dashboard — which must equal dashboardOf
 * over the raw orders of each month — and opened figure by figure.
 */
import { chinaDay, chinaMonth, DAY_MS } from '../../core/china-time'
import { KPI_DAYS, KPI_MONTHS } from '../../core/collections'
import { aggregateOf, storedFactsOf, triageHoursOf } from '../../core/kpis/cells'
import { FIGURES, kpisFn, type DashboardView } from '../../core/kpis/contract'
import { factsOf } from '../../core/kpis/facts'
import { isBehind } from '../../core/kpis/figures'
import { dashboardOf } from '../../core/kpis/dashboard'
import { CATEGORY_LABELS, type Category } from '../../core/orders/categories'
import type { Order } from '../../core/orders/model'
import { withKeys } from '../../core/orders/keys'
import { aggregateCommunity } from '../../cloudfunctions/kpis/actions/aggregate'
import { monthDocOf } from '../../cloudfunctions/kpis/months'
import { dayId, monthId, type DayDoc } from '../../cloudfunctions/kpis/store'
import { shiftMonth } from '../../core/kpis/vocab'
import { creationTimes, historyMaker, type Place } from '../../scripts/bench/kpis/history'
import { prng } from '../../scripts/bench/lib/prng'
import { okAs, sdkCloud, sdkDb } from '../support/call'
import { otherStreet, type OtherStreet } from '../support/communities'

const ORDERS = 1500
const DAYS = 200
/** Last month gets this many more; its orders answered at all are answered in time: 没按时响应 is rare. */
const LAST_MONTH = 1100
/** The street's second community: orders of last month only. */
const SECOND = 400

describe('kpis at scale: more orders than one query returns', () => {
  let s: OtherStreet
  let second: { communityId: string; gridId: string; buildingId: string }
  const made: Order[] = []
  const timerCtx = () => ({ db: sdkDb(), cloud: sdkCloud(), now: () => Date.now(), log: () => undefined })
  const ofFirst = () => made.filter((o) => o.communityId === s.communityId)

  beforeAll(async () => {
    s = await otherStreet()
    second = { communityId: `${s.communityId}-b`, gridId: `${s.gridId}-b`, buildingId: `${s.buildingId}-b` }
    const put = (collection: string, id: string, data: object) => sdkDb().collection(collection).doc(id).set({ data })
    await put('community', second.communityId, { name: '远方二社区', streetId: s.streetId, communityId: second.communityId, order: 2 })
    await put('grids', second.gridId, { communityId: second.communityId, name: '远方二网格', order: 1 })
    await put('buildings', second.buildingId, { communityId: second.communityId, gridId: second.gridId, name: '2号楼', order: 1, unitCount: 2 })
    const now = Date.now()
    const rnd = prng(1414)
    const placeOf = (communityId: string, b: { _id: string; name: string; gridId: string }): Place => ({ communityId, streetId: s.streetId, buildings: [b], staffOf: () => `${b.gridId}-staff`, admin: `${communityId}-admin` })
    const first = placeOf(s.communityId, { _id: s.buildingId, name: '1号楼', gridId: s.gridId })
    const other = placeOf(second.communityId, { _id: second.buildingId, name: '2号楼', gridId: second.gridId })
    const live = historyMaker(now, rnd)
    const { start, end } = chinaMonth(now, -1)
    const lastMonth = (n: number) => creationTimes(end - 3_600_000, Math.round((end - start) / DAY_MS), n, rnd)
    // the last one a minute ago: today has orders, whatever the hour
    const times = [...creationTimes(now, DAYS, ORDERS - 1, rnd), now - 60_000, ...lastMonth(LAST_MONTH)]
    // last month's answered orders were answered in time, and two in three of those nobody answered are not late yet: 没按时响应 is rare
    let unanswered = 0
    const inTime = (o: Order) => {
      if (o.createdAt < start || o.createdAt >= end) return o
      if (factsOf(o, triageHoursOf(o)).response === null && unanswered++ % 3 === 0) return o
      return withKeys({ ...o, respondBy: o.createdAt + 365 * DAY_MS })
    }
    made.push(...times.map((at) => inTime(live(first, at).order)), ...lastMonth(SECOND).map((at) => inTime(live(other, at).order)))
    for (let i = 0; i < made.length; i += 100) {
      await Promise.all(made.slice(i, i + 100).map(({ _id, ...o }) => sdkDb().collection('orders').doc(_id).set({ data: o })))
    }
  }, 120_000)

  it('the timer counts the day of every changed order, past the first thousand', async () => {
    const ran = await aggregateCommunity(timerCtx(), { _id: s.communityId, streetId: s.streetId })
    const days = new Set(ofFirst().map((o) => chinaDay(o.createdAt)))
    expect(ran).toMatchObject({ days: days.size, orders: ofFirst().length })
    const { data } = await sdkDb().collection(KPI_DAYS).where({ communityId: s.communityId }).limit(1000).get()
    expect(data.map((d: { day: string }) => d.day).sort()).toEqual([...days].sort())
    expect(data.reduce((n: number, d: { orders: number }) => n + d.orders, 0)).toBe(ofFirst().length)
    expect(Math.min(...made.map((o) => o.createdAt))).toBeLessThan(Date.now() - (DAYS - 2) * DAY_MS)
    await aggregateCommunity(timerCtx(), { _id: second.communityId, streetId: s.streetId })
  })

  /** The dashboard the street admin should see: dashboardOf over each month's raw orders, summed in one go. */
  const expected = (month: string, asOf: number) => {
    const months = [-5, -4, -3, -2, -1, 0].map((k) => shiftMonth(month, k))
    const communities = [s.communityId, second.communityId]
    const aggregates = new Map(communities.flatMap((c) => months.map((m) => [`${c}:${m}`, aggregateOf(made.filter((o) => o.communityId === c && chinaMonth(o.createdAt).key === m).map(storedFactsOf))] as const)))
    return dashboardOf({
      month,
      months,
      baseline: [-3, -2, -1].map((k) => shiftMonth(month, k)),
      level: 'street',
      now: asOf,
      aggregates,
      communities: [
        { id: s.communityId, name: '远方社区' },
        { id: second.communityId, name: '远方二社区' },
      ],
      grids: [
        { id: s.gridId, name: '远方网格', communityId: s.communityId },
        { id: second.gridId, name: '远方二网格', communityId: second.communityId },
      ],
      categoryLabel: (c) => CATEGORY_LABELS[c as Category] ?? c,
      buildingName: (b) => ({ [s.buildingId]: '1号楼', [second.buildingId]: '2号楼' })[b] ?? b,
    })
  }
  /** Rows that tie (same count) may come in another order when the cells were summed in another order. */
  const canonical = (v: DashboardView) => ({
    ...v,
    categories: [...v.categories].sort((a, b) => b.collected - a.collected || a.category.localeCompare(b.category)),
    hotspots: [...v.hotspots].sort((a, b) => b.count - b.usual - (a.count - a.usual) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id)),
  })
  const thisMonth = () => chinaMonth(Date.now()).key
  const lastMonth = () => chinaMonth(Date.now(), -1).key

  it('the dashboard, read from one document per month, equals dashboardOf over the raw orders of every month', async () => {
    const now = await okAs(s.admin, kpisFn.dashboard, {})
    expect(now.totals.collected).toBeGreaterThan(0)
    expect(canonical(now)).toEqual(canonical(expected(thisMonth(), now.asOf)))
    const before = await okAs(s.admin, kpisFn.dashboard, { month: lastMonth() })
    expect(before.months.filter((m) => m.collected > 0)).toHaveLength(6)
    expect(canonical(before)).toEqual(canonical(expected(lastMonth(), before.asOf)))
  })

  it('before the timer has counted anything of today, this month is its stored days and today live', async () => {
    // as in the morning before the first run of the day: today's day document not yet written
    const today = chinaDay(Date.now())
    await sdkDb().collection(KPI_DAYS).doc(dayId(s.communityId, today)).remove()
    const { data: days } = await sdkDb().collection(KPI_DAYS).where({ communityId: s.communityId, month: thisMonth() }).limit(100).get()
    const doc = monthDocOf({ _id: s.communityId, streetId: s.streetId }, thisMonth(), days as DayDoc[])
    expect((doc.lastDay ?? '') < today).toBe(true)
    await sdkDb().collection(KPI_MONTHS).doc(monthId(s.communityId, thisMonth())).set({ data: doc })
    const now = await okAs(s.admin, kpisFn.dashboard, {})
    expect(canonical(now)).toEqual(canonical(expected(thisMonth(), now.asOf)))
  })

  it('month documents written before they kept their trend and last day are read the old way, to the same figures', async () => {
    const _ = sdkDb().command
    const ours = { communityId: _.in([s.communityId, second.communityId]) }
    await sdkDb().collection(KPI_MONTHS).where(ours).update({ data: { trend: _.remove(), view: _.remove(), lastDay: _.remove(), beforeLastDay: _.remove() } })
    const { data } = await sdkDb().collection(KPI_MONTHS).where(ours).limit(100).get()
    expect(data.length).toBeGreaterThan(6)
    expect(data.filter((d: Record<string, unknown>) => 'trend' in d || 'view' in d || 'lastDay' in d)).toEqual([])
    const now = await okAs(s.admin, kpisFn.dashboard, {})
    expect(canonical(now)).toEqual(canonical(expected(thisMonth(), now.asOf)))
    const before = await okAs(s.admin, kpisFn.dashboard, { month: lastMonth() })
    expect(canonical(before)).toEqual(canonical(expected(lastMonth(), before.asOf)))
  })

  it('every figure opens exactly the orders behind it, page after page, over both communities; a rare one a few batches a call', async () => {
    const month = lastMonth()
    const cohort = made.filter((o) => chinaMonth(o.createdAt).key === month)
    expect(cohort.length).toBeGreaterThan(LAST_MONTH + SECOND)
    let short = 0
    for (const figure of FIGURES) {
      const seen: string[] = []
      for (let cursor: string | undefined, n = 0; ; n++) {
        expect(n).toBeLessThan(100)
        const page = await okAs(s.admin, kpisFn.orders, { figure, month, limit: 20, cursor })
        seen.push(...page.items.map((o) => o._id))
        if (!page.next) break
        if (page.items.length < 20) short++
        cursor = page.next
      }
      const want = cohort.filter((o) => isBehind(figure, factsOf(o, triageHoursOf(o)), Date.now())).map((o) => o._id)
      expect({ figure, ids: seen.sort() }).toEqual({ figure, ids: want.sort() })
    }
    const late = cohort.filter((o) => isBehind('late_answer', factsOf(o, triageHoursOf(o)), Date.now())).length
    // 没按时响应 has nothing the database can rule out: its few (far fewer than a page in what one call reads) come over several calls
    expect(late).toBeGreaterThan(0)
    expect(late).toBeLessThan(cohort.length / 40)
    expect(short).toBeGreaterThan(0)
  })
})

