import { pointsFn } from '../../core/points/contract'
import { createFunction } from '../../server/runtime'
import { balance, statement } from './actions/account'
import { accounts, adjust, rules, setRules } from './actions/admin'
import { cancelRedemption, reconcile, verify } from './actions/booth'
import { gifts, upsertGift } from './actions/gifts'
import { myRedemptions, redeem } from './actions/redeem'
import { expirePoints } from './timers'

export const main = createFunction(
  pointsFn,
  { balance, statement, adjust, accounts, rules, setRules, gifts, upsertGift, redeem, myRedemptions, verify, cancelRedemption, reconcile },
  { timers: { expirePoints } },
)
