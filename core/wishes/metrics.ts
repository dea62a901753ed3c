/**
 * How 微心愿 is judged (pure), over the wishes published in a span: the 7-day claim rate (fully
 * claimed within 7 days of publishing ÷ published at least 7 days ago, or claimed sooner), the
 * fulfilment rate (fulfilled ÷ published), median days published → fulfilled, distinct
 * beneficiaries, repeat donors (donors with claims on 2 or more wishes).
 */
import { DAY_MS } from '../china-time'
import { median, rate, type Rate } from '../contract/rates'

export interface WishFacts {
  beneficiary: string
  publishedAt: number
  /** When its last share was claimed (null: not fully claimed yet). */
  claimedAt: number | null
  fulfilledAt: number | null
  /** Donors with a claim on it that was not cancelled or expired. */
  donors: string[]
}

export interface WishMetrics {
  claimedIn7Days: Rate
  fulfilled: Rate
  medianDaysToFulfil: number | null
  beneficiaries: number
  repeatDonors: number
}

export function wishMetricsOf(wishes: readonly WishFacts[], now: number): WishMetrics {
  const week = 7 * DAY_MS
  const quick = (w: WishFacts) => w.claimedAt !== null && w.claimedAt - w.publishedAt <= week
  const judged = wishes.filter((w) => now - w.publishedAt >= week || quick(w))
  const fulfilled = wishes.filter((w) => w.fulfilledAt !== null)
  const wishesOf = new Map<string, number>()
  for (const w of wishes) for (const d of new Set(w.donors)) wishesOf.set(d, (wishesOf.get(d) ?? 0) + 1)
  return {
    claimedIn7Days: rate(judged.filter(quick).length, judged.length),
    fulfilled: rate(fulfilled.length, wishes.length),
    medianDaysToFulfil: median(fulfilled.map((w) => (w.fulfilledAt! - w.publishedAt) / DAY_MS)),
    beneficiaries: new Set(wishes.map((w) => w.beneficiary)).size,
    repeatDonors: [...wishesOf.values()].filter((n) => n >= 2).length,
  }
}
