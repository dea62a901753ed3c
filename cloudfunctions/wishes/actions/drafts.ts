/** Staff write a wish, submit it, another staff member reviews it; staff withdraw one not yet fully claimed. */
import type { GridDoc } from '../../../core/community/structure'
import { wishesError, type wishesFn } from '../../../core/wishes/contract'
import { GRIDS, mustPlace } from '../../../server/community'
import { getOrNull, rows, setDoc, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { authorOr, moveWish } from '../move'
import { beneficiaryKeyOf, donorOf, entry, getWish, mustManage, staffView, WISH_CLAIMS, WISH_DONORS, WISH_REFS, WISHES, type ClaimDoc, type WishDoc, type WishRefDoc } from '../store'
import { newWishId } from '../ids'

type F = typeof wishesFn

export const saveDraft: Handler<F['saveDraft']> = async (ctx, { wishId, ref, priceCap, category, ...input }) => {
  const place = mustPlace(ctx.caller)
  const grid = await getOrNull<GridDoc>(ctx.db, GRIDS, input.gridId)
  if (!grid || grid.communityId !== place.communityId) throw wishesError.at('gridId', 'GRID_UNKNOWN')
  mustManage(ctx, { communityId: place.communityId, gridId: grid._id })
  const now = ctx.now()
  const id = wishId ?? newWishId(now)
  const wish = await tx(ctx.db, async (t) => {
    const before = wishId ? await getWish(t, wishId) : null
    if (wishId) {
      mustManage(ctx, before)
      if (before!.authorId !== ctx.openid) throw wishesError('NOT_AUTHOR')
      if (before!.status !== 'draft') throw wishesError('WISH_STATE')
    }
    // an edit keeps its history and the consent recorded for it
    const consent = wishId ? ((await getOrNull<WishRefDoc>(t, WISH_REFS, id))?.consent ?? null) : null
    const w: WishDoc = {
      _id: id,
      ...place,
      ...input,
      priceCap: input.kind === 'item' ? priceCap! : null,
      category: input.kind === 'service' ? category! : null,
      status: 'draft',
      sharesHeld: 0,
      sharesReceived: 0,
      beneficiaryKey: beneficiaryKeyOf(ref),
      reason: null,
      authorId: ctx.openid,
      reviewerId: null,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
      publishedAt: null,
      claimedAt: null,
      fulfilledAt: null,
      fulfilledBy: null,
      photos: [],
      childInPhoto: false,
      thanks: null,
      timeline: before?.timeline ?? [entry(now, ctx.openid, 'DRAFT')],
    }
    const r: WishRefDoc = { _id: id, communityId: place.communityId, name: ref.name, phone: ref.phone ?? null, address: ref.address, guardian: ref.guardian, consent }
    await Promise.all([setDoc(t, WISHES, w), setDoc(t, WISH_REFS, r)])
    return w
  })
  return staffView(ctx.db, wish)
}

export const submit: Handler<F['submit']> = (ctx, { wishId }) => moveWish(ctx, wishId, { event: 'SUBMIT', actor: authorOr(ctx, 'staff') })

export const review: Handler<F['review']> = (ctx, { wishId, approve, reason }) =>
  moveWish(ctx, wishId, {
    event: approve ? 'APPROVE' : 'REJECT',
    // the author is no reviewer of their own wish
    actor: authorOr(ctx, 'reviewer'),
    check: (w) => {
      if (w.authorId === ctx.openid) throw wishesError('OWN_WISH')
      if (!approve && !reason) throw wishesError.at('reason', 'REASON_MISSING')
    },
    patch: (_w, now) => ({ reviewerId: ctx.openid, reason: approve ? null : reason!, publishedAt: approve ? now : null }),
    note: reason ?? null,
  })

/** Withdrawn with its held claims cancelled, all in one transaction (claims found first, then each re-read by id). */
export const withdraw: Handler<F['withdraw']> = async (ctx, { wishId, reason }) => {
  mustManage(ctx, await getWish(ctx.db, wishId))
  const found = await rows<ClaimDoc>(ctx.db.collection(WISH_CLAIMS).where({ wishId, status: 'held' }).limit(100))
  const now = ctx.now()
  const wish = await tx(ctx.db, async (t) => {
    const w = mustManage(ctx, await getWish(t, wishId))
    if (!['draft', 'review', 'published'].includes(w.status) || w.sharesReceived > 0) throw wishesError('WISH_STATE')
    const claims = (await Promise.all(found.map((c) => getOrNull<ClaimDoc>(t, WISH_CLAIMS, c._id)))).filter((c): c is ClaimDoc => c?.status === 'held')
    // a claim made since the search: try again (the client retries BUSY)
    if (claims.reduce((n, c) => n + c.shares, 0) !== w.sharesHeld) throw wishesError('BUSY')
    const donors = await Promise.all(claims.map((c) => donorOf(t, c.donorId, c.communityId, now)))
    const next: WishDoc = { ...w, status: 'withdrawn', reason, sharesHeld: 0, updatedAt: now, timeline: [...w.timeline, entry(now, ctx.openid, 'WITHDRAW', reason)] }
    await Promise.all([
      setDoc(t, WISHES, next),
      ...claims.map((c) => setDoc(t, WISH_CLAIMS, { ...c, status: 'cancelled', endedAt: now })),
      ...donors.map((d) => setDoc(t, WISH_DONORS, { ...d, open: Math.max(0, d.open - 1), updatedAt: now })),
    ])
    return next
  })
  return staffView(ctx.db, wish)
}
