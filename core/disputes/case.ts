/**
 * A dispute as stored, and what a caller may do with it (pure). The caller's capacities come from
 * access.ts; here they become the machine's actors, minus self-dealing: a party never acts as staff
 * or mediator on their own case.
 */
import { timeKey } from '../contract/paging'
import type { Caller } from '../users/caller'
import { disputeRoleOf, reporterFollows, type DisputeRole } from './access'
import type { DISPUTE_CATEGORIES, DISPUTE_SOURCES, ROUTES } from './contract'
import { disputeMachine, type DisputeActor, type DisputeEvent, type DisputeStatus } from './machine'

export interface Party {
  name: string
  phone: string | null
  side: 'applicant' | 'respondent'
  buildingId: string | null
  room: string
  /** Their OPENID when they have the app (found by phone in the community, or the reporter). */
  openid: string | null
}

export interface Mediator {
  /** A volunteer's OPENID, or a professional's roster id. */
  id: string
  kind: 'volunteer' | 'professional'
  name: string
  title: string
  phone: string
  /** Who acts in the app for this mediator (a professional may have none: staff record for them). */
  openid: string | null
}

export interface DisputeDoc {
  _id: string
  communityId: string
  streetId: string
  gridId: string
  source: keyof typeof DISPUTE_SOURCES
  category: keyof typeof DISPUTE_CATEGORIES
  title: string
  detail: string
  status: DisputeStatus
  reportedBy: string
  reportedByName: string
  /** The building the reporter acted for, when they are not a party (they follow the case while they still may act for it). */
  reportedFor: string | null
  /** Where it came from: a 私事 order or a 议题 (one case each, its id derived from theirs). */
  origin: { kind: 'order' | 'topic'; id: string } | null
  parties: Party[]
  /** OPENIDs of the parties and of the mediators who act in the app: who may see it (access.ts). */
  partyIds: string[]
  /** Others registered in a party's room: they do not see the case, and (like a party) cannot handle it. */
  householdIds?: string[]
  mediators: Mediator[]
  mediatorIds: string[]
  sessions: { at: number; place: string }[]
  guidance: { route: keyof typeof ROUTES; guidance: string } | null
  agreement: { written: boolean; terms: string; performBy: string; photo: string | null; at: number; judicialRemindAt: number | null } | null
  /** The timer's work: the 司法确认 reminder still to send, and when to tell the grid's 网格员 the 回访 is due (null: done or none). */
  judicialRemindAt: number | null
  followUpTellAt: number | null
  followUpDueAt: number | null
  followUp: { performed: boolean | null; satisfied: boolean; remaining: string; at: number; by: string } | null
  /** Reached each of these at some point (the figures count them). */
  reached: Partial<Record<DisputeStatus, number>>
  timeline: { at: number; by: string; event: string; note: string }[]
  reportedAt: number
  updatedAt: number
  /** timeKey(reportedAt, id): the lists' cursor. */
  sortKey: string
}

type Given = Pick<DisputeDoc, '_id' | 'communityId' | 'streetId' | 'gridId' | 'source' | 'category' | 'title' | 'detail' | 'reportedBy' | 'reportedByName' | 'reportedFor' | 'origin' | 'parties' | 'reportedAt'>

/** A case as reported: who is on it (parties with the app see it), nothing decided yet. */
export function newCase(p: Given & { households: readonly string[]; by: string; note: string }): DisputeDoc {
  const { by, note, households, ...rest } = p
  const partyIds = [...new Set(p.parties.map((x) => x.openid).filter((x): x is string => !!x))]
  return {
    ...rest,
    status: 'reported',
    partyIds,
    householdIds: [...new Set(households)].filter((id) => !partyIds.includes(id)),
    mediators: [],
    mediatorIds: [],
    sessions: [],
    guidance: null,
    agreement: null,
    judicialRemindAt: null,
    followUpTellAt: null,
    followUpDueAt: null,
    followUp: null,
    reached: { reported: p.reportedAt },
    timeline: [{ at: p.reportedAt, by, event: 'REPORT', note }],
    updatedAt: p.reportedAt,
    sortKey: timeKey(p.reportedAt, p._id),
  }
}

export const scopeOf = (d: DisputeDoc) => ({ communityId: d.communityId, gridId: d.gridId, parties: d.partyIds, mediators: d.mediatorIds, reporter: d.reportedBy, reportedFor: d.reportedFor ?? null })

export const roleIn = (c: Caller, d: DisputeDoc): DisputeRole | null => disputeRoleOf(c, scopeOf(d))

/** A party, or living with one: whoever may not handle the case (nor mediate it). */
export const interestedIn = (openid: string, d: DisputeDoc): boolean => d.partyIds.includes(openid) || (d.householdIds ?? []).includes(openid)

/** The machine's actors the caller stands as on this case. A party is only ever the reporter (if they reported it): nobody acts on their own case. */
export function actorsOf(c: Caller, d: DisputeDoc): DisputeActor[] {
  const reporter = reporterFollows(c, scopeOf(d))
  if (interestedIn(c.openid, d)) return reporter ? ['reporter'] : []
  const role = roleIn(c, d)
  const out: DisputeActor[] = []
  if (reporter) out.push('reporter')
  if (role === 'staff' || role === 'admin') out.push('staff')
  // staff record the outcome for a mediator without the app (a professional who comes on fixed days)
  if (d.mediatorIds.includes(c.openid) || (out.includes('staff') && d.mediators.some((m) => !m.openid))) out.push('mediator')
  return out
}

/** The page's actions and the events they send (mediate sends START or RESUME; addSession sends none). */
const ACTIONS: Record<string, { events: DisputeEvent[]; when?: (d: DisputeDoc) => boolean }> = {
  accept: { events: ['ACCEPT'] },
  decline: { events: ['DECLINE'] },
  mediate: { events: ['START', 'RESUME'] },
  agree: { events: ['AGREE'] },
  fail: { events: ['FAIL'] },
  attachAgreement: { events: ['PERFORM'], when: (d) => !!d.agreement?.written && !d.agreement.photo },
  performance: { events: ['FULFIL', 'BREACH'] },
  refer: { events: ['REFER'] },
  followUp: { events: ['FOLLOW_UP'] },
  withdraw: { events: ['WITHDRAW'] },
}

/** Whether these actors may send one of `events` to the case now: the event that goes, or the refusal. */
export function stepFor(actors: readonly DisputeActor[], d: DisputeDoc, events: readonly DisputeEvent[]): { event: DisputeEvent; to: DisputeStatus } | { refused: 'FORBIDDEN' | 'BAD_STATE' } {
  let refused: 'FORBIDDEN' | 'BAD_STATE' = 'BAD_STATE'
  for (const event of events) {
    const target = disputeMachine.target(d.status, event)
    if (!target) continue
    const actor = actors.find((a) => disputeMachine.step(d.status, event, a).ok)
    if (actor) return { event, to: target }
    refused = 'FORBIDDEN'
  }
  return { refused }
}

/** Staff or a mediator may add a session while mediating; the rest follow the table. */
export function canDo(c: Caller, d: DisputeDoc): string[] {
  const actors = actorsOf(c, d)
  const can = Object.entries(ACTIONS)
    .filter(([, a]) => (a.when ? a.when(d) : true) && 'event' in stepFor(actors, d, a.events))
    .map(([name]) => name)
  if (d.status === 'mediating' && (actors.includes('staff') || actors.includes('mediator'))) can.push('addSession')
  return can
}

/** Timer fields and when each still applies: no 司法确认 reminder for a case withdrawn or declined; a 回访 only once it has an outcome to ask about. */
const STILL_DUE = {
  judicialRemindAt: (s: DisputeStatus) => s !== 'withdrawn' && s !== 'declined',
  followUpTellAt: (s: DisputeStatus) => s === 'fulfilled' || s === 'failed' || s === 'referred' || s === 'performing' || s === 'agreed',
} as const
export const stillDue = (field: keyof typeof STILL_DUE, status: DisputeStatus): boolean => STILL_DUE[field](status)

/** Who mediated it or recorded its outcome (for a mediator without the app): they do not do the 回访 that checks on it. */
export const outcomeRecorders = (d: Pick<DisputeDoc, 'timeline' | 'mediatorIds'>): Set<string> =>
  new Set([...d.mediatorIds, ...d.timeline.filter((e) => e.event === 'AGREE' || e.event === 'FAIL').map((e) => e.by)])
