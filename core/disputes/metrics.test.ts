import { DAY_MS } from '../china-time'
import { disputeMetricsOf, type DisputeFacts } from './metrics'

const NOW = 100 * DAY_MS
const c = (over: Partial<DisputeFacts>): DisputeFacts => ({ status: 'mediating', agreed: false, failed: false, fulfilled: false, breached: false, referred: false, acceptedAt: 0, closedAt: null, followUpDueAt: null, ...over })

describe('dispute metrics', () => {
  const cases = [
    c({ status: 'closed', agreed: true, fulfilled: true, acceptedAt: 10 * DAY_MS, closedAt: 20 * DAY_MS, followUpDueAt: 18 * DAY_MS }),
    c({ status: 'closed', agreed: true, breached: true, referred: true, acceptedAt: 10 * DAY_MS, closedAt: 40 * DAY_MS, followUpDueAt: 30 * DAY_MS }),
    c({ status: 'fulfilled', agreed: true, fulfilled: true, followUpDueAt: 90 * DAY_MS }), // 回访 due, not done
    c({ status: 'performing', agreed: true, followUpDueAt: 120 * DAY_MS }), // not due yet
    c({ status: 'failed', failed: true }),
    c({ status: 'mediating' }),
  ]
  const m = disputeMetricsOf(cases, NOW)
  it('调解成功率: agreed ÷ agreed + failed (still mediating: not counted)', () => expect(m.success).toEqual({ value: 0.8, num: 4, den: 5 }))
  it('履行率: fulfilled without a breach ÷ settled performances', () => expect(m.performed).toEqual({ value: 2 / 3, num: 2, den: 3 }))
  it('回访率: closed ÷ 回访 due by now', () => expect(m.followedUp).toEqual({ value: 2 / 3, num: 2, den: 3 }))
  it('median days accepted → closed', () => expect(m.medianDaysToClose).toBe(20))
  it('矛盾不上交率: closed without a referral out ÷ closed', () => expect(m.keptInCommunity).toEqual({ value: 0.5, num: 1, den: 2 }))
  it('nothing to divide reads as null', () => expect(disputeMetricsOf([], NOW).success.value).toBeNull())
})
