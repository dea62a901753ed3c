/**
 * The timer (every 10 minutes, config.json) and its manual twin for admins: mark overdue orders
 * (SLA deadline passed), confirm orders reported done 72 hours ago and ask the 回访 of orders in
 * 办结 for 3 days. Each order is its own transition; one that changed meanwhile is skipped (the
 * machine says NOT_DUE / BAD_STATE).
 */
import type { orders } from '../../../core/orders/contract'
import type { OrderEvent } from '../../../core/orders/machine'
import type { Order } from '../../../core/orders/model'
import { AUTO_CONFIRM_HOURS } from '../../../core/orders/sla'
import type { TimerCtx } from '../../../server/context'
import { rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { mustPlace } from '../../../server/community'
import { runEvent } from '../run'
import { ORDERS } from '../store'
import { gridStaff } from '../../../server/people'

const BATCH = 100

async function each(ctx: TimerCtx, where: Record<string, unknown>, event: OrderEvent): Promise<number> {
  const due = await rows<Pick<Order, '_id' | 'gridId' | 'communityId'>>(ctx.db.collection(ORDERS).where(where).field({ _id: true, gridId: true, communityId: true }).limit(BATCH))
  // an overdue order nobody dispatched is told to its grid's 网格员: looked up once per grid
  const staffOf = new Map<string, Promise<string[]>>()
  const staffFor = (o: (typeof due)[number]) => {
    const key = `${o.communityId}|${o.gridId}`
    if (!staffOf.has(key)) staffOf.set(key, gridStaff(ctx.db, o))
    return staffOf.get(key)!
  }
  let done = 0
  for (const o of due) {
    const { _id } = o
    try {
      await runEvent(ctx, { system: true }, _id, event, event.type === 'MARK_OVERDUE' ? { gridStaff: await staffFor(o) } : {})
      done++
    } catch (err) {
      ctx.log(`tick: ${event.type} ${_id} skipped`, (err as Error).message)
    }
  }
  return done
}

/** The timer ticks every community; `communityId` narrows it to one. */
export async function runTick(ctx: TimerCtx, communityId?: string): Promise<{ overdue: number; autoConfirmed: number; checksAsked: number }> {
  const _ = ctx.db.command
  const now = ctx.now()
  const here = communityId ? { communityId } : {}
  const overdue = await each(ctx, { ...here, overdue: false, dueAt: _.lte(now) }, { type: 'MARK_OVERDUE' })
  const autoConfirmed = await each(ctx, { ...here, status: 'done', doneAt: _.lte(now - AUTO_CONFIRM_HOURS * 3_600_000) }, { type: 'AUTO_CONFIRM' })
  // checkDue is set only while the 回访 waits to be asked: asking it once clears it
  const checksAsked = await each(ctx, { ...here, checkDue: _.lte(now) }, { type: 'ASK_CHECK' })
  return { overdue, autoConfirmed, checksAsked }
}

/** An admin's manual tick: the community they act in only (another community's orders are not theirs to move). */
export const tick: Handler<(typeof orders)['tick']> = (ctx) => runTick(ctx, mustPlace(ctx.caller).communityId)
