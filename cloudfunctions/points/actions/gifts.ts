import { GIFTS, type GiftDoc } from '../../../core/gifts'
import { pointsError, type pointsFn } from '../../../core/points/contract'
import { getOrNull, rows, setDoc, tx } from '../../../server/db'
import { mustBeHere, mustPlace } from '../../../server/community'
import type { Handler } from '../../../server/runtime'
import { giftView } from '../views'

export const gifts: Handler<typeof pointsFn.gifts> = async (ctx, input) => {
  const docs = await rows<GiftDoc>(ctx.db.collection(GIFTS).where({ communityId: mustPlace(ctx.caller).communityId }).orderBy('price', 'asc').limit(200))
  const now = ctx.now()
  const showAll = input.all && ctx.roles.some((r) => r === 'staff' || r === 'admin')
  return { items: docs.filter((g) => showAll || (g.activeFrom <= now && now <= g.activeTo)).map(giftView) }
}

export const upsertGift: Handler<typeof pointsFn.upsertGift> = async (ctx, input) => {
  const id = input.id ?? `g${ctx.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const { communityId } = mustPlace(ctx.caller)
  const saved = await tx(ctx.db, async (t) => {
    const old = await getOrNull<GiftDoc>(t, GIFTS, id)
    if (old) mustBeHere(ctx.caller, old)
    const allocated = old?.allocated ?? 0
    if (input.totalStock < allocated) throw pointsError('STOCK_BELOW_ALLOCATED')
    const doc: GiftDoc = {
      _id: id,
      communityId,
      name: input.name,
      photo: input.photo,
      price: input.price,
      totalStock: input.totalStock,
      allocated,
      perPersonLimit: input.perPersonLimit,
      activeFrom: input.activeFrom,
      activeTo: input.activeTo,
      createdAt: old?.createdAt ?? ctx.now(),
      updatedAt: ctx.now(),
    }
    await setDoc(t, GIFTS, doc)
    return doc
  })
  return giftView(saved)
}
