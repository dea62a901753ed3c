/**
 * A case's steps after intake, each one transaction through stepCase (../store.ts): acceptance or
 * guidance elsewhere, mediation with mediators of the roster, the outcome, its performance, the
 * 回访 that closes it, the reporter's withdrawal.
 */
import { chinaDay } from '../../../core/china-time'
import { actorsOf, interestedIn, outcomeRecorders, type Mediator } from '../../../core/disputes/case'
import { disputeError, type disputesFn } from '../../../core/disputes/contract'
import { followUpDueAt, judicialReminderAt } from '../../../core/disputes/machine'
import { DISPUTE_MEDIATORS } from '../../../core/collections'
import { rows, setDoc, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { DISPUTES, stepCase, viewOf, visibleCase } from '../store'
import type { RosterDoc } from '../../../core/disputes/roster'

type C = typeof disputesFn

/** The 回访 of a case that ends without a performance date falls due 3 days after today. */
const dueFromToday = (now: number) => ({ followUpDueAt: followUpDueAt(chinaDay(now)), followUpTellAt: followUpDueAt(chinaDay(now)) })

export const accept: Handler<C['accept']> = (ctx, { disputeId }) => stepCase(ctx, disputeId, ['ACCEPT'], 'FORBIDDEN', () => ({}))

export const decline: Handler<C['decline']> = (ctx, { disputeId, route, guidance }) =>
  stepCase(ctx, disputeId, ['DECLINE'], 'FORBIDDEN', () => ({ guidance: { route, guidance }, note: guidance }))

export const mediate: Handler<C['mediate']> = async (ctx, { disputeId, mediators, session }) => {
  const now = ctx.now()
  if (session.at <= now) throw disputeError.at('session.at', 'SESSION_IN_PAST')
  const d = await visibleCase(ctx.db, ctx.caller, disputeId)
  const roster = await rows<RosterDoc>(ctx.db.collection(DISPUTE_MEDIATORS).where({ _id: ctx.db.command.in(mediators), communityId: d.communityId, active: true }).limit(mediators.length))
  if (roster.length !== new Set(mediators).size) throw disputeError.at('mediators', 'NOT_A_MEDIATOR')
  if (roster.some((m) => m.openid && interestedIn(m.openid, d))) throw disputeError.at('mediators', 'PARTY_MEDIATOR')
  const chosen: Mediator[] = roster.map((m) => ({ id: m._id, kind: m.kind, name: m.name, title: m.title, phone: m.phone, openid: m.openid }))
  return stepCase(ctx, disputeId, ['START', 'RESUME'], 'FORBIDDEN', (c, event) => ({
    // renewed after a breach: the 回访 waits for the new outcome
    ...(event === 'RESUME' ? { followUpTellAt: null, followUpDueAt: null } : {}),
    mediators: chosen,
    mediatorIds: chosen.flatMap((m) => (m.openid ? [m.openid] : [])),
    sessions: [...c.sessions, session],
    note: `调解员：${chosen.map((m) => `${m.title} ${m.name}`).join('、')}`,
  }))
}

/** Another session while mediating, by staff or a mediator (no change of status). */
export const addSession: Handler<C['addSession']> = async (ctx, { disputeId, session }) => {
  const now = ctx.now()
  if (session.at <= now) throw disputeError.at('session.at', 'SESSION_IN_PAST')
  const next = await tx(ctx.db, async (t) => {
    const d = await visibleCase(t, ctx.caller, disputeId)
    const actors = actorsOf(ctx.caller, d)
    if (!actors.includes('staff') && !actors.includes('mediator')) throw disputeError('NOT_MEDIATOR')
    if (d.status !== 'mediating') throw disputeError('DISPUTE_STATE')
    const after = { ...d, sessions: [...d.sessions, session], updatedAt: now, timeline: [...d.timeline, { at: now, by: ctx.openid, event: 'SESSION', note: session.place }] }
    await setDoc(t, DISPUTES, after)
    return after
  })
  return viewOf(ctx.caller, next)
}

export const agree: Handler<C['agree']> = (ctx, { disputeId, written, terms, performBy, photo }) => {
  if (performBy < chinaDay(ctx.now())) throw disputeError.at('performBy', 'PERFORM_BY_PAST')
  return stepCase(ctx, disputeId, ['AGREE'], 'NOT_MEDIATOR', (_d, _e, _to, now) => {
    const judicialRemindAt = judicialReminderAt(now, written)
    // an oral agreement, or a written one with its signed paper's photo, is performed from now on
    const performing = !written || !!photo
    return {
      agreement: { written, terms, performBy, photo: photo ?? null, at: now, judicialRemindAt },
      judicialRemindAt,
      followUpDueAt: followUpDueAt(performBy),
      followUpTellAt: followUpDueAt(performBy),
      ...(performing ? { status: 'performing' as const } : {}),
      note: terms,
    }
  })
}

export const attachAgreement: Handler<C['attachAgreement']> = (ctx, { disputeId, photo }) =>
  stepCase(ctx, disputeId, ['PERFORM'], 'NOT_MEDIATOR', (d) => {
    if (!d.agreement?.written || d.agreement.photo) throw disputeError('DISPUTE_STATE')
    return { agreement: { ...d.agreement, photo }, note: '已上传签字的协议书' }
  })

export const fail: Handler<C['fail']> = (ctx, { disputeId, route, guidance }) =>
  stepCase(ctx, disputeId, ['FAIL'], 'NOT_MEDIATOR', (_d, _e, _to, now) => ({ guidance: { route, guidance }, ...dueFromToday(now), note: guidance }))

export const performance: Handler<C['performance']> = (ctx, { disputeId, fulfilled, note }) =>
  stepCase(ctx, disputeId, [fulfilled ? 'FULFIL' : 'BREACH'], 'NOT_MEDIATOR', () => ({ note: note ?? '' }))

export const refer: Handler<C['refer']> = (ctx, { disputeId, route, guidance }) =>
  stepCase(ctx, disputeId, ['REFER'], 'FORBIDDEN', (_d, _e, _to, now) => ({ guidance: { route, guidance }, ...dueFromToday(now), note: guidance }))

export const followUp: Handler<C['followUp']> = (ctx, { disputeId, performed, satisfied, remaining }) =>
  stepCase(ctx, disputeId, ['FOLLOW_UP'], 'FORBIDDEN', (d, _e, _to, now) => {
    // the 回访 checks on the mediation: not by someone who mediated it or recorded its outcome
    if (outcomeRecorders(d).has(ctx.openid)) throw disputeError('MEDIATOR_FOLLOW_UP')
    return { followUp: { performed, satisfied, remaining: remaining ?? '', at: now, by: ctx.openid }, followUpTellAt: null, note: `${satisfied ? '满意' : '不满意'}${remaining ? `；${remaining}` : ''}` }
  })

export const withdraw: Handler<C['withdraw']> = (ctx, { disputeId }) =>
  stepCase(ctx, disputeId, ['WITHDRAW'], 'NOT_REPORTER', () => ({ judicialRemindAt: null, followUpTellAt: null, followUpDueAt: null }))
