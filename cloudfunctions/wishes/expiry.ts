/**
 * The timer (every 15 minutes): claims held past their 7 days expire and their shares go back to
 * the wish. Each claim in its own transaction on its known ids; one that a donor cancelled or staff
 * received meanwhile is left as it is.
 */
import { CLAIM_HOLD_DAYS } from '../../core/wishes/machine'
import type { TimerCtx } from '../../server/context'
import { isConflict, rows, tx } from '../../server/db'
import { endClaim } from './claims'
import { WISH_CLAIMS, type ClaimDoc } from './store'

const PAGE = 100

/** Expire what is due at `ctx.now()`; `communityId` narrows it to one community (tests of one). */
export async function runExpiry(ctx: TimerCtx, communityId?: string): Promise<{ expired: number; holdDays: number }> {
  const now = ctx.now()
  const _ = ctx.db.command
  let expired = 0
  for (;;) {
    const due = await rows<ClaimDoc>(ctx.db.collection(WISH_CLAIMS).where({ status: 'held', expiresAt: _.lte(now), ...(communityId ? { communityId } : {}) }).limit(PAGE))
    let ended = 0
    for (const c of due) {
      try {
        await tx(ctx.db, (t) => endClaim(t, c._id, 'EXPIRE', 'system', now, 'system'))
        ended++
      } catch (err) {
        // received or cancelled meanwhile (CLAIM_STATE), or busy: the next run looks again
        if (!isConflict(err)) ctx.log(`claim ${c._id} not expired`, (err as Error).message)
      }
    }
    expired += ended
    if (due.length < PAGE || ended === 0) break
  }
  return { expired, holdDays: CLAIM_HOLD_DAYS }
}
