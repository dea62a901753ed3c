/**
 * Staff adjustments of points, with separation of duties as a bank would have it (pure):
 * - nobody adjusts their own account;
 * - an adjustment within the limits the admin sets (per adjustment, and per staff member per day)
 *   moves points at once, counted against the requester's day in the same transaction;
 * - anything bigger waits, moving nothing, until a second person — an admin who is neither the
 *   requester nor the person credited — approves it; it can be rejected, and lapses after 7 days.
 * The adjustment's document id is its idempotency key (`adj:<requester>:<requestId>`), and the
 * transfer it makes is `adjust:<requester>:<requestId>`: approving twice, or racing, moves points once.
 */
import { allow, deny, type Decision } from '../contract/decision'
import { isAdmin, isStaffOf, type Caller } from '../users/permissions'
import { chinaDay } from '../china-time'

export interface SafetyLimits {
  /** Largest |delta| one adjustment may have without a second person's approval. */
  adjustLimit: number
  /** Largest sum of |delta| one staff member may adjust per day (China time) without approval. */
  adjustDailyLimit: number
  /** Walk-ins (people not signed up) one staff member may add to one event. */
  walkInLimit: number
}

export const DEFAULT_LIMITS: SafetyLimits = { adjustLimit: 50, adjustDailyLimit: 200, walkInLimit: 10 }

/** A pending adjustment lapses after this long. */
export const APPROVAL_TTL_MS = 7 * 24 * 3600 * 1000
/** Someone whose home grid changed this recently is credited by staff only with a second person's approval. */
export const RECENT_MOVE_MS = 7 * 24 * 3600 * 1000
/** A raised adjustment limit takes effect this long after it is saved (a lowered one at once). */
export const RAISE_DELAY_MS = 24 * 3600 * 1000

export type AdjustLimits = Pick<SafetyLimits, 'adjustLimit' | 'adjustDailyLimit'>
/** Raised limits saved but not yet in force. */
export interface PendingLimits extends AdjustLimits {
  effectiveAt: number
  by: string
}

/**
 * Saving limits: a lower value applies at once; a higher one waits RAISE_DELAY_MS (shown on the rules
 * page and in the audit trail), so one admin cannot raise the limits, adjust, and lower them again
 * unseen — the others have a day to look.
 */
export function planLimits(current: AdjustLimits, wanted: AdjustLimits, by: string, now: number): { now: AdjustLimits; pending: PendingLimits | null } {
  const lower = { adjustLimit: Math.min(current.adjustLimit, wanted.adjustLimit), adjustDailyLimit: Math.min(current.adjustDailyLimit, wanted.adjustDailyLimit) }
  const raised = wanted.adjustLimit > current.adjustLimit || wanted.adjustDailyLimit > current.adjustDailyLimit
  return { now: lower, pending: raised ? { ...wanted, effectiveAt: now + RAISE_DELAY_MS, by } : null }
}

/** The limits in force at `now`: the saved ones, or a pending raise once its time has come. */
export function limitsAt<T extends AdjustLimits & { pendingLimits?: PendingLimits | null }>(rules: T, now: number): T {
  const p = rules.pendingLimits
  return p && now >= p.effectiveAt ? { ...rules, adjustLimit: p.adjustLimit, adjustDailyLimit: p.adjustDailyLimit, pendingLimits: null } : rules
}

export { ADJUST_QUOTA, ADJUSTMENTS } from '../collections'

export type AdjustmentStatus = 'done' | 'pending' | 'approved' | 'rejected' | 'expired'

export interface AdjustmentDoc {
  /** `adj:<key>` */
  _id: string
  /** `<requester>:<requestId>`: the transfer it makes is `adjust:<key>`. */
  key: string
  communityId: string
  requester: string
  requesterName: string
  target: string
  targetName: string
  targetGridId: string
  delta: number
  reason: string
  status: AdjustmentStatus
  /** Why it waits: over the per-adjustment limit, over the requester's day, or the person just moved grid. */
  why: 'direct' | Why
  createdAt: number
  /** timeKey(createdAt, id): the order of the adjustments list. */
  sortKey: string
  expiresAt: number
  decidedBy?: string
  decidedAt?: number
  decisionNote?: string
  transferId?: string
}

export const adjustmentKey = (requester: string, requestId: string): string => `${requester}:${requestId}`
export const adjustmentId = (key: string): string => `adj:${key}`
/** One counter per staff member per China-time day: the day `at` falls on in Beijing. */
export const quotaId = (requester: string, at: number): string => `quota:${requester}:${chinaDay(at)}`

export type Why = 'over_limit' | 'over_daily' | 'recent_move'
export type Route = { kind: 'refuse'; code: 'SELF_DEALING' } | { kind: 'direct' } | { kind: 'approval'; why: Why }

/**
 * How a new adjustment goes, given what the requester has already adjusted today. A person who moved
 * into another grid lately waits for approval too: otherwise anyone could move into a friendly
 * 网格员's grid for a day.
 */
export function routeAdjustment(
  a: { requester: string; target: string; delta: number; targetGridSince?: number },
  usedToday: number,
  limits: AdjustLimits,
  now: number,
): Route {
  if (a.requester === a.target) return { kind: 'refuse', code: 'SELF_DEALING' }
  const size = Math.abs(a.delta)
  if (size > limits.adjustLimit) return { kind: 'approval', why: 'over_limit' }
  if (usedToday + size > limits.adjustDailyLimit) return { kind: 'approval', why: 'over_daily' }
  if (a.targetGridSince !== undefined && now - a.targetGridSince < RECENT_MOVE_MS) return { kind: 'approval', why: 'recent_move' }
  return { kind: 'direct' }
}

/** The status as of `now`: a pending adjustment past its time has lapsed (whether or not anything recorded it). */
export function statusAt(a: Pick<AdjustmentDoc, 'status' | 'expiresAt'>, now: number): AdjustmentStatus {
  return a.status === 'pending' && now >= a.expiresAt ? 'expired' : a.status
}

export type DecisionRefusal = 'SELF_APPROVAL' | 'APPOINTEE_APPROVAL' | 'SELF_DEALING' | 'ADJUSTMENT_CLOSED' | 'ADJUSTMENT_EXPIRED' | 'FORBIDDEN'

/**
 * May `c` approve or reject this adjustment now? `appointedBy`: who made the deciding admin an
 * admin — an admin the requester appointed is the requester's second account as far as the rule
 * is concerned.
 */
export function canDecide(c: Caller, a: AdjustmentDoc, now: number, appointedBy?: string | null): Decision<DecisionRefusal> {
  if (!c.roles.includes('admin')) return deny('FORBIDDEN')
  if (c.openid === a.requester) return deny('SELF_APPROVAL')
  if (appointedBy && appointedBy === a.requester) return deny('APPOINTEE_APPROVAL')
  if (c.openid === a.target) return deny('SELF_DEALING')
  const status = statusAt(a, now)
  if (status === 'expired') return deny('ADJUSTMENT_EXPIRED')
  if (status !== 'pending') return deny('ADJUSTMENT_CLOSED')
  return allow
}

/**
 * Adjust someone's points: never one's own; only residents of the community acted in (credits come
 * from its pool); a 网格员 for the residents of their grids, an admin anyone there.
 */
export function canAdjust(c: Caller, target: { openid: string; gridId: string; communityId: string }): Decision<'SELF_DEALING' | 'OTHER_COMMUNITY' | 'OUT_OF_SCOPE'> {
  if (target.openid === c.openid) return deny('SELF_DEALING')
  if (target.communityId !== c.communityId) return deny('OTHER_COMMUNITY')
  return isAdmin(c) || isStaffOf(c, target.gridId) ? allow : deny('OUT_OF_SCOPE')
}

/**
 * Points staff may put on an order or an event: up to twice what the admin's rule gives (the
 * category's points, the attendance points); more is an admin's call. Otherwise a 网格员 could
 * publish a 1000-point event and read its code to friends at home.
 */
export const POINTS_RULE_FACTOR = 2

export function canAwardPoints(c: Pick<Caller, 'roles'>, points: number, rulePoints: number): Decision<'POINTS_OVER_RULE'> {
  return c.roles.includes('admin') || points <= POINTS_RULE_FACTOR * rulePoints ? allow : deny('POINTS_OVER_RULE')
}
