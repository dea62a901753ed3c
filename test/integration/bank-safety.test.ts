/**
 * 爱心银行 you can trust: each way staff, volunteers or residents could pay themselves, a friend or
 * someone outside their scope, tried through the real SDK exactly as it was reported — and refused.
 */
import { parse } from 'csv-parse/sync'
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { orders } from '../../core/orders/contract'
import { awardTransfer, personAccountId } from '../../core/points'
import { pointsFn } from '../../core/points/contract'
import { users } from '../../core/users/contract'
import { tx } from '../../server/db'
import { applyTransferOrThrow } from '../../server/ledger'
import { DEMO_COMMUNITY } from '../../core/demo/community'
import { callAs, okAs, sdkDb, untilFinal } from '../support/call'
import { newGrid, newResident } from '../support/people'
import { makeUsers, newOrder, P } from './orders-support'
import { balanceOf, credit, newEvent, newGift, publishBase, requestId } from './points-support'

const ZHANG = PERSONAS.staffZhang.openid // 网格员 of g1
const CHEN = PERSONAS.staffChen.openid // 网格员 of g2
const ADMIN = PERSONAS.admin.openid
const now = () => Date.now()
const running = () => ({ startAt: now() - 60e3, endAt: now() + 3600e3, deadline: now() + 1800e3 })

describe('1. staff crediting themselves', () => {
  test('an adjustment of one\'s own account is refused, whatever the amount', async () => {
    for (const delta of [10000, 5]) {
      expect(await callAs(ZHANG, pointsFn.adjust, { openid: ZHANG, delta, reason: '给自己加分', requestId: requestId() })).toMatchObject({ ok: false, error: { code: 'SELF_DEALING' } })
    }
    expect(await callAs(ADMIN, pointsFn.adjust, { openid: ADMIN, delta: 5, reason: '给自己加分', requestId: requestId() })).toMatchObject({ ok: false, error: { code: 'SELF_DEALING' } })
  })

  test('a 网格员 cannot walk themselves in to their own event; checking in with its code records attendance but no points', async () => {
    const { staff } = await newGrid('self')
    const before = await balanceOf(staff)
    expect(await callAs(staff, eventsFn.publish, { ...publishBase(), ...running(), points: 200 })).toMatchObject({ ok: false, error: { code: 'POINTS_OVER_RULE' } })
    const e = await okAs(staff, eventsFn.publish, { ...publishBase(), ...running(), points: 10 })
    expect(await callAs(staff, eventsFn.staffCheckIn, { eventId: e.id, openid: staff, walkIn: true })).toMatchObject({ ok: false, error: { code: 'SELF_DEALING' } })
    await okAs(staff, eventsFn.signUp, { eventId: e.id })
    const { code } = await okAs(staff, eventsFn.checkinCode, { eventId: e.id })
    expect(await okAs(staff, eventsFn.checkIn, { eventId: e.id, code })).toMatchObject({ status: 'attended', awarded: 0, note: '工作人员不获得自己负责的活动的签到积分' })
    expect(await balanceOf(staff)).toBe(before)
  })
})

describe('2. walk-ins: only while the event runs, limited per staff member and event, traced', () => {
  test('before the start a walk-in is refused; after ten, the eleventh is refused; the reconciliation names who added them', async () => {
    // a 网格员 of this test's own grid walks in residents of grid 2 at a community-wide event
    const { staff } = await newGrid('walk')
    const staffName = (await okAs(staff, users.me, {})).profile!.name
    const g2 = await makeUsers(11, { prefix: 'walk', buildingId: 'b6' })
    const later = await okAs(staff, eventsFn.publish, { ...publishBase(), points: 10, startAt: now() + 3600e3, endAt: now() + 7200e3, deadline: now() + 3000e3 })
    expect(await callAs(staff, eventsFn.staffCheckIn, { eventId: later.id, openid: g2[0], walkIn: true })).toMatchObject({ ok: false, error: { code: 'WALKIN_NOT_OPEN' } })

    const e = await okAs(staff, eventsFn.publish, { ...publishBase(), points: 10, ...running() })
    for (const openid of g2.slice(0, 10)) expect(await okAs(staff, eventsFn.staffCheckIn, { eventId: e.id, openid, walkIn: true })).toMatchObject({ awarded: 10 })
    expect(await callAs(staff, eventsFn.staffCheckIn, { eventId: e.id, openid: g2[10], walkIn: true })).toMatchObject({ ok: false, error: { code: 'WALKIN_LIMIT' } })
    expect(await balanceOf(g2[10])).toBe(0)

    const list = await okAs(staff, eventsFn.attendees, { eventId: e.id })
    expect(list.items.filter((a) => a.walkIn)).toHaveLength(10)
    expect(list.items.every((a) => a.walkInBy === staffName && a.awarded === 10)).toBe(true)
    const rec = await okAs(staff, pointsFn.reconcile, { eventId: e.id })
    expect(rec.attendance).toMatchObject({ walkIns: 10, attended: 10, pointsAwarded: 100 })
    expect(rec.attendance.walkInList[0]).toMatchObject({ by: staffName, awarded: 10 })
    const rows = parse(rec.attendanceCsv, { bom: true }) as string[][]
    expect(rows.slice(1).filter((r) => r[2] === '现场登记' && r[3] === staffName)).toHaveLength(10)
  })

  test('a walk-in must be someone the event is for', async () => {
    const [g2] = await makeUsers(1, { prefix: 'walk', buildingId: 'b6' })
    const e = await okAs(ZHANG, eventsFn.publish, { ...publishBase(), ...running(), audience: { kind: 'grid', gridId: 'g1' } })
    expect(await callAs(ZHANG, eventsFn.staffCheckIn, { eventId: e.id, openid: g2, walkIn: true })).toMatchObject({ ok: false, error: { code: 'NOT_IN_AUDIENCE' } })
  })
})

describe('3. a 网格员 of grid A cannot manage an event of grid B', () => {
  test('attendees, check-in code, check-in, walk-ins, booths, reconciliation and the booth\'s 核销 are refused', async () => {
    const gift = await newGift({ totalStock: 50 })
    const e = await okAs(ADMIN, eventsFn.publish, { ...publishBase(), ...running(), audience: { kind: 'grid', gridId: 'g2' }, booths: [{ giftId: gift.id, stock: 5 }] })
    const [resident] = await makeUsers(1, { prefix: 'g2', buildingId: 'b6' })
    await credit([resident], 100)
    await okAs(resident, eventsFn.signUp, { eventId: e.id })
    const { code } = await okAs(resident, eventsFn.myCode, { eventId: e.id })
    const rd = await okAs(resident, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() })
    const refused = { ok: false, error: { code: 'NOT_YOUR_EVENT', message: '这个活动由其他网格负责，您不能管理' } }
    expect(await callAs(ZHANG, eventsFn.attendees, { eventId: e.id })).toMatchObject(refused)
    expect(await callAs(ZHANG, eventsFn.checkinCode, { eventId: e.id })).toMatchObject(refused)
    expect(await callAs(ZHANG, eventsFn.staffCheckIn, { eventId: e.id, code })).toMatchObject(refused)
    expect(await callAs(ZHANG, eventsFn.staffCheckIn, { eventId: e.id, openid: resident, walkIn: true })).toMatchObject(refused)
    expect(await callAs(ZHANG, eventsFn.addBooth, { eventId: e.id, giftId: gift.id, stock: 1 })).toMatchObject(refused)
    expect(await callAs(ZHANG, pointsFn.reconcile, { eventId: e.id })).toMatchObject(refused)
    expect(await callAs(ZHANG, pointsFn.verify, { code: rd.code })).toMatchObject(refused)
    expect(await callAs(ZHANG, pointsFn.cancelRedemption, { code: rd.code, reason: '越权取消' })).toMatchObject({ ok: false, error: { code: 'CANCEL_NOT_ALLOWED' } })
    // the grid's own 网格员 can
    expect(await okAs(CHEN, eventsFn.staffCheckIn, { eventId: e.id, code })).toMatchObject({ status: 'attended' })
    expect(await okAs(CHEN, pointsFn.verify, { code: rd.code })).toMatchObject({ giftName: gift.name })
  })

  test('staff cannot hand out their own redemption (they may cancel it, as any resident may)', async () => {
    const gift = await newGift({ totalStock: 50 })
    const e = await newEvent({ ...running(), booths: [{ giftId: gift.id, stock: 5 }] })
    await credit([ZHANG], 100)
    const rd = await okAs(ZHANG, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() })
    expect(await callAs(ZHANG, pointsFn.verify, { code: rd.code })).toMatchObject({ ok: false, error: { code: 'SELF_DEALING' } })
    expect(await okAs(CHEN, pointsFn.verify, { code: rd.code })).toMatchObject({ name: PERSONAS.staffZhang.name })
  })
})

describe('4. nobody takes or is paid for their own order', () => {
  test('a volunteer who ordered cannot accept it, nor be assigned it', async () => {
    const [vol] = await makeUsers(1, { prefix: 'own', buildingId: 'b2', volunteer: { skills: ['repair_pipe'] } })
    const o = await newOrder(vol)
    await okAs(ZHANG, orders.publish, { orderId: o._id, points: 10 })
    expect(await callAs(vol, orders.accept, { orderId: o._id })).toMatchObject({ ok: false, error: { code: 'SELF_DEALING' } })
    const o2 = await newOrder(vol)
    expect(await callAs(ZHANG, orders.assign, { orderId: o2._id, volunteerId: vol })).toMatchObject({ ok: false, error: { code: 'SELF_DEALING' } })
    const pool = await okAs(vol, orders.pool, { limit: 50 })
    expect(pool.items.some((x) => x._id === o._id)).toBe(false)
  })

  test('a 楼栋长 who is a volunteer cannot serve the order they placed for a neighbour', async () => {
    const lead = await newResident({ buildingId: 'b1' })
    await okAs(ADMIN, users.grantRole, { openid: lead.openid, role: 'building_lead', buildings: ['b1'] })
    await sdkDb().collection('users').doc(lead.openid).update({ data: { roles: ['resident', 'building_lead', 'volunteer'], volunteer: { status: 'approved', skills: ['repair_pipe'], availableTimes: ['weekend_morning'], appliedAt: 1 } } })
    const o = await newOrder(lead.openid, { onBehalfOf: { name: '李奶奶', buildingId: 'b1' } })
    await okAs(ZHANG, orders.publish, { orderId: o._id })
    expect(await callAs(lead.openid, orders.accept, { orderId: o._id })).toMatchObject({ ok: false, error: { code: 'SELF_DEALING' } })
  })

  test('staff who dispatched an order cannot take it, and set at most twice the category\'s points', async () => {
    const { staff, buildingId } = await newGrid('disp')
    await sdkDb().collection('users').doc(staff).update({ data: { roles: ['resident', 'staff', 'volunteer'], volunteer: { status: 'approved', skills: ['repair_pipe'], availableTimes: ['weekend_morning'], appliedAt: 1 } } })
    const owner = await newResident({ buildingId })
    const o = await newOrder(owner.openid)
    expect(await callAs(staff, orders.publish, { orderId: o._id, points: 500 })).toMatchObject({ ok: false, error: { code: 'POINTS_OVER_RULE' } })
    await okAs(staff, orders.publish, { orderId: o._id })
    expect(await callAs(staff, orders.accept, { orderId: o._id })).toMatchObject({ ok: false, error: { code: 'OWN_DISPATCH' } })
    const o2 = await newOrder(owner.openid)
    expect(await callAs(staff, orders.assign, { orderId: o2._id, volunteerId: staff })).toMatchObject({ ok: false, error: { code: 'OWN_DISPATCH' } })
  })
})

describe('5. reads follow the audience', () => {
  test('events.detail of another grid\'s event answers exactly as for a missing one', async () => {
    const e = await okAs(ADMIN, eventsFn.publish, { ...publishBase(), audience: { kind: 'grid', gridId: 'g2' } })
    const missing = await callAs(P.wang, eventsFn.detail, { eventId: 'e-no-such-event' })
    expect(await callAs(P.wang, eventsFn.detail, { eventId: e.id })).toEqual(missing)
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await okAs(P.sun, eventsFn.detail, { eventId: e.id })).toMatchObject({ id: e.id })
    // staff of grid 1 neither see it listed nor open it
    expect((await okAs(ZHANG, eventsFn.list, { tab: 'upcoming', limit: 50 })).items.some((x) => x.id === e.id)).toBe(false)
    expect(await callAs(ZHANG, eventsFn.detail, { eventId: e.id })).toEqual(missing)
  })
})

describe('7. CSV export', () => {
  test('a formula in a name comes out of the accounts CSV as text, in its own cell', async () => {
    // a grid of its own: g1 holds more people than one export (1,000) once the other files have run
    const own = await newGrid('csv')
    const { openid } = await newResident({ buildingId: own.buildingId, name: '=SUM(1+2)*3,王' })
    const out = await okAs(own.staff, pointsFn.accounts, { csv: true })
    const rows = parse(out.csv!, { bom: true }) as string[][]
    const row = rows.find((r) => r[0] === openid)!
    expect(row).toHaveLength(4)
    expect(row[1]).toBe("'=SUM(1+2)*3,王")
  })
})

describe('8. check-in code guessing', () => {
  test('ten wrong codes lock the attendee out, and cancelling and signing up again does not reset it', async () => {
    const e = await newEvent({ points: 5, ...running() })
    const [r] = await makeUsers(1, { prefix: 'guess', buildingId: 'b1' })
    await okAs(r, eventsFn.signUp, { eventId: e.id })
    const { code } = await okAs(ZHANG, eventsFn.checkinCode, { eventId: e.id })
    const wrong = String((Number(code) + 1) % 1e6).padStart(6, '0')
    for (let i = 0; i < 10; i++) expect(await callAs(r, eventsFn.checkIn, { eventId: e.id, code: wrong })).toMatchObject({ ok: false, error: { code: 'CODE_WRONG' } })
    expect(await callAs(r, eventsFn.checkIn, { eventId: e.id, code })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_TRIES' } })
    await okAs(r, eventsFn.cancel, { eventId: e.id })
    await okAs(r, eventsFn.signUp, { eventId: e.id })
    expect(await callAs(r, eventsFn.checkIn, { eventId: e.id, code })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_TRIES' } })
  })

  test('someone not signed up gets the same answer for the right and a wrong code, and their tries count', async () => {
    const e = await newEvent({ points: 5, ...running() })
    const [r] = await makeUsers(1, { prefix: 'guess', buildingId: 'b1' })
    const { code } = await okAs(ZHANG, eventsFn.checkinCode, { eventId: e.id })
    const wrong = String((Number(code) + 7) % 1e6).padStart(6, '0')
    const right = await callAs(r, eventsFn.checkIn, { eventId: e.id, code })
    expect(await callAs(r, eventsFn.checkIn, { eventId: e.id, code: wrong })).toEqual(right)
    expect(right).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_UP' } })
    for (let i = 0; i < 8; i++) await callAs(r, eventsFn.checkIn, { eventId: e.id, code: wrong })
    expect(await callAs(r, eventsFn.checkIn, { eventId: e.id, code })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_TRIES' } })
  })
})

describe('9. expired points are never spent', () => {
  test('a lot that expired on 1 January is not spent on 3 January, though the timer has not run', async () => {
    const [r] = await makeUsers(1, { prefix: 'old', buildingId: 'b1' })
    const earned = Date.UTC(2024, 5, 1) // expires 2026-01-01 00:00 China time
    await tx(sdkDb(), (t) =>
      applyTransferOrThrow(t, awardTransfer({ communityId: DEMO_COMMUNITY.id, openid: r, amount: 50, at: earned, source: { kind: 'order', id: `old-${r}` }, reason: '去年的服务' }), { dailyCap: null }),
    )
    expect((await sdkDb().collection('points_accounts').doc(personAccountId(r)).get()).data.balance).toBe(50) // still stored
    expect((await okAs(r, pointsFn.balance, {})).balance).toBe(0)
    const gift = await newGift({ price: 10, totalStock: 5 })
    const e = await newEvent({ ...running(), booths: [{ giftId: gift.id, stock: 5 }] })
    expect(await callAs(r, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() })).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS' } })
    expect(await balanceOf(r)).toBe(50)
  })
})

describe('found by a second look', () => {
  test('no backdated events; walk-in points count against the staff member\'s daily allowance', async () => {
    const { staff, buildingId } = await newGrid('allow')
    expect(await callAs(staff, eventsFn.publish, { ...publishBase(), startAt: now() - 86400e3, endAt: now() + 3600e3, deadline: now() })).toMatchObject({ ok: false, error: { code: 'START_IN_PAST' } })
    const people = await Promise.all(Array.from({ length: 21 }, () => newResident({ buildingId })))
    const events = [await okAs(staff, eventsFn.publish, { ...publishBase(), ...running(), points: 10 }), await okAs(staff, eventsFn.publish, { ...publishBase(), ...running(), points: 10 }), await okAs(staff, eventsFn.publish, { ...publishBase(), ...running(), points: 10 })]
    const out = []
    for (let i = 0; i < 21; i++) out.push(await okAs(staff, eventsFn.staffCheckIn, { eventId: events[Math.floor(i / 10)].id, openid: people[i].openid, walkIn: true }))
    expect(out.slice(0, 20).every((r) => r.awarded === 10)).toBe(true)
    expect(out[20]).toMatchObject({ status: 'attended', awarded: 0, note: '您今天登记发放的积分已到上限，这次只记到场、不发积分' })
    // the allowance is shared with adjustments: the day is used up
    expect(await okAs(staff, pointsFn.adjust, { openid: people[0].openid, delta: 1, reason: '补发积分', requestId: requestId() })).toMatchObject({ status: 'pending', why: 'over_daily' })
  })

  test('a 网格员 who orders for a neighbour does not dispatch it, and a second extra award is refused', async () => {
    const { staff, buildingId } = await newGrid('ownreq')
    const o = await newOrder(staff, { onBehalfOf: { name: '赵大爷', buildingId } })
    expect(await callAs(staff, orders.publish, { orderId: o._id, points: 10 })).toMatchObject({ ok: false, error: { code: 'OWN_REQUEST' } })
    const [vol] = await makeUsers(1, { prefix: 'again', buildingId: 'b2', volunteer: { skills: ['repair_pipe'] } })
    const owner = await newOrder(P.wang)
    await okAs(ZHANG, orders.publish, { orderId: owner._id, points: 10 })
    for (let round = 0; round < 2; round++) {
      await okAs(vol, orders.accept, { orderId: owner._id })
      await okAs(vol, orders.reportDone, { orderId: owner._id, note: '修好了' })
      await okAs(P.wang, orders.confirm, { orderId: owner._id })
      await okAs(P.wang, orders.reopen, { orderId: owner._id, reason: '又坏了' })
      if (round === 0) await okAs(ZHANG, orders.publish, { orderId: owner._id, awardAgain: true })
    }
    expect(await callAs(ZHANG, orders.publish, { orderId: owner._id, awardAgain: true })).toMatchObject({ ok: false, error: { code: 'AWARD_LIMIT' } })
    expect(await balanceOf(vol)).toBe(20)
  })

  test('the same gift twice in one publish is refused (it would sell more than the stock)', async () => {
    const gift = await newGift({ totalStock: 10 })
    const r = await callAs(ZHANG, eventsFn.publish, { ...publishBase(), booths: [{ giftId: gift.id, stock: 10 }, { giftId: gift.id, stock: 1 }] })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'booths', message: '同一件礼品只设一个摊位，请把数量合在一起' }] } })
  })

  test('nobody reviews their own volunteer application or gives themselves a role', async () => {
    const { staff, buildingId } = await newGrid('selfrev')
    await okAs(staff, users.applyVolunteer, { skills: ['other'], availableTimes: ['weekend_morning'] })
    expect(await callAs(staff, users.reviewVolunteer, { openid: staff, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '自己的申请要由其他网格员或管理员审核' } })
    expect(await callAs(staff, users.grantRole, { openid: staff, role: 'building_lead', buildings: [buildingId] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('booth staff cannot cancel someone\'s redemption; the resident cancels their own, an admin with a reason', async () => {
    const gift = await newGift({ totalStock: 10, price: 10 })
    const e = await newEvent({ ...running(), booths: [{ giftId: gift.id, stock: 5 }] })
    const [a, b] = await makeUsers(2, { prefix: 'cxl', buildingId: 'b1' })
    await credit([a, b], 10)
    const [ra, rb] = [await okAs(a, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() }), await okAs(b, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() })]
    expect(await callAs(ZHANG, pointsFn.cancelRedemption, { code: ra.code, reason: '居民不要了' })).toMatchObject({ ok: false, error: { code: 'CANCEL_NOT_ALLOWED' } })
    expect(await callAs(b, pointsFn.cancelRedemption, { code: ra.code })).toMatchObject({ ok: false, error: { code: 'CANCEL_NOT_ALLOWED' } })
    expect(await okAs(a, pointsFn.cancelRedemption, { code: ra.code })).toMatchObject({ status: 'cancelled' })
    expect(await balanceOf(a)).toBe(10)
    expect(await callAs(ADMIN, pointsFn.cancelRedemption, { code: rb.code })).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } })
    expect(await okAs(ADMIN, pointsFn.cancelRedemption, { code: rb.code, reason: '活动取消' })).toMatchObject({ status: 'cancelled' })
  })

  test('a burst of code guesses cannot slip the right code past the limit: every try is counted', async () => {
    const e = await newEvent({ points: 5, ...running() })
    const [r] = await makeUsers(1, { prefix: 'burst', buildingId: 'b1' })
    await okAs(r, eventsFn.signUp, { eventId: e.id })
    const { code } = await okAs(ZHANG, eventsFn.checkinCode, { eventId: e.id })
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1e6).padStart(6, '0')
    const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => untilFinal(r, eventsFn.checkIn, { eventId: e.id, code: i === 45 ? code : wrong(i) })))
    const tries = (await sdkDb().collection('event_code_tries').doc(`tries:${e.id}:${r}`).get()).data.count
    const attended = burst.filter((x) => x.ok).length
    // whatever got in, it got in within the first 10 tries, and nothing after them was tried
    expect(tries).toBeLessThanOrEqual(10)
    expect(burst.filter((x) => !x.ok && x.error.code === 'CODE_WRONG').length + attended).toBe(tries)
  })
})

describe('one person with two accounts, or a day to spare', () => {
  test('an admin appointed by the requester does not approve the requester\'s adjustment; the appointment is on record', async () => {
    const puppet = (await newResident({ prefix: 'puppet', buildingId: 'b1' })).openid
    await okAs(ADMIN, users.grantRole, { openid: puppet, role: 'admin' })
    const [friend] = await makeUsers(1, { prefix: 'friend', buildingId: 'b1' })
    const req = await okAs(ADMIN, pointsFn.adjust, { openid: friend, delta: 5000, reason: '给朋友加分', requestId: requestId() })
    expect(req).toMatchObject({ status: 'pending' })
    expect(await callAs(puppet, pointsFn.approveAdjustment, { id: req.adjustmentId })).toMatchObject({ ok: false, error: { code: 'APPOINTEE_APPROVAL' } })
    expect(await balanceOf(friend)).toBe(0)
    const log = await okAs(ADMIN, pointsFn.auditLog, { limit: 50, action: 'users.grantRole' })
    expect(log.items.find((e) => e.action === 'users.grantRole' && (e.input as { openid?: string } | null)?.openid === puppet)).toMatchObject({ by: ADMIN, outcome: 'ok' })
  })

  test('raised adjustment limits wait a day; until then a big adjustment still waits for a second admin', async () => {
    const before = await okAs(ADMIN, pointsFn.rules, {})
    const saved = await okAs(ADMIN, pointsFn.setRules, { categoryPoints: before.categoryPoints, attendancePoints: before.attendancePoints, dailyCap: before.dailyCap, adjustLimit: 10000, adjustDailyLimit: 100000 })
    expect(saved).toMatchObject({ adjustLimit: before.adjustLimit, adjustDailyLimit: before.adjustDailyLimit, pendingLimits: { adjustLimit: 10000, adjustDailyLimit: 100000 } })
    expect(saved.pendingLimits!.effectiveAt).toBeGreaterThan(Date.now() + 23 * 3600e3)
    const [friend] = await makeUsers(1, { prefix: 'friend', buildingId: 'b1' })
    expect(await okAs(ADMIN, pointsFn.adjust, { openid: friend, delta: 5000, reason: '提高限额后马上调整', requestId: requestId() })).toMatchObject({ status: 'pending', why: 'over_limit' })
    // saving the other rules keeps the waiting raise
    expect(await okAs(ADMIN, pointsFn.setRules, { categoryPoints: before.categoryPoints, attendancePoints: before.attendancePoints, dailyCap: before.dailyCap })).toMatchObject({ pendingLimits: { adjustLimit: 10000 } })
  })

  test('someone who just moved into another grid is credited by that grid\'s 网格员 only with approval', async () => {
    const { openid } = await newResident({ buildingId: 'b1' })
    expect(await callAs(CHEN, pointsFn.adjust, { openid, delta: 5, reason: '补发积分', requestId: requestId() })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    await okAs(openid, users.updateProfile, { name: '搬家的居民', phone: '13712345670', buildingId: 'b6', unitId: 'b6-1' })
    expect(await okAs(CHEN, pointsFn.adjust, { openid, delta: 5, reason: '补发积分', requestId: requestId() })).toMatchObject({ status: 'pending', why: 'recent_move' })
    expect(await balanceOf(openid)).toBe(0)
  })
})
