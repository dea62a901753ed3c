/**
 * 议题: raised by a resident (or by a 楼栋长 / 网格员 for a neighbour without a phone), accepted by
 * staff into the next 议事会 that still takes topics, supported by households until its cutoff.
 * A support is one transaction on known ids: the household's support of the topic (one at most)
 * and its count for the session (checked against the limit and changed together); the topic's
 * total is the number of its support documents, so many households at once never contend.
 */
import { randomBytes } from 'node:crypto'
import { enforce } from '../../../core/contract/decision'
import { commonError } from '../../../core/contract/errors'
import { councilError, type councilFn } from '../../../core/council/contract'
import { householdOf } from '../../../core/council/households'
import { DEFAULT_SELECTION } from '../../../core/council/selection'
import { transitionTopic } from '../../../core/council/topics'
import type { BuildingDoc } from '../../../core/community/structure'
import { canOrderFor, proxyRole } from '../../../core/orders/permissions'
import { countOf, getOrNull, rows, setDoc, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { BUILDINGS, mustBeHere, mustPlace } from '../../../server/community'
import { COUNCIL_SUPPORT_COUNTS } from '../../../core/collections'
import { nextSession } from '../store'
import { COUNCIL_SUPPORTS, COUNCIL_TOPICS, householdHash, householdsOf, myHousehold, personHash, supportCountId, supportId, topicViews, type TopicDoc } from '../topics'

export const raiseTopic: Handler<(typeof councilFn)['raiseTopic']> = async (ctx, input) => {
  const me = ctx.user!
  const proxy = input.onBehalfOf
  const place = proxy ? mustPlace(ctx.caller) : ctx.caller.home!
  let household: string | null
  let raisedByName = me.name
  if (proxy) {
    const building = await getOrNull<BuildingDoc>(ctx.db, BUILDINGS, proxy.buildingId)
    if (!building) throw councilError('UNKNOWN_BUILDING')
    if (building.communityId !== place.communityId) throw commonError('OTHER_COMMUNITY')
    const b = { id: building._id, gridId: building.gridId, communityId: building.communityId }
    enforce(canOrderFor(ctx.caller, b), councilError)
    household = householdOf({ communityId: place.communityId, buildingId: proxy.buildingId, unitId: proxy.unitId, room: proxy.room })
    if (!household) throw councilError.at('onBehalfOf.room', 'ROOM_REQUIRED')
    raisedByName = `${proxyRole(ctx.caller, b)} ${me.name} 代 ${proxy.name}`
  } else household = myHousehold(ctx)
  const now = ctx.now()
  const topic: TopicDoc = {
    _id: `t${now.toString(36)}${randomBytes(3).toString('hex')}`,
    ...place,
    title: input.title,
    detail: input.detail,
    status: 'submitted',
    raisedBy: ctx.openid,
    raisedByName,
    proxy: proxy ? { name: proxy.name, buildingId: proxy.buildingId, unitId: proxy.unitId, room: proxy.room ?? '' } : null,
    household: household ? householdHash(household) : `person:${ctx.openid}`,
    sessionId: null,
    cutoffAt: null,
    createdAt: now,
    updatedAt: now,
    timeline: [{ at: now, by: ctx.openid, event: 'RAISE' }],
    grants: input.subscribe?.length ?? 0,
  }
  const { _id, ...data } = topic
  await ctx.db.collection(COUNCIL_TOPICS).doc(_id).set({ data })
  return (await topicViews(ctx.db, [topic], null, await householdsOf(ctx.db, place.communityId, now)))[0]
}

export const acceptTopic: Handler<(typeof councilFn)['acceptTopic']> = async (ctx, { topicId }) => {
  const { communityId } = mustPlace(ctx.caller)
  const now = ctx.now()
  const session = await nextSession(ctx.db, communityId, now, 'cutoff')
  const topic = await tx(ctx.db, async (t) => {
    const found = await getOrNull<TopicDoc>(t, COUNCIL_TOPICS, topicId)
    if (!found) throw councilError('TOPIC_UNKNOWN')
    mustBeHere(ctx.caller, found)
    const step = transitionTopic(found.status, { type: 'ACCEPT' }, 'staff')
    if (!step.ok) throw councilError('TOPIC_STATE')
    if (!session) throw councilError('NO_SESSION')
    const next: TopicDoc = { ...found, _id: topicId, status: step.to, sessionId: session.id, cutoffAt: session.cutoffAt, updatedAt: now, timeline: [...found.timeline, { at: now, by: ctx.openid, event: 'ACCEPT' }] }
    await setDoc(t, COUNCIL_TOPICS, next)
    return next
  })
  return (await topicViews(ctx.db, [topic], null, await householdsOf(ctx.db, communityId, now)))[0]
}

export const support: Handler<(typeof councilFn)['support']> = async (ctx, { topicId, subscribe }) => {
  const home = ctx.caller.home!
  const household = myHousehold(ctx)
  const limit = DEFAULT_SELECTION.supportsPerHousehold
  const now = ctx.now()
  const left = await tx(ctx.db, async (t) => {
    const topic = await getOrNull<TopicDoc>(t, COUNCIL_TOPICS, topicId)
    if (!topic) throw councilError('TOPIC_UNKNOWN')
    if (topic.communityId !== home.communityId) throw commonError('OTHER_COMMUNITY')
    if (!household) throw councilError('NO_HOUSEHOLD')
    const hash = householdHash(household)
    if (topic.status !== 'accepted' || !topic.sessionId || topic.cutoffAt === null) throw councilError('TOPIC_STATE')
    if (now >= topic.cutoffAt) throw councilError('SUPPORTS_CLOSED')
    if (topic.household === hash) throw councilError('OWN_TOPIC')
    // counted per household and per person: a person who changes the room in their profile is still the one who supported
    const countId = supportCountId(topic.sessionId, hash)
    const personId = supportCountId(topic.sessionId, personHash(ctx.openid))
    const [mine, count, person] = await Promise.all([
      getOrNull(t, COUNCIL_SUPPORTS, supportId(topicId, hash)),
      getOrNull<{ used: number }>(t, COUNCIL_SUPPORT_COUNTS, countId),
      getOrNull<{ used: number; topics: string[] }>(t, COUNCIL_SUPPORT_COUNTS, personId),
    ])
    if (mine || person?.topics.includes(topicId)) throw councilError('ALREADY_SUPPORTED')
    const used = Math.max(count?.used ?? 0, person?.used ?? 0)
    if (used >= limit) throw councilError('NO_SUPPORTS_LEFT')
    const at = { communityId: topic.communityId, sessionId: topic.sessionId }
    await t.collection(COUNCIL_SUPPORTS).doc(supportId(topicId, hash)).set({ data: { ...at, topicId, household: hash, by: ctx.openid, at: now, grants: subscribe?.length ?? 0 } })
    await t.collection(COUNCIL_SUPPORT_COUNTS).doc(countId).set({ data: { ...at, household: hash, used: (count?.used ?? 0) + 1 } })
    await t.collection(COUNCIL_SUPPORT_COUNTS).doc(personId).set({ data: { ...at, used: (person?.used ?? 0) + 1, topics: [...(person?.topics ?? []), topicId] } })
    return limit - used - 1
  })
  return { topicId, supports: await countOf(ctx.db.collection(COUNCIL_SUPPORTS).where({ topicId })), left }
}

export const topics: Handler<(typeof councilFn)['topics']> = async (ctx) => {
  const { communityId } = mustPlace(ctx.caller)
  const now = ctx.now()
  const docs = await rows<TopicDoc>(ctx.db.collection(COUNCIL_TOPICS).where({ communityId }).orderBy('createdAt', 'desc').limit(50))
  // the caller's supports show only in their home community
  const household = ctx.caller.home?.communityId === communityId ? myHousehold(ctx) : null
  return { items: await topicViews(ctx.db, docs, household, await householdsOf(ctx.db, communityId, now)) }
}
