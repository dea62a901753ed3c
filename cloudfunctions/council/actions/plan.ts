/**
 * The timer (daily, config.json) and its manual twin for admins: every active series' sessions of
 * the next 8 weeks become events of kind 议事会 under their planned ids. A session already made is
 * left as it is (one transaction on its known id); its seats are created only where missing.
 */
import { randomBytes } from 'node:crypto'
import { timeKey } from '../../../core/contract/paging'
import type { councilFn } from '../../../core/council/contract'
import { sessionsAhead, type SessionPlan } from '../../../core/council/sessions'
import { EVENTS, type EventDoc } from '../../../core/events'
import type { TimerCtx } from '../../../server/context'
import { getOrNull, rows, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { COMMUNITY, mustPlace } from '../../../server/community'
import { createSeats } from '../../../server/seats'
import { activeSeries, holidayTable, type SeriesDoc } from '../store'

export interface Planned {
  made: number
  kept: number
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

/** Make one series' sessions ahead; how many were made and how many were there already. */
export async function planSeries(ctx: TimerCtx, s: SeriesDoc, plans?: SessionPlan[]): Promise<Planned> {
  const now = ctx.now()
  const ahead = plans ?? sessionsAhead(s, await holidayTable(ctx.db, s.communityId, now), now)
  const out: Planned = { made: 0, kept: 0 }
  for (const p of ahead) {
    if (await getOrNull(ctx.db, EVENTS, p.id)) {
      out.kept++
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
  return out
}

/** Every community (the timer), or the one an admin acts in. */
export async function runPlan(ctx: TimerCtx, communityId?: string): Promise<Planned> {
  const communities = communityId ? [communityId] : (await rows<{ _id: string }>(ctx.db.collection(COMMUNITY).where({}).field({ _id: true }).limit(1000))).map((c) => c._id)
  const total: Planned = { made: 0, kept: 0 }
  for (const c of communities) {
    for (const s of await activeSeries(ctx.db, c)) {
      const r = await planSeries(ctx, s)
      total.made += r.made
      total.kept += r.kept
    }
  }
  return total
}

export const plan: Handler<(typeof councilFn)['plan']> = (ctx) => runPlan(ctx, mustPlace(ctx.caller).communityId)
