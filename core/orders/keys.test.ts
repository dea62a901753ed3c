import { storedFactsOf } from '../kpis/cells'
import { unpackFacts, type StoredFacts } from '../kpis/facts'
import { anOrder, HERE } from './fixtures'
import { transition, type OrderEvent } from './machine'
import type { Actor } from './model'
import { asOrderNo, audienceKey, keysFor, orderNo, prefixEnd, streetKey } from './keys'

/** c1 (HERE) and c2 are communities of street s1; c9 is in street s2. */
const C2 = { communityId: 'c2', streetId: 's1' }
const C9 = { communityId: 'c9', streetId: 's2' }
const aside = { skill: null, team: null, volunteerId: null }

describe('audienceKey: where and who', () => {
  it('the community pool is keyed by the order\'s community, the street pool by its street', () => {
    expect(audienceKey(anOrder())).toBe('c:c1|all')
    expect(audienceKey(anOrder({ pool: 'street' }))).toBe('st:s1|all')
    expect(audienceKey(anOrder({ ...C2 }))).toBe('c:c2|all')
    expect(audienceKey(anOrder({ ...C9, pool: 'street' }))).toBe('st:s2|all')
  })
  it('one volunteer beats a team, a team beats a skill', () => {
    expect(audienceKey(anOrder({ audience: { ...aside, skill: 'repair_pipe' } }))).toBe('c:c1|s:repair_pipe')
    expect(audienceKey(anOrder({ audience: { ...aside, skill: 'repair_pipe', team: 'youth' } }))).toBe('c:c1|t:youth')
    expect(audienceKey(anOrder({ pool: 'street', audience: { skill: 'repair_pipe', team: 'youth', volunteerId: 'v' } }))).toBe('st:s1|v:v')
  })
  it('the stored key follows the pool when the order is rewritten', () => {
    expect(anOrder({ pool: 'street' }).audienceKey).toBe('st:s1|all')
  })
})

describe('keysFor: what a volunteer may take', () => {
  const v = { openid: 'v', skills: ['repair_pipe'], team: 'red_steward', home: HERE }
  const mine = keysFor(v)
  it('their own community pool and their street\'s pool', () => {
    expect(mine).toContain(audienceKey(anOrder()))
    expect(mine).toContain(audienceKey(anOrder({ pool: 'street' })))
    // the street pool of an order from a neighbouring community of the same street
    expect(mine).toContain(audienceKey(anOrder({ ...C2, pool: 'street', audience: { ...aside, skill: 'repair_pipe' } })))
    expect(mine).toContain(audienceKey(anOrder({ ...C2, pool: 'street', audience: { ...aside, volunteerId: 'v' } })))
  })
  it('not a neighbouring community\'s own pool, nor another street\'s', () => {
    expect(mine).not.toContain(audienceKey(anOrder({ ...C2 })))
    expect(mine).not.toContain(audienceKey(anOrder({ ...C2, audience: { ...aside, volunteerId: 'v' } })))
    expect(mine).not.toContain(audienceKey(anOrder({ ...C9, pool: 'street' })))
    expect(mine).not.toContain(audienceKey(anOrder({ ...C9 })))
  })
  it('exactly the who-keys in the two places', () => {
    expect([...mine].sort()).toEqual(
      ['c:c1|all', 'c:c1|v:v', 'c:c1|s:repair_pipe', 'c:c1|t:red_steward', 'st:s1|all', 'st:s1|v:v', 'st:s1|s:repair_pipe', 'st:s1|t:red_steward'].sort(),
    )
  })
  it('nothing without a home', () => {
    expect(keysFor({ ...v, home: null })).toEqual([])
  })
})

describe('streetKey: the street office\'s queue', () => {
  const sent = (answeredAt: number | null) => ({ since: 1, answeredAt, answer: answeredAt === null ? null : '已协调', by: answeredAt === null ? null : 'sa' })
  it('unanswered cases first, then answered, each by id', () => {
    const unanswered = anOrder({ _id: 'o-2', status: 'escalated', street: sent(null) })
    const answered = anOrder({ _id: 'o-1', status: 'escalated', street: sent(5) })
    expect(streetKey(unanswered)).toBe('0o-2')
    expect(streetKey(answered)).toBe('1o-1')
    expect([streetKey(answered)!, streetKey(unanswered)!].sort()).toEqual(['0o-2', '1o-1'])
    expect(unanswered.streetKey).toBe('0o-2')
  })
  it('null for an escalated order kept in the community, and once the case is no longer escalated', () => {
    expect(streetKey(anOrder({ status: 'escalated', street: null }))).toBeNull()
    expect(streetKey(anOrder({ status: 'closed', street: sent(5) }))).toBeNull()
    expect(streetKey(anOrder({ status: 'submitted', street: null }))).toBeNull()
    expect(anOrder({ status: 'closed', street: sent(null) }).streetKey).toBeNull()
  })
})

describe('staff lists: tab, 单号, name', () => {
  it('every status falls in one tab; the keys follow the order when it moves', () => {
    expect(anOrder().stage).toBe('to_dispatch')
    expect(anOrder({ status: 'open' }).stage).toBe('to_accept')
    expect([anOrder({ status: 'accepted' }).stage, anOrder({ status: 'in_service' }).stage]).toEqual(['serving', 'serving'])
    expect(anOrder({ status: 'done' }).stage).toBe('to_confirm')
    expect(anOrder({ status: 'escalated' }).stage).toBe('escalated')
    for (const status of ['confirmed', 'closed', 'referred', 'rejected', 'cancelled'] as const) expect(anOrder({ status }).stage).toBe('finished')
  })
  it('单号 is the id\'s random tail in upper case; typed in any case it is found', () => {
    expect(orderNo('omb3x2k1q00a7f3kz')).toBe('A7F3KZ')
    expect(anOrder({ _id: 'omb3x2k1q00a7f3kz' }).no).toBe('A7F3KZ')
    expect(asOrderNo('a7f3kz')).toBe('A7F3KZ')
    expect([asOrderNo('王秀英'), asOrderNo('A7F3K'), asOrderNo('A7F3KZ1')]).toEqual([null, null, null])
  })
  it('the name searched is the neighbour served, not the 楼栋长 who ordered', () => {
    expect(anOrder({ _id: 'o1', contactName: '王秀英' }).whoKey).toBe('王秀英|o1')
    expect(anOrder({ _id: 'o1', contactName: '张楼长', servedName: '李大爷' }).whoKey).toBe('李大爷|o1')
  })
  it('a name prefix covers exactly the names that begin with it', () => {
    const inRange = (p: string, s: string) => s >= p && s < prefixEnd(p)
    expect(['王秀英|o1', '王|o2', '王建国|o3'].every((s) => inRange('王', s))).toBe(true)
    expect(['汪洋|o1', '玉兰|o2', '李王|o3'].some((s) => inRange('王', s))).toBe(false)
    expect(inRange('王秀', '王秀英|o1')).toBe(true)
    expect(inRange('王秀', '王建国|o3')).toBe(false)
  })
})

describe('facts: what the KPIs count, kept with the order', () => {
  it('follow the order through its life: answered, served, confirmed, rated, reopened', () => {
    const ctx = (by: string, actor: Actor, now: number) => ({ by, actor, now })
    let o = anOrder({ createdAt: 0, timeline: [{ seq: 1, at: 0, by: 'r1', actor: 'owner', event: 'CREATE', from: null, to: 'submitted', note: null }] })
    const seen: Partial<StoredFacts>[] = []
    const step = (event: OrderEvent, by: string, actor: Actor, now: number) => {
      const s = transition(o, event, ctx(by, actor, now))
      if (!s.ok) throw new Error(s.code)
      o = s.next
      expect(unpackFacts(o.facts!)).toEqual(storedFactsOf(o))
      seen.push(unpackFacts(o.facts!))
    }
    step({ type: 'PUBLISH', skill: null, team: null }, 'staff1', 'staff', 3_600_000)
    step({ type: 'ACCEPT', volunteerName: '李' }, 'v1', 'candidate', 7_200_000)
    step({ type: 'REPORT_DONE', note: '好了' }, 'v1', 'volunteer', 9_000_000)
    step({ type: 'CONFIRM', stars: 5 }, o.residentId!, 'owner', 9_500_000)
    step({ type: 'REOPEN', reason: '又坏了' }, o.residentId!, 'owner', 10_000_000)
    expect(seen.map((f) => [f.status, f.response, f.toFinish, f.solved, f.stars, f.reopened])).toEqual([
      ['open', 3_600_000, null, false, null, false],
      ['accepted', 3_600_000, null, false, null, false],
      ['done', 3_600_000, 9_000_000, false, null, false],
      ['confirmed', 3_600_000, 9_000_000, true, 5, false],
      ['submitted', 3_600_000, null, false, null, true],
    ])
  })
})
