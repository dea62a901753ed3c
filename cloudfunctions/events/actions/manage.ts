/**
 * After publishing: edit (name, place, times) and cancel, only by staff who run the event. Each
 * change is one transaction on the event document; the people signed up are told afterwards, by
 * notices whose ids make a retry send nothing twice.
 */
import { EVENTS, type EventDoc, type eventsFn } from '../../../core/events'
import { timeKey } from '../../../core/contract/paging'
import { eventsError } from '../../../core/events/contract'
import { GIFTS, SLOTS, type GiftDoc } from '../../../core/gifts'
import type { Ctx } from '../../../server/context'
import { countOf, getOrNull, setDoc, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { closeSlots } from '../../../server/booth'
import { mustGetManaged, mustHaveTimesInOrder } from '../../../server/event-access'
import { tellCancel, tellChange } from '../../../server/event-changes'
import { eventView } from '../store'

export const update: Handler<typeof eventsFn.update> = async (ctx, input) => {
  const now = ctx.now()
  const { eventId, ...fields } = input
  const { before, after } = await tx(ctx.db, async (t) => {
    const e = await mustGetManaged(ctx, t, eventId)
    if (e.status !== 'published') throw eventsError('EVENT_CANCELLED')
    if (now > e.endAt) throw eventsError('EVENT_OVER')
    mustHaveTimesInOrder(fields, now, e)
    const { remindedAt, ...rest } = e
    // a new start time gets a new reminder
    const next: EventDoc = { ...rest, ...fields, startKey: timeKey(fields.startAt, eventId), ...(fields.startAt === e.startAt && remindedAt ? { remindedAt } : {}), updatedAt: now }
    await setDoc(t, EVENTS, next)
    return { before: e, after: next }
  })
  await tellChange(ctx, before, after, now)
  return eventView(ctx.db, after, { detail: true, openid: ctx.openid })
}

/**
 * Cancel: the event is marked in one transaction; then, each step idempotent and finished by a
 * retry: every booth unit closed (a reservation refunded; a redemption racing the cancel conflicts
 * on its unit and is refused — server/booth.ts closeSlots), everyone expecting it told, the closed
 * units back in the gifts' stock.
 */
export const cancelEvent: Handler<typeof eventsFn.cancelEvent> = async (ctx, input) => {
  const now = ctx.now()
  const e = await tx(ctx.db, async (t) => {
    const found = await mustGetManaged(ctx, t, input.eventId)
    if (found.status === 'cancelled') return found // a retry: finish what is left below
    if (now > found.endAt) throw eventsError('EVENT_OVER')
    const next: EventDoc = { ...found, status: 'cancelled', cancelledAt: now, cancelledBy: ctx.openid, cancelReason: input.reason, updatedAt: now }
    await setDoc(t, EVENTS, next)
    return next
  })
  await closeSlots(ctx.db, e._id, { by: ctx.openid, now, why: `活动取消，积分退回` })
  await tellCancel(ctx, e, e.cancelReason ?? input.reason, now)
  const done = await returnBoothStock(ctx, e._id, now)
  return eventView(ctx.db, done, { detail: true, openid: ctx.openid })
}

/** The units closed at a cancelled event's booths go back to each gift's stock, once. */
async function returnBoothStock(ctx: Ctx, eventId: string, now: number): Promise<EventDoc> {
  const e = await getOrNull<EventDoc>(ctx.db, EVENTS, eventId)
  if (!e || e.stockReturnedAt || !e.booths.length) return { ...e!, _id: eventId }
  // every unit is closed by now (closeSlots) and a closed unit never changes again
  const free = await Promise.all(e.booths.map((b) => countOf(ctx.db.collection(SLOTS).where({ eventId, giftId: b.giftId, state: 'returned' }))))
  return tx(ctx.db, async (t) => {
    const [again, ...gifts] = await Promise.all([getOrNull<EventDoc>(t, EVENTS, eventId), ...e.booths.map((b) => getOrNull<GiftDoc>(t, GIFTS, b.giftId))])
    if (!again || again.stockReturnedAt) return { ...again!, _id: eventId }
    const next: EventDoc = { ...again, _id: eventId, stockReturnedAt: now, booths: again.booths.map((b, i) => ({ ...b, returned: free[i] })) }
    await Promise.all([
      setDoc(t, EVENTS, next),
      ...e.booths.map((b, i) => (gifts[i] ? setDoc(t, GIFTS, { ...gifts[i]!, _id: b.giftId, allocated: Math.max(0, gifts[i]!.allocated - free[i]), updatedAt: now }) : null)),
    ])
    return next
  })
}
