import { addDays, chinaAt, chinaClock, chinaDay, chinaInstant, chinaMinute, chinaMonth, chinaParts, chinaYear, DAY_MS, endOfChinaDay, startOfChinaDay, startOfChinaYear } from './china-time'

const utc = (iso: string) => Date.parse(iso)

describe('China time (UTC+8), whatever the process time zone', () => {
  it('23:59 Beijing (15:59 UTC) is still that day; 00:00 Beijing (16:00 UTC) is the next', () => {
    expect(chinaDay(utc('2026-12-04T15:59:59.999Z'))).toBe('2026-12-04')
    expect(chinaDay(utc('2026-12-04T16:00:00.000Z'))).toBe('2026-12-05')
    expect(chinaMinute(utc('2026-12-04T15:59:00Z'))).toBe('2026-12-04 23:59')
    expect(chinaMinute(utc('2026-12-04T16:00:00Z'))).toBe('2026-12-05 00:00')
    expect(chinaClock(utc('2026-12-05T01:00:00Z'))).toBe('09:00')
  })
  it('the wall-clock parts, weekday included, and back', () => {
    const at = utc('2026-12-31T16:30:00Z') // 1 Jan 2027 00:30, a Friday
    expect(chinaParts(at)).toEqual({ y: 2027, m: 1, d: 1, h: 0, min: 30, weekday: 5 })
    expect(chinaYear(at)).toBe(2027)
    expect(chinaYear(at - 31 * 60_000)).toBe(2026)
    expect(chinaInstant({ y: 2027, m: 1, d: 1, h: 0, min: 30 })).toBe(at)
    expect(chinaInstant({ y: 2026, m: 12, d: 8, h: 9 })).toBe(utc('2026-12-08T01:00:00Z'))
    expect(chinaInstant({ y: 2026, m: 12, d: 32 })).toBe(chinaInstant({ y: 2027, m: 1, d: 1 }))
  })
  it('a China day runs from 16:00 UTC the day before to 16:00 UTC', () => {
    for (const iso of ['2026-12-04T16:00:00Z', '2026-12-05T08:00:00Z', '2026-12-05T15:59:59.999Z']) {
      expect(startOfChinaDay(utc(iso))).toBe(utc('2026-12-04T16:00:00Z'))
      expect(endOfChinaDay(utc(iso))).toBe(utc('2026-12-05T16:00:00Z'))
    }
    expect(startOfChinaDay(utc('2026-12-04T15:59:59.999Z'))).toBe(utc('2026-12-03T16:00:00Z'))
  })
  it('adding days keeps the China clock; chinaAt lands on the China day after, at the given hour', () => {
    const lateEvening = utc('2026-12-05T15:30:00Z') // 23:30 on the 5th in Beijing, the 5th in UTC too
    expect(chinaMinute(addDays(lateEvening, 3))).toBe('2026-12-08 23:30')
    const afterMidnight = utc('2026-12-05T16:30:00Z') // 00:30 on the 6th in Beijing, still the 5th in UTC
    expect(chinaMinute(chinaAt(afterMidnight, 3, 8, 30))).toBe('2026-12-09 08:30')
    expect(chinaMinute(chinaAt(afterMidnight, -1, 20))).toBe('2026-12-05 20:00')
    expect(addDays(0, 2)).toBe(2 * DAY_MS)
  })
  it('month periods by the China calendar', () => {
    const newYearsEve = utc('2026-12-31T16:00:00Z') // already January in Beijing
    expect(chinaMonth(newYearsEve)).toEqual({ key: '2027-01', start: newYearsEve, end: utc('2027-01-31T16:00:00Z') })
    expect(chinaMonth(newYearsEve, -1).key).toBe('2026-12')
    expect(chinaMonth(newYearsEve, 13).key).toBe('2028-02')
    expect(startOfChinaYear(2027)).toBe(newYearsEve)
  })
})
