/** Staff reads: the wishes of their grids (admins: the community's) with the references, one wish, the figures. */
import type { wishesFn } from '../../../core/wishes/contract'
import { wishMetricsOf } from '../../../core/wishes/metrics'
import type { Caller } from '../../../core/users/caller'
import { mustPlace } from '../../../server/community'
import type { Ctx } from '../../../server/context'
import { rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { getWish, mustManage, staffView, staffViews, WISH_CLAIMS, WISHES, type ClaimDoc, type WishDoc } from '../store'

type F = typeof wishesFn

/** Where a staff member looks: the community acted in, and only their grids unless an admin. */
function scopeOf(ctx: Ctx, caller: Caller) {
  const { communityId } = mustPlace(caller)
  return caller.roles.includes('admin') ? { communityId } : { communityId, gridId: ctx.db.command.in([...caller.scopes.grids]) }
}

export const staffList: Handler<F['staffList']> = async (ctx, { status }) => {
  const wishes = await rows<WishDoc>(ctx.db.collection(WISHES).where({ ...scopeOf(ctx, ctx.caller), ...(status ? { status } : {}) }).orderBy('createdAt', 'desc').limit(100))
  return { items: await staffViews(ctx.db, wishes) }
}

export const staffWish: Handler<F['staffWish']> = async (ctx, { wishId }) => staffView(ctx.db, mustManage(ctx, await getWish(ctx.db, wishId)))

/** Over the wishes published so far (a community has tens a year, well under the read limit). */
export const metrics: Handler<F['metrics']> = async (ctx) => {
  const where = scopeOf(ctx, ctx.caller)
  const _ = ctx.db.command
  const [wishes, claims] = await Promise.all([
    rows<WishDoc>(ctx.db.collection(WISHES).where({ ...where, publishedAt: _.gt(0) }).limit(1000)),
    rows<ClaimDoc>(ctx.db.collection(WISH_CLAIMS).where({ communityId: where.communityId, status: _.in(['held', 'received']) }).limit(1000)),
  ])
  const facts = wishes.map((w) => ({
    beneficiary: w.beneficiaryKey,
    publishedAt: w.publishedAt!,
    claimedAt: w.claimedAt,
    fulfilledAt: w.fulfilledAt,
    donors: claims.filter((c) => c.wishId === w._id).map((c) => c.donorId),
  }))
  return { published: wishes.length, ...wishMetricsOf(facts, ctx.now()) }
}
