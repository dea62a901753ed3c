import { clock, fromNow, shortDate, shortTime } from './time'

const utc = (iso: string) => Date.parse(iso)
const NOW = utc('2026-12-05T02:00:00Z') // 10:00 on 5 December 2026 in Beijing

describe('times as the app shows them (China time, whatever the phone zone)', () => {
  it('shows China wall-clock time: 01:00 UTC is 09:00 in Beijing', () => {
    expect(shortTime(utc('2026-12-08T01:00:00Z'), NOW)).toBe('12月8日 09:00')
    expect(clock(utc('2026-12-08T00:30:00Z'))).toBe('08:30')
  })
  it('23:59 / 00:00 in Beijing (15:59 / 16:00 UTC) fall on two China days', () => {
    expect(shortTime(utc('2026-12-04T15:59:00Z'), NOW)).toBe('12月4日 23:59')
    expect(shortTime(utc('2026-12-04T16:00:00Z'), NOW)).toBe('12月5日 00:00')
  })
  it('gives the year of a date outside the current China year, and not of one inside it', () => {
    expect(shortDate(utc('2026-01-06T02:00:00Z'), NOW)).toBe('1月6日')
    expect(shortDate(utc('2025-01-06T02:00:00Z'), NOW)).toBe('2025年1月6日')
    expect(shortTime(utc('2025-01-06T01:00:00Z'), NOW)).toBe('2025年1月6日 09:00')
    expect(shortDate(utc('2027-01-06T02:00:00Z'), NOW)).toBe('2027年1月6日')
    // 00:30 on 1 January 2027 in Beijing, still 2026 in UTC
    expect(shortDate(utc('2026-12-31T16:30:00Z'), NOW)).toBe('2027年1月1日')
    // on New Year's Day in Beijing (still 31 December in UTC) yesterday is last year
    const newYear = utc('2026-12-31T16:30:00Z')
    expect(shortDate(utc('2026-12-31T02:00:00Z'), newYear)).toBe('2026年12月31日')
    expect(shortDate(newYear, newYear)).toBe('1月1日')
  })
  it('says how long ago, then the date', () => {
    expect(fromNow(NOW - 30_000, NOW)).toBe('刚刚')
    expect(fromNow(NOW - 5 * 60_000, NOW)).toBe('5分钟前')
    expect(fromNow(NOW - 3 * 3600_000, NOW)).toBe('3小时前')
    expect(fromNow(NOW - 2 * 86400_000, NOW)).toBe('2天前')
    expect(fromNow(utc('2025-11-20T02:00:00Z'), NOW)).toBe('2025年11月20日')
  })
})
