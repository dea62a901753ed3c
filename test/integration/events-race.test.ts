/** Contention through the real SDK: 500 sign-ups for 30 seats, 50 identical check-ins, cancels racing promotions. */
import { eventsFn } from '../../core/events/contract'
import { REGISTRATIONS, SEATS, waitOrder, type RegistrationDoc } from '../../core/events'
import { TRANSFERS } from '../../server/ledger'
import { okAs, sdkDb } from '../support/call'
import { makeUsers } from './orders-support'
import { untilFinal } from '../support/call'
import { balanceOf, newEvent, STAFF } from './points-support'

const regsOf = async (eventId: string): Promise<RegistrationDoc[]> => {
  const out: RegistrationDoc[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = (await sdkDb().collection(REGISTRATIONS).where({ eventId }).skip(skip).limit(1000).get()).data as RegistrationDoc[]
    out.push(...page)
    if (page.length < 1000) return out
  }
}
const seatsHeld = async (eventId: string) =>
  ((await sdkDb().collection(SEATS).where({ eventId }).limit(1000).get()).data as { holder: string | null }[]).filter((s) => s.holder).length

test('500 concurrent sign-ups for capacity 30: 30 seated, never more; 470 wait in a strict order', async () => {
  const e = await newEvent({ capacity: 30 })
  const people = await makeUsers(500, { prefix: 'su' })
  const t0 = Date.now()
  const rs = await Promise.all(people.map((p) => untilFinal(p, eventsFn.signUp, { eventId: e.id })))
  const busy = rs.reduce((a, r) => a + r.busy, 0)
  console.log(`500 sign-ups in ${Date.now() - t0} ms, BUSY answers retried: ${busy}`)
  expect(rs.every((r) => r.ok)).toBe(true)
  const regs = await regsOf(e.id)
  const seated = regs.filter((r) => r.status === 'registered')
  const waiting = regs.filter((r) => r.status === 'waiting').sort(waitOrder)
  expect(seated).toHaveLength(30)
  expect(waiting).toHaveLength(470)
  expect(await seatsHeld(e.id)).toBe(30)
  expect(new Set(seated.flatMap((r) => r.seats)).size).toBe(30)
  // positions reported to callers are 1..470, each once, in waitlist order
  const pos = new Map(rs.map((r, i) => [people[i], r.ok ? r.data.position : null]))
  const reported = waiting.map((r) => pos.get(r.openid))
  const detail = await Promise.all(waiting.slice(0, 5).map((r) => okAs(r.openid, eventsFn.detail, { eventId: e.id })))
  expect(detail.map((d) => d.mine?.position)).toEqual([1, 2, 3, 4, 5])
  expect(reported.every((p) => typeof p === 'number')).toBe(true)
})

test('cancellations racing with promotions never exceed capacity, and the waitlist moves up in order', async () => {
  const e = await newEvent({ capacity: 10 })
  const people = await makeUsers(40, { prefix: 'cx' })
  for (const p of people) await okAs(p, eventsFn.signUp, { eventId: e.id }) // 10 seated, 30 waiting in this order
  const seatedFirst = people.slice(0, 10)
  const late = people.slice(30)
  // 10 cancel while 10 more sign-ups arrive at once (each cancel promotes someone)
  const extra = await makeUsers(10, { prefix: 'cx2' })
  const rs = await Promise.all([
    ...seatedFirst.map((p) => untilFinal(p, eventsFn.cancel, { eventId: e.id })),
    ...extra.map((p) => untilFinal(p, eventsFn.signUp, { eventId: e.id })),
    ...late.map((p) => untilFinal(p, eventsFn.cancel, { eventId: e.id })),
  ])
  expect(rs.every((r) => r.ok)).toBe(true)
  const regs = await regsOf(e.id)
  const seated = regs.filter((r) => r.status === 'registered')
  expect(await seatsHeld(e.id)).toBe(10)
  expect(seated).toHaveLength(10)
  // the 10 promoted are exactly the next 10 of the original waitlist
  expect(new Set(seated.map((r) => r.openid))).toEqual(new Set(people.slice(10, 20)))
})

test('the same check-in sent 50 times at once → one award', async () => {
  const now = Date.now()
  const e = await newEvent({ points: 10, startAt: now - 60e3 })
  const [p] = await makeUsers(1, { prefix: 'dup' })
  await okAs(p, eventsFn.signUp, { eventId: e.id })
  const { code } = await okAs(STAFF, eventsFn.checkinCode, { eventId: e.id })
  const rs = await Promise.all(Array.from({ length: 50 }, () => untilFinal(p, eventsFn.checkIn, { eventId: e.id, code })))
  expect(rs.every((r) => r.ok)).toBe(true)
  expect(rs.filter((r) => r.ok && r.data.awarded === 10)).toHaveLength(1)
  expect(await balanceOf(p)).toBe(10)
  const awards = (await sdkDb().collection(TRANSFERS).where({ 'source.kind': 'event', 'source.id': e.id }).get()).data
  expect(awards).toHaveLength(1)
})
