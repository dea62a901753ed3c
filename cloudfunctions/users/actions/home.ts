/** Home's "等您办": counts and the few items that need the caller's own action, in one call. */
import { EVENTS, REGISTRATIONS, type EventDoc, type RegistrationDoc } from '../../../core/events/model'
import type { Order } from '../../../core/orders/model'
import type { users } from '../../../core/users/contract'
import { eventsToday } from '../../../core/users/home'
import { canTriage } from '../../../core/orders/permissions'
import { countOf, rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { EVENT_NOTICES, NOTICES, ORDERS } from '../../../core/collections'

/** How many of each list home shows (the rest are one tap away). */
const SHOWN = 5
/** Recent registrations looked at for today's events. */
const RECENT_REGS = 30

export const home: Handler<typeof users.home> = async (ctx) => {
  const _ = ctx.db.command
  const me = ctx.openid
  const doneFor = (who: Record<string, unknown>) => rows<Order>(ctx.db.collection(ORDERS).where({ ...who, status: 'done' }).orderBy('_id', 'desc').limit(SHOWN))
  const [unread, placed, forMe, regs, activeTasks, toDispatch] = await Promise.all([
    Promise.all([NOTICES, EVENT_NOTICES].map((c) => countOf(ctx.db.collection(c).where({ to: me, read: false })))).then(([a, b]) => a + b),
    doneFor({ orderedBy: me }),
    doneFor({ residentId: me, orderedBy: _.neq(me) }),
    rows<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where({ openid: me, status: _.in(['registered', 'attended']) }).orderBy('createdAt', 'desc').limit(RECENT_REGS)),
    ctx.roles.includes('volunteer') ? countOf(ctx.db.collection(ORDERS).where({ volunteerId: me, status: _.in(['accepted', 'in_service']) })) : 0,
    waitingForDispatch(ctx),
  ])
  const ids = [...new Set(regs.map((r) => r.eventId))]
  const events = ids.length ? await rows<EventDoc>(ctx.db.collection(EVENTS).where({ _id: _.in(ids) }).limit(ids.length)) : []
  const toConfirm = [...placed, ...forMe]
    .sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0))
    .slice(0, SHOWN)
    .map((o) => ({ _id: o._id, category: o.category, description: o.description, doneAt: o.doneAt ?? null }))
  return { unread, toConfirm, today: eventsToday(events, regs, ctx.now()).slice(0, SHOWN), activeTasks, toDispatch }
}

/** The 派单 tile's count: the caller's triage queue (canTriage), in the community acted in. */
function waitingForDispatch(ctx: Parameters<typeof home>[0]): Promise<number> {
  const d = canTriage(ctx.caller)
  if (!d.ok || !ctx.caller.communityId || ctx.roles.includes('street_admin')) return Promise.resolve(0)
  const _ = ctx.db.command
  const grids = d.grids === 'all' ? {} : { gridId: _.in(d.grids) }
  return countOf(ctx.db.collection(ORDERS).where({ communityId: ctx.caller.communityId, status: 'submitted', ...grids }))
}
