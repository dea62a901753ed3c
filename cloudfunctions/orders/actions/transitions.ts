/** Thin handlers: each maps its input to one machine event and runs it (run.ts). */
import type { orders } from '../../../core/orders/contract'
import { orderError } from '../../../core/orders/contract'
import type { Order } from '../../../core/orders/model'
import type { UserDoc } from '../../../core/users/model'
import { USERS } from '../../../server/context'
import { getOrNull } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { DEFAULT_POINTS } from '../../../core/orders/categories'
import { canAwardPoints } from '../../../core/points/adjustments'
import { enforce } from '../../../core/contract/decision'
import { loadRules, type PointsRules } from '../../../server/ledger'
import { runEvent } from '../run'
import { mustGetOrder } from '../store'
import { gridStaff } from '../../../server/people'
import { answerCheck as answered } from '../../../core/orders/check'
import { mustPlace } from '../../../server/community'

type C = typeof orders
const as = (ctx: Parameters<Handler<C['get']>>[0]) => ({ caller: ctx.caller })
const addGrants = (openid: string, n: number | undefined) => (o: Order): Order =>
  n ? { ...o, grants: { ...o.grants, [openid]: (o.grants[openid] ?? 0) + n } } : o

/** The target of assign / reassign must be an approved volunteer. */
/** The volunteer staff name for an order, by name (the timeline and the resident say who is coming). */
async function mustBeVolunteer(ctx: Parameters<Handler<C['get']>>[0], openid: string | null | undefined): Promise<{ volunteerName?: string }> {
  if (!openid) return {}
  const u = await getOrNull<UserDoc>(ctx.db, USERS, openid)
  // a volunteer of a neighbouring community takes orders from the street pool instead
  if (!u?.roles?.includes('volunteer') || u.communityId !== ctx.caller.communityId) throw orderError('NOT_A_VOLUNTEER')
  return { volunteerName: u.name || '志愿者' }
}

// resident
export const cancel: Handler<C['cancel']> = (ctx, i) =>
  runEvent(ctx, as(ctx), i.orderId, { type: 'CANCEL', reason: i.reason })
export const confirm: Handler<C['confirm']> = (ctx, i) =>
  runEvent(ctx, as(ctx), i.orderId, { type: 'CONFIRM', stars: i.stars, comment: i.comment })
export const rate: Handler<C['rate']> = (ctx, i) =>
  runEvent(ctx, as(ctx), i.orderId, { type: 'RATE', stars: i.stars, comment: i.comment })
export const reopen: Handler<C['reopen']> = (ctx, i) =>
  runEvent(ctx, as(ctx), i.orderId, { type: 'REOPEN', reason: i.reason })
/** 没解决 may need the grid's 网格员 (told to follow up): looked up before the transaction, which reads no lists. */
export const answerCheck: Handler<C['answerCheck']> = async (ctx, { orderId, answer }) => {
  const staff = answer === 'not' ? await gridStaff(ctx.db, await mustGetOrder(ctx.db, orderId)) : []
  return runEvent(ctx, as(ctx), orderId, { type: 'ANSWER_CHECK', answer }, { decide: (o, step) => answered(o, answer, step, staff) })
}

/** The points staff set (or the order's own, when they set none) stay within the rule as saved now (checked with the order in hand). */
const pointsWithinRule = (ctx: Parameters<Handler<C['get']>>[0], points: number | undefined, rules: PointsRules) => (o: Order): Order => {
  const rule = rules.categoryPoints[o.category] ?? DEFAULT_POINTS[o.category]
  enforce(canAwardPoints(ctx.caller, points ?? o.points, rule), orderError)
  return o
}

// staff
/** At 派单 the dispatcher may grant a message: it carries the notice of a release or of running late. */
const dispatching = (ctx: Parameters<Handler<C['get']>>[0], points: number | undefined, rules: PointsRules, subscribe: string[] | undefined) => (o: Order): Order =>
  addGrants(ctx.openid, subscribe?.length)(pointsWithinRule(ctx, points, rules)(o))
export const publish: Handler<C['publish']> = async (ctx, { orderId, subscribe, ...e }) =>
  runEvent(ctx, as(ctx), orderId, { type: 'PUBLISH', ...e }, { before: dispatching(ctx, e.points, await loadRules(ctx.db, mustPlace(ctx.caller), { fresh: true }), subscribe) })
export const assign: Handler<C['assign']> = async (ctx, { orderId, subscribe, ...e }) => {
  const [rules, named] = await Promise.all([loadRules(ctx.db, mustPlace(ctx.caller), { fresh: true }), mustBeVolunteer(ctx, e.volunteerId)])
  return runEvent(ctx, as(ctx), orderId, { type: 'ASSIGN', ...e, ...named }, { before: dispatching(ctx, e.points, rules, subscribe) })
}
export const reassign: Handler<C['reassign']> = async (ctx, { orderId, ...e }) => {
  const named = await mustBeVolunteer(ctx, e.volunteerId)
  return runEvent(ctx, as(ctx), orderId, { type: 'REASSIGN', ...e, ...named })
}
export const escalate: Handler<C['escalate']> = (ctx, { orderId, ...e }) => runEvent(ctx, as(ctx), orderId, { type: 'ESCALATE', ...e })
export const followUp: Handler<C['followUp']> = (ctx, { orderId, note }) => runEvent(ctx, as(ctx), orderId, { type: 'FOLLOW_UP', note })
export const close: Handler<C['close']> = (ctx, { orderId, note }) => runEvent(ctx, as(ctx), orderId, { type: 'CLOSE', note })
export const refer: Handler<C['refer']> = (ctx, { orderId, guidance }) => runEvent(ctx, as(ctx), orderId, { type: 'REFER', guidance })
export const streetReply: Handler<C['streetReply']> = (ctx, { orderId, note }) => runEvent(ctx, as(ctx), orderId, { type: 'STREET_REPLY', note })
export const reject: Handler<C['reject']> = (ctx, { orderId, reason }) => runEvent(ctx, as(ctx), orderId, { type: 'REJECT', reason })

// volunteer
export const accept: Handler<C['accept']> = (ctx, i) =>
  runEvent(ctx, as(ctx), i.orderId, { type: 'ACCEPT', volunteerName: ctx.user?.name ?? '志愿者', volunteerPhone: ctx.user?.phone ?? null, volunteerTeam: ctx.caller.team }, { before: addGrants(ctx.openid, i.subscribe?.length) })
export const start: Handler<C['start']> = (ctx, i) => runEvent(ctx, as(ctx), i.orderId, { type: 'START' })
export const reportDone: Handler<C['reportDone']> = (ctx, i) =>
  runEvent(ctx, as(ctx), i.orderId, { type: 'REPORT_DONE', note: i.note, photos: i.photos })
export const release: Handler<C['release']> = (ctx, i) =>
  runEvent(ctx, as(ctx), i.orderId, { type: 'RELEASE', reason: i.reason })
