/**
 * `npm run check:ledger`: reads every account and transfer of the 爱心银行 through the real SDK and
 * checks the invariants (core/points/invariants.ts): Σ movements = balance for every account,
 * no person below zero, lots = balance, every transfer −a/+a, all balances sum to 0.
 * Points at a running local cloud with LINLI_CLOUD_URL=http://127.0.0.1:PORT (or the SDK's own env).
 * Exit code 1 when anything is wrong.
 */
import { checkLedger, type AccountState, type Transfer, type Violation } from '../core/points'
import { ACCOUNTS, TRANSFERS } from '../server/ledger'

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's typings are loose */
async function all<T>(db: any, collection: string): Promise<T[]> {
  const out: T[] = []
  let last = ''
  for (;;) {
    const _ = db.command
    const page = (await db.collection(collection).where({ _id: _.gt(last) }).orderBy('_id', 'asc').limit(1000).get()).data as (T & { _id: string })[]
    out.push(...page)
    if (page.length < 1000) return out
    last = page[page.length - 1]._id
  }
}

export interface LedgerReport {
  accounts: number
  transfers: number
  persons: number
  outstanding: number
  violations: Violation[]
}

export async function checkLedgerIn(db: any): Promise<LedgerReport> {
  const [accounts, transfers] = await Promise.all([all<AccountState>(db, ACCOUNTS), all<Transfer>(db, TRANSFERS)])
  const persons = accounts.filter((a) => a.kind === 'person')
  return {
    accounts: accounts.length,
    transfers: transfers.length,
    persons: persons.length,
    outstanding: persons.reduce((a, p) => a + p.balance, 0),
    violations: checkLedger(accounts, transfers),
  }
}

async function main(): Promise<void> {
  const url = process.env.LINLI_CLOUD_URL
  if (url) {
    const { sdkEnvFor } = await import('../localcloud')
    Object.assign(process.env, sdkEnvFor(url, process.env.TCB_ENV ?? 'local'))
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- after the env above is set
  const sdk = require('wx-server-sdk')
  sdk.init({ env: process.env.TCB_ENV ?? 'local' })
  const r = await checkLedgerIn(sdk.database({ throwOnNotFound: false } as never))
  console.log(`爱心银行: ${r.accounts} accounts (${r.persons} people), ${r.transfers} transfers, ${r.outstanding} points held by people`)
  for (const v of r.violations.slice(0, 50)) console.log(`  ✗ ${v.id}: ${v.problem}`)
  console.log(r.violations.length ? `${r.violations.length} problems` : 'ledger OK: movements sum to balances, nothing negative')
  process.exit(r.violations.length ? 1 : 0)
}

if (require.main === module) void main()
