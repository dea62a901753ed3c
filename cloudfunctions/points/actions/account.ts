import { expiringSoon, personAccountId, spendableBalance, spendableLots, type AccountState, type Transfer } from '../../../core/points'
import type { pointsFn } from '../../../core/points/contract'
import { getOrNull } from '../../../server/db'
import { ACCOUNTS, TRANSFERS } from '../../../server/ledger'
import { pageBy } from '../../../server/paging'
import type { Handler } from '../../../server/runtime'

export const balance: Handler<typeof pointsFn.balance> = async (ctx) => {
  const acc = await getOrNull<AccountState>(ctx.db, ACCOUNTS, personAccountId(ctx.openid))
  // expired lots are not shown or counted, whether or not the expiry timer has moved them yet
  const lots = spendableLots(acc?.lots ?? {}, ctx.now())
  return { balance: spendableBalance(acc, ctx.now()), expiringSoon: expiringSoon({ lots }, ctx.now()), lots }
}

/** 明细: the caller's movements, newest first; `source` links to the order, event or redemption. */
export const statement: Handler<typeof pointsFn.statement> = async (ctx, input) => {
  const account = personAccountId(ctx.openid)
  const page = await pageBy<Transfer>(ctx.db, input, { collection: TRANSFERS, where: { accounts: account }, key: 'sortKey', dir: 'desc' })
  const items = page.items.map((t) => ({
    id: t._id,
    at: t.at,
    amount: t.movements.find((m) => m.account === account)?.amount ?? 0,
    reason: t.reason,
    source: t.source,
  }))
  return { items, next: page.next }
}
