/**
 * Telling the people of an event that it changed or was cancelled (shared by the events function's
 * edit and cancel and the council timer that moves or cancels a 议事 session). Notices have ids
 * that make a retry send nothing twice.
 */
import { timeKey } from '../core/contract/paging'
import { EVENT_NOTICES, REGISTRATIONS, regStartKey, type EventDoc, type RegistrationDoc } from '../core/events'
import { changeText } from '../core/events/changes'
import type { Ctx } from './context'
import type { Db } from './db'
import { allBy } from './paging'

export type EventNoticeKind = 'event_promoted' | 'event_reminder' | 'event_changed' | 'event_cancelled'

export async function notify(db: Db, n: { id: string; to: string; kind: EventNoticeKind; title: string; body: string; eventId: string; communityId: string; at: number }) {
  await db.collection(EVENT_NOTICES).doc(n.id).set({
    data: { communityId: n.communityId, to: n.to, kind: n.kind, title: n.title, body: n.body, orderId: null, eventId: n.eventId, at: n.at, read: false, sortKey: timeKey(n.at, n.id) },
  })
}

/** Everyone still expecting the event: signed up or on the waitlist. */
export async function expecting(ctx: Pick<Ctx, 'db'>, eventId: string): Promise<RegistrationDoc[]> {
  const where = { eventId, status: ctx.db.command.in(['registered', 'waiting']) }
  return (await allBy<RegistrationDoc>(ctx.db, { collection: REGISTRATIONS, where, key: '_id', dir: 'asc' }, { batch: 500 })).items
}

/**
 * Every registration of the event keeps its event's start in its list key ("my sign-ups" by date).
 * Run after each edit: a retried edit puts right what an interrupted one left.
 */
async function rekeyRegistrations(ctx: Pick<Ctx, 'db'>, e: EventDoc): Promise<void> {
  const regs = (await allBy<RegistrationDoc>(ctx.db, { collection: REGISTRATIONS, where: { eventId: e._id }, key: '_id', dir: 'asc' }, { batch: 500 })).items
  const stale = regs.filter((r) => r.eventStartKey !== regStartKey(e.startAt, r._id))
  for (let i = 0; i < stale.length; i += 20) {
    await Promise.all(stale.slice(i, i + 20).map((r) => ctx.db.collection(REGISTRATIONS).doc(r._id).update({ data: { eventStartKey: regStartKey(e.startAt, r._id) } })))
  }
}

/** After an edit: registrations re-keyed, and everyone expecting the event told what changed (if anything they would notice did). */
export async function tellChange(ctx: Pick<Ctx, 'db'>, before: EventDoc, after: EventDoc, now: number): Promise<void> {
  await rekeyRegistrations(ctx, after)
  const what = changeText(before, after)
  if (!what) return
  for (const r of await expecting(ctx, after._id)) {
    await notify(ctx.db, { id: `change:${r._id}:${now}`, to: r.openid, kind: 'event_changed', title: `活动有变动：${after.title}`, body: what, eventId: after._id, communityId: after.communityId, at: now })
  }
}

/** After a cancel: everyone expecting the event told why. */
export async function tellCancel(ctx: Pick<Ctx, 'db'>, e: EventDoc, reason: string, now: number): Promise<void> {
  for (const r of await expecting(ctx, e._id)) {
    await notify(ctx.db, { id: `cancel:${r._id}`, to: r.openid, kind: 'event_cancelled', title: `活动取消了：${e.title}`, body: `原因：${reason}。报名作废，兑换的积分已退回。`, eventId: e._id, communityId: e.communityId, at: now })
  }
}
