/**
 * The ledger's invariants, checked in tests and by `npm run check:ledger` over real data:
 * - every transfer: amount a positive integer, two different accounts, movements −a and +a;
 * - every account: balance = Σ its movements; person: balance ≥ 0 and Σ lots = balance, no lot < 0;
 * - all accounts together sum to 0 (points are only moved, never made).
 */
import type { AccountState } from './accounts'
import { isValidAmount, sumLots, type Transfer } from './ledger'

export interface Violation {
  id: string
  problem: string
}

export function checkTransfer(t: Transfer): Violation[] {
  const out: Violation[] = []
  const [a, b] = t.movements
  if (!isValidAmount(t.amount)) out.push({ id: t._id, problem: `amount ${t.amount} is not a positive integer` })
  if (t.from === t.to) out.push({ id: t._id, problem: 'from and to are the same account' })
  if (a.account !== t.from || b.account !== t.to) out.push({ id: t._id, problem: 'movements do not match from/to' })
  if (a.amount !== -t.amount || b.amount !== t.amount) out.push({ id: t._id, problem: 'movements are not −amount/+amount' })
  return out
}

export function checkLedger(accounts: readonly AccountState[], transfers: readonly Transfer[]): Violation[] {
  const out: Violation[] = []
  const moved = new Map<string, number>()
  const lotMoves = new Map<string, Record<string, number>>()
  for (const t of transfers) {
    out.push(...checkTransfer(t))
    for (const m of t.movements) {
      moved.set(m.account, (moved.get(m.account) ?? 0) + m.amount)
      if (m.lots) {
        const acc = lotMoves.get(m.account) ?? {}
        for (const [y, n] of Object.entries(m.lots)) acc[y] = (acc[y] ?? 0) + n
        lotMoves.set(m.account, acc)
      }
    }
  }
  let total = 0
  const seen = new Set<string>()
  for (const acc of accounts) {
    seen.add(acc._id)
    total += acc.balance
    const sum = moved.get(acc._id) ?? 0
    if (sum !== acc.balance) out.push({ id: acc._id, problem: `balance ${acc.balance} ≠ Σ movements ${sum}` })
    if (acc.kind !== 'person') continue
    if (acc.balance < 0) out.push({ id: acc._id, problem: `negative balance ${acc.balance}` })
    if (sumLots(acc.lots) !== acc.balance) out.push({ id: acc._id, problem: `Σ lots ${sumLots(acc.lots)} ≠ balance` })
    for (const [y, n] of Object.entries(acc.lots)) if (n < 0) out.push({ id: acc._id, problem: `lot ${y} is ${n}` })
    const byLot = lotMoves.get(acc._id) ?? {}
    for (const y of new Set([...Object.keys(byLot), ...Object.keys(acc.lots)]))
      if ((byLot[y] ?? 0) !== (acc.lots[y] ?? 0)) out.push({ id: acc._id, problem: `lot ${y} ≠ Σ lot movements` })
  }
  for (const [id, sum] of moved) if (!seen.has(id) && sum !== 0) out.push({ id, problem: `movements ${sum} on a missing account` })
  if (total !== 0) out.push({ id: '*', problem: `all balances sum to ${total}, not 0` })
  return out
}
