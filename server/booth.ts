/**
 * Booth stock on the database, shared by the points and events functions: slot documents per unit,
 * release of a reservation (refund of points and stock, exactly once), remaining stock.
 */
import { refundTransfer } from '../core/points'
import { pointsError } from '../core/points/contract'
import { HOLDS, holdId, REDEMPTIONS, SLOTS, slotId, type HoldDoc, type RedemptionDoc, type SlotDoc } from '../core/gifts'
import { countOf, getOrNull, rows, setDoc, tx, type Db, type Tx } from './db'
import { applyTransferOrThrow } from './ledger'

/** Create `stock` free slots for a booth, numbered from `from` (idempotent: set on known ids). Outside a transaction. */
export async function createSlots(db: Db, eventId: string, giftId: string, stock: number, from: number, communityId: string): Promise<void> {
  const ns = Array.from({ length: stock }, (_, k) => from + k)
  for (let i = 0; i < ns.length; i += 20) {
    await Promise.all(
      ns.slice(i, i + 20).map((n) => db.collection(SLOTS).doc(slotId(eventId, giftId, n)).set({ data: { communityId, eventId, giftId, n, state: 'free', redemptionId: null } })),
    )
  }
}

/**
 * Free unit documents (numbered by `n`) from a random starting number, wrapping once, so racing
 * callers look at different documents instead of all fighting over the first few. Outside a transaction.
 * (Skipping the wrap when a few were found saves a round trip when quiet, but under a 200-way race
 * the narrower choice cost ~40 % more transactions on redeem: measured, so the full wrap stays.)
 */
export async function spreadFree<T>(db: Db, collection: string, where: Record<string, unknown>, size: number, limit = 20): Promise<T[]> {
  const _ = db.command
  const start = Math.floor(Math.random() * size)
  const first = await rows<T>(db.collection(collection).where({ ...where, n: _.gte(start) }).orderBy('n', 'asc').limit(limit))
  if (first.length >= limit || start === 0) return first
  const rest = await rows<T>(db.collection(collection).where({ ...where, n: _.lt(start) }).orderBy('n', 'asc').limit(limit - first.length))
  return [...first, ...rest]
}

/**
 * Units that can still be redeemed: the free slots, the very documents a redemption claims (a
 * reserved unit is promised to someone even before it is handed over). Outside a transaction.
 */
export function boothRemaining(db: Db, eventId: string, giftId: string): Promise<number> {
  return countOf(db.collection(SLOTS).where({ eventId, giftId, state: 'free' }))
}

export async function mustGetRedemption(t: Tx, id: string): Promise<RedemptionDoc> {
  const rd = await getOrNull<RedemptionDoc>(t, REDEMPTIONS, id)
  if (!rd) throw pointsError('CODE_UNKNOWN')
  if (rd.status === 'redeemed') throw pointsError('CODE_USED')
  if (rd.status !== 'reserved') throw pointsError('CODE_VOID')
  return { ...rd, _id: id }
}

/**
 * Cancel or expire a reservation in the caller's transaction: points back (the lots it took), the
 * slot free again, the person's hold decremented. The refund's key makes a second run a no-op,
 * and the status check makes it throw CODE_VOID/CODE_USED instead.
 */
export async function releaseRedemption(
  t: Tx,
  rd: RedemptionDoc,
  status: 'expired' | 'cancelled',
  by: string,
  now: number,
  why: string,
  slotState: 'free' | 'returned' = 'free',
) {
  const [slot, hold] = await Promise.all([getOrNull<SlotDoc>(t, SLOTS, rd.slotId), getOrNull<HoldDoc>(t, HOLDS, holdId(rd.giftId, rd.openid))])
  await applyTransferOrThrow(
    t,
    refundTransfer({ communityId: rd.communityId, openid: rd.openid, amount: rd.price, at: now, redemptionId: rd._id, reason: `${why}：${rd.giftName}`, lots: rd.lots, operator: by }),
    undefined,
    { guarded: true }, // the caller read the redemption as reserved; its new status is written with the refund
  )
  const writes: Promise<unknown>[] = [setDoc(t, REDEMPTIONS, { ...rd, status, closedAt: now, closedBy: by })]
  if (slot && slot.redemptionId === rd._id) writes.push(setDoc(t, SLOTS, { ...slot, _id: rd.slotId, state: slotState, redemptionId: null }))
  if (hold) writes.push(setDoc(t, HOLDS, { _id: holdId(rd.giftId, rd.openid), communityId: rd.communityId, count: Math.max(0, hold.count - 1) }))
  await Promise.all(writes)
  return { ...rd, status, closedAt: now }
}

/**
 * Release every unused reservation of an event: expired at its end (timer), or cancelled with the
 * event. Each one in its own transaction; returns how many.
 */
export async function releaseAll(db: Db, eventId: string, o: { status: 'expired' | 'cancelled'; by: string; now: number; why: string }): Promise<number> {
  let n = 0
  for (;;) {
    const page = await rows<RedemptionDoc>(db.collection(REDEMPTIONS).where({ eventId, status: 'reserved' }).limit(100))
    if (!page.length) return n
    let progress = 0
    for (const r of page) {
      const done = await tx(db, async (t) => {
        const rd = await getOrNull<RedemptionDoc>(t, REDEMPTIONS, r._id)
        if (!rd || rd.status !== 'reserved') return false
        await releaseRedemption(t, { ...rd, _id: r._id }, o.status, o.by, o.now, o.why)
        return true
      })
      if (done) progress++
    }
    n += progress
    if (!progress) return n // only busy ones left: the next run takes them
  }
}

/**
 * Close every unit of a cancelled event's booths, one transaction each: a reserved unit's
 * redemption is refunded, and every unit not handed out becomes 'returned'. Writing each unit is
 * what stops a redemption that read the event before the cancel: it writes its unit too, so one of
 * the two transactions conflicts and the redemption, retried, sees the event cancelled (a read
 * alone would not conflict — transactions are snapshot-isolated). Each page closes every unit it
 * read (or throws, and a retry of the cancel finishes), so the loop ends.
 */
export async function closeSlots(db: Db, eventId: string, o: { by: string; now: number; why: string }): Promise<void> {
  const _ = db.command
  for (;;) {
    const open = await rows<SlotDoc>(db.collection(SLOTS).where({ eventId, state: _.in(['free', 'reserved']) }).limit(100))
    if (!open.length) return
    for (const s of open) {
      await tx(db, async (t) => {
        const slot = await getOrNull<SlotDoc>(t, SLOTS, s._id)
        if (!slot || (slot.state !== 'free' && slot.state !== 'reserved')) return
        const rd = slot.redemptionId ? await getOrNull<RedemptionDoc>(t, REDEMPTIONS, slot.redemptionId) : null
        if (slot.state === 'reserved' && rd?.status === 'reserved') {
          await releaseRedemption(t, { ...rd, _id: slot.redemptionId! }, 'cancelled', o.by, o.now, o.why, 'returned')
        } else await setDoc(t, SLOTS, { ...slot, _id: s._id, state: 'returned', redemptionId: null })
      })
    }
  }
}

/** Expire every unused reservation of an event (timer at the event's end). Returns how many. */
export const expireReservations = (db: Db, eventId: string, now: number) => releaseAll(db, eventId, { status: 'expired', by: 'system', now, why: '活动结束未领取，积分退回' })
