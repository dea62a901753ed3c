/**
 * Gifts of the 爱心银行 and their booth stock. Contention by design: each unit of an event booth's
 * stock is a slot document with a known id (`slot:<eventId>:<giftId>:<n>`); a redemption claims one
 * slot, so 300 simultaneous redemptions of 10 units spread over 10 documents and can never take
 * more than 10. A redemption is `rd:<code>`: the code typed at the booth is its id (one read).
 */
import { allow, deny, type Decision } from '../contract/decision'
import type { Caller } from '../users/caller'

export interface GiftDoc {
  _id: string
  communityId: string
  name: string
  /** cloud:// file id or URL */
  photo: string
  price: number
  totalStock: number
  /** Sum of booth allocations; ≤ totalStock. */
  allocated: number
  /** Max redemptions per person of this gift (not counting cancelled/expired ones). */
  perPersonLimit: number
  activeFrom: number
  activeTo: number
  createdAt: number
  updatedAt: number
}

/** 'returned': closed with its cancelled event, the unit back in the gift's stock. */
export type SlotState = 'free' | 'reserved' | 'redeemed' | 'returned'
export interface SlotDoc {
  _id: string
  eventId: string
  giftId: string
  n: number
  state: SlotState
  redemptionId: string | null
}

export type RedemptionStatus = 'reserved' | 'redeemed' | 'expired' | 'cancelled'
export interface RedemptionDoc {
  _id: string
  code: string
  communityId: string
  openid: string
  name: string
  eventId: string
  giftId: string
  giftName: string
  slotId: string
  price: number
  status: RedemptionStatus
  /** Lots the debit took, so a refund restores them (see core/points). */
  lots: Record<string, number>
  createdAt: number
  redeemedAt?: number
  redeemedBy?: string
  closedAt?: number
  closedBy?: string
}

/** Per person per gift: how many are held (reserved or redeemed); only that person contends on it. */
export interface HoldDoc {
  _id: string
  count: number
}

export { GIFTS, HOLDS, REDEMPTIONS, SLOTS } from '../collections'

export const slotId = (eventId: string, giftId: string, n: number): string => `slot:${eventId}:${giftId}:${n}`
export const redemptionDocId = (code: string): string => `rd:${code}`
export const holdId = (giftId: string, openid: string): string => `hold:${giftId}:${openid}`

export type RedeemRefusal = 'GIFT_INACTIVE' | 'OVER_LIMIT' | 'NOT_AT_BOOTH'

export function canRedeem(g: GiftDoc, held: number, now: number): RedeemRefusal | null {
  if (now < g.activeFrom || now > g.activeTo) return 'GIFT_INACTIVE'
  if (held >= g.perPersonLimit) return 'OVER_LIMIT'
  return null
}

/**
 * Cancel a reservation (points and stock go back): the resident their own; an admin anyone's at the
 * booths of the community acted in, with a reason.
 */
export function canCancelRedemption(
  c: Pick<Caller, 'openid' | 'roles' | 'communityId'>,
  r: Pick<RedemptionDoc, 'openid' | 'communityId'>,
  reason?: string,
): Decision<'CANCEL_NOT_ALLOWED' | 'OTHER_COMMUNITY' | 'REASON_REQUIRED'> {
  if (r.openid === c.openid) return allow
  if (!c.roles.includes('admin')) return deny('CANCEL_NOT_ALLOWED')
  if (r.communityId !== c.communityId) return deny('OTHER_COMMUNITY')
  return reason ? allow : deny('REASON_REQUIRED')
}
