/**
 * The timer (daily, config.json) and its manual twin for admins: every active series' sessions of
 * the next 8 weeks become events of kind 议事会 under their planned ids — each made in one
 * transaction on its known id, its seats created only where missing. A session made before whose
 * day, time, name or place the plan now says otherwise (the holiday table or the series changed) is
 * moved, and one the plan no longer has (a holiday skipped, the series stopped or its days changed)
 * is cancelled; the people signed up are told either way.
 */
import { randomBytes } from 'node:crypto'
import { timeKey } from '../../../core/contract/paging'
import type { councilFn } from '../../../core/council/contract'
import { sessionsAhead, type SessionPlan } from '../../../core/council/sessions'
import { EVENTS, type EventDoc } from '../../../core/events'
import type { TimerCtx } from '../../../server/context'
import { getOrNull, rows, setDoc, tx } from '../../../server/db'
import { tellCancel, tellChange } from '../../../server/event-changes'
import type { Handler } from '../../../server/runtime'
import { COMMUNITY, mustPlace } from '../../../server/community'
import { createSeats } from '../../../server/seats'
import { activeSeries, holidayTable, type SeriesDoc } from '../store'
import { countHouseholds } from '../topics'
import { closeDue } from './evaluation'
import { closeElectionDue } from './election'

export interface Planned {
  made: number
  kept: number
  moved: number
  cancelled: number
}

function sessionEvent(s: SeriesDoc, p: SessionPlan, now: number): EventDoc {
  return {
    _id: p.id,
    communityId: s.communityId,
    streetId: s.streetId,
    kind: 'council',
    seriesId: s._id,
    title: s.title,
    place: s.place,
    startAt: p.startAt,
    startKey: timeKey(p.startAt, p.id),
    endAt: p.endAt,
    // sign-up stays open until it starts: anyone may come and speak
    deadline: p.startAt,
    capacity: s.capacity,
    audience: s.gridId ? { kind: 'grid', gridId: s.gridId } : { kind: 'everyone' },
    points: 0,
    booths: [],
    status: 'published',
    secret: randomBytes(16).toString('hex'),
    createdBy: s.createdBy,
    createdAt: now,
  }
}

/** Bring one series' sessions ahead in line with its plan (none: a stopped series). */
export async function planSeries(ctx: TimerCtx, s: SeriesDoc, plans?: SessionPlan[]): Promise<Planned> {
  const now = ctx.now()
  const ahead = plans ?? sessionsAhead(s, await holidayTable(ctx.db, s.communityId, now), now)
  const out: Planned = { made: 0, kept: 0, moved: 0, cancelled: 0 }
  for (const p of ahead) {
    const e = await getOrNull<EventDoc>(ctx.db, EVENTS, p.id)
    if (e) {
      if (await moveSession(ctx, s, p)) out.moved++
      else out.kept++
      continue
    }
    await createSeats(ctx.db, p.id, s.capacity, s.communityId)
    const made = await tx(ctx.db, async (t) => {
      if (await getOrNull(t, EVENTS, p.id)) return false
      const { _id, ...data } = sessionEvent(s, p, now)
      await t.collection(EVENTS).doc(_id).set({ data })
      return true
    })
    if (made) out.made++
    else out.kept++
  }
  const planned = new Set(ahead.map((p) => p.id))
  const future = await rows<EventDoc>(ctx.db.collection(EVENTS).where({ seriesId: s._id, startAt: ctx.db.command.gt(now) }).orderBy('startAt', 'asc').limit(100))
  for (const e of future.filter((x) => x.status === 'published' && !planned.has(x._id))) {
    if (await cancelSession(ctx, e._id, s.active ? '议事日子调整了（节假日或安排有变）' : '这个议事系列停了')) out.cancelled++
  }
  return out
}

/** Open for changes: published and not yet started. */
const changeable = (e: EventDoc | null, now: number): e is EventDoc => !!e && e.status === 'published' && e.startAt > now

/** Move a session made before to where the plan now puts it (and its series' name and place); false when nothing changed. */
async function moveSession(ctx: TimerCtx, s: SeriesDoc, p: SessionPlan): Promise<boolean> {
  const now = ctx.now()
  const moved = await tx(ctx.db, async (t) => {
    const e = await getOrNull<EventDoc>(t, EVENTS, p.id)
    if (!changeable(e, now) || (e.startAt === p.startAt && e.endAt === p.endAt && e.title === s.title && e.place === s.place)) return null
    const { remindedAt, ...rest } = e
    const next: EventDoc = { ...rest, _id: p.id, title: s.title, place: s.place, startAt: p.startAt, startKey: timeKey(p.startAt, p.id), endAt: p.endAt, deadline: p.startAt, ...(e.startAt === p.startAt && remindedAt ? { remindedAt } : {}), updatedAt: now }
    await setDoc(t, EVENTS, next)
    return { before: { ...e, _id: p.id }, after: next }
  })
  if (moved) await tellChange(ctx, moved.before, moved.after, now)
  return !!moved
}

async function cancelSession(ctx: TimerCtx, eventId: string, reason: string): Promise<boolean> {
  const now = ctx.now()
  const e = await tx(ctx.db, async (t) => {
    const found = await getOrNull<EventDoc>(t, EVENTS, eventId)
    if (!changeable(found, now)) return null
    const next: EventDoc = { ...found, _id: eventId, status: 'cancelled', cancelledAt: now, cancelledBy: 'system', cancelReason: reason, updatedAt: now }
    await setDoc(t, EVENTS, next)
    return next
  })
  if (e) await tellCancel(ctx, e, reason, now)
  return !!e
}

/** Every community (the timer), or the one an admin acts in. */
export async function runPlan(ctx: TimerCtx, communityId?: string): Promise<Planned> {
  const communities = communityId ? [communityId] : (await rows<{ _id: string }>(ctx.db.collection(COMMUNITY).where({}).field({ _id: true }).limit(1000))).map((c) => c._id)
  const total: Planned = { made: 0, kept: 0, moved: 0, cancelled: 0 }
  for (const c of communities) {
    // the threshold's base: the community's registered households, counted once a day
    if (!communityId) {
      await countHouseholds(ctx.db, c, ctx.now())
      await closeDue(ctx, c)
      await closeElectionDue(ctx, c)
    }
    for (const s of await activeSeries(ctx.db, c)) {
      const r = await planSeries(ctx, s)
      total.made += r.made
      total.kept += r.kept
      total.moved += r.moved
      total.cancelled += r.cancelled
    }
  }
  return total
}

export const plan: Handler<(typeof councilFn)['plan']> = (ctx) => runPlan(ctx, mustPlace(ctx.caller).communityId)
