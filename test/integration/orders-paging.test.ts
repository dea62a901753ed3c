/**
 * Lists page correctly over 1,000 orders: walking every page gives each order exactly once, in
 * order, even while new orders arrive between pages (cursor over a unique key, never skip).
 */
import { orders } from '../../core/orders/contract'
import type { OrderSummary } from '../../core/orders/schemas'
import { inBatches } from '../support/fuzz'
import { makeUsers, newOrder, okAs } from './orders-support'

const N = 1000
const STAFF_G2 = 'demo-staff-chen'

async function walk(fetchPage: (cursor?: string) => Promise<{ items: OrderSummary[]; next: string | null }>, between?: () => Promise<void>) {
  const seen: OrderSummary[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 500; pages++) {
    const page = await fetchPage(cursor)
    seen.push(...page.items)
    if (!page.next) return seen
    cursor = page.next
    if (between && pages % 5 === 0) await between()
  }
  throw new Error('too many pages')
}

describe('orders: paging over 1,000 orders', () => {
  let owner: string
  let created: string[]

  beforeAll(async () => {
    ;[owner] = await makeUsers(1, { prefix: 'pager', buildingId: 'b8' })
    created = await inBatches(Array.from({ length: N }), 20, async (_x, i) => (await newOrder(owner, { urgency: i % 3 === 0 ? 'urgent' : 'normal', description: `第${i}单` }))._id)
  }, 600_000)

  it('my orders: newest first, each exactly once, while new ones keep arriving', async () => {
    const extra: string[] = []
    const seen = await walk(
      (cursor) => okAs(owner, orders.mine, { cursor, limit: 37 }),
      async () => void extra.push((await newOrder(owner))._id),
    )
    const ids = seen.map((o) => o._id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual([...ids].sort().reverse())
    expect(ids.filter((id) => created.includes(id)).length).toBe(N)
  })

  it('triage queue of the grid: each new order once, in queue order', async () => {
    const seen = await walk((cursor) => okAs(STAFF_G2, orders.triageQueue, { cursor, limit: 50, gridId: 'g2' }))
    const ids = seen.map((o) => o._id)
    expect(new Set(ids).size).toBe(ids.length)
    const mine = new Set(created)
    expect(ids.filter((id) => mine.has(id)).length).toBe(N)
  })

  it('the pool after publishing: urgent first, each once, filters applied', async () => {
    await inBatches(created, 20, (id) => okAs(STAFF_G2, orders.publish, { orderId: id }))
    const [volunteer] = await makeUsers(1, { prefix: 'pager-v', buildingId: 'b8', volunteer: { skills: ['repair_pipe'] } })
    const seen = await walk((cursor) => okAs(volunteer, orders.pool, { cursor, limit: 50, gridId: 'g2', category: 'repair_pipe' }))
    const ids = seen.map((o) => o._id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.filter((id) => created.includes(id)).length).toBe(N)
    const firstNormal = seen.findIndex((o) => o.urgency === 'normal')
    expect(seen.slice(firstNormal).every((o) => o.urgency === 'normal')).toBe(true)
    expect(seen.every((o) => o.gridId === 'g2' && o.category === 'repair_pipe')).toBe(true)
    const urgentOnly = await walk((cursor) => okAs(volunteer, orders.pool, { cursor, limit: 50, urgency: 'urgent', gridId: 'g2' }))
    expect(urgentOnly.filter((o) => created.includes(o._id)).length).toBe(Math.ceil(N / 3))
  })
})
