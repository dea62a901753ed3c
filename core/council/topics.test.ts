import { machineCases } from '../contract/machine-cases'
import { TOPIC_ACTORS, TOPIC_EVENT_ACTORS, topicMachine, transitionTopic, type TopicEvent, type TopicEventType } from './topics'

const SAMPLE: Record<TopicEventType, TopicEvent> = {
  ACCEPT: { type: 'ACCEPT' },
  MERGE: { type: 'MERGE', into: 't2' },
  CONVERT: { type: 'CONVERT', to: 'order', refId: 'o1' },
  DECLINE: { type: 'DECLINE', reason: '不属于社区事务' },
  WITHDRAW: { type: 'WITHDRAW' },
  SCHEDULE: { type: 'SCHEDULE', sessionId: 's1' },
  DISCUSS: { type: 'DISCUSS', summary: '大家同意' },
  DECIDE: { type: 'DECIDE', decision: '修好路灯' },
  DEFER: { type: 'DEFER', reason: '等物业答复' },
  CARRY: { type: 'CARRY', sessionId: 's2' },
  BEGIN: { type: 'BEGIN' },
  FINISH: { type: 'FINISH' },
  RATE: { type: 'RATE', satisfied: true },
}
describe('topic machine', () => {
  machineCases(topicMachine, TOPIC_ACTORS, TOPIC_EVENT_ACTORS, 'submitted', ['closed', 'converted', 'declined', 'merged', 'withdrawn'])
  it('sends the event\'s type through', () => {
    for (const [type, event] of Object.entries(SAMPLE)) expect(transitionTopic('submitted', event, TOPIC_EVENT_ACTORS[type as TopicEventType][0]).ok).toBe(!!topicMachine.target('submitted', type as TopicEventType))
  })
  it('a deferred topic comes back on the next agenda; a raiser cannot withdraw once it is on one', () => {
    expect(transitionTopic('deferred', SAMPLE.CARRY, 'system')).toEqual({ ok: true, to: 'on_agenda' })
    expect(transitionTopic('on_agenda', SAMPLE.WITHDRAW, 'raiser')).toEqual({ ok: false, code: 'BAD_STATE' })
  })
})
