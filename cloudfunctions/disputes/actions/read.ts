/** A caller's cases and one case: only what their part in it allows (never a public list). */
import { roleIn, type DisputeDoc } from '../../../core/disputes/case'
import type { disputesFn } from '../../../core/disputes/contract'
import type { Ctx } from '../../../server/context'
import { pageBy, type Listing } from '../../../server/paging'
import type { Handler } from '../../../server/runtime'
import { tempPhotoUrls } from '../../../server/photo-urls'
import { DISPUTES, summaryOf, viewOf, visibleCase } from '../store'

type C = typeof disputesFn

/** Where the caller's cases are: those they are on, and those of the grids (or community) they work for. */
function listings(ctx: Ctx, status: string | undefined): Listing[] {
  const c = ctx.caller
  const on = [{ partyIds: ctx.openid }, { mediatorIds: ctx.openid }, { reportedBy: ctx.openid }]
  const works = c.communityId && c.roles.includes('admin') ? [{ communityId: c.communityId }] : c.communityId && c.roles.includes('staff') && c.scopes.grids.length ? [{ communityId: c.communityId, gridId: ctx.db.command.in([...c.scopes.grids]) }] : []
  return [...on, ...works].map((where) => ({ collection: DISPUTES, where: status ? { ...where, status } : where, key: 'sortKey', dir: 'desc' as const }))
}

export const disputes: Handler<C['disputes']> = async (ctx, { cursor, limit, status }) => {
  const page = await pageBy<DisputeDoc>(ctx.db, { cursor, limit }, ...listings(ctx, status))
  // a case the caller is on in two ways comes from two listings: keep it once
  const seen = new Set<string>()
  const items = page.items.filter((d) => !seen.has(d._id) && !!seen.add(d._id) && !!roleIn(ctx.caller, d))
  return { items: items.map((d) => summaryOf(ctx.caller, d)), next: page.next }
}

export const dispute: Handler<C['dispute']> = async (ctx, { disputeId }) => {
  const view = viewOf(ctx.caller, await visibleCase(ctx.db, ctx.caller, disputeId))
  const photo = view.agreement?.photo
  if (!photo) return view
  return { ...view, agreement: { ...view.agreement!, photoUrl: (await tempPhotoUrls(ctx, [photo]))[photo] ?? null } }
}
