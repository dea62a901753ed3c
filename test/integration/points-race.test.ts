/** Contention through the real SDK: 300 concurrent redemptions of a gift with booth stock 10. */
import { pointsFn } from '../../core/points/contract'
import { REDEMPTIONS, SLOTS } from '../../core/gifts'
import { sdkDb } from '../support/call'
import { makeUsers } from './orders-support'
import { untilFinal } from '../support/call'
import { balanceOf, credit, newEvent, newGift, requestId, runTimer, STAFF } from './points-support'
import { okAs } from '../support/call'

test('300 concurrent redemptions of stock 10: exactly 10 redeemed, the rest 已兑完, every balance right', async () => {
  const gift = await newGift({ name: '毛巾', price: 25, totalStock: 10 })
  const event = await newEvent({ booths: [{ giftId: gift.id, stock: 10 }] })
  const people = await makeUsers(300, { prefix: 'race' })
  await credit(people, 40)
  const t0 = Date.now()
  const results = await Promise.all(people.map((p) => untilFinal(p, pointsFn.redeem, { eventId: event.id, giftId: gift.id, requestId: requestId() })))
  const ms = Date.now() - t0
  const won = results.filter((r) => r.ok)
  const codes = results.map((r) => (r.ok ? 'OK' : r.error.code))
  const busy = results.reduce((a, r) => a + r.busy, 0)
  console.log(`300 redemptions of 10 in ${ms} ms; BUSY answers retried: ${busy}; outcomes:`, Object.fromEntries([...new Set(codes)].map((c) => [c, codes.filter((x) => x === c).length])))
  expect(won).toHaveLength(10)
  expect(codes.filter((c) => c !== 'OK').every((c) => c === 'SOLD_OUT')).toBe(true)
  const db = sdkDb()
  const slots = (await db.collection(SLOTS).where({ eventId: event.id }).limit(100).get()).data
  expect(slots.filter((s: { state: string }) => s.state === 'reserved')).toHaveLength(10)
  const reds = (await db.collection(REDEMPTIONS).where({ eventId: event.id }).limit(100).get()).data
  expect(reds).toHaveLength(10)
  const winners = new Set(reds.map((r: { openid: string }) => r.openid))
  const balances = await Promise.all(people.map(balanceOf))
  people.forEach((p, i) => expect(balances[i]).toBe(winners.has(p) ? 15 : 40))
  const rec = await okAs(STAFF, pointsFn.reconcile, { eventId: event.id })
  expect(rec).toMatchObject({ balanced: true, lines: [{ allocated: 10, reserved: 10, free: 0, pointsDebited: 250 }] })
})

test('unused reservations expire at the event end: points and stock back exactly once', async () => {
  const gift = await newGift({ name: '食用油', price: 30, perPersonLimit: 1 })
  const now = Date.now()
  const event = await newEvent({ startAt: now - 60e3, endAt: now + 2500, deadline: now + 2000, booths: [{ giftId: gift.id, stock: 4 }] })
  const people = await makeUsers(3, { prefix: 'exp' })
  await credit(people, 30)
  const rs = await Promise.all(people.map((p) => okAs(p, pointsFn.redeem, { eventId: event.id, giftId: gift.id, requestId: requestId() })))
  await okAs(STAFF, pointsFn.verify, { code: rs[0].code })
  await new Promise((r) => setTimeout(r, 2600 - (Date.now() - now)))
  await Promise.all([runTimer('events', 'closeEvents'), runTimer('events', 'closeEvents')])
  await runTimer('events', 'closeEvents')
  expect(await Promise.all(people.map(balanceOf))).toEqual([0, 30, 30])
  const mine = await okAs(people[1], pointsFn.myRedemptions, {})
  expect(mine.items[0].status).toBe('expired')
  const rec = await okAs(STAFF, pointsFn.reconcile, { eventId: event.id })
  expect(rec).toMatchObject({ balanced: true, lines: [{ allocated: 4, redeemed: 1, returned: 2, free: 3, onHand: 3, pointsDebited: 90, pointsRefunded: 60 }] })
})
