import { wishesFn } from '../../core/wishes/contract'
import { createFunction } from '../../server/runtime'
import { cancelClaim, claim, list, myClaims, wish } from './actions/donors'
import { review, saveDraft, submit, withdraw } from './actions/drafts'
import { deliver, fulfil, receive, recordConsent, thank } from './actions/handover'
import { metrics, staffList, staffWish } from './actions/staff'
import { runExpiry } from './expiry'

export const main = createFunction(
  wishesFn,
  { saveDraft, submit, review, withdraw, list, wish, claim, cancelClaim, myClaims, receive, recordConsent, deliver, fulfil, thank, staffList, staffWish, metrics },
  { timers: { expire: (ctx) => runExpiry(ctx) } },
)
