/** 议题 as stored, and what a list shows of them (supports counted from their documents, the threshold from the community's households). */
import { createHash } from 'node:crypto'
import { COUNCIL_STATE, COUNCIL_SUPPORTS, COUNCIL_TOPICS, USERS } from '../../core/collections'
import { householdOf } from '../../core/council/households'
import { DEFAULT_SELECTION, thresholdOf, type SelectionSettings } from '../../core/council/selection'
import { SETTINGS } from '../../core/collections'
import type { Place } from '../../core/community/places'
import { defineSetting } from '../../server/settings'
import type { TopicStatus } from '../../core/council/topics'
import type { TopicDetail, TopicView } from '../../core/council/contract'
import type { ActionInput } from '../../core/council/decisions'
import { progressOf, type ActionKind } from '../../core/council/minutes'
import type { Ctx } from '../../server/context'
import { getOrNull, rows, type Db } from '../../server/db'
import { allBy } from '../../server/paging'

export { COUNCIL_STATE, COUNCIL_SUPPORTS, COUNCIL_TOPICS }

export interface TopicDoc {
  _id: string
  communityId: string
  streetId: string
  title: string
  detail: string
  status: TopicStatus
  raisedBy: string
  /** As shown: the raiser's name, or "楼栋长 X 代 Y". */
  raisedByName: string
  proxy: { name: string; buildingId: string; unitId: string; room: string } | null
  /** The household it was raised for (hashed): it does not support its own topic. */
  household: string
  sessionId: string | null
  cutoffAt: number | null
  createdAt: number
  updatedAt: number
  timeline: { at: number; by: string; event: string }[]
  /** Why it was declined, merged or converted (public). */
  reason?: string | null
  decision?: StoredDecision | null
  /** Subscribe messages the raiser granted when raising it. */
  grants?: number
  /** When each feedback went out to the raiser and every supporter (null: not yet). */
  feedback?: { decided: number | null; done: number | null }
  /** Some feedback is still to go out (the progress timer looks for these). */
  feedbackOwed?: boolean
  satisfied?: boolean | null
  ratedAt?: number
}

export interface StoredAction {
  id: string
  kind: ActionKind
  title: string
  owner: string
  ownerName: string
  due: string
  doneAt: number | null
  /** The orders or the event it makes (ids known before they are made: making them again makes nothing). */
  refs: string[]
  spec: ActionInput
}

export interface StoredDecision {
  sessionId: string
  decidedAt: number
  decision: string
  dissent: string | null
  actions: StoredAction[]
}

/** The caller's household: the address of their profile in their home community (null: no home, or no room). */
export function myHousehold(ctx: Pick<Ctx, 'user' | 'caller'>): string | null {
  const me = ctx.user
  const home = ctx.caller.home
  return me && home ? householdOf({ communityId: home.communityId, buildingId: me.buildingId, unitId: me.unitId, room: me.room }) : null
}

/** A household key as stored in ids (its address stays out of them). */
export const householdHash = (household: string): string => createHash('sha256').update(household).digest('hex').slice(0, 20)
/** A person as stored in ids: `p` and a hash of the OPENID (so a person and a household never share an id). */
export const personHash = (openid: string): string => `p${createHash('sha256').update(openid).digest('hex').slice(0, 20)}`
export const supportId = (topicId: string, hash: string) => `${topicId}-${hash}`
export const supportCountId = (sessionId: string, hash: string) => `${sessionId}-${hash}`

/** The community's registered households (distinct addresses with a room among its people), counted by the timer; counted now if it never ran. */
export async function householdsOf(db: Db, communityId: string, now: number): Promise<number> {
  const state = await getOrNull<{ households: number }>(db, COUNCIL_STATE, communityId)
  return state ? state.households : countHouseholds(db, communityId, now)
}

export async function countHouseholds(db: Db, communityId: string, now: number): Promise<number> {
  const people = await allBy<{ _id: string; buildingId: string; unitId: string; room?: string }>(
    db,
    { collection: USERS, where: { communityId }, key: '_id', dir: 'asc', fields: { buildingId: true, unitId: true, room: true } },
    { batch: 500 },
  )
  const households = new Set(people.items.map((p) => householdOf({ communityId, ...p })).filter(Boolean)).size
  await db.collection(COUNCIL_STATE).doc(communityId).set({ data: { communityId, households, countedAt: now } })
  return households
}

/** Supports of each topic: one grouped query for all of them (not one count each). */
export async function supportCounts(db: Db, topicIds: string[]): Promise<Map<string, number>> {
  if (!topicIds.length) return new Map()
  const $ = db.command.aggregate
  const res = (await db.collection(COUNCIL_SUPPORTS).aggregate().match({ topicId: db.command.in(topicIds) }).group({ _id: '$topicId', n: $.sum(1) }).end()) as { list: { _id: string; n: number }[] }
  return new Map(res.list.map((g) => [g._id, g.n]))
}

/** How selection works in a community (the admin's settings, else the street's, else the defaults): kept a minute per instance. */
export const selectionSetting = defineSetting<SelectionSettings>({
  collection: SETTINGS,
  ids: (at) => [`council_selection:${at.communityId}`, `council_selection:street:${at.streetId}`],
  defaults: DEFAULT_SELECTION,
  read: (doc, d) => ({ ...d, ...Object.fromEntries(Object.keys(d).filter((k) => typeof doc[k] === 'number').map((k) => [k, doc[k]])) }),
  ttlMs: 60_000,
})

/** What a topic's threshold depends on: the community's registered households and its selection settings. */
export interface Scale {
  households: number
  selection: SelectionSettings
}
export async function scaleOf(db: Db, at: Place, now: number, fresh = false): Promise<Scale> {
  const [households, selection] = await Promise.all([householdsOf(db, at.communityId, now), selectionSetting.load(db, at, { now, fresh })])
  return { households, selection }
}

export async function topicViews(db: Db, topics: TopicDoc[], household: string | null, scale: Scale): Promise<TopicView[]> {
  const hash = household ? householdHash(household) : null
  const [counts, mine] = await Promise.all([
    supportCounts(db, topics.map((t) => t._id)),
    hash && topics.length ? rows<{ _id: string }>(db.collection(COUNCIL_SUPPORTS).where({ _id: db.command.in(topics.map((t) => supportId(t._id, hash))) }).field({ _id: true }).limit(100)) : [],
  ])
  const supported = new Set(mine.map((m) => m._id))
  const threshold = thresholdOf(scale.households, scale.selection)
  return topics.map((t) => ({
    _id: t._id,
    title: t.title,
    detail: t.detail,
    status: t.status,
    raisedBy: t.raisedByName,
    proxy: !!t.proxy,
    createdAt: t.createdAt,
    sessionId: t.sessionId,
    cutoffAt: t.cutoffAt,
    supports: counts.get(t._id) ?? 0,
    threshold,
    mine: !!hash && supported.has(supportId(t._id, hash)),
  }))
}

export const actionView = ({ spec: _spec, owner: _owner, ...a }: StoredAction) => a

/** A topic with its reason, decision and progress, and whether the caller may answer 满意 / 不满意. */
export async function topicDetailOf(db: Db, t: TopicDoc, caller: string, household: string | null, scale: Scale): Promise<TopicDetail> {
  const [view] = await topicViews(db, [t], household, scale)
  const d = t.decision
  return {
    ...view,
    reason: t.reason ?? null,
    decision: d ? { sessionId: d.sessionId, decidedAt: d.decidedAt, decision: d.decision, dissent: d.dissent, actions: d.actions.map(actionView), progress: progressOf(d.actions) } : null,
    satisfied: t.satisfied ?? null,
    canRate: t.status === 'done' && t.raisedBy === caller,
    canWithdraw: (t.status === 'submitted' || t.status === 'accepted') && t.raisedBy === caller,
  }
}
