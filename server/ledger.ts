/**
 * The 爱心银行 ledger on the database: applyTransfer runs INSIDE the caller's transaction, so an
 * award can ride along with an order's confirmation, a redemption with its stock claim.
 *
 *   const rules = await loadRules(ctx.db)            // outside the transaction
 *   await tx(ctx.db, async (t) => {
 *     …the caller's own reads and writes…
 *     const r = await applyTransfer(t, awardTransfer({ communityId: communityId(), openid, amount, at: Date.now(),
 *       source: { kind: 'order', id: orderId }, reason: '服务完成：管道疏通' }), rules)
 *     if (!r.ok) …r.code is 'DAILY_CAP' | 'INSUFFICIENT_POINTS' | 'INVALID_TRANSFER'…
 *   })
 *
 * Reads the transfer by its id first: when it exists the call is a replay and returns it (no double
 * credit). Otherwise reads the two accounts (a pool/redemption shard, never one hot document), plans
 * with the pure rules and writes the transfer and both balances. 3 reads + 3 writes, issued in parallel.
 */
import {
  accountDocId,
  DEFAULT_LEDGER_RULES,
  planTransfer,
  type AccountState,
  type LedgerRules,
  type PlanRefusal,
  type Transfer,
  type TransferRequest,
} from '../core/points'
import { pointsError } from '../core/points/contract'
import { getOrNull, type Tx } from './db'

export const ACCOUNTS = 'points_accounts'
export const TRANSFERS = 'points_transfers'
export const RULES = 'points_rules'

/** One mini-program serves one community; its id keys the pool and redemption accounts. */
export const communityId = (): string => process.env.LINLI_COMMUNITY_ID || 'default'

/** Rules set by admin (categoryPoints: points per service category id; attendancePoints: default for events). */
export interface PointsRules extends LedgerRules {
  categoryPoints: Record<string, number>
  attendancePoints: number
}
export const DEFAULT_RULES: PointsRules = { ...DEFAULT_LEDGER_RULES, categoryPoints: {}, attendancePoints: 5 }

/** Read outside transactions (rules change rarely; one read per call). */
export async function loadRules(db: Parameters<typeof getOrNull>[0]): Promise<PointsRules> {
  const doc = await getOrNull<PointsRules & { _id: string }>(db, RULES, communityId())
  return doc ? { ...DEFAULT_RULES, ...doc } : DEFAULT_RULES
}

export type ApplyResult =
  | { ok: true; transfer: Transfer; replay: true }
  | { ok: true; transfer: Transfer; replay: false; from: AccountState; to: AccountState }
  | { ok: false; code: PlanRefusal; message: string }

/** set() without `_id` in the body (the SDK refuses it). */
export function setDoc<T extends { _id: string }>(t: Tx, collection: string, doc: T): Promise<unknown> {
  const { _id, ...data } = doc
  return t.collection(collection).doc(_id).set({ data })
}

export async function applyTransfer(
  t: Tx,
  req: TransferRequest,
  rules: LedgerRules = DEFAULT_LEDGER_RULES,
): Promise<ApplyResult> {
  const fromId = accountDocId(req.from, req.communityId, req.id)
  const toId = accountDocId(req.to, req.communityId, req.id)
  const [existing, from, to] = await Promise.all([
    getOrNull<Transfer>(t, TRANSFERS, req.id),
    getOrNull<AccountState>(t, ACCOUNTS, fromId),
    getOrNull<AccountState>(t, ACCOUNTS, toId),
  ])
  if (existing) return { ok: true, transfer: { ...existing, _id: req.id }, replay: true }
  const plan = planTransfer(req, from && { ...from, _id: fromId }, to && { ...to, _id: toId }, rules)
  if (!plan.ok) return plan
  await Promise.all([setDoc(t, TRANSFERS, plan.transfer), setDoc(t, ACCOUNTS, plan.from), setDoc(t, ACCOUNTS, plan.to)])
  return { ok: true, transfer: plan.transfer, replay: false, from: plan.from, to: plan.to }
}

/** applyTransfer, but a refusal throws an AppError (aborting the caller's transaction). */
export async function applyTransferOrThrow(t: Tx, req: TransferRequest, rules?: LedgerRules): Promise<Transfer> {
  const r = await applyTransfer(t, req, rules)
  if (!r.ok) throw pointsError(r.code)
  return r.transfer
}
