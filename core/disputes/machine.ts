/**
 * 矛盾调解: a dispute's lifecycle in one table. reported → accepted | declined (with guidance where
 * to go instead) → mediating → agreed (written or oral, with terms and a date for performance) |
 * failed (with guidance: 诉讼, 仲裁, a department) → performing → fulfilled | breached (back to
 * mediating, or referred) → closed after the 回访. The party who reported it may withdraw it until an
 * agreement is reached.
 */
import { DAY_MS, endOfChinaDay, chinaInstant } from '../china-time'
import { defineMachine } from '../contract/machine'

export const DISPUTE_STATUSES = ['reported', 'accepted', 'declined', 'mediating', 'agreed', 'failed', 'performing', 'fulfilled', 'breached', 'referred', 'closed', 'withdrawn'] as const
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number]

/** The party who reported it, staff of its grid (or the community admin), a mediator assigned to it, the timer. */
export const DISPUTE_ACTORS = ['reporter', 'staff', 'mediator', 'system'] as const
export type DisputeActor = (typeof DISPUTE_ACTORS)[number]

export const DISPUTE_TABLE = {
  reported: { ACCEPT: 'accepted', DECLINE: 'declined', WITHDRAW: 'withdrawn' },
  accepted: { START: 'mediating', WITHDRAW: 'withdrawn' },
  declined: {},
  mediating: { AGREE: 'agreed', FAIL: 'failed', WITHDRAW: 'withdrawn' },
  agreed: { PERFORM: 'performing' },
  failed: { FOLLOW_UP: 'closed' },
  performing: { FULFIL: 'fulfilled', BREACH: 'breached' },
  fulfilled: { FOLLOW_UP: 'closed' },
  breached: { RESUME: 'mediating', REFER: 'referred' },
  referred: { FOLLOW_UP: 'closed' },
  closed: {},
  withdrawn: {},
} as const

export const DISPUTE_EVENT_ACTORS = {
  ACCEPT: ['staff'],
  DECLINE: ['staff'],
  WITHDRAW: ['reporter'],
  START: ['staff'],
  AGREE: ['mediator'],
  FAIL: ['mediator'],
  // the signed paper's photo attached (by staff or the mediator), or at once for an oral agreement
  PERFORM: ['staff', 'mediator', 'system'],
  FULFIL: ['staff', 'mediator'],
  BREACH: ['staff', 'mediator'],
  RESUME: ['staff'],
  REFER: ['staff'],
  FOLLOW_UP: ['staff'],
} as const
export type DisputeEvent = keyof typeof DISPUTE_EVENT_ACTORS

export const disputeMachine = defineMachine<DisputeStatus, DisputeEvent, DisputeActor>(DISPUTE_STATUSES, DISPUTE_TABLE, DISPUTE_EVENT_ACTORS)

/** The window for applying for 司法确认 after a written agreement, and the day of it the parties and mediator are reminded. */
export const JUDICIAL_WINDOW_DAYS = 30
export const JUDICIAL_REMINDER_DAY = 20

/** When to remind of 司法确认: day 20 of the 30 days from a written agreement (none for an oral one). */
export const judicialReminderAt = (agreedAt: number, written: boolean): number | null => (written ? agreedAt + JUDICIAL_REMINDER_DAY * DAY_MS : null)

/** The 回访 falls due 3 days after the performance date (a China day, YYYY-MM-DD): at the end of that third day. */
export function followUpDueAt(performBy: string): number {
  const [y, m, d] = performBy.split('-').map(Number)
  return endOfChinaDay(chinaInstant({ y, m, d })) + 3 * DAY_MS
}
