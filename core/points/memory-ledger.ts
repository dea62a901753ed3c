/**
 * An in-memory ledger with the same read-plan-write steps as server/ledger.ts, for pure tests and
 * for the property test. Not used by the app.
 */
import { accountDocId, type AccountState } from './accounts'
import { DEFAULT_LEDGER_RULES, planTransfer, type LedgerRules, type Plan, type Transfer, type TransferRequest } from './ledger'

export class MemoryLedger {
  readonly accounts = new Map<string, AccountState>()
  readonly transfers = new Map<string, Transfer>()
  constructor(readonly rules: LedgerRules = DEFAULT_LEDGER_RULES) {}

  apply(req: TransferRequest): Plan | { ok: true; transfer: Transfer; replay: true } {
    const existing = this.transfers.get(req.id)
    if (existing) return { ok: true, transfer: existing, replay: true }
    const from = this.accounts.get(accountDocId(req.from, req.communityId, req.id)) ?? null
    const to = this.accounts.get(accountDocId(req.to, req.communityId, req.id)) ?? null
    const plan = planTransfer(req, from, to, this.rules)
    if (plan.ok) {
      this.transfers.set(plan.transfer._id, plan.transfer)
      this.accounts.set(plan.from._id, plan.from)
      this.accounts.set(plan.to._id, plan.to)
    }
    return plan
  }

  balance(id: string): number {
    return this.accounts.get(id)?.balance ?? 0
  }
}
