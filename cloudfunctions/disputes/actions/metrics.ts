/** The community's mediation figures: counts and rates only, nothing of any case. */
import type { DisputeDoc } from '../../../core/disputes/case'
import type { disputesFn } from '../../../core/disputes/contract'
import { disputeMachine } from '../../../core/disputes/machine'
import { disputeMetricsOf, type DisputeFacts } from '../../../core/disputes/metrics'
import { mustPlace } from '../../../server/community'
import { allBy } from '../../../server/paging'
import type { Handler } from '../../../server/runtime'
import { DISPUTES } from '../store'

type C = typeof disputesFn

export const factsOf = (d: Pick<DisputeDoc, 'status' | 'reached' | 'followUpDueAt'>): DisputeFacts => ({
  status: d.status,
  agreed: !!d.reached.agreed,
  failed: !!d.reached.failed,
  fulfilled: !!d.reached.fulfilled,
  breached: !!d.reached.breached,
  referred: !!d.reached.referred,
  acceptedAt: d.reached.accepted ?? null,
  closedAt: d.reached.closed ?? null,
  followUpDueAt: d.followUpDueAt,
})

export const metrics: Handler<C['metrics']> = async (ctx) => {
  const { communityId } = mustPlace(ctx.caller)
  const fields = { status: true, reached: true, followUpDueAt: true } as const
  const cases = (await allBy<DisputeDoc>(ctx.db, { collection: DISPUTES, where: { communityId }, key: 'sortKey', dir: 'asc', fields })).items
  const open = cases.filter((d) => !disputeMachine.finals.includes(d.status)).length
  return { ...disputeMetricsOf(cases.map(factsOf), ctx.now()), open }
}
