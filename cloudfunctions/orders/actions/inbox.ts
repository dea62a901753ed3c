/**
 * The inbox: notices addressed to the caller from orders (`notices`), events (`event_notices`), 议事 (`council_notices`) and 调解 (`dispute_notices`),
 * merged newest first by their sortKey (time + id, the same shape in both collections).
 */
import type { orders } from '../../../core/orders/contract'
import { countOf } from '../../../server/db'
import { pageBy } from '../../../server/paging'
import type { Handler } from '../../../server/runtime'
import type { NoticeDoc } from '../notices'
import { COUNCIL_NOTICES, DISPUTE_NOTICES } from '../../../core/collections'
import { EVENT_NOTICES, NOTICES } from '../store'

type C = typeof orders

const SOURCES = [NOTICES, EVENT_NOTICES, COUNCIL_NOTICES, DISPUTE_NOTICES]

export const inbox: Handler<C['inbox']> = async (ctx, { cursor, limit }) => {
  const [page, counts] = await Promise.all([
    pageBy<NoticeDoc>(ctx.db, { cursor, limit }, ...SOURCES.map((collection) => ({ collection, where: { to: ctx.openid }, key: 'sortKey', dir: 'desc' as const }))),
    Promise.all(SOURCES.map((c) => countOf(ctx.db.collection(c).where({ to: ctx.openid, read: false })))),
  ])
  return { ...page, unread: counts.reduce((a, b) => a + b, 0) }
}

/** Idempotent: marking twice changes nothing more. Only the caller's own notices are touched. */
export const markRead: Handler<C['markRead']> = async (ctx, { ids }) => {
  const _ = ctx.db.command
  const where = ids ? { to: ctx.openid, read: false, _id: _.in(ids) } : { to: ctx.openid, read: false }
  const res = (await Promise.all(SOURCES.map((c) => ctx.db.collection(c).where(where).update({ data: { read: true } })))) as { stats?: { updated?: number } }[]
  return { updated: res.reduce((n, r) => n + (r.stats?.updated ?? 0), 0) }
}
