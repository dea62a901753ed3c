/**
 * Reads. Every list is one query (two for "mine") on a declared index, paged by a cursor over a
 * unique sort key (server/paging.ts).
 */
import { enforce } from '../../../core/contract/decision'
import { orderError, type orders } from '../../../core/orders/contract'
import type { Page } from '../../../core/contract/paging'
import { asOrderNo, keysFor, prefixEnd } from '../../../core/orders/keys'
import { ACTIVE_STATUSES, type Order } from '../../../core/orders/model'
import { canSee, canTriage } from '../../../core/orders/permissions'
import { streetClock } from '../../../core/orders/street'
import type { Ctx } from '../../../server/context'
import { pageBy, type Listing } from '../../../server/paging'
import type { Handler } from '../../../server/runtime'
import { tempPhotoUrls } from '../../../server/photo-urls'
import { mustGetOrder, ORDERS } from '../store'
import { mustPlace } from '../../../server/community'

type C = typeof orders
type Where = Record<string, unknown>

/** Newest first: order ids sort by creation time. */
const newest = (where: Where) => ({ collection: ORDERS, where, key: '_id', dir: 'desc' as const })

/**
 * Lists pass through the same visibility rule as the detail (core/orders/permissions canSee): an
 * order the rule hides is dropped, a candidate sees the phone masked. The queries already select
 * only visible orders; this keeps one rule the authority for both.
 */
function visibleOnly(ctx: Ctx, page: Page<Order>): Page<Order> {
  const me = ctx.caller
  return { ...page, items: page.items.map((o) => canSee(me, o)).flatMap((seen) => (seen.ok ? [seen.order] : [])) }
}

export const get: Handler<C['get']> = async (ctx, { orderId }) => {
  const view = enforce(canSee(ctx.caller, await mustGetOrder(ctx.db, orderId)), orderError).order
  return { ...view, photoUrls: await tempPhotoUrls(ctx, [...view.photos, ...view.donePhotos]) }
}

/** Orders I placed, merged with orders placed for me by a 楼栋长 / 网格员, newest first. */
export const mine: Handler<C['mine']> = async (ctx, { cursor, limit, scope }) => {
  const _ = ctx.db.command
  const status = scope === 'active' ? { status: _.in([...ACTIVE_STATUSES]) } : {}
  const placed = newest({ orderedBy: ctx.openid, ...status })
  const forMe = newest({ residentId: ctx.openid, orderedBy: _.neq(ctx.openid), ...status })
  return visibleOnly(ctx, await pageBy<Order>(ctx.db, { cursor, limit }, placed, forMe))
}

export const triageQueue: Handler<C['triageQueue']> = async (ctx, { cursor, limit, gridId }) => {
  const _ = ctx.db.command
  const { grids } = enforce(canTriage(ctx.caller, gridId), orderError)
  const { communityId } = mustPlace(ctx.caller)
  const where: Where = grids === 'all' ? { communityId } : { communityId, gridId: grids.length === 1 ? grids[0] : _.in(grids) }
  return visibleOnly(ctx, await pageBy<Order>(ctx.db, { cursor, limit }, { collection: ORDERS, where, key: 'queueKey', dir: 'asc' }))
}

/**
 * Staff find orders of their grids (or, for an admin, the community) by stage, or by search words
 * across stages: a 单号, the start of the served resident's name, a building. Each list is one query
 * per grid (an equality on a declared index; the grids' lists merged), paged by a cursor over a unique key.
 */
export const staffOrders: Handler<C['staffOrders']> = async (ctx, { cursor, limit, stage, gridId, buildingId, q }) => {
  const _ = ctx.db.command
  const { grids } = enforce(canTriage(ctx.caller, gridId), orderError)
  const { communityId } = mustPlace(ctx.caller)
  const base: Where = { communityId, ...(buildingId ? { buildingId } : {}) }
  const perGrid = (where: Where): Where[] => (grids === 'all' ? [where] : grids.map((g) => ({ ...where, gridId: g })))
  const no = q ? asOrderNo(q) : null
  let listings: Listing[]
  if (no) listings = perGrid({ ...base, no }).map(newest)
  // the start of a name: a range of `<name>|<id>` keys
  else if (q) listings = perGrid(base).map((w) => ({ collection: ORDERS, where: _.and([w, { whoKey: _.gte(q) }, { whoKey: _.lt(prefixEnd(q)) }]), key: 'whoKey', dir: 'desc' }))
  else if (buildingId) listings = perGrid(base).map(newest)
  // 待分派 reads like the triage queue: overdue, then reopened, then new, oldest first
  else if (stage === 'to_dispatch') listings = perGrid({ ...base, stage }).map((w) => ({ collection: ORDERS, where: w, key: 'queueKey', dir: 'asc' }))
  else listings = perGrid(stage === 'all' ? base : { ...base, stage }).map(newest)
  return visibleOnly(ctx, await pageBy<Order>(ctx.db, { cursor, limit }, ...listings))
}

export const pool: Handler<C['pool']> = async (ctx, { cursor, limit, category, gridId, urgency }) => {
  const _ = ctx.db.command
  const me = ctx.caller
  // one's own orders (as resident or as the one who ordered) are not offered: nobody serves their own case
  const where: Where = { audienceKey: _.in(keysFor(me)), parties: _.neq(ctx.openid) }
  if (category) where.category = category
  if (gridId) where.gridId = gridId
  if (urgency) where.urgency = urgency
  // the resident's phone stays masked until accepted
  return visibleOnly(ctx, await pageBy<Order>(ctx.db, { cursor, limit }, { collection: ORDERS, where, key: 'poolKey', dir: 'asc' }))
}

export const tasks: Handler<C['tasks']> = async (ctx, { cursor, limit, scope }) => {
  const _ = ctx.db.command
  const where: Where = { volunteerId: ctx.openid }
  if (scope === 'active') where.status = _.in(['accepted', 'in_service', 'done'])
  return visibleOnly(ctx, await pageBy<Order>(ctx.db, { cursor, limit }, newest(where)))
}

/** The street office's queue: escalated 大事 of its street's communities (one or all), unanswered first; phones masked. */
export const streetQueue: Handler<C['streetQueue']> = async (ctx, { cursor, limit, communityId }) => {
  const where: Where = communityId ? { streetId: ctx.caller.streetId, communityId } : { streetId: ctx.caller.streetId }
  const page = visibleOnly(ctx, await pageBy<Order>(ctx.db, { cursor, limit }, { collection: ORDERS, where, key: 'streetKey', dir: 'asc' }))
  return { ...page, items: page.items.map((o) => ({ ...o, clock: streetClock(o, ctx.now()) })) }
}
