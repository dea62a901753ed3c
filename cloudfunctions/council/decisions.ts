/**
 * What a published decision sets going, each step on known ids so that doing it again does nothing
 * more: the service orders and events its actions make (ids fixed when the minutes are published),
 * its progress (an orders action is done when every order is confirmed or closed, an event action
 * when the event has ended), and the feedback to the raiser and every supporting household when
 * the topic is decided and when it is done. The progress timer does again whatever a call left
 * undone.
 */
import { createHash, randomBytes } from 'node:crypto'
import { COUNCIL_NOTICES, COUNCIL_TELLS, ORDERS } from '../../core/collections'
import { timeKey } from '../../core/contract/paging'
import type { ActionInput } from '../../core/council/decisions'
import { ACTION_KINDS, progressOf } from '../../core/council/minutes'
import { transitionTopic } from '../../core/council/topics'
import type { BuildingDoc } from '../../core/community/structure'
import { EVENTS, type EventDoc } from '../../core/events'
import { newId, withKeys } from '../../core/orders/keys'
import { blankOrder, orderDoc, type Order } from '../../core/orders/model'
import { dueAt } from '../../core/orders/sla'
import type { UserDoc } from '../../core/users/model'
import type { TimerCtx } from '../../server/context'
import { USERS } from '../../server/context'
import { BUILDINGS } from '../../server/community'
import { errorText, getOrNull, rows, setDoc, tx, type Db } from '../../server/db'
import { createSeats } from '../../server/seats'
import { loadSla } from '../../server/sla'
import { nextSession } from './store'
import { COUNCIL_SUPPORTS, COUNCIL_TOPICS, personHash, type StoredAction, type TopicDoc } from './topics'

const ORDER_DONE = ['confirmed', 'closed']

/** Order ids fixed by the decision (sortable like any order id, their random part drawn from the topic and action). */
export function orderIdsOf(topicId: string, actionId: string, count: number, at: number): string[] {
  return Array.from({ length: count }, (_, n) => {
    const bytes = createHash('sha256').update(`${topicId}:${actionId}:${n}`).digest()
    let i = 0
    return newId(at, () => bytes[i++] / 256)
  })
}

/** The actions a decision stores, with the ids of what they will make; a 公约 is done once recorded. */
export function storedActions(topicId: string, specs: ActionInput[], owners: Map<string, string>, at: number): StoredAction[] {
  return specs.map((spec, i) => {
    const id = `a${i + 1}`
    const refs = spec.kind === 'orders' ? orderIdsOf(topicId, id, spec.count, at) : spec.kind === 'event' ? [`${topicId}-${id}`] : []
    return { id, kind: spec.kind, title: spec.title, owner: spec.owner, ownerName: owners.get(spec.owner) ?? '', due: spec.due, doneAt: spec.kind === 'rule' ? at : null, refs, spec }
  })
}

async function makeOrders(ctx: TimerCtx, topic: TopicDoc, a: StoredAction & { spec: Extract<ActionInput, { kind: 'orders' }> }): Promise<void> {
  const [building, owner, sla] = await Promise.all([
    getOrNull<BuildingDoc>(ctx.db, BUILDINGS, a.spec.buildingId),
    getOrNull<UserDoc>(ctx.db, USERS, a.owner),
    loadSla(ctx.db, topic),
  ])
  if (!building || !owner) return
  const at = topic.decision!.decidedAt
  for (const id of a.refs) {
    const base: Order = {
      ...blankOrder({ _id: id, now: at, orderedBy: a.owner, gridId: building.gridId, communityId: topic.communityId, streetId: topic.streetId }),
      category: a.spec.category,
      description: `议事会决议：${a.title}（议题：${topic.title}）`,
      address: building.name,
      buildingId: building._id,
      contactName: owner.name,
      contactPhone: owner.phone,
      source: 'council',
      points: a.spec.points,
      timeline: [{ seq: 1, at, by: a.owner, actor: 'owner', event: 'CREATE', from: null, to: 'submitted', note: `议事会决议派单：${topic.title}` }],
      grants: {},
    }
    const due = dueAt(base, sla)
    const order = orderDoc.parse(withKeys({ ...base, dueAt: due, respondBy: due }))
    await tx(ctx.db, async (t) => {
      if (!(await getOrNull(t, ORDERS, id))) await setDoc(t, ORDERS, order)
    })
  }
}

async function makeEvent(ctx: TimerCtx, topic: TopicDoc, a: StoredAction & { spec: Extract<ActionInput, { kind: 'event' }> }): Promise<void> {
  const id = a.refs[0]
  const s = a.spec
  if (await getOrNull(ctx.db, EVENTS, id)) return
  await createSeats(ctx.db, id, s.capacity, topic.communityId)
  const at = topic.decision!.decidedAt
  const e: EventDoc = {
    _id: id,
    communityId: topic.communityId,
    streetId: topic.streetId,
    kind: 'volunteer_day',
    title: a.title,
    place: s.place,
    startAt: s.startAt,
    startKey: timeKey(s.startAt, id),
    endAt: s.startAt + s.minutes * 60_000,
    deadline: s.startAt,
    capacity: s.capacity,
    audience: { kind: 'everyone' },
    points: s.points,
    booths: [],
    status: 'published',
    secret: randomBytes(16).toString('hex'),
    createdBy: a.owner,
    createdAt: at,
  }
  await tx(ctx.db, async (t) => {
    if (!(await getOrNull(t, EVENTS, id))) await setDoc(t, EVENTS, e)
  })
}

/** Make whatever the decision's actions make and is not there yet. */
export async function materialise(ctx: TimerCtx, topic: TopicDoc): Promise<void> {
  for (const a of topic.decision?.actions ?? []) {
    if (a.spec.kind === 'orders') await makeOrders(ctx, topic, { ...a, spec: a.spec })
    if (a.spec.kind === 'event') await makeEvent(ctx, topic, { ...a, spec: a.spec })
  }
}

/** When an action made of orders or an event is done (null: not yet). */
async function doneAtOf(ctx: TimerCtx, a: StoredAction, now: number): Promise<number | null> {
  if (a.doneAt !== null || (a.kind !== 'orders' && a.kind !== 'event')) return a.doneAt
  if (a.kind === 'event') {
    const e = await getOrNull<EventDoc>(ctx.db, EVENTS, a.refs[0])
    return e && e.status === 'published' && e.endAt <= now ? e.endAt : null
  }
  const found = await rows<Order>(ctx.db.collection(ORDERS).where({ _id: ctx.db.command.in(a.refs) }).field({ status: true, updatedAt: true }).limit(a.refs.length))
  if (found.length < a.refs.length || !found.every((o) => ORDER_DONE.includes(o.status))) return null
  return Math.max(...found.map((o) => o.updatedAt))
}

/** Bring a topic under way up to date: its actions done so far, and done when all are (then its raiser and supporters are told). */
export async function syncProgress(ctx: TimerCtx, topicId: string, marked?: { actionId: string; at: number }): Promise<TopicDoc | null> {
  const now = ctx.now()
  const before = await getOrNull<TopicDoc>(ctx.db, COUNCIL_TOPICS, topicId)
  if (!before?.decision) return before
  const found = await Promise.all(before.decision.actions.map((a) => (marked?.actionId === a.id ? marked.at : doneAtOf(ctx, a, now))))
  const topic = await tx(ctx.db, async (t) => {
    const cur = await getOrNull<TopicDoc>(t, COUNCIL_TOPICS, topicId)
    if (!cur?.decision) return cur
    const actions = cur.decision.actions.map((a, i) => ({ ...a, doneAt: a.doneAt ?? found[i] ?? null }))
    const p = progressOf(actions)
    const finish = cur.status === 'in_progress' && p.done === p.all ? transitionTopic(cur.status, { type: 'FINISH' }, 'system') : null
    const status = finish?.ok ? finish.to : cur.status
    const next: TopicDoc = {
      ...cur,
      _id: topicId,
      status,
      decision: { ...cur.decision, actions },
      ...(status === 'done' && cur.status !== 'done' ? { feedbackOwed: true, timeline: [...cur.timeline, { at: now, by: 'system', event: 'FINISH' }] } : {}),
      updatedAt: now,
    }
    await setDoc(t, COUNCIL_TOPICS, next)
    return next
  })
  if (topic?.feedbackOwed) return tellEveryone(ctx, topic._id)
  return topic
}

type Stage = 'decided' | 'done'

const feedbackText = (t: TopicDoc, stage: Stage): { title: string; body: string } => {
  const d = t.decision!
  if (stage === 'done') return { title: `议题办完了：${t.title}`, body: `议事会的决议都落实了（${d.actions.map((a) => a.title).join('、') || d.decision.slice(0, 40)}）。请看看结果，提议人可以评价满意不满意。` }
  const todo = d.actions.map((a) => `${ACTION_KINDS[a.kind]}：${a.title}`).join('；')
  return { title: `议题有决议了：${t.title}`, body: `决议：${d.decision.slice(0, 80)}${todo ? `。要办的事：${todo}` : ''}` }
}

/** Everyone to tell: the raiser, and one person of every household that supported it (who supported, with the grants they gave). */
async function audienceOf(ctx: TimerCtx, t: TopicDoc): Promise<{ to: string; grants: number }[]> {
  const supports = await rows<{ by: string; grants?: number }>(ctx.db.collection(COUNCIL_SUPPORTS).where({ topicId: t._id }).field({ by: true, grants: true }).limit(1000))
  const all = [{ to: t.raisedBy, grants: t.grants ?? 0 }, ...supports.map((s) => ({ to: s.by, grants: s.grants ?? 0 }))]
  return [...new Map(all.map((p) => [p.to, p])).values()]
}

/** The feedback the topic still owes (decided, done): inbox notices under known ids, subscribe messages where granted, and for a proxy topic a task for the 楼栋长. */
export async function tellEveryone(ctx: TimerCtx, topicId: string): Promise<TopicDoc | null> {
  const t = await getOrNull<TopicDoc>(ctx.db, COUNCIL_TOPICS, topicId)
  if (!t?.decision || !t.feedbackOwed) return t
  const now = ctx.now()
  const fb = { decided: t.feedback?.decided ?? null, done: t.feedback?.done ?? null }
  const stages: Stage[] = (['decided', 'done'] as const).filter((s) => fb[s] === null && (s === 'decided' || t.status === 'done' || t.status === 'closed'))
  const people = await audienceOf(ctx, t)
  for (const stage of stages) {
    const { title, body } = feedbackText(t, stage)
    // made only if missing: a notice another run made already is not sent again
    const fresh: ((typeof people)[number] & { id: string })[] = []
    for (let i = 0; i < people.length; i += 20) {
      const made = await Promise.all(
        people.slice(i, i + 20).map(async (p) => {
          const id = `${t._id}.${stage}.${personHash(p.to)}`
          const data = { _id: id, communityId: t.communityId, to: p.to, kind: `topic_${stage}`, title, body, orderId: null, eventId: null, topicId: t._id, at: now, read: false, sortKey: timeKey(now, id) }
          return (await addIfMissing(ctx.db, COUNCIL_NOTICES, data)) ? { ...p, id } : null
        }),
      )
      fresh.push(...made.filter((m): m is NonNullable<typeof m> => !!m))
    }
    // one message per grant: the first for the decision, the second for done
    const granted = fresh.filter((p) => p.grants > (stage === 'decided' ? 0 : 1))
    await Promise.all(
      granted.map((p) =>
        ctx.cloud.openapi.subscribeMessage
          .send({ touser: p.to, templateId: TOPIC_TEMPLATE(), page: `council/pages/topic/index?id=${t._id}`, data: { thing1: { value: title.slice(0, 20) }, thing2: { value: body.slice(0, 20) } } })
          .catch((err: unknown) => ctx.log(`subscribe message to ${p.to} failed`, err)),
      ),
    )
    if (t.proxy) {
      const tellId = `${t._id}.${stage}`
      if (!(await getOrNull(ctx.db, COUNCIL_TELLS, tellId))) {
        await ctx.db.collection(COUNCIL_TELLS).doc(tellId).set({
          data: { communityId: t.communityId, to: t.raisedBy, topicId: t._id, title: t.title, neighbour: `${t.proxy.name}（${t.proxy.room}）`, stage, message: body, told: false, at: now },
        })
      }
    }
    fb[stage] = now
  }
  // merged with what the topic is now (it may have become done meanwhile)
  return tx(ctx.db, async (x) => {
    const cur = (await getOrNull<TopicDoc>(x, COUNCIL_TOPICS, topicId))!
    const feedback = { decided: cur.feedback?.decided ?? fb.decided, done: cur.feedback?.done ?? fb.done }
    const owed = feedback.decided === null || ((cur.status === 'done' || cur.status === 'closed') && feedback.done === null)
    const next: TopicDoc = { ...cur, _id: topicId, feedback, feedbackOwed: owed }
    await setDoc(x, COUNCIL_TOPICS, next)
    return next
  })
}

export const TOPIC_TEMPLATE = (): string => process.env.LINLI_TEMPLATE_TOPIC || 'topic_feedback'

/** One topic's step, its failure logged and left for the next run: one topic never holds up the rest. */
async function each(ctx: TimerCtx, ids: string[], step: (id: string) => Promise<unknown>): Promise<number> {
  let done = 0
  for (const id of ids) {
    try {
      await step(id)
      done++
    } catch (err) {
      ctx.log(`council progress: topic ${id} left for the next run`, err)
    }
  }
  return done
}

/** The progress timer: feedback still owed sent first, then topics under way brought up to date, deferred topics carried. */
export async function runProgress(ctx: TimerCtx): Promise<{ synced: number; carried: number; told: number }> {
  const ids = async (where: object) => (await rows<{ _id: string }>(ctx.db.collection(COUNCIL_TOPICS).where(where).field({ _id: true }).limit(1000))).map((t) => t._id)
  const told = await each(ctx, await ids({ feedbackOwed: true }), (id) => tellEveryone(ctx, id))
  const synced = await each(ctx, await ids({ status: 'in_progress' }), async (id) => {
    const t = await getOrNull<TopicDoc>(ctx.db, COUNCIL_TOPICS, id)
    if (t) await materialise(ctx, t)
    await syncProgress(ctx, id)
  })
  const carried = await each(ctx, await ids({ status: 'deferred' }), (id) => carry(ctx, id))
  return { synced, carried, told }
}

/** A deferred topic goes on to the next session that has not started (none planned yet: it waits for the timer). */
export async function carry(ctx: TimerCtx, topicId: string): Promise<void> {
  const now = ctx.now()
  const t0 = await getOrNull<TopicDoc>(ctx.db, COUNCIL_TOPICS, topicId)
  if (!t0 || t0.status !== 'deferred') return
  const session = await nextSession(ctx.db, t0.communityId, now, 'start', t0.sessionId ?? undefined)
  if (!session) return
  await tx(ctx.db, async (t) => {
    const cur = await getOrNull<TopicDoc>(t, COUNCIL_TOPICS, topicId)
    if (!cur) return
    const step = transitionTopic(cur.status, { type: 'CARRY', sessionId: session.id }, 'system')
    if (!step.ok) return
    await setDoc(t, COUNCIL_TOPICS, { ...cur, _id: topicId, status: step.to, sessionId: session.id, cutoffAt: session.cutoffAt, updatedAt: now, timeline: [...cur.timeline, { at: now, by: 'system', event: 'CARRY' }] })
  })
}

/** Add a document under its id unless one is there: true when this call made it. */
async function addIfMissing(db: Db, collection: string, data: { _id: string } & Record<string, unknown>): Promise<boolean> {
  try {
    await db.collection(collection).add({ data })
    return true
  } catch (err) {
    if (/duplicate key/i.test(errorText(err))) return false
    throw err
  }
}
