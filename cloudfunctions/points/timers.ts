/** Timer: points expiry (daily; a lot expires at the end of 31 Dec of the year after it was earned). */
import { expiredLots, expiryTransfer, type AccountState } from '../../core/points'
import { rows, tx } from '../../server/db'
import { ACCOUNTS, applyTransfer } from '../../server/ledger'
import type { TimerHandler } from '../../server/runtime'

export const expirePoints: TimerHandler = async (ctx) => {
  const now = ctx.now()
  let expired = 0
  let lastId = ''
  const _ = ctx.db.command
  for (;;) {
    const page = await rows<AccountState>(ctx.db.collection(ACCOUNTS).where({ kind: 'person', _id: _.gt(lastId) }).orderBy('_id', 'asc').limit(100))
    if (!page.length) break
    lastId = page[page.length - 1]._id
    for (const acc of page) {
      for (const lot of expiredLots(acc, now)) {
        // expired points go back to the pool of the community the account was opened in
        const req = expiryTransfer({ communityId: acc.communityId, openid: acc.openid ?? acc._id.slice('person:'.length), amount: lot.amount, year: lot.year, at: now })
        const r = await tx(ctx.db, (t) => applyTransfer(t, req))
        if (r.ok && !r.replay) expired += r.transfer.amount
      }
    }
  }
  return { expired }
}
