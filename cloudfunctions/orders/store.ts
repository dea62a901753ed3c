/** Collections, the caller as the pure permission functions want it, and order reads. */
import { orderError } from '../../core/orders/contract'
import { orderDoc, type Order } from '../../core/orders/model'
import type { Caller } from '../../core/orders/permissions'
import type { Ctx } from '../../server/context'
import { getOrNull, setDoc, type Tx } from '../../server/db'

// event notices are written by the events function (reminders, waitlist promotions), same shape
import { EVENT_NOTICES, NOTICES, ORDERS } from '../../core/collections'

export { EVENT_NOTICES, NOTICES, ORDERS }

export function callerOf(ctx: Pick<Ctx, 'openid' | 'roles' | 'caller' | 'user'>): Caller {
  const v = ctx.user?.volunteer
  const approved = ctx.roles.includes('volunteer') && v?.status === 'approved'
  return {
    openid: ctx.openid,
    roles: ctx.roles,
    grids: ctx.caller.scopes.grids,
    buildings: ctx.caller.scopes.buildings,
    skills: approved ? v.skills : [],
    team: approved ? (v.team ?? null) : null,
  }
}

/** Read an order (inside a transaction or not); a missing one is NOT_FOUND. */
export async function mustGetOrder(db: Parameters<typeof getOrNull>[0], id: string): Promise<Order> {
  const doc = await getOrNull<Order>(db, ORDERS, id)
  if (!doc) throw orderError('NOT_FOUND')
  return { ...doc, _id: id }
}

/** Replace the whole order (set: an update would merge nested objects field by field). */
export async function saveOrder(t: Tx, o: Order): Promise<void> {
  await setDoc(t, ORDERS, orderDoc.parse(o))
}
