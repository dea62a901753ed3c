/**
 * 剩 N 份 through the real SDK: what a booth can still give out falls the moment a gift is reserved,
 * for the resident (event detail) and for staff (event detail, the answer of 核销), and never goes
 * below zero or oversells under a race.
 */
import { eventsFn } from '../../core/events/contract'
import { pointsFn } from '../../core/points/contract'
import { PERSONAS } from '../../core/demo/personas'
import { okAs, untilFinal } from '../support/call'
import { makeUsers } from './orders-support'
import { ADMIN, STAFF, credit, newEvent, newGift, requestId } from './points-support'

const leftFor = async (openid: string, eventId: string) => (await okAs(openid, eventsFn.detail, { eventId })).booths[0].left ?? Number.NaN

test('reserve → 剩 falls at once for resident and staff; hand-over leaves it; cancel gives it back', async () => {
  const gift = await newGift({ name: '挂面', price: 10, perPersonLimit: 1 })
  const event = await newEvent({ booths: [{ giftId: gift.id, stock: 3 }] })
  const [a, b, watcher] = await makeUsers(3, { prefix: 'left', buildingId: 'b2' })
  await credit([a, b], 30)
  expect(await leftFor(watcher, event.id)).toBe(3)

  const ra = await okAs(a, pointsFn.redeem, { eventId: event.id, giftId: gift.id, requestId: requestId() })
  expect(await leftFor(watcher, event.id)).toBe(2)
  expect(await leftFor(STAFF, event.id)).toBe(2)

  // handing the reserved one over does not take another unit
  expect(await okAs(STAFF, pointsFn.verify, { code: ra.code })).toMatchObject({ remaining: 2 })
  expect(await leftFor(watcher, event.id)).toBe(2)

  const rb = await okAs(b, pointsFn.redeem, { eventId: event.id, giftId: gift.id, requestId: requestId() })
  expect(await leftFor(watcher, event.id)).toBe(1)
  await okAs(ADMIN, pointsFn.cancelRedemption, { code: rb.code, reason: '居民不要了' })
  expect(await leftFor(watcher, event.id)).toBe(2)
  expect(await leftFor(PERSONAS.residentWang.openid, event.id)).toBe(2)
})

test('40 concurrent reservations of stock 5: 剩 counts down to 0, never below, and matches what was sold', async () => {
  const gift = await newGift({ name: '香皂', price: 5, totalStock: 5 })
  const event = await newEvent({ booths: [{ giftId: gift.id, stock: 5 }] })
  const people = await makeUsers(40, { prefix: 'leftrace' })
  await credit(people, 10)
  const seen: number[] = []
  const watching = (async () => {
    for (let i = 0; i < 15; i++) seen.push(await leftFor(people[0], event.id))
  })()
  const results = await Promise.all(people.map((p) => untilFinal(p, pointsFn.redeem, { eventId: event.id, giftId: gift.id, requestId: requestId() })))
  await watching
  expect(results.filter((r) => r.ok)).toHaveLength(5)
  expect(seen.every((n) => n >= 0 && n <= 5)).toBe(true)
  expect(await leftFor(people[0], event.id)).toBe(0)
  const rec = await okAs(STAFF, pointsFn.reconcile, { eventId: event.id })
  expect(rec.lines[0]).toMatchObject({ allocated: 5, reserved: 5, free: 0 })
})
