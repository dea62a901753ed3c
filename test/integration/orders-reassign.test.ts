/** Staff reassign a held order to a chosen volunteer, found by name among more than 50 in the grid (the picker's query). */
import { orders } from '../../core/orders/contract'
import { users } from '../../core/users/contract'
import { callAs, okAs, sdkDb } from '../support/call'
import { expectEachOnce, walkPages } from '../support/paging'
import { ensureLedgerCollections, makeUsers, newOrder, P } from './orders-support'

const inboxKinds = async (openid: string, orderId: string) =>
  (await okAs(openid, orders.inbox, { limit: 50 })).items.filter((n) => n.orderId === orderId).map((n) => n.kind)

describe('orders.reassign to a specific volunteer', () => {
  const V = { a: '', b: '', c: '' }
  const nameB = `改派志愿者${Date.now().toString(36)}`
  beforeAll(async () => {
    await ensureLedgerCollections()
    // 60 more approved volunteers in g1 (b2), so the grid holds more than one page of 50
    const many = await makeUsers(60, { prefix: 'rs-v', volunteer: { skills: ['repair_pipe'] } })
    ;[V.a, V.b, V.c] = many
    await sdkDb().collection('users').doc(V.b).update({ data: { name: nameB } })
  })

  it('the picker finds a volunteer by name beyond the first 50 of the grid, and pages cover them all', async () => {
    const found = await okAs(P.zhang, users.listUsers, { role: 'volunteer', gridId: 'g1', keyword: nameB, limit: 20 })
    expect(found.items.map((u) => u.openid)).toEqual([V.b])
    const first = await okAs(P.zhang, users.listUsers, { role: 'volunteer', gridId: 'g1', limit: 50 })
    expect(first.total).toBeGreaterThan(50)
    const seen = await walkPages((cursor) => okAs(P.zhang, users.listUsers, { role: 'volunteer', gridId: 'g1', cursor, limit: 50 }))
    expectEachOnce(seen.map((u) => u.openid), [V.a, V.b, V.c])
  })

  it('an accepted order is reassigned to B: A loses it, B is told and accepts, C cannot; history kept', async () => {
    const o = await newOrder(P.wang)
    await okAs(P.zhang, orders.publish, { orderId: o._id })
    await okAs(V.a, orders.accept, { orderId: o._id })
    const moved = await okAs(P.zhang, orders.reassign, { orderId: o._id, volunteerId: V.b, reason: '超时未上门' })
    expect(moved.status).toBe('open')
    expect(await inboxKinds(V.b, o._id)).toContain('assigned')
    expect((await callAs(V.a, orders.start, { orderId: o._id })).ok).toBe(false)
    expect(await callAs(V.c, orders.accept, { orderId: o._id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await okAs(V.b, orders.accept, { orderId: o._id })).volunteerName).toBe(nameB)
    const detail = await okAs(P.wang, orders.get, { orderId: o._id })
    expect(detail.timeline.map((t) => t.event)).toEqual(['CREATE', 'PUBLISH', 'ACCEPT', 'REASSIGN', 'ACCEPT'])
    expect(detail.timeline[3]).toMatchObject({ from: 'accepted', to: 'open', actor: 'staff', note: expect.stringContaining('超时未上门') })
  })

  it('reassigning to someone who is not a volunteer is refused and changes nothing', async () => {
    const o = await newOrder(P.wang)
    await okAs(P.zhang, orders.publish, { orderId: o._id })
    await okAs(V.a, orders.accept, { orderId: o._id })
    expect(await callAs(P.zhang, orders.reassign, { orderId: o._id, volunteerId: P.wang, reason: '换人' })).toMatchObject({ ok: false, error: { code: 'NOT_A_VOLUNTEER' } })
    expect((await okAs(V.a, orders.start, { orderId: o._id })).status).toBe('in_service')
  })
})
