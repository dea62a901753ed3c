/**
 * How 矛盾调解 is judged (pure), over the cases of a span: 调解成功率 (agreed ÷ agreed + failed),
 * 履行率 (fulfilled ÷ agreements whose performance is settled), 回访率 (closed after a 回访 ÷ 回访 due),
 * median days from accepted to closed, 矛盾不上交率 (closed within the community ÷ closed).
 */
import { DAY_MS } from '../china-time'
import { median, rate, type Rate } from '../contract/rates'
import type { DisputeStatus } from './machine'

export interface DisputeFacts {
  status: DisputeStatus
  /** Reached each of these at some point (its timeline). */
  agreed: boolean
  failed: boolean
  fulfilled: boolean
  breached: boolean
  referred: boolean
  acceptedAt: number | null
  closedAt: number | null
  /** When its 回访 fell due (null: none due). */
  followUpDueAt: number | null
}

export interface DisputeMetrics {
  success: Rate
  performed: Rate
  followedUp: Rate
  medianDaysToClose: number | null
  keptInCommunity: Rate
}

export function disputeMetricsOf(cases: readonly DisputeFacts[], now: number): DisputeMetrics {
  const settled = cases.filter((c) => c.fulfilled || c.breached)
  const due = cases.filter((c) => c.followUpDueAt !== null && c.followUpDueAt <= now)
  const closed = cases.filter((c) => c.status === 'closed' && c.closedAt !== null)
  return {
    success: rate(cases.filter((c) => c.agreed).length, cases.filter((c) => c.agreed || c.failed).length),
    performed: rate(settled.filter((c) => c.fulfilled && !c.breached).length, settled.length),
    followedUp: rate(due.filter((c) => c.status === 'closed').length, due.length),
    medianDaysToClose: median(closed.filter((c) => c.acceptedAt !== null).map((c) => (c.closedAt! - c.acceptedAt!) / DAY_MS)),
    keptInCommunity: rate(closed.filter((c) => !c.referred).length, closed.length),
  }
}
