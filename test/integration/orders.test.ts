/** The closed loop through the real SDK: 点单 → 派单 → 接单 → 服务 → 评价, with proxy ordering and notices. */
import { orders } from '../../core/orders/contract'
import { callAs, okAs, testCloud } from '../support/call'
import { balanceOf, doneOrder, ensureLedgerCollections, newOrder, P, rawOrder, transfersFor } from './orders-support'

const inboxKinds = async (openid: string, orderId: string) =>
  (await okAs(openid, orders.inbox, { limit: 50 })).items.filter((n) => n.orderId === orderId).map((n) => n.kind)

describe('orders: the full loop', () => {
  beforeAll(ensureLedgerCollections)

  it('resident orders → staff publishes → volunteer accepts, serves, reports done → resident confirms and rates → points credited once', async () => {
    const before = await balanceOf(P.li)
    const o = await newOrder(P.wang, { urgency: 'urgent', when: 'today', subscribe: ['order_status'] })
    expect(o).toMatchObject({ status: 'submitted', gridId: 'g1', buildingId: 'b3', contactName: '王秀英', proxy: false, priority: 'high' })
    expect(o.address).toContain('3号楼')

    const queue = await okAs(P.zhang, orders.triageQueue, { limit: 50 })
    expect(queue.items.map((x) => x._id)).toContain(o._id)
    await okAs(P.zhang, orders.publish, { orderId: o._id, team: 'red_steward', points: 15, priority: 'high' })

    const pool = await okAs(P.li, orders.pool, { urgency: 'urgent', limit: 50 })
    expect(pool.items.map((x) => x._id)).toContain(o._id)
    const masked = await okAs(P.li, orders.get, { orderId: o._id })
    expect(masked.contactPhone).toBe('139****0001')

    await okAs(P.li, orders.accept, { orderId: o._id })
    expect((await okAs(P.li, orders.get, { orderId: o._id })).contactPhone).toBe('13900000001')
    await okAs(P.li, orders.start, { orderId: o._id })
    await okAs(P.li, orders.reportDone, { orderId: o._id, note: '疏通好了，换了一段软管', photos: ['cloud://local/done-1.jpg'] })
    expect((await okAs(P.li, orders.tasks, { scope: 'active', limit: 50 })).items.map((x) => x._id)).toContain(o._id)

    expect(await inboxKinds(P.wang, o._id)).toEqual(['done', 'started', 'accepted', 'dispatched'])
    const confirmed = await okAs(P.wang, orders.confirm, { orderId: o._id, stars: 5, comment: '李师傅手艺好' })
    expect(confirmed.status).toBe('confirmed')
    expect(await balanceOf(P.li)).toBe(before + 15)
    expect(await inboxKinds(P.li, o._id)).toEqual(['rated'])

    const detail = await okAs(P.wang, orders.get, { orderId: o._id })
    expect(detail.timeline.map((t) => [t.event, t.from, t.to, t.actor])).toEqual([
      ['CREATE', null, 'submitted', 'owner'],
      ['PUBLISH', 'submitted', 'open', 'staff'],
      ['ACCEPT', 'open', 'accepted', 'candidate'],
      ['START', 'accepted', 'in_service', 'volunteer'],
      ['REPORT_DONE', 'in_service', 'done', 'volunteer'],
      ['CONFIRM', 'done', 'confirmed', 'owner'],
    ])
    expect(detail.rating).toMatchObject({ stars: 5, comment: '李师傅手艺好' })

    // the resident granted one subscribe message at submit: the first notice to them used it
    const outbox = (await (await fetch(`${testCloud().url}/outbox?api=subscribeMessage.send`)).json()) as { list: { data: { touser: string; page: string } }[] }
    const mine = outbox.list.filter((m) => m.data.touser === P.wang && m.data.page.includes(o._id))
    expect(mine).toHaveLength(1)

    // reopen within 7 days → back to triage; confirming again credits nothing more
    await okAs(P.wang, orders.reopen, { orderId: o._id, reason: '又堵了' })
    const reopened = await okAs(P.zhang, orders.triageQueue, { limit: 50 })
    expect(reopened.items.find((x) => x._id === o._id)).toMatchObject({ status: 'submitted', reopenCount: 1 })
    await okAs(P.zhang, orders.assign, { orderId: o._id, volunteerId: P.huang })
    await okAs(P.huang, orders.accept, { orderId: o._id })
    await okAs(P.huang, orders.reportDone, { orderId: o._id, note: '重新疏通' })
    await okAs(P.wang, orders.confirm, { orderId: o._id })
    expect(await balanceOf(P.li)).toBe(before + 15)
    expect((await transfersFor(o._id)).map((t) => t._id)).toEqual([`award:order:${o._id}`])
  })

  it('staff may decide a reopened order earns points again (recorded), once more', async () => {
    const id = await doneOrder(P.wang, P.li)
    await okAs(P.wang, orders.confirm, { orderId: id })
    await okAs(P.wang, orders.reopen, { orderId: id, reason: '没修好' })
    await okAs(P.zhang, orders.publish, { orderId: id, points: 10, awardAgain: true, note: '换人重修' })
    await okAs(P.huang, orders.accept, { orderId: id })
    await okAs(P.huang, orders.reportDone, { orderId: id, note: '修好了' })
    const before = await balanceOf(P.huang)
    await okAs(P.wang, orders.confirm, { orderId: id, stars: 4 })
    expect(await balanceOf(P.huang)).toBe(before + 10)
    expect((await transfersFor(id)).map((t) => t._id).sort()).toEqual([`award:order:${id}`, `award:order:${id}:2`])
    const t = (await okAs(P.zhang, orders.get, { orderId: id })).timeline.find((e) => e.event === 'PUBLISH' && e.note?.includes('再次给予积分'))
    expect(t).toBeTruthy()
  })

  it('a 楼栋长 orders for a neighbour without a phone, and confirms for them', async () => {
    const o = await okAs(P.zhao, orders.create, {
      category: 'elder_meals',
      description: '吴奶奶腿脚不便，想请人中午送一份饭',
      onBehalfOf: { name: '吴玉梅', buildingId: 'b3', unitId: 'b3-1' },
    })
    expect(o).toMatchObject({ proxy: true, contactName: '吴玉梅', buildingId: 'b3', gridId: 'g1' })
    const raw = await rawOrder(o._id)
    expect(raw).toMatchObject({ residentId: null, orderedBy: P.zhao })
    expect((await okAs(P.zhao, orders.mine, { limit: 50 })).items.map((x) => x._id)).toContain(o._id)
    await okAs(P.zhang, orders.publish, { orderId: o._id })
    await okAs(P.li, orders.accept, { orderId: o._id })
    await okAs(P.li, orders.reportDone, { orderId: o._id, note: '饭送到了' })
    expect(await inboxKinds(P.zhao, o._id)).toContain('done')
    expect((await okAs(P.zhao, orders.confirm, { orderId: o._id, stars: 5 })).status).toBe('confirmed')

    const elsewhere = await callAs(P.zhao, orders.create, { category: 'other', description: '帮忙', onBehalfOf: { name: '梁美华', buildingId: 'b6' } })
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_NEIGHBOUR' } })
    const notLead = await callAs(P.wang, orders.create, { category: 'other', description: '帮忙', onBehalfOf: { name: '吴玉梅', buildingId: 'b3' } })
    expect(notLead).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_NEIGHBOUR' } })
  })

  it('cancel before acceptance only', async () => {
    const a = await newOrder(P.wang)
    expect((await okAs(P.wang, orders.cancel, { orderId: a._id, reason: '自己修好了' })).status).toBe('cancelled')
    const b = await newOrder(P.wang)
    await okAs(P.zhang, orders.publish, { orderId: b._id })
    await okAs(P.li, orders.accept, { orderId: b._id })
    expect(await callAs(P.wang, orders.cancel, { orderId: b._id })).toMatchObject({ ok: false, error: { code: 'BAD_STATE' } })
  })

  it('三事分流: 大事 escalated and tracked until closed; 私事 referred; rejected with a reason', async () => {
    const big = await newOrder(P.wang, { category: 'other', description: '楼道路灯坏了一整层' })
    await okAs(P.zhang, orders.escalate, { orderId: big._id, department: '街道城管科', note: '公共设施' })
    expect((await okAs(P.zhang, orders.triageQueue, { limit: 50 })).items.find((x) => x._id === big._id)?.status).toBe('escalated')
    await okAs(P.zhang, orders.followUp, { orderId: big._id, note: '已派人查看' })
    expect((await okAs(P.zhang, orders.close, { orderId: big._id, note: '已修好' })).status).toBe('closed')
    expect((await okAs(P.zhang, orders.triageQueue, { limit: 50 })).items.map((x) => x._id)).not.toContain(big._id)

    const own = await newOrder(P.wang, { category: 'legal', description: '想咨询遗产继承' })
    const referred = await okAs(P.zhang, orders.refer, { orderId: own._id, guidance: '每月5日社区有律师坐班，可带材料来咨询' })
    expect(referred.status).toBe('referred')
    expect(await inboxKinds(P.wang, own._id)).toEqual(['referred'])
    const no = await newOrder(P.wang)
    expect((await okAs(P.zhang, orders.reject, { orderId: no._id, reason: '重复提交' })).status).toBe('rejected')
  })

  it('release goes back to the pool; an assigned order goes back to staff, who reassign', async () => {
    const a = await newOrder(P.wang)
    await okAs(P.zhang, orders.publish, { orderId: a._id })
    await okAs(P.li, orders.accept, { orderId: a._id })
    expect((await okAs(P.li, orders.release, { orderId: a._id, reason: '临时有事' })).status).toBe('open')
    expect(await inboxKinds(P.wang, a._id)).toContain('released')

    const b = await newOrder(P.wang)
    await okAs(P.zhang, orders.assign, { orderId: b._id, volunteerId: P.li })
    // not published to him: he cannot see it at all
    expect(await callAs(P.huang, orders.accept, { orderId: b._id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await okAs(P.li, orders.accept, { orderId: b._id })
    expect((await okAs(P.li, orders.release, { orderId: b._id, reason: '身体不舒服' })).status).toBe('submitted')
    // reassign is for orders held or waiting in the pool; a returned order is assigned again
    expect(await callAs(P.zhang, orders.reassign, { orderId: b._id, volunteerId: P.huang, reason: '李师傅生病' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_STATE' },
    })
    await okAs(P.zhang, orders.assign, { orderId: b._id, volunteerId: P.huang })
    expect(await inboxKinds(P.huang, b._id)).toContain('assigned')
    expect((await okAs(P.huang, orders.accept, { orderId: b._id })).volunteerName).toBe('黄志明')
    expect(await callAs(P.zhang, orders.assign, { orderId: b._id, volunteerId: P.wang })).toMatchObject({ ok: false, error: { code: 'NOT_A_VOLUNTEER' } })
  })

  it('free text passes msgSecCheck: risky words are refused with CONTENT_RISKY and nothing is stored', async () => {
    const before = (await okAs(P.wang, orders.mine, { limit: 50 })).items.length
    const r = await callAs(P.wang, orders.create, { category: 'other', description: '有人在楼道卖冰毒' })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_RISKY' } })
    expect((await okAs(P.wang, orders.mine, { limit: 50 })).items.length).toBe(before)
  })

  it('the timer marks overdue orders and confirms orders done 72 hours ago (with award and notices)', async () => {
    const db = (await import('../support/call')).sdkDb()
    const late = await newOrder(P.wang, { urgency: 'urgent' })
    await db.collection('orders').doc(late._id).update({ data: { dueAt: Date.now() - 1000 } })
    const id = await doneOrder(P.wang, P.li)
    await db.collection('orders').doc(id).update({ data: { doneAt: Date.now() - 73 * 3_600_000 } })
    const before = await balanceOf(P.li)
    const ticked = await okAs(P.admin, orders.tick, {})
    expect(ticked.overdue).toBeGreaterThanOrEqual(1)
    expect(ticked.autoConfirmed).toBeGreaterThanOrEqual(1)
    expect((await okAs(P.zhang, orders.triageQueue, { limit: 5 })).items[0]).toMatchObject({ overdue: true })
    expect((await rawOrder(late._id)).queueKey).toBe(`0${late._id}`)
    expect((await okAs(P.wang, orders.get, { orderId: id })).status).toBe('confirmed')
    expect(await balanceOf(P.li)).toBe(before + 10)
    expect(await inboxKinds(P.wang, id)).toContain('auto_confirmed')
    // a second tick finds nothing more to do for these orders
    await okAs(P.admin, orders.tick, {})
    expect((await transfersFor(id)).length).toBe(1)
  })

  it('inbox: unread count and mark read', async () => {
    const id = await doneOrder(P.sun, P.li, P.chen, { buildingId: 'b6' })
    const box = await okAs(P.sun, orders.inbox, { limit: 50 })
    expect(box.unread).toBeGreaterThan(0)
    const mineIds = box.items.filter((n) => n.orderId === id).map((n) => n._id)
    expect((await okAs(P.sun, orders.markRead, { ids: mineIds })).updated).toBe(mineIds.length)
    expect((await okAs(P.sun, orders.markRead, { ids: mineIds })).updated).toBe(0)
    await okAs(P.sun, orders.markRead, {})
    expect((await okAs(P.sun, orders.inbox, { limit: 1 })).unread).toBe(0)
  })

  it('inbox merges notices from events (event_notices) with order notices, newest first, paging across both', async () => {
    const db = (await import('../support/call')).sdkDb()
    const id = await doneOrder(P.sun, P.li, P.chen, { buildingId: 'b6' })
    const at = Date.now() + 60_000 // newer than the order's notices
    const _id = `promo-${id}`
    await db.collection('event_notices').doc(_id).set({
      data: { to: P.sun, kind: 'event_promoted', title: '候补成功', body: '义诊', orderId: null, eventId: 'ev1', at, read: false, sortKey: `${at.toString(36).padStart(9, '0')}${_id}` },
    })
    const first = await okAs(P.sun, orders.inbox, { limit: 1 })
    expect(first.items[0]).toMatchObject({ _id, kind: 'event_promoted', eventId: 'ev1' })
    const second = await okAs(P.sun, orders.inbox, { limit: 2, cursor: first.next! })
    expect(second.items.map((n) => n.orderId)).toEqual([id, id])
    expect((await okAs(P.sun, orders.markRead, { ids: [_id] })).updated).toBe(1)
  })
})
