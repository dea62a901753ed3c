/**
 * The order lifecycle in one place: statuses, the events that move between them, who may send each
 * event, and transition(), which decides (next order, timeline entry, effects) and performs nothing.
 * The server reads the order inside a transaction, calls transition(), writes the result.
 */
import type { Skill, Team } from '../users/vocab'
import { withKeys } from './keys'
import { CHECK_LABELS, EVERYONE, type Actor, type CheckAnswer, type Order, type Priority, type Status, type TimelineEntry } from './model'
import { effectsOf, type Effect } from './effects'
import { autoConfirmDue, CHECK_DAYS, DEFAULT_SLA, dueAt, isOverdue, reopenUntil, type SlaConfig } from './sla'

export type OrderEvent =
  | { type: 'PUBLISH'; skill?: Skill | null; team?: Team | null; priority?: Priority; points?: number; note?: string; awardAgain?: boolean; toStreet?: boolean }
  | { type: 'ASSIGN'; volunteerId: string; volunteerName?: string; priority?: Priority; points?: number; note?: string; awardAgain?: boolean }
  | { type: 'ESCALATE'; department: string; note: string; toStreet?: boolean }
  | { type: 'FOLLOW_UP'; note: string }
  | { type: 'STREET_REPLY'; note: string }
  | { type: 'CLOSE'; note: string }
  | { type: 'REFER'; guidance: string }
  | { type: 'REJECT'; reason: string }
  | { type: 'REASSIGN'; volunteerId?: string | null; volunteerName?: string; skill?: Skill | null; team?: Team | null; reason: string }
  | { type: 'CANCEL'; reason?: string }
  | { type: 'ACCEPT'; volunteerName: string; volunteerPhone?: string | null; volunteerTeam?: Team | null }
  | { type: 'START' }
  | { type: 'REPORT_DONE'; note: string; photos?: string[] }
  | { type: 'RELEASE'; reason: string }
  | { type: 'CONFIRM'; stars?: number; comment?: string }
  | { type: 'AUTO_CONFIRM' }
  | { type: 'RATE'; stars: number; comment?: string }
  | { type: 'REOPEN'; reason: string }
  | { type: 'MARK_OVERDUE' }
  | { type: 'ASK_CHECK' }
  | { type: 'ANSWER_CHECK'; answer: CheckAnswer }
export type EventType = OrderEvent['type']

/** status → event → next status. RELEASE has two: back to the pool, or to staff when it was assigned. */
export const TABLE = {
  submitted: { PUBLISH: 'open', ASSIGN: 'open', ESCALATE: 'escalated', REFER: 'referred', REJECT: 'rejected', CANCEL: 'cancelled', MARK_OVERDUE: 'submitted' },
  open: { ACCEPT: 'accepted', REASSIGN: 'open', CANCEL: 'cancelled', MARK_OVERDUE: 'open' },
  accepted: { START: 'in_service', REPORT_DONE: 'done', RELEASE: ['open', 'submitted'], REASSIGN: 'open', MARK_OVERDUE: 'accepted' },
  in_service: { REPORT_DONE: 'done', RELEASE: ['open', 'submitted'], REASSIGN: 'open', MARK_OVERDUE: 'in_service' },
  done: { CONFIRM: 'confirmed', AUTO_CONFIRM: 'confirmed', REOPEN: 'submitted', ASK_CHECK: 'done', ANSWER_CHECK: 'done' },
  confirmed: { RATE: 'confirmed', REOPEN: 'submitted', ASK_CHECK: 'confirmed', ANSWER_CHECK: 'confirmed' },
  escalated: { FOLLOW_UP: 'escalated', STREET_REPLY: 'escalated', CLOSE: 'closed' },
  closed: { ASK_CHECK: 'closed', ANSWER_CHECK: 'closed' },
  referred: { ASK_CHECK: 'referred', ANSWER_CHECK: 'referred' },
  rejected: {},
  cancelled: {},
} as const satisfies Record<Status, Partial<Record<EventType, Status | readonly Status[]>>>

/** Who may send each event (the capacity is derived by permissions.ts). */
export const EVENT_ACTORS = {
  PUBLISH: ['staff'],
  ASSIGN: ['staff'],
  ESCALATE: ['staff'],
  FOLLOW_UP: ['staff'],
  STREET_REPLY: ['street'],
  CLOSE: ['staff'],
  REFER: ['staff'],
  REJECT: ['staff'],
  REASSIGN: ['staff'],
  CANCEL: ['owner'],
  CONFIRM: ['owner'],
  RATE: ['owner'],
  REOPEN: ['owner'],
  ACCEPT: ['candidate'],
  START: ['volunteer'],
  REPORT_DONE: ['volunteer'],
  RELEASE: ['volunteer'],
  AUTO_CONFIRM: ['system'],
  MARK_OVERDUE: ['system'],
  ASK_CHECK: ['system'],
  ANSWER_CHECK: ['owner'],
} as const satisfies Record<EventType, readonly Actor[]>

export const EVENT_TYPES = Object.keys(EVENT_ACTORS) as EventType[]

export type MachineCode = 'FORBIDDEN' | 'BAD_STATE' | 'ORDER_TAKEN' | 'REOPEN_EXPIRED' | 'NOT_DUE' | 'ALREADY_RATED' | 'SELF_DEALING' | 'OWN_DISPATCH' | 'OWN_REQUEST' | 'AWARD_LIMIT' | 'CHECK_ANSWERED' | 'RESERVED'
export interface StepContext {
  /** OPENID of the caller ('system' for timers). */
  by: string
  actor: Actor
  now: number
  sla?: SlaConfig
}
export type Step = { ok: true; next: Order; entry: TimelineEntry; effects: Effect[] } | { ok: false; code: MachineCode }

/** At most this many awards for one order: the first, and one more that staff may allow after a reopen. */
export const MAX_AWARDS_PER_ORDER = 2

/** Statuses that mean a volunteer already holds the order: a late ACCEPT is "taken", not "bad state". */
const HELD: readonly Status[] = ['accepted', 'in_service', 'done', 'confirmed']

export function targetsOf(status: Status, type: EventType): readonly Status[] {
  const t = (TABLE[status] as Partial<Record<EventType, Status | readonly Status[]>>)[type]
  return t === undefined ? [] : typeof t === 'string' ? [t] : t
}

export function transition(order: Order, event: OrderEvent, ctx: StepContext): Step {
  if (!(EVENT_ACTORS[event.type] as readonly Actor[]).includes(ctx.actor)) return { ok: false, code: 'FORBIDDEN' }
  const targets = targetsOf(order.status, event.type)
  if (targets.length === 0) return { ok: false, code: event.type === 'ACCEPT' && HELD.includes(order.status) ? 'ORDER_TAKEN' : 'BAD_STATE' }
  const guard = guardOf(order, event, ctx.now) ?? servesOwnCase(order, event, ctx.by)
  if (guard) return { ok: false, code: guard }

  const to = event.type === 'RELEASE' ? (order.audience.volunteerId ? 'submitted' : 'open') : targets[0]
  const patched = { ...order, ...patchOf(order, event, ctx), status: to, updatedAt: ctx.now }
  const restart = to !== order.status || event.type === 'REASSIGN'
  if (restart) {
    patched.stageSince = ctx.now
    patched.overdue = false
    patched.dueAt = dueAt(patched, ctx.sla ?? DEFAULT_SLA)
  }
  const entry: TimelineEntry = {
    seq: order.timeline.length + 1,
    at: ctx.now,
    by: ctx.by,
    actor: ctx.actor,
    event: event.type,
    from: order.status,
    to,
    note: noteOf(event),
  }
  const award = awardOf(order, event)
  if (award) patched.awardsGiven = order.awardsGiven + 1
  const next = withKeys({ ...patched, timeline: [...order.timeline, entry] })
  return { ok: true, next, entry, effects: [...effectsOf(order, next, event.type, ctx.by), ...(award ? [award] : [])] }
}

function guardOf(o: Order, e: OrderEvent, now: number): MachineCode | null {
  switch (e.type) {
    case 'AUTO_CONFIRM':
      return now >= (autoConfirmDue(o) ?? Infinity) ? null : 'NOT_DUE'
    case 'MARK_OVERDUE':
      return !o.overdue && isOverdue(o, now) ? null : 'NOT_DUE'
    case 'REOPEN':
      return now <= (reopenUntil(o) ?? -Infinity) ? null : 'REOPEN_EXPIRED'
    case 'RATE':
      return o.rating ? 'ALREADY_RATED' : null
    case 'ASK_CHECK':
      return o.check && o.check.askedAt === null && o.check.answer === null && now >= o.check.dueAt ? null : 'NOT_DUE'
    case 'ANSWER_CHECK':
      // an order that reached 办结 before the 回访 existed has none to answer
      return !o.check ? 'BAD_STATE' : o.check.answer ? 'CHECK_ANSWERED' : null
    case 'PUBLISH':
    case 'ASSIGN':
      return e.awardAgain && o.reopenCount > 0 && o.awardsGiven + 1 > MAX_AWARDS_PER_ORDER ? 'AWARD_LIMIT' : null
    default:
      return null
  }
}

/** Who set the order's points: the staff member of the last PUBLISH or ASSIGN. */
export function dispatcherOf(o: Pick<Order, 'timeline'>): string | null {
  for (let i = o.timeline.length - 1; i >= 0; i--) if (o.timeline[i].event === 'PUBLISH' || o.timeline[i].event === 'ASSIGN') return o.timeline[i].by
  return null
}

/**
 * Nobody serves their own case: the volunteer who takes an order (accepting it, or being assigned
 * it) is neither the resident it serves nor the person who ordered it for them (they confirm it),
 * nor the staff member who set its points; and a 网格员 who placed an order (for themselves or for a
 * neighbour) does not dispatch it — they would set the points and confirm the work.
 */
function servesOwnCase(o: Order, e: OrderEvent, by: string): MachineCode | null {
  const dispatch = e.type === 'PUBLISH' || e.type === 'ASSIGN' || e.type === 'REASSIGN'
  if (dispatch && (by === o.residentId || by === o.orderedBy)) return 'OWN_REQUEST'
  const [volunteer, dispatcher] =
    e.type === 'ACCEPT' ? [by, dispatcherOf(o)] : e.type === 'ASSIGN' || e.type === 'REASSIGN' ? [e.volunteerId ?? null, by] : [null, null]
  // reserved for one volunteer (a wish's donor): not to the pool, not to anyone else
  if (o.reservedFor && (e.type === 'PUBLISH' || (dispatch && volunteer !== o.reservedFor) || (e.type === 'ACCEPT' && by !== o.reservedFor))) return 'RESERVED'
  if (!volunteer) return null
  if (volunteer === o.residentId || volunteer === o.orderedBy) return 'SELF_DEALING'
  return volunteer === dispatcher ? 'OWN_DISPATCH' : null
}

/**
 * The 回访 an order gets on entering 办结 (done, closed, referred): asked CHECK_DAYS later of whoever
 * can answer it — the resident, or the 楼栋长 / 网格员 who ordered for them.
 */
function newCheck(o: Order, now: number): Order['check'] {
  if (!o.residentId && !o.orderedBy) return null
  return { dueAt: now + CHECK_DAYS * 24 * 3_600_000, askedAt: null, answer: null, answeredAt: null, by: null }
}

/** Fields an event changes (status, clocks, keys and timeline are handled by transition). */
function patchOf(o: Order, e: OrderEvent, ctx: StepContext): Partial<Order> {
  const triage = (p: { priority?: Priority; points?: number; awardAgain?: boolean }) => ({
    triage: { kind: 'small' as const, department: null, note: null },
    priority: p.priority ?? o.priority,
    points: p.points ?? o.points,
    // after a reopen, staff may decide the volunteer earns points again (recorded in the timeline)
    awardsAllowed: p.awardAgain && o.reopenCount > 0 ? o.awardsGiven + 1 : o.awardsAllowed,
  })
  const rating = (stars: number | undefined, comment?: string) =>
    stars === undefined ? o.rating : { stars, comment: comment ?? '', at: ctx.now, by: ctx.by }
  const cleared = { volunteerId: null, volunteerName: null, volunteerPhone: null, volunteerTeam: null, assigneeName: null }
  switch (e.type) {
    case 'PUBLISH':
      return { ...triage(e), audience: { skill: e.skill ?? null, team: e.team ?? null, volunteerId: null }, pool: e.toStreet ? 'street' : 'community' }
    case 'ASSIGN':
      return { ...triage(e), audience: { ...EVERYONE, volunteerId: e.volunteerId }, pool: 'community', assigneeName: e.volunteerName ?? null }
    case 'ESCALATE': {
      const street = e.toStreet ? { since: ctx.now, answeredAt: null, answer: null, by: null } : null
      return { triage: { kind: 'big', department: e.department, note: e.note }, street }
    }
    case 'STREET_REPLY':
      return { street: o.street && { ...o.street, answeredAt: o.street.answeredAt ?? ctx.now, answer: e.note, by: ctx.by } }
    case 'REFER':
      return { triage: { kind: 'private', department: null, note: e.guidance }, reason: e.guidance, check: newCheck(o, ctx.now) }
    case 'CLOSE':
      return { check: newCheck(o, ctx.now) }
    case 'REASSIGN':
      return { ...cleared, reason: e.reason, audience: { skill: e.skill ?? null, team: e.team ?? null, volunteerId: e.volunteerId ?? null }, assigneeName: (e.volunteerId && e.volunteerName) || null }
    case 'REJECT':
    case 'RELEASE':
    case 'REOPEN':
    case 'CANCEL': {
      const base = { reason: e.reason ?? null }
      if (e.type === 'RELEASE') return { ...base, ...cleared, audience: o.audience.volunteerId ? EVERYONE : o.audience }
      // an unanswered 回访 would ask about work now being redone: dropped (the next 办结 sets a new one); an answer stays
      if (e.type === 'REOPEN') return { ...base, ...cleared, audience: EVERYONE, reopenCount: o.reopenCount + 1, doneAt: null, confirmedAt: null, rating: null, check: o.check?.answer ? o.check : null }
      return base
    }
    case 'ACCEPT':
      return { volunteerId: ctx.by, volunteerName: e.volunteerName, volunteerPhone: e.volunteerPhone ?? null, volunteerTeam: e.volunteerTeam ?? null, assigneeName: null }
    case 'REPORT_DONE':
      return { doneNote: e.note, donePhotos: e.photos ?? [], doneAt: ctx.now, check: newCheck(o, ctx.now) }
    case 'CONFIRM':
      return { confirmedAt: ctx.now, rating: rating(e.stars, e.comment) }
    case 'AUTO_CONFIRM':
      return { confirmedAt: ctx.now }
    case 'RATE':
      return { rating: rating(e.stars, e.comment) }
    case 'MARK_OVERDUE':
      return { overdue: true }
    case 'ASK_CHECK':
      return { check: o.check && { ...o.check, askedAt: ctx.now } }
    case 'ANSWER_CHECK':
      return { check: o.check && { ...o.check, answer: e.answer, answeredAt: ctx.now, by: ctx.by } }
    default:
      return {}
  }
}

function noteOf(e: OrderEvent): string | null {
  switch (e.type) {
    case 'ESCALATE':
      return `${e.department}：${e.note}`
    case 'REFER':
      return e.guidance
    case 'CONFIRM':
    case 'RATE':
      return e.stars === undefined ? null : `评价${e.stars}星${e.comment ? `：${e.comment}` : ''}`
    case 'PUBLISH':
    case 'ASSIGN': {
      const extra = e.awardAgain ? '（重新打开后再次给予积分）' : ''
      const named = e.type === 'ASSIGN' && e.volunteerName ? `指派给${e.volunteerName}` : ''
      return [named, `${e.note ?? ''}${extra}`].filter(Boolean).join('：') || null
    }
    case 'ACCEPT':
      return `${e.volunteerName}接单`
    case 'REPORT_DONE':
    case 'FOLLOW_UP':
    case 'STREET_REPLY':
    case 'CLOSE':
      return e.note
    case 'REASSIGN':
      return e.volunteerId && e.volunteerName ? `改派给${e.volunteerName}：${e.reason}` : e.reason
    case 'REJECT':
    case 'RELEASE':
    case 'REOPEN':
    case 'CANCEL':
      return e.reason ?? null
    case 'ANSWER_CHECK':
      return `回访：${CHECK_LABELS[e.answer]}`
    default:
      return null
  }
}

/** On confirmation, the volunteer earns the order's points — once, unless staff allowed another award. */
function awardOf(o: Order, e: OrderEvent): Effect | null {
  if (e.type !== 'CONFIRM' && e.type !== 'AUTO_CONFIRM') return null
  if (!o.volunteerId || o.points <= 0 || o.awardsGiven >= o.awardsAllowed) return null
  const key = o.awardsGiven === 0 ? `award:order:${o._id}` : `award:order:${o._id}:${o.awardsGiven + 1}`
  return { kind: 'award', key, to: o.volunteerId, amount: o.points }
}
