/**
 * Query keys derived from an order, recomputed after every change, so every list is one indexed
 * query paged by a cursor over a unique sort key (no skip: no duplicates or gaps while data moves).
 *
 * Order ids sort by creation time (newId), so `_id` itself is the sort key of "my orders" / "my tasks".
 */
import { storedFactsOf } from '../kpis/cells'
import { packFacts } from '../kpis/facts'
import { stageOf, type Order } from './model'

/** Sortable, unique id: 11 base-36 chars of ms time + 6 random chars. */
export function newId(now: number, random: () => number = Math.random): string {
  const t = now.toString(36).padStart(11, '0')
  let r = ''
  for (let i = 0; i < 6; i++) r += Math.floor(random() * 36).toString(36)
  return `o${t}${r}`
}

/** The smallest order id created at `at` or later: ids of a time span are a range. */
export const idFloor = (at: number): string => `o${at.toString(36).padStart(11, '0')}`

/** Triage queue rank: overdue first, then reopened, then new, then escalated (tracked). */
export function queueRank(o: Pick<Order, 'status' | 'overdue' | 'reopenCount'>): number | null {
  const active = ['submitted', 'open', 'accepted', 'in_service'].includes(o.status)
  if (active && o.overdue) return 0
  if (o.status === 'submitted') return o.reopenCount > 0 ? 1 : 2
  if (o.status === 'escalated') return 3
  return null
}

/** Who may take it: `<where>|<who>`, where = `c:<community>` or `st:<street>` (the street pool), who = 'all', 's:<skill>', 't:<team>' or 'v:<openid>'. */
export function audienceKey(o: Pick<Order, 'audience' | 'pool' | 'communityId' | 'streetId'>): string {
  const a = o.audience
  const where = o.pool === 'street' ? `st:${o.streetId}` : `c:${o.communityId}`
  if (a.volunteerId) return `${where}|v:${a.volunteerId}`
  if (a.team) return `${where}|t:${a.team}`
  if (a.skill) return `${where}|s:${a.skill}`
  return `${where}|all`
}

/** The audience keys a volunteer qualifies for: in their home community, and in their street's pool. */
export function keysFor(v: { openid: string; skills: readonly string[]; team: string | null; home: { communityId: string; streetId: string } | null }): string[] {
  if (!v.home) return []
  const who = ['all', `v:${v.openid}`, ...v.skills.map((s) => `s:${s}`), ...(v.team ? [`t:${v.team}`] : [])]
  return [`c:${v.home.communityId}`, `st:${v.home.streetId}`].flatMap((where) => who.map((k) => `${where}|${k}`))
}

/** In the street office's queue while an escalated 大事 sent to the street is open: unanswered first. */
export function streetKey(o: Pick<Order, '_id' | 'status' | 'street'>): string | null {
  if (o.status !== 'escalated' || !o.street) return null
  return `${o.street.answeredAt === null ? 0 : 1}${o._id}`
}

/** 单号: the id's random tail (ids are 'o' + time + 6 random base-36 chars), read out in upper case. */
export const orderNo = (id: string): string => id.slice(-6).toUpperCase()

/** The name staff search by: the neighbour served (a proxy order's contact is the one who ordered). */
export const whoKey = (o: Pick<Order, '_id' | 'servedName' | 'contactName'>): string => `${o.servedName ?? o.contactName}|${o._id}`

/** A typed 单号 (six letters or digits), in the stored case; null when the words are not one. */
export const asOrderNo = (q: string): string | null => (/^[0-9a-z]{6}$/i.test(q) ? q.toUpperCase() : null)

/**
 * The end of the range of strings that begin with `prefix`: its last character plus one. The same
 * in UTF-16 and in code-point order, so the database and this code agree on what is in range.
 */
export const prefixEnd = (prefix: string): string => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)

export function withKeys(o: Order): Order {
  const rank = queueRank(o)
  const parties = [...new Set([o.residentId, o.orderedBy].filter((x): x is string => !!x))]
  return {
    ...o,
    parties,
    audienceKey: audienceKey(o),
    queueKey: rank === null ? null : `${rank}${o._id}`,
    // urgent first, then oldest first
    poolKey: o.status === 'open' ? `${o.urgency === 'urgent' ? 0 : 1}${o._id}` : null,
    streetKey: streetKey(o),
    no: orderNo(o._id),
    stage: stageOf(o.status),
    whoKey: whoKey(o),
    checkDue: o.check && o.check.askedAt === null && o.check.answer === null ? o.check.dueAt : null,
    facts: packFacts(storedFactsOf(o)),
  }
}
