/** Events through the real SDK: publish, sign-up with family, waitlist promotion with a notice, check-in, lists. */
import { eventsFn } from '../../core/events/contract'
import { EVENT_NOTICES, MAX_CODE_TRIES } from '../../core/events/model'
import { pointsFn } from '../../core/points/contract'
import { PERSONAS } from '../../core/demo/personas'
import { callAs, callRaw, okAs, sdkDb } from '../support/call'
import { makeUsers } from './orders-support'
import { balanceOf, newEvent, publishBase, runTimer, STAFF } from './points-support'

describe('sign-up, waitlist, cancel', () => {
  test('family counts against capacity; the waitlist promotes in order with a notice', async () => {
    const e = await newEvent({ capacity: 3 })
    const [a, b, c, d] = await makeUsers(4, { prefix: 'ev' })
    expect(await okAs(a, eventsFn.signUp, { eventId: e.id, family: 1 })).toMatchObject({ status: 'registered', family: 1 })
    expect(await okAs(b, eventsFn.signUp, { eventId: e.id })).toMatchObject({ status: 'registered' })
    expect(await okAs(c, eventsFn.signUp, { eventId: e.id })).toMatchObject({ status: 'waiting', position: 1 })
    expect(await okAs(d, eventsFn.signUp, { eventId: e.id })).toMatchObject({ status: 'waiting', position: 2 })
    expect(await okAs(d, eventsFn.signUp, { eventId: e.id })).toMatchObject({ status: 'waiting', position: 2 }) // again: same
    expect((await okAs(a, eventsFn.detail, { eventId: e.id })).seatsLeft).toBe(0)
    expect(await okAs(b, eventsFn.cancel, { eventId: e.id })).toMatchObject({ status: 'cancelled' })
    expect((await okAs(c, eventsFn.detail, { eventId: e.id })).mine).toMatchObject({ status: 'registered' })
    expect((await okAs(d, eventsFn.detail, { eventId: e.id })).mine).toMatchObject({ status: 'waiting', position: 1 })
    const notice = (await sdkDb().collection(EVENT_NOTICES).doc(`promoted:reg:${e.id}:${c}`).get()).data
    expect(notice).toMatchObject({ to: c, kind: 'event_promoted', title: '候补成功，您已报上名' })
    expect(await callAs(b, eventsFn.cancel, { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_UP' } })
    const list = await okAs(STAFF, eventsFn.attendees, { eventId: e.id })
    expect(list.seated).toBe(3)
    expect(list.items.find((i) => i.openid === d)).toMatchObject({ status: 'waiting', position: 1 })
  })

  test('a 网格员 publishes for the whole community or their own grid, not for another grid', async () => {
    const mine = await newEvent({ audience: { kind: 'grid', gridId: 'g1' }, title: '一网格议事会' })
    expect(mine.id).toBeTruthy()
    const before = (await sdkDb().collection('events').where({ title: '二网格议事会' }).count()).total
    const other = await callAs(STAFF, eventsFn.publish, { ...publishBase(), audience: { kind: 'grid', gridId: 'g2' }, title: '二网格议事会' })
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能给自己负责的网格发布活动' } })
    expect((await sdkDb().collection('events').where({ title: '二网格议事会' }).count()).total).toBe(before)
    expect(await okAs(PERSONAS.staffChen.openid, eventsFn.publish, { ...publishBase(), audience: { kind: 'grid', gridId: 'g2' }, title: '二网格议事会' })).toMatchObject({ title: '二网格议事会' })
  })

  test('audience, deadline and lists (upcoming / mine)', async () => {
    const now = Date.now()
    const volunteersOnly = await newEvent({ audience: { kind: 'volunteers' }, title: '志愿者培训' })
    const closed = await newEvent({ deadline: now + 60e3, startAt: now + 3600e3, endAt: now + 7200e3 })
    await sdkDb().collection('events').doc(closed.id).update({ data: { deadline: now - 1000 } }) // sign-up has closed since
    const [r] = await makeUsers(1, { prefix: 'ev' })
    // an event outside the caller's audience is answered as if it did not exist (as events.detail does)
    expect(await callAs(r, eventsFn.signUp, { eventId: volunteersOnly.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await okAs(PERSONAS.volunteerLi.openid, eventsFn.signUp, { eventId: volunteersOnly.id })).toMatchObject({ status: 'registered' })
    expect(await callAs(r, eventsFn.signUp, { eventId: closed.id })).toMatchObject({ ok: false, error: { code: 'EVENT_CLOSED' } })
    const up = await okAs(r, eventsFn.list, { tab: 'upcoming', limit: 50 })
    expect(up.items.some((i) => i.id === volunteersOnly.id)).toBe(false)
    const mine = await okAs(PERSONAS.volunteerLi.openid, eventsFn.list, { tab: 'mine', limit: 10 })
    expect(mine.items[0]).toMatchObject({ id: volunteersOnly.id, mine: { status: 'registered' } })
    expect(await callAs(r, eventsFn.publish, { kind: 'other', title: 'x', place: 'y', startAt: now, endAt: now + 1, deadline: now, capacity: 1 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('check-in', () => {
  test('rotating code, personal code, walk-in; attendance points once; no-shows at the close', async () => {
    const now = Date.now()
    const e = await newEvent({ points: 8, startAt: now - 60e3, endAt: now + 4000, deadline: now + 3000 })
    const [a, b, c, walk] = await makeUsers(4, { prefix: 'ci' })
    await Promise.all([a, b, c].map((p) => okAs(p, eventsFn.signUp, { eventId: e.id })))
    const { code } = await okAs(STAFF, eventsFn.checkinCode, { eventId: e.id })
    expect(await callAs(a, eventsFn.checkinCode, { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const wrong = code === '000000' ? '000001' : '000000'
    expect(await callAs(a, eventsFn.checkIn, { eventId: e.id, code: wrong })).toMatchObject({ ok: false, error: { code: 'CODE_WRONG' } })
    expect(await okAs(a, eventsFn.checkIn, { eventId: e.id, code })).toMatchObject({ status: 'attended', awarded: 8, already: false })
    expect(await okAs(a, eventsFn.checkIn, { eventId: e.id, code })).toMatchObject({ awarded: 0, already: true })
    const personal = await okAs(b, eventsFn.myCode, { eventId: e.id })
    // the QR names nobody: an opaque token, the same on every call
    expect(personal.code).toMatch(/^LINLI:CI:[0-9A-Z]{16}$/)
    expect(personal.code).not.toContain(b)
    expect(await okAs(b, eventsFn.myCode, { eventId: e.id })).toEqual(personal)
    const other = await newEvent({ startAt: now - 60e3, endAt: now + 3600e3, deadline: now + 1800e3 })
    expect(await callAs(STAFF, eventsFn.staffCheckIn, { eventId: other.id, code: personal.code })).toMatchObject({ ok: false, error: { code: 'OTHER_EVENT' } })
    expect(await callAs(STAFF, eventsFn.staffCheckIn, { eventId: e.id, code: 'LINLI:CI:0000000000000000' })).toMatchObject({ ok: false, error: { code: 'CODE_WRONG' } })
    // as a scanner or a person types it: lower case and spaces do not matter
    expect(await okAs(STAFF, eventsFn.staffCheckIn, { eventId: e.id, code: ` ${personal.code.toLowerCase()} ` })).toMatchObject({ status: 'attended', awarded: 8 })
    expect(await okAs(STAFF, eventsFn.staffCheckIn, { eventId: e.id, openid: walk, walkIn: true })).toMatchObject({ status: 'attended', awarded: 8 })
    expect(await Promise.all([a, b, c, walk].map(balanceOf))).toEqual([8, 8, 0, 8])
    const st = await okAs(a, pointsFn.statement, { limit: 5 })
    expect(st.items[0]).toMatchObject({ amount: 8, source: { kind: 'event', id: e.id }, reason: `参加活动：${e.title}` })
    await new Promise((r) => setTimeout(r, Math.max(0, now + 4100 - Date.now())))
    await runTimer('events', 'closeEvents')
    const list = await okAs(STAFF, eventsFn.attendees, { eventId: e.id })
    expect(list.items.find((i) => i.openid === c)?.status).toBe('no_show')
    expect(list.items.find((i) => i.openid === walk)).toMatchObject({ walkIn: true, status: 'attended' })
  })
  test('after MAX_CODE_TRIES wrong codes even the right one is refused; staff can still check the person in', async () => {
    const now = Date.now()
    const e = await newEvent({ points: 6, startAt: now - 60e3, endAt: now + 3600e3, deadline: now + 1800e3 })
    const [guesser] = await makeUsers(1, { prefix: 'ct' })
    await okAs(guesser, eventsFn.signUp, { eventId: e.id })
    const { code } = await okAs(STAFF, eventsFn.checkinCode, { eventId: e.id })
    const wrongs = Array.from({ length: MAX_CODE_TRIES }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'))
    for (const wrong of wrongs) {
      expect(await callAs(guesser, eventsFn.checkIn, { eventId: e.id, code: wrong })).toMatchObject({ ok: false, error: { code: 'CODE_WRONG' } })
    }
    const fresh = (await okAs(STAFF, eventsFn.checkinCode, { eventId: e.id })).code
    expect(await callAs(guesser, eventsFn.checkIn, { eventId: e.id, code: fresh })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_TRIES', message: '签到码输错次数太多了，请找现场工作人员帮您签到' } })
    expect(await balanceOf(guesser)).toBe(0)
    const personal = await okAs(guesser, eventsFn.myCode, { eventId: e.id })
    expect(await okAs(STAFF, eventsFn.staffCheckIn, { eventId: e.id, code: personal.code })).toMatchObject({ status: 'attended', awarded: 6 })
  })
})

describe('reminders', () => {
  test('registered people get one inbox reminder per event, however often the timer runs', async () => {
    const e = await newEvent({ startAt: Date.now() + 3600e3, endAt: Date.now() + 7200e3 })
    const [a] = await makeUsers(1, { prefix: 'rm' })
    await okAs(a, eventsFn.signUp, { eventId: e.id, subscribed: true })
    await Promise.all([runTimer('events', 'remind'), runTimer('events', 'remind')])
    const n = (await sdkDb().collection(EVENT_NOTICES).where({ to: a }).get()).data
    expect(n).toHaveLength(1)
    expect(n[0]).toMatchObject({ kind: 'event_reminder', body: expect.stringContaining(e.title) })
  })

  test('a client cannot fire a timer: a Timer-shaped callFunction → UNKNOWN_ACTION, nothing written', async () => {
    const e = await newEvent({ startAt: Date.now() + 3600e3, endAt: Date.now() + 7200e3 })
    const [a] = await makeUsers(1, { prefix: 'rm' })
    await okAs(a, eventsFn.signUp, { eventId: e.id })
    for (const who of [a, STAFF, PERSONAS.admin.openid]) {
      expect(await callRaw(who, 'events', { Type: 'Timer', TriggerName: 'remind' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    }
    expect((await sdkDb().collection(EVENT_NOTICES).where({ to: a }).get()).data).toHaveLength(0)
    await runTimer('events', 'remind')
    expect((await sdkDb().collection(EVENT_NOTICES).where({ to: a }).get()).data).toHaveLength(1)
  })
})
