/** At the community station and after: staff receive each donor's gift (or schedule their service), deliver, record the confirmation and the thanks. */
import type { UserDoc } from '../../../core/users/model'
import { wishesError, type wishesFn } from '../../../core/wishes/contract'
import { USERS } from '../../../server/context'
import { getOrNull, setDoc, tx } from '../../../server/db'
import { loadRules } from '../../../server/ledger'
import type { Handler } from '../../../server/runtime'
import { loadSla } from '../../../server/sla'
import { endClaim } from '../claims'
import { moveWish } from '../move'
import { putOrder, serviceOrder, servesOrders } from '../service-order'
import { entry, getWish, mustManage, staffView, WISH_CLAIMS, WISH_REFS, WISHES, type ClaimDoc, type WishRefDoc } from '../store'

type F = typeof wishesFn

export const receive: Handler<F['receive']> = async (ctx, { claimId }) => {
  const found = await getOrNull<ClaimDoc>(ctx.db, WISH_CLAIMS, claimId)
  if (!found) throw wishesError('CLAIM_UNKNOWN')
  const w = mustManage(ctx, await getWish(ctx.db, found.wishId))
  // nobody schedules their own service (it would make an order they could confirm for themselves)
  if (found.donorId === ctx.openid) throw wishesError('OWN_CLAIM')
  const [donor, rules, sla] = w.kind === 'service' ? await Promise.all([getOrNull<UserDoc>(ctx.db, USERS, found.donorId), loadRules(ctx.db, w), loadSla(ctx.db, w)]) : [null, null, null]
  const now = ctx.now()
  const me = ctx.user!
  const order = w.kind === 'service' && servesOrders(donor) ? serviceOrder(w, found, { openid: ctx.openid, name: me.name, phone: me.phone }, rules!, sla!, now) : null
  const { wish } = await tx(ctx.db, async (t) => {
    const done = await endClaim(t, claimId, 'RECEIVE', 'staff', now, ctx.openid, { orderId: order?._id ?? null })
    if (order) await putOrder(t, order)
    return done
  })
  return staffView(ctx.db, wish)
}

export const recordConsent: Handler<F['recordConsent']> = async (ctx, { wishId, guardianName }) => {
  const now = ctx.now()
  const wish = await tx(ctx.db, async (t) => {
    const w = mustManage(ctx, await getWish(t, wishId))
    const ref = await getOrNull<WishRefDoc>(t, WISH_REFS, wishId)
    if (!ref) throw wishesError('WISH_UNKNOWN')
    const next = { ...w, updatedAt: now, timeline: [...w.timeline, entry(now, ctx.openid, 'CONSENT')] }
    await Promise.all([setDoc(t, WISH_REFS, { ...ref, consent: { guardianName, by: ctx.openid, at: now } }), setDoc(t, WISHES, next)])
    return next
  })
  return staffView(ctx.db, wish)
}

export const deliver: Handler<F['deliver']> = async (ctx, { wishId, photos, childInPhoto }) => {
  if (childInPhoto) {
    const ref = await getOrNull<WishRefDoc>(ctx.db, WISH_REFS, wishId)
    if (ref && !ref.consent) throw wishesError('CONSENT_MISSING')
  }
  return moveWish(ctx, wishId, { event: 'DELIVER', actor: () => 'staff', patch: () => ({ photos, childInPhoto }) })
}

export const fulfil: Handler<F['fulfil']> = (ctx, { wishId, byGuardian }) =>
  moveWish(ctx, wishId, { event: 'FULFIL', actor: () => (byGuardian ? 'guardian' : 'staff'), patch: (_w, now) => ({ fulfilledAt: now, fulfilledBy: byGuardian ? 'guardian' : 'staff' }), note: byGuardian ? '监护人确认' : null })

export const thank: Handler<F['thank']> = (ctx, { wishId, message }) =>
  moveWish(ctx, wishId, { event: 'THANK', actor: () => 'staff', patch: () => ({ thanks: message }) })
