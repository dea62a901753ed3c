/**
 * Reads. Every list is one query (two for "mine") on a declared index, paged by a cursor over a
 * unique sort key: `where(key beyond cursor).orderBy(key).limit(n + 1)` — no skip, so no duplicates
 * or gaps while orders change between pages.
 */
import { commonError } from '../../../core/contract/errors'
import { orderError, type orders } from '../../../core/orders/contract'
import { keysFor, pageOf, type Page } from '../../../core/orders/keys'
import { ACTIVE_STATUSES, type Order } from '../../../core/orders/model'
import { viewFor } from '../../../core/orders/permissions'
import { streetClock } from '../../../core/orders/street'
import type { Ctx } from '../../../server/context'
import { rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { mustGetOrder, ORDERS } from '../store'
import { mustPlace } from '../../../server/community'

type C = typeof orders
type Where = Record<string, unknown>

async function list(ctx: Ctx, where: Where, key: keyof Order, dir: 'asc' | 'desc', cursor: string | undefined, limit: number): Promise<Order[]> {
  const _ = ctx.db.command
  const w = cursor ? { ...where, [key]: dir === 'asc' ? _.gt(cursor) : _.lt(cursor) } : where
  return rows<Order>(ctx.db.collection(ORDERS).where(w).orderBy(key as string, dir).limit(limit + 1))
}

/**
 * Lists pass through the same visibility rule as the detail (core/orders/permissions viewFor): an
 * order the rule hides is dropped, a candidate sees the phone masked. The queries already select
 * only visible orders; this keeps one rule the authority for both.
 */
function visibleOnly(ctx: Ctx, page: Page<Order>): Page<Order> {
  const me = ctx.caller
  return { ...page, items: page.items.map((o) => viewFor(me, o)).filter((o): o is Order => o !== null) }
}

export const get: Handler<C['get']> = async (ctx, { orderId }) => {
  const view = viewFor(ctx.caller, await mustGetOrder(ctx.db, orderId))
  if (!view) throw orderError('NOT_FOUND')
  return { ...view, photoUrls: await photoUrls(ctx, [...view.photos, ...view.donePhotos]) }
}

/** Temp URLs (valid a day) for the photos; a failed lookup shows no photo rather than failing the page. */
async function photoUrls(ctx: Ctx, fileIds: string[]): Promise<Record<string, string>> {
  if (!fileIds.length) return {}
  try {
    const res = await ctx.cloud.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: 86400 })) })
    const found = (res ? res.fileList : []).filter((f) => f.status === 0 && f.tempFileURL)
    return Object.fromEntries(found.map((f) => [f.fileID, f.tempFileURL]))
  } catch (err) {
    ctx.log('photo temp URLs failed', (err as Error).message)
    return {}
  }
}

/** Orders I placed, merged with orders placed for me by a 楼栋长 / 网格员, newest first. */
export const mine: Handler<C['mine']> = async (ctx, { cursor, limit, scope }) => {
  const _ = ctx.db.command
  const status = scope === 'active' ? { status: _.in([...ACTIVE_STATUSES]) } : {}
  const [placed, forMe] = await Promise.all([
    list(ctx, { orderedBy: ctx.openid, ...status }, '_id', 'desc', cursor, limit),
    list(ctx, { residentId: ctx.openid, orderedBy: _.neq(ctx.openid), ...status }, '_id', 'desc', cursor, limit),
  ])
  const merged = [...placed, ...forMe].sort((a, b) => (a._id < b._id ? 1 : -1))
  return visibleOnly(ctx, pageOf(merged, limit, (o) => o._id))
}

export const triageQueue: Handler<C['triageQueue']> = async (ctx, { cursor, limit, gridId }) => {
  const _ = ctx.db.command
  // an admin sees the whole community, a street admin reads it (phones masked)
  const admin = ctx.roles.includes('admin') || ctx.roles.includes('street_admin')
  const { communityId } = mustPlace(ctx.caller)
  const mine = ctx.caller.scopes.grids
  if (gridId && !admin && !mine.includes(gridId)) throw commonError('FORBIDDEN')
  const grids = gridId ? [gridId] : admin ? null : [...mine]
  if (grids && grids.length === 0) throw commonError('FORBIDDEN')
  const where: Where = { communityId, queueKey: _.gt(cursor ?? '') }
  if (grids) where.gridId = grids.length === 1 ? grids[0] : _.in(grids)
  const found = await rows<Order>(ctx.db.collection(ORDERS).where(where).orderBy('queueKey', 'asc').limit(limit + 1))
  return visibleOnly(ctx, pageOf(found, limit, (o) => o.queueKey!))
}

export const pool: Handler<C['pool']> = async (ctx, { cursor, limit, category, gridId, urgency }) => {
  const _ = ctx.db.command
  const me = ctx.caller
  // one's own orders (as resident or as the one who ordered) are not offered: nobody serves their own case
  const where: Where = { poolKey: _.gt(cursor ?? ''), audienceKey: _.in(keysFor(me)), parties: _.neq(ctx.openid) }
  if (category) where.category = category
  if (gridId) where.gridId = gridId
  if (urgency) where.urgency = urgency
  const found = await rows<Order>(ctx.db.collection(ORDERS).where(where).orderBy('poolKey', 'asc').limit(limit + 1))
  // the resident's phone stays masked until accepted
  return visibleOnly(ctx, pageOf(found, limit, (o) => o.poolKey!))
}

export const tasks: Handler<C['tasks']> = async (ctx, { cursor, limit, scope }) => {
  const _ = ctx.db.command
  const where: Where = { volunteerId: ctx.openid }
  if (scope === 'active') where.status = _.in(['accepted', 'in_service', 'done'])
  return visibleOnly(ctx, pageOf(await list(ctx, where, '_id', 'desc', cursor, limit), limit, (o) => o._id))
}

/** The street office's queue: escalated 大事 of its street's communities (one or all), unanswered first; phones masked. */
export const streetQueue: Handler<C['streetQueue']> = async (ctx, { cursor, limit, communityId }) => {
  const _ = ctx.db.command
  const where: Where = { streetId: ctx.caller.streetId, streetKey: _.gt(cursor ?? '') }
  if (communityId) where.communityId = communityId
  const found = await rows<Order>(ctx.db.collection(ORDERS).where(where).orderBy('streetKey', 'asc').limit(limit + 1))
  const page = visibleOnly(ctx, pageOf(found, limit, (o) => o.streetKey!))
  return { ...page, items: page.items.map((o) => ({ ...o, clock: streetClock(o, ctx.now()) })) }
}
