import { parseWxCron } from './cron'

const at = (iso: string) => new Date(iso)

test('seven fields: second minute hour day month weekday year, in Beijing time', () => {
  // 02:00:00 Beijing on the 1st of each month = 18:00 UTC the day before.
  expect(parseWxCron('0 0 2 1 * * *').next(at('2026-03-05T00:00:00Z'))?.toISOString()).toBe('2026-03-31T18:00:00.000Z')
  expect(parseWxCron('*/10 * * * * * *').next(at('2026-03-05T00:00:03Z'))?.toISOString()).toBe('2026-03-05T00:00:10.000Z')
})

test('the year field restricts, jumps ahead, and ends the schedule', () => {
  expect(parseWxCron('0 0 2 1 * * 2030').next(at('2026-03-05T00:00:00Z'))?.toISOString()).toBe('2029-12-31T18:00:00.000Z')
  // 13:00 Beijing on the last day of 2028: the next noon is in 2029, outside the range.
  expect(parseWxCron('0 0 12 * * * 2027-2028').next(at('2028-12-31T05:00:00Z'))).toBeUndefined()
  expect(parseWxCron('0 0 12 * * * 2027-2028').next(at('2028-12-31T03:00:00Z'))?.toISOString()).toBe('2028-12-31T04:00:00.000Z')
  expect(parseWxCron('0 0 2 1 * * 2020').next(at('2026-03-05T00:00:00Z'))).toBeUndefined()
  expect(parseWxCron('0 0 0 1 1 * 2030/5').next(at('2031-01-01T00:00:00Z'))?.toISOString()).toBe('2034-12-31T16:00:00.000Z')
})

test('bad expressions are reported when parsed', () => {
  expect(() => parseWxCron('* * * * *')).toThrow(/7 fields/)
  expect(() => parseWxCron('0 0 2 1 * * nope')).toThrow(/year field/)
  expect(() => parseWxCron('0 0 25 1 * * *')).toThrow()
})
