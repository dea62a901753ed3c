import { agendaOf, proposalOf, supportsOpen, thresholdOf, type Candidate } from './selection'
import { electedOf, outcomeOf, quorumOf } from './evaluation'

const H = 3_600_000
const c = (id: string, supports: number, raisedAt: number): Candidate => ({ id, supports, raisedAt })

describe('supports', () => {
  it('a topic qualifies with max(5, ⌈2 % of households⌉): 5 up to 250 households, then 2 % rounded up', () => {
    expect([0, 100, 250, 251, 300, 1000, 1234].map((n) => thresholdOf(n))).toEqual([5, 5, 5, 6, 6, 20, 25])
    expect(thresholdOf(1000, { minSupports: 8, sharePercent: 1 })).toBe(10)
    expect(thresholdOf(300, { minSupports: 8, sharePercent: 1 })).toBe(8)
  })
  it('supports lock at the cutoff: open until the hour before, closed at it', () => {
    const start = 100 * H
    expect([supportsOpen(start - 24 * H - 1, start, 24), supportsOpen(start - 24 * H, start, 24), supportsOpen(start, start, 24)]).toEqual([true, false, false])
  })
})

describe('the committee\'s agenda', () => {
  const qualified = [c('old5', 5, 1), c('new9', 9, 5), c('mid5', 5, 3), c('new5', 5, 4), c('a9', 9, 5)]
  it('offered by supports, then age, then id', () => {
    expect(proposalOf(qualified, 3)).toEqual({ chosen: ['a9', 'new9', 'old5'], rest: ['mid5', 'new5'] })
  })
  it('up to K chosen, in agenda order, every qualified topic left out with its public reason, and one of its own', () => {
    const r = agendaOf(qualified, 3, { chosen: ['old5', 'new9'], reasons: { a9: '已转为服务单', mid5: ' 下次再议 ', new5: '与上一议题重复' }, own: { id: 'own1', reason: '冬季供暖关系全体居民' } })
    expect(r).toEqual({ ok: true, agenda: ['new9', 'old5', 'own1'], leftOut: [{ id: 'a9', reason: '已转为服务单' }, { id: 'mid5', reason: '下次再议' }, { id: 'new5', reason: '与上一议题重复' }] })
  })
  it('refused: more than K, a topic that did not qualify, a left-out topic without a reason, its own without one', () => {
    expect(agendaOf(qualified, 2, { chosen: ['a9', 'new9', 'old5'], reasons: { mid5: 'x', new5: 'x' } })).toMatchObject({ ok: false, code: 'TOO_MANY' })
    expect(agendaOf(qualified, 3, { chosen: ['zzz'], reasons: {} })).toEqual({ ok: false, code: 'NOT_QUALIFIED', ids: ['zzz'] })
    expect(agendaOf(qualified, 3, { chosen: ['a9', 'new9', 'old5'], reasons: { mid5: '   ' } })).toEqual({ ok: false, code: 'REASON_MISSING', ids: ['mid5', 'new5'] })
    expect(agendaOf(qualified, 5, { chosen: qualified.map((q) => q.id), reasons: {}, own: { id: 'own1', reason: '' } })).toEqual({ ok: false, code: 'OWN_REASON_MISSING', ids: ['own1'] })
  })
})

describe('the half-yearly evaluation', () => {
  it('quorum: max(10, ⌈5 % of eligible⌉)', () => {
    expect([0, 200, 201, 1000].map(quorumOf)).toEqual([10, 10, 11, 50])
  })
  it('without a quorum: extended once, then void', () => {
    const few = { support: 3, oppose: 5, abstain: 1 }
    expect([outcomeOf(few, 100, false), outcomeOf(few, 100, true)]).toEqual(['extend', 'void'])
    expect(outcomeOf({ support: 4, oppose: 5, abstain: 1 }, 100, false)).toBe('kept')
  })
  it('re-elected when more than 60 % oppose; exactly 60 % is not more', () => {
    expect(outcomeOf({ support: 4, oppose: 6, abstain: 0 }, 100, false)).toBe('kept')
    expect(outcomeOf({ support: 3, oppose: 6, abstain: 1 }, 100, false)).toBe('kept')
    expect(outcomeOf({ support: 39, oppose: 61, abstain: 0 }, 100, false)).toBe('reelect')
    expect(outcomeOf({ support: 0, oppose: 7, abstain: 3 }, 100, false)).toBe('reelect')
    // abstentions count among all ballots
    expect(outcomeOf({ support: 0, oppose: 6, abstain: 4 }, 100, false)).toBe('kept')
  })
  it('the top 3 are elected; a tie for the last seat is drawn', () => {
    expect(electedOf({ a: 9, b: 7, c: 5, d: 2 })).toEqual({ elected: ['a', 'b', 'c'], tied: [], seatsToDraw: 0 })
    expect(electedOf({ a: 9, b: 5, c: 5, d: 5, e: 1 })).toEqual({ elected: ['a'], tied: ['b', 'c', 'd'], seatsToDraw: 2 })
    expect(electedOf({ a: 4, b: 4, c: 4 })).toEqual({ elected: ['a', 'b', 'c'], tied: [], seatsToDraw: 0 })
    expect(electedOf({ a: 1 })).toEqual({ elected: ['a'], tied: [], seatsToDraw: 0 })
  })
})
