/**
 * Editing and cancelling a published event through the real SDK: only staff who run it; times kept
 * in order at their fields; the people signed up told once; a cancel refunds every reservation,
 * gives the booths' gifts back to stock once, and no redemption slips in after it.
 */
import { eventsFn } from '../../core/events/contract'
import { EVENT_NOTICES } from '../../core/events/model'
import { pointsFn } from '../../core/points/contract'
import { SLOTS } from '../../core/collections'
import { chinaAt } from '../../core/china-time'
import { callAs, sdkDb } from '../support/call'
import { newGrid, newResident } from '../support/people'
import { makeUsers, okAs } from './orders-support'
import { ADMIN, balanceOf, credit, newEvent, newGift, pastEvent, publishBase, quietCheck, requestId, runTimer, STAFF } from './points-support'

const H = 3600e3
const noticesOf = async (eventId: string, kind: string) => (await sdkDb().collection(EVENT_NOTICES).where({ eventId, kind }).limit(100).get()).data as { to: string; body: string; title: string }[]
const giftAllocated = async (giftId: string) => ((await sdkDb().collection('gifts').doc(giftId).get()).data as { allocated: number }).allocated

describe('events.update', () => {
  test('the new place and time reach everyone signed up or waiting, once; the event shows them', async () => {
    // 10:00 China time two days on: the moved event (a day later, 2 hours long) ends the day it starts, whenever the test runs
    const start = chinaAt(Date.now(), 2, 10)
    const e = await newEvent({ capacity: 1, startAt: start, endAt: start + 2 * H, deadline: start })
    const [a, b] = await makeUsers(2, { prefix: 'upd' })
    await okAs(a, eventsFn.signUp, { eventId: e.id })
    await okAs(b, eventsFn.signUp, { eventId: e.id }) // waitlisted
    const moved = { eventId: e.id, title: e.title, place: '3号楼会议室', startAt: start + 24 * H, endAt: start + 26 * H, deadline: start + 20 * H }
    const view = await okAs(STAFF, eventsFn.update, moved)
    expect(view).toMatchObject({ place: '3号楼会议室', startAt: moved.startAt, endAt: moved.endAt, deadline: moved.deadline })
    const sent = await noticesOf(e.id, 'event_changed')
    expect(sent.map((n) => n.to).sort()).toEqual([a, b].sort())
    expect(sent[0].body).toMatch(/^时间改为 \d+月\d+日 \d\d:\d\d 至 \d\d:\d\d；地点改为 3号楼会议室；报名截止改为 /)
    // the same values again: nothing changed, nobody is told again
    await okAs(STAFF, eventsFn.update, moved)
    expect(await noticesOf(e.id, 'event_changed')).toHaveLength(2)
  })

  test('times out of order or in the past are refused at their fields', async () => {
    const start = Date.now() + 48 * H
    const e = await newEvent({ startAt: start, endAt: start + 2 * H, deadline: start })
    const base = { eventId: e.id, title: e.title, place: e.place, startAt: start, endAt: start + 2 * H, deadline: start }
    // ending before it starts also ends before sign-up closes: both said, each at its field
    expect(await callAs(STAFF, eventsFn.update, { ...base, endAt: start - H })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: [{ path: 'endAt', message: '结束时间要晚于开始时间' }, { path: 'deadline', message: '报名截止不能晚于活动结束' }] },
    })
    expect(await callAs(STAFF, eventsFn.update, { ...base, startAt: Date.now() - 2 * H })).toMatchObject({
      ok: false,
      error: { code: 'START_IN_PAST', details: [{ path: 'startAt', message: '开始时间已经过去了，请选现在或以后的时间' }] },
    })
    expect(await callAs(STAFF, eventsFn.update, { ...base, deadline: Date.now() - H })).toMatchObject({ ok: false, error: { code: 'DEADLINE_PAST', details: [{ path: 'deadline' }] } })
    const over = await pastEvent()
    expect(await callAs(STAFF, eventsFn.update, { ...base, eventId: over.id })).toMatchObject({ ok: false, error: { code: 'EVENT_OVER' } })
  })

  test('only staff who run the event; residents not at all', async () => {
    const g = await newGrid('upd')
    const e = await okAs(ADMIN, eventsFn.publish, { ...publishBase(), audience: { kind: 'grid', gridId: g.gridId } })
    const input = { eventId: e.id, title: e.title, place: '别处', startAt: e.startAt, endAt: e.endAt, deadline: e.deadline }
    expect(await callAs(STAFF, eventsFn.update, input)).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_EVENT' } })
    const { openid } = await newResident({ buildingId: g.buildingId })
    expect(await callAs(openid, eventsFn.update, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await okAs(g.staff, eventsFn.update, input)).toMatchObject({ place: '别处' })
  })
})

describe('events.cancelEvent', () => {
  test('refunds the reservation, tells everyone once, gives the booth back to stock once; nothing works after it', async () => {
    const gift = await newGift({ price: 10, totalStock: 40 })
    const e = await newEvent({ capacity: 2, booths: [{ giftId: gift.id, stock: 5 }] })
    expect(await giftAllocated(gift.id)).toBe(5)
    const [a, b, c] = await makeUsers(3, { prefix: 'cxl' })
    await credit([a], 10)
    for (const p of [a, b, c]) await okAs(p, eventsFn.signUp, { eventId: e.id }) // c waits
    const rd = await okAs(a, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() })
    expect(await balanceOf(a)).toBe(0)

    const out = await okAs(STAFF, eventsFn.cancelEvent, { eventId: e.id, reason: '暴雨预警' })
    expect(out).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警' })
    expect(await balanceOf(a)).toBe(10)
    expect((await okAs(a, pointsFn.myRedemptions, {})).items.find((r) => r.code === rd.code)).toMatchObject({ status: 'cancelled' })
    expect((await noticesOf(e.id, 'event_cancelled')).map((n) => n.to).sort()).toEqual([a, b, c].sort())
    expect(await giftAllocated(gift.id)).toBe(0)

    // a retry finishes nothing twice
    await okAs(STAFF, eventsFn.cancelEvent, { eventId: e.id, reason: '暴雨预警' })
    expect(await noticesOf(e.id, 'event_cancelled')).toHaveLength(3)
    expect(await giftAllocated(gift.id)).toBe(0)
    expect(await balanceOf(a)).toBe(10)

    expect(await callAs(b, eventsFn.signUp, { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'EVENT_CANCELLED' } })
    expect(await callAs(a, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() })).toMatchObject({ ok: false, error: { code: 'NOT_AT_BOOTH' } })
    expect(await callAs(STAFF, eventsFn.update, { eventId: e.id, title: e.title, place: e.place, startAt: e.startAt, endAt: e.endAt, deadline: e.deadline })).toMatchObject({ ok: false, error: { code: 'EVENT_CANCELLED' } })
  })

  test('when a cancelled event\'s end passes, the closing timer closes it without marking anyone 未到', async () => {
    const e = await newEvent({ capacity: 5 })
    const [a] = await makeUsers(1, { prefix: 'cxn' })
    await okAs(a, eventsFn.signUp, { eventId: e.id })
    await okAs(STAFF, eventsFn.cancelEvent, { eventId: e.id, reason: '改期' })
    const now = Date.now()
    await sdkDb().collection('events').doc(e.id).update({ data: { startAt: now - 3 * H, endAt: now - H, deadline: now - 3 * H } })
    await runTimer('events', 'closeEvents')
    const reg = (await sdkDb().collection('event_regs').where({ eventId: e.id, openid: a }).get()).data[0] as { status: string }
    expect(reg.status).toBe('registered')
    expect(((await sdkDb().collection('events').doc(e.id).get()).data as { closedAt?: number }).closedAt).toBeGreaterThan(0)
  })

  test('a redemption that read the event before the cancel cannot commit after it: the cancel closes its unit too', async () => {
    const gift = await newGift({ price: 5, totalStock: 10, perPersonLimit: 1 })
    const e = await newEvent({ capacity: 10, booths: [{ giftId: gift.id, stock: 3 }] })
    const db = sdkDb()
    const unit = ((await db.collection(SLOTS).where({ eventId: e.id }).limit(1).get()).data as { _id: string }[])[0]._id
    // what redeem does in its transaction: read the unit and the event, then write the unit
    const late = await db.startTransaction()
    const [slot, event] = await Promise.all([late.collection(SLOTS).doc(unit).get(), late.collection('events').doc(e.id).get()])
    expect([slot.data.state, event.data.status]).toEqual(['free', 'published'])
    await okAs(STAFF, eventsFn.cancelEvent, { eventId: e.id, reason: '场地停电' })
    const { _id, ...fields } = slot.data
    await late.collection(SLOTS).doc(unit).set({ data: { ...fields, state: 'reserved', redemptionId: 'late' } })
    await expect(late.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(((await db.collection(SLOTS).doc(unit).get()).data as { state: string }).state).toBe('returned')
    expect(await giftAllocated(gift.id)).toBe(0)
  })

  test('200 people redeeming while the event is cancelled: every reservation refunded, stock and ledger exact', async () => {
    const gift = await newGift({ price: 5, totalStock: 300, perPersonLimit: 1 })
    const e = await newEvent({ capacity: 10, booths: [{ giftId: gift.id, stock: 250 }] })
    const people = await makeUsers(200, { prefix: 'cxr' })
    await credit(people, 5)
    const redeems = people.map((p) => callAs(p, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() }))
    await new Promise((r) => setTimeout(r, 150)) // some redemptions land before the cancel, some after
    const cancel = okAs(STAFF, eventsFn.cancelEvent, { eventId: e.id, reason: '场地停电' })
    const results = await Promise.all(redeems)
    await cancel
    // a redemption that committed just before the cancel was released by it; one after was refused
    for (const r of results) if (!r.ok) expect(['NOT_AT_BOOTH', 'BUSY']).toContain(r.error.code)
    const reserved = (await sdkDb().collection('redemptions').where({ eventId: e.id, status: 'reserved' }).count()).total
    expect(reserved).toBe(0)
    expect((await Promise.all(people.map(balanceOf))).every((b) => b === 5)).toBe(true)
    expect(await giftAllocated(gift.id)).toBe(0)
    expect((await quietCheck()).violations).toEqual([])
  })
})
