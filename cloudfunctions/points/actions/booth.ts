import { canCancelRedemption, normalizeCode, reconcileBooth, reconcileCsv, REDEMPTIONS, redemptionDocId, SLOTS, GIFTS, type GiftDoc, type RedemptionDoc, type SlotDoc } from '../../../core/gifts'
import { attendanceCsv, attendanceOf, REGISTRATIONS, type RegistrationDoc } from '../../../core/events'
import { chinaMinute } from '../../../core/china-time'
import { pointsError, type pointsFn } from '../../../core/points/contract'
import { enforce } from '../../../core/contract/decision'
import type { Ctx } from '../../../server/context'
import { getOrNull, rows, setDoc, tx, type Tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { mustGetManaged } from '../../../server/event-access'
import { staffNames } from '../../../server/people'
import { boothRemaining, mustGetRedemption, releaseRedemption } from '../../../server/booth'
import { redemptionView } from '../views'

function idOf(text: string): string {
  const code = normalizeCode(text)
  if (!code) throw pointsError('CODE_UNKNOWN')
  return redemptionDocId(code)
}

/** A reserved redemption that the caller may hand out: staff of the event's booth, never their own (inside the caller's transaction). */
async function mustHandle(ctx: Ctx, t: Tx, id: string): Promise<RedemptionDoc> {
  const r = await mustGetRedemption(t, id)
  const e = await mustGetManaged(ctx, t, r.eventId)
  if (e.status !== 'published') throw pointsError('CODE_VOID') // cancelled: refunded, nothing to hand out
  if (r.openid === ctx.openid) throw pointsError('SELF_DEALING')
  return r
}

/** 核销: one call; the code works once (status checked and changed in one transaction). */
export const verify: Handler<typeof pointsFn.verify> = async (ctx, input) => {
  const id = idOf(input.code)
  const now = ctx.now()
  const rd = await tx(ctx.db, async (t) => {
    const r = await mustHandle(ctx, t, id)
    const done = { ...r, status: 'redeemed' as const, redeemedAt: now, redeemedBy: ctx.openid }
    // a reserved redemption holds its slot, so the slot is updated without reading it first
    await Promise.all([setDoc(t, REDEMPTIONS, done), t.collection(SLOTS).doc(r.slotId).update({ data: { state: 'redeemed' } })])
    return done
  })
  return { name: rd.name, giftName: rd.giftName, eventId: rd.eventId, remaining: await boothRemaining(ctx.db, rd.eventId, rd.giftId), redeemedAt: now }
}

/**
 * The resident cancels their own reservation, or an admin cancels one with a reason. Staff at the
 * booth may not: a cancel after the gift was handed over would give the points back for nothing.
 */
export const cancelRedemption: Handler<typeof pointsFn.cancelRedemption> = async (ctx, input) => {
  const id = idOf(input.code)
  const rd = await tx(ctx.db, async (t) => {
    const r = await mustGetRedemption(t, id)
    enforce(canCancelRedemption(ctx.caller, r, input.reason), pointsError)
    const own = r.openid === ctx.openid
    const why = own ? '您取消了兑换，积分退回' : `管理员取消（${input.reason}），积分退回`
    return releaseRedemption(t, r, 'cancelled', ctx.openid, ctx.now(), why)
  })
  return redemptionView(rd)
}

export const reconcile: Handler<typeof pointsFn.reconcile> = async (ctx, input) => {
  const event = await mustGetManaged(ctx, ctx.db, input.eventId)
  const lines = await Promise.all(
    event.booths.map(async (b) => {
      const where = { eventId: input.eventId, giftId: b.giftId }
      const [gift, slots, reds] = await Promise.all([
        getOrNull<GiftDoc>(ctx.db, GIFTS, b.giftId),
        rows<SlotDoc>(ctx.db.collection(SLOTS).where(where).limit(1000)),
        rows<RedemptionDoc>(ctx.db.collection(REDEMPTIONS).where(where).limit(1000)),
      ])
      return reconcileBooth({ giftId: b.giftId, giftName: gift?.name ?? b.giftId, price: gift?.price ?? 0 }, slots, reds)
    }),
  )
  const regs = await rows<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where({ eventId: input.eventId }).orderBy('createdAt', 'asc').limit(1000))
  const names = await staffNames(ctx, regs.map((r) => r.walkInBy))
  return {
    lines,
    balanced: lines.every((l) => l.balanced),
    csv: reconcileCsv(lines),
    attendance: attendanceOf(regs, names),
    attendanceCsv: attendanceCsv(regs, names, chinaMinute),
  }
}
