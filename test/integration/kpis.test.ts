/**
 * The numbers, end to end through the real SDK: a grid's orders played through the functions (every
 * kind of history: served and rated, confirmed by the timer, withdrawn, cancelled after dispatch,
 * reopened, escalated and closed, referred, rejected, released, overdue, left waiting, ordered by the
 * 网格员 for a neighbour), spread over the month's days, aggregated by the timer; every dashboard figure
 * is compared with the same figure computed from the raw orders by a second implementation written
 * here from docs/kpis.md; aggregating again, and after a run that died midway, gives the same numbers.
 */
import { parse } from 'csv-parse/sync'
import { chinaDay, chinaMonth, chinaParts, DAY_MS } from '../../core/china-time'
import { KPI_DAYS, KPI_STATE } from '../../core/collections'
import { kpisFn } from '../../core/kpis/contract'
import { orders } from '../../core/orders/contract'
import { withKeys } from '../../core/orders/keys'
import type { Order } from '../../core/orders/model'
import { PERSONAS } from '../../core/demo/personas'
import { aggregateCommunity } from '../../cloudfunctions/kpis/actions/aggregate'
import { callAs, sdkCloud, sdkDb } from '../support/call'
import { newGrid, newResident } from '../support/people'
import { HP } from '../support/communities'
import { ensureLedgerCollections, makeUsers, newOrder, okAs, P } from './orders-support'

type Raw = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const H = 3_600_000
const COMMUNITY = 'xingfuli'

/** The second implementation: each figure straight from docs/kpis.md over raw orders. */
const STAFF_STEPS = ['PUBLISH', 'ASSIGN', 'ESCALATE', 'REFER', 'REJECT']
const firstStaff = (o: Raw) => o.timeline.find((e: Raw) => STAFF_STEPS.includes(e.event))
const withdrawn = (o: Raw) => o.status === 'cancelled' && !firstStaff(o)
const solved = (o: Raw) => o.status === 'confirmed' || (o.status === 'closed' && o.triage?.kind === 'big' && o.check?.answer === 'solved')
const has = (o: Raw, ev: string) => o.timeline.filter((e: Raw) => e.event === ev).length
function independent(all: Raw[], now: number) {
  const c = all.filter((o) => !withdrawn(o))
  const answered = c.filter(firstStaff)
  const inTime = answered.filter((o) => firstStaff(o).at <= o.respondBy)
  const notYetDue = c.filter((o) => !firstStaff(o) && o.respondBy > now)
  const rated = c.filter((o) => o.rating)
  const confirmed = c.filter((o) => o.status === 'confirmed')
  const checks = c.filter((o) => o.check?.answer)
  const pair = (num: number, den: number) => ({ num, den, value: den ? num / den : null })
  return {
    collected: c.length,
    withdrawn: all.length - c.length,
    solveRate: pair(c.filter(solved).length, c.length),
    responseRate: pair(inTime.length, c.length - notYetDue.length),
    satisfaction: pair(rated.filter((o) => o.rating.stars >= 4).length, rated.length),
    participation: pair(rated.length, confirmed.length),
    solvedByTimer: pair(confirmed.filter((o) => [...o.timeline].reverse().find((e: Raw) => e.event === 'CONFIRM' || e.event === 'AUTO_CONFIRM').event === 'AUTO_CONFIRM').length, c.filter(solved).length),
    overdueRate: pair(c.filter((o) => has(o, 'MARK_OVERDUE')).length, c.length),
    redoRate: pair(c.filter((o) => o.reopenCount > 0).length, c.filter((o) => has(o, 'REPORT_DONE')).length),
    releaseRate: pair(c.reduce((s, o) => s + has(o, 'RELEASE'), 0), c.reduce((s, o) => s + has(o, 'ACCEPT'), 0)),
    residentSolved: pair(checks.filter((o) => o.check.answer === 'solved').length, checks.length),
    bySource: { self: c.filter((o) => o.source === 'self').length, staff: c.filter((o) => o.source === 'staff').length },
    byStatus: Object.fromEntries([...new Set(all.map((o) => o.status))].map((s) => [s, all.filter((o) => o.status === s).length])),
  }
}

describe('kpis: a grid\'s month, aggregated and checked against the raw orders', () => {
  let grid: Awaited<ReturnType<typeof newGrid>>
  const ids: string[] = []
  const raw = async (): Promise<Raw[]> => {
    const found: Raw[] = []
    for (let i = 0; i < ids.length; i += 100) found.push(...(await sdkDb().collection('orders').where({ _id: sdkDb().command.in(ids.slice(i, i + 100)) }).limit(100).get()).data)
    return found
  }
  const dashboard = () => okAs(grid.staff, kpisFn.dashboard, {})
  /** The admin's run; while another run of the community is under way (the fuzz suite's, say), again. */
  const aggregate = async () => {
    for (let i = 0; i < 100; i++) {
      const r = await okAs(P.admin, kpisFn.aggregate, {})
      if (!r.busy) return r
      await new Promise((ok) => setTimeout(ok, 300))
    }
    throw new Error('the community\'s run stayed busy')
  }
  const timerCtx = () => ({ db: sdkDb(), cloud: sdkCloud(), now: () => Date.now(), log: () => undefined })
  const ourCells = async () => {
    const docs = (await sdkDb().collection(KPI_DAYS).where({ communityId: COMMUNITY, month: chinaMonth(Date.now()).key }).limit(1000).get()).data as Raw[]
    return Object.fromEntries(docs.map((d) => [d.day, Object.fromEntries(Object.entries(d.cells).filter(([k]) => k.startsWith(`${grid.gridId}|`)))]))
  }

  beforeAll(async () => {
    await ensureLedgerCollections()
    grid = await newGrid('kpi')
    const people = await Promise.all(Array.from({ length: 4 }, () => newResident({ buildingId: grid.buildingId })))
    const [v1, v2] = await makeUsers(2, { prefix: 'kpi-v', buildingId: grid.buildingId, gridId: grid.gridId, volunteer: { skills: ['repair_pipe', 'elder_meals'] } })
    const staff = grid.staff
    const who = (i: number) => people[i % people.length].openid
    const add = async (i: number, over: Parameters<typeof newOrder>[1] = {}, by = who(i)) => {
      const o = await newOrder(by, { buildingId: grid.buildingId, unitId: `${grid.buildingId}-1`, ...over })
      ids.push(o._id)
      return o._id
    }
    const serve = async (id: string, v = v1) => {
      await okAs(staff, orders.publish, { orderId: id, points: 5 })
      await okAs(v, orders.accept, { orderId: id })
      await okAs(v, orders.reportDone, { orderId: id, note: '好了' })
    }
    const owner = async (id: string) => (await sdkDb().collection('orders').doc(id).get()).data.residentId as string
    // served and rated 5, 5, 4, 3, 2; one confirmed without a rating
    for (const [i, stars] of [5, 5, 4, 3, 2].entries()) {
      const id = await add(i)
      await serve(id)
      await okAs(await owner(id), orders.confirm, { orderId: id, stars })
    }
    const unrated = await add(5)
    await serve(unrated, v2)
    await okAs(await owner(unrated), orders.confirm, { orderId: unrated })
    // withdrawn before anyone acted; cancelled after dispatch
    await okAs(who(6), orders.cancel, { orderId: await add(6) })
    const late = await add(7)
    await okAs(staff, orders.publish, { orderId: late })
    await okAs(who(7), orders.cancel, { orderId: late })
    // reopened: confirmed, then not solved after all
    const redo = await add(8)
    await serve(redo)
    await okAs(await owner(redo), orders.confirm, { orderId: redo, stars: 4 })
    await okAs(await owner(redo), orders.reopen, { orderId: redo, reason: '又漏了' })
    // escalated and closed; referred; rejected
    const big = await add(9, { category: 'other', description: '楼道灯坏了一排，晚上看不见' })
    await okAs(staff, orders.escalate, { orderId: big, department: '物业', note: '需要协调' })
    await okAs(staff, orders.close, { orderId: big, note: '已修好' })
    await okAs(staff, orders.refer, { orderId: await add(10), guidance: '请联系物业' })
    await okAs(staff, orders.reject, { orderId: await add(11), reason: '重复提交' })
    // released by one volunteer, taken by another, left in service
    const released = await add(12)
    await okAs(staff, orders.publish, { orderId: released, points: 5 })
    await okAs(v1, orders.accept, { orderId: released })
    await okAs(v1, orders.release, { orderId: released, reason: '临时有事' })
    await okAs(v2, orders.accept, { orderId: released })
    // done and left for the timer to confirm
    const timer = await add(13)
    await serve(timer)
    await sdkDb().collection('orders').doc(timer).update({ data: { doneAt: Date.now() - 73 * H } })
    // overdue before dispatch, then dispatched late; and two left waiting (one due, one not yet)
    const overdue = await add(14)
    await sdkDb().collection('orders').doc(overdue).update({ data: { dueAt: Date.now() - H } })
    await okAs(P.admin, orders.tick, {})
    await okAs(staff, orders.publish, { orderId: overdue, points: 5 })
    await add(15)
    const waitingDue = await add(16)
    // ordered by the 网格员 for a neighbour
    await add(17, { onBehalfOf: { name: '甄奶奶', buildingId: grid.buildingId } }, staff)
    // spread over the month's days (within this China month): every time of an order moves back together
    const back = Math.min(3, chinaParts(Date.now()).d - 1)
    for (const [k, id] of ids.entries()) {
      const shift = (k % (back + 1)) * DAY_MS
      const o = (await sdkDb().collection('orders').doc(id).get()).data
      const moved = (t: number | null) => (t === null || t === undefined ? t : t - shift)
      const movedBack = {
        ...o,
        createdAt: moved(o.createdAt), updatedAt: Date.now(), stageSince: moved(o.stageSince), respondBy: id === waitingDue ? Date.now() - H : moved(o.respondBy),
        dueAt: moved(o.dueAt), doneAt: moved(o.doneAt), confirmedAt: moved(o.confirmedAt), timeline: o.timeline.map((e: Raw) => ({ ...e, at: e.at - shift })),
      }
      // with the keys and facts the functions derive from it, as every write of an order has
      const { _id, ...data } = withKeys(movedBack as Order)
      await sdkDb().collection('orders').doc(_id).set({ data })
    }
    await aggregate()
  }, 120_000)

  it('the dashboard of the grid\'s 网格员 equals the figures computed from the raw orders', async () => {
    const d = await dashboard()
    const want = independent(await raw(), d.asOf)
    // the script played as meant: 17 collected (1 withdrawn apart), 7 solved (one by the timer), 1 release, 1 overdue, 1 reopened
    expect([want.collected, want.withdrawn, want.solveRate.num, want.solvedByTimer.num, want.releaseRate.num, want.overdueRate.num, want.redoRate.num]).toEqual([17, 1, 7, 1, 1, 1, 1])
    expect(want.bySource).toEqual({ self: 16, staff: 1 })
    for (const k of ['collected', 'withdrawn', 'solveRate', 'responseRate', 'satisfaction', 'participation', 'solvedByTimer', 'overdueRate', 'redoRate', 'releaseRate', 'residentSolved'] as const) {
      expect({ [k]: d.totals[k] }).toEqual({ [k]: want[k] })
    }
    expect(d.totals.bySource).toMatchObject(want.bySource)
    expect(d.level).toBe('grid')
    expect(d.units.map((u) => [u.id, u.figures.collected])).toEqual([[grid.gridId, 17]])
    const statuses: Record<string, number> = {}
    for (const c of d.categories) for (const [s, n] of Object.entries(c.byStatus)) if (n) statuses[s] = (statuses[s] ?? 0) + n
    expect(statuses).toEqual(want.byStatus)
    expect(d.months.at(-1)).toEqual({ month: chinaMonth(Date.now()).key, collected: 17, solved: want.solveRate.num, solveRate: want.solveRate.value })
    expect(d.responseHist.counts.reduce((a, b) => a + b, 0)).toBe(want.responseRate.num + (await raw()).filter((o) => !withdrawn(o) && firstStaff(o) && firstStaff(o).at > o.respondBy).length)
  })

  it('a figure opens the orders behind it, the same ones the raw orders say', async () => {
    const all = await raw()
    const behind = async (figure: 'solved' | 'withdrawn' | 'collected' | 'reopened' | 'late_answer') => (await okAs(grid.staff, kpisFn.orders, { figure, limit: 50 })).items.map((o) => o._id).sort()
    expect(await behind('solved')).toEqual(all.filter((o) => !withdrawn(o) && solved(o)).map((o) => o._id).sort())
    expect(await behind('withdrawn')).toEqual(all.filter(withdrawn).map((o) => o._id).sort())
    expect(await behind('collected')).toHaveLength(17)
    expect(await behind('reopened')).toEqual(all.filter((o) => o.reopenCount > 0).map((o) => o._id).sort())
    // not answered in time: late ones and waiting ones past their deadline — the denominator of 响应率 less its numerator
    const late = (await okAs(grid.staff, kpisFn.orders, { figure: 'late_answer', limit: 50 })).items.length
    const rate = (await dashboard()).totals.responseRate
    expect(late).toBe(rate.den - rate.num)
    const paged: string[] = []
    for (let cursor: string | undefined, n = 0; n < 10; n++) {
      const page = await okAs(grid.staff, kpisFn.orders, { figure: 'collected', limit: 4, cursor })
      paged.push(...page.items.map((o) => o._id))
      if (!page.next) break
      cursor = page.next
    }
    expect(paged.sort()).toEqual(await behind('collected'))
  })

  it('aggregating again writes the same numbers, and a run that died midway is finished by the next', async () => {
    const before = await ourCells()
    expect(Object.keys(before).length).toBeGreaterThan(0)
    await aggregate()
    expect(await ourCells()).toEqual(before)
    // an order changes (a rating), then a run dies after its first day: its progress is not recorded
    const rated = (await raw()).find((o) => o.status === 'confirmed' && !o.rating)!
    await okAs(rated.residentId, orders.rate, { orderId: rated._id, stars: 1 })
    const community = { _id: COMMUNITY, streetId: (await sdkDb().collection('community').doc(COMMUNITY).get()).data.streetId }
    const stateBefore = (await sdkDb().collection(KPI_STATE).doc(COMMUNITY).get()).data.lastRun
    await expect(aggregateCommunity(timerCtx(), community, () => { throw new Error('killed') })).rejects.toThrow('killed')
    expect((await sdkDb().collection(KPI_STATE).doc(COMMUNITY).get()).data.lastRun).toBe(stateBefore)
    await aggregateCommunity(timerCtx(), community)
    const d = await dashboard()
    expect(d.totals.satisfaction).toEqual(independent(await raw(), d.asOf).satisfaction)
    const settled = await ourCells()
    await aggregate()
    expect(await ourCells()).toEqual(settled)
  })

  it('exports: the figures with how each is counted, and one row per order behind a figure with the phone masked', async () => {
    const figures = await okAs(grid.staff, kpisFn.export, { what: 'figures' })
    const table = parse(figures.csv, { bom: true }) as string[][]
    expect(table[0]).toEqual(['范围', '指标', '数值', '分子', '分母或n', '口径说明', '排名'])
    const solve = table.find((r) => r[1] === '解决率（%）')!
    const want = independent(await raw(), Date.now())
    expect([solve[3], solve[4]]).toEqual([String(want.solveRate.num), String(want.solveRate.den)])
    expect(solve[5]).toContain('÷ 收集')
    const list = await okAs(grid.staff, kpisFn.export, { what: 'orders', figure: 'collected' })
    const rows = parse(list.csv, { bom: true }) as string[][]
    expect(rows[0].slice(0, 3)).toEqual(['单号', '网格', '楼栋'])
    expect(list.rows).toBe(rows.length - 1)
    expect(list.rows).toBe(want.collected)
    const phones = rows.slice(1).map((r) => r[rows[0].indexOf('联系电话')])
    expect(phones.every((p) => /^\d{3}\*{4}\d{4}$/.test(p))).toBe(true)
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual((await raw()).filter((o) => !withdrawn(o)).map((o) => o.no).sort())
  })

  it('two runs of one community at once: one counts, the other finds it busy and writes nothing', async () => {
    const community = { _id: COMMUNITY, streetId: (await sdkDb().collection('community').doc(COMMUNITY).get()).data.streetId }
    let runs: { busy: boolean }[] = []
    for (let i = 0; i < 20 && !runs.some((r) => r.busy); i++) runs = await Promise.all([aggregateCommunity(timerCtx(), community), aggregateCommunity(timerCtx(), community)])
    expect(runs.map((r) => r.busy).sort()).toEqual([false, true])
  })

  it('today is counted live: an order made now shows before the timer runs', async () => {
    const before = (await dashboard()).totals.collected
    const o = await newOrder((await newResident({ buildingId: grid.buildingId })).openid, { buildingId: grid.buildingId, unitId: `${grid.buildingId}-1` })
    ids.push(o._id)
    expect((await dashboard()).totals.collected).toBe(before + 1)
    expect(chinaDay(o.createdAt)).toBe(chinaDay(Date.now()))
  })

  it('scope: another grid\'s 网格员 sees nothing of it, the admin sees it among the grids, 和平 is refused', async () => {
    const zhang = await okAs(P.zhang, kpisFn.dashboard, {})
    expect(zhang.units.map((u) => u.id)).toEqual(['g1'])
    const asked = await callAs(P.zhang, kpisFn.dashboard, { gridId: grid.gridId })
    expect(asked.ok ? 'ok' : asked.error.code).toBe('FORBIDDEN')
    const admin = await okAs(P.admin, kpisFn.dashboard, {})
    expect(admin.level).toBe('community')
    expect(admin.units.find((u) => u.id === grid.gridId)?.figures.collected).toBe((await dashboard()).totals.collected)
    const hp = await callAs(HP.admin, kpisFn.dashboard, { communityId: COMMUNITY })
    expect(hp.ok ? 'ok' : hp.error.code).toBe('OTHER_COMMUNITY')
    const street = await okAs(PERSONAS.streetAdmin.openid, kpisFn.dashboard, {})
    expect(street.level).toBe('street')
    expect(street.units.map((u) => u.id).sort()).toEqual(expect.arrayContaining([COMMUNITY, 'heping']))
    const resident = await callAs(P.wang, kpisFn.dashboard, {})
    expect(resident.ok ? 'ok' : resident.error.code).toBe('FORBIDDEN')
  })

  it('a month that is over can be frozen as 报送版, once: freezing again returns the same report', async () => {
    const now = chinaMonth(Date.now()).key
    const notOver = await callAs(P.admin, kpisFn.freeze, { month: now })
    expect(notOver.ok ? 'ok' : notOver.error.code).toBe('MONTH_NOT_OVER')
    const last = chinaMonth(Date.now(), -1).key
    const first = await okAs(P.admin, kpisFn.freeze, { month: last })
    expect(first).toMatchObject({ month: last, level: 'community', scopeId: COMMUNITY, definitionsVersion: 1 })
    const again = await okAs(P.admin, kpisFn.freeze, { month: last })
    expect(again).toEqual(first)
    expect(await okAs(P.zhang, kpisFn.report, { month: last })).toEqual(first)
    const staffFreeze = await callAs(P.zhang, kpisFn.freeze, { month: last })
    expect(staffFreeze.ok ? 'ok' : staffFreeze.error.code).toBe('FORBIDDEN')
  })
})
