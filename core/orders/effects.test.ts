import { ratedBody } from './effects'
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
