/**
 * Staff find an order again after 派单: by stage (one tab per stage, each a cursor-paged query on a
 * declared index), and across stages by 单号, by the start of the served resident's name, by building.
 * Only in the caller's scope: a 网格员 their grids, an admin the community.
 */
import { orders } from '../../core/orders/contract'
import type { OrderStage } from '../../core/orders/vocab'
import type { OrderSummary } from '../../core/orders/schemas'
import { users } from '../../core/users/contract'
import { callAs, sdkDb } from '../support/call'
import { expectEachOnce, walkPages } from '../support/paging'
import { makeUsers, newOrder, okAs, P } from './orders-support'

/** A name no other test uses: two rare surnames and a random given name. */
const uniqueName = (surname: string) => surname + String.fromCharCode(0x4e00 + Math.floor(Math.random() * 0x5000), 0x4e00 + Math.floor(Math.random() * 0x5000))

type Input = { stage?: OrderStage | 'all'; gridId?: string; buildingId?: string; q?: string }
const list = (staff: string, input: Input) => walkPages((cursor) => okAs(staff, orders.staffOrders, { cursor, limit: 50, ...input }))
const ids = (rows: OrderSummary[]) => rows.map((o) => o._id)
/** Is the order in the tab (reads until it is found, or the whole tab)? */
const inTab = async (staff: string, stage: OrderStage | 'all', id: string) =>
  ids(await walkPages((cursor) => okAs(staff, orders.staffOrders, { cursor, limit: 50, stage }), { until: (seen) => seen.some((o) => o._id === id) })).includes(id)

describe('staff find orders by stage and by search', () => {
  let owner: string
  let volunteer: string
  const name = uniqueName('甄')

  beforeAll(async () => {
    ;[owner] = await makeUsers(1, { prefix: 'staff-lists', buildingId: 'b2' }) // grid g1 (张网格员)
    ;[volunteer] = await makeUsers(1, { prefix: 'staff-lists-v', buildingId: 'b2', volunteer: { skills: ['repair_pipe'] } })
    await sdkDb().collection('users').doc(owner).update({ data: { name } })
  })

  it('an order moves from tab to tab as it is served, and the 服务中 card names the volunteer', async () => {
    const { _id: id } = await newOrder(owner)
    const where = async () => (await okAs(P.zhang, orders.staffOrders, { q: name, limit: 50 })).items.find((o) => o._id === id)
    expect(await inTab(P.zhang, 'to_dispatch', id)).toBe(true)
    expect((await where())?.stage).toBe('to_dispatch')

    await okAs(P.zhang, orders.publish, { orderId: id, points: 10 })
    expect(await inTab(P.zhang, 'to_accept', id)).toBe(true)
    expect(await inTab(P.zhang, 'to_dispatch', id)).toBe(false)

    await okAs(volunteer, orders.accept, { orderId: id })
    const serving = (await list(P.zhang, { stage: 'serving' })).find((o) => o._id === id)
    expect(serving).toMatchObject({ status: 'accepted', stage: 'serving', volunteerName: '测试志愿者1' })
    expect(await inTab(P.zhang, 'to_accept', id)).toBe(false)

    await okAs(volunteer, orders.reportDone, { orderId: id, note: '疏通好了' })
    expect(await inTab(P.zhang, 'to_confirm', id)).toBe(true)
    await okAs(owner, orders.confirm, { orderId: id, stars: 5 })
    expect(await inTab(P.zhang, 'finished', id)).toBe(true)
    expect(await inTab(P.zhang, 'to_confirm', id)).toBe(false)
    expect(await inTab(P.zhang, 'all', id)).toBe(true)
    expect((await where())?.stage).toBe('finished')
  })

  it('上报中 holds the 大事 being followed up; 已完成 also holds the cancelled, rejected and referred ones', async () => {
    const [escalated, cancelled, rejected] = await Promise.all([newOrder(owner), newOrder(owner), newOrder(owner)])
    await okAs(P.zhang, orders.escalate, { orderId: escalated._id, department: '街道城管科', note: '需要协调' })
    await okAs(owner, orders.cancel, { orderId: cancelled._id })
    await okAs(P.zhang, orders.reject, { orderId: rejected._id, reason: '重复提交' })
    expect(await inTab(P.zhang, 'escalated', escalated._id)).toBe(true)
    const finished = await list(P.zhang, { stage: 'finished' })
    expect(finished.filter((o) => [cancelled._id, rejected._id].includes(o._id)).map((o) => o.status).sort()).toEqual(['cancelled', 'rejected'])
  })

  it('every tab lists newest first, except 待分派: overdue and reopened first, then the oldest', async () => {
    const all = await list(P.zhang, { stage: 'all' })
    expect(ids(all)).toEqual([...ids(all)].sort().reverse())
    const queue = await list(P.zhang, { stage: 'to_dispatch' })
    const rank = (o: OrderSummary) => (o.overdue ? 0 : o.reopenCount > 0 ? 1 : 2)
    expect(queue.map(rank)).toEqual([...queue.map(rank)].sort())
    expect(queue.every((o) => o.status === 'submitted' && o.gridId === 'g1')).toBe(true)
  })

  it('search finds by 单号 (any case), by the start of the name, by building — across stages', async () => {
    const mine = ids((await okAs(P.zhang, orders.staffOrders, { q: name, limit: 50 })).items)
    expect(mine.length).toBe(4)
    const [first] = mine
    const no = first.slice(-6)
    expect(ids((await okAs(P.zhang, orders.staffOrders, { q: no.toLowerCase(), limit: 50 })).items)).toEqual([first])
    expect(ids((await okAs(P.zhang, orders.staffOrders, { q: no.toUpperCase(), limit: 50 })).items)).toEqual([first])
    const byStart = ids(await list(P.zhang, { q: name.slice(0, 2) }))
    expect(mine.every((id) => byStart.includes(id))).toBe(true)
    const inB2 = await list(P.zhang, { buildingId: 'b2' })
    expect(mine.every((id) => ids(inB2).includes(id))).toBe(true)
    expect(inB2.every((o) => o.buildingId === 'b2')).toBe(true)
    expect(ids(inB2)).toEqual([...ids(inB2)].sort().reverse())
  })

  it('a name search pages past its first page: each order once, newest first within a name', async () => {
    const many = uniqueName('亓')
    const [neighbour] = await makeUsers(1, { prefix: 'staff-lists-many', buildingId: 'b2' })
    await sdkDb().collection('users').doc(neighbour).update({ data: { name: many } })
    const made: string[] = []
    for (let i = 0; i < 12; i++) made.push((await newOrder(neighbour))._id)
    const seen = await walkPages((cursor) => okAs(P.zhang, orders.staffOrders, { cursor, limit: 5, q: many }))
    expectEachOnce(ids(seen), made)
    expect(ids(seen)).toEqual([...made].reverse())
  })

  it('a 楼栋长\'s order for a neighbour is found by the neighbour\'s name, not the 楼栋长\'s', async () => {
    const neighbour = uniqueName('隗')
    const o = await newOrder(P.zhao, { onBehalfOf: { name: neighbour, buildingId: 'b3' } })
    expect(ids((await okAs(P.zhang, orders.staffOrders, { q: neighbour, limit: 50 })).items)).toEqual([o._id])
    // and it is counted as a 楼栋长's order, with the triage deadline it came in with
    const raw = (await sdkDb().collection('orders').doc(o._id).get()).data
    expect(raw).toMatchObject({ source: 'lead', respondBy: raw.createdAt + 24 * 3_600_000 })
    const zhaoName = (await sdkDb().collection('users').doc(P.zhao).get()).data.name
    expect(ids(await list(P.zhang, { q: zhaoName }))).not.toContain(o._id)
  })

  it('only in scope: another grid\'s 网格员 finds nothing of g1 and may not ask for it; the admin finds it', async () => {
    const q = { q: name, limit: 50 }
    expect((await okAs(P.chen, orders.staffOrders, q)).items).toEqual([])
    expect(ids(await list(P.chen, { buildingId: 'b2' }))).toEqual([])
    const asked = await callAs(P.chen, orders.staffOrders, { stage: 'all', gridId: 'g1', limit: 50 })
    expect(asked.ok ? 'ok' : asked.error.code).toBe('FORBIDDEN')
    expect((await okAs(P.admin, orders.staffOrders, q)).items.length).toBe(4)
    const resident = await callAs(P.wang, orders.staffOrders, q)
    expect(resident.ok ? 'ok' : resident.error.code).toBe('FORBIDDEN')
  })

  it('a 网格员 of two grids: one tab merges both grids, each order once across pages', async () => {
    const [both] = await makeUsers(1, { prefix: 'staff-lists-2g', buildingId: 'b2' })
    await okAs(P.admin, users.grantRole, { openid: both, role: 'staff', grids: ['g1', 'g2'] })
    const [g1, g2] = await Promise.all([newOrder(owner), newOrder(P.sun)])
    const seen = await walkPages((cursor) => okAs(both, orders.staffOrders, { cursor, limit: 7, stage: 'to_dispatch' }), { between: () => newOrder(owner), every: 3 })
    expectEachOnce(ids(seen), [g1._id, g2._id])
    expect(new Set(seen.map((o) => o.gridId))).toEqual(new Set(['g1', 'g2']))
    const keys = seen.map((o) => `${o.overdue ? 0 : o.reopenCount > 0 ? 1 : 2}${o._id}`)
    expect(keys).toEqual([...keys].sort())
  })
})
