import type { ActionContract } from './contract/define'
import { community } from './community/contract'
import { orders } from './orders/contract'
import { users } from './users/contract'
import { pointsFn } from './points/contract'
import { eventsFn } from './events/contract'
import { kpisFn } from './kpis/contract'
import { councilFn } from './council/contract'
import { disputesFn } from './disputes/contract'
import { wishesFn } from './wishes/contract'

/**
 * Every function's contracts. A feature registers here once; docs/api.md, the fuzz suite and the
 * auth matrix iterate over this list, so a new action is documented and fuzzed without more work.
 */
export const FUNCTIONS = { users, community, orders, points: pointsFn, events: eventsFn, kpis: kpisFn, council: councilFn, disputes: disputesFn, wishes: wishesFn } as const

export const ALL_ACTIONS: readonly ActionContract[] = Object.values(FUNCTIONS).flatMap((f) => Object.values(f) as ActionContract[])
