import { anOrder, HERE } from './fixtures'
import { audienceKey, keysFor, streetKey } from './keys'

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
