/** Event access for handlers of the events and points functions: one rule for seeing, one for managing (core/events/permissions). */
import { timeProblems, type EventTimes } from '../core/events/times'
import { commonError } from '../core/contract/errors'
import { enforce } from '../core/contract/decision'
import { canManageEvent, canSeeEvent, EVENTS, type EventDoc } from '../core/events'
import { eventsError } from '../core/events/contract'
import type { Ctx } from './context'
import { getOrNull, type Db, type Tx } from './db'

/** The event, or NOT_FOUND — also when the caller's audience does not include it (same answer, nothing told). */
export async function mustSeeEvent(ctx: Pick<Ctx, 'db' | 'caller' | 'user'>, id: string): Promise<EventDoc> {
  const e = await getOrNull<EventDoc>(ctx.db, EVENTS, id)
  if (!e) throw commonError('NOT_FOUND')
  enforce(canSeeEvent(ctx.caller, e))
  return { ...e, _id: id }
}

/** Refuse a caller who may not run this event: OTHER_COMMUNITY for another community's, else NOT_YOUR_EVENT. */
export function mustManage(ctx: Pick<Ctx, 'caller'>, e: Pick<EventDoc, 'audience' | 'communityId'>): void {
  enforce(canManageEvent(ctx.caller, e), eventsError)
}

/** The event for a management action: NOT_FOUND when missing, NOT_YOUR_EVENT when out of scope. */
export async function mustGetManaged(ctx: Pick<Ctx, 'caller'>, db: Db | Tx, id: string): Promise<EventDoc> {
  const e = await getOrNull<EventDoc>(db, EVENTS, id)
  if (!e) throw commonError('NOT_FOUND')
  mustManage(ctx, e)
  return { ...e, _id: id }
}

/** Times in order and not in the past (core/events/times.ts), or the error with each problem at its field. */
export function mustHaveTimesInOrder(t: EventTimes, now: number, before?: EventTimes): void {
  const problems = timeProblems(t, now, before)
  if (problems.length) throw eventsError(problems[0].code, problems.map(({ path, message }) => ({ path, message })))
}
