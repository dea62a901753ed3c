/**
 * Publish: seat documents and booth stock slots are created first (known ids, harmless if the
 * publish then fails), then one transaction allocates booth stock from each gift's total and
 * writes the event.
 */
import { randomBytes } from 'node:crypto'
import { EVENTS, SEATS, seatId, type EventDoc, type eventsFn } from '../../../core/events'
import { eventsError } from '../../../core/events/contract'
import { GIFTS, type GiftDoc } from '../../../core/gifts'
import { getOrNull, tx, type Db } from '../../../server/db'
import { communityId, setDoc } from '../../../server/ledger'
import type { Handler } from '../../../server/runtime'
import { createSlots } from '../../points/booth'
import { eventView } from '../store'

async function createSeats(db: Db, eventId: string, capacity: number): Promise<void> {
  for (let i = 0; i < capacity; i += 20) {
    const n = Math.min(20, capacity - i)
    await Promise.all(Array.from({ length: n }, (_, k) => db.collection(SEATS).doc(seatId(eventId, i + k)).set({ data: { eventId, n: i + k, holder: null } })))
  }
}

export const publish: Handler<typeof eventsFn.publish> = async (ctx, input) => {
  const id = `e${ctx.now().toString(36)}${randomBytes(3).toString('hex')}`
  for (const b of input.booths) {
    const g = await getOrNull<GiftDoc>(ctx.db, GIFTS, b.giftId)
    if (!g) throw eventsError('GIFT_UNKNOWN')
    if (g.allocated + b.stock > g.totalStock) throw eventsError('GIFT_STOCK_SHORT')
  }
  await createSeats(ctx.db, id, input.capacity)
  for (const b of input.booths) await createSlots(ctx.db, id, b.giftId, b.stock)
  const event: EventDoc = {
    _id: id,
    communityId: communityId(),
    ...input,
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
