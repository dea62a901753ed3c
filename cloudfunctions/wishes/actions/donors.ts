/** What donors do: look at the community's wishes, claim shares, take a claim back, see their own. Only `wishes` is read, never the references. */
import { commonError } from '../../../core/contract/errors'
import { wishesError, type wishesFn } from '../../../core/wishes/contract'
import { mustPlace } from '../../../server/community'
import { getOrNull, rows, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import type { Ctx } from '../../../server/context'
import { endClaim, takeShares } from '../claims'
import { claimIdOf, getWish, PUBLIC_STATUSES, WISH_CLAIMS, WISHES, wishViewOf, type ClaimDoc, type WishDoc } from '../store'

type F = typeof wishesFn

const myClaimOn = (ctx: Ctx, wishId: string) => getOrNull<ClaimDoc>(ctx.db, WISH_CLAIMS, claimIdOf(wishId, ctx.openid))

export const list: Handler<F['list']> = async (ctx) => {
  const { communityId } = mustPlace(ctx.caller)
  const open = await rows<WishDoc>(ctx.db.collection(WISHES).where({ communityId, status: 'published' }).orderBy('targetDate', 'asc').limit(100))
  const mine = open.length ? await rows<ClaimDoc>(ctx.db.collection(WISH_CLAIMS).where({ _id: ctx.db.command.in(open.map((w) => claimIdOf(w._id, ctx.openid))) }).limit(100)) : []
  return { items: open.map((w) => wishViewOf(w, mine.find((c) => c.wishId === w._id) ?? null)) }
}

export const wish: Handler<F['wish']> = async (ctx, { wishId }) => {
  const [w, mine] = await Promise.all([getWish(ctx.db, wishId), myClaimOn(ctx, wishId)])
  // of the community acted in, published once (or claimed by the caller before a withdrawal)
  if (!w || w.communityId !== ctx.caller.communityId || !(PUBLIC_STATUSES.includes(w.status) || mine)) throw wishesError('WISH_UNKNOWN')
  return wishViewOf(w, mine)
}

export const claim: Handler<F['claim']> = async (ctx, { wishId, shares }) => {
  const { communityId } = mustPlace(ctx.caller)
  // donors are neighbours: one claims in one's home community (a street office or staff working elsewhere only looks)
  const w0 = await getWish(ctx.db, wishId)
  if (w0?.communityId === communityId && ctx.caller.home?.communityId !== communityId) throw commonError('OTHER_COMMUNITY')
  const donor = { openid: ctx.openid, name: ctx.user!.name, communityId }
  const { wish: w, claim: c } = await tx(ctx.db, (t) => takeShares(t, wishId, donor, shares, ctx.now()))
  return wishViewOf(w, c)
}

export const cancelClaim: Handler<F['cancelClaim']> = async (ctx, { wishId }) => {
  const { wish: w, claim: c } = await tx(ctx.db, async (t) => {
    // one's own claim only: its id is made of the caller's OPENID
    const mine = await getOrNull<ClaimDoc>(t, WISH_CLAIMS, claimIdOf(wishId, ctx.openid))
    if (!mine || mine.communityId !== ctx.caller.communityId) throw wishesError('CLAIM_UNKNOWN')
    return endClaim(t, mine._id, 'CANCEL', 'donor', ctx.now(), ctx.openid)
  })
  return wishViewOf(w, c)
}

export const myClaims: Handler<F['myClaims']> = async (ctx) => {
  const claims = await rows<ClaimDoc>(ctx.db.collection(WISH_CLAIMS).where({ donorId: ctx.openid }).orderBy('claimedAt', 'desc').limit(100))
  const wishes = claims.length ? await rows<WishDoc>(ctx.db.collection(WISHES).where({ _id: ctx.db.command.in(claims.map((c) => c.wishId)) }).limit(100)) : []
  const byId = new Map(wishes.map((w) => [w._id, w]))
  return { items: claims.filter((c) => byId.has(c.wishId)).map((c) => wishViewOf(byId.get(c.wishId)!, c)) }
}
