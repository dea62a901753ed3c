/**
 * Reading a case as the caller may, showing it, and moving it: one transaction per step on the
 * case's id, with its notices written in the same transaction under ids derived from the step
 * (a retried call writes none twice). A case the caller may not see is NOT_FOUND, as if it did not
 * exist — never a hint that it does.
 */
import { DISPUTE_NOTICES, DISPUTES, USERS } from '../../core/collections'
import { commonError } from '../../core/contract/errors'
import { timeKey } from '../../core/contract/paging'
import { reporterFollows } from '../../core/disputes/access'
import { actorsOf, canDo, interestedIn, roleIn, scopeOf, stepFor, type DisputeDoc } from '../../core/disputes/case'
import { callerFrom, type Caller } from '../../core/users/caller'
import type { UserDoc } from '../../core/users/model'
import { DISPUTE_STATUS_LABELS, disputeError, type DisputeView } from '../../core/disputes/contract'
import { DISPUTE_EVENT_LABELS } from '../../core/disputes/vocab'
import type { DisputeEvent, DisputeStatus } from '../../core/disputes/machine'
import type { Ctx } from '../../server/context'
import { getOrNull, setDoc, tx, type Db, type Tx } from '../../server/db'

export { DISPUTES }

/** The case, if the caller may see it; otherwise NOT_FOUND whether or not it exists. */
export async function visibleCase(db: Db | Tx, c: Caller, id: string): Promise<DisputeDoc> {
  const d = await getOrNull<DisputeDoc>(db, DISPUTES, id)
  if (!d || !roleIn(c, d)) throw commonError('NOT_FOUND')
  return { ...d, _id: id }
}

/** The case as this caller sees it: phones only for staff (and the mediators for the parties'). */
export function viewOf(c: Caller, d: DisputeDoc): DisputeView {
  const role = roleIn(c, d)!
  const works = role === 'staff' || role === 'admin'
  return {
    ...summaryOf(c, d),
    detail: d.detail,
    gridId: d.gridId,
    reportedBy: d.reportedByName,
    // whether a phone is registered is the staff's to know (else a report would probe numbers)
    parties: d.parties.map((p) => ({ name: p.name, side: p.side, phone: works || role === 'mediator' ? p.phone : null, hasApp: works ? !!p.openid : null })),
    mediators: d.mediators.map((m) => ({ name: m.name, title: m.title, phone: works ? m.phone : null })),
    sessions: d.sessions,
    guidance: d.guidance,
    agreement: d.agreement && { written: d.agreement.written, terms: d.agreement.terms, performBy: d.agreement.performBy, photo: d.agreement.photo, judicialRemindAt: d.agreement.judicialRemindAt, photoUrl: null },
    followUp: d.followUp && { performed: d.followUp.performed, satisfied: d.followUp.satisfied, remaining: d.followUp.remaining },
    timeline: d.timeline.map((e) => ({ at: e.at, event: e.event, note: e.note })),
    can: canDo(c, d),
  }
}

export function summaryOf(c: Caller, d: DisputeDoc) {
  return { _id: d._id, status: d.status, category: d.category, source: d.source, title: d.title, reportedAt: d.reportedAt, role: roleIn(c, d)!, followUpDueAt: d.followUpDueAt }
}

/** Everyone on the case but the one acting: the reporter (a 楼栋长 reporting for an elder too), parties and mediators with the app. */
const peopleOf = (d: DisputeDoc, except: string): string[] => [...new Set([d.reportedBy, ...d.partyIds, ...d.mediatorIds])].filter((p) => p !== except)

/** Who is told of a step: everyone on the case but the one acting, and not a reporter who gave up the role they reported in. */
export async function followersOf(t: Tx, d: DisputeDoc, except: string): Promise<string[]> {
  const people = peopleOf(d, except)
  const r = d.reportedBy
  if (!d.reportedFor || !people.includes(r) || d.partyIds.includes(r) || d.mediatorIds.includes(r)) return people
  const reporter = await getOrNull<UserDoc>(t, USERS, r)
  return reporterFollows(callerFrom(r, reporter), scopeOf(d)) ? people : people.filter((p) => p !== r)
}

export async function writeNotices(t: Tx, d: DisputeDoc, to: readonly string[], title: string, key: string, at: number): Promise<void> {
  const body = `${d.title}（${DISPUTE_STATUS_LABELS[d.status]}）`
  await Promise.all(
    to.map((person, n) => {
      const _id = `${d._id}.${key}.${n}`
      return setDoc(t, DISPUTE_NOTICES, { _id, communityId: d.communityId, to: person, kind: 'dispute', title, body, orderId: null, eventId: null, disputeId: d._id, at, read: false, sortKey: timeKey(at, _id) })
    }),
  )
}

/** How a caller who may see the case but not send this event is refused (a party: it is their own case). */
export type Refusal = 'NOT_MEDIATOR' | 'NOT_REPORTER' | 'FORBIDDEN'

function refusalOf(refused: 'FORBIDDEN' | 'BAD_STATE', refusal: Refusal, party: boolean) {
  if (refused === 'BAD_STATE') return disputeError('DISPUTE_STATE')
  if (party && refusal !== 'NOT_REPORTER') return disputeError('OWN_CASE')
  return refusal === 'FORBIDDEN' ? commonError('FORBIDDEN') : disputeError(refusal)
}

/**
 * One step of a case: read it in the transaction, check the caller may send one of `events`
 * (as the table says), apply `change`, append to the timeline, tell everyone on it.
 */
export async function stepCase(
  ctx: Ctx,
  id: string,
  events: readonly DisputeEvent[],
  refusal: Refusal,
  change: (d: DisputeDoc, event: DisputeEvent, to: DisputeStatus, now: number) => Partial<DisputeDoc> & { note?: string },
): Promise<DisputeView> {
  const now = ctx.now()
  const next = await tx(ctx.db, async (t) => {
    const d = await visibleCase(t, ctx.caller, id)
    const step = stepFor(actorsOf(ctx.caller, d), d, events)
    if ('refused' in step) throw refusalOf(step.refused, refusal, interestedIn(ctx.openid, d))
    const { note = '', ...fields } = change(d, step.event, step.to, now)
    const after: DisputeDoc = {
      ...d,
      ...fields,
      status: fields.status ?? step.to,
      updatedAt: now,
      reached: { ...d.reached, [step.to]: now, ...(fields.status ? { [fields.status]: now } : {}) },
      timeline: [...d.timeline, { at: now, by: ctx.openid, event: step.event, note }],
    }
    await setDoc(t, DISPUTES, after)
    await writeNotices(t, after, await followersOf(t, after, ctx.openid), DISPUTE_EVENT_LABELS[step.event], String(after.timeline.length), now)
    return after
  })
  return viewOf(ctx.caller, next)
}
