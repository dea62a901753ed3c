/**
 * The KPI loop with more orders than one query returns, through the real SDK: a community of its own
 * (another street, written straight into the database) with 1,500 orders over seven months, lived
 * through the state machine (scripts/bench/kpis/history.ts, the benchmark's generator) and written
 * straight into the orders collection, then counted by the timer's code.
 */
import { chinaDay, DAY_MS } from '../../core/china-time'
import { KPI_DAYS } from '../../core/collections'
import type { Order } from '../../core/orders/model'
import { aggregateCommunity } from '../../cloudfunctions/kpis/actions/aggregate'
import { creationTimes, historyMaker, type Place } from '../../scripts/bench/kpis/history'
import { prng } from '../../scripts/bench/lib/prng'
import { sdkCloud, sdkDb } from '../support/call'
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
    made.push(...creationTimes(now, DAYS, ORDERS, rnd).map((at) => live(place, at).order))
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
})
