import { pointsFn } from '../../core/points/contract'
import { createFunction } from '../../server/runtime'
import { balance, statement } from './actions/account'
import { adjust, adjustments, approveAdjustment, rejectAdjustment } from './actions/adjust'
import { accounts, rules, setRules } from './actions/admin'
import { auditLog } from './actions/audit'
import { cancelRedemption, reconcile, verify } from './actions/booth'
import { gifts, upsertGift } from './actions/gifts'
import { myRedemptions, redeem } from './actions/redeem'
import { expirePoints } from './timers'

export const main = createFunction(
  pointsFn,
  { balance, statement, adjust, adjustments, approveAdjustment, rejectAdjustment, auditLog, accounts, rules, setRules, gifts, upsertGift, redeem, myRedemptions, verify, cancelRedemption, reconcile },
  { timers: { expirePoints } },
)
