/**
 * Staff adjustments (core/points/adjustments): within the limits they move points at once, with the
 * requester's day counted in the same transaction; over them they wait for a second person. Each
 * step is one transaction on known ids: the adjustment (`adj:<requester>:<requestId>`, the
 * idempotency key), the requester's day counter, and the transfer `adjust:<requester>:<requestId>`.
 */
import {
  ADJUST_QUOTA,
  ADJUSTMENTS,
  adjustmentId,
  adjustmentKey,
  adjustTransfer,
  APPROVAL_TTL_MS,
  canAdjust,
  canDecide,
  quotaId,
  routeAdjustment,
  spendableBalance,
  statusAt,
  personAccountId,
  type AccountState,
  type AdjustmentDoc,
} from '../../../core/points'
import { pointsError, type pointsFn } from '../../../core/points/contract'
import { commonError } from '../../../core/contract/errors'
import { timeKey } from '../../../core/contract/paging'
import type { UserDoc } from '../../../core/users/model'
import { isAdmin } from '../../../core/users/permissions'
import { enforce } from '../../../core/contract/decision'
import { USERS, type Ctx } from '../../../server/context'
import { getOrNull, setDoc, tx, type Tx } from '../../../server/db'
import { ACCOUNTS, applyTransfer, loadRules } from '../../../server/ledger'
import { mustBeHere, mustPlace } from '../../../server/community'
import { pageBy } from '../../../server/paging'
import type { Handler } from '../../../server/runtime'

const transferOf = (a: AdjustmentDoc, at: number) =>
  adjustTransfer({ communityId: a.communityId, openid: a.target, delta: a.delta, adjustmentId: a.key, reason: `人工调整：${a.reason}`, operator: a.requester, at })

/** Apply the adjustment's transfer in the caller's transaction; a refusal (e.g. not enough points) aborts it. */
async function move(t: Tx, a: AdjustmentDoc, at: number, rules: Awaited<ReturnType<typeof loadRules>>) {
  const r = await applyTransfer(t, transferOf(a, at), rules)
  if (!r.ok) throw pointsError(r.code)
  return r
}

export const adjust: Handler<typeof pointsFn.adjust> = async (ctx, input) => {
  const at = mustPlace(ctx.caller)
  const [target, rules] = await Promise.all([getOrNull<UserDoc>(ctx.db, USERS, input.openid), loadRules(ctx.db, at)])
  if (!target) throw pointsError('TARGET_NOT_REGISTERED')
  // credits come from the pool of the community acted in, for its own residents only
  enforce(canAdjust(ctx.caller, { openid: input.openid, gridId: target.gridId, communityId: target.communityId }), pointsError)
  const now = ctx.now()
  const key = adjustmentKey(ctx.openid, input.requestId)
  const id = adjustmentId(key)
  const quota = quotaId(ctx.openid, now)
  return tx(ctx.db, async (t) => {
    const [prior, used] = await Promise.all([getOrNull<AdjustmentDoc>(t, ADJUSTMENTS, id), getOrNull<{ used: number }>(t, ADJUST_QUOTA, quota)])
    if (prior) return replay({ ...prior, _id: id }, ctx, t)
    const route = routeAdjustment({ requester: ctx.openid, target: input.openid, delta: input.delta, targetGridSince: target.gridSince }, used?.used ?? 0, rules, now)
    if (route.kind === 'refuse') throw pointsError(route.code)
    const doc: AdjustmentDoc = {
      _id: id,
      key,
      communityId: at.communityId,
      requester: ctx.openid,
      requesterName: ctx.user?.name ?? '',
      target: input.openid,
      targetName: target.name,
      targetGridId: target.gridId,
      delta: input.delta,
      reason: input.reason,
      status: route.kind === 'direct' ? 'done' : 'pending',
      why: route.kind === 'direct' ? 'direct' : route.why,
      createdAt: now,
      sortKey: timeKey(now, id),
      expiresAt: now + APPROVAL_TTL_MS,
    }
    if (route.kind === 'approval') {
      await setDoc(t, ADJUSTMENTS, doc)
      return { status: 'pending' as const, adjustmentId: id, balance: null, transferId: null, why: doc.why }
    }
    const r = await move(t, doc, now, rules)
    await Promise.all([
      setDoc(t, ADJUSTMENTS, { ...doc, transferId: r.transfer._id }),
      setDoc(t, ADJUST_QUOTA, { _id: quota, communityId: at.communityId, used: (used?.used ?? 0) + Math.abs(input.delta) }),
    ])
    return { status: 'done' as const, adjustmentId: id, balance: r.replay ? null : spendableBalance(r.person, now), transferId: r.transfer._id, why: doc.why }
  })
}

/** The same request again: answer what it became (an approved one reads as done). */
async function replay(a: AdjustmentDoc, ctx: Ctx, t: Tx) {
  const done = a.status === 'done' || a.status === 'approved'
  const acc = done ? await getOrNull<AccountState>(t, ACCOUNTS, personAccountId(a.target)) : null
  return { status: done ? ('done' as const) : ('pending' as const), adjustmentId: a._id, balance: done ? spendableBalance(acc, ctx.now()) : null, transferId: a.transferId ?? null, why: a.why }
}

const view = (ctx: Ctx, a: AdjustmentDoc) => ({
  id: a._id,
  requester: a.requester,
  requesterName: a.requesterName,
  target: a.target,
  targetName: a.targetName,
  delta: a.delta,
  reason: a.reason,
  status: statusAt(a, ctx.now()),
  why: a.why,
  createdAt: a.createdAt,
  expiresAt: a.expiresAt,
  decidedBy: a.decidedBy ?? null,
  decidedAt: a.decidedAt ?? null,
  decisionNote: a.decisionNote ?? null,
  decidable: canDecide(ctx.caller, a, ctx.now(), ctx.user?.adminBy).ok,
})

/** Admin: pending ones (or all), newest first; staff: the ones they asked for. */
export const adjustments: Handler<typeof pointsFn.adjustments> = async (ctx, input) => {
  const { communityId } = mustPlace(ctx.caller)
  const where = { communityId, ...(!isAdmin(ctx.caller) ? { requester: ctx.openid } : input.status === 'pending' ? { status: 'pending' } : {}) }
  const page = await pageBy<AdjustmentDoc>(ctx.db, input, { collection: ADJUSTMENTS, where, key: 'sortKey', dir: 'desc' })
  return { items: page.items.map((a) => view(ctx, a)), next: page.next }
}

/** Approve or reject: the adjustment is read and decided in one transaction, so racing admins decide once. */
async function decide<T>(ctx: Ctx, id: string, then: (t: Tx, a: AdjustmentDoc) => Promise<T>): Promise<T> {
  return tx(ctx.db, async (t) => {
    const found = await getOrNull<AdjustmentDoc>(t, ADJUSTMENTS, id)
    if (!found) throw commonError('NOT_FOUND')
    const a = mustBeHere(ctx.caller, { ...found, _id: id })
    enforce(canDecide(ctx.caller, a, ctx.now(), ctx.user?.adminBy), pointsError)
    return then(t, a)
  })
}

export const approveAdjustment: Handler<typeof pointsFn.approveAdjustment> = async (ctx, input) => {
  const rules = await loadRules(ctx.db, mustPlace(ctx.caller))
  const now = ctx.now()
  return decide(ctx, input.id, async (t, a) => {
    const r = await move(t, a, now, rules)
    const done: AdjustmentDoc = { ...a, status: 'approved', decidedBy: ctx.openid, decidedAt: now, transferId: r.transfer._id }
    await setDoc(t, ADJUSTMENTS, done)
    const balance = r.replay ? spendableBalance(await getOrNull<AccountState>(t, ACCOUNTS, personAccountId(a.target)), now) : spendableBalance(r.person, now)
    return { ...view(ctx, done), balance }
  })
}

export const rejectAdjustment: Handler<typeof pointsFn.rejectAdjustment> = async (ctx, input) =>
  decide(ctx, input.id, async (t, a) => {
    const done: AdjustmentDoc = { ...a, status: 'rejected', decidedBy: ctx.openid, decidedAt: ctx.now(), decisionNote: input.note }
    await setDoc(t, ADJUSTMENTS, done)
    return view(ctx, done)
  })
