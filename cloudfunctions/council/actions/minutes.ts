/**
 * 会议纪要: the host (staff) records them once the session has started, item by item for exactly the
 * topics on its agenda; a draft may be rewritten (confirmations start again). Confirmed by the host
 * and a committee member — two people — they are published in one transaction with every topic's
 * outcome; what the decisions set going (orders, events, feedback, carrying the deferred) follows
 * on known ids, and the progress timer finishes anything a call left undone.
 */
import { COUNCIL_MINUTES, COUNCIL_OBJECTIONS, REGISTRATIONS } from '../../../core/collections'
import { commonError } from '../../../core/contract/errors'
import { councilError, type councilFn } from '../../../core/council/contract'
import type { MinutesView } from '../../../core/council/decisions'
import { afterDecision, confirmMinutes as confirmStep, objectionsOpen, PUBLIC_DAYS, type Confirmations } from '../../../core/council/minutes'
import { transitionTopic, type TopicEvent, type TopicStatus } from '../../../core/council/topics'
import type { BuildingDoc } from '../../../core/community/structure'
import { EVENTS, type EventDoc } from '../../../core/events'
import type { UserDoc } from '../../../core/users/model'
import { DAY_MS } from '../../../core/china-time'
import { USERS, type Ctx } from '../../../server/context'
import { BUILDINGS, mustBeHere, mustPlace } from '../../../server/community'
import { countOf, getOrNull, rows, setDoc, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { loadRules } from '../../../server/ledger'
import { canAwardPoints } from '../../../core/points/adjustments'
import { DEFAULT_POINTS } from '../../../core/orders/categories'
import { carry, materialise, storedActions, tellEveryone } from '../decisions'
import { COUNCIL_TOPICS, personHash, type TopicDoc } from '../topics'
import { actingMember } from './agenda'
import type * as z from 'zod'
import type { minutesItemInput } from '../../../core/council/decisions'

type Item = z.output<typeof minutesItemInput> & { title: string }

interface MinutesDoc {
  _id: string
  communityId: string
  streetId: string
  title: string
  startAt: number
  status: 'draft' | 'published'
  recordedBy: string
  recordedByName: string
  attendance: number
  items: Item[]
  /** The actions' owners' names, by OPENID. */
  owners: Record<string, string>
  confirmations: Confirmations
  publishedAt: number | null
  /** When the draft was written (confirmations name it). */
  draftAt: number
  updatedAt: number
}

const isStaffOf = (u: UserDoc | undefined, communityId: string) =>
  !!u && ((u.roles.includes('staff') && (u.staffOf ?? []).includes(communityId)) || (u.roles.includes('admin') && (u.adminOf ?? []).includes(communityId)))

async function viewOf(ctx: Pick<Ctx, 'db'>, m: MinutesDoc): Promise<MinutesView> {
  const objections = m.publishedAt ? await rows<{ text: string; at: number }>(ctx.db.collection(COUNCIL_OBJECTIONS).where({ sessionId: m._id }).orderBy('at', 'asc').field({ text: true, at: true }).limit(100)) : []
  const topics = m.status === 'published' ? await rows<TopicDoc>(ctx.db.collection(COUNCIL_TOPICS).where({ _id: ctx.db.command.in(m.items.map((i) => i.topicId)) }).limit(20)) : []
  const decided = new Map(topics.map((t) => [t._id, t.decision?.actions.map(({ spec: _s, owner: _o, ...a }) => a) ?? []]))
  // a draft shows what its actions will be
  const planned = (i: Item) => i.actions.map((a, j) => ({ id: `a${j + 1}`, kind: a.kind, title: a.title, ownerName: m.owners[a.owner] ?? '', due: a.due, doneAt: null, refs: [] }))
  return {
    sessionId: m._id,
    title: m.title,
    startAt: m.startAt,
    status: m.status,
    recordedBy: m.recordedByName,
    draftAt: m.draftAt,
    attendance: m.attendance,
    items: m.items.map((i) => ({
      topicId: i.topicId,
      title: i.title,
      summary: i.summary,
      outcome: i.outcome,
      decision: i.decision ?? null,
      dissent: i.dissent ?? null,
      actions: decided.get(i.topicId) ?? planned(i),
    })),
    hostConfirmed: !!m.confirmations.host,
    memberConfirmed: m.confirmations.member?.name ?? null,
    publishedAt: m.publishedAt,
    publicUntil: m.publishedAt === null ? null : m.publishedAt + PUBLIC_DAYS * DAY_MS,
    objections: objections.map((o) => ({ text: o.text, at: o.at })),
  }
}

/** Each action's owner must be staff of the community, each orders action's building in it. */
async function checkActions(ctx: Ctx, communityId: string, items: z.output<typeof minutesItemInput>[]): Promise<Map<string, string>> {
  const owners = [...new Set(items.flatMap((i) => i.actions.map((a) => a.owner)))]
  const users = owners.length ? await rows<UserDoc>(ctx.db.collection(USERS).where({ _id: ctx.db.command.in(owners) }).limit(owners.length)) : []
  const byId = new Map(users.map((u) => [u._id, u]))
  const rules = await loadRules(ctx.db, mustPlace(ctx.caller), { fresh: true })
  for (const [i, item] of items.entries()) {
    for (const [j, a] of item.actions.entries()) {
      if (!isStaffOf(byId.get(a.owner), communityId)) throw councilError.at(`items.${i}.actions.${j}.owner`, 'OWNER_UNKNOWN')
      // points as the recorder may award them anywhere else (orders are checked again when dispatched)
      const rule = a.kind === 'orders' ? (rules.categoryPoints[a.category] ?? DEFAULT_POINTS[a.category]) : rules.attendancePoints
      if ((a.kind === 'orders' || a.kind === 'event') && !canAwardPoints(ctx.caller, a.points, rule).ok) throw councilError.at(`items.${i}.actions.${j}.points`, 'POINTS_OVER_RULE')
      if (a.kind === 'event' && a.startAt <= ctx.now()) throw councilError.at(`items.${i}.actions.${j}.startAt`, 'EVENT_IN_PAST')
      if (a.kind !== 'orders') continue
      const b = await getOrNull<BuildingDoc>(ctx.db, BUILDINGS, a.buildingId)
      if (!b || b.communityId !== communityId) throw councilError.at(`items.${i}.actions.${j}.buildingId`, 'UNKNOWN_BUILDING')
    }
  }
  return new Map(users.map((u) => [u._id, u.name]))
}

export const recordMinutes: Handler<(typeof councilFn)['recordMinutes']> = async (ctx, { sessionId, items }) => {
  mustPlace(ctx.caller)
  const now = ctx.now()
  const session = await getOrNull<EventDoc>(ctx.db, EVENTS, sessionId)
  if (!session || session.kind !== 'council') throw commonError('NOT_FOUND')
  mustBeHere(ctx.caller, session)
  if (now < session.startAt) throw councilError('SESSION_NOT_STARTED')
  const onAgenda = await rows<TopicDoc>(ctx.db.collection(COUNCIL_TOPICS).where({ sessionId, status: 'on_agenda' }).limit(50))
  const existing = await getOrNull<MinutesDoc>(ctx.db, COUNCIL_MINUTES, sessionId)
  if (existing?.status === 'published') throw councilError('MINUTES_PUBLISHED')
  if (!onAgenda.length) throw councilError('NO_AGENDA')
  const want = onAgenda.map((t) => t._id).sort()
  const got = items.map((i) => i.topicId).sort()
  if (want.length !== got.length || want.some((id, i) => id !== got[i])) throw councilError.at('items', 'ITEMS_MISMATCH')
  items.forEach((item, i) => {
    if (item.outcome === 'decided' && !item.decision) throw councilError.at(`items.${i}.decision`, 'DECISION_MISSING')
  })
  // a deferred topic has nothing to do yet
  const kept = items.map((i) => (i.outcome === 'deferred' ? { ...i, decision: undefined, actions: [] } : i))
  const owners = await checkActions(ctx, session.communityId, kept)
  const titles = new Map(onAgenda.map((t) => [t._id, t.title]))
  const attendance = await countOf(ctx.db.collection(REGISTRATIONS).where({ eventId: sessionId, status: 'attended' }))
  const doc: MinutesDoc = {
    _id: sessionId,
    communityId: session.communityId,
    streetId: session.streetId,
    title: session.title,
    startAt: session.startAt,
    status: 'draft',
    recordedBy: ctx.openid,
    recordedByName: ctx.user!.name,
    attendance,
    items: kept.map((i) => ({ ...i, title: titles.get(i.topicId)! })),
    owners: Object.fromEntries(owners),
    confirmations: { host: null, member: null },
    publishedAt: null,
    draftAt: now,
    updatedAt: now,
  }
  await tx(ctx.db, async (t) => {
    const cur = await getOrNull<MinutesDoc>(t, COUNCIL_MINUTES, sessionId)
    if (cur?.status === 'published') throw councilError('MINUTES_PUBLISHED')
    await setDoc(t, COUNCIL_MINUTES, doc)
  })
  return viewOf(ctx, doc)
}

/** A topic's steps when its minutes are published: discussed, then decided (under way or done) or deferred. */
function outcomeSteps(item: Item, decidedActionsDone: boolean): { event: TopicEvent; actor: 'host' | 'system' }[] {
  const steps: { event: TopicEvent; actor: 'host' | 'system' }[] = [{ event: { type: 'DISCUSS', summary: item.summary }, actor: 'host' }]
  if (item.outcome === 'deferred') return [...steps, { event: { type: 'DEFER', reason: item.summary }, actor: 'host' }]
  steps.push({ event: { type: 'DECIDE', decision: item.decision!, dissent: item.dissent }, actor: 'host' })
  return [...steps, { event: { type: decidedActionsDone ? 'FINISH' : 'BEGIN' }, actor: 'system' }]
}

export const confirmMinutes: Handler<(typeof councilFn)['confirmMinutes']> = async (ctx, { sessionId, draftAt, forMember }) => {
  const m0 = await getOrNull<MinutesDoc>(ctx.db, COUNCIL_MINUTES, sessionId)
  if (!m0) throw councilError('MINUTES_UNKNOWN')
  mustBeHere(ctx.caller, m0)
  // the host confirms as host, unless recording for a member (which the two-person rule then refuses)
  const asHost = m0.recordedBy === ctx.openid && !forMember
  const acting = asHost ? null : await actingMember(ctx, m0.communityId, forMember)
  if (!asHost && !acting) throw councilError('NOT_HOST_OR_MEMBER')
  const as = acting ? { role: 'member' as const, by: ctx.openid, name: acting.name } : { role: 'host' as const, by: ctx.openid }
  const now = ctx.now()

  const published = await tx(ctx.db, async (t) => {
    const m = await getOrNull<MinutesDoc>(t, COUNCIL_MINUTES, sessionId)
    if (!m) throw councilError('MINUTES_UNKNOWN')
    if (m.status === 'draft' && m.draftAt !== draftAt) throw councilError('DRAFT_CHANGED')
    // rewritten meanwhile by someone else: they are the host now
    if (as.role === 'host' && m.recordedBy !== ctx.openid) throw councilError('NOT_HOST_OR_MEMBER')
    const step = confirmStep(m.status, m.confirmations, as, now)
    if (!step.ok) throw councilError(step.code)
    const next: MinutesDoc = { ...m, _id: sessionId, confirmations: step.confirmations, updatedAt: now }
    if (!step.publish) {
      await setDoc(t, COUNCIL_MINUTES, next)
      return { minutes: next, topics: [] as TopicDoc[] }
    }
    const topics: TopicDoc[] = []
    for (const item of m.items) {
      const topic = await getOrNull<TopicDoc>(t, COUNCIL_TOPICS, item.topicId)
      if (!topic) throw councilError('TOPIC_UNKNOWN')
      const actions = item.outcome === 'decided' ? storedActions(item.topicId, item.actions, new Map(Object.entries(m.owners)), now) : []
      let status: TopicStatus = topic.status
      for (const s of outcomeSteps(item, afterDecision(item.outcome, actions) === 'done')) {
        const r = transitionTopic(status, s.event, s.actor)
        if (!r.ok) throw councilError('TOPIC_STATE')
        status = r.to
      }
      const decided = item.outcome === 'decided'
      const updated: TopicDoc = {
        ...topic,
        _id: item.topicId,
        status,
        ...(decided ? { decision: { sessionId, decidedAt: now, decision: item.decision!, dissent: item.dissent ?? null, actions }, feedbackOwed: true } : {}),
        updatedAt: now,
        timeline: [...topic.timeline, { at: now, by: ctx.openid, event: decided ? 'DECIDE' : 'DEFER' }],
      }
      await setDoc(t, COUNCIL_TOPICS, updated)
      topics.push(updated)
    }
    const done: MinutesDoc = { ...next, status: 'published', publishedAt: now }
    await setDoc(t, COUNCIL_MINUTES, done)
    return { minutes: done, topics }
  })
  for (const t of published.topics) {
    if (t.status === 'deferred') await carry(ctx, t._id)
    else {
      await materialise(ctx, t)
      await tellEveryone(ctx, t._id)
    }
  }
  return viewOf(ctx, published.minutes)
}

export const minutes: Handler<(typeof councilFn)['minutes']> = async (ctx, { sessionId }) => {
  const m = await getOrNull<MinutesDoc>(ctx.db, COUNCIL_MINUTES, sessionId)
  if (!m) return null
  mustBeHere(ctx.caller, m)
  // a draft is for the people who confirm it: staff and the committee
  const staff = ctx.caller.roles.includes('staff') || ctx.caller.roles.includes('admin')
  if (m.status === 'draft' && !staff && !(await actingMember(ctx, m.communityId, undefined))) return null
  return viewOf(ctx, m)
}

export const objectMinutes: Handler<(typeof councilFn)['objectMinutes']> = async (ctx, { sessionId, text }) => {
  const m = await getOrNull<MinutesDoc>(ctx.db, COUNCIL_MINUTES, sessionId)
  if (!m || m.status !== 'published') throw councilError('MINUTES_UNKNOWN')
  if (ctx.caller.home?.communityId !== m.communityId) throw commonError('OTHER_COMMUNITY')
  const now = ctx.now()
  if (!objectionsOpen(m.publishedAt, now)) throw councilError('OBJECTIONS_CLOSED')
  const id = `${sessionId}-${personHash(ctx.openid)}`
  await tx(ctx.db, async (t) => {
    if (await getOrNull(t, COUNCIL_OBJECTIONS, id)) throw councilError('ALREADY_OBJECTED')
    await t.collection(COUNCIL_OBJECTIONS).doc(id).set({ data: { communityId: m.communityId, sessionId, text, by: ctx.openid, at: now } })
  })
  return { objections: await countOf(ctx.db.collection(COUNCIL_OBJECTIONS).where({ sessionId })) }
}
