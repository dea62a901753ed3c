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
 * Reads the transfer by its id first (unless the caller is `guarded`, see ApplyOptions): when it
 * exists the call is a replay and returns it (no double credit). Reads the person account only, plans
 * with the pure rules and writes the transfer, the person's balance and the community shard's `_.inc`
 * (a pool/redemption shard, never one hot document). 1–2 reads + 3 writes, issued in parallel.
 */
import { ACCOUNTS, RULES, TRANSFERS } from '../core/collections'
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
import { DEFAULT_LIMITS, limitsAt, type PendingLimits, type SafetyLimits } from '../core/points/adjustments'
import { pointsError } from '../core/points/contract'
import { errorText, getOrNull, setDoc, type Db, type Tx } from './db'
import { defineSetting } from './settings'
import type { Place } from '../core/community/places'

export { ACCOUNTS, RULES, TRANSFERS }


/**
 * Rules set by admin (categoryPoints: points per service category id; attendancePoints: default for
 * events; the daily cap; the limits that keep staff from paying themselves or friends).
 */
export interface PointsRules extends LedgerRules, SafetyLimits {
  categoryPoints: Record<string, number>
  attendancePoints: number
  /** Raised adjustment limits that take effect later (core/points/adjustments planLimits). */
  pendingLimits: PendingLimits | null
}
export const DEFAULT_RULES: PointsRules = { ...DEFAULT_LEDGER_RULES, ...DEFAULT_LIMITS, categoryPoints: {}, attendancePoints: 5, pendingLimits: null }

/**
 * Rules are cached in the function instance for RULES_TTL_MS: they change rarely and an award
 * path would otherwise pay one read per call. After an admin saves new rules, other warm instances
 * use the old ones for at most that long (the instance that saved them updates its copy at once).
 * `fresh` reads the database (the admin's rules page).
 */
export const RULES_TTL_MS = 30_000
const rulesSetting = defineSetting<PointsRules>({
  collection: RULES,
  // a community's rules (doc id = its id), else its street's default
  ids: (at) => [at.communityId, `street:${at.streetId}`],
  defaults: DEFAULT_RULES,
  read: (doc, d) => ({ ...d, ...(doc as Partial<PointsRules>) }),
  ttlMs: RULES_TTL_MS,
})

/** The rules in force in a community, with raised limits applied once their time has come. */
export async function loadRules(db: Db, at: Place, opts: { fresh?: boolean } = {}): Promise<PointsRules> {
  return limitsAt(await rulesSetting.load(db, at, opts), Date.now())
}

/** The instance that saved new rules uses them at once (null: a street default changed). */
export const rememberRules = (at: Place, rules: PointsRules | null): void => rulesSetting.remember(at, rules)

export type ApplyResult =
  | { ok: true; transfer: Transfer; replay: true }
  /** `person`: the person account after the transfer (the community side is not read, see below). */
  | { ok: true; transfer: Transfer; replay: false; person: AccountState }
  | { ok: false; code: PlanRefusal; message: string }

export interface ApplyOptions {
  /**
   * The caller's transaction already read a document that is written together with this transfer
   * (a redemption, a registration): an existing transfer is then only possible under a race. The
   * transfer is not read first; it is created with add(), which the database refuses for an
   * existing `_id` (E11000, verified on the local cloud), and that refusal is turned into a
   * conflict so the transaction is retried and the caller's own check answers. Never a double credit.
   */
  guarded?: boolean
}

const DUPLICATE = /E11000|duplicate key/i

/** Create-only write; a duplicate `_id` becomes a transaction conflict (tx() retries it). */
async function create<T extends { _id: string }>(t: Tx, collection: string, doc: T): Promise<void> {
  try {
    await t.collection(collection).add({ data: doc })
  } catch (err) {
    if (!DUPLICATE.test(errorText(err))) throw err
    throw Object.assign(new Error(`TRANSACTION_CONFLICT: ${collection}/${doc._id} was written by a racing transaction`), { code: 'TRANSACTION_CONFLICT' })
  }
}

/**
 * The community side (a pool or redemption shard) is not read: its balance moves by `_.inc`. The
 * pool issues points and the redemption account takes them, so their shards carry no floor and may
 * go negative (a refund can land on another shard than the debit); only person accounts must stay
 * ≥ 0, and the checker sums shards. A shard that does not exist yet is created with its first delta.
 */
async function moveCommunity(t: Tx, account: AccountState, delta: number): Promise<void> {
  const res = (await t.collection(ACCOUNTS).doc(account._id).update({ data: { balance: t.command.inc(delta) } })) as { stats?: { updated?: number } }
  if ((res?.stats?.updated ?? 0) > 0) return
  await create(t, ACCOUNTS, { ...account, balance: delta })
}

/**
 * Inside the caller's transaction: 1 read (the person account; + the transfer unless `guarded`)
 * and 3 writes (transfer, person, community shard by `_.inc`), issued in parallel.
 */
export async function applyTransfer(
  t: Tx,
  req: TransferRequest,
  rules: LedgerRules = DEFAULT_LEDGER_RULES,
  opts: ApplyOptions = {},
): Promise<ApplyResult> {
  const personSide = req.from.kind === 'person' ? 'from' : 'to'
  const personId = accountDocId(req[personSide], req.communityId, req.id)
  const [existing, person] = await Promise.all([
    opts.guarded ? null : getOrNull<Transfer>(t, TRANSFERS, req.id),
    getOrNull<AccountState>(t, ACCOUNTS, personId),
  ])
  if (existing) return { ok: true, transfer: { ...existing, _id: req.id }, replay: true }
  const current = person && { ...person, _id: personId }
  const plan = personSide === 'from' ? planTransfer(req, current, null, rules) : planTransfer(req, null, current, rules)
  if (!plan.ok) return plan
  const [next, community] = personSide === 'from' ? [plan.from, plan.to] : [plan.to, plan.from]
  const delta = personSide === 'from' ? plan.transfer.amount : -plan.transfer.amount
  await Promise.all([
    opts.guarded ? create(t, TRANSFERS, plan.transfer) : setDoc(t, TRANSFERS, plan.transfer),
    setDoc(t, ACCOUNTS, next),
    moveCommunity(t, community, delta),
  ])
  return { ok: true, transfer: plan.transfer, replay: false, person: next }
}

/** applyTransfer, but a refusal throws an AppError (aborting the caller's transaction). */
export async function applyTransferOrThrow(t: Tx, req: TransferRequest, rules?: LedgerRules, opts?: ApplyOptions): Promise<Transfer> {
  const r = await applyTransfer(t, req, rules, opts)
  if (!r.ok) throw pointsError(r.code)
  return r.transfer
}
