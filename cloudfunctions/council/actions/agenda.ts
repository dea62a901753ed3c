/**
 * The 选题委员会 and its agenda. A member with the app puts a session's agenda after the supports
 * close, or staff record it for a member without one; the choice must stand by the rule
 * (core/council/selection agendaOf: up to K qualified topics, a public reason for each qualified one
 * left out, one of the committee's own with a reason). Written once, in one transaction with the
 * topics it puts on the agenda.
 */
import { chinaDay } from '../../../core/china-time'
import { COUNCIL_AGENDAS, COUNCIL_COMMITTEE, USERS } from '../../../core/collections'
import { commonError } from '../../../core/contract/errors'
import { councilError, type AgendaView, type councilFn } from '../../../core/council/contract'
import { agendaOf, thresholdOf } from '../../../core/council/selection'
import { transitionTopic } from '../../../core/council/topics'
import { EVENTS, type EventDoc } from '../../../core/events'
import { getOrNull, rows, setDoc, tx, type Db, type Tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import type { Ctx } from '../../../server/context'
import type { Place } from '../../../core/community/places'
import { mustBeHere, mustPlace } from '../../../server/community'
import { COUNCIL_TOPICS, scaleOf, supportCounts, type TopicDoc } from '../topics'

interface Member {
  name: string
  openid: string | null
  until: string
}
interface CommitteeDoc {
  communityId: string
  members: Member[]
  updatedAt: number
}
type AgendaDoc = AgendaView & { communityId: string }

const membersView = (members: Member[]) => ({ members: members.map((m) => ({ name: m.name, hasApp: !!m.openid, until: m.until })) })

export const setCommittee: Handler<(typeof councilFn)['setCommittee']> = async (ctx, { members }) => {
  const { communityId, streetId } = mustPlace(ctx.caller)
  for (const [i, m] of members.entries()) {
    if (!m.openid) continue
    const u = await getOrNull<{ communityId: string }>(ctx.db, USERS, m.openid)
    if (!u || u.communityId !== communityId) throw councilError.at(`members.${i}.openid`, 'MEMBER_UNKNOWN')
  }
  return membersView(await writeCommittee(ctx.db, { communityId, streetId }, members, ctx.now()))
}

/** The community's committee from now on (set by its admin, or elected). */
export async function writeCommittee(db: Db | Tx, at: Place, members: { name: string; openid?: string | null; until: string }[], now: number): Promise<Member[]> {
  const stored = members.map((m) => ({ name: m.name, openid: m.openid ?? null, until: m.until }))
  await db.collection(COUNCIL_COMMITTEE).doc(at.communityId).set({ data: { ...at, members: stored, updatedAt: now } })
  return stored
}

export const committee: Handler<(typeof councilFn)['committee']> = async (ctx) => {
  const c = await getOrNull<CommitteeDoc>(ctx.db, COUNCIL_COMMITTEE, mustPlace(ctx.caller).communityId)
  return membersView(c?.members ?? [])
}

/** The member of the committee in office the caller acts as: themselves, or (staff) a named member without the app they record for; null: neither. */
export async function actingMember(ctx: Ctx, communityId: string, forMember: string | undefined): Promise<{ name: string; by: string } | null> {
  const c = await getOrNull<CommitteeDoc>(ctx.db, COUNCIL_COMMITTEE, communityId)
  const current = (c?.members ?? []).filter((m) => m.until >= chinaDay(ctx.now()))
  const member = current.find((m) => m.openid === ctx.openid)
  if (member) return { name: member.name, by: `委员 ${member.name}` }
  const staff = ctx.caller.roles.includes('staff') || ctx.caller.roles.includes('admin')
  // only for a member without the app: one who has it acts in it themselves
  const recordedFor = staff && forMember ? current.find((m) => m.name === forMember && !m.openid) : undefined
  return recordedFor ? { name: recordedFor.name, by: `${ctx.user!.name} 代委员 ${recordedFor.name} 记录` } : null
}

export const setAgenda: Handler<(typeof councilFn)['setAgenda']> = async (ctx, input) => {
  const { communityId } = mustPlace(ctx.caller)
  const now = ctx.now()
  const acting = await actingMember(ctx, communityId, input.forMember)
  if (!acting) throw councilError('NOT_COMMITTEE')
  const by = acting.by

  const session = await getOrNull<EventDoc>(ctx.db, EVENTS, input.sessionId)
  if (!session || session.kind !== 'council') throw commonError('NOT_FOUND')
  mustBeHere(ctx.caller, session)
  // put already: say so, before its topics (on the agenda now) look unqualified (checked again in the transaction)
  if (await getOrNull(ctx.db, COUNCIL_AGENDAS, input.sessionId)) throw councilError('AGENDA_SET')
  const candidates = await rows<TopicDoc>(ctx.db.collection(COUNCIL_TOPICS).where({ sessionId: input.sessionId, status: 'accepted' }).limit(200))
  if (candidates.some((t) => t.cutoffAt !== null && t.cutoffAt > now)) throw councilError('SUPPORTS_OPEN')
  const [counted, scale] = await Promise.all([supportCounts(ctx.db, candidates.map((t) => t._id)), scaleOf(ctx.db, mustPlace(ctx.caller), now)])
  const count = new Map(candidates.map((t) => [t._id, counted.get(t._id) ?? 0]))
  const threshold = thresholdOf(scale.households, scale.selection)
  const qualified = candidates.filter((t) => count.get(t._id)! >= threshold).map((t) => ({ id: t._id, supports: count.get(t._id)!, raisedAt: t.createdAt }))
  const r = agendaOf(qualified, scale.selection.agendaSize, { chosen: input.chosen, reasons: input.reasons, own: input.own && { id: input.own.topicId, reason: input.own.reason } })
  if (!r.ok) throw councilError(r.code, { ids: r.ids })

  const byId = new Map(candidates.map((t) => [t._id, t]))
  // topics deferred last time are on this agenda already (carried over by the timer): listed first
  const carried = await rows<TopicDoc>(ctx.db.collection(COUNCIL_TOPICS).where({ sessionId: input.sessionId, status: 'on_agenda' }).limit(50))
  return tx(ctx.db, async (t) => {
    if (await getOrNull(t, COUNCIL_AGENDAS, input.sessionId)) throw councilError('AGENDA_SET')
    const topics = await Promise.all(r.agenda.map((id) => getOrNull<TopicDoc>(t, COUNCIL_TOPICS, id)))
    const items: AgendaView['items'] = carried.map((c) => ({ topicId: c._id, title: c.title, supports: 0, own: false, reason: '上次议事会暂缓，这次接着议' }))
    for (const [order, topic] of topics.entries()) {
      const id = r.agenda[order]
      if (!topic || topic.communityId !== communityId) throw councilError('TOPIC_UNKNOWN')
      const step = transitionTopic(topic.status, { type: 'SCHEDULE', sessionId: input.sessionId }, 'committee')
      if (!step.ok) throw councilError('TOPIC_STATE')
      const own = input.own?.topicId === id
      await setDoc(t, COUNCIL_TOPICS, { ...topic, _id: id, status: step.to, sessionId: input.sessionId, updatedAt: now, timeline: [...topic.timeline, { at: now, by: ctx.openid, event: 'SCHEDULE' }] })
      items.push({ topicId: id, title: topic.title, supports: count.get(id) ?? 0, own, reason: own ? input.own!.reason : null })
    }
    const leftOut = r.leftOut.map((l) => ({ topicId: l.id, title: byId.get(l.id)!.title, supports: count.get(l.id)!, reason: l.reason }))
    const agenda: AgendaDoc = { sessionId: input.sessionId, communityId, items, leftOut, by, at: now }
    await t.collection(COUNCIL_AGENDAS).doc(input.sessionId).set({ data: agenda })
    return { sessionId: agenda.sessionId, items, leftOut, by, at: now }
  })
}

export const agenda: Handler<(typeof councilFn)['agenda']> = async (ctx, { sessionId }) => {
  const found = await getOrNull<AgendaDoc>(ctx.db, COUNCIL_AGENDAS, sessionId)
  if (!found) return null
  mustBeHere(ctx.caller, found)
  return { sessionId, items: found.items, leftOut: found.leftOut, by: found.by, at: found.at }
}
