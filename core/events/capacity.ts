/**
 * Sign-up, cancellation and waitlist rules (pure). The server reads a handful of free seat ids
 * outside the transaction, picks some at random (so racing callers rarely pick the same ones), then
 * claims them inside a transaction that re-reads each seat.
 */
import type { Audience, EventDoc, RegistrationDoc } from './model'
import { partySize } from './model'

export interface Who {
  roles: readonly string[]
  gridId?: string | null
}

export type Refusal = 'EVENT_CLOSED' | 'NOT_FOR_YOU' | 'EVENT_CANCELLED'

export function inAudience(a: Audience, who: Who): boolean {
  if (a.kind === 'everyone') return true
  if (a.kind === 'volunteers') return who.roles.includes('volunteer')
  return who.gridId === a.gridId
}

export function canSignUp(e: EventDoc, who: Who, now: number): Refusal | null {
  if (e.status !== 'published') return 'EVENT_CANCELLED'
  if (now > e.deadline) return 'EVENT_CLOSED'
  if (!inAudience(e.audience, who)) return 'NOT_FOR_YOU'
  return null
}

export function canCancel(e: EventDoc, r: RegistrationDoc | null, now: number): 'NOT_SIGNED_UP' | 'EVENT_CLOSED' | null {
  if (!r || (r.status !== 'registered' && r.status !== 'waiting')) return 'NOT_SIGNED_UP'
  if (now > e.deadline) return 'EVENT_CLOSED'
  return null
}

/** Pick `n` of the free seat ids at random (Fisher–Yates on a copy). null when there are not enough. */
export function pickSeats(free: readonly string[], n: number, random: () => number = Math.random): string[] | null {
  if (free.length < n) return null
  const a = [...free]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a.slice(0, n)
}

/** Waitlist order: earlier server time first, then the tie-breaker, then the id (total order). */
export function waitOrder(a: RegistrationDoc, b: RegistrationDoc): number {
  return (a.waitAt ?? 0) - (b.waitAt ?? 0) || (a.waitSeq ?? 0) - (b.waitSeq ?? 0) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
}

/**
 * Who to promote when `free` seats are open: in waitlist order; a party too big for what is left is
 * skipped (it keeps its place) so seats never stay empty while someone who fits is waiting.
 */
export function planPromotions(waiting: readonly RegistrationDoc[], free: number): RegistrationDoc[] {
  const out: RegistrationDoc[] = []
  let left = free
  for (const r of [...waiting].sort(waitOrder)) {
    if (left <= 0) break
    if (partySize(r) <= left) {
      out.push(r)
      left -= partySize(r)
    }
  }
  return out
}
