/** 议事协商's figures for a month of topics (core/council/metrics), in the community acted in. */
import { chinaInstant, chinaMonth } from '../../../core/china-time'
import type { councilFn } from '../../../core/council/contract'
import { metricsOf, type TopicFacts } from '../../../core/council/metrics'
import { shiftMonth } from '../../../core/kpis/vocab'
import { mustPlace } from '../../../server/community'
import { allBy } from '../../../server/paging'
import type { Handler } from '../../../server/runtime'
import { COUNCIL_TOPICS, type TopicDoc } from '../topics'

const startOf = (month: string) => {
  const [y, m] = month.split('-').map(Number)
  return chinaInstant({ y, m })
}

export function factsOf(t: TopicDoc): TopicFacts {
  const finished = t.timeline.find((e) => e.event === 'FINISH')?.at
  const done = t.status === 'done' || t.status === 'closed'
  return {
    status: t.status,
    cutoffAt: t.cutoffAt,
    scheduled: t.timeline.some((e) => e.event === 'SCHEDULE' || e.event === 'CARRY'),
    decidedAt: t.decision?.decidedAt ?? null,
    // done at the decision itself when there was nothing left to do
    doneAt: done ? (finished ?? t.decision?.decidedAt ?? null) : null,
    actions: t.decision?.actions.map((a) => ({ kind: a.kind, due: a.due, doneAt: a.doneAt })) ?? [],
    feedback: { decided: t.feedback?.decided ?? null, done: t.feedback?.done ?? null },
    satisfied: t.satisfied ?? null,
  }
}

export const metrics: Handler<(typeof councilFn)['metrics']> = async (ctx, input) => {
  const { communityId } = mustPlace(ctx.caller)
  const month = input.month ?? chinaMonth(ctx.now()).key
  const _ = ctx.db.command
  const where = { communityId, createdAt: _.gte(startOf(month)).and(_.lt(startOf(shiftMonth(month, 1)))) }
  const topics = (await allBy<TopicDoc>(ctx.db, { collection: COUNCIL_TOPICS, where, key: '_id', dir: 'asc' }, { batch: 500 })).items
  return { month, raised: topics.length, ...metricsOf(topics.map(factsOf), ctx.now()) }
}
