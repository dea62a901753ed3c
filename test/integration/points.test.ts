/** 爱心银行 through the real SDK: adjust, statement, rules, gifts, redeem → 核销 → cancel → reconcile. */
import { pointsFn } from '../../core/points/contract'
import { eventsFn } from '../../core/events/contract'
import { PERSONAS } from '../../core/demo/personas'
import { callAs, okAs } from '../support/call'
import { makeUsers } from './orders-support'
import { untilFinal } from '../support/call'
import { newGrid, newResident } from '../support/people'
import { ADMIN, STAFF, balanceOf, credit, newEvent, newGift, pastEvent, requestId } from './points-support'

describe('balance, statement and adjustments', () => {
  test('staff adjust within their grid with a reason; the statement shows it with its source', async () => {
    // a 网格员 of this test's own grid: the daily allowance of a shared one is used by other files at the same time
    const grid = await newGrid('pt')
    const u = (await newResident({ buildingId: grid.buildingId })).openid
    const r = await okAs(grid.staff, pointsFn.adjust, { openid: u, delta: 40, reason: '补录上月服务', requestId: requestId() })
    expect(r.balance).toBe(40)
    const again = await okAs(grid.staff, pointsFn.adjust, { openid: u, delta: -15, reason: '多记了', requestId: requestId() })
    expect(again.balance).toBe(25)
    expect(await callAs(grid.staff, pointsFn.adjust, { openid: u, delta: -30, reason: '太多了', requestId: requestId() })).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS' } })
    expect(await callAs(PERSONAS.staffChen.openid, pointsFn.adjust, { openid: u, delta: 5, reason: '别的网格', requestId: requestId() })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
    const b = await okAs(u, pointsFn.balance, {})
    expect(b.balance).toBe(25)
    const st = await okAs(u, pointsFn.statement, { limit: 10 })
    expect(st.items.map((i) => i.amount)).toEqual([-15, 40])
    expect(st.items[0]).toMatchObject({ reason: '人工调整：多记了', source: { kind: 'adjustment' } })
  })

  test('a retried adjustment (same request id) counts once', async () => {
    const grid = await newGrid('pt')
    const u = (await newResident({ buildingId: grid.buildingId })).openid
    const id = requestId()
    const rs = await Promise.all(Array.from({ length: 5 }, () => callAs(grid.staff, pointsFn.adjust, { openid: u, delta: 7, reason: '重复提交', requestId: id })))
    expect(rs.filter((r) => r.ok).length).toBeGreaterThan(0)
    expect(await balanceOf(u)).toBe(7)
  })

  test('admin sets rules; residents read them; accounts list and CSV are scoped', async () => {
    const rules = await okAs(ADMIN, pointsFn.setRules, { categoryPoints: { repair_pipe: 15 }, attendancePoints: 5, dailyCap: 200 })
    expect(rules.expiry).toContain('12月31日')
    expect(await okAs(PERSONAS.residentWang.openid, pointsFn.rules, {})).toMatchObject({ categoryPoints: { repair_pipe: 15 }, dailyCap: 200 })
    expect(await callAs(STAFF, pointsFn.setRules, { categoryPoints: {}, attendancePoints: 1, dailyCap: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const out = await okAs(STAFF, pointsFn.accounts, { limit: 50, csv: true })
    expect(out.items.every((i) => i.gridId === 'g1')).toBe(true)
    expect(out.csv!.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('用户编号,姓名,网格,积分余额')
  })
})

describe('redeem at a booth', () => {
  test('redeem → code works once at the booth → cancel refunds → reconciliation balances', async () => {
    const gift = await newGift({ name: '洗衣液', price: 20, perPersonLimit: 2 })
    const event = await newEvent({ booths: [{ giftId: gift.id, stock: 3 }] })
    const [a, b] = await makeUsers(2, { prefix: 'rd', buildingId: 'b2' })
    await credit([a, b], 50)
    const r1 = await okAs(a, pointsFn.redeem, { eventId: event.id, giftId: gift.id, requestId: requestId() })
    expect(r1).toMatchObject({ status: 'reserved', price: 20, balance: 30, giftName: '洗衣液' })
    expect(r1.code).toMatch(/^[23456789A-HJKMNP-Z]{8}$/)
    expect(r1.qr).toBe(`LINLI:RD:${r1.code}`)
    const v = await okAs(STAFF, pointsFn.verify, { code: r1.display.toLowerCase() })
    expect(v).toMatchObject({ giftName: '洗衣液', remaining: 2 })
    expect(await callAs(STAFF, pointsFn.verify, { code: r1.qr })).toMatchObject({ ok: false, error: { code: 'CODE_USED' } })
    expect(await callAs(STAFF, pointsFn.verify, { code: 'ZZZZ-ZZZZ' })).toMatchObject({ ok: false, error: { code: 'CODE_UNKNOWN' } })
    expect(await callAs(a, pointsFn.verify, { code: r1.code })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const r2 = await okAs(b, pointsFn.redeem, { eventId: event.id, giftId: gift.id, requestId: requestId() })
    const c = await okAs(b, pointsFn.cancelRedemption, { code: r2.code })
    expect(c.status).toBe('cancelled')
    expect(await balanceOf(b)).toBe(50)
    expect(await callAs(ADMIN, pointsFn.cancelRedemption, { code: r2.code, reason: '再取消' })).toMatchObject({ ok: false, error: { code: 'CODE_VOID' } })
    const rec = await okAs(STAFF, pointsFn.reconcile, { eventId: event.id })
    expect(rec.balanced).toBe(true)
    expect(rec.lines[0]).toMatchObject({ allocated: 3, redeemed: 1, reserved: 0, returned: 1, onHand: 2, pointsDebited: 40, pointsRefunded: 20 })
    expect(rec.csv).toContain('洗衣液,20,3,1,0,1,2,40,20,是')
  })

  test('a retried redeem (same request id) reserves once; per-person limit and insufficient points refuse', async () => {
    const gift = await newGift({ price: 30, perPersonLimit: 1 })
    const event = await newEvent({ booths: [{ giftId: gift.id, stock: 5 }] })
    const [a, poor] = await makeUsers(2, { prefix: 'rd' })
    await credit([a], 100)
    const id = requestId()
    const [x, y] = await Promise.all([okAs(a, pointsFn.redeem, { eventId: event.id, giftId: gift.id, requestId: id }), okAs(a, pointsFn.redeem, { eventId: event.id, giftId: gift.id, requestId: id })])
    expect(x.code).toBe(y.code)
    expect(await balanceOf(a)).toBe(70)
    expect(await callAs(a, pointsFn.redeem, { eventId: event.id, giftId: gift.id, requestId: requestId() })).toMatchObject({ ok: false, error: { code: 'OVER_LIMIT' } })
    expect(await callAs(poor, pointsFn.redeem, { eventId: event.id, giftId: gift.id, requestId: requestId() })).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS' } })
    const mine = await okAs(a, pointsFn.myRedemptions, {})
    expect(mine.items.map((i) => i.code)).toEqual([x.code])
    // one reserved: promised to a, so no longer redeemable by anyone else
    expect(await callAs(a, eventsFn.detail, { eventId: event.id })).toMatchObject({ ok: true, data: { booths: [{ left: 4 }] } })
  })
})

test('addBooth: allocate (more) booth stock to a published event from the gift total; redeemable; reconciled', async () => {
  const gift = await newGift({ name: '面条', price: 5, totalStock: 8, perPersonLimit: 1 })
  const e = await newEvent({ startAt: Date.now() - 60e3 })
  expect(await okAs(STAFF, eventsFn.addBooth, { eventId: e.id, giftId: gift.id, stock: 3 })).toMatchObject({ booths: [{ giftId: gift.id, stock: 3, left: 3 }] })
  expect(await okAs(STAFF, eventsFn.addBooth, { eventId: e.id, giftId: gift.id, stock: 4 })).toMatchObject({ booths: [{ giftId: gift.id, stock: 7, left: 7 }] })
  expect(await callAs(STAFF, eventsFn.addBooth, { eventId: e.id, giftId: gift.id, stock: 2 })).toMatchObject({ ok: false, error: { code: 'GIFT_STOCK_SHORT' } })
  expect((await okAs(ADMIN, pointsFn.gifts, { all: true })).items.find((g) => g.id === gift.id)).toMatchObject({ allocated: 7 })
  const people = await makeUsers(7, { prefix: 'ab' })
  await credit(people, 5)
  const got = await Promise.all(people.map((p) => untilFinal(p, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() })))
  expect(got.filter((r) => r.ok)).toHaveLength(7) // all seven units, the added ones included
  expect(await okAs(STAFF, pointsFn.reconcile, { eventId: e.id })).toMatchObject({ balanced: true, lines: [{ allocated: 7, reserved: 7, free: 0 }] })
  const ended = await pastEvent()
  expect(await callAs(STAFF, eventsFn.addBooth, { eventId: ended.id, giftId: gift.id, stock: 1 })).toMatchObject({ ok: false, error: { code: 'EVENT_CLOSED' } })
})
