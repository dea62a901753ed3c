/** The inbox: notices of every feature addressed to the caller, newest first. */
import type { orders } from '../../../core/orders/contract'
import { countOf, rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import type { NoticeDoc } from '../notices'
import { NOTICES } from '../store'

type C = typeof orders

export const inbox: Handler<C['inbox']> = async (ctx, { cursor, limit }) => {
  const _ = ctx.db.command
  const where = cursor ? { to: ctx.openid, sortKey: _.lt(cursor) } : { to: ctx.openid }
  const [found, unread] = await Promise.all([
    rows<NoticeDoc>(ctx.db.collection(NOTICES).where(where).orderBy('sortKey', 'desc').limit(limit + 1)),
    countOf(ctx.db.collection(NOTICES).where({ to: ctx.openid, read: false })),
  ])
  const items = found.slice(0, limit)
  return { items, unread, next: found.length > limit ? items[items.length - 1].sortKey : null }
}

/** Idempotent: marking twice changes nothing more. Only the caller's own notices are touched. */
export const markRead: Handler<C['markRead']> = async (ctx, { ids }) => {
  const _ = ctx.db.command
  const where = ids ? { to: ctx.openid, read: false, _id: _.in(ids) } : { to: ctx.openid, read: false }
  const res = (await ctx.db.collection(NOTICES).where(where).update({ data: { read: true } })) as { stats?: { updated?: number } }
  return { updated: res.stats?.updated ?? 0 }
}
