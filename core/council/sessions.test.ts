import { chinaInstant } from '../china-time'
import { sessionsAhead, type SeriesTimes } from './sessions'

const NONE = { holidays: [], workdays: [] }
const thursdays: SeriesTimes = { _id: 'ser1', rule: { kind: 'weekly', weekdays: [4] }, holidays: 'next_working_day', startTime: '09:30', minutes: 90, cutoffHours: 24 }

describe('sessions kept ahead', () => {
  it('逢四议事 from a Friday: the next 8 Thursdays, at 9:30 China time, topics closing 24 h before', () => {
    const now = chinaInstant({ y: 2026, m: 12, d: 4, h: 15 }) // Friday 4 December 2026, 15:00
    const plans = sessionsAhead(thursdays, NONE, now)
    expect(plans.map((p) => p.day)).toEqual(['2026-12-10', '2026-12-17', '2026-12-24', '2026-12-31', '2027-01-07', '2027-01-14', '2027-01-21', '2027-01-28'])
    expect(plans[0]).toEqual({
      id: 'ser1-20261210',
      ruleDay: '2026-12-10',
      day: '2026-12-10',
      startAt: chinaInstant({ y: 2026, m: 12, d: 10, h: 9, min: 30 }),
      endAt: chinaInstant({ y: 2026, m: 12, d: 10, h: 11 }),
      cutoffAt: chinaInstant({ y: 2026, m: 12, d: 9, h: 9, min: 30 }),
    })
    // 9:30 China time is 01:30 UTC
    expect(new Date(plans[0].startAt).toISOString()).toBe('2026-12-10T01:30:00.000Z')
  })
  it('today\'s session is kept until it starts; once started it is no longer ahead', () => {
    const thursday = (h: number, min = 0) => chinaInstant({ y: 2026, m: 12, d: 10, h, min })
    expect(sessionsAhead(thursdays, NONE, thursday(9, 29))[0].day).toBe('2026-12-10')
    expect(sessionsAhead(thursdays, NONE, thursday(9, 30))[0].day).toBe('2026-12-17')
  })
  it('a session moved by the holiday table keeps the id of its rule day; planning twice gives the same ids', () => {
    const table = { holidays: ['2026-12-24'], workdays: [] }
    const now = chinaInstant({ y: 2026, m: 12, d: 20 })
    const plans = sessionsAhead(thursdays, table, now, 2)
    expect(plans.map((p) => [p.id, p.day])).toEqual([['ser1-20261224', '2026-12-25'], ['ser1-20261231', '2026-12-31']])
    expect(sessionsAhead(thursdays, table, now + 60_000, 2)).toEqual(plans)
  })
})
