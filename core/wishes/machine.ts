/**
 * 微心愿: a wish's lifecycle in one table, and a claim's. A wish is drafted by staff, reviewed by
 * another staff member, published; claimed when all its shares are held (拼愿: several donors),
 * back to published when a claim lapses; received at the community station, delivered, fulfilled
 * (the guardian or staff confirms), thanked. Withdrawn or rejected with a reason. A claim holds its
 * shares for 7 days; a donor holds at most 3 open claims.
 */
import { DAY_MS } from '../china-time'
import { defineMachine } from '../contract/machine'

export const WISH_STATUSES = ['draft', 'review', 'published', 'claimed', 'received', 'delivered', 'fulfilled', 'thanked', 'withdrawn', 'rejected'] as const
export type WishStatus = (typeof WISH_STATUSES)[number]

export const WISH_ACTORS = ['author', 'reviewer', 'staff', 'guardian', 'system'] as const
export type WishActor = (typeof WISH_ACTORS)[number]

export const WISH_TABLE = {
  draft: { SUBMIT: 'review', WITHDRAW: 'withdrawn' },
  review: { APPROVE: 'published', REJECT: 'rejected', WITHDRAW: 'withdrawn' },
  published: { FILL: 'claimed', WITHDRAW: 'withdrawn' },
  claimed: { RELEASE: 'published', RECEIVE: 'received' },
  received: { DELIVER: 'delivered' },
  delivered: { FULFIL: 'fulfilled' },
  fulfilled: { THANK: 'thanked' },
  thanked: {},
  withdrawn: {},
  rejected: {},
} as const

export const WISH_EVENT_ACTORS = {
  SUBMIT: ['author'],
  // by another staff member than the one who wrote it (the handler checks who)
  APPROVE: ['reviewer'],
  REJECT: ['reviewer'],
  WITHDRAW: ['staff'],
  FILL: ['system'],
  RELEASE: ['system'],
  RECEIVE: ['staff'],
  DELIVER: ['staff'],
  FULFIL: ['guardian', 'staff'],
  THANK: ['staff'],
} as const
export type WishEvent = keyof typeof WISH_EVENT_ACTORS

export const wishMachine = defineMachine<WishStatus, WishEvent, WishActor>(WISH_STATUSES, WISH_TABLE, WISH_EVENT_ACTORS)

export const CLAIM_STATUSES = ['held', 'received', 'expired', 'cancelled'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]
export const CLAIM_TABLE = {
  held: { RECEIVE: 'received', EXPIRE: 'expired', CANCEL: 'cancelled' },
  received: {},
  expired: {},
  cancelled: {},
} as const
export const CLAIM_EVENT_ACTORS = { RECEIVE: ['staff'], EXPIRE: ['system'], CANCEL: ['donor', 'staff'] } as const
export type ClaimEvent = keyof typeof CLAIM_EVENT_ACTORS
export const claimMachine = defineMachine<ClaimStatus, ClaimEvent, 'donor' | 'staff' | 'system'>(CLAIM_STATUSES, CLAIM_TABLE, CLAIM_EVENT_ACTORS)

export const CLAIM_HOLD_DAYS = 7
export const MAX_OPEN_CLAIMS = 3

export const claimExpiresAt = (claimedAt: number): number => claimedAt + CLAIM_HOLD_DAYS * DAY_MS

/** Whether a donor may claim `shares` of a wish now: shares left, their open claims under the limit. */
export function claimProblem(p: { status: WishStatus; sharesLeft: number; shares: number; openClaims: number }): 'WISH_NOT_OPEN' | 'NO_SHARES_LEFT' | 'TOO_MANY_CLAIMS' | null {
  if (p.status !== 'published') return 'WISH_NOT_OPEN'
  if (p.shares < 1 || p.shares > p.sharesLeft) return 'NO_SHARES_LEFT'
  return p.openClaims >= MAX_OPEN_CLAIMS ? 'TOO_MANY_CLAIMS' : null
}

/** A wish after its claims change: claimed when every share is held, published again when one lapses. */
export function wishAfterClaims(status: WishStatus, sharesHeld: number, shares: number): WishStatus {
  if (status === 'published' && sharesHeld >= shares) return 'claimed'
  if (status === 'claimed' && sharesHeld < shares) return 'published'
  return status
}
