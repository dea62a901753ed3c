import { DAY_MS } from '../china-time'
import { wishMetricsOf, type WishFacts } from './metrics'

const NOW = 100 * DAY_MS
const w = (over: Partial<WishFacts>): WishFacts => ({ beneficiary: 'b1', publishedAt: 50 * DAY_MS, claimedAt: null, fulfilledAt: null, donors: [], ...over })

describe('wish metrics', () => {
  const wishes = [
    w({ beneficiary: 'b1', claimedAt: 52 * DAY_MS, fulfilledAt: 60 * DAY_MS, donors: ['d1'] }),
    w({ beneficiary: 'b2', claimedAt: 57 * DAY_MS + 1, fulfilledAt: 70 * DAY_MS, donors: ['d1', 'd2', 'd3'] }), // claimed a moment after 7 days
    w({ beneficiary: 'b2', donors: ['d2'] }), // shares left, published 50 days ago
    w({ beneficiary: 'b3', publishedAt: 97 * DAY_MS }), // 3 days old: not judged yet
    w({ beneficiary: 'b3', publishedAt: 98 * DAY_MS, claimedAt: 99 * DAY_MS, donors: ['d4'] }), // claimed in a day: judged
  ]
  const m = wishMetricsOf(wishes, NOW)
  it('7-day claim rate over wishes 7 days old (or claimed sooner)', () => expect(m.claimedIn7Days).toEqual({ value: 0.5, num: 2, den: 4 }))
  it('fulfilment rate and median days to fulfil', () => {
    expect(m.fulfilled).toEqual({ value: 0.4, num: 2, den: 5 })
    expect(m.medianDaysToFulfil).toBe(15)
  })
  it('distinct beneficiaries and repeat donors (on 2 or more wishes)', () => {
    expect(m.beneficiaries).toBe(3)
    expect(m.repeatDonors).toBe(2)
  })
})
