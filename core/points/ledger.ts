/**
 * The 爱心银行 ledger, double-entry (timeoverflow): a transfer moves an integer amount > 0 from one
 * account to another and carries two movements (−a on the source, +a on the destination), so every
 * transfer sums to zero. Transfers are write-once; a refund is a new transfer.
 *
 * The transfer's document id IS its idempotency key (`award:order:<orderId>`, `redeem:<code>` …):
 * the server reads it inside the caller's transaction and, when it exists, returns it unchanged.
 *
 * planTransfer decides, it does not write: given the request and the current account states it
 * returns the transfer document and the two new account states, or a refusal code.
 */
import { timeKey } from '../contract/paging'
import { chinaDay, chinaYear } from '../china-time'
import {
  accountDocId,
  emptyAccount,
  isLotExpired,
  spendableLots,
  type AccountRef,
  type AccountState,
} from './accounts'

export const SOURCE_KINDS = ['order', 'event', 'redemption', 'adjustment', 'expiry', 'closure'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]
export interface SourceRef {
  kind: SourceKind
  id: string
}

export interface TransferRequest {
  /** Idempotency key and document id, e.g. `award:order:<orderId>`. */
  id: string
  communityId: string
  from: AccountRef
  to: AccountRef
  /** Integer > 0. */
  amount: number
  /** Plain Chinese shown in the statement (明细), e.g. '服务完成：管道疏通'. */
  reason: string
  source: SourceRef
  /** OPENID of whoever caused it (staff for adjustments, the resident for redemptions…). */
  operator?: string
  /** ms since epoch; decides the day (daily cap) and the year lot (expiry). */
  at: number
  /**
   * Person side, optional. Debit: take exactly these lots (expiry) instead of oldest-first.
   * Credit: put back into these lots (a refund restores what the debit took) instead of this year's.
   */
  lots?: Record<string, number>
  /** Count against the person's daily award cap (awards for service and attendance). */
  capped?: boolean
}

export interface Movement {
  account: string
  amount: number
  /** person accounts: which year lots moved (negative on a debit). */
  lots?: Record<string, number>
}

export interface Transfer {
  _id: string
  communityId: string
  from: string
  to: string
  amount: number
  /** What was asked; differs from amount only when the daily cap cut an award. */
  requested: number
  reason: string
  source: SourceRef
  operator: string | null
  at: number
  day: string
  /** Both account ids, so a statement is one query: `accounts: <id>`. */
  accounts: [string, string]
  /** timeKey(at, id): the statement's order. */
  sortKey: string
  movements: [Movement, Movement]
}

export interface LedgerRules {
  /** Max awarded (capped transfers) per person per day; null = no cap. */
  dailyCap: number | null
}

export const DEFAULT_LEDGER_RULES: LedgerRules = { dailyCap: 200 }

export type PlanRefusal = 'INVALID_TRANSFER' | 'INSUFFICIENT_POINTS' | 'DAILY_CAP'
export type Plan =
  | { ok: true; transfer: Transfer; from: AccountState; to: AccountState }
  | { ok: false; code: PlanRefusal; message: string }

const refuse = (code: PlanRefusal, message: string): Plan => ({ ok: false, code, message })

export function isValidAmount(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0
}

export function sumLots(lots: Record<string, number>): number {
  return Object.values(lots).reduce((a, b) => a + b, 0)
}

/** Take `amount` from lots, oldest year first. Returns the taken parts (positive numbers). */
export function takeOldestFirst(lots: Record<string, number>, amount: number): Record<string, number> {
  const taken: Record<string, number> = {}
  let left = amount
  for (const year of Object.keys(lots).sort()) {
    if (left === 0) break
    const n = Math.min(lots[year], left)
    if (n > 0) {
      taken[year] = n
      left -= n
    }
  }
  return taken
}

function addLots(lots: Record<string, number>, delta: Record<string, number>, sign: 1 | -1): Record<string, number> {
  const out = { ...lots }
  for (const [y, n] of Object.entries(delta)) {
    out[y] = (out[y] ?? 0) + sign * n
    if (out[y] === 0) delete out[y]
  }
  return out
}

function negate(lots: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(lots).map(([y, n]) => [y, -n]))
}

/** Lots to credit: the requested ones, but a lot already expired goes to this year (never lost twice). */
function creditLots(req: TransferRequest, amount: number): Record<string, number> {
  const year = String(chinaYear(req.at))
  if (!req.lots) return { [year]: amount }
  const out: Record<string, number> = {}
  for (const [y, n] of Object.entries(req.lots)) {
    const into = isLotExpired(Number(y), req.at) ? year : y
    out[into] = (out[into] ?? 0) + n
  }
  return out
}

function validLots(lots: Record<string, number> | undefined, amount: number): boolean {
  if (!lots) return true
  const ok = Object.entries(lots).every(([y, n]) => /^\d{4}$/.test(y) && isValidAmount(n))
  return ok && sumLots(lots) === amount
}

/**
 * Plan one transfer. `fromState`/`toState` are the current account documents (null = not yet created).
 */
export function planTransfer(
  req: TransferRequest,
  fromState: AccountState | null,
  toState: AccountState | null,
  rules: LedgerRules = DEFAULT_LEDGER_RULES,
): Plan {
  if (!isValidAmount(req.amount) || !req.id || !req.reason) return refuse('INVALID_TRANSFER', '积分数必须是正整数')
  if (!validLots(req.lots, req.amount)) return refuse('INVALID_TRANSFER', '积分批次不对')
  const fromId = accountDocId(req.from, req.communityId, req.id)
  const toId = accountDocId(req.to, req.communityId, req.id)
  if (fromId === toId) return refuse('INVALID_TRANSFER', '转出和转入不能是同一个账户')
  if ((req.from.kind === 'person') === (req.to.kind === 'person')) return refuse('INVALID_TRANSFER', '必须正好有一方是个人账户')
  const from = fromState ?? emptyAccount(req.from, fromId, req.communityId)
  const to = toState ?? emptyAccount(req.to, toId, req.communityId)
  const day = chinaDay(req.at)

  let amount = req.amount
  let nextTo: AccountState = { ...to }
  if (req.capped && to.kind === 'person' && rules.dailyCap !== null) {
    const already = to.day === day ? (to.dayAwarded ?? 0) : 0
    amount = Math.min(amount, rules.dailyCap - already)
    if (amount <= 0) return refuse('DAILY_CAP', '今天获得的积分已达上限，明天再来吧')
    nextTo = { ...nextTo, day, dayAwarded: already + amount }
  }

  const fromMove: Movement = { account: fromId, amount: -amount }
  const toMove: Movement = { account: toId, amount }
  let nextFrom: AccountState = { ...from, balance: from.balance - amount }
  if (from.kind === 'person') {
    // without named lots, only lots that have not expired at the transfer's time can be spent
    const usable = req.lots ? from.lots : spendableLots(from.lots, req.at)
    if (Math.min(from.balance, sumLots(usable)) < amount) return refuse('INSUFFICIENT_POINTS', '积分不够了，先去做做志愿服务吧')
    const taken = req.lots ?? takeOldestFirst(usable, amount)
    if (sumLots(taken) !== amount || Object.entries(taken).some(([y, n]) => (from.lots[y] ?? 0) < n))
      return refuse('INSUFFICIENT_POINTS', '这一批积分已经用掉或过期了')
    nextFrom = { ...nextFrom, lots: addLots(from.lots, taken, -1) }
    fromMove.lots = negate(taken)
  }
  nextTo = { ...nextTo, balance: to.balance + amount }
  if (to.kind === 'person') {
    const lots = creditLots(req, amount)
    nextTo = { ...nextTo, lots: addLots(to.lots, lots, 1) }
    toMove.lots = lots
  }

  const transfer: Transfer = {
    _id: req.id,
    communityId: req.communityId,
    from: fromId,
    to: toId,
    amount,
    requested: req.amount,
    reason: req.reason,
    source: req.source,
    operator: req.operator ?? null,
    at: req.at,
    day,
    accounts: [fromId, toId],
    movements: [fromMove, toMove],
    sortKey: timeKey(req.at, req.id),
  }
  return { ok: true, transfer, from: nextFrom, to: nextTo }
}
