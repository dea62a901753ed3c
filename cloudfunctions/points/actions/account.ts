import { expiringSoon, personAccountId, spendableBalance, spendableLots, type AccountState, type Transfer } from '../../../core/points'
import type { pointsFn } from '../../../core/points/contract'
import { getOrNull, rows } from '../../../server/db'
import { ACCOUNTS, TRANSFERS } from '../../../server/ledger'
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
  const q = ctx.db
    .collection(TRANSFERS)
    .where({ accounts: account })
    .orderBy('at', 'desc')
    .orderBy('_id', 'desc')
    .skip((input.page - 1) * input.pageSize)
    .limit(input.pageSize + 1)
  const docs = await rows<Transfer>(q)
  const items = docs.slice(0, input.pageSize).map((t) => ({
    id: t._id,
    at: t.at,
    amount: t.movements.find((m) => m.account === account)?.amount ?? 0,
    reason: t.reason,
    source: t.source,
  }))
  return { items, hasMore: docs.length > input.pageSize }
}
