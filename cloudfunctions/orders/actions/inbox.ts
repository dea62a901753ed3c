/**
 * The inbox: notices addressed to the caller from orders (`notices`) and events (`event_notices`),
 * merged newest first by their sortKey (time + id, the same shape in both collections).
 */
import type { orders } from '../../../core/orders/contract'
import { countOf, rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import type { NoticeDoc } from '../notices'
import { EVENT_NOTICES, NOTICES } from '../store'

type C = typeof orders

const SOURCES = [NOTICES, EVENT_NOTICES]

export const inbox: Handler<C['inbox']> = async (ctx, { cursor, limit }) => {
  const _ = ctx.db.command
  const where = cursor ? { to: ctx.openid, sortKey: _.lt(cursor) } : { to: ctx.openid }
  const [pages, counts] = await Promise.all([
    Promise.all(SOURCES.map((c) => rows<NoticeDoc>(ctx.db.collection(c).where(where).orderBy('sortKey', 'desc').limit(limit + 1)))),
    Promise.all(SOURCES.map((c) => countOf(ctx.db.collection(c).where({ to: ctx.openid, read: false })))),
  ])
  const found = pages.flat().sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1))
  const items = found.slice(0, limit)
  return { items, unread: counts[0] + counts[1], next: found.length > limit ? items[items.length - 1].sortKey : null }
}

/** Idempotent: marking twice changes nothing more. Only the caller's own notices are touched. */
export const markRead: Handler<C['markRead']> = async (ctx, { ids }) => {
  const _ = ctx.db.command
  const where = ids ? { to: ctx.openid, read: false, _id: _.in(ids) } : { to: ctx.openid, read: false }
  const res = (await Promise.all(SOURCES.map((c) => ctx.db.collection(c).where(where).update({ data: { read: true } })))) as { stats?: { updated?: number } }[]
  return { updated: res.reduce((n, r) => n + (r.stats?.updated ?? 0), 0) }
}
