import { disputesFn } from '../../core/disputes/contract'
import { createFunction } from '../../server/runtime'
import { report, takeReferral } from './actions/intake'
import { metrics } from './actions/metrics'
import { dispute, disputes } from './actions/read'
import { roster, saveMediator } from './actions/roster'
import { accept, addSession, agree, attachAgreement, decline, fail, followUp, mediate, performance, refer, withdraw } from './actions/steps'
import { runReminders } from './reminders'

export const main = createFunction(
  disputesFn,
  { report, takeReferral, disputes, dispute, accept, decline, mediate, addSession, agree, attachAgreement, fail, performance, refer, followUp, withdraw, roster, saveMediator, metrics },
  { timers: { remind: (ctx) => runReminders(ctx) } },
)
