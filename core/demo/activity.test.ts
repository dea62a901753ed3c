import dayjs from 'dayjs'
import { DEMO_EXPECT, DEMO_ORDERS, daysToNextFourth, demoEvents } from './activity'
import { DEMO_PEOPLE } from './community'


describe('demo activity', () => {
  it('the 议事会 falls on the next 逢四 day (4th, 14th, 24th), at least 3 days ahead', () => {
    const day = (m: number, d: number) => new Date(2026, m - 1, d, 9).getTime() // local time
    expect(daysToNextFourth(day(11, 25), 3)).toBe(9) // → 4 Dec
    expect(daysToNextFourth(day(12, 2), 3)).toBe(12) // 4 Dec is too close → 14 Dec
    expect(daysToNextFourth(day(12, 21), 3)).toBe(3) // → 24 Dec
  })
  it('events are upcoming, in order of deadline ≤ start < end, for any day of the month', () => {
    for (let d = 0; d < 31; d++) {
      const now = new Date(2026, 0, 1 + d, 10).getTime()
      const events = demoEvents(now)
      expect(events).toHaveLength(DEMO_EXPECT.events)
      for (const e of events) {
        expect(e.deadline).toBeGreaterThan(now)
        expect(e.deadline).toBeLessThan(e.startAt)
        expect(e.endAt).toBeGreaterThan(e.startAt)
      }
      const council = events.find((e) => e.kind === 'council')!
      expect(dayjs(council.startAt).date() % 10).toBe(4)
      expect(council.startAt - now).toBeLessThan(14 * 86_400_000)
    }
  })
  it('orders come from real people; volunteers are approved ones', () => {
    const byId = new Map(DEMO_PEOPLE.map((p) => [p.openid, p]))
    for (const o of DEMO_ORDERS) {
      expect(byId.has(o.by)).toBe(true)
      if (o.volunteer) expect(byId.get(o.volunteer)?.roles).toContain('volunteer')
    }
  })
})
