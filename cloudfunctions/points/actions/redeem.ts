/**
 * Redeem at an event booth: points debited and one unit of booth stock reserved in one transaction.
 * Contention: each unit is its own slot document; a caller reads a few free slot ids outside the
 * transaction, claims one at random inside it, and on losing that slot tries another. No free slot
 * → 已兑完 (SOLD_OUT); too many lost races → BUSY, which the client retries by itself.
 */
import { canRedeem, codeFor, GIFTS, HOLDS, holdId, REDEMPTIONS, redemptionDocId, SLOTS, type GiftDoc, type HoldDoc, type RedemptionDoc, type SlotDoc } from '../../../core/gifts'
import { EVENTS, type EventDoc } from '../../../core/events/model'
import { personAccountId, redeemTransfer, spendableBalance, type AccountState } from '../../../core/points'
import { pointsError, type pointsFn } from '../../../core/points/contract'
import { commonError } from '../../../core/contract/errors'
import { takesPartHere } from '../../../core/users/caller'
import { getOrNull, rows, setDoc, tx } from '../../../server/db'
import { ACCOUNTS, applyTransfer } from '../../../server/ledger'
import type { Ctx } from '../../../server/context'
import type { Handler } from '../../../server/runtime'
import { spreadFree } from '../../../server/booth'
import { redemptionView } from '../views'

const ATTEMPTS = 6

async function balanceOf(ctx: Ctx): Promise<number> {
  return spendableBalance(await getOrNull<AccountState>(ctx.db, ACCOUNTS, personAccountId(ctx.openid)), ctx.now())
}

export const redeem: Handler<typeof pointsFn.redeem> = async (ctx, input) => {
  const now = ctx.now()
  const code = codeFor(ctx.openid, input.requestId)
  const id = redemptionDocId(code)
  // A retried request is answered from its redemption: read only when the booth looks sold out
  // (otherwise the transaction below reads it anyway), which saves a round trip on the common path.
  const replay = async () => {
    const prior = await getOrNull<RedemptionDoc>(ctx.db, REDEMPTIONS, id)
    if (prior && prior.openid !== ctx.openid) throw pointsError('CODE_CLASH')
    return prior && { ...redemptionView(prior), balance: await balanceOf(ctx) }
  }

  const [event, gift] = await Promise.all([getOrNull<EventDoc>(ctx.db, EVENTS, input.eventId), getOrNull<GiftDoc>(ctx.db, GIFTS, input.giftId)])
  if (!event || !gift || event.status !== 'published' || !event.booths.some((b) => b.giftId === input.giftId)) throw pointsError('NOT_AT_BOOTH')
  // one's balance is spent at the booths of the community one acts in (a resident's: home), where one takes part
  if (event.communityId !== ctx.caller.communityId || !takesPartHere(ctx.caller)) throw commonError('OTHER_COMMUNITY')
  if (now > event.endAt) throw pointsError('GIFT_INACTIVE')
  const stock = event.booths.find((b) => b.giftId === input.giftId)!.stock
  const early = canRedeem(gift, 0, now)
  if (early) throw pointsError(early)

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const free = await spreadFree<SlotDoc>(ctx.db, SLOTS, { eventId: input.eventId, giftId: input.giftId, state: 'free' }, stock)
    if (!free.length) {
      const prior = await replay()
      if (prior) return prior
      // no free unit because the event was cancelled meanwhile (its units closed): say so, not 售罄
      const live = await getOrNull<EventDoc>(ctx.db, EVENTS, input.eventId)
      throw pointsError(live?.status === 'published' ? 'SOLD_OUT' : 'NOT_AT_BOOTH')
    }
    const slotId = free[Math.floor(Math.random() * free.length)]._id
    const out = await tx(ctx.db, async (t) => {
      const [slot, hold, again, live] = await Promise.all([
        getOrNull<SlotDoc>(t, SLOTS, slotId),
        getOrNull<HoldDoc>(t, HOLDS, holdId(gift._id, ctx.openid)),
        getOrNull<RedemptionDoc>(t, REDEMPTIONS, id),
        // read again in here; a cancel that commits meanwhile also closes this unit, so this transaction
        // conflicts on it and the retry reads the event as cancelled (server/booth.ts closeSlots)
        getOrNull<EventDoc>(t, EVENTS, input.eventId),
      ])
      if (again && again.openid !== ctx.openid) throw pointsError('CODE_CLASH')
      if (again) return { rd: { ...again, _id: id }, balance: null }
      if (live?.status !== 'published') throw pointsError('NOT_AT_BOOTH')
      if (!slot || slot.state !== 'free') return null // someone took this unit first: pick another
      const refusal = canRedeem(gift, hold?.count ?? 0, now)
      if (refusal) throw pointsError(refusal)
      const r = await applyTransfer(
        t,
        redeemTransfer({ communityId: event.communityId, openid: ctx.openid, amount: gift.price, at: now, redemptionId: id, reason: `兑换：${gift.name}` }),
        undefined,
        { guarded: true }, // the redemption read above is written with the transfer
      )
      if (!r.ok) throw pointsError(r.code)
      const took = r.transfer.movements[0].lots ?? {}
      const rd: RedemptionDoc = {
        _id: id,
        code,
        communityId: event.communityId,
        openid: ctx.openid,
        name: ctx.user?.name ?? '',
        eventId: input.eventId,
        giftId: gift._id,
        giftName: gift.name,
        slotId,
        price: gift.price,
        status: 'reserved',
        lots: Object.fromEntries(Object.entries(took).map(([y, n]) => [y, -n])),
        createdAt: now,
      }
      await Promise.all([
        setDoc(t, SLOTS, { ...slot, _id: slotId, state: 'reserved', redemptionId: id }),
        setDoc(t, HOLDS, { _id: holdId(gift._id, ctx.openid), communityId: event.communityId, count: (hold?.count ?? 0) + 1 }),
        setDoc(t, REDEMPTIONS, rd),
      ])
      return { rd, balance: r.replay ? null : spendableBalance(r.person, now) }
    })
    if (out) return { ...redemptionView(out.rd), balance: out.balance ?? (await balanceOf(ctx)) }
  }
  throw commonError('BUSY')
}

export const myRedemptions: Handler<typeof pointsFn.myRedemptions> = async (ctx) => {
  const docs = await rows<RedemptionDoc>(ctx.db.collection(REDEMPTIONS).where({ openid: ctx.openid }).orderBy('createdAt', 'desc').limit(50))
  return { items: docs.map(redemptionView) }
}
