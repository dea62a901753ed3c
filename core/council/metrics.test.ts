import { chinaInstant, HOUR_MS } from '../china-time'
import { median, metricsOf, type TopicFacts } from './metrics'

const NOW = chinaInstant({ y: 2027, m: 3, d: 15, h: 12 })
const topic = (over: Partial<TopicFacts> = {}): TopicFacts => ({
  status: 'accepted', cutoffAt: NOW - HOUR_MS, scheduled: false, decidedAt: null, doneAt: null, actions: [], feedback: { decided: null, done: null }, satisfied: null, ...over,
})
const decided = (over: Partial<TopicFacts> = {}) => topic({ status: 'in_progress', scheduled: true, decidedAt: NOW - 10 * HOUR_MS, ...over })

describe('议事 metrics', () => {
  it('上会率: of the topics whose supports closed, those put on an agenda (still open ones wait)', () => {
    const m = metricsOf([topic({ scheduled: true }), topic(), topic({ cutoffAt: NOW + HOUR_MS }), topic({ cutoffAt: null, status: 'submitted' })], NOW)
    expect(m.onAgenda).toEqual({ value: 0.5, num: 1, den: 2 })
  })

  it('决议落实率: settled decisions (each action done or past its due day) done on time; one still in time is not counted yet', () => {
    const m = metricsOf(
      [
        decided({ actions: [{ kind: 'orders', due: '2027-03-10', doneAt: chinaInstant({ y: 2027, m: 3, d: 10, h: 23 }) }] }), // done on its due day
        decided({ actions: [{ kind: 'orders', due: '2027-03-10', doneAt: chinaInstant({ y: 2027, m: 3, d: 11 }) }] }), // a day late
        decided({ actions: [{ kind: 'event', due: '2027-03-14', doneAt: null }] }), // past due, not done
        decided({ actions: [{ kind: 'event', due: '2027-03-15', doneAt: null }] }), // due today: not settled
        decided({ actions: [] }), // a 公约 recorded: settled, on time
      ],
      NOW,
    )
    expect(m.implemented).toEqual({ value: 2 / 4, num: 2, den: 4 })
  })

  it('反馈率 and the median feedback time: a decision owes one, its being done another', () => {
    const m = metricsOf(
      [
        decided({ feedback: { decided: NOW - 9 * HOUR_MS, done: null } }), // 1 h
        decided({ status: 'done', doneAt: NOW - 5 * HOUR_MS, feedback: { decided: NOW - 7 * HOUR_MS, done: NOW - 5 * HOUR_MS } }), // 3 h, 0 h
        decided({ feedback: { decided: null, done: null } }),
      ],
      NOW,
    )
    expect(m.feedback).toEqual({ value: 3 / 4, num: 3, den: 4 })
    expect(m.medianFeedbackHours).toBe(1)
  })

  it('结果满意率 over the raisers who answered; empty denominators read as null', () => {
    expect(metricsOf([topic({ satisfied: true }), topic({ satisfied: false }), topic({ satisfied: true })], NOW).satisfied).toEqual({ value: 2 / 3, num: 2, den: 3 })
    const none = metricsOf([], NOW)
    expect([none.onAgenda.value, none.implemented.value, none.feedback.value, none.medianFeedbackHours, none.satisfied.value]).toEqual([null, null, null, null, null])
  })

  it('median of even and odd counts', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})
