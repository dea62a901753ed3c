/**
 * The events lists page by a cursor: upcoming (soonest first), past (latest first) and my sign-ups
 * (by the events' dates: from today on soonest first, then earlier ones latest first) each give every event once while events are published and signed up for between
 * pages. Events here are for a grid of the test's own, so their order is checked among the rest.
 */
import type { InputOf } from '../../core/contract/define'
import { eventsFn } from '../../core/events/contract'
import { okAs, sdkDb } from '../support/call'
import { REGISTRATIONS, regId, regStartKey } from '../../core/events'
import { timeKey } from '../../core/contract/paging'
import { expectEachOnce, walkPages } from '../support/paging'
import { newGrid, newResident } from '../support/people'
import { pastEvent, publishBase } from './points-support'

const H = 3600e3

describe('events lists page by a cursor', () => {
  let own: Awaited<ReturnType<typeof newGrid>>
  let resident: string
  const upcoming: string[] = []
  // the first ones soon; those published while paging 1000 h out and later each time, so they sort
  // after the cursor even when other files' events of the community (seen by this resident too)
  // have moved it past the first ones — a row inserted before a cursor is rightly not on later pages
  const publish = async (over: Partial<InputOf<typeof eventsFn.publish>> = {}) => {
    const at = Date.now() + (upcoming.length + 1 + (upcoming.length >= 7 ? 1000 : 0)) * H
    const e = await okAs(own.staff, eventsFn.publish, { ...publishBase(), startAt: at, endAt: at + H, deadline: at, capacity: 2, audience: { kind: 'grid', gridId: own.gridId }, ...over })
    upcoming.push(e.id)
    return e
  }
  const walk = (tab: 'upcoming' | 'past' | 'mine', between?: () => Promise<unknown>) =>
    walkPages((cursor) => okAs(resident, eventsFn.list, { tab, cursor, limit: 3 }), { between })
  const ours = (items: { id: string; startAt: number }[], ids: string[]) => items.filter((e) => ids.includes(e.id))

  beforeAll(async () => {
    own = await newGrid('events')
    resident = (await newResident({ buildingId: own.buildingId })).openid
    for (let i = 0; i < 7; i++) await publish()
  })

  it('upcoming: soonest first, each once, new ones while paging included', async () => {
    const seen = await walk('upcoming', publish)
    expectEachOnce(seen.map((e) => e.id), upcoming)
    const starts = ours(seen, upcoming).map((e) => e.startAt)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  it('past: latest first, each once, while others are published', async () => {
    const past: string[] = []
    for (let i = 0; i < 5; i++) past.push((await pastEvent({ audience: { kind: 'grid', gridId: 'g1' }, title: `往期${i}` })).id)
    const g1 = (await newResident({ buildingId: 'b1' })).openid
    const seen = await walkPages((cursor) => okAs(g1, eventsFn.list, { tab: 'past', cursor, limit: 3 }), { between: () => pastEvent({ title: '又一场往期' }) })
    expectEachOnce(seen.map((e) => e.id), past)
    const starts = ours(seen, past).map((e) => e.startAt)
    expect(starts).toEqual([...starts].sort((a, b) => b - a))
  })

  it('my sign-ups: by the events\' dates (coming soonest first, then earlier ones latest first), each once, while signing up for more', async () => {
    const signed: string[] = []
    const signUp = async (eventId: string | undefined) => {
      if (!eventId) return
      await okAs(resident, eventsFn.signUp, { eventId })
      signed.push(eventId)
    }
    // signed up in the reverse of their dates: the list follows the dates, not the sign-ups
    for (const id of upcoming.slice(0, 7).reverse()) await signUp(id)
    // two the resident went to: events that were on yesterday and the day before
    const past: string[] = []
    for (const daysAgo of [2, 1]) {
      const e = await publish()
      await signUp(e.id)
      const startAt = Date.now() - daysAgo * 24 * H - H
      await sdkDb().collection('events').doc(e.id).update({ data: { startAt, endAt: startAt + H, deadline: startAt, startKey: timeKey(startAt, e.id) } })
      const reg = regId(e.id, resident)
      await sdkDb().collection(REGISTRATIONS).doc(reg).update({ data: { eventStartKey: regStartKey(startAt, reg) } })
      past.push(e.id)
    }
    const coming = upcoming.slice(0, 7)
    const later = upcoming.slice(7).filter((id) => !past.includes(id))
    const seen = await walk('mine', () => signUp(later.shift()))
    expectEachOnce(seen.map((e) => e.id), [...coming, ...past])
    expect(seen.every((e) => e.mine?.status === 'registered')).toBe(true)
    const ids = seen.map((e) => e.id).filter((id) => coming.includes(id) || past.includes(id))
    expect(ids).toEqual([...coming, ...past.reverse()])

    // the first event moved after the others: it moves in the list too
    const first = await okAs(resident, eventsFn.detail, { eventId: coming[0] })
    const startAt = Date.now() + 500 * H
    await okAs(own.staff, eventsFn.update, { eventId: coming[0], title: first.title, place: first.place, startAt, endAt: startAt + H, deadline: startAt })
    const again = (await walk('mine')).map((e) => e.id).filter((id) => coming.includes(id))
    expect(again).toEqual([...coming.slice(1), coming[0]])
  })
})
