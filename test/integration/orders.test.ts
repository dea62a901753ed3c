/** The closed loop through the real SDK: 点单 → 派单 → 接单 → 服务 → 评价, with proxy ordering and notices. */
import { orders } from '../../core/orders/contract'
import { users } from '../../core/users/contract'
import { callAs, fireTimer, okAs, sdkDb, testCloud } from '../support/call'
import { newGrid, newResident } from '../support/people'
import { balanceOf, doneOrder, ensureLedgerCollections, findInPool, findInQueue, makeUsers, newOrder, P, rawOrder, transfersFor } from './orders-support'

const inboxKinds = async (openid: string, orderId: string) =>
  (await okAs(openid, orders.inbox, { limit: 50 })).items.filter((n) => n.orderId === orderId).map((n) => n.kind)

describe('orders: the full loop', () => {
  // volunteers of this file only: other files award the demo volunteers too (daily cap, balances)
  const V = { a: '', b: '' }
  beforeAll(async () => {
    await ensureLedgerCollections()
    ;[V.a, V.b] = await makeUsers(2, { prefix: 'loop-v', volunteer: { skills: ['repair_pipe', 'elder_meals'], team: 'red_steward' } })
  })

  it('resident orders → staff publishes → volunteer accepts, serves, reports done → resident confirms and rates → points credited once', async () => {
    const before = await balanceOf(V.a)
    const o = await newOrder(P.wang, { urgency: 'urgent', when: 'today', subscribe: ['order_status'] })
    expect(o).toMatchObject({ status: 'submitted', gridId: 'g1', buildingId: 'b3', contactName: '王秀英', proxy: false, priority: 'high' })
    expect(o.address).toContain('3号楼')

    expect(await findInQueue(P.zhang, o._id)).toMatchObject({ status: 'submitted', urgency: 'urgent' })
    await okAs(P.zhang, orders.publish, { orderId: o._id, team: 'red_steward', points: 15, priority: 'high' })

    expect(await findInPool(V.a, o._id, { urgency: 'urgent', gridId: 'g1' })).toMatchObject({ status: 'open', urgency: 'urgent' })
    expect(await findInPool(V.a, o._id, { urgency: 'normal' })).toBeUndefined()
    const masked = await okAs(V.a, orders.get, { orderId: o._id })
    expect(masked.contactPhone).toBe('139****0001')

    await okAs(V.a, orders.accept, { orderId: o._id })
    expect((await okAs(V.a, orders.get, { orderId: o._id })).contactPhone).toBe('13900000001')
    // the resident learns who is coming: name, team, the phone to call, and the timeline says it
    const held = await okAs(P.wang, orders.get, { orderId: o._id })
    const volunteer = (await okAs(V.a, users.me, {})).profile!
    expect(held).toMatchObject({ volunteerName: volunteer.name, volunteerTeam: 'red_steward', volunteerPhone: volunteer.phone })
    expect(held.timeline.at(-1)?.note).toBe(`${volunteer.name}接单`)
    await okAs(V.a, orders.start, { orderId: o._id })
    await okAs(V.a, orders.reportDone, { orderId: o._id, note: '疏通好了，换了一段软管', photos: ['cloud://local.6c6f-local-1250000000/orders/it/done-1.jpg'] })
    expect((await okAs(V.a, orders.tasks, { scope: 'active', limit: 50 })).items.map((x) => x._id)).toContain(o._id)

    expect(await inboxKinds(P.wang, o._id)).toEqual(['done', 'started', 'accepted', 'dispatched'])
    const confirmed = await okAs(P.wang, orders.confirm, { orderId: o._id, stars: 5, comment: '李师傅手艺好' })
    expect(confirmed.status).toBe('confirmed')
    expect(await balanceOf(V.a)).toBe(before + 15)
    expect(await inboxKinds(V.a, o._id)).toEqual(['rated'])
    // the rating notice says the stars, the words and what was paid
    const rated = (await okAs(V.a, orders.inbox, { limit: 50 })).items.find((n) => n.orderId === o._id)!
    expect(rated.body).toMatch(/：5星：“李师傅手艺好”；积分\+15$/)
    // the notice that asked the resident to confirm is settled by confirming; the others stay new
    const asked = (await okAs(P.wang, orders.inbox, { limit: 50 })).items.filter((n) => n.orderId === o._id)
    expect(asked.map((n) => [n.kind, n.read])).toEqual([['done', true], ['started', false], ['accepted', false], ['dispatched', false]])

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
    expect(detail.timeline.at(-1)?.note).toBe('评价5星：李师傅手艺好；积分+15')

    // the resident granted one subscribe message at submit: the first notice to them used it
    const outbox = (await (await fetch(`${testCloud().url}/outbox?api=subscribeMessage.send`)).json()) as { list: { data: { touser: string; page: string } }[] }
    const mine = outbox.list.filter((m) => m.data.touser === P.wang && m.data.page.includes(o._id))
    expect(mine).toHaveLength(1)

    // reopen within 7 days → back to triage; confirming again credits nothing more
    await okAs(P.wang, orders.reopen, { orderId: o._id, reason: '又堵了' })
    expect(await findInQueue(P.zhang, o._id)).toMatchObject({ status: 'submitted', reopenCount: 1 })
    await okAs(P.zhang, orders.assign, { orderId: o._id, volunteerId: V.b })
    await okAs(V.b, orders.accept, { orderId: o._id })
    await okAs(V.b, orders.reportDone, { orderId: o._id, note: '重新疏通' })
    await okAs(P.wang, orders.confirm, { orderId: o._id })
    expect(await balanceOf(V.a)).toBe(before + 15)
    expect((await transfersFor(o._id)).map((t) => t._id)).toEqual([`award:order:${o._id}`])
  })

  it('staff may decide a reopened order earns points again (recorded), once more', async () => {
    const id = await doneOrder(P.wang, V.a)
    await okAs(P.wang, orders.confirm, { orderId: id })
    await okAs(P.wang, orders.reopen, { orderId: id, reason: '没修好' })
    await okAs(P.zhang, orders.publish, { orderId: id, points: 10, awardAgain: true, note: '换人重修' })
    await okAs(V.b, orders.accept, { orderId: id })
    await okAs(V.b, orders.reportDone, { orderId: id, note: '修好了' })
    const before = await balanceOf(V.b)
    await okAs(P.wang, orders.confirm, { orderId: id, stars: 4 })
    expect(await balanceOf(V.b)).toBe(before + 10)
    expect((await transfersFor(id)).map((t) => t._id).sort()).toEqual([`award:order:${id}`, `award:order:${id}:2`])
    const t = (await okAs(P.zhang, orders.get, { orderId: id })).timeline.find((e) => e.event === 'PUBLISH' && e.note?.includes('再次给予积分'))
    expect(t).toBeTruthy()
  })

  it('the daily cap of the 爱心银行 limits an award; the timeline says what was credited', async () => {
    const [vol] = await makeUsers(1, { prefix: 'cap-v', volunteer: { skills: ['repair_pipe'] } })
    const o = await newOrder(P.wang)
    // only an admin may set more than twice the category's points
    await okAs(P.admin, orders.publish, { orderId: o._id, points: 500 })
    await okAs(vol, orders.accept, { orderId: o._id })
    await okAs(vol, orders.reportDone, { orderId: o._id, note: '好了' })
    await okAs(P.wang, orders.confirm, { orderId: o._id })
    const credited = await balanceOf(vol)
    expect(credited).toBeGreaterThan(0)
    expect(credited).toBeLessThan(500)
    const entry = (await okAs(P.wang, orders.get, { orderId: o._id })).timeline.at(-1)
    expect(entry).toMatchObject({ event: 'CONFIRM', note: `积分+${credited}（今日上限，原为500）` })
  })

  it('a 楼栋长 orders for a neighbour without a phone, and confirms for them', async () => {
    const o = await okAs(P.zhao, orders.create, {
      category: 'elder_meals',
      description: '吴奶奶腿脚不便，想请人中午送一份饭',
      onBehalfOf: { name: '吴玉梅', buildingId: 'b3', unitId: 'b3-1', room: '502' },
    })
    // the volunteer calls the 楼栋长: the neighbour has no phone
    expect(o).toMatchObject({ proxy: true, contactName: '赵德福', servedName: '吴玉梅', buildingId: 'b3', gridId: 'g1' })
    const raw = await rawOrder(o._id)
    expect(raw).toMatchObject({ residentId: null, orderedBy: P.zhao })
    expect((await okAs(P.zhao, orders.mine, { limit: 50 })).items.map((x) => x._id)).toContain(o._id)
    await okAs(P.zhang, orders.publish, { orderId: o._id })
    await okAs(V.a, orders.accept, { orderId: o._id })
    await okAs(V.a, orders.reportDone, { orderId: o._id, note: '饭送到了' })
    expect(await inboxKinds(P.zhao, o._id)).toContain('done')
    expect((await okAs(P.zhao, orders.confirm, { orderId: o._id, stars: 5 })).status).toBe('confirmed')

    const elsewhere = await callAs(P.zhao, orders.create, { category: 'other', description: '帮忙换个灯泡，够不着', onBehalfOf: { name: '梁美华', buildingId: 'b6' } })
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_NEIGHBOUR' } })
    const notLead = await callAs(P.wang, orders.create, { category: 'other', description: '帮忙换个灯泡，够不着', onBehalfOf: { name: '吴玉梅', buildingId: 'b3' } })
    expect(notLead).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_NEIGHBOUR' } })
  })

  it('cancel before acceptance only', async () => {
    const a = await newOrder(P.wang)
    expect((await okAs(P.wang, orders.cancel, { orderId: a._id, reason: '自己修好了' })).status).toBe('cancelled')
    const b = await newOrder(P.wang)
    await okAs(P.zhang, orders.publish, { orderId: b._id })
    await okAs(V.a, orders.accept, { orderId: b._id })
    expect(await callAs(P.wang, orders.cancel, { orderId: b._id })).toMatchObject({ ok: false, error: { code: 'BAD_STATE' } })
  })

  it('三事分流: 大事 escalated and tracked until closed; 私事 referred; rejected with a reason', async () => {
    const big = await newOrder(P.wang, { category: 'other', description: '楼道路灯坏了一整层' })
    await okAs(P.zhang, orders.escalate, { orderId: big._id, department: '街道城管科', note: '公共设施' })
    expect((await findInQueue(P.zhang, big._id))?.status).toBe('escalated')
    await okAs(P.zhang, orders.followUp, { orderId: big._id, note: '已派人查看' })
    expect((await okAs(P.zhang, orders.close, { orderId: big._id, note: '已修好' })).status).toBe('closed')
    expect(await findInQueue(P.zhang, big._id)).toBeUndefined()

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
    await okAs(V.a, orders.accept, { orderId: a._id })
    expect((await okAs(V.a, orders.release, { orderId: a._id, reason: '临时有事' })).status).toBe('open')
    expect(await inboxKinds(P.wang, a._id)).toContain('released')

    const b = await newOrder(P.wang)
    await okAs(P.zhang, orders.assign, { orderId: b._id, volunteerId: V.a })
    // not published to him: he cannot see it at all
    expect(await callAs(V.b, orders.accept, { orderId: b._id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await okAs(V.a, orders.accept, { orderId: b._id })
    expect((await okAs(V.a, orders.release, { orderId: b._id, reason: '身体不舒服' })).status).toBe('submitted')
    // reassign is for orders held or waiting in the pool; a returned order is assigned again
    expect(await callAs(P.zhang, orders.reassign, { orderId: b._id, volunteerId: V.b, reason: '李师傅生病' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_STATE' },
    })
    await okAs(P.zhang, orders.assign, { orderId: b._id, volunteerId: V.b })
    expect(await inboxKinds(V.b, b._id)).toContain('assigned')
    expect((await okAs(V.b, orders.accept, { orderId: b._id })).volunteerName).toMatch(/^测试志愿者/)
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
    const id = await doneOrder(P.wang, V.a)
    await db.collection('orders').doc(id).update({ data: { doneAt: Date.now() - 73 * 3_600_000 } })
    const before = await balanceOf(V.a)
    const ticked = await okAs(P.admin, orders.tick, {})
    expect(ticked.overdue).toBeGreaterThanOrEqual(1)
    expect(ticked.autoConfirmed).toBeGreaterThanOrEqual(1)
    expect((await okAs(P.zhang, orders.triageQueue, { limit: 5 })).items[0]).toMatchObject({ overdue: true })
    expect(await findInQueue(P.zhang, late._id)).toMatchObject({ overdue: true })
    expect((await rawOrder(late._id)).queueKey).toBe(`0${late._id}`)
    expect((await okAs(P.wang, orders.get, { orderId: id })).status).toBe('confirmed')
    expect(await balanceOf(V.a)).toBe(before + 10)
    expect(await inboxKinds(P.wang, id)).toContain('auto_confirmed')
    // the timer trigger declared in config.json runs the same tick; nothing more to do for these orders
    await fireTimer('orders', 'tick') // throws unless the timer invocation succeeded
    expect((await transfersFor(id)).length).toBe(1)
  })

  it('inbox: unread count and mark read', async () => {
    const id = await doneOrder(P.sun, V.a, P.chen, { buildingId: 'b6' })
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
    const id = await doneOrder(P.sun, V.a, P.chen, { buildingId: 'b6' })
    const at = Date.now() + 60_000 // newer than the order's notices
    const _id = `promo-${id}`
    await db.collection('event_notices').doc(_id).set({
      data: { communityId: 'xingfuli', to: P.sun, kind: 'event_promoted', title: '候补成功', body: '义诊', orderId: null, eventId: 'ev1', at, read: false, sortKey: `${at.toString(36).padStart(9, '0')}${_id}` },
    })
    const first = await okAs(P.sun, orders.inbox, { limit: 1 })
    expect(first.items[0]).toMatchObject({ _id, kind: 'event_promoted', eventId: 'ev1' })
    const second = await okAs(P.sun, orders.inbox, { limit: 2, cursor: first.next! })
    expect(second.items.map((n) => n.orderId)).toEqual([id, id])
    expect((await okAs(P.sun, orders.markRead, { ids: [_id] })).updated).toBe(1)
  })
})

describe('orders: an assigned volunteer is named', () => {
  it('指派 names them to the resident and in the timeline; 改派 names the next one', async () => {
    await ensureLedgerCollections()
    const [a, b] = await makeUsers(2, { prefix: 'named-v', volunteer: { skills: ['repair_pipe'], team: 'youth' } })
    const [nameA, nameB] = await Promise.all([a, b].map(async (v) => (await okAs(v, users.me, {})).profile!.name))
    const o = await newOrder(P.wang)
    await okAs(P.zhang, orders.assign, { orderId: o._id, volunteerId: a, points: 5 })
    const assigned = await okAs(P.wang, orders.get, { orderId: o._id })
    expect(assigned).toMatchObject({ assigneeName: nameA, volunteerName: null })
    expect(assigned.timeline.at(-1)?.note).toBe(`指派给${nameA}`)
    await okAs(P.zhang, orders.reassign, { orderId: o._id, volunteerId: b, reason: '换一位更近的' })
    const moved = await okAs(P.wang, orders.get, { orderId: o._id })
    expect(moved.assigneeName).toBe(nameB)
    expect(moved.timeline.at(-1)?.note).toBe(`改派给${nameB}：换一位更近的`)
  })
})

describe('orders: staff are told', () => {
  it('a new order in their grid (a notice and the 派单 count on home); the volunteer bringing back one they dispatched', async () => {
    await ensureLedgerCollections()
    const own = await newGrid('told')
    const resident = (await newResident({ buildingId: own.buildingId })).openid
    expect((await okAs(own.staff, users.home, {})).toDispatch).toBe(0)
    const o = await newOrder(resident, { category: 'elder_meals', description: '中午想要一份软一点的饭' })
    expect(await inboxKinds(own.staff, o._id)).toEqual(['new_order'])
    expect((await okAs(own.staff, users.home, {})).toDispatch).toBe(1)
    // another grid's staff hear nothing of it
    expect(await inboxKinds(P.zhang, o._id)).toEqual([])

    const [v] = await makeUsers(1, { prefix: 'told-v', volunteer: { skills: ['elder_meals'], team: 'youth' } })
    await okAs(own.staff, orders.publish, { orderId: o._id, points: 5 })
    expect((await okAs(own.staff, users.home, {})).toDispatch).toBe(0)
    await okAs(v, orders.accept, { orderId: o._id })
    await okAs(v, orders.release, { orderId: o._id, reason: '临时要去医院' })
    expect(await inboxKinds(own.staff, o._id)).toEqual(['released_staff', 'new_order'])
  })

  it('an order nobody dispatched runs late: the grid\'s 网格员 hear (there is no dispatcher to tell)', async () => {
    await ensureLedgerCollections()
    const own = await newGrid('late')
    const resident = (await newResident({ buildingId: own.buildingId })).openid
    const o = await newOrder(resident, { category: 'elder_meals', description: '中午想要一份软一点的饭' })
    await sdkDb().collection('orders').doc(o._id).update({ data: { dueAt: Date.now() - 60_000 } })
    await okAs(P.admin, orders.tick, {})
    expect((await okAs(own.staff, orders.get, { orderId: o._id })).overdue).toBe(true)
    expect(await inboxKinds(own.staff, o._id)).toEqual(['overdue_triage', 'new_order'])
    expect(await inboxKinds(P.zhang, o._id)).toEqual([])
  })
})
