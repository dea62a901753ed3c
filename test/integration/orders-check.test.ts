/**
 * 回访 through the real SDK: three days after 办结 the timer asks the resident (and the 楼栋长 who
 * ordered for them); one answer per order; 没解决 reopens the order within its reopen window, or
 * tells the grid's 网格员 to follow up. Each test works in a grid of its own, so the inboxes it reads
 * hold only what it made.
 */
import { orders } from '../../core/orders/contract'
import type { CheckAnswer, Order } from '../../core/orders/model'
import { users } from '../../core/users/contract'
import { callAs, fireTimer, okAs, sdkDb, untilFinal } from '../support/call'
import { newGrid, newResident } from '../support/people'
import { ensureLedgerCollections, makeUsers, newOrder, P, rawOrder } from './orders-support'

const DAY = 24 * 3_600_000

const noticesOf = async (openid: string, orderId: string) => (await okAs(openid, orders.inbox, { limit: 50 })).items.filter((n) => n.orderId === orderId)
const kindsOf = async (openid: string, orderId: string) => (await noticesOf(openid, orderId)).map((n) => n.kind)
const checkOf = async (orderId: string) => (await rawOrder(orderId)).check as Order['check']

/** Three days pass: the 回访 falls due (the order's own clock and the timer's key moved back in the database). */
async function threeDaysPass(orderId: string): Promise<void> {
  const check = await checkOf(orderId)
  const past = Date.now() - 60_000
  await sdkDb().collection('orders').doc(orderId).update({ data: { check: { ...check!, dueAt: past }, checkDue: past } })
}

describe('回访', () => {
  let volunteer = ''
  beforeAll(async () => {
    await ensureLedgerCollections()
    ;[volunteer] = await makeUsers(1, { prefix: 'check-v', volunteer: { skills: ['repair_pipe', 'other'] } })
  })

  /** A grid of its own with a resident, a 楼栋长 of its building and its 网格员. */
  async function world(tag: string) {
    const grid = await newGrid(tag)
    const [resident, lead] = await Promise.all([newResident({ buildingId: grid.buildingId }), newResident({ prefix: 'lead', buildingId: grid.buildingId })])
    await okAs(P.admin, users.grantRole, { openid: lead.openid, role: 'building_lead', buildings: [grid.buildingId] })
    /** Ordered (by the resident, or by the 楼栋长 for them), published, taken and reported done. */
    const done = async (by: 'resident' | 'lead' = 'resident') => {
      const onBehalfOf = by === 'lead' ? { name: resident.profile.name, openid: resident.openid, buildingId: grid.buildingId } : undefined
      const o = await newOrder(by === 'lead' ? lead.openid : resident.openid, { buildingId: grid.buildingId, onBehalfOf })
      await okAs(grid.staff, orders.publish, { orderId: o._id, points: 5 })
      await okAs(volunteer, orders.accept, { orderId: o._id })
      await okAs(volunteer, orders.reportDone, { orderId: o._id, note: '已疏通' })
      return o._id
    }
    const closedBig = async () => {
      const o = await newOrder(resident.openid, { buildingId: grid.buildingId, category: 'other', description: '楼下路灯坏了一排' })
      await okAs(grid.staff, orders.escalate, { orderId: o._id, department: '街道城管科', note: '需要协调' })
      await okAs(grid.staff, orders.close, { orderId: o._id, note: '路灯已修好' })
      return o._id
    }
    return { ...grid, resident: resident.openid, lead: lead.openid, done, closedBig }
  }

  it('done → three days later the timer asks the resident and the 楼栋长 who ordered; a second tick asks nothing again', async () => {
    const w = await world('ask')
    const id = await w.done('lead')
    const set = await checkOf(id)
    const doneAt = (await rawOrder(id)).doneAt as number
    expect(set).toEqual({ dueAt: doneAt + 3 * DAY, askedAt: null, answer: null, answeredAt: null, by: null })
    // not due yet: nobody is asked
    await okAs(P.admin, orders.tick, {})
    expect((await checkOf(id))!.askedAt).toBeNull()
    expect(await kindsOf(w.resident, id)).not.toContain('check')

    await threeDaysPass(id)
    await fireTimer('orders', 'tick') // the timer trigger of config.json
    const asked = await rawOrder(id)
    expect(asked).toMatchObject({ status: 'done', check: { askedAt: expect.any(Number), answer: null }, checkDue: null })
    for (const who of [w.resident, w.lead]) {
      const [notice] = (await noticesOf(who, id)).filter((n) => n.kind === 'check')
      expect(notice).toMatchObject({ title: '回访：您的事情解决了吗？', read: false })
    }
    expect(await kindsOf(w.staff, id)).not.toContain('check')
    // the order page shows it in the timeline
    expect((await okAs(w.resident, orders.get, { orderId: id })).timeline.map((t) => t.event)).toContain('ASK_CHECK')

    const again = await okAs(P.admin, orders.tick, {})
    expect(again.checksAsked).toBe(0)
    await fireTimer('orders', 'tick')
    expect((await rawOrder(id)).check).toEqual(asked.check)
    expect((await kindsOf(w.resident, id)).filter((k) => k === 'check')).toHaveLength(1)
    expect((await kindsOf(w.lead, id)).filter((k) => k === 'check')).toHaveLength(1)
  })

  it('已解决 is stored once, with who and when; the 回访 notices are settled; a second answer is refused', async () => {
    const w = await world('solved')
    const id = await w.done('lead')
    await threeDaysPass(id)
    expect((await okAs(P.admin, orders.tick, {})).checksAsked).toBeGreaterThanOrEqual(1)
    const answered = await okAs(w.resident, orders.answerCheck, { orderId: id, answer: 'solved' })
    expect(answered).toMatchObject({ _id: id, status: 'done' })
    const o = await okAs(w.resident, orders.get, { orderId: id })
    expect(o.check).toMatchObject({ answer: 'solved', by: w.resident, answeredAt: expect.any(Number) })
    expect(o.timeline.at(-1)).toMatchObject({ event: 'ANSWER_CHECK', actor: 'owner', note: '回访：已解决' })
    // one answer for the order: the 楼栋长's copy of the question is settled too
    for (const who of [w.resident, w.lead]) expect((await noticesOf(who, id)).find((n) => n.kind === 'check')).toMatchObject({ read: true })

    const before = await rawOrder(id)
    for (const [who, answer] of [[w.resident, 'not'], [w.lead, 'partly']] as const) {
      expect(await callAs(who, orders.answerCheck, { orderId: id, answer })).toMatchObject({ ok: false, error: { code: 'CHECK_ANSWERED', message: expect.stringContaining('已经答过') } })
    }
    expect(await rawOrder(id)).toEqual(before)
  })

  it('没解决 within the reopen window reopens the order: back to the 网格员, history kept, the volunteer told', async () => {
    const w = await world('reopen')
    const id = await w.done()
    await okAs(w.resident, orders.confirm, { orderId: id, stars: 3 })
    // answered from the order page before the timer asked: allowed once the order is in 办结
    await okAs(w.resident, orders.answerCheck, { orderId: id, answer: 'not' })
    const o = await okAs(w.resident, orders.get, { orderId: id })
    expect(o).toMatchObject({ status: 'submitted', reopenCount: 1, volunteerId: null, check: { answer: 'not' } })
    expect(o.timeline.slice(-2).map((t) => [t.event, t.note])).toEqual([['ANSWER_CHECK', '回访：没解决'], ['REOPEN', '回访时说没解决']])
    expect(await kindsOf(volunteer, id)).toContain('reopened')
    // back in the 网格员's queue, reopened ones first; the timer will not ask it now
    expect((await okAs(w.staff, orders.staffOrders, { stage: 'to_dispatch', limit: 10 })).items.map((i) => i._id)).toContain(id)
    expect((await rawOrder(id)).checkDue).toBeNull()
  })

  it('没解决 on a closed 大事 cannot reopen it: the grid\'s 网格员 are told to follow up', async () => {
    const w = await world('follow')
    const id = await w.closedBig()
    expect(await checkOf(id)).toMatchObject({ answer: null })
    await okAs(w.resident, orders.answerCheck, { orderId: id, answer: 'not' })
    expect(await rawOrder(id)).toMatchObject({ status: 'closed', reopenCount: 0, check: { answer: 'not', by: w.resident } })
    const [told] = (await noticesOf(w.staff, id)).filter((n) => n.kind === 'check_unsolved')
    expect(told).toMatchObject({ title: '居民回访说没解决，请跟进', read: false })
    // staff of another grid are not told
    expect(await kindsOf(P.zhang, id)).toEqual([])
  })

  it('nobody else answers: another resident, the volunteer, the 网格员, a 楼栋长 who did not order it — and nothing changes', async () => {
    const w = await world('others')
    const id = await w.done()
    const [other] = await makeUsers(1, { prefix: 'check-o', buildingId: 'b1' })
    const before = await rawOrder(id)
    const tries: [string, string][] = [[other, 'NOT_FOUND'], [volunteer, 'FORBIDDEN'], [w.staff, 'FORBIDDEN'], [w.lead, 'FORBIDDEN'], [P.admin, 'FORBIDDEN'], [P.newcomer, 'NOT_REGISTERED']]
    for (const [who, code] of tries) expect(await callAs(who, orders.answerCheck, { orderId: id, answer: 'solved' })).toMatchObject({ ok: false, error: { code } })
    expect(await rawOrder(id)).toEqual(before)
  })

  it('orders never in 办结, rejected or cancelled have no 回访 to answer; nonsense answers are refused at the field', async () => {
    const w = await world('none')
    const open = await newOrder(w.resident, { buildingId: w.buildingId })
    const rejected = await newOrder(w.resident, { buildingId: w.buildingId })
    await okAs(w.staff, orders.reject, { orderId: rejected._id, reason: '重复提交' })
    const cancelled = await newOrder(w.resident, { buildingId: w.buildingId })
    await okAs(w.resident, orders.cancel, { orderId: cancelled._id })
    for (const o of [open, rejected, cancelled]) {
      expect(await checkOf(o._id)).toBeNull()
      expect(await callAs(w.resident, orders.answerCheck, { orderId: o._id, answer: 'solved' })).toMatchObject({ ok: false, error: { code: 'BAD_STATE' } })
    }
    const bad = await callAs(w.resident, orders.answerCheck, { orderId: open._id, answer: 'maybe' as CheckAnswer })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'answer', message: '请选择解决了没有' }] } })
  })

  it('100 answers of the same resident at once: exactly one is stored', async () => {
    const w = await world('race')
    const id = await w.done()
    const answers: CheckAnswer[] = ['solved', 'partly', 'not']
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => untilFinal(w.resident, orders.answerCheck, { orderId: id, answer: answers[i % 3] }, 41)))
    const final = results.reduce<Record<string, number>>((m, r) => ({ ...m, [r.ok ? 'OK' : r.error.code]: (m[r.ok ? 'OK' : r.error.code] ?? 0) + 1 }), {})
    console.log('answerCheck burst: final', final, 'BUSY answers retried', results.reduce((n, r) => n + r.busy, 0))
    expect(final).toEqual({ OK: 1, CHECK_ANSWERED: 99 })
    const winner = answers[results.findIndex((r) => r.ok) % 3]
    const o = await rawOrder(id)
    expect(o.check).toMatchObject({ answer: winner, by: w.resident })
    expect((o.timeline as Order['timeline']).filter((t) => t.event === 'ANSWER_CHECK')).toHaveLength(1)
    // 没解决 won: the order was reopened once, not once per try
    expect(o.reopenCount).toBe(winner === 'not' ? 1 : 0)
  })
})
