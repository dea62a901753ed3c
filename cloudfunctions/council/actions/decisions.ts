/**
 * A topic's own page and what happens to it outside a session: staff decline, merge or convert it
 * (its raiser is told why), its raiser withdraws it, an action's owner marks one done, the raiser
 * answers 满意 / 不满意 at the end; a 楼栋长 ticks off telling a neighbour without a phone.
 */
import { COUNCIL_NOTICES, COUNCIL_TELLS } from '../../../core/collections'
import { timeKey } from '../../../core/contract/paging'
import { councilError, type councilFn, type TopicDetail } from '../../../core/council/contract'
import { transitionTopic, type TopicEvent } from '../../../core/council/topics'
import type { Ctx } from '../../../server/context'
import { mustBeHere, mustPlace } from '../../../server/community'
import { getOrNull, rows, setDoc, tx } from '../../../server/db'
import { EVENTS, type EventDoc } from '../../../core/events'
import type { Handler } from '../../../server/runtime'
import { syncProgress } from '../decisions'
import { COUNCIL_TOPICS, myHousehold, personHash, scaleOf, topicDetailOf, type TopicDoc } from '../topics'

type C = typeof councilFn

async function detail(ctx: Ctx, t: TopicDoc): Promise<TopicDetail> {
  const household = ctx.caller.home?.communityId === t.communityId ? myHousehold(ctx) : null
  return topicDetailOf(ctx.db, t, ctx.openid, household, await scaleOf(ctx.db, t, ctx.now()))
}

async function mustTopic(ctx: Ctx, topicId: string): Promise<TopicDoc> {
  const t = await getOrNull<TopicDoc>(ctx.db, COUNCIL_TOPICS, topicId)
  if (!t) throw councilError('TOPIC_UNKNOWN')
  return mustBeHere(ctx.caller, t)
}

/** One step of the table on a topic, in a transaction; `extra` is written with it. */
async function stepTopic(ctx: Ctx, topicId: string, event: TopicEvent, actor: 'staff' | 'raiser', extra: Partial<TopicDoc> = {}): Promise<TopicDoc> {
  const now = ctx.now()
  return tx(ctx.db, async (t) => {
    const cur = await getOrNull<TopicDoc>(t, COUNCIL_TOPICS, topicId)
    if (!cur) throw councilError('TOPIC_UNKNOWN')
    mustBeHere(ctx.caller, cur)
    if (actor === 'raiser' && cur.raisedBy !== ctx.openid) throw councilError('NOT_RAISER')
    const step = transitionTopic(cur.status, event, actor)
    if (!step.ok) throw councilError('TOPIC_STATE')
    const next: TopicDoc = { ...cur, ...extra, _id: topicId, status: step.to, updatedAt: now, timeline: [...cur.timeline, { at: now, by: ctx.openid, event: event.type }] }
    await setDoc(t, COUNCIL_TOPICS, next)
    return next
  })
}

export const topic: Handler<C['topic']> = async (ctx, { topicId }) => detail(ctx, await mustTopic(ctx, topicId))

const ROUTED = { decline: '没有受理', merge: '并入了另一个议题', convert: '转为专门办理' } as const

export const routeTopic: Handler<C['routeTopic']> = async (ctx, input) => {
  mustPlace(ctx.caller)
  const found = await mustTopic(ctx, input.topicId)
  let event: TopicEvent
  if (input.to === 'merge') {
    const into = input.into ? await getOrNull<TopicDoc>(ctx.db, COUNCIL_TOPICS, input.into) : null
    const live = into && into._id !== found._id && into.communityId === found.communityId && !['merged', 'declined', 'withdrawn', 'converted', 'closed'].includes(into.status)
    if (!live) throw councilError.at('into', 'MERGE_TARGET')
    event = { type: 'MERGE', into: into._id }
  } else if (input.to === 'convert') event = { type: 'CONVERT', to: input.convertTo ?? 'order', refId: input.into ?? '' }
  else event = { type: 'DECLINE', reason: input.reason }
  const t = await stepTopic(ctx, input.topicId, event, 'staff', { reason: input.reason })
  const now = ctx.now()
  const id = `${t._id}.routed.${personHash(t.raisedBy)}`
  await ctx.db.collection(COUNCIL_NOTICES).doc(id).set({
    data: { communityId: t.communityId, to: t.raisedBy, kind: 'topic_routed', title: `议题${ROUTED[input.to]}：${t.title}`, body: `理由：${input.reason}`, orderId: null, eventId: null, topicId: t._id, at: now, read: false, sortKey: timeKey(now, id) },
  })
  return detail(ctx, t)
}

export const withdrawTopic: Handler<C['withdrawTopic']> = async (ctx, { topicId }) => detail(ctx, await stepTopic(ctx, topicId, { type: 'WITHDRAW' }, 'raiser'))

export const rateTopic: Handler<C['rateTopic']> = async (ctx, { topicId, satisfied }) =>
  detail(ctx, await stepTopic(ctx, topicId, { type: 'RATE', satisfied }, 'raiser', { satisfied, ratedAt: ctx.now() }))

export const finishAction: Handler<C['finishAction']> = async (ctx, { topicId, actionId }) => {
  const t = await mustTopic(ctx, topicId)
  const a = t.decision?.actions.find((x) => x.id === actionId)
  if (!a) throw councilError('ACTION_UNKNOWN')
  if (a.kind === 'orders' || a.kind === 'rule') throw councilError('ACTION_AUTOMATIC')
  if (a.doneAt !== null) throw councilError('ACTION_DONE')
  if (a.owner !== ctx.openid && !ctx.caller.roles.includes('admin')) throw councilError('NOT_OWNER')
  // an event is done once it has taken place, not before
  if (a.kind === 'event') {
    const e = await getOrNull<EventDoc>(ctx.db, EVENTS, a.refs[0])
    if (!e || e.endAt > ctx.now()) throw councilError('ACTION_NOT_YET')
  }
  const synced = await syncProgress(ctx, topicId, { actionId, at: ctx.now() })
  return detail(ctx, synced!)
}

interface TellDoc {
  _id: string
  communityId: string
  to: string
  topicId: string
  title: string
  neighbour: string
  stage: 'decided' | 'done'
  message: string
  told: boolean
  at: number
}
const tellView = ({ communityId: _c, to: _to, ...v }: TellDoc) => v

export const tells: Handler<C['tells']> = async (ctx) => {
  const items = await rows<TellDoc>(ctx.db.collection(COUNCIL_TELLS).where({ to: ctx.openid }).orderBy('told', 'asc').orderBy('at', 'desc').limit(50))
  return { items: items.map(tellView) }
}

export const markTold: Handler<C['markTold']> = async (ctx, { tellId }) => {
  const now = ctx.now()
  const doc = await tx(ctx.db, async (t) => {
    const cur = await getOrNull<TellDoc>(t, COUNCIL_TELLS, tellId)
    if (!cur || cur.to !== ctx.openid) throw councilError('TELL_UNKNOWN')
    const next = { ...cur, _id: tellId, told: true, toldAt: now }
    await setDoc(t, COUNCIL_TELLS, next)
    return next
  })
  return tellView(doc)
}
