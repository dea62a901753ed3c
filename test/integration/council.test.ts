/**
 * 议事系列 through the real SDK, in a community of its own (a second street): an admin saves 逢四议事
 * and its 8 weeks of sessions become 议事会 events at once, each with its seats; planning again (also
 * many runs at once) makes nothing new and never frees a held seat; the holiday table moves a
 * session to the next working day under the same id; who may do what; bad input at its field.
 */
import { chinaDay, chinaParts, DAY_MS } from '../../core/china-time'
import { dayNumber, dayOf, weekdayOf } from '../../core/council/calendar'
import { councilFn } from '../../core/council/contract'
import { eventsFn } from '../../core/events/contract'
import { seatId } from '../../core/events'
import { PERSONAS } from '../../core/demo/personas'
import { createSeats } from '../../server/seats'
import { callAs, okAs, sdkDb } from '../support/call'
import type { Role } from '../../core/contract/roles'
import type { UserDoc } from '../../core/users/model'
import { otherStreet, personIn, type OtherStreet } from '../support/communities'

const THURSDAYS = { title: '逢四议事', kind: 'decide' as const, rule: { kind: 'weekly' as const, weekdays: [4 as const] }, startTime: '09:30', minutes: 90, place: '巷口说事点', host: '张网格员', capacity: 12, cutoffHours: 24, holidays: 'next_working_day' as const }

const person = (s: OtherStreet, roles: Role[], extra: Partial<UserDoc> = {}) => personIn(s, roles, { room: '101', ...extra })
const eventsOf = async (seriesId: string) => (await sdkDb().collection('events').where({ seriesId }).limit(100).get()).data as { _id: string; startAt: number; kind: string; capacity: number; audience: object; communityId: string }[]
const seatsOf = async (eventId: string) => (await sdkDb().collection('event_seats').where({ eventId }).limit(1000).get()).data as { _id: string; holder: string | null }[]

describe('议事系列 on fixed days', () => {
  let s: OtherStreet
  let admin: string
  beforeAll(async () => {
    s = await otherStreet()
    admin = await person(s, ['resident', 'admin'], { adminOf: [s.communityId] })
  })

  it('逢四议事: saved, its next 8 Thursdays are 议事会 events with their seats, at 9:30 China time', async () => {
    const saved = await okAs(admin, councilFn.saveSeries, THURSDAYS)
    expect(saved).toMatchObject({ title: '逢四议事', communityId: s.communityId, gridId: null, active: true })
    expect(saved.next).toHaveLength(8)
    for (const n of saved.next) {
      expect(weekdayOf(dayNumber(n.day))).toBe(4)
      expect(chinaParts(n.startAt)).toMatchObject({ h: 9, min: 30 })
      expect(n.startAt).toBeGreaterThan(Date.now())
    }
    const events = await eventsOf(saved._id)
    expect(events.map((e) => e._id).sort()).toEqual(saved.next.map((n) => n.id).sort())
    expect(events.every((e) => e.kind === 'council' && e.capacity === 12 && e.communityId === s.communityId)).toBe(true)
    expect((await seatsOf(saved.next[0].id)).length).toBe(12)
    const listed = await okAs(admin, councilFn.series, {})
    expect(listed.items.map((i) => [i._id, i.next.length])).toEqual([[saved._id, 8]])
  })

  it('planning again, also 20 runs at once, makes nothing new and never frees a held seat', async () => {
    const saved = await okAs(admin, councilFn.saveSeries, { ...THURSDAYS, title: '周四议事（二）' })
    const resident = await person(s, ['resident'])
    const first = saved.next[0].id
    const reg = await okAs(resident, eventsFn.signUp, { eventId: first })
    expect(reg.status).toBe('registered')
    const held = (await seatsOf(first)).filter((x) => x.holder).map((x) => x._id)
    expect(held).toHaveLength(1)
    const runs = await Promise.all(Array.from({ length: 20 }, () => okAs(admin, councilFn.plan, {})))
    expect(runs.reduce((n, r) => n + r.made, 0)).toBe(0)
    expect(await eventsOf(saved._id)).toHaveLength(8)
    expect((await seatsOf(first)).filter((x) => x.holder).map((x) => x._id)).toEqual(held)
    expect((await seatsOf(first)).map((x) => x._id).sort()).toEqual(Array.from({ length: 12 }, (_, n) => seatId(first, n)).sort())
    // making the seats again writes none of them: the held one stays held
    await createSeats(sdkDb(), first, 12, s.communityId)
    expect((await seatsOf(first)).filter((x) => x.holder).map((x) => x._id)).toEqual(held)
  })

  it('20 runs at once over a series with no sessions yet make each session exactly once', async () => {
    const saved = await okAs(admin, councilFn.saveSeries, { ...THURSDAYS, title: '周四议事（三）', active: false })
    await sdkDb().collection('council_series').doc(saved._id).update({ data: { active: true } })
    const runs = await Promise.all(Array.from({ length: 20 }, () => okAs(admin, councilFn.plan, {})))
    const events = await eventsOf(saved._id)
    expect(events).toHaveLength(8)
    expect(runs.reduce((n, r) => n + r.made, 0)).toBe(8)
    for (const e of events) expect((await seatsOf(e._id)).map((x) => x.holder)).toEqual(Array(12).fill(null))
  })

  it('a holiday on a Thursday: that session moves to the next working day and keeps its id; a day in another year is refused', async () => {
    const now = Date.now()
    // the third Thursday ahead is a holiday, the Friday after it too: the session is on Monday
    const thursdays = Array.from({ length: 28 }, (_, k) => chinaDay(now + k * DAY_MS)).filter((d) => weekdayOf(dayNumber(d)) === 4)
    const holiday = thursdays[2]
    const friday = dayOf(dayNumber(holiday) + 1)
    const monday = dayOf(dayNumber(holiday) + 4)
    const years = [...new Set([holiday, friday].map((d) => Number(d.slice(0, 4))))]
    for (const year of years) await okAs(admin, councilFn.setHolidays, { year, holidays: [holiday, friday].filter((d) => d.startsWith(String(year))), workdays: [] })
    const saved = await okAs(admin, councilFn.saveSeries, { ...THURSDAYS, title: '节后议事' })
    const moved = saved.next.find((n) => n.id.endsWith(holiday.replace(/-/g, '')))!
    expect(moved.day).toBe(monday)
    expect((await eventsOf(saved._id)).find((e) => e._id === moved.id)!.startAt).toBe(moved.startAt)
    expect(await callAs(admin, councilFn.setHolidays, { year: 2030, holidays: ['2031-01-01'], workdays: [] })).toMatchObject({ ok: false, error: { code: 'WRONG_YEAR' } })
  })

  it('the holiday table set after the sessions were made: a signed-up session moves (same id) or, skipped, is cancelled; its people are told', async () => {
    const now = Date.now()
    const thursdays = Array.from({ length: 28 }, (_, k) => chinaDay(now + k * DAY_MS)).filter((d) => weekdayOf(dayNumber(d)) === 4)
    // a Thursday no earlier test marked: the fourth ahead
    const day = thursdays[3]
    const moving = await okAs(admin, councilFn.saveSeries, { ...THURSDAYS, title: '顺延议事' })
    const skipping = await okAs(admin, councilFn.saveSeries, { ...THURSDAYS, title: '跳过议事', holidays: 'skip' })
    const idOf = (saved: { next: { id: string; day: string }[] }) => saved.next.find((n) => n.day === day)!.id
    const resident = await person(s, ['resident'])
    for (const saved of [moving, skipping]) await okAs(resident, eventsFn.signUp, { eventId: idOf(saved) })
    const year = Number(day.slice(0, 4))
    await okAs(admin, councilFn.setHolidays, { year, holidays: [day], workdays: [] })
    const friday = dayOf(dayNumber(day) + 1)
    const moved = (await eventsOf(moving._id)).find((e) => e._id === idOf(moving))!
    expect(chinaDay(moved.startAt)).toBe(friday)
    expect(chinaParts(moved.startAt)).toMatchObject({ h: 9, min: 30 })
    const skipped = (await sdkDb().collection('events').doc(idOf(skipping)).get()).data as { status: string; cancelReason: string }
    expect(skipped).toMatchObject({ status: 'cancelled', cancelReason: '议事日子调整了（节假日或安排有变）' })
    const notices = (await sdkDb().collection('event_notices').where({ to: resident }).limit(20).get()).data as { kind: string; eventId: string }[]
    expect(notices.map((n) => [n.kind, n.eventId]).sort()).toEqual([['event_cancelled', idOf(skipping)], ['event_changed', idOf(moving)]].sort())
    // planning again changes nothing more
    expect(await okAs(admin, councilFn.plan, {})).toMatchObject({ made: 0, moved: 0, cancelled: 0 })
    // stopping a series cancels its sessions ahead
    const stopped = await okAs(admin, councilFn.saveSeries, { ...THURSDAYS, title: '顺延议事', seriesId: moving._id, active: false })
    expect(stopped.next).toEqual([])
    expect((await eventsOf(moving._id)).every((e) => (e as unknown as { status: string }).status === 'cancelled')).toBe(true)
  })

  it('who may: an admin of the community; staff read; a resident nothing; another community\'s admin cannot edit it', async () => {
    const saved = await okAs(admin, councilFn.saveSeries, { ...THURSDAYS, title: '说事点', active: false })
    expect(saved.next).toEqual([])
    expect(await eventsOf(saved._id)).toEqual([])
    const staff = await person(s, ['resident', 'staff'], { grids: [s.gridId], staffOf: [s.communityId] })
    const resident = await person(s, ['resident'])
    expect(await callAs(staff, councilFn.saveSeries, THURSDAYS)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await okAs(staff, councilFn.series, {})).items.map((i) => i._id)).toContain(saved._id)
    expect(await callAs(resident, councilFn.series, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await callAs(PERSONAS.admin.openid, councilFn.saveSeries, { ...THURSDAYS, seriesId: saved._id })).toMatchObject({ ok: false, error: { code: 'OTHER_COMMUNITY' } })
    expect(await callAs(admin, councilFn.saveSeries, { ...THURSDAYS, gridId: 'g1' })).toMatchObject({ ok: false, error: { code: 'GRID_UNKNOWN' } })
    expect(await callAs(admin, councilFn.saveSeries, { ...THURSDAYS, seriesId: 'nope' })).toMatchObject({ ok: false, error: { code: 'SERIES_UNKNOWN' } })
  })

  it('bad input is refused at its field, in plain words, and nothing is saved', async () => {
    const before = (await sdkDb().collection('council_series').where({ communityId: s.communityId }).count()).total
    const r = await callAs(admin, councilFn.saveSeries, { ...THURSDAYS, rule: { kind: 'weekly', weekdays: [] }, startTime: '9:30' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const details = (r as { error: { details: { path: string; message: string }[] } }).error.details
    expect(details).toEqual(expect.arrayContaining([{ path: 'rule.weekdays', message: '请至少选一天' }, { path: 'startTime', message: '时间格式不对，例如 09:30' }]))
    expect((await sdkDb().collection('council_series').where({ communityId: s.communityId }).count()).total).toBe(before)
  })
})
