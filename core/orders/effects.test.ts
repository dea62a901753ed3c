import { ratedBody, undispatchedOverdue } from './effects'
import { anOrder } from './fixtures'
import type { TimelineEntry } from './model'

const entry = (event: string, note: string | null): TimelineEntry => ({ seq: 1, at: 0, by: 'x', actor: 'owner', event, from: 'done', to: 'confirmed', note })

describe('the rating notice', () => {
  it('says the stars, the words and what the confirmation paid', () => {
    const o = { rating: { stars: 4, comment: '很细心', at: 0, by: 'r' }, points: 15, timeline: [entry('CONFIRM', '评价4星：很细心；积分+15')] }
    expect(ratedBody(o)).toBe('4星：“很细心”；积分+15')
  })
  it('says when the daily cap paid less, and the order\'s points when nothing was recorded', () => {
    const capped = [entry('CONFIRM', '评价5星；积分+3（今日上限，原为15）')]
    expect(ratedBody({ rating: { stars: 5, comment: '', at: 0, by: 'r' }, points: 15, timeline: capped })).toBe('5星；积分+3（今日上限，原为15）')
    expect(ratedBody({ rating: { stars: 3, comment: '', at: 0, by: 'r' }, points: 10, timeline: [entry('AUTO_CONFIRM', null)] })).toBe('3星；本单积分10')
  })
})

describe('an overdue order nobody dispatched', () => {
  it('is told to the grid\'s 网格员 (once each); a dispatched one is not (its dispatcher hears)', () => {
    const waiting = anOrder()
    expect(undispatchedOverdue(waiting, 'MARK_OVERDUE', ['s1', 's2', 's1'])).toEqual([{ kind: 'notice', notice: 'overdue_triage', to: ['s1', 's2'] }])
    const dispatched = anOrder({ status: 'open', timeline: [entry('PUBLISH', null)] })
    expect(undispatchedOverdue(dispatched, 'MARK_OVERDUE', ['s1'])).toEqual([])
    expect(undispatchedOverdue(waiting, 'MARK_OVERDUE', [])).toEqual([])
    expect(undispatchedOverdue(waiting, 'CANCEL', ['s1'])).toEqual([])
  })
})
