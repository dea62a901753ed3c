/**
 * Lists page correctly over 1,000 orders: walking every page gives each order exactly once, in
 * order, even while new orders arrive between pages (cursor over a unique key, never skip).
 */
import { orders } from '../../core/orders/contract'
import { inBatches } from '../support/fuzz'
import { sdkDb } from '../support/call'
import { allBy } from '../../server/paging'
import { expectEachOnce, walkPages } from '../support/paging'
import { makeUsers, newOrder, okAs } from './orders-support'

const N = 1000
const STAFF_G2 = 'demo-staff-chen'

describe('orders: paging over 1,000 orders', () => {
  let owner: string
  let created: string[]

  beforeAll(async () => {
    ;[owner] = await makeUsers(1, { prefix: 'pager', buildingId: 'b8' })
    created = await inBatches(Array.from({ length: N }), 20, async (_x, i) => (await newOrder(owner, { urgency: i % 3 === 0 ? 'urgent' : 'normal', description: `第${i}单` }))._id)
  }, 600_000)

  it('my orders: newest first, each exactly once, while new ones keep arriving', async () => {
    const seen = await walkPages((cursor) => okAs(owner, orders.mine, { cursor, limit: 37 }), { between: () => newOrder(owner), every: 5 })
    const ids = seen.map((o) => o._id)
    expectEachOnce(ids, created)
    expect(ids).toEqual([...ids].sort().reverse())
  })

  it('every row in pages of 1,000 asked for: the cloud returns at most 1,000 per get, yet none is lost', async () => {
    const { items } = await allBy<{ _id: string }>(sdkDb(), { collection: 'orders', where: { orderedBy: owner }, key: '_id', dir: 'asc' }, { batch: 1000 })
    expectEachOnce(items.map((o) => o._id), created)
    expect(items.length).toBeGreaterThan(1000)
  })

  it('triage queue of the grid: each new order once, in queue order', async () => {
    const seen = await walkPages((cursor) => okAs(STAFF_G2, orders.triageQueue, { cursor, limit: 50, gridId: 'g2' }))
    expectEachOnce(seen.map((o) => o._id), created)
  })

  it('staff tabs of the grid: 待分派 in queue order, 全部 newest first, each once, while new ones arrive', async () => {
    const queue = await walkPages((cursor) => okAs(STAFF_G2, orders.staffOrders, { cursor, limit: 50, stage: 'to_dispatch' }), { between: () => newOrder(owner), every: 5 })
    expectEachOnce(queue.map((o) => o._id), created)
    const all = await walkPages((cursor) => okAs(STAFF_G2, orders.staffOrders, { cursor, limit: 43, stage: 'all' }), { between: () => newOrder(owner), every: 5 })
    const ids = all.map((o) => o._id)
    expectEachOnce(ids, created)
    expect(ids).toEqual([...ids].sort().reverse())
    const inB8 = await walkPages((cursor) => okAs(STAFF_G2, orders.staffOrders, { cursor, limit: 50, buildingId: 'b8' }))
    expectEachOnce(inB8.map((o) => o._id), created)
  })

  it('the pool after publishing: urgent first, each once, filters applied', async () => {
    await inBatches(created, 20, (id) => okAs(STAFF_G2, orders.publish, { orderId: id }))
    const [volunteer] = await makeUsers(1, { prefix: 'pager-v', buildingId: 'b8', volunteer: { skills: ['repair_pipe'] } })
    const seen = await walkPages((cursor) => okAs(volunteer, orders.pool, { cursor, limit: 50, gridId: 'g2', category: 'repair_pipe' }))
    expectEachOnce(seen.map((o) => o._id), created)
    const firstNormal = seen.findIndex((o) => o.urgency === 'normal')
    expect(seen.slice(firstNormal).every((o) => o.urgency === 'normal')).toBe(true)
    expect(seen.every((o) => o.gridId === 'g2' && o.category === 'repair_pipe')).toBe(true)
    const urgentOnly = await walkPages((cursor) => okAs(volunteer, orders.pool, { cursor, limit: 50, urgency: 'urgent', gridId: 'g2' }))
    expect(urgentOnly.filter((o) => created.includes(o._id)).length).toBe(Math.ceil(N / 3))
  })

  it('after publishing, 待接单 holds each once and 待分派 none of them', async () => {
    const toAccept = await walkPages((cursor) => okAs(STAFF_G2, orders.staffOrders, { cursor, limit: 50, stage: 'to_accept' }))
    expectEachOnce(toAccept.map((o) => o._id), created)
    const queue = new Set((await walkPages((cursor) => okAs(STAFF_G2, orders.staffOrders, { cursor, limit: 50, stage: 'to_dispatch' }))).map((o) => o._id))
    expect(created.filter((id) => queue.has(id))).toEqual([])
  })

  it('the inbox after publishing: newest first, each notice once (their ids hold dots), while more arrive', async () => {
    const publishOne = async () => okAs(STAFF_G2, orders.publish, { orderId: (await newOrder(owner))._id })
    const seen = await walkPages((cursor) => okAs(owner, orders.inbox, { cursor, limit: 50 }), { between: publishOne, every: 5 })
    expectEachOnce(seen.map((n) => n._id), [])
    const dispatched = seen.filter((n) => n.kind === 'dispatched').map((n) => n.orderId!)
    expectEachOnce(dispatched, created)
    const times = seen.map((n) => n.at)
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })
})
