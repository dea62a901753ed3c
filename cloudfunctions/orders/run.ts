/**
 * One transition = one transaction on the order's id: read the order, decide with the pure machine,
 * write the order (timeline embedded), its notices (known ids) and, on confirmation, the award
 * through the 爱心银行 ledger (transfer id = idempotency key). Subscribe messages go out after commit.
 */
import { enforce } from '../../core/contract/decision'
import { awardTransfer } from '../../core/points/transfers'
import { categoryTitle } from '../../core/orders/categories'
import { orderError } from '../../core/orders/contract'
import { undispatchedOverdue, type Effect } from '../../core/orders/effects'
import { transition, type EventType, type OrderEvent, type Step, type StepContext } from '../../core/orders/machine'
import type { Actor, Order } from '../../core/orders/model'
import { canSend, type Caller } from '../../core/orders/permissions'
import type { Ctx, TimerCtx } from '../../server/context'
import { tx, type Tx } from '../../server/db'
import { applyTransfer, loadRules, type PointsRules } from '../../server/ledger'
import type { Place } from '../../core/community/places'
import { noticeDocs, sendSubscribeMessages, settleNotices, takeGrants, writeNotices, type NoticeDoc } from './notices'
import { loadSla } from './sla'
import { mustGetOrder, saveOrder } from './store'

export interface RunOptions {
  /** Check or change the order inside the transaction before the machine runs (e.g. grants). */
  before?: (o: Order) => Order
  /** The grid's 网格员, told when an order nobody dispatched runs late (the timer looks them up). */
  gridStaff?: readonly string[]
  /** Decide the step instead of `transition(order, event)`: several events in one transaction (a 回访 answer that reopens). */
  decide?: (o: Order, ctx: StepContext) => Step
}

type Who = { caller: Caller } | { system: true }

/** Send `event` to an order as the caller (actor derived from permissions) or as the system (timers). */
export async function runEvent(ctx: Ctx | TimerCtx, who: Who, orderId: string, event: OrderEvent, opts: RunOptions = {}): Promise<Order> {
  const by = 'caller' in who ? who.caller.openid : 'system'
  const settings = (at: Place) =>
    Promise.all([event.type === 'CONFIRM' || event.type === 'AUTO_CONFIRM' ? loadRules(ctx.db, at) : null, loadSla(ctx.db, at)])
  // the settings of the order's community; guessed from the caller before the order is read (the
  // usual case, so no extra round trip), loaded again when the order turns out to be elsewhere
  const guess = 'caller' in who && who.caller.communityId ? { communityId: who.caller.communityId, streetId: who.caller.streetId! } : null
  const early = guess ? settings(guess) : null
  const { order, send } = await tx(ctx.db, async (t) => {
    const current = await mustGetOrder(t, orderId)
    const here = guess?.communityId === current.communityId && early
    const [rules, sla] = await (here || settings({ communityId: current.communityId, streetId: current.streetId }))
    const actor: Actor = 'caller' in who ? enforce(canSend(who.caller, current, event.type), orderError).actor : 'system'
    const base = opts.before ? opts.before(current) : current
    const stepCtx = { by, actor, now: ctx.now(), sla }
    const step = opts.decide ? opts.decide(base, stepCtx) : transition(base, event, stepCtx)
    if (!step.ok) throw orderError(step.code)
    // the award first: what the ledger actually credited goes into the timeline entry
    const credited = await award(t, step.next, step.effects, rules, ctx)
    const next = credited === null ? step.next : withAwardNote(step.next, credited)
    const docs = noticeDocs(next, [...step.effects, ...undispatchedOverdue(next, event.type, opts.gridStaff ?? [])])
    const granted = takeGrants(next, docs)
    const steps = next.timeline.slice(current.timeline.length).map((e) => e.event as EventType)
    await Promise.all([saveOrder(t, granted.order), writeNotices(t, docs), settleNotices(t, next, steps)])
    return granted
  })
  if (send.length) await sendSubscribeMessages(ctx, send)
  return order
}

/** Staff of another community are told it is elsewhere; anyone else who cannot see it, that it is not there. */
/** The confirmation's timeline entry says what was credited ("积分+10", or why nothing was). */
function withAwardNote(o: Order, credited: { amount: number; requested: number }): Order {
  const text =
    credited.amount === 0
      ? '今日积分已达上限，本单未发放积分'
      : credited.amount < credited.requested
        ? `积分+${credited.amount}（今日上限，原为${credited.requested}）`
        : `积分+${credited.amount}`
  const last = o.timeline[o.timeline.length - 1]
  const entry = { ...last, note: last.note ? `${last.note}；${text}` : text }
  return { ...o, timeline: [...o.timeline.slice(0, -1), entry] }
}

/** Apply the step's award (at most one), inside the transaction; null when there is none. */
async function award(
  t: Tx,
  o: Order,
  effects: Effect[],
  rules: PointsRules | null,
  ctx: Pick<Ctx, 'log'>,
): Promise<{ amount: number; requested: number } | null> {
  for (const e of effects) {
    if (e.kind !== 'award') continue
    const req = awardTransfer({
      // the points come from the pool of the community whose order it is
      communityId: o.communityId,
      openid: e.to,
      amount: e.amount,
      at: o.updatedAt,
      source: { kind: 'order', id: o._id },
      reason: `服务完成：${categoryTitle(o.category)}`,
      key: e.key,
    })
    const r = await applyTransfer(t, req, rules ?? undefined)
    if (r.ok) return { amount: r.transfer.amount, requested: e.amount }
    // the daily cap may refuse an award; the confirmation still stands (the ledger records nothing)
    if (r.code !== 'DAILY_CAP') throw new Error(`award ${e.key} refused: ${r.code} ${r.message}`)
    ctx.log(`award ${e.key} refused: ${r.code}`)
    return { amount: 0, requested: e.amount }
  }
  return null
}

export type { NoticeDoc }
