/**
 * Publish: seat documents and booth stock slots are created first (known ids, harmless if the
 * publish then fails), then one transaction allocates booth stock from each gift's total and
 * writes the event.
 */
import { randomBytes } from 'node:crypto'
import { timeKey } from '../../../core/contract/paging'
import { canPublishFor, EVENTS, type EventDoc, type eventsFn } from '../../../core/events'
import { enforce } from '../../../core/contract/decision'
import { eventsError } from '../../../core/events/contract'
import { GIFTS, type GiftDoc } from '../../../core/gifts'
import { getOrNull, setDoc, tx } from '../../../server/db'
import { createSeats } from '../../../server/seats'
import { canAwardPoints } from '../../../core/points/adjustments'
import { loadRules } from '../../../server/ledger'
import { mustPlace } from '../../../server/community'
import type { Handler } from '../../../server/runtime'
import { createSlots } from '../../../server/booth'
import { mustGetManaged, mustHaveTimesInOrder } from '../../../server/event-access'
import { eventView } from '../store'

export const publish: Handler<typeof eventsFn.publish> = async (ctx, input) => {
  enforce(canPublishFor(ctx.caller, input.audience), eventsError)
  // no backdated events: attendance (and walk-ins) would open at once for something that never took place
  mustHaveTimesInOrder(input, ctx.now())
  // the rule as saved now, not a cached copy (a lowered rule binds at once)
  const at = mustPlace(ctx.caller)
  enforce(canAwardPoints(ctx.caller, input.points, (await loadRules(ctx.db, at, { fresh: true })).attendancePoints), eventsError)
  const id = `e${ctx.now().toString(36)}${randomBytes(3).toString('hex')}`
  for (const b of input.booths) {
    const g = await getOrNull<GiftDoc>(ctx.db, GIFTS, b.giftId)
    // a booth gives the community's own gifts
    if (!g || g.communityId !== at.communityId) throw eventsError('GIFT_UNKNOWN')
    if (g.allocated + b.stock > g.totalStock) throw eventsError('GIFT_STOCK_SHORT')
  }
  await createSeats(ctx.db, id, input.capacity, at.communityId)
  for (const b of input.booths) await createSlots(ctx.db, id, b.giftId, b.stock, 0, at.communityId)
  const event: EventDoc = {
    _id: id,
    ...at,
    ...input,
    startKey: timeKey(input.startAt, id),
    status: 'published',
    secret: randomBytes(16).toString('hex'),
    createdBy: ctx.openid,
    createdAt: ctx.now(),
  }
  await tx(ctx.db, async (t) => {
    const gifts = await Promise.all(input.booths.map((b) => getOrNull<GiftDoc>(t, GIFTS, b.giftId)))
    const writes = input.booths.map((b, i) => {
      const g = gifts[i]
      if (!g) throw eventsError('GIFT_UNKNOWN')
      if (g.allocated + b.stock > g.totalStock) throw eventsError('GIFT_STOCK_SHORT')
      gifts[i] = { ...g, allocated: g.allocated + b.stock }
      return setDoc(t, GIFTS, { ...gifts[i]!, _id: b.giftId, updatedAt: ctx.now() })
    })
    await Promise.all([...writes, setDoc(t, EVENTS, event)])
  })
  return eventView(ctx.db, event, { detail: true, openid: ctx.openid })
}

/**
 * Allocate (more) booth stock of a gift to a published event. The transaction raises the booth's
 * stock and the gift's allocation together; the new unit slots are created after it commits,
 * numbered from the old stock (so racing calls get disjoint numbers). Until they exist the booth
 * just has fewer free units than its stock — never more — and the reconciliation shows the gap.
 */
export const addBooth: Handler<typeof eventsFn.addBooth> = async (ctx, input) => {
  const { from, event } = await tx(ctx.db, async (t) => {
    const [e, g] = await Promise.all([mustGetManaged(ctx, t, input.eventId), getOrNull<GiftDoc>(t, GIFTS, input.giftId)])
    if (e.status !== 'published' || ctx.now() > e.endAt) throw eventsError('EVENT_CLOSED')
    if (!g || g.communityId !== e.communityId) throw eventsError('GIFT_UNKNOWN')
    if (g.allocated + input.stock > g.totalStock) throw eventsError('GIFT_STOCK_SHORT')
    const at = e.booths.find((b) => b.giftId === input.giftId)?.stock ?? 0
    const booths = at ? e.booths.map((b) => (b.giftId === input.giftId ? { ...b, stock: at + input.stock } : b)) : [...e.booths, { giftId: input.giftId, stock: input.stock }]
    const next: EventDoc = { ...e, _id: input.eventId, booths }
    await Promise.all([setDoc(t, EVENTS, next), setDoc(t, GIFTS, { ...g, _id: input.giftId, allocated: g.allocated + input.stock, updatedAt: ctx.now() })])
    return { from: at, event: next }
  })
  await createSlots(ctx.db, input.eventId, input.giftId, input.stock, from, event.communityId)
  return eventView(ctx.db, event, { detail: true, openid: ctx.openid })
}
