/**
 * A support is one transaction on known ids: the household's support of the topic (one at most),
 * the household's count for the session and the supporter's own count (each checked against its
 * limit and changed together); the topic's total is the number of its support documents, so many
 * households at once never contend on one document. A 楼栋长 supporting for a named elder without
 * the app fills the elder's household's place and uses up their own, smaller, allowance.
 */
import { COUNCIL_SUPPORT_COUNTS } from '../../core/collections'
import { commonError } from '../../core/contract/errors'
import { councilError } from '../../core/council/contract'
import type { Ctx } from '../../server/context'
import { countOf, getOrNull, tx } from '../../server/db'
import { COUNCIL_SUPPORTS, COUNCIL_TOPICS, householdHash, supportCountId, supportId, type TopicDoc } from './topics'

export interface SupportAs {
  topicId: string
  communityId: string
  /** The household supporting (its address, unhashed). */
  household: string | null
  householdLimit: number
  /** The supporter's own count: its id within the session, its limit, and the error when it is used up. */
  person: { key: string; limit: number; spent: 'NO_SUPPORTS_LEFT' | 'PROXY_SUPPORTS_LEFT'; oncePerTopic: boolean; perTopic?: number }
  /** A 楼栋长 does not support their own topic for others. */
  notRaisedBy?: string
  /** Written on the support document (grants, for whom and why). */
  extra: Record<string, unknown>
}

export async function addSupport(ctx: Ctx, s: SupportAs): Promise<{ topicId: string; supports: number; left: number }> {
  const now = ctx.now()
  const left = await tx(ctx.db, async (t) => {
    const topic = await getOrNull<TopicDoc>(t, COUNCIL_TOPICS, s.topicId)
    if (!topic) throw councilError('TOPIC_UNKNOWN')
    if (topic.communityId !== s.communityId) throw commonError('OTHER_COMMUNITY')
    if (!s.household) throw councilError('NO_HOUSEHOLD')
    const hash = householdHash(s.household)
    if (topic.status !== 'accepted' || !topic.sessionId || topic.cutoffAt === null) throw councilError('TOPIC_STATE')
    if (now >= topic.cutoffAt) throw councilError('SUPPORTS_CLOSED')
    if (topic.household === hash || (s.notRaisedBy && topic.raisedBy === s.notRaisedBy)) throw councilError('OWN_TOPIC')
    // counted per household and per person: a person who changes the room in their profile is still the one who supported
    const countId = supportCountId(topic.sessionId, hash)
    const personId = supportCountId(topic.sessionId, s.person.key)
    const [mine, count, person] = await Promise.all([
      getOrNull(t, COUNCIL_SUPPORTS, supportId(s.topicId, hash)),
      getOrNull<{ used: number }>(t, COUNCIL_SUPPORT_COUNTS, countId),
      getOrNull<{ used: number; topics: string[] }>(t, COUNCIL_SUPPORT_COUNTS, personId),
    ])
    // a resident supports a topic once whatever room they give; a 楼栋长 may support it for several elders
    if (mine || (s.person.oncePerTopic && person?.topics.includes(s.topicId))) throw councilError('ALREADY_SUPPORTED')
    if ((count?.used ?? 0) >= s.householdLimit) throw councilError('NO_SUPPORTS_LEFT')
    if ((person?.used ?? 0) >= s.person.limit) throw councilError(s.person.spent)
    if (s.person.perTopic !== undefined && (person?.topics ?? []).filter((id) => id === s.topicId).length >= s.person.perTopic) throw councilError('PROXY_TOPIC_LIMIT')
    const at = { communityId: topic.communityId, sessionId: topic.sessionId }
    await t.collection(COUNCIL_SUPPORTS).doc(supportId(s.topicId, hash)).set({ data: { ...at, topicId: s.topicId, household: hash, by: ctx.openid, at: now, ...s.extra } })
    await t.collection(COUNCIL_SUPPORT_COUNTS).doc(countId).set({ data: { ...at, household: hash, used: (count?.used ?? 0) + 1 } })
    await t.collection(COUNCIL_SUPPORT_COUNTS).doc(personId).set({ data: { ...at, used: (person?.used ?? 0) + 1, topics: [...(person?.topics ?? []), s.topicId] } })
    return Math.min(s.householdLimit - (count?.used ?? 0), s.person.limit - (person?.used ?? 0)) - 1
  })
  return { topicId: s.topicId, supports: await countOf(ctx.db.collection(COUNCIL_SUPPORTS).where({ topicId: s.topicId })), left }
}
