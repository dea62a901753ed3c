/**
 * Builders for the transfers the app makes. Each fixes the idempotency key (= document id), so a
 * retried call — a timer firing twice, an order confirmed again — finds the same document.
 */
import { isLotExpired, lotExpiresAt, type AccountState } from './accounts'
import { chinaYear } from '../china-time'
import type { TransferRequest } from './ledger'

interface Base {
  communityId: string
  openid: string
  amount: number
  at: number
  operator?: string
}

/** Service or attendance award from the community pool; counts against the daily cap. */
export function awardTransfer(
  p: Base & { source: { kind: 'order' | 'event'; id: string }; reason: string; key?: string },
): TransferRequest {
  return {
    id: p.key ?? `award:${p.source.kind}:${p.source.id}`,
    communityId: p.communityId,
    from: { kind: 'pool' },
    to: { kind: 'person', openid: p.openid },
    amount: p.amount,
    reason: p.reason,
    source: p.source,
    operator: p.operator,
    at: p.at,
    capped: true,
  }
}

/** Attendance points: one per person per event, whatever the number of check-in calls. */
export function attendanceKey(eventId: string, openid: string): string {
  return `award:event:${eventId}:${openid}`
}

export function redeemTransfer(p: Base & { redemptionId: string; reason: string }): TransferRequest {
  return {
    id: `redeem:${p.redemptionId}`,
    communityId: p.communityId,
    from: { kind: 'person', openid: p.openid },
    to: { kind: 'redemption' },
    amount: p.amount,
    reason: p.reason,
    source: { kind: 'redemption', id: p.redemptionId },
    operator: p.operator ?? p.openid,
    at: p.at,
  }
}

/** Gives back exactly the lots the redemption took (expired ones land in this year's lot). */
export function refundTransfer(
  p: Base & { redemptionId: string; reason: string; lots?: Record<string, number> },
): TransferRequest {
  return {
    id: `refund:${p.redemptionId}`,
    communityId: p.communityId,
    from: { kind: 'redemption' },
    to: { kind: 'person', openid: p.openid },
    amount: p.amount,
    reason: p.reason,
    source: { kind: 'redemption', id: p.redemptionId },
    operator: p.operator,
    at: p.at,
    lots: p.lots,
  }
}

/** Staff/admin correction; delta > 0 credits from the pool, delta < 0 debits back to it. */
export function adjustTransfer(
  p: Omit<Base, 'amount'> & { delta: number; adjustmentId: string; reason: string },
): TransferRequest {
  const person = { kind: 'person' as const, openid: p.openid }
  const credit = p.delta > 0
  return {
    id: `adjust:${p.adjustmentId}`,
    communityId: p.communityId,
    from: credit ? { kind: 'pool' } : person,
    to: credit ? person : { kind: 'pool' },
    amount: Math.abs(p.delta),
    reason: p.reason,
    source: { kind: 'adjustment', id: p.adjustmentId },
    operator: p.operator,
    at: p.at,
  }
}

export function expiryTransfer(p: Base & { year: number }): TransferRequest {
  return {
    id: `expire:${p.openid}:${p.year}`,
    communityId: p.communityId,
    from: { kind: 'person', openid: p.openid },
    to: { kind: 'pool' },
    amount: p.amount,
    reason: `${p.year}年获得的积分已于${p.year + 1}年12月31日到期`,
    source: { kind: 'expiry', id: `${p.openid}:${p.year}` },
    at: p.at,
    lots: { [String(p.year)]: p.amount },
  }
}

/** Lots of a person that have expired by `now` and still hold points. */
export function expiredLots(account: Pick<AccountState, 'lots'>, now: number): { year: number; amount: number }[] {
  return Object.entries(account.lots)
    .filter(([y, n]) => n > 0 && isLotExpired(Number(y), now))
    .map(([y, n]) => ({ year: Number(y), amount: n }))
}

/** Points that expire at the end of this year (earned last year) — shown as "即将过期". */
export function expiringSoon(account: Pick<AccountState, 'lots'>, now: number): { amount: number; expiresAt: number } {
  const year = chinaYear(now) - 1
  return { amount: account.lots[String(year)] ?? 0, expiresAt: lotExpiresAt(year) }
}

/** Closing an account: whatever is left, expired lots included, goes back to the pool (the ledger stays balanced). */
export function closureTransfer(p: { communityId: string; openid: string; lots: Record<string, number>; closureId: string; at: number }): TransferRequest | null {
  const lots = Object.fromEntries(Object.entries(p.lots).filter(([, n]) => n > 0))
  const amount = Object.values(lots).reduce((a, b) => a + b, 0)
  if (amount <= 0) return null
  return {
    id: `close:${p.closureId}`,
    communityId: p.communityId,
    from: { kind: 'person', openid: p.openid },
    to: { kind: 'pool' },
    amount,
    reason: '账户注销，积分清零',
    source: { kind: 'closure', id: p.closureId },
    at: p.at,
    lots,
  }
}
