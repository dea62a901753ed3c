/**
 * 议题: raised by a resident (or by a 楼栋长 / 网格员 for a neighbour without a phone), accepted by
 * staff into the next 议事会 that still takes topics, supported by households until its cutoff.
 * Supports themselves are written by ../supports.ts.
 */
import { randomBytes } from 'node:crypto'
import { enforce } from '../../../core/contract/decision'
import { commonError } from '../../../core/contract/errors'
import { councilError, type councilFn } from '../../../core/council/contract'
import { householdOf } from '../../../core/council/households'
import { transitionTopic } from '../../../core/council/topics'
import type { BuildingDoc } from '../../../core/community/structure'
import { canOrderFor, proxyRole } from '../../../core/orders/permissions'
import { getOrNull, rows, setDoc, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { BUILDINGS, mustBeHere, mustPlace } from '../../../server/community'
import { USERS } from '../../../core/collections'
import { nextSession } from '../store'
import { addSupport } from '../supports'
import { COUNCIL_TOPICS, householdHash, myHousehold, personHash, scaleOf, selectionSetting, topicViews, type TopicDoc } from '../topics'

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
  return (await topicViews(ctx.db, [topic], null, await scaleOf(ctx.db, place, now)))[0]
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
  return (await topicViews(ctx.db, [topic], null, await scaleOf(ctx.db, topic, now)))[0]
}

export const support: Handler<(typeof councilFn)['support']> = async (ctx, { topicId, subscribe }) => {
  const home = ctx.caller.home!
  const limit = (await selectionSetting.load(ctx.db, home, { now: ctx.now() })).supportsPerHousehold
  return addSupport(ctx, {
    topicId,
    communityId: home.communityId,
    household: myHousehold(ctx),
    householdLimit: limit,
    person: { key: personHash(ctx.openid), limit, spent: 'NO_SUPPORTS_LEFT', oncePerTopic: true },
    extra: { grants: subscribe?.length ?? 0 },
  })
}

/** Supports one 楼栋长 may give one topic for elders: enough for a few neighbours, never a topic's threshold alone. */
const PROXY_PER_TOPIC = 2

/** A 楼栋长 (or 网格员) supports for a named elder of their building (grid) without the app: logged with a reason, limited per 楼栋长. */
export const supportFor: Handler<(typeof councilFn)['supportFor']> = async (ctx, { topicId, elder, reason }) => {
  const place = mustPlace(ctx.caller)
  const building = await getOrNull<BuildingDoc>(ctx.db, BUILDINGS, elder.buildingId)
  if (!building) throw councilError('UNKNOWN_BUILDING')
  if (building.communityId !== place.communityId) throw commonError('OTHER_COMMUNITY')
  enforce(canOrderFor(ctx.caller, { id: building._id, gridId: building.gridId, communityId: building.communityId }), councilError)
  const household = householdOf({ communityId: place.communityId, buildingId: elder.buildingId, unitId: elder.unitId, room: elder.room })
  if (!household) throw councilError.at('elder.room', 'ROOM_REQUIRED')
  // someone registered lives there: that household supports for itself
  const there = await rows<{ _id: string; buildingId: string; unitId: string; room?: string }>(
    ctx.db.collection(USERS).where({ communityId: place.communityId, buildingId: elder.buildingId }).field({ buildingId: true, unitId: true, room: true }).limit(1000),
  )
  if (there.some((u) => householdOf({ communityId: place.communityId, ...u }) === household)) throw councilError.at('elder.room', 'ELDER_HAS_APP')
  const selection = await selectionSetting.load(ctx.db, place, { now: ctx.now() })
  return addSupport(ctx, {
    topicId,
    communityId: place.communityId,
    household,
    householdLimit: selection.supportsPerHousehold,
    person: { key: `l${personHash(ctx.openid)}`, limit: selection.proxySupportsPerLead, spent: 'PROXY_SUPPORTS_LEFT', oncePerTopic: false, perTopic: PROXY_PER_TOPIC },
    notRaisedBy: ctx.openid,
    extra: { grants: 0, forElder: { name: elder.name, reason } },
  })
}

export const topics: Handler<(typeof councilFn)['topics']> = async (ctx) => {
  const { communityId } = mustPlace(ctx.caller)
  const now = ctx.now()
  const docs = await rows<TopicDoc>(ctx.db.collection(COUNCIL_TOPICS).where({ communityId }).orderBy('createdAt', 'desc').limit(50))
  // the caller's supports show only in their home community
  const household = ctx.caller.home?.communityId === communityId ? myHousehold(ctx) : null
  return { items: await topicViews(ctx.db, docs, household, await scaleOf(ctx.db, mustPlace(ctx.caller), now)) }
}
