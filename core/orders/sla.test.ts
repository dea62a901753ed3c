import { anOrder, HERE, T0 } from './fixtures'
import { audienceKey, keysFor, newId, queueRank } from './keys'
import { DEFAULT_SLA, dueAt, isOverdue, reopenUntil, stageHours, type SlaConfig } from './sla'

const H = 3_600_000

describe('SLA', () => {
  it('urgent orders must be accepted within 2 hours of publishing', () => {
    expect(dueAt(anOrder({ status: 'open', urgency: 'urgent', stageSince: T0 }))).toBe(T0 + 2 * H)
    expect(dueAt(anOrder({ status: 'open', urgency: 'normal', stageSince: T0 }))).toBe(T0 + 48 * H)
  })
  it('per-category overrides win over the urgency default', () => {
    expect(stageHours(DEFAULT_SLA, 'legal', 'normal', 'accept')).toBe(168)
    expect(stageHours(DEFAULT_SLA, 'legal', 'normal', 'triage')).toBe(24)
    const custom: SlaConfig = { byUrgency: DEFAULT_SLA.byUrgency, byCategory: { repair_pipe: { urgent: { serve: 4 } } } }
    expect(dueAt(anOrder({ status: 'in_service', category: 'repair_pipe', urgency: 'urgent', stageSince: T0 }), custom)).toBe(T0 + 4 * H)
  })
  it('no clock once done, escalated or final', () => {
    for (const status of ['done', 'escalated', 'confirmed', 'cancelled'] as const) expect(dueAt(anOrder({ status }))).toBeNull()
  })
  it('overdue at and after the deadline', () => {
    expect(isOverdue({ dueAt: T0 }, T0 - 1)).toBe(false)
    expect(isOverdue({ dueAt: T0 }, T0)).toBe(true)
    expect(isOverdue({ dueAt: null }, T0 + 1e12)).toBe(false)
  })
  it('reopen window counts from confirmation, else from done', () => {
    expect(reopenUntil({ doneAt: T0, confirmedAt: null })).toBe(T0 + 7 * 24 * H)
    expect(reopenUntil({ doneAt: T0, confirmedAt: T0 + H })).toBe(T0 + H + 7 * 24 * H)
    expect(reopenUntil({ doneAt: null, confirmedAt: null })).toBeNull()
  })
})

describe('keys and paging', () => {
  it('ids sort by creation time', () => {
    const ids = [T0, T0 + 1, T0 + 1000, T0 + 86_400_000].map((t) => newId(t))
    expect([...ids].sort()).toEqual(ids)
    expect(ids[0]).toMatch(/^o[0-9a-z]{17}$/)
  })
  it('queue: overdue, reopened, new, escalated; nothing else', () => {
    expect(queueRank(anOrder({ status: 'accepted', overdue: true }))).toBe(0)
    expect(queueRank(anOrder({ status: 'submitted', reopenCount: 1 }))).toBe(1)
    expect(queueRank(anOrder({ status: 'submitted' }))).toBe(2)
    expect(queueRank(anOrder({ status: 'escalated' }))).toBe(3)
    expect(queueRank(anOrder({ status: 'open' }))).toBeNull()
    expect(queueRank(anOrder({ status: 'confirmed', overdue: true }))).toBeNull()
  })
  it('pool keys: urgent first; only open orders', () => {
    expect(anOrder({ status: 'open', urgency: 'urgent' }).poolKey).toBe('0o-1')
    expect(anOrder({ status: 'open' }).poolKey).toBe('1o-1')
    expect(anOrder({ status: 'accepted' }).poolKey).toBeNull()
  })
  it('a volunteer qualifies for the keys of their skills, team and own id', () => {
    const v = { openid: 'v', skills: ['repair_pipe'], team: 'red_steward', home: HERE }
    const mine = keysFor(v)
    expect(mine).toContain(audienceKey(anOrder({ audience: { skill: 'repair_pipe', team: null, volunteerId: null } })))
    expect(mine).toContain(audienceKey(anOrder({ audience: { skill: null, team: 'red_steward', volunteerId: null } })))
    expect(mine).toContain(audienceKey(anOrder({ audience: { skill: null, team: null, volunteerId: 'v' } })))
    expect(mine).not.toContain(audienceKey(anOrder({ audience: { skill: 'legal', team: null, volunteerId: null } })))
  })
  it('parties are the served resident and the orderer, once each', () => {
    expect(anOrder({ residentId: 'a', orderedBy: 'a' }).parties).toEqual(['a'])
    expect(anOrder({ residentId: null, orderedBy: 'lead' }).parties).toEqual(['lead'])
  })
})
