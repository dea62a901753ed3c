import { chinaInstant, HOUR_MS } from '../../../core/china-time'
import { creationTimes } from './history'

/** A fixed sequence, so the test is the same every run. */
const seq = () => {
  let x = 7
  return () => ((x = (x * 48271) % 2147483647) / 2147483647)
}

describe('creation times of generated orders', () => {
  it.each([
    ['a quarter past midnight, China time', chinaInstant({ y: 2026, m: 12, d: 6, h: 0, min: 14 })],
    ['06:59', chinaInstant({ y: 2026, m: 12, d: 6, h: 6, min: 59 })],
    ['mid-afternoon', chinaInstant({ y: 2026, m: 12, d: 6, h: 15 })],
    ['late evening', chinaInstant({ y: 2026, m: 12, d: 6, h: 23, min: 50 })],
  ])('are never after now, and as many as asked, at %s', (_label, now) => {
    const times = creationTimes(now, 30, 500, seq())
    expect(times).toHaveLength(500)
    expect(Math.max(...times)).toBeLessThanOrEqual(now)
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now - 31 * 24 * HOUR_MS)
  })
})
