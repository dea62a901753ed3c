import { chinaInstant, chinaParts } from '../china-time'
import { DEMO_EXPECT, DEMO_ORDERS, daysToNextFourth, demoEvents } from './activity'
import { DEMO_PEOPLE } from './community'


describe('demo activity', () => {
  it('the 议事会 falls on the next 逢四 day (4th, 14th, 24th), at least 3 days ahead', () => {
    const day = (m: number, d: number) => chinaInstant({ y: 2026, m, d, h: 9 })
    expect(daysToNextFourth(day(11, 25), 3)).toBe(9) // → 4 Dec
    expect(daysToNextFourth(day(12, 2), 3)).toBe(12) // 4 Dec is too close → 14 Dec
    expect(daysToNextFourth(day(12, 21), 3)).toBe(3) // → 24 Dec
  })
  it('events are upcoming, in order of deadline ≤ start < end, for any day of the month', () => {
    for (let d = 0; d < 31; d++) {
      const now = chinaInstant({ y: 2026, m: 1, d: 1 + d, h: 10 })
      const events = demoEvents(now)
      expect(events).toHaveLength(DEMO_EXPECT.events)
      for (const e of events) {
        expect(e.deadline).toBeGreaterThan(now)
        expect(e.deadline).toBeLessThan(e.startAt)
        expect(e.endAt).toBeGreaterThan(e.startAt)
      }
      const council = events.find((e) => e.kind === 'council')!
      expect(chinaParts(council.startAt).d % 10).toBe(4)
      expect(council.startAt - now).toBeLessThan(14 * 86_400_000)
    }
  })
  it('each event starts at its China wall-clock hour, whatever the seeding machine\'s zone (the 义诊 at 8:30, 3 days on)', () => {
    // 23:30 in Beijing (15:30 UTC): the China day is already the 6th, the UTC day still the 5th
    const now = chinaInstant({ y: 2026, m: 12, d: 5, h: 23, min: 30 })
    const clinic = demoEvents(now).find((e) => e.kind === 'clinic')!
    expect(chinaParts(clinic.startAt)).toMatchObject({ m: 12, d: 8, h: 8, min: 30 })
    expect(chinaParts(clinic.endAt)).toMatchObject({ d: 8, h: 11, min: 30 })
    expect(chinaParts(clinic.deadline)).toMatchObject({ d: 7, h: 20, min: 0 })
    expect(new Date(clinic.startAt).toISOString()).toBe('2026-12-08T00:30:00.000Z')
    const hours = Object.fromEntries(demoEvents(now).map((e) => [e.key, [chinaParts(e.startAt).h, chinaParts(e.startAt).min]]))
    expect(hours).toMatchObject({ clinic: [8, 30], haircut: [9, 0], stage: [18, 30], council: [14, 30] })
  })
  it('orders come from real people; volunteers are approved ones', () => {
    const byId = new Map(DEMO_PEOPLE.map((p) => [p.openid, p]))
    for (const o of DEMO_ORDERS) {
      expect(byId.has(o.by)).toBe(true)
      if (o.volunteer) expect(byId.get(o.volunteer)?.roles).toContain('volunteer')
    }
  })
})
